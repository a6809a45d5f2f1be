import { fstatSync } from 'node:fs';
import type { Document, Format } from '../core/document/types.js';
import type { Spacing } from '../core/layout/flow.js';
import type { Script } from '../core/script/convert.js';
import type { CliArgs } from './args.js';
import { UserError } from './errors.js';
import { formatOf, loadDocument, parseText, type TextArgs } from './formats.js';
import { readInput } from './input.js';
import { loadSettings, type Settings } from './settings.js';
import { sanitizeLine } from '../core/document/sanitize.js';
import { canDrawScreen, outputWidth, styles, useColor } from './output.js';
import { printCitation, printDocument } from './commands/print.js';
import { tocJson, tocText } from './commands/toc.js';
import { wrapText } from './commands/wrap.js';
import { DEFAULT_PLAIN_LIMIT, searchJson, searchText } from './commands/search.js';

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

  switch (args.command) {
    case 'toc': {
      noMore(second === undefined ? [] : [second, ...extra]);
      const doc = await load(first, args);
      stdout.write(args.json ? tocJson(doc) : tocText(doc, styles(color)));
      return 0;
    }
    case 'print': {
      noMore(second === undefined ? [] : [second, ...extra]);
      const doc = await load(first, args);
      if (args.notes) {
        stdout.write(doc.notes.map((note) => `${note}\n`).join(''));
        return 0;
      }
      if (args.at !== undefined) {
        stdout.write(printCitation(doc, args.at, { width: args.width, ambiguousWidth, ...shownIn(args) }));
        return 0;
      }
      const width = outputWidth(args.width, stdout);
      stdout.write(printDocument(doc, { width, ambiguousWidth, section: args.section, style: styles(color), ...layoutOf(args) }));
      return 0;
    }
    case 'wrap': {
      noMore(second === undefined ? [] : [second, ...extra]);
      if (formatOf(first) === 'epub') throw new UserError('wrap folds the lines of a text file, and an EPUB is not one', 2, "Try 'yuedu print' to lay out the book at a width.");
      const { text } = await readInput(first, args.encoding === undefined ? {} : { encoding: args.encoding });
      stdout.write(wrapText(text, outputWidth(args.width, stdout), { ambiguousWidth }));
      return 0;
    }
    case 'search': {
      if (first === undefined) throw new UserError('search needs a QUERY', 2, 'Usage: yuedu search [--json] [--limit N] QUERY [FILE]');
      // Blank (spaces, full-width spaces too) is a mistake, not a query that matches nothing: exit 2, not 1.
      if (first.trim() === '') throw new UserError('search needs something to search for, not only spaces', 2, 'Usage: yuedu search [--json] [--limit N] QUERY [FILE]');
      noMore(extra);
      return searchCommand(await load(second, args), first, args, ambiguousWidth, color);
    }
    case 'read': {
      noMore(second === undefined ? [] : [second, ...extra]);
      // With or without a terminal, as `yuedu search` does.
      if (args.search !== undefined && args.search.trim() === '') throw new UserError('--search needs something to search for');
      const doc = await loadForReader(first, args);
      if (canDrawScreen(stdout)) {
        const { runReaderFromCli } = await import('./reader.js');
        return runReaderFromCli({
          doc,
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
      stdout.write(printDocument(doc, { width: outputWidth(undefined, stdout), ambiguousWidth, section: args.section, style: styles(color), ...layoutOf(args) }));
      return 0;
    }
  }
}

async function searchCommand(doc: Document, query: string, args: CliArgs, ambiguousWidth: 1 | 2, color: boolean): Promise<number> {
  const { stdout } = process;
  const { createSearchIndex } = await import('../core/search/index.js');
  const found = createSearchIndex(doc).search(query);
  const limit = args.limit ?? (args.json ? Infinity : DEFAULT_PLAIN_LIMIT);
  const hits = found.slice(0, limit);
  if (args.json) stdout.write(searchJson(hits));
  else {
    const width = outputWidth(args.width, stdout);
    stdout.write(searchText(hits, { width, ambiguousWidth, style: styles(color), color, more: found.length - hits.length }));
  }
  if (hits.length === 0 && process.stderr.isTTY && !args.json) process.stderr.write('yuedu: no paragraph matches\n');
  return hits.length > 0 ? 0 : 1;
}

async function load(arg: string | undefined, args: TextArgs): Promise<Document> {
  return loadDocument(arg, args);
}

/**
 * `cat file | yuedu` reads the pipe like `less`; a terminal, /dev/null or an empty pipe on stdin means no
 * text was given, and the bundled interview opens.
 */
async function loadForReader(file: string | undefined, args: TextArgs): Promise<Document> {
  if (file === undefined && stdinMayHaveText()) {
    if (args.format === 'epub') return load('-', args);
    const input = await readInput('-', args.encoding === undefined ? {} : { encoding: args.encoding });
    if (input.text.trim() !== '') return parseText(input, formatOf('-', args.format), args);
  }
  return load(file, args);
}

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
function layoutOf(args: CliArgs): { indent?: boolean; spacing?: Spacing; script?: Script } {
  return {
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
