/** Median of the values, or undefined when there are none. */
export function median(values: readonly number[]): number | undefined {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0–100), or undefined when there are no values. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) {
    const upper = sorted.length / 2;
    return ((sorted[upper - 1] ?? 0) + (sorted[upper] ?? 0)) / 2;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
