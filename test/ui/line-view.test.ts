import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, graphemes } from '../../src/core/layout/width.js';
import { lineView } from '../../src/ui/line-view.js';

const piece = fc.constantFrom('a', ' ', '集', '成', '电', '路', '𠀋', '😀', '“', '…', 'ＡＢ');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('the visible part of a search line', () => {
  it('shows short text whole, the cursor after the cells before it', () => {
    expect(lineView('集成电路', 4, 20, 1)).toEqual({ shown: '集成电路', cursor: 8 });
    expect(lineView('集成电路', 2, 20, 1)).toEqual({ shown: '集成电路', cursor: 4 });
    expect(lineView('a“b', 3, 20, 2)).toEqual({ shown: 'a“b', cursor: 4 });
  });

  it('always fits the room, keeps the cursor cell inside it, and shows the characters around the cursor', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.integer({ min: 3, max: 30 }), fc.constantFrom<1 | 2>(1, 2), (t, at, room, ambiguous) => {
        const starts = [...graphemes(t).map((g) => g.index), t.length];
        const cursor = starts[at % starts.length]!;
        const view = lineView(t, cursor, room, ambiguous);
        expect(cellWidth(view.shown, ambiguous)).toBeLessThanOrEqual(room);
        expect(view.cursor).toBeGreaterThanOrEqual(0);
        expect(view.cursor).toBeLessThan(room);
        // The cell left of the cursor shows the character before it (unless the view starts there).
        const before = t.slice(0, cursor);
        const shownBefore = [...graphemes(view.shown)].reduce(
          (acc, g) => (cellWidth(acc.text + g.segment, ambiguous) <= view.cursor ? { text: acc.text + g.segment } : acc),
          { text: '' },
        ).text;
        expect(cellWidth(shownBefore, ambiguous)).toBe(view.cursor);
        const last = graphemes(shownBefore).at(-1)?.segment;
        if (last !== undefined && last !== '…') expect(before.endsWith(last)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('scrolls a long line to keep the end in view while typing at the end', () => {
    const long = '集成电路'.repeat(10);
    const view = lineView(long, long.length, 21, 1);
    expect(view.shown.startsWith('…')).toBe(true);
    expect(view.shown.endsWith('电路')).toBe(true);
    expect(view.cursor).toBe(cellWidth(view.shown));
    expect(view.cursor).toBeLessThan(21);
  });
});
