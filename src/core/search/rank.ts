/*
 * Ranking: tiers first, then how well and how often, then how early; headings before paragraphs.
 *
 * What is searched: every paragraph, and the headings a reader sees (the title, chapter and section
 * headings, the 原标题 line; corpus.ts), each folded the same way as the query (normalise.ts): case,
 * full width, compatibility forms, and script: traditional characters read as simplified ones,
 * character by character (script.ts), so 見賢思齊 and 见贤思齐 are one text. The query is cleaned as the
 * text was (bidi controls and invisible characters removed, sanitize.ts) before it is folded.
 *
 * A query is split into terms on spaces (ASCII or the IME's full-width 　); a paragraph is a hit when
 * every term matches it somewhere, in any order. Each term matches a paragraph through the best of
 * three tiers, each tried only when the ones before it found nothing for the term:
 *
 *   exact   the folded term occurs literally; also its other readings: a traditional term through
 *           opencc-js's phrase converters (積體電路 → 集成电路), and the characters the script fold
 *           leaves alone swapped (干燥 ↔ 乾燥, 看着 ↔ 看著) (penalty 1 for these); failing that, a
 *           term of 3–64 characters with no punctuation of its own across up to four spaces or marks
 *           between any two of its characters, inside one paragraph (满纸荒唐言一把辛酸泪 →
 *           满纸荒唐言，一把辛酸泪; penalty 1; across.ts);
 *   pinyin  an ASCII-letter term matches the paragraph's reading on syllable boundaries: whole
 *           syllables (jichengdianlu), the last one only begun (jichengd), or initials (jcdl);
 *   fuzzy   a term of 3 to 32 characters within one edit (two from 8 characters on) of a window that
 *           does not run across punctuation the term lacks (集成电略 → 集成电路, 集电路 → 集成电路);
 *           and a term of three Chinese characters with one wrong (typo.ts): the corrections that
 *           sound the same (王熙风 → 王熙凤, penalty 1) or that recur in the text (林黛王 → 林黛玉,
 *           penalty 2). Two-character terms are never corrected, and a term with no near match that
 *           recurs finds nothing (特斯拉 near a single 特斯技).
 *
 * A hit's tier is the weakest tier any of its terms needed, and its score (lower is better) is
 *
 *     score = tier                              exact 0, pinyin 1, fuzzy 2
 *           + 0.5   × split                     1 when spaces were read as separate terms although
 *                                               the query also has a one-piece reading (see below)
 *           + 0.1   × min(penalty, 4)           summed over terms: exact 0, 1 for another reading or
 *                                               across punctuation; pinyin 0 whole syllables, 1 last
 *                                               syllable begun, 2 initials; fuzzy = 2 per edit,
 *                                               1 less per character swapped for one that sounds
 *                                               the same (fuzzy.ts), and typo.ts's corrections alike:
 *                                               1 for a homophone, 2 for another
 *           + 0.01  × (10 − min(count, 10))     count = occurrences of all terms in the paragraph
 *           + 0.009 × first / (first + 100)     first = where the earliest occurrence starts
 *
 * Each part is smaller than the smallest step of the part above it (0.5 + 0.4 + 0.09 + 0.009 < 1,
 * 0.09 + 0.009 < 0.1, 0.009 < 0.01), so the order is lexicographic: tier, then one-piece before split,
 * then looseness, then more occurrences (counted up to 10), then earlier position; the document's own
 * order breaks exact ties. A heading's part below its tier is divided by 1000 (`headingScore`), and
 * headings come first in that order: a heading is listed before every paragraph of its tier, so a
 * chapter titled with the words sits above the paragraphs that use them. A common term hits tens of
 * thousands of paragraphs (a million, one a line, in a text of one-character lines), so they are kept
 * as numbers (Candidates) and taken off a heap one at a time (Ranking): only the hits read become
 * objects, and a caller writing every hit holds one at a time. A query with spaces has up to three readings, and each paragraph keeps its best: the whole
 * query as one literal phrase (`SK 海力士` when the text has that space; also across punctuation), all
 * terms as one pinyin run (`jicheng dianlu` = jichengdianlu with a syllable break at the space), and the
 * terms apart (split = 1 when one of the other readings exists).
 *
 * Worked examples on the interview:
 *
 *   集成电路 on s2p5 "…国家集成电路产业大基金…支持在渝集成电路企业发展" (occurrences at 65 and 97) and
 *   s2p2 "当前,我市集成电路产业快速起步…" (one, at 5):
 *     s2p5 = 0 + 0 + 0 + 0.01×8 + 0.009×65/165 = 0.0835
 *     s2p2 = 0 + 0 + 0 + 0.01×9 + 0.009×5/105  = 0.0904    → s2p5 first: two occurrences beat one.
 *   集成电略 (a typo) matches nothing literally, so the fuzzy tier runs and finds the same windows with
 *     one edit each, 略 (lüe) for 路 (lu), which do not sound alike: s2p5 = 2 + 0 + 0.1×2 + 0.08 + 0.0035
 *     = 2.2835, below every exact hit. 集成电录 (lu) would be 2.1835: an input method's wrong pick.
 *   cq on s0p1 "重庆日报消息,…" (重庆 at 0 and 91) as initials: 1 + 0.1×2 + 0.01×8 + 0 = 1.28;
 *     chongqing there is whole syllables: 1 + 0 + 0.08 + 0 = 1.08, so typing the reading out ranks it up.
 *   jicheng dianlu: the one-piece reading matches s2p5 like jichengdianlu (1.0835); a paragraph with
 *     集成 and 电路 apart matches only the split reading, at 1.5 or more.
 *   数字化车间 is in the heading of section 1 "累计建成数字化车间和智能工厂28家" (once, at 4) and in s1p4:
 *     the heading 0 + (0.09 + 0.009×4/104)/1000 = 0.00009, s1p4 0.0932 → the heading, then the paragraph.
 *   高质量发展我市 is not in the text as typed; across the comma it is in s1p1 "推动电子信息产业高质量
 *     发展,我市采取了哪些措施?" (once, at 8): 0 + 0.1×1 + 0.09 + 0.009×8/108 = 0.1907.
 *   英业打 matches nothing, literally or across marks; 英业达 is one character off and sounds the same
 *     (da), so s3p4 "…英业达…" (once, at 51) is a fuzzy hit with penalty 1: 2 + 0.1 + 0.09 + 0.003 = 2.193. 对话框 has no such
 *     correction (对话 is followed by 市 once, 市 ≠ 框 in sound) and finds nothing.
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

/** A candidate's flag bit: its score is a lower bound still to be settled. */
const PENDING = 0x80;
/** Readings of one query a candidate can name (the rest of its byte is {@link PENDING}). */
const MAX_READINGS = 0x80;

