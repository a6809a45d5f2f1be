/*
 * Ranking: tiers first, then how well and how often, then how early.
 *
 * A query is split into terms on spaces (ASCII or the IME's full-width 　); a paragraph is a hit when
 * every term matches it somewhere, in any order. Each term matches a paragraph through the best of
 * three tiers:
 *
 *   exact   the folded term occurs literally (case and full-width folded; a traditional-character term
 *           also through its simplified readings, 積體電路 → 集成电路);
 *   pinyin  an ASCII-letter term matches the paragraph's reading on syllable boundaries: whole
 *           syllables (jichengdianlu), the last one only begun (jichengd), or initials (jcdl);
 *   fuzzy   a term of 3 to 32 characters is within one edit (two from 8 characters on) of a window that
 *           does not run across punctuation the term lacks (集成电略 → 集成电路). It is tried only when
 *           the exact and pinyin tiers find nothing for the term, so it never buries real matches
 *           under near ones.
 *
 * A hit's tier is the weakest tier any of its terms needed, and its score (lower is better) is
 *
 *     score = tier                              exact 0, pinyin 1, fuzzy 2
 *           + 0.5   × split                     1 when spaces were read as separate terms although
 *                                               the query also has a one-piece reading (see below)
 *           + 0.1   × min(penalty, 4)           summed over terms: exact 0, or 1 when only the
 *                                               simplified reading matched; pinyin 0 whole syllables,
 *                                               1 last syllable begun, 2 initials; fuzzy = edits
 *           + 0.01  × (10 − min(count, 10))     count = occurrences of all terms in the paragraph
 *           + 0.009 × first / (first + 100)     first = where the earliest occurrence starts
 *
 * Each part is smaller than the smallest step of the part above it (0.5 + 0.4 + 0.09 + 0.009 < 1,
 * 0.09 + 0.009 < 0.1, 0.009 < 0.01), so the order is lexicographic: tier, then one-piece before split,
 * then looseness, then more occurrences (counted up to 10), then earlier position; the document's own
 * order breaks exact ties. A common term hits tens of thousands of paragraphs, so they are kept as
 * numbers (Candidates) and only the hits shown become objects. A query with spaces has up to three readings, and each paragraph keeps its
 * best: the whole query as one literal phrase (`SK 海力士` when the text has that space), all terms as
 * one pinyin run (`jicheng dianlu` = jichengdianlu with a syllable break at the space), and the terms
 * apart (split = 1 when one of the other readings exists).
 *
 * Worked examples on the interview:
 *
 *   集成电路 on s2p5 "…国家集成电路产业大基金…支持在渝集成电路企业发展" (occurrences at 65 and 97) and
 *   s2p2 "当前,我市集成电路产业快速起步…" (one, at 5):
 *     s2p5 = 0 + 0 + 0 + 0.01×8 + 0.009×65/165 = 0.0835
 *     s2p2 = 0 + 0 + 0 + 0.01×9 + 0.009×5/105  = 0.0904    → s2p5 first: two occurrences beat one.
 *   集成电略 (a typo) matches nothing literally, so the fuzzy tier runs and finds the same windows with
 *     one edit each: s2p5 = 2 + 0 + 0.1×1 + 0.08 + 0.0035 = 2.1835, below every exact hit.
 *   cq on s0p1 "重庆日报消息,…" (重庆 at 0 and 91) as initials: 1 + 0.1×2 + 0.01×8 + 0 = 1.28;
 *     chongqing there is whole syllables: 1 + 0 + 0.08 + 0 = 1.08, so typing the reading out ranks it up.
 *   jicheng dianlu: the one-piece reading matches s2p5 like jichengdianlu (1.0835); a paragraph with
 *     集成 and 电路 apart matches only the split reading, at 1.5 or more.
 */
import { tierRank, type TermHit } from './hits.js';
import type { Steps } from './steps.js';
import type { Tier } from './types.js';

/** A paragraph that every term of one reading of the query matched. */
export interface ParagraphMatch {
  paragraph: number;
  tier: Tier;
  split: boolean;
  penalty: number;
  count: number;
  first: number;
  /** The hits of every term. */
  parts: TermHit[];
}

/** Combines the terms' hits in one paragraph (the weakest tier wins, penalties and counts add up). */
export function combine(paragraph: number, parts: TermHit[], split: boolean): ParagraphMatch {
  let tier: Tier = 'exact';
  let penalty = 0;
  let count = 0;
  let first = Infinity;
  for (const part of parts) {
    if (tierRank(part.tier) > tierRank(tier)) tier = part.tier;
    penalty += part.penalty;
    count += part.count;
    first = Math.min(first, part.first);
  }
  return { paragraph, tier, split, penalty, count, first: Number.isFinite(first) ? first : 0, parts };
}

