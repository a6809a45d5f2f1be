import { useEffect, useRef, useState, type Dispatch } from 'react';
import type { Action } from '../../app/actions.js';
import { isSearchable, MAX_HITS, type SearchState } from '../../app/search.js';
import type { Document } from '../../core/document/types.js';
import type { IndexProgress, SearchHit, SearchIndex } from '../../core/search/types.js';

/** Indexing shorter than this is not worth a word on the search line. */
const SHOW_AFTER_MS = 200;
/** How often the search line hears about indexing progress. */
const REPORT_MS = 250;

/**
 * `indexing 40%` while the text is folded, `pinyin 40%` while its readings are built; nothing in
 * between (converters, postings), nor on a short text, whose readings `prepare` leaves for later.
 */
function indexingNote({ text, pinyin }: IndexProgress): string | undefined {
  if (text < 1) return `indexing ${Math.floor(text * 100)}%`;
  return pinyin > 0 && pinyin < 1 ? `pinyin ${Math.floor(pinyin * 100)}%` : undefined;
}

/** Told a query from the text and its hits, once the index is built and before anything is typed. */
export type Rehearse = (query: string, hits: readonly SearchHit[]) => void;

/** The first two characters of the text's first paragraph: a query that finds something in any text. */
function sampleQuery(doc: Document): string | undefined {
  const first = doc.lead[0] ?? doc.sections.find((section) => section.paragraphs.length > 0)?.paragraphs[0];
  const chars = first && Array.from(first.text.replace(/\s+/gu, '')).slice(0, 2).join('');
  return chars && isSearchable(chars) ? chars : undefined;
}

/**
 * Runs the searches the search state asks for and reports their hits as `searchResults` actions;
 * returns a note on indexing still under way (`pinyin 40%`) once it has taken a while, for the search
 * line, or undefined.
 *
 * The engine is imported (and its index created) only when the search line first opens or
 * `--search` is given, so the reader's first frame never waits for it; `prepare` then builds its
 * indexes in background slices. Each query runs in time slices (`searchAsync`) with its own
 * AbortController; the next keystroke aborts it, so a stale search stops at its next slice and typing
 * never queues searches up. Queries are answered from what is built so far (`partial`): on a long
 * document pinyin readings take seconds, and a query answered before they were done is asked again
 * when they are.
 *
 * Once the index is built, while the line is still empty, one search for a query from the text is run
 * and handed to `rehearse` to draw off-screen: the first search and the first frame of results run
 * code V8 has not compiled yet, which doubled the first keystroke's time.
 */
export function useSearch(doc: Document, search: SearchState, dispatch: Dispatch<Action>, rehearse?: Rehearse): string | undefined {
  const index = useRef<Promise<SearchIndex> | undefined>(undefined);
  const preparing = useRef(new AbortController());
  useEffect(() => () => preparing.current.abort(), []);
  const [indexing, setIndexing] = useState<IndexProgress | undefined>(undefined);
  const [prepared, setPrepared] = useState(false);
  // The query last answered before `prepare` was done, to be asked again once it is.
  const partiallyAnswered = useRef<string | null>(null);
  const wanted = search.editing || search.submitPending;
  const query = search.line.text;
  const answered = search.results?.query === query;
  const typed = useRef(false);
  typed.current = !search.editing || query !== '';
  const rehearsal = useRef<AbortController | undefined>(undefined);
  // The first `prepare`, which the one for pinyin waits for (on a long text it does the same work).
  const firstPrepare = useRef<Promise<void> | undefined>(undefined);
  const latin = /[a-z]/iu.test(query);

  // Load the engine as soon as a search is on its way (the line opened, nothing typed yet).
  useEffect(() => {
    if (!wanted || index.current) return;
    // Loading the engine blocks for tens of milliseconds (its dictionaries): only after the frame that
    // opens the line is out, which the screen writer sends on the next turn of the event loop.
    index.current = new Promise((resolve) => setImmediate(resolve))
      .then(() => import('../../core/search/index.js'))
      .then(({ createSearchIndex }) => createSearchIndex(doc));
    const { signal } = preparing.current;
    const started = performance.now();
    let reported = 0;
    const onProgress = (progress: IndexProgress): void => {
      const now = performance.now();
      if (now - started < SHOW_AFTER_MS || now - reported < REPORT_MS) return;
      reported = now;
      setIndexing(progress);
    };
    firstPrepare.current = index.current.then((ready) => ready.prepare({ signal, onProgress }));
    Promise.all([index.current, firstPrepare.current])
      .then(async ([ready]) => {
        setIndexing(undefined);
        setPrepared(true);
        const sample = sampleQuery(doc);
        if (!rehearse || !sample || typed.current) return;
        rehearsal.current = new AbortController();
        const hits = await ready.searchAsync(sample, { limit: MAX_HITS, signal: AbortSignal.any([signal, rehearsal.current.signal]), partial: true });
        rehearsal.current = undefined;
        if (!typed.current) rehearse(sample, hits);
      })
      // Aborted: the reader closed, or the user typed before the rehearsal was done.
      .catch(() => undefined);
  }, [wanted, doc]);

  // A Latin letter typed: pinyin is likely next, and its first search would load pinyin-pro and read the
  // text's pinyin (about 100 ms on the interview, in one go); from now on that is done in the background.
  useEffect(() => {
    if (!latin || !index.current) return;
    const { signal } = preparing.current;
    Promise.all([index.current, firstPrepare.current])
      .then(([ready]) => ready.prepare({ signal, pinyin: true }))
      // Aborted: the reader closed.
      .catch(() => undefined);
  }, [latin]);

  useEffect(() => {
    if (!wanted || !isSearchable(query) || !index.current) return;
    if (answered && !(prepared && partiallyAnswered.current === query)) return;
    // A real query: the rehearsal, if still running on a long text, would only slow it.
    rehearsal.current?.abort();
    rehearsal.current = undefined;
    const controller = new AbortController();
    let settled = false;
    index.current
      // On the next turn of the event loop, after the screen writer's: the typed key shows at once,
      // not after the search's first slice.
      .then((ready) => new Promise<SearchIndex>((resolve) => setImmediate(resolve, ready)))
      .then((ready) => ready.answerAsync(query, { limit: MAX_HITS, signal: controller.signal, partial: true }))
      .then(
        ({ hits, complete }) => {
          settled = true;
          partiallyAnswered.current = prepared ? null : query;
          dispatch({ type: 'searchResults', query, hits, complete });
        },
        (error: unknown) => {
          settled = true;
          if (controller.signal.aborted) return;
          dispatch({ type: 'searchFailed', query, message: error instanceof Error ? error.message : String(error) });
        },
      );
    // Only a search still running: aborting makes a DOMException, milliseconds of the next key's time.
    return () => {
      if (!settled) controller.abort();
    };
  }, [wanted, answered, query, dispatch, prepared]);

  return indexing && indexingNote(indexing);
}