/**
 * Scored candidates in flat arrays, 13 bytes each: a paragraph, the reading of the query that matched
 * it, and a score that is final, or only a lower bound when the candidate is pending (see `best`). A
 * million hits of a one-character query are a million candidates.
 */
export class Candidates {
  size = 0;
  score = new Float64Array(1024);
  paragraph = new Int32Array(1024);
  /** The reading's index, and {@link PENDING}. */
  flags = new Uint8Array(1024);
  /** The highest paragraph added, or -1. */
  maxParagraph = -1;

  clear(): void {
    this.size = 0;
    this.maxParagraph = -1;
  }

  /** Makes room for `count` more at once: a million candidates grown by doubling left copies behind. */
  reserve(count: number): void {
    if (this.size + count > this.score.length) this.grow(this.size + count);
  }

  add(score: number, paragraph: number, reading: number, pending: boolean): void {
    if (reading >= MAX_READINGS) throw new RangeError(`a query has at most ${MAX_READINGS} readings`);
    if (this.size === this.score.length) this.grow(this.score.length * 2);
    const i = this.size++;
    this.score[i] = score;
    this.paragraph[i] = paragraph;
    this.flags[i] = reading | (pending ? PENDING : 0);
    if (paragraph > this.maxParagraph) this.maxParagraph = paragraph;
  }

