import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/ui/text.js';
import { createReaderState, reduce } from '../../src/app/reducer.js';
import { selectedEntry } from '../../src/app/shelf.js';
import { modeOf, type ReaderState } from '../../src/app/state.js';
import type { ShelfEntry } from '../../src/core/shelf/entries.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { shelfFrame } from '../../src/ui/rows/shelf.js';
import { createTheme } from '../../src/ui/theme.js';
import { filterShelf } from '../../src/core/shelf/filter.js';
import { syntheticDocument } from '../helpers/documents.js';

const doc = syntheticDocument(3, 3);
const NOW = new Date('2026-03-10T12:00:00Z');
const KEY = (n: number): string => n.toString(16).padStart(32, '0');
const ENTRIES: ShelfEntry[] = [
  { key: KEY(1), path: '/books/hlm.txt', title: '红楼梦', author: '曹雪芹', chapters: 120, chars: 731_000, furthest: 73_100, lastRead: '2026-03-09T12:00:00Z', readingMs: 3_600_000, missing: false },
  { key: KEY(2), path: '/books/gone.txt', title: '不见了', chapters: 3, chars: 1000, lastRead: '2026-03-01T12:00:00Z', missing: true },
  { key: KEY(3), path: '/books/xyj.txt', title: '西游记', author: '吴承恩', chapters: 100, chars: 820_000, missing: false },
  { key: KEY(4), title: '管道里来的', chapters: 1, chars: 10, lastRead: '2026-02-01T12:00:00Z', missing: false },
];

function state(entries: readonly ShelfEntry[] = ENTRIES): ReaderState {
  return createReaderState(doc, { columns: 100, rows: 20, shelf: entries });
}
const keys = (s: ReaderState, ...k: string[]): ReaderState => reduce(s, { type: 'keys', keys: k });
/** The filter's matches, as the app delivers them. */
const answer = (s: ReaderState, query = s.shelf.line.text): ReaderState => reduce(s, { type: 'shelfMatches', query, matches: filterShelf(s.shelf.entries, query) });

