/**
 * Which parser reads a file: by `--format`, else by its extension (`.md`, `.markdown`, `.epub`), else
 * plain text, or Markdown when the text reads as Markdown (markdown/sniff.ts). Standard input is text unless `--format` says otherwise; bytes read as text that are an
 * EPUB (its first entry says so) are read as one. A book that cannot be read says why in one line (exit
 * 2), with the file's name.
 */
import { parseDocument } from '../core/document/parse.js';
import { looksLikeMarkdown } from '../core/document/markdown/sniff.js';
import type { Document, Format } from '../core/document/types.js';
import type { OpenedEpub } from '../core/document/epub/parse.js';
import type { CachedText } from './document-cache.js';
import type { CliArgs } from './args.js';
import { UserError } from './errors.js';
import { EpubInput, readInput, readInputBytes, STDIN_NAME, textOfBytes, type Input } from './input.js';
import { statSync } from 'node:fs';
import { isView } from '../core/document/list-view.js';
import { mayKeep } from './kept.js';

/** How a text is read and outlined, from the command line. */
export type TextArgs = Pick<CliArgs, 'format' | 'encoding' | 'chapter' | 'volume'>;

export const FORMATS: readonly Format[] = ['text', 'markdown', 'epub'];

/** `--format`'s value, checked. */
export function parseFormat(raw: string): Format {
  const value = raw.trim().toLowerCase();
  const alias = value === 'md' ? 'markdown' : value === 'txt' ? 'text' : value;
  if ((FORMATS as readonly string[]).includes(alias)) return alias as Format;
  throw new UserError(`--format needs one of ${FORMATS.join(', ')}, not '${raw}'`);
}

/** The format of `path` as named, or as its extension says. */
export function formatOf(path: string | undefined, given?: Format): Format {
  if (given) return given;
  if (path === undefined || path === '-') return 'text';
  if (/\.(md|markdown|mdown|mkd)$/iu.test(path)) return 'markdown';
  if (/\.epub$/iu.test(path)) return 'epub';
  return 'text';
}


/** Reads and parses the document named by `arg` (a path, `-`, or undefined for the bundled interview). */
export async function loadDocument(arg: string | undefined, args: TextArgs = {}): Promise<Document> {
  const format = formatOf(arg, args.format);
  // A file opened before is read from the cache of parsed texts when it has not changed since.
  const cached = arg !== undefined && arg !== '-' && mayKeep(arg) ? (await import('./document-cache.js')).cachedText(arg, format, args) : undefined;
  if (cached?.doc) return collectAfterMany(cached.doc);
  const parsed = (doc: Document): Document => (cached ? cached.parsed(doc) : doc);
  if (format === 'epub') {
    // The parser's code loads while the book is read from disk.
    const code = epubCode();
    const { name, bytes } = await readInputBytes(arg ?? '-');
    return parsed(await parseEpubBytes(name, bytes, code));
  }
  const input = await readInputOrEpub(arg, args);
  if (input instanceof Uint8Array) return parsed(await parseEpubBytes(arg === undefined || arg === '-' ? STDIN_NAME : arg, input));
  return parsed(await parseText(input, format, args));
}

/**
 * A text read from `arg`, or an EPUB's bytes when what was read says it is one (piped in, or a file
 * named without `.epub`), unless `--encoding` asked for a text.
 */
export async function readInputOrEpub(arg: string | undefined, args: TextArgs = {}): Promise<Input | Uint8Array> {
  try {
    return await readInput(arg, args.encoding === undefined ? {} : { encoding: args.encoding });
  } catch (error) {
    if (error instanceof EpubInput && args.encoding === undefined) return error.bytes;
    throw error;
  }
}

/** From this many characters an EPUB is long enough for {@link releaseLongEpub} (the benchmark's 5.5 MB book has 3.9 million). */
const LONG_EPUB_CHARS = 512 * 1024;