  /** The reading of candidate `i`. */
  readingOf(i: number): number {
    return this.flags[i]! & ~PENDING;
  }

  private grow(size: number): void {
    const score = new Float64Array(size);
    const paragraph = new Int32Array(size);
    const flags = new Uint8Array(size);
    score.set(this.score);
    paragraph.set(this.paragraph);
    flags.set(this.flags);
    Object.assign(this, { score, paragraph, flags });
  }
}

/**
 * The best `capacity` of the candidates offered, for an answer of a few hits: the rest are never kept.
 * A max-heap, its worst candidate on top, replaced by any better one. Only for candidates whose score
 * is final: a pending one may yet fall or fail, and goes to {@link Candidates} whole.
 *
 * A limit of `n` hits over `r` readings keeps `n × r`: a paragraph has at most one candidate a reading,
 * so they hold at least `n` paragraphs, and a candidate worse than all of them is never among the `n`
 * best paragraphs. The reader asks for a thousand hits; `字` in a million lines kept a million
 * candidates, 13 MB, to show them.
 */
export class BestOf {
  size = 0;
  private readonly score: Float64Array;
  private readonly paragraph: Int32Array;
  private readonly flags: Uint8Array;

  constructor(readonly capacity: number) {
    this.score = new Float64Array(capacity);
    this.paragraph = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  offer(score: number, paragraph: number, reading: number): void {
    if (this.capacity === 0) return;
    if (this.size < this.capacity) {
      this.siftUp(this.size++, score, paragraph, reading);
      return;
    }
    if (score > this.score[0]! || (score === this.score[0] && paragraph >= this.paragraph[0]!)) return;
    this.siftDown(score, paragraph, reading);
  }

  /** Adds those kept to `candidates`. */
  into(candidates: Candidates): void {
    candidates.reserve(this.size);
    for (let i = 0; i < this.size; i++) candidates.add(this.score[i]!, this.paragraph[i]!, this.flags[i]!, false);
  }

  private worse(i: number, score: number, paragraph: number): boolean {
    return this.score[i]! > score || (this.score[i] === score && this.paragraph[i]! > paragraph);
  }

  private put(i: number, score: number, paragraph: number, reading: number): void {
    this.score[i] = score;
    this.paragraph[i] = paragraph;
    this.flags[i] = reading;
  }

  private move(to: number, from: number): void {
    this.put(to, this.score[from]!, this.paragraph[from]!, this.flags[from]!);
  }

  private siftUp(at: number, score: number, paragraph: number, reading: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.worse(parent, score, paragraph)) break;
      this.move(at, parent);
      at = parent;
    }
    this.put(at, score, paragraph, reading);
  }

  /** Puts the entry in the top's place and moves it down below the worse ones. */
  private siftDown(score: number, paragraph: number, reading: number): void {
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.worse(right, this.score[left]!, this.paragraph[left]!) ? right : left;
      if (!this.worse(child, score, paragraph)) break;
      this.move(at, child);
      at = child;
    }
    this.put(at, score, paragraph, reading);
  }
}

/** Heap entries sifted between two yields while the heap is built. */
const HEAPIFY_STEP = 4096;
/** Entries settled between two yields (settling may segment a paragraph into words). */
const SETTLE_STEP = 16;
/** Entries taken off the heap between two yields (all hits of a common term, when there is no limit). */
const POP_STEP = 2048;

