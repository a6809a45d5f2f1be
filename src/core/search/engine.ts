import type { Document } from '../document/types.js';
import { reader } from '../document/list-view.js';
import { acrossOccurrences, acrossPattern, acrossUnits, findAcross } from './across.js';
import { buildCorpus, normalised, type Corpus } from './corpus.js';
import { findExact, occurrencesInto } from './exact.js';
import { findFuzzy } from './fuzzy.js';
import { findTypos } from './typo.js';
import { TermHits, tierOf, type TermHit } from './hits.js';
import { normalise, toOriginal } from './normalise.js';
import { PinyinIndex } from './pinyin-index.js';
import { loadWordDictionary } from './pinyin.js';
import { buildPostings, paragraphsWithAll, type Postings } from './postings.js';
import type { BuiltIndex } from './serial.js';
import { readQuery, type Reading, type Term } from './query.js';
import { rangesOf, snapFlat } from './ranges.js';
import { IntList } from './int-list.js';
import { BestOf, Candidates, combine, headingScore, Ranking, score, scoreOf } from './rank.js';
import { Pool } from './pool.js';
import { Shared, type Steps } from './steps.js';
import { buildConverters, convertibleStarts, mayConvert, needsConverters, simplifiedVariants } from './traditional.js';
import type { IndexProgress, Range, SearchHit } from './types.js';
import { ambiguousVariants } from './script.js';

/** Paragraphs scored, or hits built, between two yields. */
const SCORE_STEP = 4096;
const HIT_STEP = 32;

/**
 * Candidates checked against word boundaries per search (see `best`): ICU takes about 10 µs a
 * paragraph, so this bounds a search asking for `limit` hits to a few tens of milliseconds of it.
 */
const settleBudget = (limit: number): number => 2 * limit + 1000;
/** The most candidates an answer of a few hits keeps apart (see BestOf); a larger limit keeps them all. */
const MAX_KEPT = 1 << 16;

/** The answer to one query, and whether it is the whole answer (see `run`). */
export interface Answer {
  hits: SearchHit[];
  complete: boolean;
}

/**
 * A search's hits best first, each made when it is taken: a term found in a million paragraphs is a
 * million candidates in typed arrays, and only the hits read become objects. The search's arrays stay
 * the ranking's until it is closed (taking the last hit closes it).
 */
export interface Ranked {
  /** False when a part of the index the query needs (the pinyin readings) was not built yet. */
  readonly complete: boolean;
  /** The next hit, or undefined after the last. */
  next(): Steps<SearchHit | undefined>;
  /** Passes over the next hit without making it; false after the last. */
  skip(): Steps<boolean>;
  /** Hands the search's arrays back for the next search; no hit is made after it. */
  close(): void;
}

/** Where a hit keeps what its matches are found from, and them once found. */
const LAZY = Symbol('matches');

interface LazyMatches {
  find(): Int32Array;
  offsets: Int32Array | null;
  matches: Range[] | null;
}

/*
 * A hit's `matches` and `matchOffsets` are read through these two getters, the same for every hit.
 * A getter made per hit gave each hit a hidden class of its own, and those live outside the young
 * generation: they kept every hit made alive until a full collection (a million hits written one at
 * a time still took 400 MB).
 */
function offsetsOfHit(this: SearchHit): Int32Array {
  const lazy = (this as unknown as Record<typeof LAZY, LazyMatches>)[LAZY];
  return (lazy.offsets ??= lazy.find());
}

function matchesOfHit(this: SearchHit): Range[] {
  const lazy = (this as unknown as Record<typeof LAZY, LazyMatches>)[LAZY];
  return (lazy.matches ??= rangesOf(offsetsOfHit.call(this)));
}

/** The answer to a query that has nothing to search for. */
const NOTHING: Ranked = {
  complete: true,
  *next() {
    return undefined;
  },
  *skip() {
    return false;
  },
  close() {},
};

/** One reading of the query and each of its terms' hits (none when a term matched nothing). */
interface Matched {
  reading: Reading;
  terms: TermHits[];
}

/**
 * Texts up to this many code units get their pinyin readings when a pinyin term first needs them,
 * instead of from `prepare`: reading them then takes tens of milliseconds at most, and pinyin-pro's
 * dictionaries (about 15 MB) are loaded only for someone who types pinyin. A longer text is read in
 * the background once pinyin is wanted (`prepare` with `pinyin`), as reading it takes seconds.
 */
const READ_ON_DEMAND = 100_000;

/**
 * The traditional-character converters depend on no text: built once for every engine, so a search
 * across fifty texts builds opencc's tries once, not fifty times (seconds of work and garbage).
 */
