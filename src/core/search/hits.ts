import type { PinyinTerm } from './pinyin.js';
import type { Range, Tier } from './types.js';

/** How one query term matched one paragraph. Positions are in the paragraph's folded text. */
export interface TermHit {
  tier: Tier;
  /** Within-tier looseness: see rank.ts. */
  penalty: number;
  count: number;
  /** Where the first occurrence starts. */
  first: number;
  /** Exact and pinyin hits keep what matched and find their ranges only if the hit is shown. */
  needle?: string;
  pinyin?: PinyinTerm;
  ranges?: Range[];
  /**
   * Initials found by a whole-document scan and not yet checked against word boundaries; `count` and
   * `first` then over-promise, so the score is a lower bound (see `best` in rank.ts).
   */
  pending?: boolean;
}

/** A term's hits by paragraph index. */
export type TermHits = Map<number, TermHit>;

const TIER_RANK: Record<Tier, number> = { exact: 0, pinyin: 1, fuzzy: 2 };

/** 0 for exact, 1 for pinyin, 2 for fuzzy. */
export const tierRank = (tier: Tier): number => TIER_RANK[tier];

/** Records `hit` for paragraph `p` unless the paragraph already has a better one. */
export function offerHit(hits: TermHits, p: number, hit: TermHit): void {
  const old = hits.get(p);
  if (!old || tierRank(hit.tier) < tierRank(old.tier) || (hit.tier === old.tier && hit.penalty < old.penalty)) hits.set(p, hit);
}
