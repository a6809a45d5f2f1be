/**
 * `yuedu shelf [DIR…] [--json]` and `yuedu DIR` without a terminal: the texts read before and those
 * under the folders given, most recently read first, one line each (or JSON for scripts).
 */
import { textCounts } from '../../core/document/counts.js';
import type { Document } from '../../core/document/types.js';
import { progressPercent, type ShelfEntry } from '../../core/shelf/entries.js';
import { shelfLine } from '../../core/shelf/table.js';
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { documentKey } from '../../storage/record.js';
import type { FileMeta } from '../../storage/shelf-cache.js';
import { listShelf, type ShelfListing } from '../../storage/shelf.js';

/** What the shelf caches about a text, from the text itself. */
export function metaOf(doc: Document): FileMeta {
  const { chapters, chars } = textCounts(doc);
  return { key: documentKey(doc.source), title: doc.title, ...(doc.author ? { author: doc.author } : {}), chapters, chars };
}

/** The shelf with `folders`' texts; a file the cache does not know is read with `load` once. */
export function gatherShelf(folders: readonly string[], load: (path: string) => Promise<Document>, onProgress?: (count: number) => void): Promise<ShelfListing> {
  return listShelf({ folders, describe: async (path) => metaOf(await load(path)), ...(onProgress ? { onProgress } : {}) });
}

export function shelfJson(entries: readonly ShelfEntry[]): string {
  const rows = entries.map((entry) => ({
    title: entry.title,
    author: entry.author ?? null,
    chapters: entry.chapters ?? null,
    chars: entry.chars ?? null,
    furthest: entry.furthest ?? 0,
    progress: entry.lastRead === undefined ? 0 : (progressPercent(entry) ?? 0),
    lastRead: entry.lastRead ?? null,
    readingMs: entry.readingMs ?? 0,
    file: entry.path ?? null,
    missing: entry.missing,
    key: entry.key ?? null,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function shelfText(entries: readonly ShelfEntry[], width: number, now: Date, ambiguousWidth: AmbiguousWidth): string {
  return entries.map((entry) => `${shelfLine(entry, width, now, ambiguousWidth).trimEnd()}\n`).join('');
}
