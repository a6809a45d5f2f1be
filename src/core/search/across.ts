/*
 * Phrases typed without the text's punctuation.
 *
 * Readers rarely type the commas of what they remember: `满纸荒唐言一把辛酸泪` is meant to find
 * 满纸荒唐言，一把辛酸泪, and `红楼梦 第一回` (a phrase reading of a query with a space) 红楼梦·第一回.
 * When a term made only of word characters (no punctuation of its own: those the user typed are
 * literal, see align.ts) finds nothing literally, it is looked for with up to MAX_GAP spaces and
 * punctuation marks allowed between any two of its characters, inside one paragraph (the separator
 * between paragraphs is never skipped). The highlight covers the text as written, commas included.
 *
 * Only terms of three characters or more: two characters across a comma (北，京) are two words; and
 * at most 64 (a pasted paragraph is matched literally).
 * Ranked as an exact match with penalty 1, as a simplified reading is (see rank.ts).
 *
 *   满纸荒唐言一把辛酸泪   on "…满纸荒唐言，一把辛酸泪！…"   → the ten characters and the comma between them
 *   高质量发展我市         on "…推动高质量发展？我市…"        → across the question mark
 *   '智能工厂              (punctuation typed)                 → not tried: the quote must match as typed
 */
import { folded, pieceAt, type Corpus } from './corpus.js';
import type { TermHits } from './hits.js';
import type { Steps } from './steps.js';
import type { Range } from './types.js';

/** Most spaces and marks skipped between two characters (`”，“` is three). */
const MAX_GAP = 4;
const MIN_CHARACTERS = 3;
/** A longer term (a pasted paragraph) is matched literally only: its pattern would be unwieldy. */
const MAX_CHARACTERS = 64;
/** Matches handled, or candidate paragraphs looked at, between two yields. */
const STEP = 1024;

/**
 * Spaces and punctuation of folded text (full-width ASCII is folded to ASCII by then): ASCII marks,
 * Latin-1 marks, general punctuation (dashes, curly quotes, …), CJK marks and brackets (not 々 or 〇,
 * which are characters), vertical and small forms, and the half-width CJK marks.
 */
const GAP_CLASS = '[\\s!-/:-@\\[-`{-~\\u00a1-\\u00bf\\u2010-\\u2027\\u2030-\\u205e\\u3001-\\u3004\\u3008-\\u3020\\u30fb\\ufe10-\\ufe19\\ufe30-\\ufe6b\\uff61-\\uff65]';
const GAP = new RegExp(GAP_CLASS);

/**
 * The pattern that finds `term` across spaces and punctuation, or null when the term is not one to
 * try (punctuation of its own, or too short once its spaces are gone).
 */
export function acrossPattern(term: string): string | null {
  const chars = Array.from(term).filter((char) => !/\s/.test(char));
  if (chars.length < MIN_CHARACTERS || chars.length > MAX_CHARACTERS || chars.some((char) => GAP.test(char))) return null;
  const escaped = chars.map((char) => char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
  return escaped.join(`${GAP_CLASS}{0,${MAX_GAP}}`);
}

/** The code units a paragraph must hold to match the term across punctuation: all but its spaces. */
export function acrossUnits(term: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < term.length; i++) if (!/\s/.test(term[i]!)) units.push(term.charCodeAt(i));
  return units;
}

/** Every non-overlapping match of an `acrossPattern` in `text`, as ranges. */
export function acrossOccurrences(text: string, pattern: string | RegExp): Range[] {
  const ranges: Range[] = [];
  const regex = typeof pattern === 'string' ? new RegExp(pattern, 'g') : pattern;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) ranges.push([match.index, match.index + match[0].length]);
  return ranges;
}

/**
 * The across tier for one pattern (see above): in every block with one regular-expression scan, or
 * in the paragraphs `within` only.
 */
export function* findAcross(corpus: Corpus, pattern: string, within: Int32Array | null, into: TermHits): Steps<void> {
  const source = into.addSource({ kind: 'across', pattern });
  const regex = new RegExp(pattern, 'g');
  if (within === null) {
    let seen = 0;
    for (const block of corpus.blocks) {
      const { text, starts, first: base } = block;
      let current = -1;
      let count = 0;
      let first = 0;
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match; match = regex.exec(text)) {
        if (++seen % STEP === 0) yield;
        const at = match.index;
        const local = pieceAt(starts, at, Math.max(current, 0));
        if (local !== current) {
          if (count > 0) into.offer(base + current, 0, 1, count, first, source);
          current = local;
          count = 0;
          first = at - starts[local]!;
        }
        count++;
      }
      if (count > 0) into.offer(base + current, 0, 1, count, first, source);
      yield;
    }
    return;
  }
  for (let i = 0; i < within.length; i++) {
    if (i > 0 && i % STEP === 0) yield;
    const p = within[i]!;
    const ranges = acrossOccurrences(folded(corpus, p), regex);
    if (ranges.length > 0) into.offer(p, 0, 1, ranges.length, ranges[0]![0], source);
  }
}
