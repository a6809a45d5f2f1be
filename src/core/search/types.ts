/** Which kind of evidence matched: the literal text, its pinyin reading, or a near miss. */
export type Tier = 'exact' | 'pinyin' | 'fuzzy';

/** A `[start, end)` range of UTF-16 code units. */
export type Range = [number, number];

/** One paragraph, or one heading, that matched a query. */
export interface SearchHit {
  /**
   * The paragraph's short reference, e.g. `s2p3`; for a heading, the reading flow's block id of it
   * (`title`, `s2` for the heading of section 2, `original-title`).
   */
  paragraphId: string;
  /** Set when the hit is a heading (`heading`) or the document's title or original title (`title`). */
  kind?: 'title' | 'heading';
  /** Section number (0 for the lead). */
  section: number;
  /** The section heading; the document title for the lead. */
  sectionTitle: string;
  /** 1-based position of the paragraph within its section; 0 for a heading. */
  paragraph: number;
  speaker?: string;
  /**
   * Lower is better; hits come sorted by it. The integer part is the tier (0 exact, 1 pinyin, 2 fuzzy),
   * the fraction orders hits inside a tier (see rank.ts).
   */
  score: number;
  /** The weakest tier any query term needed in this paragraph. */
  tier: Tier;
  /** The paragraph's text, as in the document. */
  text: string;
  /** `[start, end)` in `text`: merged, sorted, non-overlapping, on grapheme boundaries. */
  matches: Range[];
  /**
   * `matches` flat, `[start, end, start, end, …]`, on the hits the engine makes (not enumerable): a
   * paragraph of millions of characters may hold hundreds of thousands of matches, and a writer that
   * streams them needs no array per range.
   */
  readonly matchOffsets?: Int32Array;
}

export interface SearchOptions {
  /**
   * Most hits to return, best first. With a limit, initials (`jcdl`) are checked against word
   * boundaries in at most 2 × limit + 1000 paragraphs, best first, so a prefix whose initials occur
   * in many paragraphs but end on a word in few (`jcd` of 集成电路) stays quick.
   * @default Infinity
   */
  limit?: number;
}

/** Hits, and whether they are the whole answer (see `AsyncSearchOptions.partial`). */
export interface SearchAnswer {
  hits: SearchHit[];
  /** False when a part of the index the query needs (the pinyin readings) was not built yet. */
  complete: boolean;
}

export interface AsyncSearchOptions extends SearchOptions {
  /** Aborting it makes the pending search reject with the signal's reason at its next yield point. */
  signal?: AbortSignal;
  /**
   * Answer at once from what is built: while the pinyin readings are still being built (by `prepare`,
   * see `progress`), pinyin terms match nothing instead of the search building them first, which on a
   * long document takes seconds. Ask again once `progress().pinyin` reaches 1 for the whole answer.
   * @default false
   */
  partial?: boolean;
}

/** How far the parts built lazily are, each a share from 0 to 1. */
export interface IndexProgress {
  /** The folded text: exact and fuzzy searches need it first. */
  text: number;
  /** The pinyin readings of every paragraph. */
  pinyin: number;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  /** Told how far the work is, now and then (about every 100 ms) and once at the end. */
  onProgress?: (progress: IndexProgress) => void;
  /**
   * Also the pinyin readings and ICU's word dictionary on a short text, which otherwise waits for the
   * first pinyin term (a long text always gets them).
   */
  pinyin?: boolean;
  /**
   * Asked before each slice of the work: a promise to wait for before going on, or null to go on now
   * (the reader has it give way while keys come that are not for the search).
   */
  giveWay?: () => Promise<void> | null;
}

/**
 * Every hit of a query, best first (as `search` with no limit ranks them), each made when it is taken:
 * the ranking is kept in typed arrays, so a query found in a million paragraphs costs a few bytes a
 * hit until a hit is read, and a caller that writes each hit and lets it go holds one at a time.
 * Reading to the end, `return` (a `for … of` left early) or `close` hands the search's arrays back.
 */
export interface RankedHits extends IterableIterator<SearchHit> {
  /** How many hits are left, counted without making them; takes them all. */
  countRest(): number;
  close(): void;
}

export interface SearchIndex {
  /** Runs a query to completion (building any lazy data it needs first). Never throws. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /**
   * The same answer as `search` without a limit, matched and ranked at once but its hits made one at
   * a time as they are read (see RankedHits). Never throws.
   */
  searchRanked(query: string): RankedHits;
  /**
   * The same search in time slices of a few milliseconds with a trip to the event loop between them
   * (every phase: building lazy data, matching, ranking, building hits), so keys keep being answered
   * and a caller can abort a stale search when the next keystroke arrives. Rejects only when aborted.
   */
  searchAsync(query: string, options?: AsyncSearchOptions): Promise<SearchHit[]>;
  /** `searchAsync`, also saying whether the answer is whole (a `partial` one may not be). */
  answerAsync(query: string, options?: AsyncSearchOptions): Promise<SearchAnswer>;
  /**
   * Builds in the background, in the same slices, what searches would otherwise build on first need
   * (the folded text, the traditional-character converters, fuzzy postings, every paragraph's pinyin),
   * giving way to searches while any is running. Optional: a reader may call it once its first screen
   * is drawn so that queries do not wait. Rejects only when aborted; work done so far is kept.
   */
  prepare(options?: PrepareOptions): Promise<void>;
  /** How far the lazy parts are built. */
  progress(): IndexProgress;
}
