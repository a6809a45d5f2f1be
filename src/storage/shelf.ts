/**
 * The shelf on disk: the texts read before (their records in the state folder, see `store.ts`) and
 * the texts under folders given, gathered into entries (`src/core/shelf/entries.ts`).
 *
 * A text is never parsed just to be listed. A record carries the title, author and counts of its
 * text (saved by the reader); a file found in a folder is looked up in the file cache
 * (`shelf-cache.ts`) by path, size and modification time, and only a file the cache does not know is
 * described (read and parsed) once, through the `describe` the caller gives (storage knows no formats).
 */
import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeLine } from '../core/document/sanitize.js';
import { sortShelf, type ShelfEntry } from '../core/shelf/entries.js';
import { parseRecord, type StateRecord } from './record.js';
import { FileCache, type FileMeta } from './shelf-cache.js';
import { scanFolder, type ScanOptions } from './shelf-scan.js';
import { stateDirectory } from './paths.js';

const KEY_FILE = /^([0-9a-f]{32})\.json$/;
const MAX_RECORD_BYTES = 1024 * 1024;

export interface StoredRecord {
  key: string;
  record: StateRecord;
}

/** Every record in the state folder; damaged ones are skipped with a note. */
export function listRecords(env: NodeJS.ProcessEnv = process.env): { records: StoredRecord[]; notes: string[] } {
  const folder = stateDirectory(env);
  const records: StoredRecord[] = [];
  const notes: string[] = [];
  if (folder === undefined) return { records, notes };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') notes.push(`cannot read ${sanitizeLine(folder)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    return { records, notes };
  }
  for (const name of names) {
    const match = KEY_FILE.exec(name);
    if (!match) continue;
    const path = join(folder, name);
    try {
      const info = statSync(path);
      if (!info.isFile() || info.size > MAX_RECORD_BYTES) throw new Error('not a record');
      const parsed = parseRecord(readFileSync(path, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.reason);
      records.push({ key: match[1]!, record: parsed.record });
    } catch {
      notes.push(`skipped the damaged record ${sanitizeLine(name)}`);
    }
  }
  return { records, notes };
}

/**
 * Removes the record of the text with content key `key` (its place, marks, times): the text's file is
 * never touched. Returns a warning when that failed.
 */
export function forgetRecord(key: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const folder = stateDirectory(env);
  if (folder === undefined || !/^[0-9a-f]{32}$/.test(key)) return undefined;
  try {
    unlinkSync(join(folder, `${key}.json`));
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : `not forgotten: ${code ?? 'error'}`;
  }
}

/** The record of the text read last whose file is still there, if any (`yuedu` with no file opens it). */
export function lastRead(env: NodeJS.ProcessEnv = process.env): { key: string; path: string } | undefined {
  const { records } = listRecords(env);
  const read = records.filter((r) => r.record.lastRead !== undefined).sort((a, b) => Date.parse(b.record.lastRead!) - Date.parse(a.record.lastRead!));
  for (const { key, record } of read) {
    const path = record.paths?.find(isFile);
    if (path !== undefined) return { key, path };
    // The latest text is gone: the interview opens rather than an older text, which would surprise.
    return undefined;
  }
  return undefined;
}

export interface ShelfOptions {
  env?: NodeJS.ProcessEnv;
  /** Folders whose texts join the shelf. */
  folders?: readonly string[];
  /** Reads and parses a file found in a folder that the cache does not know; throws with a one-line message. */
  describe?: (path: string) => Promise<FileMeta>;
  scan?: ScanOptions;
  /** Told how many texts are known so far, while a folder is listed. */
  onProgress?: (count: number) => void;
}

export interface ShelfListing {
  entries: ShelfEntry[];
  /** One line per thing skipped (a damaged record, an unreadable folder, a file that is not a text). */
  notes: string[];
}

export function recordEntry(key: string, record: StateRecord): ShelfEntry {
  const paths = record.paths ?? [];
  const path = paths.find(isFile);
  return {
    key,
    ...(path ?? paths[0] ? { path: path ?? paths[0] } : {}),
    title: record.title ?? '',
    ...(record.author === undefined ? {} : { author: record.author }),
    ...(record.chapters === undefined ? {} : { chapters: record.chapters }),
    ...(record.chars === undefined ? {} : { chars: record.chars }),
    ...(record.furthest === undefined ? {} : { furthest: record.furthest }),
    ...(record.lastRead === undefined ? {} : { lastRead: record.lastRead }),
    ...(record.readingMs === undefined ? {} : { readingMs: record.readingMs }),
    missing: paths.length > 0 && path === undefined,
  };
}

/** The whole shelf: records, then the folders' texts, merged by content, most recently read first. */
export async function listShelf(options: ShelfOptions = {}): Promise<ShelfListing> {
  const env = options.env ?? process.env;
  const { records, notes } = listRecords(env);
  const byKey = new Map<string, ShelfEntry>();
  const byPath = new Map<string, ShelfEntry>();
  const entries: ShelfEntry[] = [];
  for (const { key, record } of records) {
    // Records from before the shelf know no title nor path: there is nothing to show or open.
    if (record.title === undefined && record.paths === undefined) continue;
    const entry = recordEntry(key, record);
    entries.push(entry);
    byKey.set(key, entry);
    if (entry.path !== undefined && !entry.missing) byPath.set(entry.path, entry);
  }
  const folders = options.folders ?? [];
  if (folders.length > 0) {
    const cache = FileCache.open(env);
    for (const folder of folders) {
      const scan = scanFolder(folder, options.scan);
      notes.push(...scan.notes);
      for (const path of scan.files) {
        if (byPath.has(path)) continue;
        let meta: FileMeta | undefined;
        try {
          const info = statSync(path);
          meta = cache.get(path, info.size, info.mtimeMs);
          if (meta === undefined) {
            if (!options.describe) continue;
            meta = await options.describe(path);
            cache.set(path, info.size, info.mtimeMs, meta);
          }
        } catch (error) {
          notes.push(`skipped "${sanitizeLine(path)}": ${sanitizeLine(error instanceof Error ? error.message : String(error))}`);
          continue;
        }
        const known = byKey.get(meta.key);
        if (known) {
          // A text read before, found here: its record's file may be gone, this one is not.
          if (known.path === undefined || known.missing) Object.assign(known, { path, missing: false });
          continue;
        }
        const entry: ShelfEntry = {
          key: meta.key,
          path,
          title: meta.title,
          ...(meta.author === undefined ? {} : { author: meta.author }),
          chapters: meta.chapters,
          chars: meta.chars,
          missing: false,
        };
        entries.push(entry);
        byKey.set(meta.key, entry);
        byPath.set(path, entry);
        options.onProgress?.(entries.length);
      }
    }
    const warning = cache.save();
    if (warning !== undefined) notes.push(warning);
  }
  return { entries: sortShelf(entries), notes };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