const CONVERTIBLE = new Shared(convertibleStarts);
const CONVERTERS = new Shared(buildConverters);

/** The paragraphs in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let size = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[size++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, size);
}

/**
 * How many terms' hits are kept for the next search: eight, or fewer on a text of hundreds of
 * thousands of paragraphs, where each takes megabytes (8 bytes a paragraph) for as long as the text
 * is open; at least two, a query's usual need.
 */
function termHitsKept(paragraphs: number): number {
  return Math.max(2, Math.min(8, Math.floor(TERM_HITS_KEPT_BYTES / (TermHits.BYTES_PER_PARAGRAPH * Math.max(1, paragraphs)))));
}

const TERM_HITS_KEPT_BYTES = 16_000_000;

/** The most units of folded text in one block: no paragraph, and no place in one, is longer. */
function longestBlock(corpus: Corpus): number {
  let longest = 0;
  for (const block of corpus.blocks) longest = Math.max(longest, block.text.length);
  return longest;
}

function readsOnDemand(corpus: Corpus): boolean {
  let units = 0;
  for (const block of corpus.blocks) units += block.text.length;
  return units <= READ_ON_DEMAND;
}

/**
 * The search engine over one document. Nothing is built up front: the folded corpus on the first
 * search, the converters on the first term that one of them would change, the character postings on the
 * first fuzzy search, the pinyin readings the first time a pinyin-looking term needs them, or all of
 * them by `prepare`, in steps, whoever needs them first.
 */
export class Engine {
  private readonly built = { folded: 0, total: 0 };
  private readonly corpus: Shared<Corpus>;
  private readonly postings: Shared<Postings>;
  private readonly convertible = CONVERTIBLE;
  private readonly converters = CONVERTERS;
  private pinyinIndex: PinyinIndex | null = null;
  private readonly candidates = new Pool(
    () => new Candidates(),
    (candidates) => candidates.clear(),
  );
  private termHits: Pool<TermHits> | null = null;
  /** Where a hit's matches are gathered (see toHit). */
  private readonly flat = new IntList();

  /** From a document, or from parts built before (a cached index, see serial.ts). */
  constructor(source: Document | BuiltIndex) {
    const prebuilt = 'corpus' in source ? source : undefined;
    this.corpus = prebuilt ? Shared.of(prebuilt.corpus) : new Shared(() => buildCorpus(source as Document, this.built));
    this.postings = prebuilt?.postings ? Shared.of(prebuilt.postings) : new Shared(() => this.buildPostings());
  }

  /** How far the lazy parts are built. */
  progress(): IndexProgress {
    return {
      text: this.corpus.done ? 1 : this.built.total === 0 ? 0 : this.built.folded / this.built.total,
      pinyin: this.pinyinIndex?.progress ?? (this.corpus.done && this.corpus.value!.paragraphs.length === 0 ? 1 : 0),
    };
  }

  private *buildPostings() {
    return yield* buildPostings(yield* this.corpus.get());
  }

  private *pinyin(): Steps<PinyinIndex> {
    const corpus = yield* this.corpus.get();
    return (this.pinyinIndex ??= new PinyinIndex(corpus));
  }

  /**
   * Answers `query` with its best `limit` hits. With `partial`, a pinyin term matches nothing while the
   * pinyin readings are still being built (by `prepare`) instead of building them now; the answer then
   * says it is not complete.
   */
  *run(query: string, limit: number, partial = false): Steps<Answer> {
    if (limit === 0) return { hits: [], complete: true };
    const ranked = yield* this.rank(query, partial, settleBudget(limit), limit);
    try {
      const hits: SearchHit[] = [];
      while (hits.length < limit) {
        if (hits.length % HIT_STEP === HIT_STEP - 1) yield;
        const hit = yield* ranked.next();
        if (!hit) break;
        hits.push(hit);
      }
      return { hits, complete: ranked.complete };
    } finally {
      ranked.close();
    }
  }

