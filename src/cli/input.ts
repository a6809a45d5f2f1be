/**
 * The one place yuedu reads a text: a path, `-` for standard input, or the bundled interview. Bytes are
 * capped, decoded and sanitised here, so everything downstream holds terminal-safe text; every failure is a
 * one-line {@link UserError} (exit code 2) that names the file safely.
 */
import { existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DecodeError, decodeText } from '../core/document/decode.js';
import { sanitizeLine, sanitizeText } from '../core/document/sanitize.js';
import { UserError } from './errors.js';
import { systemErrorWords } from './streams.js';

/** The most bytes read as one text: far beyond any book, small enough to lay out in memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** `name` of a text read from standard input. */
export const STDIN_NAME = '<stdin>';

const BUNDLED = join('content', 'interview.txt');
// From dist/yuedu.js the package root is one level up, from src/cli/input.ts two; a little slack, no more.
const BUNDLE_SEARCH_LEVELS = 4;
const CHUNK = 1024 * 1024;
const MiB = 1024 * 1024;

export interface InputOptions {
  /** Read for `-`. @default process.stdin */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** @default MAX_INPUT_BYTES */
  maxBytes?: number;
  /** The bundled interview's path. @default found by {@link findBundledText} */
  bundledPath?: string;
  /** `--encoding NAME`: decode as this instead of detecting. */
  encoding?: string;
}

export interface Input {
  /** What to call the text: the path as given (made printable), {@link STDIN_NAME} or `interview.txt`. */
  name: string;
  /** Decoded, newline-normalised and sanitised. */
  text: string;
}

/**
 * Reads the text named by `arg`: a path, `-` for standard input, or (undefined) the bundled interview.
 * Throws {@link UserError} for a missing file, a directory, no permission, a binary file, a file over
 * {@link MAX_INPUT_BYTES}, or bytes in no supported encoding.
 */
export async function readInput(arg: string | undefined, options: InputOptions = {}): Promise<Input> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (arg === '-') {
    const bytes = await collect(options.stdin ?? process.stdin, 'standard input', maxBytes);
    return { name: STDIN_NAME, text: decode(bytes, 'standard input', options.encoding) };
  }
  if (arg === undefined) {
    const path = options.bundledPath ?? findBundledText();
    if (path === undefined) throw new UserError('the bundled interview is missing', 2, 'reinstall yuedu, or name a FILE');
    return readFile(path, 'interview.txt', maxBytes, options.encoding);
  }
  return readFile(arg, sanitizeLine(arg), maxBytes, options.encoding);
}

/**
 * The bundled `content/interview.txt`, looked for in the folders above `from` (this module: `dist/` in the
 * bundle, `src/cli/` in tests), or undefined when none has it.
 */
