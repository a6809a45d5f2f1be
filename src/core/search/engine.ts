import type { Document } from '../document/types.js';
import { buildCorpus, type Corpus } from './corpus.js';
import { findExact, occurrences } from './exact.js';
import { findFuzzy } from './fuzzy.js';
import { offerHit, type TermHits } from './hits.js';
import { normalise, toOriginal } from './normalise.js';
import { matchPinyin, readPinyin, type ParagraphPinyin, type PinyinTerm } from './pinyin.js';
import { buildPostings, type Postings } from './postings.js';
import { readQuery, type Reading, type Term } from './query.js';
import { snapToGraphemes } from './ranges.js';
import { best, combine, score, type ParagraphMatch, type Scored } from './rank.js';
import { simplifiedVariants } from './traditional.js';
import type { SearchHit } from './types.js';

/** A search in steps: it yields wherever it may pause (see index.ts for the drivers). */
export type Steps<T> = Generator<void, T>;

/** Paragraphs read with pinyin-pro between two yields (about 0.2 ms per 100 characters). */
const PINYIN_CHUNK = 32;

/**
 * The search engine over one document. Nothing is built up front: the folded corpus on the first
 * search, the character postings on the first fuzzy search, each paragraph's pinyin the first time a
 * pinyin-looking term needs it.
 */
export class Engine {
  private corpus: Corpus | null = null;
  private postings: Postings | null = null;
  private readonly pinyin: (ParagraphPinyin | undefined)[] = [];

  constructor(private readonly doc: Document) {}

  *run(query: string, limit: number): Steps<SearchHit[]> {
    const readings = readQuery(query);
    if (readings.length === 0) return [];
    this.corpus ??= buildCorpus(this.doc);
    const bestByParagraph = new Map<number, Scored>();
    for (const reading of readings) {
      for (const match of yield* this.matchReading(reading)) {
        const scored = { match, score: score(match) };
        const old = bestByParagraph.get(match.paragraph);
        if (!old || scored.score < old.score) bestByParagraph.set(match.paragraph, scored);
      }
    }
    return best([...bestByParagraph.values()], limit).map((scored) => this.toHit(scored));
  }

  /** Paragraphs every term of the reading matches; later terms look only inside earlier terms' hits. */
  private *matchReading(reading: Reading): Steps<ParagraphMatch[]> {
    const perTerm: TermHits[] = [];
    let within: number[] | null = null;
    for (const term of reading.terms) {
      const hits: TermHits = yield* this.matchTerm(term, within);
      if (hits.size === 0) return [];
      perTerm.push(hits);
      within = [...hits.keys()].sort((a, b) => a - b);
    }
    return (within ?? []).map((p) =>
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
    if (term.pinyin) yield* this.findPinyin(term.pinyin, within, hits);
    if (hits.size === 0 && term.fuzzy) {
      this.postings ??= buildPostings(corpus);
      for (const pattern of [term.text, ...variants]) yield* findFuzzy(corpus, this.postings, pattern, within, hits);
    }
    return hits;
  }

  private *findPinyin(term: PinyinTerm, within: number[] | null, into: TermHits): Steps<void> {
    const corpus = this.corpus!;
    const count = within ? within.length : corpus.paragraphs.length;
    let read = 0;
    for (let i = 0; i < count; i++) {
      const p = within ? within[i]! : i;
      let py = this.pinyin[p];
      if (!py) {
        py = this.pinyin[p] = readPinyin(corpus.folded[p]!.text);
        if (++read % PINYIN_CHUNK === 0) yield;
      }
      const match = matchPinyin(py, term);
      if (match) offerHit(into, p, { tier: 'pinyin', penalty: match.penalty, count: match.count, first: match.first, ranges: match.ranges });
    }
  }

  private toHit({ match, score: value }: Scored): SearchHit {
    const corpus = this.corpus!;
    const paragraph = corpus.paragraphs[match.paragraph]!;
    const folded = corpus.folded[match.paragraph]!;
    const ranges = match.parts.flatMap((part) => part.ranges ?? occurrences(folded.text, part.needle ?? ''));
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
