import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ago, charCount, duration, progressPercent, sortShelf, type ShelfEntry } from '../../../src/core/shelf/entries.js';
import { filterShelf } from '../../../src/core/shelf/filter.js';
import { shelfLine } from '../../../src/core/shelf/table.js';
import { cellWidth } from '../../../src/core/layout/width.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const entry = (title: string, patch: Partial<ShelfEntry> = {}): ShelfEntry => ({ title, missing: false, ...patch });

describe('sortShelf', () => {
  it('puts the most recently read first, never-read texts after by title then path', () => {
    const entries = [
      entry('乙', { path: '/b/2.txt' }),
      entry('old', { lastRead: '2026-01-01T00:00:00Z' }),
      entry('乙', { path: '/a/1.txt' }),
      entry('new', { lastRead: '2026-03-09T00:00:00Z' }),
      entry('甲'),
    ];
    expect(sortShelf(entries).map((e) => e.title + (e.path ?? ''))).toEqual(['new', 'old', '乙/a/1.txt', '乙/b/2.txt', '甲']);
  });

  it('is a permutation whose read dates never increase', () => {
    const date = fc.integer({ min: 0, max: 2e12 }).map((t) => new Date(t).toISOString());
    fc.assert(
      fc.property(fc.array(fc.record({ title: fc.string(), lastRead: fc.option(date, { nil: undefined }) }), { maxLength: 20 }), (raw) => {
        const entries = raw.map((r) => entry(r.title, r.lastRead === undefined ? {} : { lastRead: r.lastRead }));
        const sorted = sortShelf(entries);
        expect(sorted).toHaveLength(entries.length);
        const times = sorted.map((e) => (e.lastRead === undefined ? -Infinity : Date.parse(e.lastRead)));
        for (let i = 1; i < times.length; i++) expect(times[i]!).toBeLessThanOrEqual(times[i - 1]!);
      }),
    );
  });
});

describe('filterShelf', () => {
  const shelf = [
    entry('红楼梦', { author: '曹雪芹', path: '/books/hlm.txt' }),
    entry('西游记', { author: '吴承恩', path: '/books/xyj.epub' }),
    entry('Notes on reading', { path: '/notes/reading.md' }),
  ];

  it('keeps everything, in order, for a blank filter', () => {
    expect(filterShelf(shelf, '')).toEqual([0, 1, 2]);
    expect(filterShelf(shelf, '  ')).toEqual([0, 1, 2]);
  });

  it('matches title, author and file name; pinyin and traditional characters too', () => {
    expect(filterShelf(shelf, '红楼')).toEqual([0]);
    expect(filterShelf(shelf, '吴承恩')).toEqual([1]);
    expect(filterShelf(shelf, 'xyj')).toContain(1);
    expect(filterShelf(shelf, 'honglou')).toEqual([0]);
    expect(filterShelf(shelf, '紅樓夢')).toEqual([0]);
    expect(filterShelf(shelf, 'reading')).toEqual([2]);
    expect(filterShelf(shelf, '三国演义')).toEqual([]);
  });
});

describe('descriptions', () => {
  it('progress is the furthest place over the characters, capped at 100', () => {
    expect(progressPercent({ chars: 200, furthest: 50 })).toBe(25);
    expect(progressPercent({ chars: 200 })).toBe(0);
    expect(progressPercent({ chars: 10, furthest: 99 })).toBe(100);
    expect(progressPercent({})).toBeUndefined();
  });

  it('last read reads like a person would say it', () => {
    expect(ago('2026-03-10T11:59:30Z', NOW)).toBe('just now');
    expect(ago('2026-03-10T11:55:00Z', NOW)).toBe('5 minutes ago');
    expect(ago('2026-03-07T12:00:00Z', NOW)).toBe('3 days ago');
    expect(ago('2026-03-09T11:00:00Z', NOW)).toBe('1 day ago');
    expect(ago('2024-01-01T00:00:00Z', NOW)).toBe('2024-01-01');
    expect(ago(undefined, NOW)).toBe('');
  });

  it('reading time and 字数', () => {
    expect(duration(undefined)).toBe('');
    expect(duration(30_000)).toBe('<1m');
    expect(duration(12 * 60_000)).toBe('12m');
    expect(duration(125 * 60_000)).toBe('2h 05m');
    expect(charCount(9999)).toBe('9999');
    expect(charCount(731_234)).toBe('73.1万');
    expect(charCount(999_949)).toBe('100万');
    expect(charCount(3_682_000)).toBe('368万');
  });

  it('字数 fits its column whole, up to the largest text the input limit allows (64 MiB of three-byte characters)', () => {
    for (const chars of [9_999, 10_000, 99_999, 999_999, 1_000_000, 3_682_000, 9_999_999, 22_369_621]) {
      const e = entry('书', { chars });
      expect(shelfLine(e, 120, NOW)).toContain(`${charCount(chars)}字`);
    }
  });

  it('a table line is exactly as wide as asked, title cut, columns dropped when narrow', () => {
    const e = entry('一部很长很长很长很长很长很长很长很长的书', { author: '某某', chapters: 120, chars: 731_234, furthest: 300_000, lastRead: '2026-03-07T12:00:00Z', readingMs: 3_600_000 });
    for (const width of [10, 20, 40, 60, 80, 120]) expect(cellWidth(shelfLine(e, width, NOW))).toBe(width);
    const wide = shelfLine(e, 120, NOW);
    expect(wide).toContain('120章');
    expect(wide).toContain('73.1万字');
    expect(wide).toContain('41%');
    expect(wide).toContain('3 days ago');
    expect(wide).toContain('1h 00m');
    expect(shelfLine({ ...e, missing: true }, 120, NOW)).toContain('(missing)');
  });

  it('shows a hostile title or author (a hand-edited record, a cache) without its control codes', () => {
    const line = shelfLine(entry('书\u001b]0;owned\u0007名\u009b2J', { author: '\u001b[31m某' }), 80, NOW);
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(cellWidth(line)).toBe(80);
  });
});