/**
 * A long EPUB's parse leaves its inflated pages and their trees behind in V8's old generation, and how
 * much of that garbage is still there when the parse ends depends on when V8's last full collection
 * fell: the 5.5 MB book's `print` measured 113–133 MB in twenty runs (budget 133). `print` and `search`
 * build on top of the book (every row, the search's index), so for them it is given back at once, as the
 * reader does after its first look (see collect.ts): 107–125 MB in twenty runs, `search --json` 108–125
 * against 109–129 in fifteen, each ~50 ms longer. Not `toc`, which builds nothing more: its peak is the
 * parse's own (no change in twelve runs, 30 ms longer).
 */
export async function releaseLongEpub(doc: Document): Promise<void> {
  if (doc.format === 'epub' && doc.source.length >= LONG_EPUB_CHARS) (await import('./collect.js')).collectGarbage(true);
}

function epubCode() {
  const code = Promise.all([import('../core/document/epub/parse.js'), import('./zip.js')]);
  code.catch(() => undefined);
  return code;
}

/** An EPUB's bytes parsed; a book that cannot be read says why in one line, with its name. */
export async function parseEpubBytes(name: string, bytes: Uint8Array, code = epubCode()): Promise<Document> {
  const [{ parseEpub, EpubError }, { zlibInflater }] = await code;
  const inflater = await zlibInflater(bytes);
  try {
    return parseEpub(bytes, inflater);
  } catch (error) {
    throw epubFailure(name, error, EpubError);
  }
}

function epubFailure(name: string, error: unknown, kind: new (message?: string) => Error): unknown {
  return error instanceof kind ? new UserError(`cannot open ${name === STDIN_NAME ? 'standard input' : `"${name}"`}: ${error.message}`) : error;
}

/** What the reader opens: a text, or a first look at a long book with the way to the whole of it. */
export interface Opening {
  doc: Document;
  /** With a first look (`doc.preview`): the whole book, read once the first look is drawn; throws as loading does. */
  whole?: () => Document | Promise<Document>;
}

/** From this size a text file opened in the reader for the first time comes as its first look (first-look.ts). */
export const TEXT_LOOK_FROM = 2 * 1024 * 1024;

/**
 * The characters of a long EPUB read for its first look: more than the largest terminal shows at once,
 * a few thousandths of the work of a long book.
 */
export const PREVIEW_CHARS = 32_000;

/**
 * A file to read in the reader: as {@link loadDocument} loads it, but an EPUB read for the first time
 * (not in the cache of parsed texts) comes as its first look when it is long (see epub/parse.ts): the
 * first screen and the whole outline are drawn while the rest is read.
 */
export async function openForReading(arg: string, args: TextArgs = {}): Promise<Opening> {
  const format = formatOf(arg, args.format);
  if (format === 'text' && arg !== '-' && args.encoding === undefined && !args.chapter && !args.volume && sizeOf(arg) >= TEXT_LOOK_FROM) return openText(arg);
  if (format !== 'epub' || arg === '-') return { doc: await loadDocument(arg, args) };
  const cached = mayKeep(arg) ? (await import('./document-cache.js')).cachedText(arg, format, args) : undefined;
  if (cached?.doc) return { doc: cached.doc };
  const code = epubCode();
  const { name, bytes } = await readInputBytes(arg);
  const [{ openEpub, previewEpub, readEpub, EpubError }, { zlibInflater }] = await code;
  const inflater = await zlibInflater(bytes);
  let opened: OpenedEpub;
  try {
    opened = openEpub(bytes, inflater);
  } catch (error) {
    throw epubFailure(name, error, EpubError);
  }
  return epubOpening(name, opened, previewEpub, readEpub, EpubError, cached);
}

/**
 * The first look at an opened EPUB, or the whole book. Made apart from what read the file: the function
 * to the whole book lives as long as the reader, and must hold nothing but the opened book, let go once read.
 */
