import type { Document } from '../document/types.js';
import { buildCorpus, type Corpus } from './corpus.js';
import { findExact, occurrences } from './exact.js';
import { findFuzzy } from './fuzzy.js';
import { type TermHit, type TermHits } from './hits.js';
import { normalise, toOriginal } from './normalise.js';
import { PinyinIndex } from './pinyin-index.js';
import { buildPostings, type Postings } from './postings.js';
import { readQuery, type Reading, type Term } from './query.js';
import { snapToGraphemes } from './ranges.js';
import { best, combine, score, type ParagraphMatch, type Scored } from './rank.js';
import { loadConverters, simplifiedVariants } from './traditional.js';
import type { SearchHit } from './types.js';

/** A search in steps: it yields wherever it may pause (see index.ts for the drivers). */
export type Steps<T> = Generator<void, T>;

/**
 * The search engine over one document. Nothing is built up front: the folded corpus on the first
 * search, the character postings on the first fuzzy search, each paragraph's pinyin the first time a
 * pinyin-looking term needs it.
 */
export class Engine {
  private corpus: Corpus | null = null;
  private postings: Postings | null = null;
  private pinyin: PinyinIndex | null = null;

  constructor(private readonly doc: Document) {}

  *run(query: string, limit: number): Steps<SearchHit[]> {
    const readings = readQuery(query);
    if (readings.length === 0) return [];
    this.corpus ??= buildCorpus(this.doc);
    // Every reading's matches compete; `best` keeps each paragraph's best one that holds.
    const entries: Scored[] = [];
    for (const reading of readings) {
      for (const match of yield* this.matchReading(reading)) entries.push({ match, score: score(match) });
    }
    return best(entries, limit, (entry) => this.settle(entry)).map((entry) => this.toHit(entry));
  }

  /** Builds every lazy part now: the folded text, the postings, the converters and all pinyin readings. */
  *prepare(): Steps<void> {
    this.corpus ??= buildCorpus(this.doc);
    yield;
    this.postings ??= buildPostings(this.corpus);
    yield;
    loadConverters();
    yield;
    this.pinyin ??= new PinyinIndex(this.corpus);
    yield* this.pinyin.readAll();
  }

  /** Checks the pending parts of an entry (initials against word boundaries); see `best`. */
  private settle(entry: Scored): Scored | null {
    const { match } = entry;
    if (!match.parts.some((part) => part.pending)) return entry;
    const parts: TermHit[] = [];
    for (const part of match.parts) {
      const settled = part.pending ? this.pinyin!.settle(match.paragraph, part.pinyin!) : part;
      if (!settled) return null;
      parts.push(settled);
    }
    const settled = combine(match.paragraph, parts, match.split);
    return { match: settled, score: score(settled) };
  }

  /** Paragraphs every term of the reading matches; later terms look only inside earlier terms' hits. */
  private *matchReading(reading: Reading): Steps<ParagraphMatch[]> {
    const perTerm: TermHits[] = [];
    let within: number[] | null = null;
    for (const term of reading.terms) {
      const hits: TermHits = yield* this.matchTerm(term, within);
      if (hits.size === 0) return [];
      perTerm.push(hits);
      if (perTerm.length < reading.terms.length) within = [...hits.keys()].sort((a, b) => a - b);
    }
    const last = perTerm[perTerm.length - 1]!;
    return Array.from(last.keys(), (p) =>
      combine(
        p,
        perTerm.map((hits) => hits.get(p)!),
        reading.split,
      ),
    );
  }

  private *matchTerm(term: Term, within: number[] | null): Steps<TermHits> {
    const corpus = this.corpus!;
    const hits: TermHits = new Map();
    const variants = term.text ? simplifiedVariants(term.text).map((variant) => normalise(variant).text) : [];
    if (term.text) {
      yield* findExact(corpus, term.text, 0, within, hits);
      for (const variant of variants) yield* findExact(corpus, variant, 1, within, hits);
    }
    if (term.pinyin) {
      this.pinyin ??= new PinyinIndex(corpus);
      yield* this.pinyin.find(term.pinyin, within, hits);
    }
    if (hits.size === 0 && term.fuzzy) {
      this.postings ??= buildPostings(corpus);
      for (const pattern of [term.text, ...variants]) yield* findFuzzy(corpus, this.postings, pattern, within, hits);
    }
    return hits;
  }

  private toHit({ match, score: value }: Scored): SearchHit {
    const corpus = this.corpus!;
    const paragraph = corpus.paragraphs[match.paragraph]!;
    const folded = corpus.folded[match.paragraph]!;
    const ranges = match.parts.flatMap((part) => {
      if (part.ranges) return part.ranges;
      if (part.pinyin) return this.pinyin!.ranges(match.paragraph, part.pinyin);
      return occurrences(folded.text, part.needle ?? '');
    });
    const hit: SearchHit = {
      paragraphId: paragraph.id,
      section: paragraph.section,
      sectionTitle: corpus.sectionTitles[match.paragraph]!,
      paragraph: paragraph.index,
      score: value,
      tier: match.tier,
      text: paragraph.text,
      matches: snapToGraphemes(
        paragraph.text,
        ranges.map(([start, end]) => toOriginal(folded, start, end)),
      ),
    };
    if (paragraph.speaker !== undefined) hit.speaker = paragraph.speaker;
    return hit;
  }
}
