/**
 * Starting the reader from the command line: which streams it uses, what cannot work, and the resume
 * state: where it opens (a deep link, a section, the saved place), and what it saves (each mark at
 * once; position, measure and indent on every way out).
 */
import { closing } from './kept.js';
import type { ReaderState } from '../app/state.js';
import { resolveRef } from '../core/document/refs.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { Spacing } from '../core/layout/flow.js';
import type { Script } from '../core/script/convert.js';
import { indentsByDefault } from '../core/document/indentation.js';
import { DEFAULT_MEASURE, defaultSpacing } from '../app/state.js';
import type { Settings } from './settings.js';
import { sanitizeLine } from '../core/document/sanitize.js';
import { charsThrough, textCounts } from '../core/document/counts.js';
import { ReadingClock } from '../storage/reading-time.js';
import { forgetRecord, type ShelfListing } from '../storage/shelf.js';
import { ENDING_SIGNALS, keyboard, signalExitCode, TerminalSession, terminalSize, type TerminalSize } from '../terminal/session.js';
import { firstFrameView } from '../ui/first-frame.js';
import type { ScreenView } from '../ui/rows/frame.js';
import { KEY_SAVE_WAIT_MS, loadState, saveState, type StateRecord, type StateUpdate } from '../storage/store.js';
import { visibleRows } from '../app/selectors.js';
import type { ShelfHit } from '../app/shelf.js';
import { openIndexCaches, searchMany } from './commands/search-many.js';

/** Hits listed per text when the shelf searches every text. */
const ACROSS_PER_TEXT = 5;
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
  /** The file the text was read from (absolute), remembered for the shelf and the next `yuedu`. */
  path?: string;
  /** What was opened when no FILE was named, for the status bar. */
  opened?: string;
  /** Folders whose texts the shelf lists besides those read before (`yuedu DIR`). */
  shelfFolders?: readonly string[];
  /** Open with the shelf shown (`yuedu DIR`). */
  showShelf?: boolean;
  /**
   * With a first look at a long book as `doc` (`doc.preview`): reads the whole book, once the first look
   * is on screen. Throws as loading does (a UserError for a book that cannot be read).
   */
  whole?: () => Document | Promise<Document>;
  /** Reads another text, to open from the shelf. */
  loadPath?: (path: string) => Promise<Document>;
  /** Gathers the shelf's entries. */
  gatherShelf?: (folders: readonly string[]) => Promise<ShelfListing>;
  /** `--spacing 0|1`; undefined: as saved, else by the text's shape. */
  spacing?: Spacing | undefined;
  /** `--script NAME`; undefined: as saved, else as written. */
  script?: Script | undefined;
  /** False with `--no-readings`. @default true */
  readings?: boolean | undefined;
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

/**
 * Runs the interactive reader on this process's terminal (stdout must be one) and returns the exit
 * code. When a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) ended it, the terminal is restored and the process
 * exits at once with 128 + the signal number, as the signal would have ended it.
 */
export async function runReaderFromCli(options: ReaderCliOptions): Promise<number> {
  let current = options;
  // The terminal is asked once, for the first text; the texts opened from the shelf are laid out alike.
  let probed: Promise<AmbiguousWidth> | undefined;
  const widthOf = (input: NodeJS.ReadStream): Promise<AmbiguousWidth> =>
    (probed ??= options.detectAmbiguous ? detectAmbiguousWidth(input, process.stdout) : Promise.resolve(options.ambiguousWidth));
  // What opened without a FILE named; not when the user asked for a place in it, which the status bar shows,
  // nor behind a shelf shown first (`yuedu DIR`): the shelf is on screen, and which text waits behind it
  // is not news.
  const asked = options.at !== undefined || options.section !== undefined || options.search !== undefined;
  let notice = options.opened === undefined || asked || options.showShelf === true ? undefined : `${options.opened}; o shows the shelf`;
  for (;;) {
    const gather = async (): Promise<ShelfListing> => (options.gatherShelf ? options.gatherShelf(options.shelfFolders ?? []) : { entries: [], notes: [] });
    const outcome = await runOnce(current, gather, notice, widthOf);
    if (outcome.open === undefined || !options.loadPath) return outcome.code;
    const at = outcome.at;
    notice = undefined;
    try {
      const doc = await options.loadPath(outcome.open);
      // Another text opens at its own saved place: the options that placed the first one are spent.
      current = { ...options, doc, path: outcome.open, showShelf: false, fromStart: false };
      // The settings file's warning was shown with the first text.
      delete current.notice;
      delete current.whole;
      delete current.section;
      delete current.at;
      delete current.search;
      // A hit of a search across the texts opens at its paragraph; one the text no longer has (it changed
      // since its index was kept) opens the text where it was left, and says so, rather than failing.
      if (at !== undefined) {
        if (resolveRef(doc, at).ok) current.at = at;
        else notice = `${sanitizeLine(at)} is not in this text any more (it changed since it was searched): opened where it was left`;
      }
    } catch (error) {
      notice = `cannot open ${sanitizeLine(outcome.open)}: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`;
    }
  }
}

