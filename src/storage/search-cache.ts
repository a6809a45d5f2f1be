/**
 * Search indexes kept between runs: one file per text under `$XDG_CACHE_HOME/yuedu/search/`, named by
 * the text's content key, holding the parts of `src/core/search/serial.ts` behind a fixed header and a
 * table of parts:
 *
 *   magic `YUEDUIDX` · format version · CRC32 of the header and table · part count · content key ·
 *   build stamp · then per part: offset, length, CRC32 · then the parts, each at a multiple of 8
 *
 * A query reads only the parts it needs (an exact query never the postings; a query with no hit never
 * the text as written), so each part has a checksum of its own, checked when the part is read. A file
 * is never trusted: a wrong magic, version, stamp (another yuedu built it) or key (a foreign or renamed
 * file), a table that does not match its checksum or the file's length is refused when it is opened;
 * a part that does not match its checksum is refused when it is read. Either way the file is removed
 * and the index rebuilt by the caller. Files are written atomically (a reader sees the old file or
 * the new one, so two writers of one text never leave a part; an open file keeps the bytes it opened
 * even when another writer replaces it), and the folder never grows past a cap: after each write the
 * least recently used files (by modification time, which opening touches) go until the rest fit.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { cacheDirectory } from './cache-dir.js';

/** Bumped whenever the header, the table or a part's layout changes: files of another version are rebuilt. */
export const FORMAT_VERSION = 3;
/** Indexes kept, in bytes: fifty 3 MB novels take about 300 MB, 450 MB once their pinyin readings are kept. */
export const MAX_CACHE_BYTES = 1024 * 1024 * 1024;
const MAGIC = 'YUEDUIDX';
const HEADER = 96;
const ENTRY = 12;
/** More parts than any format has: a count past it is a damaged or foreign file, not a large allocation. */
const MAX_PARTS = 64;
const ALIGN = 8;
const STAMP_BYTES = 40;
const KEY = /^[0-9a-f]{32}$/;
/** A temporary file left by a writer that died is removed once this old. */
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface SearchCacheOptions {
  /** What built the payloads (yuedu's version): indexes of another build are not read. */
  stamp: string;
  env?: NodeJS.ProcessEnv;
  maxBytes?: number;
  now?: () => number;
  /** Where the files go, instead of the cache folder's `search/` (tests). */
  folder?: string;
}

/** A part whose bytes do not match their checksum, or that could not be read whole. */
export class DamagedIndexError extends Error {
  constructor(what: string) {
    super(`damaged search index: ${what}`);
    this.name = 'DamagedIndexError';
  }
}

/** Where each part lies in a file: offset, length and checksum. */
export interface PartEntry {
  offset: number;
  length: number;
  crc: number;
}

/**
 * One index file, opened and its table checked, its parts read when first asked for. Keeps its file
 * open until `close`, so a part read late is from the file that was checked even when another yuedu
 * replaced or evicted it meanwhile.
 */
export interface IndexFile {
  readonly parts: number;
  /** Part `i`'s bytes, checked; throws DamagedIndexError (and removes the file) when they are not whole. */
  part(i: number): Uint8Array;
  /** Removes the file: something built from it was inconsistent. */
  discard(): void;
  /** Closes the file; the parts read from a shared arena (see `open`) are not to be used after. */
  close(): void;
}

/**
 * Memory for parts, handed out again once the file that used it is closed: fifty index files read
 * one after another reuse one allocation instead of leaving hundreds of megabytes to the collector.
 */
class Arena {
  private chunk = new ArrayBuffer(0);
  private used = 0;
  busy = false;

  take(length: number): Uint8Array {
    const at = Math.ceil(this.used / ALIGN) * ALIGN;
    if (at + length > this.chunk.byteLength) {
      // The chunk before stays alive while the parts in it are; the next file uses the new one whole.
      this.chunk = new ArrayBuffer(Math.max(length, this.chunk.byteLength * 2, 1 << 20));
      this.used = 0;
      return this.take(length);
    }
    this.used = at + length;
    return new Uint8Array(this.chunk, at, length);
  }

  reset(): void {
    this.used = 0;
    this.busy = false;
  }
}

