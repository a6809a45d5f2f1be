/** Checks the search engine's promises about its hits, for property tests over any query. */
import { expect } from 'vitest';
import type { SearchHit } from '../../src/core/search/types.js';

/** Every hit's ranges are inside its text, sorted, apart from each other, and never split a surrogate pair. */
export function expectValid(hits: readonly SearchHit[]): void {
  for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeGreaterThanOrEqual(hits[i - 1]!.score);
  for (const hit of hits) {
    expect(hit.matches.length).toBeGreaterThan(0);
    let last = -1;
    for (const [start, end] of hit.matches) {
      expect(start).toBeGreaterThan(last);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(hit.text.length);
      expect(/[\udc00-\udfff]/.test(hit.text[start] ?? '') && /[\ud800-\udbff]/.test(hit.text[start - 1] ?? '')).toBe(false);
      expect(/[\udc00-\udfff]/.test(hit.text[end] ?? '') && /[\ud800-\udbff]/.test(hit.text[end - 1] ?? '')).toBe(false);
      last = end;
    }
  }
}
