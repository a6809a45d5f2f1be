/*
 * Names with one wrong character.
 *
 * Most Chinese names and many terms have three characters, and an input method's wrong pick is one of
 * them: 王熙风 for 王熙凤 (same reading, the other candidate), 林黛王 for 林黛玉 (a slip). The fuzzy tier
 * needs three characters matched in place (fuzzy.ts, align.ts), so it cannot see these. For a term of
 * three Chinese characters that matched nothing literally, this module looks at every place in the
 * text holding two of its characters in place and any third Chinese character in the other place (for
 * 王熙风: 王熙?, ?熙风, 王?风), and counts each such *correction* (王熙凤) over the text.
 *
 * A correction is kept when
 *   - its third character sounds like the one typed (a shared toneless reading: feng, ling, liang), at
 *     any count: that is the input method's typical slip; or
 *   - it occurs at least MIN_OCCURRENCES times: a name or term of the text (林黛玉 in a novel), not a
 *     chance neighbour (特斯拉 near 奥特斯技改 in the interview: 特斯技 occurs once, so nothing).
 * At most MAX_CORRECTIONS are kept, homophones first, then the most frequent. Each is then searched
 * literally in the fuzzy tier: a homophone with penalty 1, any other with penalty 2, so 王熙凤 for 王熙风
 * ranks above an arbitrary neighbour, and both below every exact hit (this runs only without one).
 *
 *   王熙风   王熙凤 ×120, homophone (feng)     → kept, penalty 1
 *   林黛王   林黛玉 ×300, wang ≠ yu            → kept (frequent), penalty 2
 *   特斯拉   特斯技 ×1, la ≠ ji                → dropped: the query finds nothing, as it should
 *   北京     two characters                    → not tried
 */
import { folded, type Corpus } from './corpus.js';
import { findExact } from './exact.js';
import type { TermHits } from './hits.js';
import type { Steps } from './steps.js';
import { homophones } from './syllables.js';

const MIN_OCCURRENCES = 3;
const MAX_CORRECTIONS = 8;
/** Places looked at between two yields. */
const STEP = 2048;

const isHan = (unit: number): boolean => (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0xf900 && unit <= 0xfaff);

/** Whether `term` is one to correct: exactly three Chinese characters. */
export function typoEligible(term: string): boolean {
  return term.length === 3 && isHan(term.charCodeAt(0)) && isHan(term.charCodeAt(1)) && isHan(term.charCodeAt(2));
}

interface Correction {
  text: string;
  count: number;
  homophone: boolean;
}

/** Counts the corrections of `term` in `text` into `found` (see above). */
function countIn(text: string, term: string, found: Map<string, { count: number; at: number }>): number {
  let looked = 0;
  const note = (start: number, at: number): void => {
    const unit = text.charCodeAt(start + at);
    if (!isHan(unit) || unit === term.charCodeAt(at)) return;
    const window = text.slice(start, start + 3);
    const entry = found.get(window);
    if (entry) entry.count++;
    else found.set(window, { count: 1, at });
  };
  const head = term.slice(0, 2);
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1), looked++) if (i + 2 < text.length) note(i, 2);
  const tail = term.slice(1);
  for (let i = text.indexOf(tail, 1); i >= 0; i = text.indexOf(tail, i + 1), looked++) note(i - 1, 0);
  const first = term[0]!;
  const last = term.charCodeAt(2);
  for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1), looked++) if (text.charCodeAt(i + 2) === last) note(i, 1);
  return looked;
}

/**
 * The typo tier for one folded three-character term: finds the corrections worth keeping and records
 * their paragraphs (of `within`, or all) as fuzzy hits.
 */
export function* findTypos(corpus: Corpus, term: string, within: Int32Array | null, into: TermHits): Steps<void> {
  if (!typoEligible(term)) return;
  const found = new Map<string, { count: number; at: number }>();
  if (within === null) {
    for (const block of corpus.blocks) {
      countIn(block.text, term, found);
      yield;
    }
  } else {
    let looked = 0;
    for (let i = 0; i < within.length; i++) {
      looked += countIn(folded(corpus, within[i]!), term, found) + 1;
      if (looked >= STEP) {
        looked = 0;
        yield;
      }
    }
  }
  if (found.size === 0) return;
  const corrections: Correction[] = [];
  for (const [text, { count, at }] of found) {
    const homophone = homophones(term.charCodeAt(at), text.charCodeAt(at));
    if (homophone || count >= MIN_OCCURRENCES) corrections.push({ text, count, homophone });
  }
  corrections.sort((a, b) => Number(b.homophone) - Number(a.homophone) || b.count - a.count);
  for (const { text, homophone } of corrections.slice(0, MAX_CORRECTIONS)) yield* findExact(corpus, text, homophone ? 1 : 2, within, into, 2);
}
