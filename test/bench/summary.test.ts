import { describe, expect, test } from 'vitest';
import type { RunResult } from '../../bench/measure.js';
import { FIRST_FRAME, PEAK_RSS, SESSION_PEAK_RSS, keyMetric, metricLabels, ratios, summarise } from '../../bench/summary.js';

const run = (firstFrameMs: number | undefined, keys: RunResult['keys'] = {}, peakRssKiB?: number, sessionPeakRssKiB?: number): RunResult => ({
  firstFrameMs,
  keys,
  peakRssKiB,
  ...(sessionPeakRssKiB === undefined ? {} : { sessionPeakRssKiB }),
});

describe('summarise', () => {
  test('first frame and RSS are medians over runs; key figures pool the presses of every run', () => {
    const summary = summarise('less', [
      run(10, { j: { bytes: [100, 100], settleMs: [1, 2] } }, 2048, 5120),
      run(30, { j: { bytes: [300], settleMs: [9] } }, 4096, 7168),
      run(20),
    ], ['j']);
    expect(summary.metrics[FIRST_FRAME]).toBe(20);
    expect(summary.metrics[PEAK_RSS]).toBe(3);
    expect(summary.metrics[SESSION_PEAK_RSS]).toBe(6);
    expect(summary.metrics[keyMetric.bytes('j')]).toBe(100);
    expect(summary.metrics[keyMetric.settle('j')]).toBe(2);
    expect(summary.metrics[keyMetric.settleP95('j')]).toBe(9);
  });

  test('a program that never showed a frame, or a key with incomplete samples, is n/a with its note', () => {
    const summary = summarise('yuedu', [
      { keys: {}, note: 'exited (code 0) after printing: not interactive' },
      run(5, { held: { bytes: [1], settleMs: [1], note: 'only 3/25 presses showed' } }),
    ], ['held']);
    expect(summary.metrics[keyMetric.settle('held')]).toBeUndefined();
    expect(summary.notes).toEqual(['exited (code 0) after printing: not interactive', 'held: only 3/25 presses showed']);
    expect(Object.keys(summary.metrics).sort()).toEqual(metricLabels(['held']).sort());
  });
});

describe('ratios', () => {
  test('divide metric by metric, n/a where either side is missing or the base is zero', () => {
    const a = summarise('yuedu', [run(40, { j: { bytes: [0], settleMs: [4] } })], ['j']);
    const b = summarise('less', [run(10, { j: { bytes: [0], settleMs: [2] } })], ['j']);
    const result = ratios(a, b);
    expect(result[FIRST_FRAME]).toBe(4);
    expect(result[keyMetric.settle('j')]).toBe(2);
    expect(result[keyMetric.bytes('j')]).toBeUndefined();
    expect(result[PEAK_RSS]).toBeUndefined();
    expect(ratios(a, undefined)).toEqual({});
  });
});