/**
 * The candidates in order (by score, then paragraph), one per paragraph (a paragraph may come with one
 * candidate per reading of the query), taken one at a time: a million hits are ranked without a list
 * or an object for each. The candidates' arrays are the heap itself, their entries moved as it is
 * built and taken from (an array of indices beside them was 4 bytes more a hit); `settle(i)` finishes
 * the pending candidate at index `i`, whose score is only a lower bound: it returns the true (never
 * better) score, or null when the candidate does not hold after all.
 * Candidates come off the heap best first and are settled only when they reach the top, so a screenful of
 * results settles about a screenful of candidates however many paragraphs matched. When few of them
 * hold (`jcd` while typing `jcdl`: the initials of 集成电 in thousands of paragraphs, none ending on a
 * word), at most `budget` are settled and the rest dropped. The candidates are the ranking's until it
 * is done with them.
 */
export class Ranking {
  private size: number;
  /** Paragraphs already taken, a bit each. */
  private readonly taken: Uint8Array;
  private settled = 0;
  private popped = 0;
  /** The reading and the score of the candidate `next` took last. */
  reading = 0;
  score = 0;

  constructor(
    private readonly candidates: Candidates,
    private readonly settle: (i: number) => number | null,
    private readonly budget = Infinity,
  ) {
    this.size = candidates.size;
    this.taken = new Uint8Array((candidates.maxParagraph >> 3) + 1);
  }

  /** Builds the heap; before the first `next`. */
  *heapify(): Steps<void> {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) {
      this.siftDown(i);
      if (i % HEAPIFY_STEP === 0) yield;
    }
  }

  /** The paragraph of the next best candidate that holds (its reading and score then in `reading` and `score`), or -1 when there is none left. */
  *next(): Steps<number> {
    const { paragraph, flags, score } = this.candidates;
    const { taken } = this;
    while (this.size > 0) {
      if (++this.popped % POP_STEP === 0) yield;
      const p = paragraph[0]!;
      if (taken[p >> 3]! & (1 << (p & 7))) {
        this.drop();
        continue;
      }
      if (flags[0]! & PENDING) {
        if (++this.settled % SETTLE_STEP === 0) yield;
        const value = this.settled <= this.budget ? this.settle(0) : null;
        flags[0] = flags[0]! & ~PENDING;
        if (value === null) this.drop();
        else {
          score[0] = value;
          this.siftDown(0);
        }
        continue;
      }
      taken[p >> 3] = taken[p >> 3]! | (1 << (p & 7));
      this.reading = flags[0]! & ~PENDING;
      this.score = score[0]!;
      this.drop();
      return p;
    }
    return -1;
  }

  /** Takes the top off the heap: the last entry in its place, sifted down. */
  private drop(): void {
    const { score, paragraph, flags } = this.candidates;
    const last = --this.size;
    score[0] = score[last]!;
    paragraph[0] = paragraph[last]!;
    flags[0] = flags[last]!;
    this.siftDown(0);
  }

  /** Moves the entry at `at` down to its place, its children up. */
  private siftDown(at: number): void {
    const { score, paragraph, flags } = this.candidates;
    const size = this.size;
    const entryScore = score[at]!;
    const entryParagraph = paragraph[at]!;
    const entryFlags = flags[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child =
        right < size && (score[right]! < score[left]! || (score[right] === score[left] && paragraph[right]! < paragraph[left]!)) ? right : left;
      if (!(score[child]! < entryScore || (score[child] === entryScore && paragraph[child]! < entryParagraph))) break;
      score[at] = score[child]!;
      paragraph[at] = paragraph[child]!;
      flags[at] = flags[child]!;
      at = child;
    }
    score[at] = entryScore;
    paragraph[at] = entryParagraph;
    flags[at] = entryFlags;
  }
}

/** The paragraphs of the best `limit` candidates in order (see Ranking). */
export function* best(candidates: Candidates, limit: number, settle: (i: number) => number | null, budget = Infinity): Steps<number[]> {
  const ranking = new Ranking(candidates, settle, budget);
  yield* ranking.heapify();
  const chosen: number[] = [];
  while (chosen.length < limit) {
    const p = yield* ranking.next();
    if (p < 0) break;
    chosen.push(p);
  }
  return chosen;
}
