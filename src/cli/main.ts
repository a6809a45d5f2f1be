import pkg from '../../package.json' with { type: 'json' };
import { parseCliArgs, type CliArgs } from './args.js';
import { UserError } from './errors.js';
import { USAGE } from './help.js';
import { runCommand } from './run.js';
import { sanitizeLine } from '../core/document/sanitize.js';
import { guardOutputStreams, isClosedAtStart, OUTPUT_ERROR } from './streams.js';

/** Exit code for a fault of ours rather than the user's (BSD sysexits EX_SOFTWARE). */
const INTERNAL_ERROR = 70;

async function main(argv: string[]): Promise<number> {
  if (isClosedAtStart(1)) {
    process.stderr.write('yuedu: cannot write output: standard output is closed\n');
    return OUTPUT_ERROR;
  }
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    return report(error);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`yuedu ${pkg.version}\n`);
    return 0;
  }
  try {
    return await runCommand(args);
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof UserError) {
    // Messages quote what the user typed or named, which must not reach the terminal as control codes.
    process.stderr.write(`yuedu: ${sanitizeLine(error.message)}\n`);
    process.stderr.write(`${error.hint ?? "Try 'yuedu --help' for usage."}\n`);
    return error.exitCode;
  }
  const detail = process.env.YUEDU_DEBUG && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error);
  process.stderr.write(`yuedu: internal error: ${sanitizeLine(detail ?? '')}\n`);
  return INTERNAL_ERROR;
}

// `| head` ends quietly; a full disk or closed output is one line and exit 74 (see streams.ts).
guardOutputStreams();

process.exitCode = await main(process.argv.slice(2));
