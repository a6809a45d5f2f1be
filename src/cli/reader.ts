/** Starting the reader from the command line: which streams it uses, and what cannot work. */
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { Document } from '../core/document/types.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import { UserError } from './errors.js';

export interface ReaderCliOptions {
  doc: Document;
  section?: number;
  ambiguousWidth: AmbiguousWidth;
  color: boolean;
  /** `--search QUERY`: not available in the reader yet. */
  search?: string;
}

interface Keyboard {
  stream: NodeJS.ReadStream;
  close(): void;
}

/**
 * The terminal to read keys from: stdin when it is one; else, when the text was piped in
 * (`cat file | yuedu`), the controlling terminal, as `less` does.
 */
function openKeyboard(): Keyboard {
  if (process.stdin.isTTY) return { stream: process.stdin, close: () => undefined };
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r');
  } catch {
    throw new UserError('no terminal to read keys from (stdin is not a terminal and /dev/tty cannot be opened)', 2, "Use 'yuedu print' to print the text instead.");
  }
  const stream = new ReadStream(fd);
  return { stream, close: () => stream.destroy() };
}

/**
 * Runs the interactive reader on this process's terminal (stdout must be one) and returns the exit
 * code. When a signal (SIGTERM, SIGHUP, SIGINT) ended it, the terminal is restored and the process
 * exits at once with 128 + the signal number, as the signal would have ended it.
 */
export async function runReaderFromCli(options: ReaderCliOptions): Promise<number> {
  const { doc, section } = options;
  if (options.search !== undefined) throw new UserError('--search is not available in the reader yet');
  if (section !== undefined && section > doc.sections.length) {
    throw new UserError(`there is no section ${section}: the document has ${doc.sections.length} (0 is the lead)`);
  }
  const keyboard = openKeyboard();
  let code: number;
  try {
    // Loaded only here: `yuedu print` and friends never pay for Ink and React.
    const { runReader } = await import('../ui/run.js');
    code = await runReader({
      doc,
      stdin: keyboard.stream,
      stdout: process.stdout,
      ambiguousWidth: options.ambiguousWidth,
      color: options.color,
      ...(section === undefined ? {} : { section }),
    });
  } finally {
    keyboard.close();
  }
  if (code > 128) process.exit(code);
  return code;
}