export function findBundledText(from: string | URL = import.meta.url): string | undefined {
  let dir = dirname(fileURLToPath(from));
  for (let level = 0; level < BUNDLE_SEARCH_LEVELS; level++) {
    const candidate = join(dir, BUNDLED);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The one-line error for a failed open or read of `shown` (a quoted, printable name). */
export function inputError(shown: string, error: unknown): UserError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`cannot open ${shown}: no such file`);
    case 'EISDIR':
      return new UserError(`cannot open ${shown}: it is a directory, not a text file`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot open ${shown}: permission denied`);
    default:
      // Words, as for the cases above: `input/output error`, not `EIO`.
      return new UserError(`cannot open ${shown}: ${sanitizeLine(systemErrorWords(error))}`);
  }
}

/**
 * A file's bytes (from {@link readInputBytes}, named as it gives them) read as a text, as {@link readInput}
 * reads them; consumes the bytes (see decode.ts).
 */
export function textOfBytes(name: string, bytes: Uint8Array, encoding?: string): Input {
  return { name, text: decode(bytes, `"${name}"`, encoding) };
}

async function readFile(path: string, name: string, maxBytes: number, encoding: string | undefined): Promise<Input> {
  const shown = `"${name}"`;
  return { name, text: decode(await readPath(path, shown, maxBytes), shown, encoding) };
}

async function readPath(path: string, shown: string, maxBytes: number): Promise<Uint8Array> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw inputError(shown, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw inputError(shown, Object.assign(new Error('directory'), { code: 'EISDIR' }));
    // Regular files are refused before reading; pipes and devices are stopped while reading.
    if (info.isFile() && info.size > maxBytes) throw tooLarge(shown, maxBytes, info.size);
    return await collect(info.isFile() && info.size > 0 ? sized(handle, info.size) : chunks(handle), shown, maxBytes);
  } catch (error) {
    throw error instanceof UserError ? error : inputError(shown, error);
  } finally {
    await handle.close();
  }
}

async function* chunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** A regular file in one read of its size (a long book in chunks cost a copy of it), then whatever it grew by since. */
async function* sized(handle: FileHandle, size: number): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, size - at, null);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  yield buffer.subarray(0, at);
  if (at === size) yield* chunks(handle);
}

async function collect(source: AsyncIterable<Uint8Array | string>, shown: string, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.length;
    if (total > maxBytes) throw tooLarge(shown, maxBytes);
    parts.push(bytes);
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
}

function tooLarge(shown: string, maxBytes: number, size?: number): UserError {
  const what = size === undefined ? `it is larger than ${formatBytes(maxBytes)}` : `it is ${formatBytes(size)}`;
  return new UserError(`cannot open ${shown}: ${what}, too large to be a text (the limit is ${formatBytes(maxBytes)})`);
}

function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} B`;
}

/**
 * Bytes read as a text that are an EPUB: thrown for the caller that can read one to catch (a caller that
 * cannot shows the message, as for any other zip).
 */
export class EpubInput extends UserError {
  constructor(
    readonly bytes: Uint8Array,
    shown: string,
  ) {
    super(`cannot open ${shown}: it is an EPUB, not a text`, 2, "add '--format epub'");
  }
}

/** Whether a zip's first entry is an EPUB's `mimetype` (stored, as the format asks). */
function isEpub(bytes: Uint8Array): boolean {
  const MIMETYPE = 'mimetypeapplication/epub+zip';
  if (bytes.length < 30 + MIMETYPE.length || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  for (let i = 0; i < MIMETYPE.length; i++) if (bytes[30 + i] !== MIMETYPE.charCodeAt(i)) return false;
  return true;
}

/**
 * The book formats people also have that yuedu does not read, known by their first bytes: named, with
 * the way to one it reads, rather than refused as "a binary file" (or, for a PDF whose first pages are
 * plain ASCII, shown as its markup). 掌阅's and other phone readers' UMD is a Chinese one.
 */
const OTHER_FORMATS: { name: string; at: number; magic: string }[] = [
  { name: 'a PDF', at: 0, magic: '%PDF-' },
  { name: 'a Kindle book (MOBI, AZW or AZW3)', at: 60, magic: 'BOOKMOBI' },
  { name: 'a PalmDOC book', at: 60, magic: 'TEXtREAd' },
  { name: 'a UMD book', at: 0, magic: '\x89\x9b\x9a\xde' },
  { name: 'a Word document (.doc)', at: 0, magic: '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' },
  { name: 'a Word document (.docx)', at: 30, magic: '[Content_Types].xml' },
  { name: 'a DjVu document', at: 0, magic: 'AT&TFORM' },
  { name: 'a CHM help file', at: 0, magic: 'ITSF' },
];

function otherFormat(bytes: Uint8Array): string | undefined {
  const holds = ({ at, magic }: { at: number; magic: string }) => {
    if (bytes.length < at + magic.length) return false;
    for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false;
    return true;
  };
  return OTHER_FORMATS.find(holds)?.name;
}

function decode(bytes: Uint8Array, shown: string, encoding: string | undefined): string {
  // An EPUB (a zip whose first entry is `mimetype`, `application/epub+zip`) is read as one unless an
  // encoding was named; looked at before decoding, which rewrites the bytes' line ends in place.
  if (encoding === undefined && isEpub(bytes)) throw new EpubInput(bytes, shown);
  const other = encoding === undefined ? otherFormat(bytes) : undefined;
  if (other !== undefined) {
    throw new UserError(`cannot open ${shown}: it is ${other}, which yuedu does not read`, 2, "make an EPUB or a text of it first (Calibre: 'ebook-convert FILE book.epub')");
  }
  try {
    return sanitizeText(decodeText(bytes, encoding === undefined ? {} : { encoding }));
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    if (error.reason === 'encoding') throw new UserError(`--encoding: ${error.message}`);
    // A zip's first bytes (PK 03 04): most likely an EPUB piped in or named without its extension.
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

    const hint =
      error.reason === 'undecodable'
        ? 'name its encoding with --encoding NAME (gbk, big5…), or convert it to UTF-8 first, e.g. with iconv'
        : zip
          ? "it is a zip archive: if it is an EPUB, add '--format epub'"
          : undefined;
    throw new UserError(`cannot open ${shown}: ${error.message}`, 2, hint);
  }
}

/**
 * The bytes named by `arg` (a path, or `-` for standard input), capped as a text is but not decoded:
 * for a format that is not text (EPUB), which its own parser reads.
 */
export async function readInputBytes(arg: string, options: InputOptions = {}): Promise<{ name: string; bytes: Uint8Array }> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (arg === '-') return { name: STDIN_NAME, bytes: await collect(options.stdin ?? process.stdin, 'standard input', maxBytes) };
  const name = sanitizeLine(arg);
  return { name, bytes: await readPath(arg, `"${name}"`, maxBytes) };
}
