import Fuse, { type IFuseOptions } from 'fuse.js';
import { nearMisses, type Window } from './align.js';
import { homophones } from './syllables.js';
import { isHan } from './typo.js';
import { folded, type Corpus } from './corpus.js';
import type { TermHits } from './hits.js';
import { paragraphsWith, type Postings } from './postings.js';
import { IntList } from './int-list.js';
import type { Steps } from './steps.js';

/** Shorter terms are not fuzzy-matched: one edit in two characters leaves a single character. */
export const MIN_FUZZY_LENGTH = 3;
/** fuse.js's bitap works on at most 32 code units at a time; longer terms are matched exactly only. */
export const MAX_FUZZY_LENGTH = 32;
/** Paragraphs handed to fuse.js per term at most, those holding most of the term's characters first. */
export const MAX_CANDIDATES = 2000;
/** Candidates aligned between two yields (a few microseconds each, more for a long paragraph). */
const CHUNK = 64;
/** Postings entries counted, or paragraphs checked for a bigram, between two yields. */
const STEP = 4096;

/** One wrong, missing or extra character up to 7 characters, two from 8 on. */
export function allowedErrors(length: number): number {
  return length >= 8 ? 2 : 1;
}

/**
 * fuse.js configured for long unspaced Chinese paragraphs. The defaults are wrong here in three ways:
 *  - `location: 0, distance: 100` score a match by how far it is from the paragraph's start, so a
 *    phrase more than ~60 characters in falls over the threshold: `ignoreLocation` drops that;
 *  - `threshold: 0.6` accepts a 2-character query with one of its characters missing, i.e. any
 *    paragraph holding either character: the threshold is set per query to admit exactly
 *    `allowedErrors` edits (bitap's score with ignoreLocation is errors / pattern length);
 *  - the field-length norm ranks long paragraphs down: `ignoreFieldNorm`.
 * `minMatchCharLength: 2` rejects matches without two adjacent query characters; extended search stays
 * off so ' ! ^ = $ | " are literal; text and query are folded beforehand, so fuse.js must not change
 * case itself (that could change lengths). Ranges come from align.ts: fuse.js's indices mark every
 * query character inside its window rather than the alignment, so `includeMatches` stays off.
 */
export function fuseOptions(length: number): IFuseOptions<string> {
  return {
    ignoreLocation: true,
    threshold: (allowedErrors(length) + 0.5) / length,
    ignoreFieldNorm: true,
    minMatchCharLength: 2,
    includeMatches: false,
    includeScore: true,
    useExtendedSearch: false,
    useTokenSearch: false,
    isCaseSensitive: true,
    ignoreDiacritics: false,
    findAllMatches: false,
    shouldSort: false,
  };
}

/**
 * A near miss's penalty (see rank.ts): two for each edit, one less for each character swapped for one
 * that sounds the same, an input method's wrong pick (智能工场 for 智能工厂: chang). One edit is then 1
 * or 2, as typo.ts's corrections are, and the likely typo ranks first: 智能工厂 above a heading 智能工
 * that lacks the fourth character.
 */
function looseness(window: Window): number {
  let soundAlike = 0;
  const swaps = window.swaps ?? [];
  // Only Chinese characters have readings; the pinyin dictionary is not loaded for a Latin swap.
  for (let k = 0; k < swaps.length; k += 2) if (isHan(swaps[k]!) && isHan(swaps[k + 1]!) && homophones(swaps[k]!, swaps[k + 1]!)) soundAlike++;
  return 2 * window.errors - soundAlike;
}

/** Whether `pattern` is worth a fuzzy search at all. */
export function fuzzyEligible(pattern: string): boolean {
  const length = Array.from(pattern).length;
  return length >= MIN_FUZZY_LENGTH && pattern.length <= MAX_FUZZY_LENGTH;
}

/**
 * How many of the pattern's distinct bigrams a paragraph must hold to be within `errors` edits: an edit
 * breaks at most two of the pattern's m − 1 bigrams (the q-gram lemma), so a window within k edits
 * keeps m − 1 − 2k of them, and at least that many minus the repeats are distinct. Never less than one:
 * a window keeps a run of two characters (align.ts asks for three matched).
 */
function bigramsNeeded(pattern: string, distinct: number, errors: number): number {
  // An edit to a character outside the BMP breaks three code-unit bigrams; keep the plain bound there.
  if (/[\ud800-\udfff]/.test(pattern)) return 1;
  const positions = pattern.length - 1;
  return Math.max(1, positions - 2 * errors - (positions - distinct));
}

