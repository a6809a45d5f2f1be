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
function floorBoundary(boundaries: ArrayLike<number>, at: number): number {
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
function ceilBoundary(boundaries: ArrayLike<number>, at: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (boundaries[mid]! >= at) high = mid;
    else low = mid + 1;
  }
  return boundaries[low]!;
}

/**
 * {@link snapToGraphemes} on ranges kept flat, `[start, end, start, end, …]`, changed in place and
 * returned cut to the ranges left: a character searched in a paragraph of millions matches hundreds of
 * thousands of times, and an array per range (about 60 bytes, in several copies on the way) was most of
 * a search's memory there.
 */
export function snapFlat(text: string, flat: Int32Array): Int32Array {
  const length = text.length;
  let size = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const start = Math.max(0, Math.min(flat[i]!, length));
    const end = Math.max(0, Math.min(flat[i + 1]!, length));
    if (end <= start) continue;
    flat[size++] = start;
    flat[size++] = end;
  }
  if (size > 0 && (CLUSTERING.test(text) || SURROGATE.test(text))) {
    const boundaries = graphemeBoundaries(text);
    for (let i = 0; i < size; i += 2) {
      flat[i] = floorBoundary(boundaries, flat[i]!);
      flat[i + 1] = ceilBoundary(boundaries, flat[i + 1]!);
    }
  }
  sortFlat(flat, size);
  let merged = 0;
  for (let i = 0; i < size; i += 2) {
    const start = flat[i]!;
    const end = flat[i + 1]!;
    if (merged > 0 && start <= flat[merged - 1]!) flat[merged - 1] = Math.max(flat[merged - 1]!, end);
    else {
      flat[merged++] = start;
      flat[merged++] = end;
    }
  }
  return flat.subarray(0, merged);
}

/** Flat ranges as arrays. */
export function rangesOf(flat: Int32Array): Range[] {
  const ranges: Range[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) ranges.push([flat[i]!, flat[i + 1]!]);
  return ranges;
}

/** Where every grapheme of `text` ends, and 0. */
function graphemeBoundaries(text: string): Int32Array {
  let boundaries = new Int32Array(1024);
  let size = 1;
  for (const { index, segment } of segmentGraphemes(text)) {
    if (size === boundaries.length) {
      const bigger = new Int32Array(size * 2);
      bigger.set(boundaries);
      boundaries = bigger;
    }
    boundaries[size++] = index + segment.length;
  }
  return boundaries.subarray(0, size);
}

/** Sorts the first `size` entries of flat ranges by start, then end (offsets stay below 2^26, so a pair fits one double). */
function sortFlat(flat: Int32Array, size: number): void {
  let sorted = true;
  for (let i = 2; i < size && sorted; i += 2) sorted = flat[i - 2]! < flat[i]! || (flat[i - 2] === flat[i] && flat[i - 1]! <= flat[i + 1]!);
  if (sorted) return;
  const keys = new Float64Array(size / 2);
  for (let i = 0; i < size; i += 2) keys[i / 2] = flat[i]! * 2 ** 27 + flat[i + 1]!;
  keys.sort();
  for (let k = 0; k < keys.length; k++) {
    const end = keys[k]! % 2 ** 27;
    flat[2 * k] = (keys[k]! - end) / 2 ** 27;
    flat[2 * k + 1] = end;
  }
}
