/**
 * What the shelf knows about files found in folders, so listing a folder again reads no text: by path,
 * the file's size and modification time when it was described, its content key, title, author and
 * counts. One JSON file, `$XDG_CACHE_HOME/yuedu/shelf-files.json`, with a version.
 *
 * A cache is never trusted: a file of another version or build, damaged, too large or not ours is ignored (and
 * replaced on the next save); an entry whose size or time differs from the file's is described anew.
 * It never grows without bound: past {@link MAX_FILES} entries the least recently used go. Saving
 * re-reads the file under the lock and merges, so two yuedu listing at once lose nothing but
 * duplicates, and the write is atomic (readers see the old file or the new).
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { SOURCES_ID } from './build-id.js';
import { cacheDirectory } from './cache-dir.js';
import { withLock } from './lock.js';

export const CACHE_VERSION = 1;
/** Entries kept: far more files than anyone's library, small enough (~300 bytes each) to read at once. */
export const MAX_FILES = 20_000;
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
const FILE_NAME = 'shelf-files.json';

export interface FileMeta {
  key: string;
  title: string;
  author?: string;
  chapters: number;
  chars: number;
}

interface CachedFile extends FileMeta {
  size: number;
  mtimeMs: number;
  /** When the entry was last used (ms since the epoch): the least recently used are evicted. */
  used: number;
}

export class FileCache {
  private changed = new Map<string, CachedFile>();

  private constructor(
    private readonly path: string | undefined,
    private readonly files: Map<string, CachedFile>,
    private readonly now: () => number,
  ) {}

  static open(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): FileCache {
    const folder = cacheDirectory(env);
    const path = folder === undefined ? undefined : join(folder, FILE_NAME);
    return new FileCache(path, path === undefined ? new Map() : readCache(path), now);
  }

  /** The meta of `path` when its size and time are those cached. */
  get(path: string, size: number, mtimeMs: number): FileMeta | undefined {
    const found = this.files.get(path);
    if (!found || found.size !== size || found.mtimeMs !== mtimeMs) return undefined;
    const used = { ...found, used: this.now() };
    this.changed.set(path, used);
    return toMeta(found);
  }

  set(path: string, size: number, mtimeMs: number, meta: FileMeta): void {
    const entry = { ...toMeta(meta), size, mtimeMs, used: this.now() };
    this.files.set(path, entry);
    this.changed.set(path, entry);
  }

  /** Writes what changed, merged with what another process saved meanwhile; a warning when that failed. */
  save(): string | undefined {
    if (this.path === undefined || this.changed.size === 0) return undefined;
    const path = this.path;
    try {
      mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
      withLock(`${path}.lock`, () => {
        const merged = readCache(path);
        for (const [file, entry] of this.changed) merged.set(file, entry);
        const kept = [...merged].sort((a, b) => b[1].used - a[1].used).slice(0, MAX_FILES);
        writeFileAtomic(path, `${JSON.stringify({ version: CACHE_VERSION, build: SOURCES_ID, files: Object.fromEntries(kept) })}\n`);
      });
      this.changed.clear();
      return undefined;
    } catch (error) {
      return `shelf cache not saved: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
    }
  }
}

function toMeta(from: FileMeta): FileMeta {
  return { key: from.key, title: from.title, ...(from.author === undefined ? {} : { author: from.author }), chapters: from.chapters, chars: from.chars };
}

function readCache(path: string): Map<string, CachedFile> {
  const files = new Map<string, CachedFile>();
  let value: unknown;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_CACHE_BYTES) return files;
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return files;
  }
  // Another build may count chapters or find titles differently: its descriptions are made anew.
  if (!isObject(value) || value.version !== CACHE_VERSION || value.build !== SOURCES_ID || !isObject(value.files)) return files;
  for (const [file, raw] of Object.entries(value.files)) {
    if (isCachedFile(raw) && file.startsWith('/')) files.set(file, raw);
  }
  return files;
}

function isCachedFile(value: unknown): value is CachedFile {
  if (!isObject(value)) return false;
  const { key, title, author, chapters, chars, size, mtimeMs, used } = value;
  return (
    typeof key === 'string' &&
    /^[0-9a-f]{32}$/.test(key) &&
    typeof title === 'string' &&
    title.length <= 500 &&
    (author === undefined || (typeof author === 'string' && author.length <= 500)) &&
    [chapters, chars, size].every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) &&
    typeof mtimeMs === 'number' &&
    Number.isFinite(mtimeMs) &&
    typeof used === 'number' &&
    Number.isFinite(used)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
