/**
 * The EPUB's zip, read with fflate, defensively: an EPUB is a file from anywhere. Entries are listed
 * first (from the central directory, nothing inflated) and checked against the limits below; only the
 * entries the book needs (container, package, table of contents, the spine's XHTML) are then inflated,
 * each into a buffer of its declared size, so a lying header cannot make it grow.
 *
 * Refused, each with one line (an {@link EpubError}): bytes that are not a zip; a zip cut short; more than
 * {@link MAX_ENTRIES} entries; more than {@link MAX_INFLATED} bytes to inflate in all, or
 * {@link MAX_ENTRY} in one entry (a zip bomb); an entry whose path leaves the archive (`../x`, `/x`).
 *
 * The caller may hand over a faster inflater ({@link EntryInflater}: the command line's uses the
 * platform's zlib, several times faster than fflate's JavaScript on a long book); the entries and the
 * limits are still this module's, and what it returns is held to each entry's declared size.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { sanitizeText } from '../sanitize.js';

/** More entries than any real book has (a long one with images holds a few thousand). */
export const MAX_ENTRIES = 10_000;
/** Total inflated bytes of the entries read: text and markup only, never the images. */
export const MAX_INFLATED = 256 * 1024 * 1024;
/** Inflated bytes of one entry. */
export const MAX_ENTRY = 64 * 1024 * 1024;

const MiB = 1024 * 1024;

/** A book that cannot be read, and why, in the reader's terms (no file name: the caller adds it). */
export class EpubError extends Error {
  override name = 'EpubError';
}

/**
 * Inflates the entry `name` of the archive (as listed here, with its declared sizes) into at most
 * `entry.originalSize` bytes, throwing when it would hold more; or returns undefined to leave the
 * entry to fflate (one it does not know, a compression it does not do).
 */
export type EntryInflater = (name: string, entry: UnzipFileInfo) => Uint8Array | undefined;

export class Archive {
  private readonly bytes: Uint8Array;
  private readonly entries: Map<string, UnzipFileInfo>;
  private readonly inflater: EntryInflater | undefined;
  private inflated = 0;
  private readonly reserved = new Set<string>();

  constructor(bytes: Uint8Array, inflater?: EntryInflater) {
    this.bytes = bytes;
    this.entries = listEntries(bytes);
    this.inflater = inflater;
  }

  /** Entry names as {@link fold} makes them, made when a name is first not found as written. */
  private folded: Map<string, string> | undefined;

  has(path: string): boolean {
    return this.find(path) !== undefined;
  }

  /**
   * The entry a path names: as written, else in another case or with `\` for `/`, as books zipped on
   * Windows hold them (a reader that refused them would refuse books every other reader opens).
   */
  private find(path: string): string | undefined {
    if (this.entries.has(path)) return path;
    if (!this.folded) {
      this.folded = new Map();
      for (const name of this.entries.keys()) if (!this.folded.has(fold(name))) this.folded.set(fold(name), name);
    }
    return this.folded.get(fold(path));
  }

