import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../../src/core/layout/width.js';
import { snippet } from '../../../src/core/search/snippet.js';

const marked = (result: { text: string; matches: Array<[number, number]> }): string =>
  result.matches.reduceRight((text, [s, e]) => `${text.slice(0, s)}[${text.slice(s, e)}]${text.slice(e)}`, result.text);

describe('snippet', () => {
  const long = '另一方面,我市将持续增强电子信息产业研发能力,提高智能化水平。首先是聚焦研发“抓提质”,目前笔电企业如英业达、富士康、仁宝、纬创';

  it('returns short text whole', () => {
    expect(snippet('集成电路产业', [[0, 4]], 20)).toEqual({ text: '集成电路产业', matches: [[0, 4]] });
  });

  it('cuts around the first match by display width, with an ellipsis on each cut side', () => {
    const at = long.indexOf('英业达');
    const result = snippet(long, [[at, at + 3]], 30);
    expect(result.text.startsWith('…')).toBe(true);
    expect(cellWidth(result.text)).toBeLessThanOrEqual(30);
    expect(marked(result)).toContain('[英业达]');
  });

  it('counts double-width characters as two cells', () => {
    const result = snippet(long, [[0, 4]], 11);
    // '另一方面,' = 5 characters of width 2 except the ASCII comma: 4×2 + 1 = 9, then '…' (1).
    expect(result.text).toBe('另一方面,…');
    expect(result.matches).toEqual([[0, 4]]);
  });

  it('counts ambiguous-width ellipses as two cells when asked', () => {
    const at = long.indexOf('英业达');
    const narrow = snippet(long, [[at, at + 3]], 20, 1);
    const wide = snippet(long, [[at, at + 3]], 20, 2);
    expect(cellWidth(wide.text, 2)).toBeLessThanOrEqual(20);
    expect(cellWidth(narrow.text, 1)).toBeLessThanOrEqual(20);
    expect(cellWidth(wide.text, 1)).toBeLessThan(cellWidth(narrow.text, 1));
  });

  it('shows the end of a paragraph when the match is there', () => {
    const text = `${'一'.repeat(100)}建设提供有力支撑`;
    const result = snippet(text, [[100, 108]], 24);
    expect(result.text.endsWith('建设提供有力支撑')).toBe(true);
    expect(marked(result).endsWith('[建设提供有力支撑]')).toBe(true);
  });

  it('cuts a match wider than the line at its end', () => {
    const result = snippet('前文'.repeat(20) + '集成电路产业发展若干支持政策' + '后文'.repeat(20), [[40, 54]], 10);
    expect(result.text.endsWith('…')).toBe(true);
    expect(cellWidth(result.text)).toBeLessThanOrEqual(10);
    expect(result.matches[0]![0]).toBeLessThanOrEqual(1);
  });

  it('keeps surrogate pairs and emoji sequences whole', () => {
    const text = '𠀀'.repeat(10) + '👩‍💻' + '𠀀'.repeat(10);
    const result = snippet(text, [[20, 25]], 9);
    expect(result.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(marked(result)).toContain('[👩‍💻]');
  });

  it('turns control characters into spaces', () => {
    expect(snippet('前\x1b[2J后\n末', [], 40).text).toBe('前 [2J后 末');
  });

  it.each([0, -3, Number.NaN])('is empty at width %d', (width) => {
    expect(snippet('集成电路', [[0, 2]], width)).toEqual({ text: '', matches: [] });
  });

  it('always fits the width and re-bases matches onto the line', () => {
    const piece = fc.constantFrom('集', '成', 'a', ' ', '“', '…', '𠀀', '😀', 'e\u0301', '，');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 50 }), fc.constantFrom(1 as const, 2 as const), fc.nat(), fc.nat(), (parts, width, ambiguous, a, b) => {
        // Matches start and end between pieces, as search ranges do between graphemes.
        const text = parts.join('');
        const from = parts.length === 0 ? 0 : a % parts.length;
        const to = Math.min(parts.length, from + 1 + (b % 4));
        const start = parts.slice(0, from).join('').length;
        const end = parts.slice(0, to).join('').length;
        const result = snippet(text, end > start ? [[start, end]] : [], width, ambiguous);
        expect(cellWidth(result.text, ambiguous)).toBeLessThanOrEqual(width);
        let last = -1;
        for (const [s, e] of result.matches) {
          expect(s).toBeGreaterThan(last);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(result.text.length);
          last = e;
        }
        // A match that fits on the line between two ellipses is shown.
        if (end > start && cellWidth(text.slice(start, end), ambiguous) + 2 * cellWidth('…', ambiguous) <= width) {
          expect(result.matches.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
