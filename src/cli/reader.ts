/**
 * Starting the reader from the command line: which streams it uses, what cannot work, and the resume
 * state: where it opens (a deep link, a section, the saved place), and what it saves (each mark at
 * once; position, measure and indent on every way out).
 */
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { ReaderState } from '../app/state.js';
import { resolveRef } from '../core/document/refs.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { Spacing } from '../core/layout/flow.js';
import type { Script } from '../core/script/convert.js';
import { sourceIndents } from '../core/document/indentation.js';
import { DEFAULT_MEASURE, defaultSpacing } from '../app/state.js';
import type { Settings } from './settings.js';
import { sanitizeLine } from '../core/document/sanitize.js';
import { KEY_SAVE_WAIT_MS, loadState, saveState, type StateRecord } from '../storage/store.js';
import { drawFirstFrame, undoFirstFrame } from '../ui/first-frame.js';
import { detectAmbiguousWidth } from './ambiguous.js';
import { UserError } from './errors.js';

export interface ReaderCliOptions {
  doc: Document;
  section?: number;
  ambiguousWidth: AmbiguousWidth;
  color: boolean;
  /** `--search QUERY`: open at the query's best hit with the search active (at the start when nothing matches). */
  search?: string;
  /** `--at REF`: open at this paragraph or section (checked here, before the screen changes). */
  at?: string;
  /** `--from-start`: open at the top, not at the saved place. */
  fromStart?: boolean;
  /** False with `--no-clipboard`. @default true */
  clipboard?: boolean;
  /** `--measure N` (0: no limit); undefined: as saved, else the default. */
  measure?: number;
  /** `--indent` / `--no-indent`; undefined: as saved, else as the source indents. */
  indent?: boolean;
  /** `--spacing 0|1`; undefined: as saved, else by the text's shape. */
  spacing?: Spacing | undefined;
  /** `--script NAME`; undefined: as saved, else as written. */
  script?: Script | undefined;
  /** The settings file's: defaults under what the command line and the text's record say. */
  settings?: Settings;
  /** A warning for the status bar at start (about the settings file). */
  notice?: string;
  /** Ask the terminal how wide it draws ambiguous characters (no option or setting said). */
  detectAmbiguous?: boolean;
}

/**
 * Where the reader opens: `--at`, else `--section` (handled by the reader), else the saved place unless
 * `--from-start`. Throws a UserError for a reference the document does not have.
 */
export function openingAnchor(doc: Document, options: Pick<ReaderCliOptions, 'at' | 'section' | 'fromStart'>, saved: StateRecord | undefined): Anchor | undefined {
  if (options.at !== undefined) {
    const target = resolveRef(doc, options.at);
    if (!target.ok) throw new UserError(target.message, 2, "'yuedu toc' lists the sections and their paragraphs.");
    return { block: target.block, offset: 0 };
  }
  if (options.section !== undefined || options.fromStart) return undefined;
  return saved?.anchor;
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
  if (options.search !== undefined && options.search.trim() === '') throw new UserError('--search needs something to search for');
  if (section !== undefined && section > doc.sections.length) {
    throw new UserError(`there is no section ${section}: the document has ${doc.sections.length} (0 is the lead)`);
  }
  const loaded = loadState(doc.source);
  // A search goes to its hit, or to the start when nothing matches: not to the saved place.
  const top = openingAnchor(doc, { ...options, fromStart: options.fromStart === true || options.search !== undefined }, loaded.record);
  const settings = options.settings ?? {};
  const record = loaded.record;
  // Where neither the command line nor this text's record says: the settings file, then the defaults.
  const base = {
    measure: settings.measure ?? DEFAULT_MEASURE,
    indent: settings.indent ?? sourceIndents(doc),
    spacing: settings.spacing ?? defaultSpacing(doc),
    script: settings.script ?? 'original',
  } as const;
  const measure = options.measure ?? record?.measure ?? base.measure;
  const indent = options.indent ?? record?.indent ?? base.indent;
  const spacing = options.spacing ?? record?.spacing ?? base.spacing;
  const script = options.script ?? record?.script ?? base.script;
  const notice = [loaded.warning, options.notice].filter((line) => line !== undefined).join('; ');
  const initial = {
    ...(top === undefined ? {} : { top }),
    ...(record ? { marks: record.marks } : {}),
    measure,
    indent,
    spacing,
    script,
    ...(settings.sidebar === false ? { sidebarHidden: true } : {}),
    ...(notice === '' ? {} : { notice }),
    ...(options.search === undefined ? {} : { search: options.search }),
  };
  let leaveWarning: string | undefined;
  // A mark is saved on its key, so it waits for another process's lock only briefly; one that could not
  // be saved goes with the next save (the one on the way out waits longer).
  const onMark = (letter: string, anchor: Anchor): string | undefined =>
    saveState(doc.source, { marks: { [letter]: anchor } }, { lock: { wait: KEY_SAVE_WAIT_MS } }).warning;
  const onLeave = (state: ReaderState): void => {
    // A setting is remembered for this text once it is not what the settings file (or the default)
    // gives, or was remembered before: an untouched text follows the settings file when it changes.
    const keep = <K extends keyof typeof base>(key: K, value: (typeof base)[K]) => (record?.[key] !== undefined || value !== base[key] ? { [key]: value } : {});
    leaveWarning = saveState(doc.source, {
      anchor: state.top,
      ...keep('measure', state.measure),
      ...keep('indent', state.indent),
      ...keep('spacing', state.spacing),
      ...keep('script', state.script),
    }).warning;
  };
  const keyboard = openKeyboard();
  let code: number;
  try {
    const ambiguousWidth = options.detectAmbiguous ? await detectAmbiguousWidth(keyboard.stream, process.stdout) : options.ambiguousWidth;
    const screen = drawFirstFrame({ doc, stdin: keyboard.stream, stdout: process.stdout, ambiguousWidth, color: options.color, ...(section === undefined ? {} : { section }), initial });
    // Loaded only here: `yuedu print` and friends never pay for Ink and React.
    const { runReader } = await import('../ui/run.js').catch((error: unknown) => {
      if (screen) {
        screen.release();
        undoFirstFrame(screen.writer, keyboard.stream, process.stdout);
      }
      throw error;
    });
    code = await runReader({
      ...(screen ? { screen } : {}),
      doc,
      stdin: keyboard.stream,
      stdout: process.stdout,
      ambiguousWidth,
      color: options.color,
      ...(section === undefined ? {} : { section }),
      initial,
      onMark,
      onLeave,
      clipboard: options.clipboard ?? true,
    });
  } finally {
    keyboard.close();
  }
  // The screen is back: a place that could not be saved is said where it stays readable.
  if (leaveWarning !== undefined) process.stderr.write(`yuedu: ${sanitizeLine(leaveWarning)}\n`);
  if (code > 128) process.exit(code);
  return code;
}
