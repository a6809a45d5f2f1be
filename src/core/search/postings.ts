import type { Corpus } from './corpus.js';
import type { Steps } from './steps.js';

/**
 * For every UTF-16 code unit, the paragraphs that contain it (ascending, each once). Built on the first
 * fuzzy search (or by `prepare`) in two passes over the corpus, a block per step, typed arrays only.
 * It lets the fuzzy tier score only paragraphs that hold most of a query's characters, and a phrase
 * across punctuation look only where all its characters are.
 *
 * Each list is stored as the gaps between its paragraphs, seven bits a byte (the high bit says another
 * byte follows): a common character's gaps are one byte, where four were (a 60 MB text's postings went
 * from ~60 to ~20 MB); lists are read front to back, which is how every search reads them.
 */
export interface Postings {
  /** Every list's gaps, back to back. */
  bytes: Uint8Array;
  /** List of unit u is bytes[offsets[u], offsets[u + 1]). */
  offsets: Int32Array;
  /** How many paragraphs list u holds. */
  counts: Int32Array;
}

const gapBytes = (gap: number): number => (gap < 0x80 ? 1 : gap < 0x4000 ? 2 : gap < 0x200000 ? 3 : gap < 0x10000000 ? 4 : 5);

export function* buildPostings(corpus: Corpus): Steps<Postings> {
  const sizes = new Int32Array(0x10001);
  const counts = new Int32Array(0x10000);
  const lastSeen = new Int32Array(0x10000);
  // Calls `each` once per (unit, paragraph), paragraphs in order, with the gap since the unit's last one.
  function* visit(each: (unit: number, gap: number, p: number) => void): Steps<void> {
    lastSeen.fill(-1);
    for (const { text, first } of corpus.blocks) {
      let p = first;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit === 0) {
          p++;
          continue;
        }
        const last = lastSeen[unit]!;
        if (last !== p) {
          lastSeen[unit] = p;
          each(unit, p - last, p);
        }
      }
      yield;
    }
  }
  yield* visit((unit, gap) => {
    sizes[unit + 1]! += gapBytes(gap);
    counts[unit]!++;
  });
  const offsets = new Int32Array(0x10001);
  for (let u = 0; u < 0x10000; u++) offsets[u + 1] = offsets[u]! + sizes[u + 1]!;
  const bytes = new Uint8Array(offsets[0x10000]!);
  const fill = offsets.slice(0, 0x10000);
  yield* visit((unit, gap) => {
    let at = fill[unit]!;
    while (gap >= 0x80) {
      bytes[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    bytes[at++] = gap;
    fill[unit] = at;
  });
  return { bytes, offsets, counts };
}

/**
 * The paragraphs containing code unit `unit`, ascending, decoded into a new array, or into the start of
 * `scratch` when it is long enough (a view of it, valid until the scratch is used again).
 */
export function paragraphsWith(postings: Postings, unit: number, scratch?: Int32Array): Int32Array {
  const { bytes, offsets, counts } = postings;
  const count = counts[unit]!;
  const list = scratch && scratch.length >= count ? scratch.subarray(0, count) : new Int32Array(count);
  let at = offsets[unit]!;
  let p = -1;
  for (let k = 0; k < list.length; k++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    p += gap;
    list[k] = p;
  }
  return list;
}

/** How many paragraphs contain code unit `unit`. */
export function paragraphCount(postings: Postings, unit: number): number {
  return postings.counts[unit]!;
}

/**
 * The paragraphs containing every one of `units` (ascending): the shortest list first, then each
 * other list intersected with what is left, walking both in order.
 */
export function paragraphsWithAll(postings: Postings, units: readonly number[]): Int32Array {
  const distinct = [...new Set(units)].sort((a, b) => paragraphCount(postings, a) - paragraphCount(postings, b));
  if (distinct.length === 0) return new Int32Array(0);
  let kept = paragraphsWith(postings, distinct[0]!);
  for (const unit of distinct.slice(1)) {
    if (kept.length === 0) break;
    const list = paragraphsWith(postings, unit);
    let size = 0;
    let at = 0;
    for (let i = 0; i < kept.length && at < list.length; i++) {
      const p = kept[i]!;
      while (at < list.length && list[at]! < p) at++;
      if (list[at] === p) kept[size++] = p;
    }
    kept = kept.subarray(0, size);
  }
  return kept;
}