function epubOpening(
  name: string,
  book: OpenedEpub,
  previewEpub: (opened: OpenedEpub, chars: number) => Document | undefined,
  readEpub: (opened: OpenedEpub) => Document,
  kind: new (message?: string) => Error,
  cached: CachedText | undefined,
): Opening {
  let opened: OpenedEpub | undefined = book;
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw epubFailure(name, error, kind);
    }
  };
  const read = (): Document => {
    const all = opened!;
    opened = undefined;
    return guarded(() => (cached ? cached.parsed(readEpub(all)) : readEpub(all)));
  };
  const first = guarded(() => previewEpub(opened!, PREVIEW_CHARS));
  if (first === undefined) return { doc: read() };
  // A book of one file, or a short one, was read whole at once.
  if (first.preview === undefined) {
    opened = undefined;
    return { doc: cached ? cached.parsed(first) : first };
  }
  // A long book read whole leaves its archive, its inflated pages and their trees behind: given back
  // at once (see collect.ts), so that what the reader builds next (the layout pass, the search's index)
  // takes those pages instead of adding to them.
  const whole = async (): Promise<Document> => {
    const doc = read();
    (await import('./collect.js')).collectGarbage(true);
    return doc;
  };
  return { doc: first, whole };
}

/**
 * A long text file: its first look and the way to the whole (see first-look.ts), unless it is in the
 * cache of parsed texts or no first look can be like it.
 */
async function openText(arg: string): Promise<Opening> {
  const cached = mayKeep(arg) ? (await import('./document-cache.js')).cachedText(arg, 'text', {}) : undefined;
  if (cached?.doc) return { doc: cached.doc };
  const [{ name, bytes }, { textFirstLook }] = await Promise.all([readInputBytes(arg), import('../core/document/first-look.js')]);
  // A zip (an EPUB named as a text, say) is read as `loadDocument` reads it.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return { doc: await loadDocument(arg, {}) };
  // Read as `loadDocument` reads it, from the same bytes; once (the reader keeps this function, and the
  // bytes, ~11 MB of a long novel, must not live on with it).
  let held: Uint8Array | undefined = bytes;
  const whole = async (): Promise<Document> => {
    const text = textOfBytes(name, held ?? new Uint8Array());
    held = undefined;
    const doc = await parseText(text, 'text', {});
    return cached ? cached.parsed(doc) : doc;
  };
  let look: Document | undefined;
  try {
    look = textFirstLook(bytes, { name });
  } catch {
    // A first look is a comfort: the whole text says what is wrong with it, if anything.
  }
  return look === undefined ? { doc: await whole() } : { doc: look, whole };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A text of very many lines (kept as numbers, list-view.ts) leaves its parse's tables behind: collected at once (see collect.ts). */
async function collectAfterMany(doc: Document): Promise<Document> {
  if (doc.sections.some((section) => isView(section.paragraphs)) || isView(doc.lead)) (await import('./collect.js')).collectGarbage(true);
  return doc;
}

/** Text already read (standard input, a file) parsed as `format` (text or Markdown), with the user's rules. */
export async function parseText(input: Input, named: Format, args: TextArgs = {}): Promise<Document> {
  // Markdown saved as a `.txt` or piped in is read as Markdown, unless `--format` says text (markdown/sniff.ts).
  const format = named === 'text' && args.format === undefined && looksLikeMarkdown(input.text) ? 'markdown' : named;
  if (format === 'markdown') {
    const [{ parseMarkdown, MARKDOWN_PART }, collect] = await Promise.all([import('../core/document/markdown/parse.js'), import('./collect.js')]);
    // A long file's parts each leave the parser's garbage behind (see parts.ts): collected between them.
    const between = input.text.length > 2 * MARKDOWN_PART ? collect.collectGarbage : undefined;
    const doc = parseMarkdown(input.text, { ...(input.name !== STDIN_NAME && { name: input.name }), ...(between && { between }) });
    // And once more after the walk: the joined tree (~1.4 KB a paragraph) is garbage now, collected
    // before the reader or a command builds on top of it.
    if (between) collect.collectGarbage(true);
    return doc;
  }
  if (format === 'epub') throw new UserError('an EPUB cannot be read as text');
  const rules = { ...(args.chapter && { chapter: args.chapter }), ...(args.volume && { volume: args.volume }) };
  // A file's name can title a book whose first line does not; standard input has none.
  const name = input.name === STDIN_NAME ? undefined : input.name;
  return collectAfterMany(parseDocument(input.text, { ...(name !== undefined && { name }), rules }));
}