  /** An entry's inflated size as the archive declares it (0 for one it lacks). */
  size(given: string): number {
    const path = this.find(given);
    return path === undefined ? 0 : (this.entries.get(path)?.originalSize ?? 0);
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Counts the entries against the limits before any is inflated, so a zip bomb is refused before work
   * is spent on it (once per entry: reading it later adds nothing).
   */
  reserve(paths: readonly string[]): void {
    for (const given of paths) {
      const path = this.find(given) ?? given;
      if (this.reserved.has(path)) continue;
      const size = this.entries.get(path)?.originalSize ?? 0;
      if (size > MAX_ENTRY) throw new EpubError(`${path} would inflate to ${mib(size)}, more than the ${mib(MAX_ENTRY)} allowed for one entry (a zip bomb?)`);
      this.inflated += size;
      if (this.inflated > MAX_INFLATED) throw new EpubError(`its text would inflate to more than ${mib(MAX_INFLATED)} (a zip bomb?)`);
      this.reserved.add(path);
    }
  }

  /** An entry's content as text, or undefined when the archive lacks it. */
  readText(given: string): string | undefined {
    const path = this.find(given);
    if (path === undefined) return undefined;
    this.reserve([path]);
    const data = this.inflate(path) ?? this.unzip(path);
    if (data === undefined) return undefined;
    const text = decodeMarkup(data);
    return sanitizeText(text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text);
  }

  /** The entry by fflate's own inflate. */
  private unzip(path: string): Uint8Array | undefined {
    try {
      return unzipSync(this.bytes, { filter: (file) => file.name === path })[path];
    } catch (error) {
      throw damaged(error);
    }
  }

  /** The entry by the caller's inflater, or undefined to read it with fflate. */
  private inflate(path: string): Uint8Array | undefined {
    const entry = this.entries.get(path);
    if (this.inflater === undefined || entry === undefined) return undefined;
    let data: Uint8Array | undefined;
    try {
      data = this.inflater(path, entry);
    } catch (error) {
      throw damaged(error);
    }
    if (data !== undefined && data.length > entry.originalSize) throw new EpubError(`${printable(path)} inflates to more than its declared size (a zip bomb?)`);
    return data;
  }
}

function fold(name: string): string {
  return name.replaceAll('\\', '/').toLowerCase();
}

function damaged(error: unknown): EpubError {
  return new EpubError(`the archive is damaged (${printable(error instanceof Error ? error.message : String(error))})`);
}

/**
 * XML and XHTML are UTF-8 unless a byte-order mark or the declaration says otherwise; some Chinese books
 * made by older tools declare `encoding="gb2312"` or `"big5"` and mean it.
 */
/** Made once: a book has hundreds of files. */
let latin1: InstanceType<typeof TextDecoder> | undefined;
let utf8: InstanceType<typeof TextDecoder> | undefined;

function decodeMarkup(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  const head = (latin1 ??= new TextDecoder('latin1')).decode(data.subarray(0, 1024));
  // The XML declaration's, else an HTML `<meta charset>` or `http-equiv` one's (HTML files in the spine).
  const declared =
    /^(?:\ufeff|\u00ef\u00bb\u00bf)?<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/u.exec(head)?.[1] ??
    /<meta\b[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1];
  if (declared && !/^utf-?8$/iu.test(declared)) {
    try {
      return new TextDecoder(declared).decode(data);
    } catch {
      // A label TextDecoder does not know: UTF-8, the default, it is.
    }
  }
  try {
    return (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(data);
  } catch {
    // Not UTF-8 and not declared: old Chinese tools wrote GBK and said nothing. What GB18030 reads
    // whole is that; else UTF-8, its bad bytes replaced.
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(data);
    } catch {
      return new TextDecoder('utf-8').decode(data);
    }
  }
}

function listEntries(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  let count = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (++count > MAX_ENTRIES) throw new EpubError(`it holds more than ${MAX_ENTRIES} entries (a zip bomb?)`);
        entries.set(file.name, file);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof EpubError) throw error;
    const zipStart = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    throw new EpubError(zipStart ? 'the zip archive is truncated or damaged' : 'it is not an EPUB (not a zip archive)');
  }
  for (const name of entries.keys()) {
    if (escapes(name)) throw new EpubError(`an entry's path points outside the archive (${printable(name)})`);
  }
  return entries;
}

/** Whether a path inside the zip would leave it: absolute, a drive, or more `..` than folders. */
function escapes(name: string): boolean {
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/u.test(name)) return true;
  let depth = 0;
  for (const part of name.split(/[/\\]/u)) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * `href` (URL-encoded, relative to the file at `from`) as a path in the archive, without its fragment;
 * throws when it leaves the archive.
 */
export function resolvePath(from: string, href: string): string {
  let path = href.split('#')[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // A stray `%` is part of the name.
  }
  if (/^[a-z][a-z0-9+.-]*:/iu.test(path)) throw new EpubError(`it refers to a file outside the archive (${printable(href)})`);
  const parts = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of path.split('/')) {
    if (part === '..') {
      if (parts.length === 0) throw new EpubError(`a path points outside the archive (${printable(href)})`);
      parts.pop();
    } else if (part !== '' && part !== '.') parts.push(part);
  }
  return parts.join('/');
}

export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

function mib(bytes: number): string {
  return `${Math.round(bytes / MiB)} MiB`;
}
