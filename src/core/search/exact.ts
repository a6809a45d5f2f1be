import { folded, pieceAt, type Corpus } from './corpus.js';
import type { TermHits } from './hits.js';
import type { IntList } from './int-list.js';
import type { Steps } from './steps.js';
import type { Range } from './types.js';

/** Occurrences, or candidate paragraphs, handled between two yields. */
const STEP = 1024;

/**
 * Finds the folded `needle` literally, counting non-overlapping occurrences per paragraph, as hits of
 * `tier` (exact, or fuzzy for the corrections of typo.ts).
 * Without candidates it runs one `indexOf` loop per block of the corpus; with candidates (the paragraphs
 * an earlier term of an AND query left) it looks inside those only.
 */
export function* findExact(corpus: Corpus, needle: string, penalty: number, within: Int32Array | null, into: TermHits, tier = 0): Steps<void> {
  if (needle.length === 0) return;
  const source = into.addSource({ kind: 'exact', needle });
  if (within === null) {
    let seen = 0;
    for (const block of corpus.blocks) {
      const { text, starts, first: base } = block;
      let current = -1;
      let count = 0;
      let first = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
        if (++seen % STEP === 0) yield;
        const local = pieceAt(starts, at, Math.max(current, 0));
        if (local !== current) {
          if (count > 0) into.offer(base + current, tier, penalty, count, first, source);
          current = local;
          count = 0;
          first = at - starts[local]!;
        }
        count++;
      }
      if (count > 0) into.offer(base + current, tier, penalty, count, first, source);
      yield;
    }
    return;
  }
  for (let i = 0; i < within.length; i++) {
    if (i > 0 && i % STEP === 0) yield;
    const p = within[i]!;
    const text = folded(corpus, p);
    const first = text.indexOf(needle);
    if (first < 0) continue;
    let count = 1;
    for (let at = text.indexOf(needle, first + needle.length); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    into.offer(p, tier, penalty, count, first, source);
  }
}

/** Every non-overlapping occurrence of `needle` in `text`, as flat ranges (start, end, …) added to `into`. */
export function occurrencesInto(text: string, needle: string, into: IntList): void {
  if (needle.length === 0) return;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) into.pushPair(at, at + needle.length);
}

/** Every non-overlapping occurrence of `needle` in `text`, as ranges. */
export function occurrences(text: string, needle: string): Range[] {
  const ranges: Range[] = [];
  if (needle.length === 0) return ranges;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}
