import type { Range } from './types.js';
import { segmentGraphemes } from '../layout/width.js';

/** Sorts ranges and merges those that overlap or touch; drops empty ones. Returns new arrays. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter(([start, end]) => end > start).map(([start, end]): Range => [start, end]);
  sorted.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

// Characters that can sit inside a multi-unit grapheme: surrogates, CR (of CR LF), joiners, Hangul
// jamo, variation selectors and combining marks. A text without any has one grapheme per code unit.
const CLUSTERING = /[\r\u200c\u200d\u1100-\u11ff\ufe00-\ufe0f\p{M}]/u;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * Widens each range to whole graphemes of `text` (so a highlight never splits a surrogate pair, an
 * emoji sequence or a letter from its accent), clamps it into the text, then merges.
 */
export function snapToGraphemes(text: string, ranges: readonly Range[]): Range[] {
  const clamped = ranges.map(([start, end]): Range => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))]);
  if (!CLUSTERING.test(text) && !SURROGATE.test(text)) return mergeRanges(clamped);
  const boundaries = [0];
  for (const { index, segment } of segmentGraphemes(text)) boundaries.push(index + segment.length);
  const snapped = clamped
    .filter(([start, end]) => end > start)
    .map(([start, end]): Range => [floorBoundary(boundaries, start), ceilBoundary(boundaries, end)]);
  return mergeRanges(snapped);
}

/** The largest boundary ≤ `at`. */
function floorBoundary(boundaries: readonly number[], at: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (boundaries[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return boundaries[low]!;
}

/** The smallest boundary ≥ `at`. */
function ceilBoundary(boundaries: readonly number[], at: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundaries[mid]! >= at) high = mid;
    else low = mid + 1;
  }
  return boundaries[low]!;
}
