import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TermHit } from '../../../src/core/search/hits.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { BestOf, best, Candidates, combine, score } from '../../../src/core/search/rank.js';
import type { Tier } from '../../../src/core/search/types.js';
import { interviewDocument } from '../../helpers/documents.js';

const hit = (tier: Tier, penalty: number, count: number, first: number): TermHit => ({ tier, penalty, count, first });
const rankOf: Record<Tier, number> = { exact: 0, pinyin: 1, fuzzy: 2 };

/** Runs steps to the end. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('score', () => {
  it('orders exact before pinyin before fuzzy whatever else differs', () => {
    const exact = score(combine(0, [hit('exact', 1, 1, 5000)], true));
    const pinyin = score(combine(0, [hit('pinyin', 0, 10, 0)], false));
    const fuzzy = score(combine(0, [hit('fuzzy', 0, 10, 0)], false));
    expect(exact).toBeLessThan(pinyin);
    expect(pinyin).toBeLessThan(fuzzy);
  });

  it('among exact matches ranks more occurrences first, then the earlier one', () => {
    const once = score(combine(0, [hit('exact', 0, 1, 0)], false));
    const twiceLate = score(combine(0, [hit('exact', 0, 2, 900)], false));
    const twiceEarly = score(combine(0, [hit('exact', 0, 2, 3)], false));
    expect(twiceEarly).toBeLessThan(twiceLate);
    expect(twiceLate).toBeLessThan(once);
  });

  it('is lexicographic in (tier, split, penalty, occurrences up to 10, position)', () => {
    const term = fc.record({
      tier: fc.constantFrom<Tier>('exact', 'pinyin', 'fuzzy'),
      split: fc.boolean(),
      penalty: fc.integer({ min: 0, max: 4 }),
      count: fc.integer({ min: 1, max: 30 }),
      first: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(term, term, (a, b) => {
        const key = (t: typeof a): number[] => [rankOf[t.tier], t.split ? 1 : 0, t.penalty, -Math.min(t.count, 10), t.first];
        const ka = key(a);
        const kb = key(b);
        const i = ka.findIndex((v, k) => v !== kb[k]);
        const sa = score(combine(0, [hit(a.tier, a.penalty, a.count, a.first)], a.split));
        const sb = score(combine(0, [hit(b.tier, b.penalty, b.count, b.first)], b.split));
        if (i < 0) expect(sa).toBe(sb);
        else expect(Math.sign(sa - sb)).toBe(Math.sign(ka[i]! - kb[i]!));
        expect(sa).toBeGreaterThanOrEqual(rankOf[a.tier]);
        expect(sa).toBeLessThan(rankOf[a.tier] + 1);
      }),
    );
  });

  it('gives a multi-term hit the weakest tier and sums penalties and occurrences', () => {
    const match = combine(3, [hit('exact', 0, 2, 40), hit('fuzzy', 1, 1, 7)], true);
    expect(match).toMatchObject({ paragraph: 3, tier: 'fuzzy', penalty: 1, count: 3, first: 7, split: true });
  });
});

describe('best', () => {
  it('returns the same order as a full sort, cut at the limit', () => {
    const entry = fc.record({ paragraph: fc.nat({ max: 50 }), score: fc.constantFrom(0.1, 0.2, 1.05, 2.3) });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.paragraph, maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (entries, limit) => {
        const candidates = new Candidates();
        for (const e of entries) candidates.add(e.score, e.paragraph, 0, false);
        const expected = [...entries].sort((x, y) => x.score - y.score || x.paragraph - y.paragraph).slice(0, limit);
        const chosen = finish(best(candidates, limit, () => null));
        expect(chosen).toEqual(expected.map((e) => e.paragraph));
      }),
    );
  });

  it('grows past its first capacity', () => {
    const candidates = new Candidates();
    const scoreOf = (p: number): number => (p * 7919) % 5000;
    for (let p = 0; p < 5000; p++) candidates.add(scoreOf(p), p, 0, false);
    const chosen = finish(best(candidates, 3, () => null));
    const expected = Array.from({ length: 5000 }, (_, p) => p).sort((a, b) => scoreOf(a) - scoreOf(b));
    expect(chosen).toEqual(expected.slice(0, 3));
  });
});

describe('best with candidates to settle', () => {
  it('equals sorting the candidates that hold, by their settled scores, one per paragraph', () => {
    // Each candidate has a lower-bound score and settles to a score at least as high, or fails.
    const entry = fc.record({
      paragraph: fc.nat({ max: 15 }),
      bound: fc.integer({ min: 0, max: 20 }),
      extra: fc.option(fc.integer({ min: 0, max: 5 })),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.integer({ min: 1, max: 20 }), (specs, limit) => {
        const candidates = new Candidates();
        // Each candidate's reading names its spec: the ranking moves candidates about as it heaps them.
        specs.forEach((spec, k) => candidates.add(spec.bound, spec.paragraph, k, true));
        const settle = (i: number): number | null => {
          const { bound, extra } = specs[candidates.readingOf(i)]!;
          return extra === null ? null : bound + extra;
        };
        const valid = specs
          .filter((spec) => spec.extra !== null)
          .map((spec) => ({ paragraph: spec.paragraph, score: spec.bound + spec.extra! }))
          .sort((a, b) => a.score - b.score || a.paragraph - b.paragraph);
        const expected: number[] = [];
        for (const e of valid) if (!expected.includes(e.paragraph)) expected.push(e.paragraph);
        const chosen = finish(best(candidates, limit, settle));
        expect(chosen).toEqual(expected.slice(0, limit));
      }),
    );
  });
});

describe('BestOf', () => {
  it('keeps what the best paragraphs need: the same answer as every candidate kept, pending ones beside', () => {
    // A paragraph at most once a reading, as the engine collects them; some pending (settled or dropped).
    const entry = fc.record({
      // Few paragraphs: each often matched by two or three readings.
      paragraph: fc.nat({ max: 12 }),
      reading: fc.nat({ max: 2 }),
      score: fc.constantFrom(0.09, 0.1, 0.2, 1.05, 2.3),
      pending: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom(0, 0.5, 2), weight: 1 }),
      holds: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => `${e.paragraph}/${e.reading}`, maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (entries, limit) => {
        const settle = (candidates: Candidates) => (i: number): number | null => {
          const e = entries.find((x) => x.paragraph === candidates.paragraph[i] && x.reading === candidates.readingOf(i))!;
          return e.holds ? e.score + e.pending! : null;
        };
        const all = new Candidates();
        for (const e of entries) all.add(e.score, e.paragraph, e.reading, e.pending !== undefined);
        const expected = finish(best(all, limit, settle(all)));

        const some = new Candidates();
        const kept = new BestOf(limit * 3);
        for (const e of entries) {
          if (e.pending === undefined) kept.offer(e.score, e.paragraph, e.reading);
          else some.add(e.score, e.paragraph, e.reading, true);
        }
        kept.into(some);
        expect(some.size).toBeLessThanOrEqual(limit * 3 + entries.filter((e) => e.pending !== undefined).length);
        expect(finish(best(some, limit, settle(some)))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the best of 200,000 offers in room for its capacity', () => {
    const kept = new BestOf(5);
    for (let p = 0; p < 200_000; p++) kept.offer((p * 7919) % 1000, p, 0);
    const candidates = new Candidates();
    kept.into(candidates);
    expect(candidates.size).toBe(5);
    expect(finish(best(candidates, 5, () => null))).toEqual(Array.from({ length: 200_000 }, (_, p) => p).sort((a, b) => (a * 7919) % 1000 - (b * 7919) % 1000 || a - b).slice(0, 5));
  });
});

describe('the worked examples on the interview', () => {
  it('scores 集成电略 (略 is not a sound-alike of 路) at 2.2835 on s2p5, and 集成电录 (lu) at 2.1835', () => {
    const index = createSearchIndex(interviewDocument());
    for (const [query, expected] of [['集成电略', 2.2835], ['集成电录', 2.1835]] as const) {
      const hit = index.search(query).find((h) => h.paragraphId === 's2p5');
      expect(hit?.score).toBeCloseTo(expected, 4);
    }
  });
});
