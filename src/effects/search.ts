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
import { afterKeys } from './give-way.js';

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

/**
 * The first two characters of the text's first paragraph (spaces skipped): a query that finds
 * something in any text. Read from the start only: the paragraph may be a 10 MB line, and splitting
 * it whole into characters made ~100 MB of strings.
 */
export function sampleQuery(doc: Document): string | undefined {
  const first = doc.lead[0] ?? doc.sections.find((section) => section.paragraphs.length > 0)?.paragraphs[0];
  if (!first) return undefined;
  let chars = '';
  let taken = 0;
  for (const char of first.text) {
    if (/\s/u.test(char)) continue;
    chars += char;
    if (++taken === 2) break;
  }
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
  /** When the last key came (in `now`'s time): building the index gives way to keys not for the search. */
  lastInput?(): number;
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
  /** The pinyin readings are built (asked for by a Latin letter, then built in the background). */
  private pinyinReady = false;
  private pinyinRunning = false;
  /** The query last answered before what it needs was built, to be asked again once it is. */
  private unfinished: string | undefined;
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
    const onProgress = this.reporter();
    this.firstPrepare = this.index.then((ready) => ready.prepare({ signal, onProgress, giveWay: this.giveWay }));
    this.firstPrepare
      .then(() => {
        this.prepared = true;
        if (!this.pinyinRunning) dispatch({ type: 'indexing', note: undefined });
        if (!this.askUnfinished() && this.running === undefined) this.warmUp();
      })
      // Aborted: the reader closed.
      .catch(() => undefined);
    if (this.pinyinAsked) this.preparePinyin();
  }

  /**
   * A Latin letter was typed: pinyin is likely next, and its first search would load pinyin-pro and
   * read the text's pinyin in one block; from now on that is done in the background (and only now:
   * see Engine.prepare).
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
          // Nothing more is coming that would change the answer.
          if (prepared && (complete || this.pinyinReady)) return;
          // Answered from a partial index: asked again once what it lacks is built (now, if it is already).
          if (this.prepared && (complete || this.pinyinReady)) this.askAgain(query);
          else this.unfinished = query;
          // Only the pinyin readings can leave an answer incomplete: a query that needs them (given
          // with --search, say, before any letter was typed) has them built.
          if (!complete) this.pinyin();
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
    this.pinyinRunning = true;
    const onProgress = this.reporter();
    Promise.all([this.index, this.firstPrepare])
      .then(([ready]) => ready?.prepare({ signal, pinyin: true, onProgress, giveWay: this.giveWay }))
      .then(() => {
        this.pinyinReady = true;
        this.pinyinRunning = false;
        this.options.dispatch({ type: 'indexing', note: undefined });
        this.askUnfinished();
      })
      // Aborted: the reader closed.
      .catch(() => undefined);
  }

  /**
   * Before each slice of the index's building: while the search line is open its keys need the
   * index, so it goes on; other keys (the sidebar's filter, scrolling) are not kept waiting for it.
   */
  private readonly giveWay = (): Promise<void> | null => {
    const { lastInput } = this.options;
    if (!lastInput || this.options.getState().search.editing) return null;
    return afterKeys(lastInput(), this.now());
  };

  /** Asks again the query answered before what it needed was built; whether there was one. */
  private askUnfinished(): boolean {
    const again = this.unfinished;
    this.unfinished = undefined;
    if (again === undefined) return false;
    this.askAgain(again);
    return true;
  }

  /** Reports indexing progress on the search line, once it has taken long enough to be worth a word. */
  private reporter(): (progress: IndexProgress) => void {
    const started = this.now();
    let reported = 0;
    return (progress) => {
      const now = this.now();
      if (now - started < SHOW_AFTER_MS || now - reported < REPORT_MS) return;
      reported = now;
      this.options.dispatch({ type: 'indexing', note: indexingNote(progress) });
    };
  }
}
