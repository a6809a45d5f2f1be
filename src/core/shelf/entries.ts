/**
 * The shelf (书架): every text read before, and the texts found in folders given, as one list. Pure:
 * storage (`src/storage/shelf.ts`) gathers the entries; this orders, filters and describes them.
 *
 * Order: the text read most recently first, as every reader's history does; texts never read come
 * after, by title, then by path, so a folder's list is stable from one run to the next.
 * Filtering is `filter.ts`, apart, as it needs the search engine and listing does not.
 */

export interface ShelfEntry {
  /** The content key (`documentKey`) when known: a text read before, or a file whose key is cached. */
  key?: string;
  /** Where the text is (absolute); undefined for a text only ever read from standard input. */
  path?: string;
  title: string;
  author?: string;
  chapters?: number;
  /** 字数. */
  chars?: number;
  /** Characters read: the furthest place reached. */
  furthest?: number;
  /** ISO 8601. */
  lastRead?: string;
  readingMs?: number;
  /** The file is gone (or cannot be reached): shown as missing, never dropped. */
  missing: boolean;
}

/** Most recently read first; never read after, by title then path. */
export function sortShelf(entries: readonly ShelfEntry[]): ShelfEntry[] {
  return [...entries].sort((a, b) => {
    const ta = a.lastRead === undefined ? -Infinity : Date.parse(a.lastRead);
    const tb = b.lastRead === undefined ? -Infinity : Date.parse(b.lastRead);
    if (ta !== tb) return tb - ta;
    if (a.title !== b.title) return a.title < b.title ? -1 : 1;
    return (a.path ?? '') < (b.path ?? '') ? -1 : (a.path ?? '') > (b.path ?? '') ? 1 : 0;
  });
}

/** Progress as a whole percentage (0–100), or undefined before the text's size is known. */
export function progressPercent(entry: Pick<ShelfEntry, 'furthest' | 'chars'>): number | undefined {
  if (entry.chars === undefined) return undefined;
  if (entry.chars === 0) return entry.furthest === undefined ? 0 : 100;
  return Math.min(100, Math.floor(((entry.furthest ?? 0) / entry.chars) * 100));
}

/** The file's name: what the filter matches besides title and author. */
export function fileName(path: string | undefined): string {
  if (path === undefined) return '';
  return path.slice(path.lastIndexOf('/') + 1);
}

/** "just now", "5 minutes ago", "3 days ago", or the date for anything over a year. */
export function ago(iso: string | undefined, now: Date): string {
  if (iso === undefined) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  const units: [number, string][] = [
    [365 * 86400, 'year'],
    [30 * 86400, 'month'],
    [7 * 86400, 'week'],
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  if (seconds < 60) return 'just now';
  if (seconds >= 365 * 86400) return iso.slice(0, 10);
  for (const [size, name] of units) {
    const count = Math.floor(seconds / size);
    if (count >= 1) return `${count} ${name}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** Reading time as `2h 05m`, `12m`, `<1m`, or '' when none was counted. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || ms <= 0) return '';
  const minutes = Math.floor(ms / 60000);
  if (minutes < 1) return '<1m';
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? `${minutes}m` : `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/**
 * 字数 as Chinese readers write it: `3.2万` from ten thousand up, `368万` from a million (a decimal there
 * says nothing and would not fit the shelf's column: the largest text, 22 million characters, is `2200万`),
 * else the number.
 */
export function charCount(chars: number | undefined): string {
  if (chars === undefined) return '';
  if (chars >= 1_000_000) return `${Math.round(chars / 10_000)}万`;
  if (chars >= 10_000) return `${Number((chars / 10_000).toFixed(1))}万`;
  return String(chars);
}
