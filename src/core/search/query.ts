import { queryTerms } from './normalise.js';
import { foldScript } from './script.js';
import { pinyinTerm, SYLLABLES, type PinyinTerm } from './pinyin.js';

/** One term of one reading of a query, and which tiers may match it. */
export interface Term {
  /** Folded (script too), matched literally; empty for a pinyin-only term. */
  text: string;
  /** As typed, folded but for the script: what the traditional converters read (積體電路 → 集成电路). */
  raw: string;
  pinyin: PinyinTerm | null;
  /** Whether near misses of `text` count when nothing matches literally or by pinyin. */
  fuzzy: boolean;
}

/** One way to read a query: all its terms must match. */
export interface Reading {
  terms: Term[];
  /** Spaces were read as term separators although a one-piece reading exists (ranked lower). */
  split: boolean;
}

/**
 * The readings of a query (see rank.ts): a query without spaces has one; a query with spaces is also
 * read as one literal phrase and, when every term is ASCII letters, as one pinyin run. Terms are ordered
 * longest first because the first term is searched in the whole document and the rest only inside its
 * hits, and long terms have fewer.
 */
export function readQuery(query: string): Reading[] {
  const words = queryTerms(query);
  if (words.length === 0) return [];
  const apart: Term[] = words.map((word) => ({ text: foldScript(word), raw: word, pinyin: pinyinTerm([word]), fuzzy: true }));
  apart.sort((a, b) => b.text.length - a.text.length);
  if (words.length === 1) {
    const pieces = pinyinAndNumbers(words[0]!);
    return pieces ? [{ terms: apart, split: false }, { terms: readQuery(pieces.join(' ')).at(-1)!.terms, split: true }] : [{ terms: apart, split: false }];
  }
  const phrase = words.join(' ');
  const readings: Reading[] = [{ terms: [{ text: foldScript(phrase), raw: phrase, pinyin: null, fuzzy: false }], split: false }];
  const run = pinyinTerm(words);
  if (run) readings.push({ terms: [{ text: '', raw: '', pinyin: run, fuzzy: false }], split: false });
  readings.push({ terms: apart, split: true });
  return readings;
}

/**
 * Pinyin typed straight into numbers, as a pinyin keyboard leaves it (`fengqi31`, `di31zhang` for
 * 风起31, 第31章): its pieces, read as if typed apart, when every run of letters is pinyin of two letters
 * or more; otherwise undefined (`5G`, `iPhone12`, `MP3` are matched only as written).
 */
function pinyinAndNumbers(word: string): string[] | undefined {
  const pieces = word.match(/[a-z]+|\d+/giu);
  if (!pieces || pieces.join('') !== word || pieces.length < 2) return undefined;
  const letters = pieces.filter((piece) => !/^\d/u.test(piece));
  return letters.length > 0 && letters.every((piece) => piece.length >= 2 && SYLLABLES.test(piece)) ? pieces : undefined;
}

