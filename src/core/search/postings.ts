import type { Corpus } from './corpus.js';

/**
 * For every UTF-16 code unit, the paragraphs that contain it (ascending, each once). Built on the first
 * fuzzy search in two passes over the joined corpus, typed arrays only: about 50 ms for 10 MB of text.
 * It lets the fuzzy tier score only paragraphs that hold most of a query's characters.
 */
export interface Postings {
  /** Paragraph lists for all units, back to back. */
  lists: Int32Array;
  /** List of unit u is lists[offsets[u], offsets[u + 1]). */
  offsets: Int32Array;
}

export function buildPostings(corpus: Corpus): Postings {
  const { text } = corpus;
  const counts = new Int32Array(0x10001);
  const lastSeen = new Int32Array(0x10000).fill(-1);
  const visit = (each: (unit: number, p: number) => void): void => {
    lastSeen.fill(-1);
    let p = 0;
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
  };
  visit((unit) => counts[unit + 1]!++);
  const offsets = new Int32Array(0x10001);
  for (let u = 0; u < 0x10000; u++) offsets[u + 1] = offsets[u]! + counts[u + 1]!;
  const lists = new Int32Array(offsets[0x10000]!);
  const fill = offsets.slice(0, 0x10000);
  visit((unit, p) => {
    lists[fill[unit]!++] = p;
  });
  return { lists, offsets };
}

/** The paragraphs containing code unit `unit`. */
export function paragraphsWith(postings: Postings, unit: number): Int32Array {
  return postings.lists.subarray(postings.offsets[unit]!, postings.offsets[unit + 1]!);
}
