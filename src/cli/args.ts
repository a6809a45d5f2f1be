import { parseArgs } from 'node:util';
import { formatRef, parseRef, REF_FORMS } from '../core/document/refs.js';
import { SCRIPTS, type Script } from '../core/script/convert.js';
import type { Format } from '../core/document/types.js';
import { UserError } from './errors.js';
import { parseFormat } from './formats.js';

/** Subcommands; anything else in first position is a FILE for the reader. */
export const COMMANDS = ['toc', 'print', 'wrap', 'search', 'shelf'] as const;
export type CommandName = (typeof COMMANDS)[number] | 'read';

export interface CliArgs {
  command: CommandName;
  /** Positional arguments after the command name (FILE, QUERY …). */
  positionals: string[];
  help: boolean;
  version: boolean;
  json: boolean;
  width?: number;
  section?: number;
  limit?: number;
  ambiguousWide: boolean;
  search?: string;
  /** `--at REF`, in canonical form (`s2p3`, or `s2` for a section); checked against the document later. */
  at?: string;
  /** `--from-start`: open at the beginning, ignoring the saved position. */
  fromStart: boolean;
  /** False with `--no-clipboard`: the copy key must not write to the terminal clipboard. */
  clipboard: boolean;
  /** `--measure N`: most columns of text (0: no limit); undefined: as remembered, else the default. */
  measure?: number;
  /** `--indent` (true) / `--no-indent` (false); undefined: as remembered, else as the source indents. */
  indent?: boolean;
  /** `--spacing 0|1`: blank lines between paragraphs; undefined: as remembered, else by the text's shape. */
  spacing?: 0 | 1;
  /** `--script NAME`: the script the text is shown in; undefined: as remembered, else as written. */
  script?: Script;
  /** False with `--no-readings`: ruby readings (EPUB) are not shown after their base. */
  readings: boolean;
  /** `--ambiguous-narrow`: East Asian Ambiguous characters take one cell, without asking the terminal. */
  ambiguousNarrow: boolean;
  /** `--format text|markdown|epub`; undefined: from the file's extension. */
  format?: Format;
  /** `print --notes`: what was kept out of the reading flow (site lines, the contents block, disclaimers). */
  notes: boolean;
  /** `--encoding NAME`: decode the text as this, without detection. */
  encoding?: string;
  /** `--chapter REGEX` / `--volume REGEX`: the user's heading rules (checked to compile). */
  chapter?: RegExp;
  volume?: RegExp;
  /** `--interview`: open the bundled interview, not the text read last. */
  interview: boolean;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  width: { type: 'string', short: 'w' },
  section: { type: 'string', short: 's' },
  limit: { type: 'string', short: 'n' },
  'ambiguous-wide': { type: 'boolean' },
  search: { type: 'string' },
  at: { type: 'string' },
  'from-start': { type: 'boolean' },
  'no-clipboard': { type: 'boolean' },
  measure: { type: 'string' },
  indent: { type: 'boolean' },
  'no-indent': { type: 'boolean' },
  spacing: { type: 'string' },
  script: { type: 'string' },
  'no-readings': { type: 'boolean' },
  'ambiguous-narrow': { type: 'boolean' },
  format: { type: 'string' },
  notes: { type: 'boolean' },
  encoding: { type: 'string' },
  chapter: { type: 'string' },
  volume: { type: 'string' },
  interview: { type: 'boolean' },
} as const;

/** How a text is read and outlined: every command that parses one takes them. */
const TEXT_OPTIONS = ['encoding', 'chapter', 'volume'] as const;

