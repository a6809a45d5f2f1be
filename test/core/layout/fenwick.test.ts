import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fenwick } from '../../../src/core/layout/fenwick.js';

describe('Fenwick', () => {
  it('answers prefix sums after any changes that keep each count non-negative, copies apart (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1_000_000, max: 1_000_000 })), { maxLength: 40 }),
        (values, changes) => {
          const tree = new Fenwick(values);
          const counts = [...values];
          const copy = tree.clone();
          for (const [at, delta] of changes) {
            const index = at % counts.length;
            // Counts of rows never go below zero: a change that would is made to end at zero.
            const change = Math.max(delta, -counts[index]!);
            counts[index] = counts[index]! + change;
            tree.add(index, change);
          }
          for (let i = 0; i <= counts.length; i++) {
            expect(tree.prefix(i)).toBe(counts.slice(0, i).reduce((sum, n) => sum + n, 0));
            expect(copy.prefix(i)).toBe(values.slice(0, i).reduce((sum, n) => sum + n, 0));
          }
          for (let i = 0; i < counts.length; i++) expect(tree.get(i)).toBe(counts[i]);
        },
      ),
    );
  });

  it('holds sums past what sixteen bits hold, going down as well as up', () => {
    const tree = new Fenwick([70_000, 3_000_000_000, 5]);
    tree.add(1, -2_999_999_999);
    expect([tree.prefix(1), tree.prefix(2), tree.prefix(3)]).toEqual([70_000, 70_001, 70_006]);
    expect([tree.get(0), tree.get(1), tree.get(2)]).toEqual([70_000, 1, 5]);
  });
});
