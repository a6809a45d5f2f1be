import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDLE_AFTER_MS, keyAt, ReadingClock, startReading, totalAt } from '../../src/storage/reading-time.js';

const S = 1000;

function session(opened: number, keys: number[], left: number): number {
  return totalAt(keys.reduce(keyAt, startReading(opened)), left);
}

describe('reading time', () => {
  it('counts the stretches between keys, as in the worked examples', () => {
    expect(session(0, [10 * S, 40 * S, 70 * S], 80 * S)).toBe(80 * S);
    // Lunch between 10 s and 400 s: that stretch is idle.
    expect(session(0, [10 * S, 400 * S, 430 * S], 440 * S)).toBe(50 * S);
    expect(session(0, [], 600 * S)).toBe(0);
  });

  it('counts a pause of exactly two minutes, and nothing of one a millisecond longer', () => {
    expect(session(0, [IDLE_AFTER_MS], IDLE_AFTER_MS)).toBe(IDLE_AFTER_MS);
    expect(session(0, [IDLE_AFTER_MS + 1], IDLE_AFTER_MS + 1)).toBe(0);
  });

  it('counts nothing for a clock that went backwards', () => {
    expect(session(100 * S, [50 * S], 60 * S)).toBe(10 * S);
  });

  it('never counts more than the time open, nor less than nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 * 60 * S }), { maxLength: 30 }), fc.integer({ min: 0, max: 10 * 60 * S }), (gaps, tail) => {
        const keys: number[] = [];
        let at = 0;
        for (const gap of gaps) keys.push((at += gap));
        const total = session(0, keys, at + tail);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(at + tail);
        const counted = [...gaps, tail].filter((gap) => gap <= IDLE_AFTER_MS).reduce((a, b) => a + b, 0);
        expect(total).toBe(counted);
      }),
    );
  });

  it('ReadingClock reads its injected clock and restarts for another text', () => {
    let now = 0;
    const clock = new ReadingClock(() => now);
    now = 30 * S;
    clock.key();
    now = 45 * S;
    expect(clock.total()).toBe(45 * S);
    expect(clock.restart()).toBe(45 * S);
    now = 50 * S;
    expect(clock.total()).toBe(5 * S);
  });
});
