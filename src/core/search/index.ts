/**
 * Paragraph search for yuedu: pure, synchronous at heart, sliced for the event loop when asked.
 *
 *   index.ts          the public API: createSearchIndex, search / searchAsync / prepare, snippet
 *   engine.ts         one search: read the query, match each term by tier, rank, build hits
 *   query.ts          a query's readings (terms apart, one phrase, one pinyin run)
 *   normalise.ts      folding (case, full width, NFKC, quotes, spaces) with the map back to the text
 *   corpus.ts         the folded paragraphs joined for one-scan exact search
 *   exact.ts          exact tier;  traditional.ts: simplified readings of traditional terms (opencc-js)
 *   pinyin.ts         pinyin tier: readings (pinyin-pro) and matching;  pinyin-index.ts: lazy, joined
 *   fuzzy.ts          fuzzy tier (fuse.js) on candidates from postings.ts;  align.ts: windows and vetoes
 *   rank.ts           scoring, with the essay on tiers and worked examples;  hits.ts: per-term hits
 *   ranges.ts         merging and snapping ranges to graphemes;  snippet.ts: one line around a match
 */
import type { Document } from '../document/types.js';
import { Engine, type Steps } from './engine.js';
import type { AsyncSearchOptions, SearchHit, SearchIndex, SearchOptions } from './types.js';

export type { AsyncSearchOptions, Range, SearchHit, SearchIndex, SearchOptions, Tier } from './types.js';
export { snippet } from './snippet.js';

/** Work done between two trips to the event loop in `searchAsync`. */
const SLICE_MS = 8;

const nextMacrotask = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** `limit` as given, or all hits when it is missing or not a number. */
function limitOf(options: SearchOptions): number {
  const limit = options.limit;
  if (limit === undefined || Number.isNaN(limit)) return Infinity;
  return Math.max(0, Math.floor(limit));
}

/** Runs all steps at once. */
function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs steps in slices of about SLICE_MS, giving the event loop a turn between slices, and stops at the
 * first turn after `signal` is aborted. This is how stale searches are dropped: the reader aborts the
 * previous keystroke's search before starting the next one, so typing never queues searches up.
 */
async function finishInSlices<T>(steps: Steps<T>, signal: AbortSignal | undefined): Promise<T> {
  signal?.throwIfAborted();
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextMacrotask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}

/**
 * A search index over `doc`'s paragraphs (lead and sections; headings, notes and the original-title
 * line are not searched). Creating it costs nothing: the folded text is built on the first search,
 * fuzzy postings on the first fuzzy search, pinyin readings on the first pinyin-looking query.
 */
export function createSearchIndex(doc: Document): SearchIndex {
  const engine = new Engine(doc);
  // The reader repeats the last query when it re-renders; answer that from memory.
  let last: { query: string; limit: number; hits: SearchHit[] } | null = null;
  const remember = (query: string, limit: number, hits: SearchHit[]): SearchHit[] => {
    last = { query, limit, hits };
    return hits;
  };
  const recall = (query: string, limit: number): SearchHit[] | null => (last && last.query === query && last.limit === limit ? last.hits : null);
  return {
    search(query: string, options: SearchOptions = {}): SearchHit[] {
      const limit = limitOf(options);
      return recall(query, limit) ?? remember(query, limit, finish(engine.run(query, limit)));
    },
    async searchAsync(query: string, options: AsyncSearchOptions = {}): Promise<SearchHit[]> {
      const limit = limitOf(options);
      return recall(query, limit) ?? remember(query, limit, await finishInSlices(engine.run(query, limit), options.signal));
    },
    prepare(options: { signal?: AbortSignal } = {}): Promise<void> {
      return finishInSlices(engine.prepare(), options.signal);
    },
  };
}
