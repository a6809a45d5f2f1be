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
 * order breaks exact ties. A query with spaces has up to three readings, and each paragraph keeps its
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
import type { Tier } from './types.js';

/** A paragraph that every term of one reading of the query matched. */
export interface ParagraphMatch {
  paragraph: number;
  tier: Tier;
  split: boolean;
  penalty: number;
  count: number;
  first: number;
  /** The hits of every term, for the ranges. */
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

/** The score described above; lower is better. */
export function score(match: ParagraphMatch): number {
  return (
    tierRank(match.tier) +
    (match.split ? 0.5 : 0) +
    0.1 * Math.min(match.penalty, 4) +
    0.01 * (10 - Math.min(match.count, 10)) +
    (0.009 * match.first) / (match.first + 100)
  );
}

export interface Scored {
  match: ParagraphMatch;
  score: number;
}

const before = (a: Scored, b: Scored): boolean => a.score < b.score || (a.score === b.score && a.match.paragraph < b.match.paragraph);

/**
 * The best `limit` entries in order, one per paragraph (a paragraph may come with one entry per reading
 * of the query). `settle` finishes an entry whose score is only a lower bound: it returns the entry
 * itself when it is final, a final entry with the true (never better) score, or null when the entry does
 * not hold after all. Entries come off a heap best first and are settled only when they reach the top,
 * so a screenful of results settles about a screenful of entries however many paragraphs matched.
 */
export function best(entries: Scored[], limit: number, settle: (entry: Scored) => Scored | null = (entry) => entry): Scored[] {
  const heap = [...entries];
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  const chosen: Scored[] = [];
  const taken = new Set<number>();
  while (chosen.length < limit && heap.length > 0) {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      siftDown(heap, 0);
    }
    if (taken.has(top.match.paragraph)) continue;
    const settled = settle(top);
    if (settled === null) continue;
    if (settled !== top) {
      heap.push(settled);
      siftUp(heap, heap.length - 1);
      continue;
    }
    chosen.push(top);
    taken.add(top.match.paragraph);
  }
  return chosen;
}

// A min-heap on `before`: the root is the best entry left.
function siftUp(heap: Scored[], i: number): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function siftDown(heap: Scored[], i: number): void {
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let top = i;
    if (left < heap.length && before(heap[left]!, heap[top]!)) top = left;
    if (right < heap.length && before(heap[right]!, heap[top]!)) top = right;
    if (top === i) return;
    [heap[top], heap[i]] = [heap[i]!, heap[top]!];
    i = top;
  }
}