describe('the shelf view (reducer)', () => {
  it('o opens it from the text; every printable key filters, arrows choose, Esc clears then closes', () => {
    let s = keys(state(), 'o');
    expect(modeOf(s)).toBe('shelf');
    expect(s.shelf.matches).toEqual([0, 1, 2, 3]);
    s = keys(s, 'x', 'y', 'j');
    expect(s.shelf.line.text).toBe('xyj');
    // An answer for an earlier filter is dropped.
    expect(answer(s, 'xy')).toBe(s);
    s = answer(s);
    expect(selectedEntry(s.shelf)?.title).toBe('西游记');
    // j and k were typed, not taken as movement: the view is where it was.
    expect(s.top).toEqual(state().top);
    s = keys(s, 'escape');
    expect(s.shelf.line.text).toBe('');
    expect(s.shelf.open).toBe(true);
    s = keys(s, 'down', 'down', 'up');
    expect(selectedEntry(s.shelf)?.title).toBe('不见了');
    s = keys(s, 'escape');
    expect(modeOf(s)).toBe('reader');
    expect(s.quit).toBe(false);
  });

  it('Enter asks the host to open the chosen text and leaves; a missing or piped text says why not', () => {
    let s = keys(state(), 'o', 'down', 'down', 'enter');
    expect(s.shelf.openRequest).toBe('/books/xyj.txt');
    expect(s.quit).toBe(true);
    s = keys(state(), 'o', 'down', 'enter');
    expect(s.quit).toBe(false);
    expect(s.notice).toMatch(/不见了.*gone/);
    s = keys(state(), 'o', 'end');
    s = keys(s, 'down', 'down', 'down', 'enter');
    expect(s.quit).toBe(false);
    expect(s.notice).toMatch(/standard input/);
  });

  it('Ctrl-d forgets after asking once; another key cancels; a never-read text has no record to forget', () => {
    let s = keys(state(), 'o', 'ctrl+d');
    expect(s.notice).toMatch(/forget 红楼梦\?/);
    expect(s.shelf.entries).toHaveLength(4);
    s = keys(s, 'down');
    expect(s.shelf.confirm).toBeUndefined();
    s = keys(s, 'up', 'ctrl+d', 'ctrl+d');
    expect(s.shelf.forget).toEqual({ serial: 1, key: KEY(1) });
    expect(s.shelf.entries.map((e) => e.title)).toEqual(['不见了', '西游记', '管道里来的']);
    expect(s.notice).toMatch(/forgot 红楼梦/);
    s = keys(s, 'ctrl+d', 'y');
    expect(s.shelf.forget).toEqual({ serial: 2, key: KEY(2) });
    s = keys(s, 'ctrl+d');
    expect(s.notice).toMatch(/no record/);
  });

  it('d forgets as Ctrl-d does while the filter is empty, asking once; in a filter it is a letter', () => {
    let s = keys(state(), 'o', 'd');
    expect(s.notice).toMatch(/forget 红楼梦\?.*d or y again/);
    expect(s.shelf.forget).toBeUndefined();
    s = keys(s, 'd');
    expect(s.shelf.forget).toEqual({ serial: 1, key: KEY(1) });
    expect(s.shelf.entries.map((e) => e.title)).toEqual(['不见了', '西游记', '管道里来的']);
    s = keys(s, 'escape', 'o', 'x', 'd');
    expect(s.shelf.line.text).toBe('xd');
    expect(s.shelf.confirm).toBeUndefined();
    expect(s.shelf.forget).toEqual({ serial: 1, key: KEY(1) });
    // Ctrl-d forgets whatever the filter holds (西游记 was never read: nothing to forget).
    s = keys(answer(keys(s, 'backspace')), 'ctrl+d');
    expect(s.shelf.line.text).toBe('x');
    expect(s.notice).toMatch(/no record/);
  });

  it('a search across the texts shows how many texts are done while it runs, then its answer', () => {
    let s = keys(state(), 'o', '/', '梦', 'enter');
    expect(lineText(shelfFrame(s, createTheme(false), NOW).lines[18]!)).toMatch(/searching every text for 梦/);
    // Progress of a search no longer asked is dropped.
    expect(reduce(s, { type: 'shelfProgress', query: '别的', done: 1, total: 4 })).toBe(s);
    s = reduce(s, { type: 'shelfProgress', query: '梦', done: 2, total: 4 });
    expect(lineText(shelfFrame(s, createTheme(false), NOW).lines[18]!)).toMatch(/searching… 2\/4 texts/);
    s = reduce(s, { type: 'shelfHits', query: '梦', hits: [] });
    expect(s.shelf.progress).toBeUndefined();
    expect(lineText(shelfFrame(s, createTheme(false), NOW).lines[18]!)).toMatch(/no text on the shelf has 梦/);
  });

  it('/query then Enter asks the host to search every text; Enter on a hit opens its text at its paragraph', () => {
    let s = keys(state(), 'o', '/', '梦', 'enter');
    expect(s.shelf.searching).toBe('梦');
    expect(s.notice).toMatch(/searching every text/);
    // An answer for another query is dropped.
    expect(reduce(s, { type: 'shelfHits', query: '别的', hits: [] })).toBe(s);
    s = reduce(s, {
      type: 'shelfHits',
      query: '梦',
      hits: [
        { path: '/books/hlm.txt', title: '红楼梦', ref: 's5p2', text: '梦一' },
        { path: '/books/xyj.txt', title: '西游记', ref: 's1p1', text: '梦二' },
      ],
    });
    expect(s.shelf.searching).toBeUndefined();
    const lines = shelfFrame(s, createTheme(false), NOW).lines.map(lineText);
    expect(lines[0]).toMatch(/2 paragraphs in 4 texts/);
    expect(lines[2]).toMatch(/西游记\s+s1p1\s+梦二/);
    s = keys(s, 'down', 'enter');
    expect(s).toMatchObject({ quit: true, shelf: { openRequest: '/books/xyj.txt', openAt: 's1p1' } });
  });

  it('an empty shelf says how texts get there', () => {
    expect(keys(state([]), 'o').notice).toMatch(/the shelf is empty/);
  });
});

describe('the shelf view (rows)', () => {
  it('fills the screen: title with the count, one row per text, status, filter line with the cursor', () => {
    const theme = createTheme(false);
    const s = keys(state(), 'o');
    const view = shelfFrame(s, theme, NOW);
    expect(view.lines).toHaveLength(20);
    const plain = view.lines.map(lineText);
    for (const line of plain) expect(cellWidth(line)).toBe(100);
    expect(plain[0]).toMatch(/书架 Shelf\s+4 texts/);
    expect(plain[1]).toMatch(/红楼梦\s+曹雪芹\s+120章\s+73\.1万字\s+10%\s+1 day ago\s+1h 00m/);
    expect(plain[2]).toContain('不见了 (missing)');
    expect(plain[18]).toMatch(/Enter open/);
    expect(plain[19]!.startsWith('> ')).toBe(true);
    expect(view.cursor).toEqual({ x: 2, y: 19 });
    // The selected row is in inverse.
    expect(view.lines[1]!.every((span) => span.style?.inverse)).toBe(true);
    const filtered = shelfFrame(answer(keys(s, '西', '游')), theme, NOW);
    expect(lineText(filtered.lines[0]!)).toMatch(/1 of 4/);
    expect(filtered.cursor).toEqual({ x: 6, y: 19 });
  });

  it('keeps the selection in view on a short screen', () => {
    const many = Array.from({ length: 40 }, (_, i): ShelfEntry => ({ title: `书${i}`, missing: false, path: `/b/${i}.txt` }));
    let s = createReaderState(doc, { columns: 60, rows: 8, shelf: many });
    s = keys(s, 'o', ...Array<string>(12).fill('down'));
    const lines = shelfFrame(s, createTheme(false), NOW).lines;
    expect(lines.some((line) => lineText(line).includes('书12 '))).toBe(true);
  });
});