  /**
   * Matches `query` and ranks what matched, without making any hit: the answer's hits are made one at a
   * time as they are taken (see Ranked). With `budget`, at most that many candidates are checked
   * against word boundaries (see Ranking).
   */
  *rank(query: string, partial = false, budget = Infinity, limit = Infinity): Steps<Ranked> {
    const readings = readQuery(query);
    if (readings.length === 0) return NOTHING;
    // An answer of a few hits keeps only the candidates that can be among them (see BestOf).
    const kept = limit * readings.length <= MAX_KEPT ? new BestOf(limit * readings.length) : undefined;
    const corpus = yield* this.corpus.get();
    const pool = (this.termHits ??= new Pool(
      () => new TermHits(corpus.paragraphs.length, longestBlock(corpus)),
      (hits) => hits.clear(),
      termHitsKept(corpus.paragraphs.length),
    ));
    const used: TermHits[] = [];
    const acquire = (): TermHits => {
      const hits = pool.acquire();
      used.push(hits);
      return hits;
    };
    const candidates = this.candidates.acquire();
    let open = true;
    const close = (): void => {
      if (!open) return;
      open = false;
      for (const hits of used) pool.release(hits);
      this.candidates.release(candidates);
    };
    // Until the ranking is handed over, the arrays go back on errors and when an aborted search is
    // dropped (see index.ts); then they are its own until it is closed.
    let handed = false;
    try {
      const answer = { complete: true };
      const matched: Matched[] = [];
      for (const reading of readings) {
        const terms = yield* this.matchReading(reading, partial, answer, acquire);
        matched.push({ reading, terms });
        if (terms.length > 0) yield* this.collect(matched.length - 1, matched[matched.length - 1]!, candidates, kept);
      }
      kept?.into(candidates);
      const ranking = new Ranking(candidates, (i) => this.settle(matched[candidates.readingOf(i)]!, candidates.paragraph[i]!), budget);
      yield* ranking.heapify();
      const engine = this;
      handed = true;
      return {
        complete: answer.complete,
        *next(): Steps<SearchHit | undefined> {
          if (!open) return undefined;
          const p = yield* ranking.next();
          if (p < 0) {
            close();
            return undefined;
          }
          return engine.toHit(corpus, matched[ranking.reading]!.terms, p, ranking.score);
        },
        *skip(): Steps<boolean> {
          if (!open) return false;
          if ((yield* ranking.next()) >= 0) return true;
          close();
          return false;
        },
        close,
      };
    } finally {
      if (!handed) close();
    }
  }

  /**
   * Builds every lazy part now: the folded text, the converters (first what they would change), the
   * postings and, with `pinyin`, all pinyin readings and ICU's word dictionary. Pinyin only when asked
   * (the reader asks once a Latin letter is typed): on a 10 MB novel its readings and pinyin-pro's
   * dictionaries are ~35 MB, which someone searching in Chinese characters would carry for nothing.
   */
  *prepare(pinyin = false): Steps<void> {
    yield* this.corpus.get();
    yield* this.convertible.get();
    yield* this.converters.get();
    yield* this.postings.get();
    if (!pinyin) return;
    yield* (yield* this.pinyin()).prepare();
    yield;
    loadWordDictionary();
  }

  /** Scores every paragraph that all terms of the reading matched. */
  private *collect(reading: number, { reading: { split }, terms }: Matched, candidates: Candidates, kept?: BestOf): Steps<void> {
    const last = terms[terms.length - 1]!;
    if (!kept) candidates.reserve(last.size);
    let k = 0;
    for (let p = last.nextHit(0); p >= 0; p = last.nextHit(p + 1)) {
      if (++k % SCORE_STEP === 0) yield;
      let tier = 0;
      let penalty = 0;
      let count = 0;
      let first = Infinity;
      let pending = false;
      for (const hits of terms) {
        tier = Math.max(tier, hits.tier[p]!);
        penalty += hits.penalty[p]!;
        count += hits.count[p]!;
        first = Math.min(first, hits.first[p]!);
        pending ||= hits.pending(p);
      }
      const value = scoreOf(tier, split, penalty, count, first);
      const final = p < this.corpus.value!.headings ? headingScore(value) : value;
      if (kept && !pending) kept.offer(final, p, reading);
      else candidates.add(final, p, reading, pending);
    }
  }

  /** The true score of a candidate whose initials still had word boundaries to check, or null. */
  private settle({ reading, terms }: Matched, p: number): number | null {
    const parts: TermHit[] = [];
    for (const hits of terms) {
      const source = hits.sourceOf(p);
      const part = source.kind === 'initials' ? this.pinyinIndex!.settle(p, source.term) : hits.hit(p);
      if (!part) return null;
      parts.push(part);
    }
    const value = score(combine(p, parts, reading.split));
    return p < this.corpus.value!.headings ? headingScore(value) : value;
  }

  /** Paragraphs every term of the reading matches; later terms look only inside earlier terms' hits. */
  private *matchReading(reading: Reading, partial: boolean, answer: { complete: boolean }, acquire: () => TermHits): Steps<TermHits[]> {
    const perTerm: TermHits[] = [];
    let within: Int32Array | null = null;
    for (const term of reading.terms) {
      const hits: TermHits = yield* this.matchTerm(term, within, partial, answer, acquire());
      if (hits.size === 0) return [];
      perTerm.push(hits);
      if (perTerm.length < reading.terms.length) within = hits.sorted();
    }
    return perTerm;
  }

