/**
 * Paragraph search for yuedu: pure, synchronous at heart, sliced for the event loop when asked.
 * On a 10 MB document every phase works in slices of a few milliseconds (measured by
 * bench/search.ts): the reader calls `prepare` once and `searchAsync(query, { partial: true })` per
 * keystroke, aborting the one before.
 *
 *   index.ts          the public API: createSearchIndex, search / searchRanked / searchAsync / prepare, snippet
 *   engine.ts         one search: read the query, match each term by tier, rank, build hits
 *   steps.ts          work in steps that yield, shared by whichever search needs it first
 *   query.ts          a query's readings (terms apart, one phrase, one pinyin run)
 *   normalise.ts      folding (case, full width, NFKC, quotes, spaces, script) with the map back to the text
 *   script.ts         traditional to simplified, character by character (opencc-js's table)
 *   corpus.ts         the folded headings and paragraphs joined in blocks for one-scan exact search
 *   exact.ts          exact tier;  traditional.ts: simplified readings of traditional terms (opencc-js)
 *   across.ts         a phrase typed without the text's punctuation
 *   syllables.ts      pinyin readings as syllable ids (pinyin-pro, only where context matters)
 *   pinyin.ts         pinyin tier: terms and matching;  pinyin-index.ts: readings of the corpus
 *   fuzzy.ts          fuzzy tier (fuse.js) on candidates from postings.ts;  align.ts: windows and vetoes
 *   typo.ts           three-character terms with one wrong character (homophones first)
 *   rank.ts           scoring, with the essay on tiers and worked examples, and the hits best first, one at a time
 *   hits.ts           one term's hits in flat arrays;  int-list.ts, pool.ts: arrays kept off the heap and reused
 *   ranges.ts         merging and snapping ranges to graphemes;  snippet.ts: one line around a match
 */
import type { Document } from '../document/types.js';
import { Engine, type Ranked } from './engine.js';
import type { BuiltIndex } from './serial.js';
import type { Steps } from './steps.js';
import type { AsyncSearchOptions, IndexProgress, PrepareOptions, RankedHits, SearchAnswer, SearchHit, SearchIndex, SearchOptions } from './types.js';

export type { AsyncSearchOptions, IndexProgress, PrepareOptions, Range, RankedHits, SearchAnswer, SearchHit, SearchIndex, SearchOptions, Tier } from './types.js';
export { snippet } from './snippet.js';

/** Work done between two trips to the event loop: half a frame, so a key is answered within one. */
const SLICE_MS = 8;
/** The same for background work (`prepare`): a key that comes meanwhile waits for the slice under way. */
const BACKGROUND_SLICE_MS = 4;
/** How often `prepare` reports progress. */
const REPORT_MS = 100;

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

interface SliceOptions {
  /** @default SLICE_MS */
  sliceMs?: number;
  /** Resolves when the next slice may start (background work waits for searches). */
  before?: () => Promise<void> | null;
  after?: () => void;
}

/**
 * Runs steps in slices of about `sliceMs`, giving the event loop a turn between slices, and stops at the
 * first turn after `signal` is aborted. This is how stale searches are dropped: the reader aborts the
 * previous keystroke's search before starting the next one, so typing never queues searches up.
 */
async function finishInSlices<T>(steps: Steps<T>, signal: AbortSignal | undefined, hooks: SliceOptions = {}): Promise<T> {
  const sliceMs = hooks.sliceMs ?? SLICE_MS;
  // A dropped search still runs its `finally` blocks, which hand its arrays back for reuse.
  const stopIfAborted = (): void => {
    if (signal?.aborted) {
      steps.return(undefined as T);
      signal.throwIfAborted();
    }
  };
  stopIfAborted();
  for (;;) {
    for (let wait = hooks.before?.(); wait; wait = hooks.before?.()) {
      await wait;
      // Let whoever waited for the search that just finished have its answer first.
      await nextMacrotask();
      stopIfAborted();
    }
    const sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStart >= sliceMs) break;
    }
    hooks.after?.();
    await nextMacrotask();
    stopIfAborted();
  }
}

/** A ranked answer read synchronously. */
function rankedHits(ranked: Ranked): RankedHits {
  const iterator: RankedHits = {
    next(): IteratorResult<SearchHit> {
      const hit = finish(ranked.next());
      return hit ? { value: hit, done: false } : { value: undefined, done: true };
    },
    return(): IteratorResult<SearchHit> {
      ranked.close();
      return { value: undefined, done: true };
    },
    countRest(): number {
      let count = 0;
      while (finish(ranked.skip())) count++;
      return count;
    },
    close(): void {
      ranked.close();
    },
    [Symbol.iterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * A search index over `doc`'s paragraphs (lead and sections) and headings (the title, section headings
 * and the original-title line, see corpus.ts; notes are not searched). Creating it costs nothing: the folded text is built on the first search (or
 * by `prepare`), the rest when first needed, see Engine.
 * `doc` may also be the parts of an index built before (a cached one, see serial.ts).
 */
export function createSearchIndex(doc: Document | BuiltIndex): SearchIndex {
  const engine = new Engine(doc);
  // The reader repeats the last query when it re-renders; answer that from memory.
  let last: { query: string; limit: number; hits: SearchHit[]; complete: boolean } | null = null;
  const recall = (query: string, limit: number, partial: boolean): SearchHit[] | null =>
    last && last.query === query && last.limit === limit && (last.complete || (partial && engine.progress().pinyin < 1)) ? last.hits : null;
  // Background work gives way while searches run.
  let searching = 0;
  let idle: (() => void)[] = [];
  const whenIdle = (): Promise<void> | null => (searching === 0 ? null : new Promise((resolve) => idle.push(resolve)));
  return {
    search(query: string, options: SearchOptions = {}): SearchHit[] {
      const limit = limitOf(options);
      const known = recall(query, limit, false);
      if (known) return known;
      const { hits } = finish(engine.run(query, limit));
      last = { query, limit, hits, complete: true };
      return hits;
    },
    searchRanked(query: string): RankedHits {
      return rankedHits(finish(engine.rank(query)));
    },
    async searchAsync(query: string, options: AsyncSearchOptions = {}): Promise<SearchHit[]> {
      return (await this.answerAsync(query, options)).hits;
    },
    async answerAsync(query: string, options: AsyncSearchOptions = {}): Promise<SearchAnswer> {
      const limit = limitOf(options);
      const partial = options.partial ?? false;
      const known = recall(query, limit, partial);
      if (known) return { hits: known, complete: last!.complete };
      searching++;
      try {
        const { hits, complete } = await finishInSlices(engine.run(query, limit, partial), options.signal);
        last = { query, limit, hits, complete };
        return { hits, complete };
      } finally {
        if (--searching === 0) {
          for (const wake of idle) wake();
          idle = [];
        }
      }
    },
    async prepare({ signal, onProgress, pinyin = false, giveWay }: PrepareOptions = {}): Promise<void> {
      let reported = performance.now();
      const report = (): void => {
        if (!onProgress || performance.now() - reported < REPORT_MS) return;
        reported = performance.now();
        onProgress(engine.progress());
      };
      const before = giveWay ? (): Promise<void> | null => whenIdle() ?? giveWay() : whenIdle;
      await finishInSlices(engine.prepare(pinyin), signal, { before, after: report, sliceMs: BACKGROUND_SLICE_MS });
      onProgress?.(engine.progress());
    },
    progress(): IndexProgress {
      return engine.progress();
    },
  };
}