/** The saved update for a text's record: what the shelf shows of it, the place, the time read. */
function recordUpdate(doc: Document, path: string | undefined, update: StateUpdate): StateUpdate {
  const { chapters, chars } = textCounts(doc);
  return { ...update, title: doc.title, ...(doc.author ? { author: doc.author } : {}), chapters, chars, lastRead: new Date().toISOString(), ...(path === undefined ? {} : { path }) };
}

/** How far the bottom of the view is into the text, in characters. */
function readThrough(state: ReaderState): number {
  try {
    const last = visibleRows(state).at(-1);
    const anchor = last === undefined ? state.top : { block: last.blockId, offset: last.kind === 'blank' ? 0 : last.end };
    return Math.max(charsThrough(state.doc, state.top), charsThrough(state.doc, anchor));
  } catch {
    return charsThrough(state.doc, state.top);
  }
}

async function runOnce(
  options: ReaderCliOptions,
  gather: () => Promise<ShelfListing>,
  opened: string | undefined,
  widthOf: (input: NodeJS.ReadStream) => Promise<AmbiguousWidth>,
): Promise<{ code: number; open?: string; at?: string }> {
  const { section } = options;
  let doc = options.doc;
  // A first look at a long book (see formats.ts) is drawn while the rest is read; the whole book is
  // what the reader then opens, at its saved place when it has one. Not when a place was asked for.
  const whole = doc.preview !== undefined && options.whole !== undefined && section === undefined && options.at === undefined && options.search === undefined && !options.showShelf ? options.whole : undefined;
  if (doc.preview !== undefined && whole === undefined) doc = (await options.whole?.()) ?? doc;
  if (options.search !== undefined && options.search.trim() === '') throw new UserError('--search needs something to search for');
  if (section !== undefined && section > doc.sections.length) {
    throw new UserError(`there is no section ${section}: the document has ${doc.sections.length} (0 is the lead)`);
  }
  // What the text's record, the command line and the settings file say for `text` (a first look has no record: its text is not the book's).
  const prepare = (text: Document) => {
    const loaded = text.preview === undefined ? loadState(text.source) : {};
    // A search goes to its hit, or to the start when nothing matches: not to the saved place.
    const top = openingAnchor(text, { ...options, fromStart: options.fromStart === true || options.search !== undefined }, loaded.record);
    const settings = options.settings ?? {};
    const record = loaded.record;
    // Where neither the command line nor this text's record says: the settings file, then the defaults.
    const indentsItself = indentsByDefault(text);
    const measure = options.measure ?? record?.measure ?? settings.measure ?? DEFAULT_MEASURE;
    const indent = options.indent ?? record?.indent ?? settings.indent ?? indentsItself;
    const base = {
      measure: settings.measure ?? DEFAULT_MEASURE,
      indent: settings.indent ?? indentsItself,
      // A book shown indented runs its paragraphs together: the default follows the indent shown.
      spacing: settings.spacing ?? defaultSpacing(text, indent),
      script: settings.script ?? 'original',
    } as const;
    const spacing = options.spacing ?? record?.spacing ?? base.spacing;
    const script = options.script ?? record?.script ?? base.script;
    // The saved record's warning, else what opened (or the shelf's note); then the settings file's warning.
    const noticeOf = (shown: string | undefined): string => [loaded.warning ?? shown, options.notice].filter((line) => line !== undefined).join('; ');
    const notice = noticeOf(opened);
    // What the first frame shows; the shelf is gathered after it is drawn (the text's own view shows none of it).
    const early = {
      ...(top === undefined ? {} : { top }),
      ...(record ? { marks: record.marks } : {}),
      measure,
      indent,
      spacing,
      script,
      ...(options.readings === false ? { readings: false } : {}),
      ...(settings.sidebar === false ? { sidebarHidden: true } : {}),
      ...(notice === '' ? {} : { notice }),
      ...(options.search === undefined ? {} : { search: options.search }),
      shelf: [] as ShelfListing['entries'],
      ...(options.showShelf ? { showShelf: true } : {}),
    };
    return { loaded, record, base, noticeOf, notice, early };
  };
  let prepared = prepare(doc);
  let { notice } = prepared;
  let leaveWarning: string | undefined;
  let open: string | undefined;
  let openAt: string | undefined;
  const clock = new ReadingClock();
  let furthest = 0;
  let lastState: ReaderState | undefined;
  let forgotten = 0;
  let viewed = options.showShelf !== true;
  const onState = (state: ReaderState): void => {
    if (lastState !== undefined && state !== lastState) clock.key();
    if (!state.shelf.open) viewed = true;
    lastState = state;
    // The top is cheap to count on every key; the view's bottom is counted when the reader leaves.
    furthest = Math.max(furthest, charsThrough(state.doc, state.top));
    const forget = state.shelf.forget;
    if (forget !== undefined && forget.serial !== forgotten) {
      forgotten = forget.serial;
      const warning = forgetRecord(forget.key);
      if (warning !== undefined) leaveWarning = warning;
    }
  };
  // A mark is saved on its key, so it waits for another process's lock only briefly; one that could not
  // be saved goes with the next save (the one on the way out waits longer).
  const onMark = (letter: string, anchor: Anchor): string | undefined =>
    saveState(doc.source, { marks: { [letter]: anchor } }, { lock: { wait: KEY_SAVE_WAIT_MS } }).warning;
  const onLeave = (state: ReaderState): void => {
    open = state.shelf.openRequest;
    openAt = state.shelf.openAt;
    if (!viewed) return;
    furthest = Math.max(furthest, readThrough(state));
    // A setting is remembered for this text once it is not what the settings file (or the default)
    // gives, or was remembered before: an untouched text follows the settings file when it changes.
    const { record, base } = prepared;
    const keep = <K extends keyof typeof base>(key: K, value: (typeof base)[K]) => (record?.[key] !== undefined || value !== base[key] ? { [key]: value } : {});
    const update = recordUpdate(doc, options.path, {
      anchor: state.top,
      ...keep('measure', state.measure),
      ...keep('indent', state.indent),
      ...keep('spacing', state.spacing),
      ...keep('script', state.script),
      furthest,
      addReadingMs: Math.round(clock.total()),
    });
    leaveWarning = saveState(doc.source, update).warning ?? leaveWarning;
  };
  // Keys come from the controlling terminal whatever stdin is (the text may have come from it).
  const keys = keyboard();
  if (!keys) throw new UserError('no terminal to read keys from (stdin is not a terminal and /dev/tty cannot be opened)', 2, "Use 'yuedu print' to print the text instead.");
  let session: TerminalSession;
  let ambiguousWidth: AmbiguousWidth;
  // The early frame is the text's view: with the shelf shown first (`yuedu DIR`), the app draws the first.
  const frameFor = (width: AmbiguousWidth, size: TerminalSize) =>
    firstFrameView(size, { doc, ambiguousWidth: width, color: options.color, ...(section === undefined ? {} : { section }), initial: prepared.early });
  let frame: { width: AmbiguousWidth; size: TerminalSize; view: ScreenView } | undefined;
  // From before the terminal is asked until the session has its own handlers, a signal is held here.
  // Without a listener throughout, one that came while the probe's answer was being read was lost:
  // Node drops a signal already caught when its last listener goes before the signal is dispatched.
  let endedBy: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals): void => {
    endedBy ??= signal;
  };
  const release = (): void => {
    for (const signal of ENDING_SIGNALS) process.off(signal, hold);
  };
  for (const signal of ENDING_SIGNALS) process.on(signal, hold);
  try {
    // Asked of the terminal before the session takes it and the first frame is drawn (see ambiguous.ts).
    // The question is written at once; the frame is built while the terminal answers, for one cell
    // (the common answer), and built again in the rare case the answer is two.
    const asked = widthOf(keys.stream);
    if (!options.showShelf) {
      const size = terminalSize(process.stdout);
      frame = { width: 1, size, view: frameFor(1, size) };
    }
    ambiguousWidth = await asked;
    if (endedBy !== undefined) {
      // Nothing of the terminal was changed yet (the probe gave raw mode back): end as the signal would.
      keys.close();
      process.exit(signalExitCode(endedBy));
    }
    session = new TerminalSession({ input: keys.stream, output: process.stdout, ambiguousWidth });
  } catch (error) {
    release();
    keys.close();
    throw error;
  }
  let code: number;
  try {
    session.open();
    // The session's handlers are in: a signal still on its way ends through them.
    release();
    if (!options.showShelf) {
      const size = session.getSize();
      const same = frame !== undefined && frame.width === ambiguousWidth && frame.size.columns === size.columns && frame.size.rows === size.rows;
      session.draw(same ? frame!.view : frameFor(ambiguousWidth, size));
    }
    frame = undefined;
    // Loaded only here: `yuedu print` and friends never pay for Ink and React. Asked for before a long
    // book is wholly read, so its files are read from disk meanwhile.
    const ui = import('../ui/run.js');
    ui.catch(() => undefined);
    const v8Flags = await import('./v8-flags.js');
    // The first frame is drawn: what the reader makes from now on mostly dies young (see v8-flags.ts).
    await v8Flags.stopPretenuring();
    if (whole !== undefined) {
      // The first look is on screen: now the whole book, and its record. Keys typed meanwhile wait.
      // Parsed as `print` parses it, with the same peak (see v8-flags.ts).
      await v8Flags.destroyCompileJobsAtOnce();
      doc = await whole();
      await v8Flags.destroyCompileJobsAtOnce(false);
      prepared = prepare(doc);
      ({ notice } = prepared);
    }
    // The text joins the shelf as it opens (after its record was read: a damaged one is warned about
    // first), so the shelf, and another yuedu, list it at once; after the first frame, which needs
    // none of it (the record counts the whole text's chapters and characters).
    // Not a text only shown behind the shelf (`yuedu DIR`): it is not being read until the shelf closes.
    if (prepared.loaded.warning === undefined && !options.showShelf) saveState(doc.source, recordUpdate(doc, options.path, {}));
    const { entries: shelf, notes } = await gather();
    if (opened === undefined && notes[0] !== undefined) notice = prepared.noticeOf(notes[0]);
    const initial = { ...prepared.early, shelf, ...(notice === '' ? {} : { notice }) };
    const { runReader } = await ui;
    code = await runReader({
      session,
      doc,
      ambiguousWidth,
      color: options.color,
      ...(section === undefined ? {} : { section }),
      initial,
      onMark,
      onLeave,
      // A long text parsed for this reading is kept parsed, so that opening it again skips the work:
      // once the terminal is back (~0.1 s for a 10 MB novel, once; after the first frame it held up the
      // first keys). A cache: a failure to write it is nobody's concern.
      ...(options.showShelf ? {} : { onClosed: () => closing(doc) }),
      onState,
      searchTexts: async (query: string, onProgress?: (done: number, total: number) => void): Promise<ShelfHit[]> => {
        if (!options.loadPath) return [];
        const paths = shelf.filter((entry) => entry.path !== undefined && !entry.missing).map((entry) => entry.path!);
        const { texts } = await searchMany(paths, query, options.loadPath, ACROSS_PER_TEXT, { onProgress, caches: openIndexCaches() });
        return texts.flatMap((text) => text.hits.map((hit) => ({ path: text.file, title: text.title, ref: hit.paragraphId, text: hit.text })));
      },
      clipboard: options.clipboard ?? true,
    });
  } finally {
    release();
    session.close();
    keys.close();
  }
  // The screen is back: a place that could not be saved is said where it stays readable.
  if (leaveWarning !== undefined) process.stderr.write(`yuedu: ${sanitizeLine(leaveWarning)}\n`);
  if (code > 128) process.exit(code);
  return open === undefined ? { code } : { code, open, ...(openAt === undefined ? {} : { at: openAt }) };
}