export class SearchCache {
  private readonly arena = new Arena();

  private constructor(
    readonly folder: string,
    private readonly stamp: string,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  /** The cache, or undefined when nothing may be written (`YUEDU_STATE=off`, no home). */
  static open(options: SearchCacheOptions): SearchCache | undefined {
    const base = options.folder ?? cacheDirectory(options.env ?? process.env);
    if (base === undefined) return undefined;
    const folder = options.folder ?? join(base, 'search');
    return new SearchCache(folder, options.stamp.slice(0, STAMP_BYTES), options.maxBytes ?? MAX_CACHE_BYTES, options.now ?? Date.now);
  }

  private pathOf(key: string): string {
    return join(this.folder, `${key}.idx`);
  }

  /**
   * The index file stored for `key`, its header and table checked, or undefined (a bad file is
   * removed). With `reuse`, parts are read into memory that the next file opened with `reuse` takes
   * over once this one is closed: for a caller that is done with a text's index before the next.
   */
  openIndex(key: string, { reuse = false }: { reuse?: boolean } = {}): IndexFile | undefined {
    if (!KEY.test(key)) return undefined;
    const path = this.pathOf(key);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return undefined;
    }
    let table: PartEntry[] | undefined;
    try {
      table = this.check(fd, key);
    } catch {
      table = undefined;
    }
    if (table === undefined) {
      closeQuietly(fd);
      removeQuietly(path);
      return undefined;
    }
    try {
      // Used now: the last to be evicted.
      const at = new Date(this.now());
      utimesSync(path, at, at);
    } catch {
      // Another process evicted it meanwhile; the open file is whole all the same.
    }
    const arena = reuse && !this.arena.busy ? this.arena : undefined;
    if (arena) arena.busy = true;
    const read: (Uint8Array | undefined)[] = new Array(table.length);
    let open = true;
    const close = (): void => {
      if (!open) return;
      open = false;
      closeQuietly(fd);
      arena?.reset();
    };
    const entries = table;
    return {
      parts: entries.length,
      part: (i: number): Uint8Array => {
        const known = read[i];
        if (known) return known;
        const entry = entries[i];
        if (entry === undefined || !open) throw new DamagedIndexError(`no part ${i}`);
        const bytes = arena ? arena.take(entry.length) : new Uint8Array(entry.length);
        let got = 0;
        try {
          while (got < entry.length) {
            const n = readSync(fd, bytes, got, entry.length - got, entry.offset + got);
            if (n === 0) break;
            got += n;
          }
        } catch {
          got = -1;
        }
        if (got !== entry.length || crc32(bytes) !== entry.crc) {
          removeQuietly(path);
          throw new DamagedIndexError(`part ${i}`);
        }
        read[i] = bytes;
        return bytes;
      },
      discard: () => removeQuietly(path),
      close,
    };
  }

  /** Every part stored for `key`, when the file is whole and ours; a bad file is removed. */
  read(key: string): Uint8Array[] | undefined {
    const file = this.openIndex(key);
    if (!file) return undefined;
    try {
      return Array.from({ length: file.parts }, (_, i) => file.part(i));
    } catch {
      return undefined;
    } finally {
      file.close();
    }
  }

  /** The table of an open file, when its header, table and length are right. */
  private check(fd: number, key: string): PartEntry[] | undefined {
    const size = fstatSync(fd).size;
    if (size < HEADER) return undefined;
    const header = Buffer.alloc(HEADER);
    if (readSync(fd, header, 0, HEADER, 0) !== HEADER) return undefined;
    if (header.toString('latin1', 0, 8) !== MAGIC || header.readUInt32LE(8) !== FORMAT_VERSION) return undefined;
    const count = header.readUInt32LE(16);
    if (count > MAX_PARTS || size < HEADER + count * ENTRY) return undefined;
    if (header.toString('latin1', 24, 56) !== key) return undefined;
    if (header.toString('utf8', 56, HEADER).replace(/\0+$/, '') !== this.stamp) return undefined;
    const head = Buffer.alloc(HEADER + count * ENTRY);
    header.copy(head);
    if (readSync(fd, head, HEADER, count * ENTRY, HEADER) !== count * ENTRY) return undefined;
    if (crc32(head.subarray(16)) !== header.readUInt32LE(12)) return undefined;
    const entries: PartEntry[] = [];
    let end = align(HEADER + count * ENTRY);
    for (let i = 0; i < count; i++) {
      const at = HEADER + i * ENTRY;
      const entry = { offset: head.readUInt32LE(at), length: head.readUInt32LE(at + 4), crc: head.readUInt32LE(at + 8) };
      // Parts follow each other, each aligned: any other table was not written by us.
      if (entry.offset !== end) return undefined;
      end = align(entry.offset + entry.length);
      entries.push(entry);
    }
    return size === (count === 0 ? end : entries.at(-1)!.offset + entries.at(-1)!.length) ? entries : undefined;
  }

