import { fstatSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Document } from '../core/document/types.js';
import type { Spacing } from '../core/layout/flow.js';
import type { Script } from '../core/script/convert.js';
import type { SearchHit } from '../core/search/types.js';
import type { CliArgs } from './args.js';
import { UserError } from './errors.js';
import { formatOf, loadDocument, openForReading, parseEpubBytes, parseText, readInputOrEpub, releaseLongEpub, type Opening, type TextArgs } from './formats.js';
import { findBundledText, readInput, STDIN_NAME } from './input.js';
import { loadSettings, type Settings } from './settings.js';
import { sanitizeLine } from '../core/document/sanitize.js';
import { canDrawScreen, outputWidth, styles, useColor } from './output.js';
import { writeAll } from './streams.js';
import { printChunks, printCitation } from './commands/print.js';
import { tocJson, tocText } from './commands/toc.js';
import { wrapChunks } from './commands/wrap.js';
import { DEFAULT_PLAIN_LIMIT, searchJsonChunks, searchTextChunks } from './commands/search.js';
import { gatherShelf, shelfJson, shelfText } from './commands/shelf.js';
import { expandTargets, openIndexCaches, searchMany, searchManyJson, searchManyTextOne, type TextHits } from './commands/search-many.js';
import { lastRead, type ShelfListing } from '../storage/shelf.js';
import { leadTitle } from '../core/document/outline.js';

