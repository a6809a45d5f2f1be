/** Which kind of evidence matched: the literal text, its pinyin reading, or a near miss. */
export type Tier = 'exact' | 'pinyin' | 'fuzzy';

/** A `[start, end)` range of UTF-16 code units. */
export type Range = [number, number];

/** One paragraph that matched a query. */
export interface SearchHit {
  /** The paragraph's short reference, e.g. `s2p3`. */
  paragraphId: string;
  /** Section number (0 for the lead). */
  section: number;
  /** The section heading; the document title for the lead. */
  sectionTitle: string;
  /** 1-based position of the paragraph within its section. */
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
}

export interface SearchOptions {
  /** Most hits to return, best first. @default Infinity */
  limit?: number;
}

export interface AsyncSearchOptions extends SearchOptions {
  /** Aborting it makes the pending search reject with the signal's reason at its next yield point. */
  signal?: AbortSignal;
}

export interface SearchIndex {
  /** Runs a query to completion (building any lazy data it needs first). Never throws. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /**
   * The same search in time slices: it yields to the event loop between phases and while building lazy
   * data, so a caller can abort a stale search when the next keystroke arrives. Rejects only when aborted.
   */
  searchAsync(query: string, options?: AsyncSearchOptions): Promise<SearchHit[]>;
  /**
   * Builds in the background, in the same slices, what searches would otherwise build on first need
   * (the folded text, fuzzy postings, the traditional-character converters, every paragraph's pinyin).
   * Optional: a reader may call it once its first screen is drawn so that the first pinyin query on a
   * long document does not wait. Rejects only when aborted; work done so far is kept.
   */
  prepare(options?: { signal?: AbortSignal }): Promise<void>;
}