  /** Stores `parts` for `key`, then evicts past the cap; a warning when it could not be written. */
  write(key: string, parts: readonly Uint8Array[]): string | undefined {
    if (!KEY.test(key)) return undefined;
    const tableEnd = HEADER + parts.length * ENTRY;
    let end = align(tableEnd);
    const offsets = parts.map((part) => {
      const at = end;
      end = align(at + part.byteLength);
      return at;
    });
    const size = parts.length === 0 ? end : offsets.at(-1)! + parts.at(-1)!.byteLength;
    const file = Buffer.alloc(size);
    file.write(MAGIC, 0, 'latin1');
    file.writeUInt32LE(FORMAT_VERSION, 8);
    file.writeUInt32LE(parts.length, 16);
    file.write(key, 24, 'latin1');
    file.write(this.stamp, 56, STAMP_BYTES, 'utf8');
    parts.forEach((part, i) => {
      file.writeUInt32LE(offsets[i]!, HEADER + i * ENTRY);
      file.writeUInt32LE(part.byteLength, HEADER + i * ENTRY + 4);
      file.writeUInt32LE(crc32(part), HEADER + i * ENTRY + 8);
      file.set(part, offsets[i]!);
    });
    file.writeUInt32LE(crc32(file.subarray(16, tableEnd)), 12);
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      writeFileAtomic(this.pathOf(key), file);
      const at = new Date(this.now());
      utimesSync(this.pathOf(key), at, at);
    } catch (error) {
      return `search index not cached: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
    this.evict();
    return undefined;
  }

  /** Removes the least recently used indexes until the rest fit under the cap, and dead writers' temporary files. */
  evict(): void {
    let names: string[];
    try {
      names = readdirSync(this.folder);
    } catch {
      return;
    }
    const files: { path: string; size: number; used: number }[] = [];
    for (const name of names) {
      const path = join(this.folder, name);
      try {
        const info = statSync(path);
        if (!info.isFile()) continue;
        if (name.endsWith('.tmp')) {
          if (this.now() - info.mtimeMs > STALE_TEMP_MS) removeQuietly(path);
          continue;
        }
        if (name.endsWith('.idx')) files.push({ path, size: info.size, used: info.mtimeMs });
      } catch {
        // Gone meanwhile (another process evicted it).
      }
    }
    let total = files.reduce((sum, file) => sum + file.size, 0);
    files.sort((a, b) => a.used - b.used);
    for (const file of files) {
      if (total <= this.maxBytes) break;
      removeQuietly(file.path);
      total -= file.size;
    }
  }
}

/** Where each part of a file written by `write` lies (tests damage one part at a time). */
export function partTable(file: Uint8Array): PartEntry[] {
  const view = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const count = view.readUInt32LE(16);
  return Array.from({ length: count }, (_, i) => ({ offset: view.readUInt32LE(HEADER + i * ENTRY), length: view.readUInt32LE(HEADER + i * ENTRY + 4), crc: view.readUInt32LE(HEADER + i * ENTRY + 8) }));
}

const align = (n: number): number => Math.ceil(n / ALIGN) * ALIGN;

/** zlib's CRC-32, node:zlib loaded on first use rather than by every start-up. */
function crc32(data: Uint8Array): number {
  return process.getBuiltinModule('node:zlib').crc32(data);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Closed already; nothing is read from it again.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Removed already, or not ours to remove: either way it is not read.
  }
}