/** Options each command accepts, so `yuedu toc --width 3` is an error rather than silently ignored. */
const ALLOWED: Record<CommandName, readonly string[]> = {
  read: ['section', 'ambiguous-wide', 'ambiguous-narrow', 'search', 'at', 'from-start', 'no-clipboard', 'measure', 'indent', 'no-indent', 'spacing', 'script', 'no-readings', 'interview', ...TEXT_OPTIONS, 'format'],
  toc: ['json', 'format', ...TEXT_OPTIONS],
  print: ['section', 'width', 'ambiguous-wide', 'ambiguous-narrow', 'at', 'notes', 'format', 'indent', 'no-indent', 'spacing', 'script', 'no-readings', ...TEXT_OPTIONS],
  wrap: ['width', 'ambiguous-wide', 'ambiguous-narrow', 'encoding'],
  search: ['json', 'limit', 'width', 'ambiguous-wide', 'ambiguous-narrow', 'format', ...TEXT_OPTIONS],
  shelf: ['json', 'width', 'ambiguous-wide', 'ambiguous-narrow'],
};

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = describeParseError(error);
    // `yuedu -notes.txt` reads as options; say how to name such a file.
    const hint = message.startsWith('unknown option') ? "Try 'yuedu --help' for usage; a FILE whose name starts with '-' goes after '--'." : undefined;
    throw new UserError(message, 2, hint);
  }
  const { values, positionals } = parsed;
  const first = positionals[0];
  const isCommand = (COMMANDS as readonly string[]).includes(first ?? '');
  const command: CommandName = isCommand ? (first as CommandName) : 'read';
  const rest = isCommand ? positionals.slice(1) : positionals;

  const args: CliArgs = {
    command,
    positionals: rest,
    help: values.help ?? false,
    version: values.version ?? false,
    json: values.json ?? false,
    ambiguousWide: values['ambiguous-wide'] ?? false,
    // Two cells at least: a Chinese character needs two, and a narrower line could not hold it.
    width: values.width === undefined ? undefined : positiveInt('--width', values.width, 2, 10_000),
    section: values.section === undefined ? undefined : positiveInt('--section', values.section, 0, 1_000_000),
    limit: values.limit === undefined ? undefined : positiveInt('--limit', values.limit, 1, 1_000_000),
    search: values.search,
    at: values.at === undefined ? undefined : reference(values.at),
    fromStart: values['from-start'] ?? false,
    clipboard: !(values['no-clipboard'] ?? false),
    measure: values.measure === undefined ? undefined : positiveInt('--measure', values.measure, 0, 10_000),
    indent: values.indent ? true : values['no-indent'] ? false : undefined,
    spacing: values.spacing === undefined ? undefined : (positiveInt('--spacing', values.spacing, 0, 1) as 0 | 1),
    script: values.script === undefined ? undefined : script(values.script),
    readings: values['no-readings'] !== true,
    ambiguousNarrow: values['ambiguous-narrow'] ?? false,
    ...(values.format !== undefined && { format: parseFormat(values.format) }),
    notes: values.notes ?? false,
    ...(values.encoding !== undefined && { encoding: nonEmpty('--encoding', values.encoding) }),
    ...(values.chapter !== undefined && { chapter: pattern('--chapter', values.chapter) }),
    ...(values.volume !== undefined && { volume: pattern('--volume', values.volume) }),
    interview: values.interview ?? false,
  };
  if (args.help || args.version) return args;

  for (const name of Object.keys(values)) {
    if (!ALLOWED[command].includes(name)) {
      const where = command === 'read' ? 'the reader' : `'yuedu ${command}'`;
      throw new UserError(`option --${name} does not apply to ${where}`);
    }
  }
  if (values.at !== undefined && values.section !== undefined) throw new UserError('use either --at or --section, not both');
  if (values.notes && (values.at !== undefined || values.section !== undefined)) throw new UserError('--notes prints the notes only: use it without --at or --section');
  if (values.indent && values['no-indent']) throw new UserError('use either --indent or --no-indent, not both');
  if (args.ambiguousWide && args.ambiguousNarrow) throw new UserError('use either --ambiguous-wide or --ambiguous-narrow, not both');
  return args;
}

function script(raw: string): Script {
  const name = raw.trim().toLowerCase();
  if ((SCRIPTS as readonly string[]).includes(name)) return name as Script;
  throw new UserError(`--script needs one of ${SCRIPTS.join(', ')}, not '${raw}'`);
}

function reference(raw: string): string {
  // What `yuedu search` calls a hit in a reprint's 原标题 line: resolved against the text (refs.ts).
  if (raw.trim().toLowerCase() === 'original-title') return 'original-title';
  // And a hit in a volume's heading: `v2`.
  const volume = /^v(\d{1,6})$/u.exec(raw.normalize('NFKC').trim().toLowerCase());
  if (volume) return `v${Number(volume[1])}`;
  const ref = parseRef(raw);
  if (!ref) throw new UserError(`--at needs a paragraph reference, not '${raw}'`, 2, `Write ${REF_FORMS}; 'yuedu toc' lists the sections.`);
  return formatRef(ref);
}

function nonEmpty(name: string, raw: string): string {
  if (raw.trim() === '') throw new UserError(`${name} needs a name, e.g. ${name} big5`);
  return raw.trim();
}

/** A heading rule as the user wrote it: a regular expression matched against each line (indents removed). */
function pattern(name: string, raw: string): RegExp {
  if (raw === '') throw new UserError(`${name} needs a regular expression, e.g. ${name} '^第.+章'`);
  try {
    return new RegExp(raw, 'u');
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    throw new UserError(`${name} is not a valid regular expression: ${why}`, 2, `Write it as JavaScript would, e.g. ${name} '^第.+章'.`);
  }
}

function positiveInt(name: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UserError(`${name} needs a whole number from ${min} to ${max}, not '${raw}'`);
  }
  return value;
}

/** node:util's messages mention internals ("ERR_PARSE_ARGS…"); say it in the user's terms. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `option ${missing[1]} needs a value`;
  return message.split('\n')[0] ?? message;
}
