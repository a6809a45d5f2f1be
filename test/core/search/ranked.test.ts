import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../src/core/search/index.js';
import type { SearchHit } from '../../../src/core/search/types.js';
import { fingerprint, searchCases } from '../../helpers/search-cases.js';

/**
 * What `search` answered, hit for hit, before hits were made one at a time (made by commit 79bcdd5's
 * engine from test/helpers/search-cases.ts: the count of hits and their fingerprint, per query). The
 * generated text's were made again on 2026-12-07, by `search` as it was then, when its document changed:
 * its `第一章 …` lines, among turns, became sections (commit 73a73a7); the interview's are 79bcdd5's.
 * The near misses' answers (eleven queries) were made again that afternoon, when a near miss's penalty
 * came to count a swap for a sound-alike as one and another edit as two: the same hits in the same
 * order, with their new scores.
 */
const golden = JSON.parse(readFileSync(new URL('../../fixtures/search-ranked-golden.json', import.meta.url), 'utf8')) as Record<string, Record<string, string>>;
const cases = searchCases();

const answer = (hits: readonly SearchHit[]): string => `${hits.length} ${fingerprint(hits)}`;

describe('searchRanked', () => {
  it.each(cases.map((c) => [c.name, c] as const))('answers every query on %s as search did before hits were made lazily', (name, c) => {
    const index = createSearchIndex(c.doc);
    for (const query of c.queries) {
      const expected = golden[name]![query];
      expect(answer([...index.searchRanked(query)]), query).toBe(expected);
      expect(answer(index.search(query)), query).toBe(expected);
    }
  });

  // Query pieces: the texts' own words, pinyin, spaces, specials and odd code units.
  const piece = fc.oneof(
    fc.constantFrom('集成', '电路', '智能', '工厂', '重庆', '電', '產業', '字', '数字化', '车间', '𠀀', 'e\u0301', 'FPGA', '5G', '，', '王'),
    fc.constantFrom('ji', 'cheng', 'dian', 'lu', 'jcdl', 'zi', 'chong', 'x'),
    fc.constantFrom(' ', '\u3000', '\t', '.*', '(', '\\', '?', '\u200b', '\ud800'),
    fc.string({ unit: 'binary', maxLength: 2 }),
  );
  const query = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

  it.each(cases.map((c) => [c.name, c] as const))('on %s gives search’s hits in its order, however many are read', (_, c) => {
    const index = createSearchIndex(c.doc);
    fc.assert(
      fc.property(query, fc.nat({ max: 40 }), (q, taken) => {
        const all = index.search(q);
        expect(fingerprint(index.searchRanked(q))).toBe(fingerprint(all));
        // A few read, the rest counted without being made; a limited search is the same first few.
        const ranked = index.searchRanked(q);
        const first: SearchHit[] = [];
        for (const hit of ranked) {
          if (first.length === taken) break;
          first.push(hit);
        }
        expect(fingerprint(first)).toBe(fingerprint(all.slice(0, taken)));
        const again = index.searchRanked(q);
        for (let i = 0; i < taken && !again.next().done; i++);
        expect(again.countRest()).toBe(Math.max(0, all.length - taken));
        expect(again.next().done).toBe(true);
        expect(fingerprint(index.search(q, { limit: taken }))).toBe(fingerprint(all.slice(0, taken)));
        for (const hit of all) expect(Array.from(hit.matchOffsets ?? [])).toEqual(hit.matches.flat());
      }),
      { numRuns: 150 },
    );
  });

  it('keeps each ranking’s hits its own while other searches run and end', () => {
    const index = createSearchIndex(cases[1]!.doc);
    const expected = fingerprint(index.search('集成电路'));
    const ranked = index.searchRanked('集成电路');
    const hits: SearchHit[] = [ranked.next().value!];
    // Searches in between take arrays from the pool and hand them back.
    for (const other of ['字', 'jcdl', '电子 产业', '集成电略']) index.searchRanked(other).countRest();
    for (const hit of ranked) hits.push(hit);
    expect(fingerprint(hits)).toBe(expected);
  });
});
