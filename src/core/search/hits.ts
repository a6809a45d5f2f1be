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
}

/**
 * What matched, kept so that ranges are found only for the hits that are shown: a literal needle,
 * a phrase across punctuation (a pattern, see across.ts), a pinyin term (`initials` when only initials matched and word boundaries are still to be checked:
 * the hit's count and position then over-promise, so its score is a lower bound, see `best` in
 * rank.ts), or near misses whose ranges are stored with the hit.
 */
export type Source = { kind: 'exact'; needle: string } | { kind: 'across'; pattern: string } | { kind: 'pinyin' | 'initials'; term: PinyinTerm } | { kind: 'fuzzy' };

const TIERS: readonly Tier[] = ['exact', 'pinyin', 'fuzzy'];
const TIER_RANK: Record<Tier, number> = { exact: 0, pinyin: 1, fuzzy: 2 };

/** 0 for exact, 1 for pinyin, 2 for fuzzy. */
export const tierRank = (tier: Tier): number => TIER_RANK[tier];

/** The tier of rank `rank`. */
export const tierOf = (rank: number): Tier => TIERS[rank]!;

const NONE = 255;

/**
 * One term's hits, by paragraph, in flat typed arrays (a common term hits tens of thousands of
 * paragraphs on every keystroke; objects and maps for each would cost more than finding them).
 * Reused from search to search (see pool.ts).
 */
export class TermHits {
  /** Tier rank of paragraph p's hit, or 255 for none. */
  readonly tier: Uint8Array;
  readonly penalty: Uint8Array;
  /** Occurrences, up to 255: a score counts ten at most, whatever the terms (see rank.ts). */
  readonly count: Uint8Array;
  /**
   * Two bytes a paragraph when no paragraph is longer than 65,535 units (`longest`, the engine's bound:
   * its longest block of folded text), four otherwise: on a million short lines, 2 MB of a search's peak.
   */
  readonly first: Int32Array | Uint16Array;
  /** Index into `sources`. */
  readonly source: Uint8Array;
  readonly sources: Source[] = [];
  /** The windows of fuzzy hits. */
  readonly ranges = new Map<number, Range[]>();
  /** Paragraphs with a hit. No list of them is kept: on a million hits it was 4 to 8 bytes more each. */
  private hits = 0;

  /** The typed arrays' most size for each paragraph of the text. */
  static readonly BYTES_PER_PARAGRAPH = 8;

  constructor(paragraphs: number, longest = Infinity) {
    this.tier = new Uint8Array(paragraphs).fill(NONE);
    this.penalty = new Uint8Array(paragraphs);
    this.count = new Uint8Array(paragraphs);
    this.first = longest <= 0xffff ? new Uint16Array(paragraphs) : new Int32Array(paragraphs);
    this.source = new Uint8Array(paragraphs);
  }

  get size(): number {
    return this.hits;
  }

  /** Registers what later offers matched; returns its index for `offer`. */
  addSource(source: Source): number {
    this.sources.push(source);
    return this.sources.length - 1;
  }

  /**
   * Records a hit for paragraph `p` unless it already has a better one (a lower tier, then a lower
   * penalty); returns whether it did.
   */
  offer(p: number, tier: number, penalty: number, count: number, first: number, source: number): boolean {
    const old = this.tier[p]!;
    if (old === NONE) this.hits++;
    else if (!(tier < old || (tier === old && penalty < this.penalty[p]!))) return false;
    this.tier[p] = tier;
    this.penalty[p] = Math.min(penalty, 255);
    this.count[p] = Math.min(count, 255);
    this.first[p] = first;
    this.source[p] = source;
    return true;
  }

  /** Paragraph `p`'s hit (it must have one). */
  hit(p: number): TermHit {
    return { tier: tierOf(this.tier[p]!), penalty: this.penalty[p]!, count: this.count[p]!, first: this.first[p]! };
  }

  sourceOf(p: number): Source {
    return this.sources[this.source[p]!]!;
  }

  /** Whether paragraph `p`'s hit still has word boundaries to check. */
  pending(p: number): boolean {
    return this.sourceOf(p).kind === 'initials';
  }

  /**
   * The paragraph with a hit at or after `from`, or -1: the hits ascending, one at a time, read from
   * the tiers (a pass over a byte a paragraph: ~0.1 ms for a long novel's 150,000).
   */
  nextHit(from: number): number {
    const { tier } = this;
    for (let p = from; p < tier.length; p++) if (tier[p] !== NONE) return p;
    return -1;
  }

  /** The paragraphs with a hit, ascending. */
  sorted(): Int32Array {
    const out = new Int32Array(this.hits);
    let k = 0;
    for (let p = this.nextHit(0); p >= 0; p = this.nextHit(p + 1)) out[k++] = p;
    return out;
  }

  /** Forgets every hit for the next search. */
  clear(): void {
    if (this.hits > 0) this.tier.fill(NONE);
    this.hits = 0;
    this.sources.length = 0;
    this.ranges.clear();
  }
}
