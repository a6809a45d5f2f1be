import type { ProgramName } from './programs.js';
import type { KeySamples, RunResult } from './measure.js';
import { median, percentile } from './stats.js';

/** One program's figures for one document and size: medians over runs (keys: over all presses of all runs). */
export interface ProgramSummary {
  program: ProgramName;
  runs: number;
  /** Metric label → value; undefined is n/a. Labels are the table's rows. */
  metrics: Record<string, number | undefined>;
  notes: string[];
}

export const FIRST_FRAME = 'first frame (ms)';
export const PEAK_RSS = 'peak RSS (MiB)';
export const SESSION_PEAK_RSS = 'peak RSS, all keys (MiB)';
export const keyMetric = {
  bytes: (key: string) => `${key}: bytes/key`,
  settle: (key: string) => `${key}: settle median (ms)`,
  settleP95: (key: string) => `${key}: settle p95 (ms)`,
};

/** Metric labels in table order for the given scenario names. */
export function metricLabels(scenarioNames: readonly string[]): string[] {
  const perKey = scenarioNames.flatMap((key) => [keyMetric.bytes(key), keyMetric.settle(key), keyMetric.settleP95(key)]);
  return [FIRST_FRAME, ...perKey, PEAK_RSS, SESSION_PEAK_RSS];
}

/** Summarises the runs of one program; a key with incomplete samples in any run is n/a. */
export function summarise(program: ProgramName, runs: readonly RunResult[], scenarioNames: readonly string[]): ProgramSummary {
  const defined = (values: (number | undefined)[]): number[] => values.filter((value): value is number => value !== undefined);
  const notes = new Set(runs.map((run) => run.note).filter((note): note is string => note !== undefined));
  const mib = (kib: number | undefined): number | undefined => (kib === undefined ? undefined : kib / 1024);
  const metrics: Record<string, number | undefined> = {
    [FIRST_FRAME]: median(defined(runs.map((run) => run.firstFrameMs))),
    [PEAK_RSS]: mib(median(defined(runs.map((run) => run.peakRssKiB)))),
    [SESSION_PEAK_RSS]: mib(median(defined(runs.map((run) => run.sessionPeakRssKiB)))),
  };
  for (const key of scenarioNames) {
    const samples = runs.map((run) => run.keys[key]);
    const incomplete = samples.find((sample) => sample?.note !== undefined)?.note;
    if (incomplete) notes.add(`${key}: ${incomplete}`);
    const complete = incomplete ? [] : samples.filter((sample): sample is KeySamples => sample !== undefined);
    const settle = complete.flatMap((sample) => sample.settleMs);
    metrics[keyMetric.bytes(key)] = median(complete.flatMap((sample) => sample.bytes));
    metrics[keyMetric.settle(key)] = median(settle);
    metrics[keyMetric.settleP95(key)] = percentile(settle, 95);
  }
  return { program, runs: runs.length, metrics, notes: [...notes] };
}

/** numerator / denominator for every metric both have. */
export function ratios(numerator: ProgramSummary | undefined, denominator: ProgramSummary | undefined): Record<string, number | undefined> {
  const result: Record<string, number | undefined> = {};
  if (!numerator || !denominator) return result;
  for (const [label, value] of Object.entries(numerator.metrics)) {
    const base = denominator.metrics[label];
    result[label] = value !== undefined && base !== undefined && base > 0 ? value / base : undefined;
  }
  return result;
}
