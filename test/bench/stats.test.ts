import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { median, percentile } from '../../bench/stats.js';

describe('median and percentile', () => {
  test.each([
    [[], undefined],
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  test('nearest rank: p95 of 1..20 is 19, of 1..100 is 95; p100 is the maximum', () => {
    const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => n - i);
    expect(percentile(upTo(20), 95)).toBe(19);
    expect(percentile(upTo(100), 95)).toBe(95);
    expect(percentile(upTo(7), 100)).toBe(7);
  });

  test('a percentile lies within the values and does not fall as p rises; away from the median it is one of them', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), fc.integer({ min: 1, max: 99 }), (values, p) => {
        const low = percentile(values, p) ?? Number.NaN;
        const high = percentile(values, p + 1) ?? Number.NaN;
        expect(low).toBeGreaterThanOrEqual(Math.min(...values));
        expect(high).toBeLessThanOrEqual(Math.max(...values));
        expect(low).toBeLessThanOrEqual(high);
        if (p !== 50) expect(values).toContain(low);
      }),
    );
  });
});