/**
 * Paragraphs that could hold `pattern` within k edits: each of them contains at least (distinct
 * characters − k) of the pattern's characters (counted through the postings) and enough of its bigrams
 * literally (see bigramsNeeded). At most MAX_CANDIDATES, those holding most of its characters first.
 */
function* candidates(corpus: Corpus, postings: Postings, pattern: string, within: Int32Array | null): Steps<Int32Array> {
  const errors = allowedErrors(pattern.length);
  const units = new Set<number>();
  for (let i = 0; i < pattern.length; i++) units.add(pattern.charCodeAt(i));
  const need = Math.max(2, units.size - errors);
  const hits = new Uint8Array(corpus.paragraphs.length);
  let allowed: Uint8Array | null = null;
  if (within) {
    allowed = new Uint8Array(corpus.paragraphs.length);
    for (const p of within) allowed[p] = 1;
  }
  const found = new IntList();
  // One list at a time, each decoded into the same array: a common character's list is as long as the text has paragraphs.
  const scratch = new Int32Array(corpus.paragraphs.length);
  for (const unit of units) {
    const list = paragraphsWith(postings, unit, scratch);
    for (let i = 0; i < list.length; i++) {
      if (i % STEP === STEP - 1) yield;
      const p = list[i]!;
      if (allowed && !allowed[p]) continue;
      if (++hits[p]! === need) found.push(p);
    }
  }
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < pattern.length; i++) bigrams.add(pattern.slice(i, i + 2));
  const needed = bigramsNeeded(pattern, bigrams.size, errors);
  const kept = new IntList();
  const byCount = new Int32Array(256);
  const candidates = found.values();
  for (let i = 0; i < candidates.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const p = candidates[i]!;
    const text = folded(corpus, p);
    let present = 0;
    for (const bigram of bigrams) if (text.includes(bigram) && ++present >= needed) break;
    if (present < needed) continue;
    kept.push(p);
    byCount[hits[p]!]!++;
  }
  const pool = kept.values().sort();
  if (pool.length <= MAX_CANDIDATES) return pool;
  // The paragraphs holding most of the pattern's characters, the earlier first among equals.
  let cut = 255;
  for (let taken = byCount[cut]!; taken < MAX_CANDIDATES; taken += byCount[cut]!) cut--;
  let room = MAX_CANDIDATES - pool.filter((p) => hits[p]! > cut).length;
  return pool.filter((p) => hits[p]! > cut || (hits[p] === cut && room-- > 0));
}

/**
 * The fuzzy tier for one folded pattern: align.ts finds each candidate's windows within the allowed
 * edits (and vetoes absurd ones), fuse.js confirms the best window of each. fuse.js is given the
 * window rather than the whole paragraph: its verdict is the same (the paragraph is within k edits
 * wherever that window is), at a fraction of the cost on long paragraphs. Penalty = fewest errors.
 */
export function* findFuzzy(corpus: Corpus, postings: Postings, pattern: string, within: Int32Array | null, into: TermHits): Steps<void> {
  if (!fuzzyEligible(pattern)) return;
  const pool = yield* candidates(corpus, postings, pattern, within);
  const maxErrors = allowedErrors(pattern.length);
  const options = fuseOptions(pattern.length);
  const source = into.addSource({ kind: 'fuzzy' });
  for (let from = 0; from < pool.length; from += CHUNK) {
    yield;
    const found: { p: number; windows: Window[] }[] = [];
    const best: string[] = [];
    for (const p of pool.subarray(from, from + CHUNK)) {
      const text = folded(corpus, p);
      const windows = nearMisses(text, pattern, maxErrors);
      if (windows.length === 0) continue;
      const window = windows.reduce((a, b) => (b.errors < a.errors ? b : a));
      found.push({ p, windows });
      best.push(text.slice(window.start, window.end));
    }
    if (found.length === 0) continue;
    for (const { refIndex } of new Fuse(best, options).search(pattern)) {
      const { p, windows } = found[refIndex]!;
      // A fold, not Math.min(...): a long paragraph has more near misses than a call takes arguments.
      const penalty = windows.reduce((least, window) => Math.min(least, looseness(window)), Infinity);
      if (into.offer(p, 2, penalty, windows.length, windows[0]!.start, source)) into.ranges.set(p, windows.map((window) => [window.start, window.end]));
    }
  }
}