  private *matchTerm(term: Term, within: Int32Array | null, partial: boolean, answer: { complete: boolean }, hits: TermHits): Steps<TermHits> {
    const corpus = this.corpus.value!;
    const found = new Set<string>(term.text ? [term.text] : []);
    if (term.raw && mayConvert(term.raw) && needsConverters(term.raw, yield* this.convertible.get())) {
      for (const variant of simplifiedVariants(term.raw, yield* this.converters.get())) found.add(normalise(variant).text);
    }
    for (const variant of [...found]) for (const swapped of ambiguousVariants(variant)) found.add(swapped);
    found.delete(term.text);
    const variants = [...found];
    if (term.text) {
      yield* findExact(corpus, term.text, 0, within, hits);
      for (const variant of variants) yield* findExact(corpus, variant, 1, within, hits);
    }
    if (term.pinyin) {
      const index = yield* this.pinyin();
      if (!partial || index.ready || readsOnDemand(corpus)) yield* index.find(term.pinyin, within, hits);
      else answer.complete = false;
    }
    if (hits.size === 0 && term.text) {
      for (const text of [term.text, ...variants]) {
        const pattern = acrossPattern(text);
        if (!pattern) continue;
        // Once the postings are built, only paragraphs holding every character are looked at.
        const postings = this.postings.done ? this.postings.value! : null;
        const candidates = postings ? paragraphsWithAll(postings, acrossUnits(text)) : null;
        yield* findAcross(corpus, pattern, within && candidates ? intersect(within, candidates) : (within ?? candidates), hits);
      }
    }
    if (hits.size === 0 && term.fuzzy) {
      for (const pattern of [term.text, ...variants]) yield* findTypos(corpus, pattern, within, hits);
      // A name corrected (typo.ts) is what was meant: its near misses by a missing character would only cost time.
      if (hits.size === 0) {
        const postings = yield* this.postings.get();
        for (const pattern of [term.text, ...variants]) yield* findFuzzy(corpus, postings, pattern, within, hits);
      }
    }
    return hits;
  }

  /**
   * The hit for paragraph `p`. Its `matches` are worked out the first time they are read: the reader
   * shows a screenful of a thousand hits, so most are never highlighted, and finding ranges (pinyin
   * and word boundaries, grapheme snapping) is the costly part of a hit. They are found flat (see
   * `matchOffsets`), and made arrays only when `matches` is read.
   */
  private toHit(corpus: Corpus, terms: TermHits[], p: number, value: number): SearchHit {
    const paragraph = reader(corpus.paragraphs)(p)!;
    let tier = 0;
    for (const hits of terms) tier = Math.max(tier, hits.tier[p]!);
    const sources = terms.map((hits) => ({ source: hits.sourceOf(p), ranges: hits.ranges.get(p) }));
    const pinyin = this.pinyinIndex;
    const engine = this;
    const find = (): Int32Array => {
      const folded = normalised(corpus, p);
      // One list for every hit: a list's array of its own per hit was a kilobyte of garbage each.
      const flat = engine.flat;
      flat.clear();
      for (const { source, ranges: near } of sources) {
        if (source.kind === 'exact') {
          occurrencesInto(folded.text, source.needle, flat);
          continue;
        }
        const found = source.kind === 'across' ? acrossOccurrences(folded.text, source.pattern) : source.kind === 'fuzzy' ? (near ?? []) : pinyin!.ranges(p, source.term);
        for (const [start, end] of found) flat.pushPair(start, end);
      }
      const ranges = flat.values().slice();
      if (folded.starts) {
        for (let i = 0; i < ranges.length; i += 2) {
          const [start, end] = toOriginal(folded, ranges[i]!, ranges[i + 1]!);
          ranges[i] = start;
          ranges[i + 1] = end;
        }
      }
      return snapFlat(paragraph.text, ranges);
    };
    const hit = {
      paragraphId: paragraph.id,
      section: paragraph.section,
      sectionTitle: corpus.titles.get(paragraph.section) ?? corpus.title,
      paragraph: paragraph.index,
      score: value,
      tier: tierOf(tier),
      text: paragraph.text,
    } as SearchHit;
    Object.defineProperty(hit, LAZY, { value: { find, offsets: null, matches: null } satisfies LazyMatches });
    Object.defineProperty(hit, 'matches', { enumerable: true, get: matchesOfHit });
    Object.defineProperty(hit, 'matchOffsets', { get: offsetsOfHit });
    if (paragraph.speaker !== undefined) hit.speaker = paragraph.speaker;
    if (p < corpus.headings) {
      hit.kind = corpus.headingKinds[p]!;
      if (hit.kind === 'heading') hit.sectionTitle = paragraph.text;
    }
    return hit;
  }
}