export async function runCommand(args: CliArgs): Promise<number> {
  const { stdout } = process;
  const color = useColor(stdout);
  // The settings file, under the command line: what it does not say, the file may.
  const { settings, warnings } = loadSettings();
  for (const warning of warnings) process.stderr.write(`yuedu: warning: ${sanitizeLine(warning)}\n`);
  // Neither an option nor the settings say how wide ambiguous characters are: the reader asks the terminal.
  const detectAmbiguous = !args.ambiguousWide && !args.ambiguousNarrow && settings.ambiguousWidth !== 'wide' && settings.ambiguousWidth !== 'narrow';
  args = withSettings(args, settings);
  const ambiguousWidth = args.ambiguousWide ? 2 : 1;
  const [first, second, ...extra] = args.positionals;
  // Not the reader: its first frame would wait (see v8-flags.ts).
  if (args.command !== 'read') await (await import('./v8-flags.js')).destroyCompileJobsAtOnce();

  switch (args.command) {
    case 'toc': {
      noMore(second === undefined ? [] : [second, ...extra]);
      const doc = await loadDocument(first, args);
      stdout.write(args.json ? tocJson(doc) : tocText(doc, styles(color)));
      return 0;
    }
    case 'print': {
      noMore(second === undefined ? [] : [second, ...extra]);
      const doc = await loadDocument(first, args);
      await releaseLongEpub(doc);
      if (args.notes) {
        stdout.write(doc.notes.map((note) => `${note}\n`).join(''));
        return 0;
      }
      if (args.at !== undefined) {
        stdout.write(printCitation(doc, args.at, { width: args.width, ambiguousWidth, ...shownIn(args) }));
        return 0;
      }
      const width = outputWidth(args.width, stdout);
      await writeAll(process.stdout, printChunks(doc, { width, ambiguousWidth, section: args.section, style: styles(color), ...layoutOf(args) }));
      return 0;
    }
    case 'wrap': {
      noMore(second === undefined ? [] : [second, ...extra]);
      const notText = () => new UserError('wrap folds the lines of a text file, and an EPUB is not one', 2, "Try 'yuedu print' to lay out the book at a width.");
      if (formatOf(first) === 'epub') throw notText();
      const input = await readInputOrEpub(first, args);
      if (input instanceof Uint8Array) throw notText();
      const { text } = input;
      await writeAll(process.stdout, wrapChunks(text, outputWidth(args.width, stdout), { ambiguousWidth }));
      return 0;
    }
    case 'search': {
      if (first === undefined) throw new UserError('search needs a QUERY', 2, 'Usage: yuedu search [--json] [--limit N] QUERY [FILE]');
      // Blank (spaces, full-width spaces too) is a mistake, not a query that matches nothing: exit 2, not 1.
      if (first.trim() === '') throw new UserError('search needs something to search for, not only spaces', 2, 'Usage: yuedu search [--json] [--limit N] QUERY [FILE]');
      if (extra.length > 0 || (second !== undefined && isFolder(second))) return searchManyCommand(first, [second!, ...extra], args, ambiguousWidth, color);
      const doc = await loadDocument(second, args);
      await releaseLongEpub(doc);
      return searchCommand(doc, first, args, ambiguousWidth, color);
    }
    case 'shelf':
      return shelfCommand(args.positionals, args, ambiguousWidth);
    case 'read': {
      noMore(second === undefined ? [] : [second, ...extra]);
      // With or without a terminal, as `yuedu search` does.
      if (args.search !== undefined && args.search.trim() === '') throw new UserError('--search needs something to search for');
      const folder = first !== undefined && first !== '-' && isFolder(first) ? first : undefined;
      if (folder !== undefined && !canDrawScreen(stdout)) return shelfCommand([folder], args, ambiguousWidth);
      // The reader's code loads while the text is read from disk (a long book's first frame ~10 ms sooner).
      const reader = canDrawScreen(stdout) ? import('./reader.js') : undefined;
      // Its failure to load is reported where it is awaited; a text that cannot be read is reported first.
      reader?.catch(() => undefined);
      // A long EPUB opens with a first look while the rest is read, when the reader opens at the top.
      const preview = reader !== undefined && args.at === undefined && args.section === undefined && args.search === undefined;
      const opened = await loadForReader(folder === undefined ? first : undefined, args, preview);
      const { doc } = opened;
      if (reader) {
        const { runReaderFromCli } = await reader;
        return runReaderFromCli({
          doc,
          ...(opened.whole === undefined ? {} : { whole: opened.whole }),
          ...(opened.path === undefined ? {} : { path: opened.path }),
          ...(opened.notice === undefined ? {} : { opened: opened.notice }),
          shelfFolders: folder === undefined ? [] : [folder],
          showShelf: folder !== undefined,
          loadPath: (path: string) => loadDocument(path),
          gatherShelf: (folders: readonly string[]) => listShelfWithProgress(folders),
          ambiguousWidth,
          color,
          section: args.section,
          search: args.search,
          at: args.at,
          fromStart: args.fromStart,
          clipboard: args.clipboard,
          measure: args.measure,
          indent: args.indent,
          spacing: args.spacing,
          script: args.script,
          readings: args.readings,
          settings,
          detectAmbiguous,
          ...(warnings[0] === undefined ? {} : { notice: warnings.length > 1 ? `${warnings[0]} (and ${warnings.length - 1} more)` : warnings[0] }),
        });
      }
      // Without a terminal (or on a dumb one) the reader answers as the matching plain command would.
      if (args.at !== undefined) {
        stdout.write(printCitation(doc, args.at, { width: args.width, ambiguousWidth, ...shownIn(args) }));
        return 0;
      }
      if (args.search !== undefined) return searchCommand(doc, args.search, args, ambiguousWidth, color);
      await writeAll(process.stdout, printChunks(doc, { width: outputWidth(undefined, stdout), ambiguousWidth, section: args.section, style: styles(color), ...layoutOf(args) }));
      return 0;
    }
  }
}

async function searchCommand(doc: Document, query: string, args: CliArgs, ambiguousWidth: 1 | 2, color: boolean): Promise<number> {
  const { stdout } = process;
  const { createSearchIndex } = await import('../core/search/index.js');
  // Hits are made as they are written and let go: a million of them never exist at once.
  const ranked = createSearchIndex(doc).searchRanked(query);
  const limit = args.limit ?? (args.json ? Infinity : DEFAULT_PLAIN_LIMIT);
  let shown = 0;
  const hits = function* (): Generator<SearchHit> {
    while (shown < limit) {
      const next = ranked.next();
      if (next.done) return;
      shown++;
      yield next.value;
    }
  };
  try {
    if (args.json) await writeAll(process.stdout, searchJsonChunks(hits()));
    else {
      const width = outputWidth(args.width, stdout);
      await writeAll(process.stdout, searchTextChunks(hits(), { width, ambiguousWidth, style: styles(color), color, leadTitle: leadTitle(doc) }, () => ranked.countRest()));
    }
  } finally {
    ranked.close();
  }
  if (shown === 0 && process.stderr.isTTY && !args.json) process.stderr.write('yuedu: no paragraph matches\n');
  return shown > 0 ? 0 : 1;
}