/** The score described above from its parts; lower is better. */
export function scoreOf(tier: number, split: boolean, penalty: number, count: number, first: number): number {
  return tier + (split ? 0.5 : 0) + 0.1 * Math.min(penalty, 4) + 0.01 * (10 - Math.min(count, 10)) + (0.009 * first) / (first + 100);
}

/**
 * The score of a heading that matched with `value`: inside the same tier, before every paragraph (its
 * part below the tier shrunk a thousandfold, and headings come first in the corpus, so they win ties).
 */
export function headingScore(value: number): number {
  const tier = Math.floor(value);
  return tier + (value - tier) / 1000;
}

/** The score of a match; lower is better. */
export function score(match: ParagraphMatch): number {
  return scoreOf(tierRank(match.tier), match.split, match.penalty, match.count, match.first);
}

/**
 * Scored candidates in flat arrays: a paragraph, the reading of the query that matched it, and a
 * score that is final, or only a lower bound when the candidate is pending (see `best`).
 */
export class Candidates {
  size = 0;
  score = new Float64Array(1024);
  paragraph = new Int32Array(1024);
  reading = new Uint8Array(1024);
  pending = new Uint8Array(1024);
  /** Room for `best`'s heap. */
  heap = new Int32Array(1024);

  clear(): void {
    this.size = 0;
  }

  add(score: number, paragraph: number, reading: number, pending: boolean): void {
    if (this.size === this.score.length) this.grow();
    const i = this.size++;
    this.score[i] = score;
    this.paragraph[i] = paragraph;
    this.reading[i] = reading;
    this.pending[i] = pending ? 1 : 0;
  }

  private grow(): void {
    const size = this.score.length * 2;
    const score = new Float64Array(size);
    const paragraph = new Int32Array(size);
    const reading = new Uint8Array(size);
    const pending = new Uint8Array(size);
    score.set(this.score);
    paragraph.set(this.paragraph);
    reading.set(this.reading);
    pending.set(this.pending);
    Object.assign(this, { score, paragraph, reading, pending, heap: new Int32Array(size) });
  }
}

/** Heap entries sifted between two yields while the heap is built. */
const HEAPIFY_STEP = 4096;
/** Entries settled between two yields (settling may segment a paragraph into words). */
const SETTLE_STEP = 16;
/** Entries taken off the heap between two yields (all hits of a common term, when there is no limit). */
const POP_STEP = 2048;

/**
 * The indices of the best `limit` candidates in order (by score, then paragraph), one per paragraph (a
 * paragraph may come with one candidate per reading of the query). `settle(i)` finishes a pending
 * candidate, whose score is only a lower bound: it returns the true (never better) score, or null when
 * the candidate does not hold after all. Candidates come off a heap best first and are settled only
 * when they reach the top, so a screenful of results settles about a screenful of candidates however
 * many paragraphs matched. When few of them hold (`jcd` while typing `jcdl`: the initials of 集成电
 * in thousands of paragraphs, none ending on a word), at most `budget` are settled and the rest dropped.
 */
export function* best(candidates: Candidates, limit: number, settle: (i: number) => number | null, budget = Infinity): Steps<number[]> {
  const { score, paragraph, pending } = candidates;
  const before = (a: number, b: number): boolean => score[a]! < score[b]! || (score[a] === score[b] && paragraph[a]! < paragraph[b]!);
  const { heap } = candidates;
  let size = candidates.size;
  for (let i = 0; i < size; i++) heap[i] = i;
  const siftDown = (at: number): void => {
    const entry = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, entry)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = entry;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) {
    siftDown(i);
    if (i % HEAPIFY_STEP === 0) yield;
  }
  const chosen: number[] = [];
  const taken = new Set<number>();
  let settled = 0;
  for (let popped = 1; chosen.length < limit && size > 0; popped++) {
    if (popped % POP_STEP === 0) yield;
    const top = heap[0]!;
    if (taken.has(paragraph[top]!)) {
      heap[0] = heap[--size]!;
      siftDown(0);
      continue;
    }
    if (pending[top]) {
      if (++settled % SETTLE_STEP === 0) yield;
      const value = settled <= budget ? settle(top) : null;
      pending[top] = 0;
      if (value === null) {
        heap[0] = heap[--size]!;
      } else {
        score[top] = value;
      }
      siftDown(0);
      continue;
    }
    chosen.push(top);
    taken.add(paragraph[top]!);
    heap[0] = heap[--size]!;
    siftDown(0);
  }
  return chosen;
}
