import { paragraphAt, type Corpus } from './corpus.js';
import { offerHit, type TermHits } from './hits.js';
import type { Range } from './types.js';

/** Paragraphs checked between two yields when scanning a candidate list. */
const CHUNK = 2048;

/**
 * Finds the folded `needle` literally, counting non-overlapping occurrences per paragraph.
 * Without candidates it runs one `indexOf` loop over the joined corpus; with candidates (the paragraphs
 * an earlier term of an AND query left) it looks inside those only.
 */
export function* findExact(corpus: Corpus, needle: string, penalty: number, within: readonly number[] | null, into: TermHits): Generator<void, void> {
  if (needle.length === 0) return;
  const record = (p: number, count: number, first: number): void => offerHit(into, p, { tier: 'exact', penalty, count, first, needle });
  if (within === null) {
    const { text, starts } = corpus;
    let current = -1;
    let count = 0;
    let first = 0;
    let seen = 0;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      if (++seen % 65536 === 0) yield;
      const p = paragraphAt(corpus, at, Math.max(current, 0));
      if (p !== current) {
        if (count > 0) record(current, count, first);
        current = p;
        count = 0;
        first = at - starts[p]!;
      }
      count++;
    }
    if (count > 0) record(current, count, first);
    return;
  }
  for (let i = 0; i < within.length; i++) {
    if (i > 0 && i % CHUNK === 0) yield;
    const p = within[i]!;
    const text = corpus.folded[p]!.text;
    const first = text.indexOf(needle);
    if (first < 0) continue;
    let count = 1;
    for (let at = text.indexOf(needle, first + needle.length); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    record(p, count, first);
  }
}

/** Every non-overlapping occurrence of `needle` in `text`, as ranges. */
export function occurrences(text: string, needle: string): Range[] {
  const ranges: Range[] = [];
  if (needle.length === 0) return ranges;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}
