import { useEffect, useRef, type Dispatch } from 'react';
import type { Action } from '../../app/actions.js';
import { isSearchable, MAX_HITS, type SearchState } from '../../app/search.js';
import type { Document } from '../../core/document/types.js';
import type { SearchIndex } from '../../core/search/types.js';

/**
 * Runs the searches the search state asks for and reports their hits as `searchResults` actions.
 *
 * The engine is imported (and its index created) only when the search line first opens or
 * `--search` is given, so the reader's first frame never waits for it. Each query runs in time
 * slices (`searchAsync`) with its own AbortController; the next keystroke aborts it, so a stale
 * search stops at its next slice and typing never queues searches up.
 */
export function useSearch(doc: Document, search: SearchState, dispatch: Dispatch<Action>): void {
  const index = useRef<Promise<SearchIndex> | undefined>(undefined);
  const preparing = useRef(new AbortController());
  useEffect(() => () => preparing.current.abort(), []);
  const wanted = search.editing || search.submitPending;
  const query = search.line.text;
  const answered = search.results?.query === query;

  // Load the engine as soon as a search is on its way (the line opened, nothing typed yet).
  useEffect(() => {
    if (!wanted || index.current) return;
    index.current = import('../../core/search/index.js').then(({ createSearchIndex }) => createSearchIndex(doc));
    // Once loaded, build the parts later queries need (pinyin readings…) in background slices.
    const { signal } = preparing.current;
    index.current.then((ready) => ready.prepare({ signal })).catch(() => undefined);
  }, [wanted, doc]);

  useEffect(() => {
    if (!wanted || answered || !isSearchable(query) || !index.current) return;
    const controller = new AbortController();
    index.current
      .then((ready) => ready.searchAsync(query, { limit: MAX_HITS, signal: controller.signal }))
      .then(
        (hits) => dispatch({ type: 'searchResults', query, hits }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          dispatch({ type: 'searchFailed', query, message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => controller.abort();
  }, [wanted, answered, query, dispatch]);
}