async function searchManyCommand(query: string, targets: string[], args: CliArgs, ambiguousWidth: 1 | 2, color: boolean): Promise<number> {
  const { stdout, stderr } = process;
  const { files, notes } = expandTargets(targets);
  const limit = args.limit ?? (args.json ? Infinity : MANY_PLAIN_LIMIT);
  // Many texts take a while: a count on a terminal's standard error, wiped before each text written.
  const started = Date.now();
  let shown = false;
  const onProgress = (done: number, total: number): void => {
    if (Date.now() - started < 300) return;
    shown = true;
    stderr.write(`\r\u001b[Ksearching… ${done}/${total} texts`);
  };
  const wipe = (): void => {
    if (shown) stderr.write('\r\u001b[K');
    shown = false;
  };
  // The texts best first, as the answer is read: written once all are searched (with indexes cached,
  // well within a second for fifty novels), the count on standard error meanwhile.
  const textOptions = { width: outputWidth(args.width, stdout), ambiguousWidth, style: styles(color), color };
  const found = await searchMany(files, query, (path) => loadDocument(path), limit, { onProgress: stderr.isTTY ? onProgress : undefined, caches: openIndexCaches() });
  wipe();
  for (const note of [...notes, ...found.notes]) stderr.write(`yuedu: ${note}\n`);
  if (files.length === 0) throw new UserError(`no .txt, .md or .epub file under ${targets.map((t) => `'${t}'`).join(', ')}`);
  if (args.json) stdout.write(searchManyJson(found.texts));
  else found.texts.forEach((text, k) => stdout.write(`${k === 0 ? '' : '\n'}${searchManyTextOne(text, textOptions)}`));
  if (found.texts.length === 0 && stderr.isTTY && !args.json) stderr.write('yuedu: no paragraph matches\n');
  return found.texts.length > 0 ? 0 : 1;
}

async function shelfCommand(folders: string[], args: CliArgs, ambiguousWidth: 1 | 2): Promise<number> {
  const { stdout, stderr } = process;
  for (const folder of folders) {
    if (!isFolder(folder)) throw new UserError(`cannot list '${folder}': not a folder`);
  }
  const listing = await listShelfWithProgress(folders);
  for (const note of listing.notes) stderr.write(`yuedu: ${note}\n`);
  if (args.json) stdout.write(shelfJson(listing.entries));
  else if (listing.entries.length === 0) stderr.write('yuedu: the shelf is empty: texts you open, and those under a folder you name, are listed here\n');
  else stdout.write(shelfText(listing.entries, outputWidth(args.width, stdout), new Date(), ambiguousWidth));
  return 0;
}

/**
 * The shelf with the folders' texts. A big folder read for the first time takes a while: a count goes
 * to standard error (a terminal only), rewritten in place and wiped when the list is complete.
 */
async function listShelfWithProgress(folders: readonly string[]): Promise<ShelfListing> {
  // Only a listing that takes a noticeable time shows a count, so a quick one does not flash.
  const started = Date.now();
  let shown = 0;
  const onProgress = (count: number): void => {
    if (Date.now() - started < 300 || Date.now() - shown < 100) return;
    shown = Date.now();
    process.stderr.write(`\r\u001b[Klisting texts… ${count}`);
  };
  const listing = await gatherShelf(folders, (path) => loadDocument(path), process.stderr.isTTY ? onProgress : undefined);
  if (shown > 0) process.stderr.write('\r\u001b[K');
  return listing;
}

