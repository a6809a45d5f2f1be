import Fuse, { type IFuseOptions } from 'fuse.js';
import { nearMisses } from './align.js';
import type { Corpus } from './corpus.js';
import { offerHit, type TermHits } from './hits.js';
import { paragraphsWith, type Postings } from './postings.js';

/** Shorter terms are not fuzzy-matched: one edit in two characters leaves a single character. */
export const MIN_FUZZY_LENGTH = 3;
/** fuse.js's bitap works on at most 32 code units at a time; longer terms are matched exactly only. */
export const MAX_FUZZY_LENGTH = 32;
/** Paragraphs handed to fuse.js per term at most, those holding most of the term's characters first. */
export const MAX_CANDIDATES = 2000;
/** Candidates scored between two yields. */
const CHUNK = 256;

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

/** Whether `pattern` is worth a fuzzy search at all. */
export function fuzzyEligible(pattern: string): boolean {
  const length = Array.from(pattern).length;
  return length >= MIN_FUZZY_LENGTH && pattern.length <= MAX_FUZZY_LENGTH;
}

/**
 * Paragraphs that could hold `pattern` within k edits: each of them contains at least (distinct
 * characters − k) of the pattern's characters (counted through the postings) and one of its bigrams
 * literally (a window that keeps a run of two characters has one).
 */
function candidates(corpus: Corpus, postings: Postings, pattern: string, within: readonly number[] | null): number[] {
  const units = new Set<number>();
  for (let i = 0; i < pattern.length; i++) units.add(pattern.charCodeAt(i));
  const need = Math.max(2, units.size - allowedErrors(pattern.length));
  const hits = new Uint8Array(corpus.paragraphs.length);
  let allowed: Uint8Array | null = null;
  if (within) {
    allowed = new Uint8Array(corpus.paragraphs.length);
    for (const p of within) allowed[p] = 1;
  }
  const found: number[] = [];
  for (const unit of units) {
    for (const p of paragraphsWith(postings, unit)) {
      if (allowed && !allowed[p]) continue;
      if (++hits[p]! === need) found.push(p);
    }
  }
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < pattern.length; i++) bigrams.push(pattern.slice(i, i + 2));
  const kept = found.filter((p) => bigrams.some((bigram) => corpus.folded[p]!.text.includes(bigram)));
  if (kept.length <= MAX_CANDIDATES) return kept.sort((a, b) => a - b);
  return kept
    .sort((a, b) => hits[b]! - hits[a]! || a - b)
    .slice(0, MAX_CANDIDATES)
    .sort((a, b) => a - b);
}

/**
 * The fuzzy tier for one folded pattern: fuse.js decides which candidates are within the allowed edits,
 * align.ts finds the windows and vetoes absurd ones. Penalty = fewest errors in the paragraph.
 */
export function* findFuzzy(corpus: Corpus, postings: Postings, pattern: string, within: readonly number[] | null, into: TermHits): Generator<void, void> {
  if (!fuzzyEligible(pattern)) return;
  const pool = candidates(corpus, postings, pattern, within);
  const maxErrors = allowedErrors(pattern.length);
  const options = fuseOptions(pattern.length);
  for (let from = 0; from < pool.length; from += CHUNK) {
    if (from > 0) yield;
    const chunk = pool.slice(from, from + CHUNK);
    const fuse = new Fuse(
      chunk.map((p) => corpus.folded[p]!.text),
      options,
    );
    for (const result of fuse.search(pattern)) {
      const p = chunk[result.refIndex]!;
      const windows = nearMisses(corpus.folded[p]!.text, pattern, maxErrors);
      if (windows.length === 0) continue;
      offerHit(into, p, {
        tier: 'fuzzy',
        penalty: Math.min(...windows.map((window) => window.errors)),
        count: windows.length,
        first: windows[0]!.start,
        ranges: windows.map((window) => [window.start, window.end]),
      });
    }
  }
}
