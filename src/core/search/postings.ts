import type { Corpus } from './corpus.js';
import type { Steps } from './steps.js';

/**
 * For every UTF-16 code unit, the paragraphs that contain it (ascending, each once). Built on the first
 * fuzzy search (or by `prepare`) in two passes over the corpus, a block per step, typed arrays only.
 * It lets the fuzzy tier score only paragraphs that hold most of a query's characters.
 */
export interface Postings {
  /** Paragraph lists for all units, back to back. */
  lists: Int32Array;
  /** List of unit u is lists[offsets[u], offsets[u + 1]). */
  offsets: Int32Array;
}

export function* buildPostings(corpus: Corpus): Steps<Postings> {
  const counts = new Int32Array(0x10001);
  const lastSeen = new Int32Array(0x10000);
  // Calls `each` once per (unit, paragraph), paragraphs in order.
  function* visit(each: (unit: number, p: number) => void): Steps<void> {
    lastSeen.fill(-1);
    for (const { text, first } of corpus.blocks) {
      let p = first;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit === 0) {
          p++;
          continue;
        }
        if (lastSeen[unit] !== p) {
          lastSeen[unit] = p;
          each(unit, p);
        }
      }
      yield;
    }
  }
  yield* visit((unit) => counts[unit + 1]!++);
  const offsets = new Int32Array(0x10001);
  for (let u = 0; u < 0x10000; u++) offsets[u + 1] = offsets[u]! + counts[u + 1]!;
  const lists = new Int32Array(offsets[0x10000]!);
  const fill = offsets.slice(0, 0x10000);
  yield* visit((unit, p) => {
    lists[fill[unit]!++] = p;
  });
  return { lists, offsets };
}

/** The paragraphs containing code unit `unit`. */
export function paragraphsWith(postings: Postings, unit: number): Int32Array {
  return postings.lists.subarray(postings.offsets[unit]!, postings.offsets[unit + 1]!);
}

/**
 * The paragraphs containing every one of `units` (ascending): the shortest list first, then each
 * other list intersected with what is left, by galloping through it.
 */
export function paragraphsWithAll(postings: Postings, units: readonly number[]): Int32Array {
  const lists = [...new Set(units)].map((unit) => paragraphsWith(postings, unit)).sort((a, b) => a.length - b.length);
  if (lists.length === 0) return new Int32Array(0);
  let kept = lists[0]!.slice();
  for (const list of lists.slice(1)) {
    let size = 0;
    let at = 0;
    for (let i = 0; i < kept.length && at < list.length; i++) {
      const p = kept[i]!;
      while (at < list.length && list[at]! < p) at++;
      if (list[at] === p) kept[size++] = p;
    }
    kept = kept.subarray(0, size);
    if (size === 0) break;
  }
  return kept;
}
