/**
 * Filtering the shelf reuses the search engine (one paragraph per entry: title, author, file name), so
 * the shelf understands what the search does: pinyin (`hlm`, `honglou` for 红楼梦), traditional
 * characters (`紅樓` finds 红楼梦), near misses; the best matches first.
 */
import { createSearchIndex } from '../search/index.js';
import type { Document, Paragraph } from '../document/types.js';
import { fileName, type ShelfEntry } from './entries.js';

const indexes = new WeakMap<readonly ShelfEntry[], ReturnType<typeof createSearchIndex>>();

/** What the filter looks in for one entry: title, author, file name. */
function haystack(entry: ShelfEntry): string {
  return [entry.title, entry.author ?? '', fileName(entry.path)].filter((part) => part !== '').join(' ');
}

function shelfIndex(entries: readonly ShelfEntry[]): ReturnType<typeof createSearchIndex> {
  let index = indexes.get(entries);
  if (index) return index;
  const lead: Paragraph[] = entries.map((entry, i) => ({ id: `s0p${i + 1}`, section: 0, index: i + 1, kind: 'lead', text: haystack(entry), offset: 0 }));
  const doc: Document = { title: '', lead, sections: [], notes: [], speakers: [], source: lead.map((p) => p.text).join('\n') };
  index = createSearchIndex(doc);
  indexes.set(entries, index);
  return index;
}

/**
 * Indexes into `entries` of those matching `query`, best match first; all of them, in their order,
 * for a blank query.
 */
export function filterShelf(entries: readonly ShelfEntry[], query: string): number[] {
  if (query.trim() === '') return entries.map((_, i) => i);
  return shelfIndex(entries)
    .search(query)
    .map((hit) => hit.paragraph - 1)
    .filter((i) => i >= 0 && i < entries.length);
}
