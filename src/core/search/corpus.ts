import type { Document, Paragraph } from '../document/types.js';
import { allParagraphs } from '../document/paragraphs.js';
import { normalise, type Normalised } from './normalise.js';

/** Separates paragraphs in `Corpus.text`; folding turns control characters into spaces, so no term has it. */
export const PARAGRAPH_SEPARATOR = '\u0000';

/**
 * Every paragraph folded once, and all of them joined into one string so that an exact term is found
 * in the whole document by one native `indexOf` loop instead of one call per paragraph.
 */
export interface Corpus {
  paragraphs: Paragraph[];
  sectionTitles: string[];
  folded: Normalised[];
  /** The folded paragraphs joined by PARAGRAPH_SEPARATOR. */
  text: string;
  /** Where paragraph i starts in `text`; one extra entry holds `text.length + 1`. */
  starts: Int32Array;
}

/** Folds the document's paragraphs (lead first, then sections, in reading order). */
export function buildCorpus(doc: Document): Corpus {
  const paragraphs = allParagraphs(doc);
  const titles = new Map(doc.sections.map((section) => [section.index, section.title]));
  const sectionTitles = paragraphs.map((paragraph) => titles.get(paragraph.section) ?? doc.title);
  const folded = paragraphs.map((paragraph) => normalise(paragraph.text));
  const starts = new Int32Array(paragraphs.length + 1);
  let offset = 0;
  folded.forEach((entry, i) => {
    starts[i] = offset;
    offset += entry.text.length + 1;
  });
  starts[paragraphs.length] = offset;
  const text = folded.map((entry) => entry.text).join(PARAGRAPH_SEPARATOR);
  return { paragraphs, sectionTitles, folded, text, starts };
}

/** The paragraph whose folded text contains `offset` of `Corpus.text`, searching from `hint` onwards. */
export function paragraphAt(corpus: Corpus, offset: number, hint = 0): number {
  return pieceAt(corpus.starts, offset, hint);
}

/**
 * For pieces joined into one string, with `starts[i]` where piece i starts (and one extra entry past the
 * end): the piece holding `offset`. Offsets arrive in increasing order during a scan, so the neighbourhood
 * of `hint` is tried before bisecting.
 */
export function pieceAt(starts: Int32Array, offset: number, hint = 0): number {
  const last = starts.length - 2;
  if (hint <= last && starts[hint + 1]! > offset) return hint;
  if (hint + 1 <= last && starts[hint + 2]! > offset) return hint + 1;
  let low = Math.min(hint + 1, last);
  let high = last;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
