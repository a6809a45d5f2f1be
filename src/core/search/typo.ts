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
 *   - it occurs at least MIN_OCCURRENCES times and is most of what follows (or precedes, or surrounds)
 *     the two characters kept: a name or term of the text (林黛 is nearly always 林黛玉 in a novel), not
 *     a chance neighbour (特斯拉 near 奥特斯技改 in the interview: 特斯技 occurs once) nor a common
 *     continuation (小说家 absent: 小说的, 小说中, 小说里 each a small share of 小说?, so nothing).
 * At most MAX_CORRECTIONS are kept, homophones first, then the most frequent. Each is then searched
 * literally in the fuzzy tier: a homophone with penalty 1, any other with penalty 2, so 王熙凤 for 王熙风
 * ranks above an arbitrary neighbour, and both below every exact hit (this runs only without one).
 *
 *   王熙风   王熙凤 ×120, homophone (feng)     → kept, penalty 1
 *   林黛王   林黛玉 ×300, wang ≠ yu            → kept (frequent), penalty 2
 *   特斯拉   特斯技 ×1, la ≠ ji                → dropped: the query finds nothing, as it should
 *   小说家   小说的 ×12 of 小说? ×40, de ≠ jia  → dropped (30% < half)
 *
 * A term of two Chinese characters (a given name, a place, a word) is corrected only by the input
 * method's slip: one character kept in place and the other one that sounds the same, in a correction
 * the text repeats (at least MIN_OCCURRENCES times, and a quarter of the places beside the kept
 * character), as its name or term is. Two characters hold too little to tell a slip from another word
 * by frequency alone.
 *
 *   刘中     刘忠 ×30, homophone (zhong)       → kept, penalty 1
 *   北京     no 北? or ?京 that sounds like it  → nothing
 *   其忠     其中 ×50, homophone (zhong)       → kept: 其中 is what the text says
 *   的喵     的苗 ×20 of 的? ×20,000 (miao)    → dropped: 的 is beside everything
 */
import { folded, type Corpus } from './corpus.js';
import { findExact } from './exact.js';
import type { TermHits } from './hits.js';
import type { Steps } from './steps.js';
import { homophones } from './syllables.js';

const MIN_OCCURRENCES = 3;
/** Share of the places holding the two kept characters that a correction that does not sound alike must have. */
const MIN_SHARE = 0.5;
const MAX_CORRECTIONS = 8;
/**
 * Share of the places beside the one character a two-character term keeps that its sound-alike
 * correction must have: a name or term of the text (刘? is nearly always 刘忠), not one continuation
 * among many of a common character (的苗 among every 的?).
 */
const MIN_SHARE_TWO = 0.25;
/** Places looked at between two yields. */
const STEP = 2048;

/** A CJK ideograph (the unified block, Extension A, the compatibility block): what has a reading to sound like. */
export const isHan = (unit: number): boolean => (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0xf900 && unit <= 0xfaff);

/** Whether `term` is one to correct: two or three Chinese characters. */
export function typoEligible(term: string): boolean {
  return (term.length === 2 || term.length === 3) && isHan(term.charCodeAt(0)) && isHan(term.charCodeAt(1)) && (term.length === 2 || isHan(term.charCodeAt(2)));
}

interface Correction {
  text: string;
  count: number;
  homophone: boolean;
}

/** Counts the corrections of `term` in `text` into `found` (see above). */
function countIn(text: string, term: string, found: Map<string, { count: number; at: number }>, places: Int32Array): number {
  let looked = 0;
  const note = (start: number, at: number, size = 3): void => {
    const unit = text.charCodeAt(start + at);
    if (!isHan(unit) || unit === term.charCodeAt(at)) return;
    places[at]!++;
    // Two characters are corrected only by a sound-alike: no other neighbour is counted (的 has thousands).
    if (size === 2 && !homophones(term.charCodeAt(at), unit)) return;
    const window = text.slice(start, start + size);
    const entry = found.get(window);
    if (entry) entry.count++;
    else found.set(window, { count: 1, at });
  };
  if (term.length === 2) {
    // One character kept: the other place holds the correction's.
    for (let i = text.indexOf(term[0]!); i >= 0; i = text.indexOf(term[0]!, i + 1), looked++) if (i + 1 < text.length) note(i, 1, 2);
    for (let i = text.indexOf(term[1]!, 1); i >= 0; i = text.indexOf(term[1]!, i + 1), looked++) note(i - 1, 0, 2);
    return looked;
  }
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
 * The typo tier for one folded term of two or three characters: finds the corrections worth keeping and records
 * their paragraphs (of `within`, or all) as fuzzy hits.
 */
export function* findTypos(corpus: Corpus, term: string, within: Int32Array | null, into: TermHits): Steps<void> {
  if (!typoEligible(term)) return;
  const found = new Map<string, { count: number; at: number }>();
  // Places with the two kept characters and another Chinese one, by the position of that one.
  const places = new Int32Array(3);
  if (within === null) {
    for (const block of corpus.blocks) {
      countIn(block.text, term, found, places);
      yield;
    }
  } else {
    let looked = 0;
    for (let i = 0; i < within.length; i++) {
      looked += countIn(folded(corpus, within[i]!), term, found, places) + 1;
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
    const kept = term.length === 2 ? homophone && count >= MIN_OCCURRENCES && count >= MIN_SHARE_TWO * places[at]! : homophone || (count >= MIN_OCCURRENCES && count >= MIN_SHARE * places[at]!);
    if (kept) corrections.push({ text, count, homophone });
  }
  corrections.sort((a, b) => Number(b.homophone) - Number(a.homophone) || b.count - a.count);
  for (const { text, homophone } of corrections.slice(0, MAX_CORRECTIONS)) yield* findExact(corpus, text, homophone ? 1 : 2, within, into, 2);
}
