/**
 * One shelf entry as a line of a table, for `yuedu shelf` and the shelf view alike: the title takes
 * what the other columns leave, each of which has a fixed width so the columns line up in any script.
 *
 *   红楼梦                     曹雪芹     120章  73.1万字   42%  3 days ago   12h 05m
 *   notes.md (missing)                     3章    2104字    0%  2 months ago
 */
import { sanitizeLine } from '../document/sanitize.js';
import { cellWidth, truncateToWidth, type AmbiguousWidth } from '../layout/width.js';
import { ago, charCount, duration, fileName, progressPercent, type ShelfEntry } from './entries.js';

/** The columns after the title, with their widths; on a narrow line the last ones go first. */
const COLUMNS = [
  { name: 'author', width: 10 },
  { name: 'chapters', width: 6 },
  { name: 'chars', width: 8 },
  { name: 'progress', width: 4 },
  { name: 'lastRead', width: 14 },
  { name: 'time', width: 7 },
] as const;

const GAP = 2;
/** The title keeps at least this many cells before columns are dropped for it. */
const TITLE_MIN = 16;

/** The title shown: the text's, else its file name; sanitised, as records and caches may be hostile. */
export function shownTitle(entry: ShelfEntry): string {
  const title = entry.title.trim() === '' ? fileName(entry.path) || '(untitled)' : entry.title;
  return sanitizeLine(entry.missing ? `${title} (missing)` : title);
}

export function entryCells(entry: ShelfEntry, now: Date): Record<(typeof COLUMNS)[number]['name'], string> {
  const percent = progressPercent(entry);
  return {
    author: sanitizeLine(entry.author ?? ''),
    chapters: entry.chapters === undefined ? '' : `${entry.chapters}章`,
    chars: entry.chars === undefined ? '' : `${charCount(entry.chars)}字`,
    progress: percent === undefined || entry.lastRead === undefined ? '' : `${percent}%`,
    lastRead: ago(entry.lastRead, now),
    time: duration(entry.readingMs),
  };
}

function fit(text: string, width: number, ambiguousWidth: AmbiguousWidth, right = false): string {
  const cut = truncateToWidth(text, width, ambiguousWidth);
  const pad = ' '.repeat(Math.max(0, width - cellWidth(cut, ambiguousWidth)));
  return right ? pad + cut : cut + pad;
}

/** The entry as one line exactly `width` cells wide (plain text, no styles). */
export function shelfLine(entry: ShelfEntry, width: number, now: Date, ambiguousWidth: AmbiguousWidth = 1): string {
  const cells = entryCells(entry, now);
  let columns: (typeof COLUMNS)[number][] = [...COLUMNS];
  const used = () => columns.reduce((sum, column) => sum + column.width + GAP, 0);
  while (columns.length > 0 && width - used() < TITLE_MIN) columns = columns.slice(0, -1);
  const title = fit(shownTitle(entry), Math.max(0, width - used()), ambiguousWidth);
  const rest = columns.map((column) => ' '.repeat(GAP) + fit(cells[column.name], column.width, ambiguousWidth, column.name !== 'author' && column.name !== 'lastRead')).join('');
  return truncateToWidth(title + rest, width, ambiguousWidth, '');
}