/** Hits shown per text when several are searched (plain output; JSON has them all). */
const MANY_PLAIN_LIMIT = 5;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}


/**
 * `cat file | yuedu` reads the pipe like `less`; a terminal, /dev/null or an empty pipe on stdin means no
 * text was given, and the bundled interview opens.
 */
async function loadForReader(file: string | undefined, args: TextArgs & Pick<CliArgs, 'interview'>, preview = false): Promise<Opening & { path?: string; notice?: string }> {
  if (file === undefined && stdinMayHaveText()) {
    if (args.format === 'epub') return { doc: await loadDocument('-', args) };
    const input = await readInputOrEpub('-', args);
    if (input instanceof Uint8Array) return { doc: await parseEpubBytes(STDIN_NAME, input) };
    if (input.text.trim() !== '') return { doc: await parseText(input, formatOf('-', args.format), args) };
  }
  if (file !== undefined && file !== '-') return { ...(preview ? await openForReading(file, args) : { doc: await loadDocument(file, args) }), path: resolve(file) };
  if (file !== undefined) return { doc: await loadDocument(file, args) };
  // With no FILE: the text read last, when its file is still there and unchanged; else the interview.
  const last = args.interview ? undefined : lastRead();
  if (last !== undefined) {
    try {
      const doc = await loadDocument(last.path);
      const { documentKey } = await import('../storage/record.js');
      // The interview read last is what opens anyway: no news for the status bar.
      const news = resolve(findBundledText() ?? '') === last.path ? {} : { notice: `the text read last, 《${doc.title}》` };
      if (documentKey(doc.source) === last.key) return { doc, path: last.path, ...news };
    } catch {
      // Unreadable now: the interview opens instead, as on a first run.
    }
  }
  // The interview says what it is on its first row; the status bar keeps its key hints for a first run.
  const bundled = findBundledText();
  return { doc: await loadDocument(undefined, args), ...(bundled === undefined ? {} : { path: resolve(bundled) }) };
}

/**
 * Writes the pieces as they are made. Standard output to a file, a pipe or a terminal is written
 * synchronously on Linux and macOS, so a piece is gone before the next is made; a failed write ends the
 * process through streams.ts.
 */

/**
 * The arguments with what the settings file sets where the command line says nothing: the ambiguous
 * width, the clipboard, and for the plain commands indent, spacing and script (the reader weighs those
 * against what it remembers of the text, see reader.ts).
 */
function withSettings(args: CliArgs, settings: Settings): CliArgs {
  const given = args.ambiguousWide || args.ambiguousNarrow;
  return {
    ...args,
    ...(given ? {} : { ambiguousWide: settings.ambiguousWidth === 'wide' }),
    ...(args.clipboard && settings.clipboard === false ? { clipboard: false } : {}),
    ...(args.command === 'read' ? {} : {
      ...(args.indent === undefined && settings.indent !== undefined ? { indent: settings.indent } : {}),
      ...(args.spacing === undefined && settings.spacing !== undefined ? { spacing: settings.spacing } : {}),
      ...(args.script === undefined && settings.script !== undefined ? { script: settings.script } : {}),
    }),
  };
}

/** The script to print in, when one was asked for. */
function shownIn(args: CliArgs): { script?: Script } {
  return args.script === undefined ? {} : { script: args.script };
}

/** The paragraph layout options given (indent, spacing, script); the rest as the text has it. */
function layoutOf(args: CliArgs): { indent?: boolean; spacing?: Spacing; script?: Script; readings?: boolean } {
  return {
    ...(args.readings ? {} : { readings: false }),
    ...(args.indent === undefined ? {} : { indent: args.indent }),
    ...(args.spacing === undefined ? {} : { spacing: args.spacing }),
    ...shownIn(args),
  };
}

function noMore(extra: string[]): void {
  if (extra.length > 0) throw new UserError(`unexpected argument '${extra[0]}'`);
}

function stdinMayHaveText(): boolean {
  if (process.stdin.isTTY) return false;
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || (stat.isFile() && stat.size > 0);
  } catch {
    return false;
  }
}
