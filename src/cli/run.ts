import { fstatSync } from 'node:fs';
import type { Document, Format } from '../core/document/types.js';
import type { CliArgs } from './args.js';
import { UserError } from './errors.js';
import { formatOf, loadDocument, parseText, type TextArgs } from './formats.js';
import { readInput } from './input.js';
import { canDrawScreen, outputWidth, styles, useColor } from './output.js';
import { printChunks, printCitation } from './commands/print.js';
import { tocJson, tocText } from './commands/toc.js';
import { wrapChunks } from './commands/wrap.js';
import { DEFAULT_PLAIN_LIMIT, searchJson, searchText } from './commands/search.js';

export async function runCommand(args: CliArgs): Promise<number> {
  const { stdout } = process;
  const color = useColor(stdout);
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
        stdout.write(printCitation(doc, args.at, { width: args.width, ambiguousWidth }));
        return 0;
      }
      const width = outputWidth(args.width, stdout);
      writeAll(printChunks(doc, { width, ambiguousWidth, section: args.section, style: styles(color) }));
      return 0;
    }
    case 'wrap': {
      noMore(second === undefined ? [] : [second, ...extra]);
      if (formatOf(first) === 'epub') throw new UserError('wrap folds the lines of a text file, and an EPUB is not one', 2, "Try 'yuedu print' to lay out the book at a width.");
      const { text } = await readInput(first, args.encoding === undefined ? {} : { encoding: args.encoding });
      writeAll(wrapChunks(text, outputWidth(args.width, stdout), { ambiguousWidth }));
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
        });
      }
      // Without a terminal (or on a dumb one) the reader answers as the matching plain command would.
      if (args.at !== undefined) {
        stdout.write(printCitation(doc, args.at, { width: args.width, ambiguousWidth }));
        return 0;
      }
      if (args.search !== undefined) return searchCommand(doc, args.search, args, ambiguousWidth, color);
      writeAll(printChunks(doc, { width: outputWidth(undefined, stdout), ambiguousWidth, section: args.section, style: styles(color) }));
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
 * Writes the pieces as they are made. Standard output to a file, a pipe or a terminal is written
 * synchronously on Linux and macOS, so a piece is gone before the next is made; a failed write ends the
 * process through streams.ts.
 */
function writeAll(pieces: Iterable<string>): void {
  for (const piece of pieces) process.stdout.write(piece);
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
