/**
 * Runs the reader's searches: the `searchPrepare`, `searchPinyin` and `search` requests, answered as
 * `searchResults`, `searchFailed` and `indexing` actions.
 *
 * The engine is imported (and its index created) only on the first request, so the reader's first
 * frame never waits for it; loading blocks for tens of milliseconds (its dictionaries), so it starts
 * on the turn after the frame that opened the search line. `prepare` then builds the indexes in
 * background slices. Each query runs in time slices (`answerAsync`, which also says whether the answer is whole) with its own AbortController; the
 * next query aborts it, so a stale search stops at its next slice and typing never queues searches
 * up. Queries are answered from what is built so far (`partial`): on a long document pinyin readings
 * take seconds, and a query answered before they were done is asked again when they are.
 */
import type { Action } from '../app/actions.js';
import { isSearchable, MAX_HITS } from '../app/search.js';
import type { ReaderState } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { IndexProgress, SearchIndex } from '../core/search/types.js';

/** Indexing shorter than this is not worth a word on the search line. */
const SHOW_AFTER_MS = 200;
/** How often the search line hears about indexing progress. */
const REPORT_MS = 250;

/**
 * `indexing 40%` while the text is folded, `pinyin 40%` while its readings are built; nothing in
 * between (converters, postings), nor on a short text, whose readings `prepare` leaves for later.
 */
export function indexingNote({ text, pinyin }: IndexProgress): string | undefined {
  if (text < 1) return `indexing ${Math.floor(text * 100)}%`;
  return pinyin > 0 && pinyin < 1 ? `pinyin ${Math.floor(pinyin * 100)}%` : undefined;
}

/** The first two characters of the text's first paragraph: a query that finds something in any text. */
function sampleQuery(doc: Document): string | undefined {
  const first = doc.lead[0] ?? doc.sections.find((section) => section.paragraphs.length > 0)?.paragraphs[0];
  const chars = first && Array.from(first.text.replace(/\s+/gu, '')).slice(0, 2).join('');
  return chars && isSearchable(chars) ? chars : undefined;
}

export interface SearchRunnerOptions {
  doc: Document;
  dispatch(action: Action): void;
  /** The reader's latest state (a partial answer is asked again only while its query is still wanted). */
  getState(): ReaderState;
  /** Creates the engine's index. @default the search engine, imported on first use */
  createIndex?(doc: Document): Promise<SearchIndex>;
  /** The clock progress reports are timed by. @default performance.now */
  now?(): number;
}

async function loadIndex(doc: Document): Promise<SearchIndex> {
  const { createSearchIndex } = await import('../core/search/index.js');
  return createSearchIndex(doc);
}

/** Waits for the next turn of the event loop: the screen writer's frame goes out first. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SearchRunner {
  private index: Promise<SearchIndex> | undefined;
  private firstPrepare: Promise<void> | undefined;
  private pinyinAsked = false;
  private prepared = false;
  /** The query last answered before `prepare` was done, to be asked again once it is. */
  private partiallyAnswered: string | undefined;
  private running: { query: string; controller: AbortController; settled: boolean } | undefined;
  /** The warm-up search, while it runs (see `warmUp`). */
  private warming: AbortController | undefined;
  private readonly closing = new AbortController();
  private readonly now: () => number;

  constructor(private readonly options: SearchRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Loads the engine and builds the index in the background (once). */
  prepare(): void {
    if (this.index) return;
    const { doc, dispatch } = this.options;
    const create = this.options.createIndex ?? loadIndex;
    this.index = nextTurn().then(() => create(doc));
    const { signal } = this.closing;
    const started = this.now();
    let reported = 0;
    const onProgress = (progress: IndexProgress): void => {
      const now = this.now();
      if (now - started < SHOW_AFTER_MS || now - reported < REPORT_MS) return;
      reported = now;
      dispatch({ type: 'indexing', note: indexingNote(progress) });
    };
    this.firstPrepare = this.index.then((ready) => ready.prepare({ signal, onProgress }));
    this.firstPrepare
      .then(() => {
        this.prepared = true;
        dispatch({ type: 'indexing', note: undefined });
        // The query answered from a partial index, if still the one shown, is asked again.
        const again = this.partiallyAnswered;
        this.partiallyAnswered = undefined;
        if (again !== undefined) this.askAgain(again);
        else if (this.running === undefined) this.warmUp();
      })
      // Aborted: the reader closed.
      .catch(() => undefined);
    if (this.pinyinAsked) this.preparePinyin();
  }

  /**
   * A Latin letter was typed: pinyin is likely next, and its first search would load pinyin-pro and
   * read the text's pinyin in one block; from now on that is done in the background.
   */
  pinyin(): void {
    if (this.pinyinAsked) return;
    this.pinyinAsked = true;
    if (this.index) this.preparePinyin();
  }

  /** Searches `query`, aborting the search still running for another. */
  search(query: string): void {
    this.prepare();
    // A real query: the warm-up, if still running on a long text, would only slow it.
    this.warming?.abort();
    this.warming = undefined;
    const running = this.running;
    // Only a search still running: aborting makes a DOMException, milliseconds of the next key's time.
    if (running && !running.settled) running.controller.abort();
    const controller = new AbortController();
    const mine = { query, controller, settled: false };
    this.running = mine;
    const { dispatch } = this.options;
    const index = this.index!;
    const prepared = this.prepared;
    index
      // On the next turn of the event loop, after the screen writer's: the typed key shows at once,
      // not after the search's first slice.
      .then(async (ready) => {
        await nextTurn();
        return ready.answerAsync(query, { limit: MAX_HITS, signal: AbortSignal.any([controller.signal, this.closing.signal]), partial: true });
      })
      .then(
        // `complete: false` while readings are still being built: the line says so instead of "no match".
        ({ hits, complete }) => {
          mine.settled = true;
          dispatch({ type: 'searchResults', query, hits, complete });
          if (prepared) return;
          // Answered from a partial index: asked again once `prepare` is done (now, if it is already).
          if (this.prepared) this.askAgain(query);
          else this.partiallyAnswered = query;
        },
        (error: unknown) => {
          mine.settled = true;
          if (controller.signal.aborted || this.closing.signal.aborted) return;
          dispatch({ type: 'searchFailed', query, message: error instanceof Error ? error.message : String(error) });
        },
      );
  }

  /** Stops everything running. */
  close(): void {
    this.closing.abort();
  }

  /**
   * Once the index is built and before anything is typed, one search for a query from the text, its
   * hits thrown away: the first search runs code V8 has not compiled yet, which doubled the first
   * keystroke's time. Typing first cancels it.
   */
  private warmUp(): void {
    const query = sampleQuery(this.options.doc);
    if (query === undefined || !this.index) return;
    const controller = new AbortController();
    this.warming = controller;
    const signal = AbortSignal.any([controller.signal, this.closing.signal]);
    this.index
      .then((ready) => ready.answerAsync(query, { limit: MAX_HITS, signal, partial: true }))
      // Aborted: the user typed first, or the reader closed.
      .catch(() => undefined)
      .finally(() => {
        if (this.warming === controller) this.warming = undefined;
      });
  }

  /** Asks `query` again if the search line still shows it. */
  private askAgain(query: string): void {
    const { search } = this.options.getState();
    if ((search.editing || search.submitPending) && search.line.text === query && this.running?.query === query) this.search(query);
  }

  private preparePinyin(): void {
    const { signal } = this.closing;
    Promise.all([this.index, this.firstPrepare])
      .then(([ready]) => ready?.prepare({ signal, pinyin: true }))
      // Aborted: the reader closed.
      .catch(() => undefined);
  }
}
