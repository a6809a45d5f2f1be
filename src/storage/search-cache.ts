/**
 * Search indexes kept between runs: one file per text under `$XDG_CACHE_HOME/yuedu/search/`, named by
 * the text's content key, holding the bytes of `src/core/search/serial.ts` behind a fixed header:
 *
 *   magic `YUEDUIDX` · format version · CRC32 of the payload · payload length · content key · build stamp
 *
 * A file is never trusted: a wrong magic, version, stamp (another yuedu built it) or key (a foreign or
 * renamed file), a length that does not match the file, or a checksum that does not match the bytes,
 * and the file is removed and the index rebuilt by the caller. Files are written atomically (a reader
 * sees the old file or the new one, so two writers of one text never leave a part), and the folder
 * never grows past a cap: after each write the least recently used files (by modification time,
 * which a read touches) go until the rest fit.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from './atomic.js';
import { cacheDirectory } from './cache-dir.js';

/** Bumped whenever the header or the payload's layout changes. */
export const FORMAT_VERSION = 2;
/** Indexes kept, in bytes: fifty 3 MB novels take about 400 MB. */
export const MAX_CACHE_BYTES = 1024 * 1024 * 1024;
const MAGIC = 'YUEDUIDX';
const HEADER = 96;
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

export class SearchCache {
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

  /** The payload stored for `key`, when its file is whole and ours; a bad file is removed. */
  read(key: string): Uint8Array | undefined {
    if (!KEY.test(key)) return undefined;
    const path = this.pathOf(key);
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch {
      return undefined;
    }
    const payload = this.check(data, key);
    if (payload === undefined) {
      removeQuietly(path);
      return undefined;
    }
    try {
      // Used now: the last to be evicted.
      const at = new Date(this.now());
      utimesSync(path, at, at);
    } catch {
      // Another process evicted it meanwhile; the bytes read are whole all the same.
    }
    return payload;
  }

  private check(data: Buffer, key: string): Uint8Array | undefined {
    if (data.length < HEADER || data.toString('latin1', 0, 8) !== MAGIC) return undefined;
    if (data.readUInt32LE(8) !== FORMAT_VERSION) return undefined;
    const length = data.readUInt32LE(16);
    if (data.length !== HEADER + length) return undefined;
    if (data.toString('latin1', 24, 56) !== key) return undefined;
    if (data.toString('utf8', 56, HEADER).replace(/\0+$/, '') !== this.stamp) return undefined;
    const payload = data.subarray(HEADER);
    return crc32(payload) === data.readUInt32LE(12) ? payload : undefined;
  }

  /** Stores `payload` for `key`, then evicts past the cap; a warning when it could not be written. */
  write(key: string, payload: Uint8Array): string | undefined {
    if (!KEY.test(key)) return undefined;
    const header = Buffer.alloc(HEADER);
    header.write(MAGIC, 0, 'latin1');
    header.writeUInt32LE(FORMAT_VERSION, 8);
    header.writeUInt32LE(crc32(payload), 12);
    header.writeUInt32LE(payload.byteLength, 16);
    header.write(key, 24, 'latin1');
    header.write(this.stamp, 56, STAMP_BYTES, 'utf8');
    try {
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      writeFileAtomic(this.pathOf(key), Buffer.concat([header, payload]));
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

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Removed already, or not ours to remove: either way it is not read.
  }
}
