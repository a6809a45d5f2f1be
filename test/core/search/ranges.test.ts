import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRanges, rangesOf, snapFlat, snapToGraphemes } from '../../../src/core/search/ranges.js';
import type { Range } from '../../../src/core/search/types.js';

const range = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]): Range => [Math.min(a, b), Math.max(a, b)]);

describe('mergeRanges', () => {
  it.each<[Range[], Range[]]>([
    [[], []],
    [[[3, 5], [0, 2]], [[0, 2], [3, 5]]],
    [[[0, 2], [2, 4]], [[0, 4]]],
    [[[0, 5], [1, 2]], [[0, 5]]],
    [[[4, 4], [1, 3]], [[1, 3]]],
  ])('merges %j into %j', (input, merged) => {
    expect(mergeRanges(input)).toEqual(merged);
  });

  it('returns sorted, disjoint, non-touching ranges covering exactly the same positions', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), (ranges) => {
        const merged = mergeRanges(ranges);
        const covered = (list: Range[], at: number): boolean => list.some(([s, e]) => s <= at && at < e);
        for (let at = 0; at < 40; at++) expect(covered(merged, at)).toBe(covered(ranges, at));
        merged.forEach(([s, e], i) => {
          expect(s).toBeLessThan(e);
          if (i > 0) expect(s).toBeGreaterThan(merged[i - 1]![1]);
        });
      }),
    );
  });
});

describe('snapToGraphemes', () => {
  it.each<[string, Range[], Range[]]>([
    ['集成电路', [[1, 3]], [[1, 3]]],
    ['a𠀀b', [[2, 3]], [[1, 3]]],
    ['a𠀀b', [[1, 2]], [[1, 3]]],
    ['e\u0301x', [[1, 2]], [[0, 2]]],
    ['👩‍💻x', [[2, 3]], [[0, 5]]],
    ['短', [[0, 9]], [[0, 1]]],
  ])('widens %j %j to %j', (text, ranges, snapped) => {
    expect(snapToGraphemes(text, ranges)).toEqual(snapped);
  });

  it('never leaves an end inside a grapheme', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
    const pieces = fc.constantFrom('集', 'a', '𠀀', '😀', '👍🏽', 'e\u0301', '\ud800', '\r\n', '각');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 10 }), fc.array(range, { maxLength: 4 }), (parts, ranges) => {
        const text = parts.join('');
        const boundaries = new Set([0, ...Array.from(segmenter.segment(text), (s) => s.index + s.segment.length)]);
        for (const [s, e] of snapToGraphemes(text, ranges)) {
          expect(boundaries.has(s) && boundaries.has(e) && s < e && e <= text.length).toBe(true);
        }
      }),
    );
  });
});

describe('snapFlat', () => {
  it('snaps and merges flat ranges as snapToGraphemes does arrays', () => {
    const pieces = fc.constantFrom('集', 'a', '𠀀', '😀', '👍🏽', 'e\u0301', '\ud800', '\r\n', '각', '，');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 10 }), fc.array(range, { maxLength: 8 }), (parts, ranges) => {
        const text = parts.join('');
        const flat = Int32Array.from(ranges.flat());
        expect(rangesOf(snapFlat(text, flat))).toEqual(snapToGraphemes(text, ranges));
      }),
    );
  });
});
