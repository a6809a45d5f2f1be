import { describe, expect, it } from 'vitest';
import { TermHits } from '../../../src/core/search/hits.js';

describe('TermHits', () => {
  it('keeps a place in two bytes a paragraph when no paragraph is longer than 65,535 units, in four otherwise', () => {
    expect(new TermHits(10, 65_535).first).toBeInstanceOf(Uint16Array);
    expect(new TermHits(10, 65_536).first).toBeInstanceOf(Int32Array);
    expect(new TermHits(10).first).toBeInstanceOf(Int32Array);
  });

  it('gives back the place it was offered, at either size', () => {
    for (const [longest, place] of [[65_535, 65_535], [1_000_000, 999_999]] as const) {
      const hits = new TermHits(3, longest);
      expect(hits.offer(1, 0, 0, 2, place, hits.addSource({ kind: 'fuzzy' }))).toBe(true);
      expect(hits.hit(1)).toEqual({ tier: 'exact', penalty: 0, count: 2, first: place });
      expect(hits.size).toBe(1);
    }
  });
});
