/**
 * Reading a hit's matches a few at a time (hit-matches.ts): the same matches as filtering all of
 * them, found by binary search in the engine's flat offsets, without making an array per match.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { firstMatchStart, matchesWithin, nearFirst, offsetsOf } from '../../../src/core/search/hit-matches.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import type { Range, SearchHit } from '../../../src/core/search/types.js';

/** A hit with these matches, flat as the engine gives them, whose `matches` must not be read. */
function flatHit(matches: Range[]): SearchHit {
  const hit = { paragraphId: 's1p1', section: 1, sectionTitle: '一', paragraph: 1, score: 0, tier: 'exact', text: '' } as SearchHit;
  Object.defineProperty(hit, 'matchOffsets', { value: Int32Array.from(matches.flat()) });
  Object.defineProperty(hit, 'matches', {
    get() {
      throw new Error('matches read');
    },
  });
  return hit;
}

/** Sorted matches that neither overlap nor touch, from gaps and lengths. */
const sortedMatches = fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 })), { maxLength: 60 }).map((pairs) => {
  const ranges: Range[] = [];
  let at = 0;
  for (const [gap, length] of pairs) {
    at += gap;
    ranges.push([at, at + length]);
    at += length;
  }
  return ranges;
});

describe('matchesWithin', () => {
  it('finds exactly the matches that overlap a span, as filtering them all would', () => {
    fc.assert(
      fc.property(sortedMatches, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 200 }), (matches, from, length) => {
        const to = from + length;
        const expected = matches.filter(([start, end]) => end > from && start < to);
        expect(matchesWithin(flatHit(matches), from, to)).toEqual(expected);
      }),
    );
  });

  it('reads an engine hit of hundreds of thousands of matches without making them arrays', async () => {
    const line = '中文字符，测试句子。'.repeat(50_000);
    const index = createSearchIndex(parseDocument(`题目\n\n${line}\n`));
    const [hit] = await index.searchAsync('字', { limit: 10 });
    expect(hit?.matchOffsets?.length).toBe(100_000);
    const middle = 10 * 25_000;
    // The row holding the 25,001st 字 (at 2 in each piece of ten).
    expect(matchesWithin(hit!, middle, middle + 10)).toEqual([[middle + 2, middle + 3]]);
    expect(firstMatchStart(hit!)).toBe(2);
    expect(nearFirst(hit!, 25)).toEqual([
      [2, 3],
      [12, 13],
      [22, 23],
    ]);
  });
});

describe('nearFirst and firstMatchStart', () => {
  it('take the matches starting within the margin of the first, and where the first starts', () => {
    const hit = flatHit([
      [5, 7],
      [10, 12],
      [40, 41],
    ]);
    expect(nearFirst(hit, 30)).toEqual([
      [5, 7],
      [10, 12],
    ]);
    expect(firstMatchStart(hit)).toBe(5);
    expect(firstMatchStart(flatHit([]))).toBe(0);
  });

  it('read a hit made without flat offsets (as a test or a copy makes one) from its matches', () => {
    const hit = { matches: [[3, 4] as Range, [8, 9] as Range] } as SearchHit;
    expect(Array.from(offsetsOf(hit))).toEqual([3, 4, 8, 9]);
    expect(matchesWithin(hit, 4, 9)).toEqual([[8, 9]]);
  });
});
