/**
 * Search in the reader, as state: the search line (what is typed, where the cursor is), the results
 * for the latest query answered, the selected result, and the committed search whose hits are
 * highlighted and walked with n/N. The search itself runs outside the reducer (it is asynchronous
 * and cancellable, see `src/effects/search.ts`); its answers come back as `searchResults`.
 *
 * The flow: `/` opens the line (with the committed query, if any, ready to edit); every edit changes
 * the query and the UI searches it; results for anything but the current query are stale and
 * dropped. Enter commits: the chosen hit's paragraph goes to the top with the match on the first
 * row, its matches are highlighted, the line closes. Esc closes the line and changes nothing else:
 * the position stays, and so does the committed search with its highlights (as in less, until
 * another search is committed). In the text, Esc then ends the committed search (highlights off),
 * and only another Esc quits.
 *
 * n/N walk the committed hits in reading order, not in rank order: "next" is further down the
 * text, as in less and vim, and wrapping past either end says so in the status bar.
 */
import type { Anchor, Row } from '../core/layout/flow.js';
import { firstMatchStart, matchesWithin } from '../core/search/hit-matches.js';
import type { Range, SearchHit } from '../core/search/types.js';
import { editLine, lineText, type LineEdit, type LineState } from './line-edit.js';
import type { ReaderState } from './state.js';

/** Results of one query: hits best first, and their order in the text. */
export interface SearchResults {
  query: string;
  hits: readonly SearchHit[];
  /** Indices into `hits` in reading order (by section, then paragraph). */
  order: readonly number[];
  /**
   * False when the answer came before a part of the index it needs was built (the pinyin readings
   * of a long text): hits may still come, and the search asks again once it is built.
   */
  complete: boolean;
}

/** The committed search. */
export interface ActiveSearch {
  results: SearchResults;
  /** Index into `results.hits` of the hit last gone to. */
  current: number;
}

export interface SearchState {
  /** The search line is open and receives the keys. */
  readonly editing: boolean;
  readonly line: LineState;
  /** Results for the latest query answered; they may be for an earlier query while a search runs. */
  readonly results: SearchResults | undefined;
  /** Index into `results.hits` of the chosen result (the list's selection). */
  readonly selected: number;
  /** Enter came (or `--search` was given) before the results of the query: commit when they arrive. */
  readonly submitPending: boolean;
  readonly active: ActiveSearch | undefined;
}

/** Most hits a query returns: enough for any count a person reads; the status bar says "1000+". */
export const MAX_HITS = 1000;

/** The search state of a reader that has not searched. */
export const NO_SEARCH: SearchState = {
  editing: false,
  line: { text: '', cursor: 0 },
  results: undefined,
  selected: 0,
  submitPending: false,
  active: undefined,
};

/** The search state for `yuedu --search QUERY`: the query committed as soon as its results arrive. */
export function initialSearch(query: string): SearchState {
  const text = lineText(query);
  return { ...NO_SEARCH, line: { text, cursor: text.length }, submitPending: true };
}

/** What the search line and the committed search can be asked to do. */
export type SearchAction =
  /** `/`: open the search line. */
  | { type: 'searchOpen' }
  /** Esc in the search line: close it, nothing else changes. */
  | { type: 'searchClose' }
  | { type: 'searchEdit'; edit: LineEdit }
  /** Move the selection in the results list. */
  | { type: 'searchSelect'; by: number }
  /** Enter: go to the selected hit and commit the search. */
  | { type: 'searchSubmit' }
  /** The hits for `query`, from the search running outside; `complete: false` while the index is still being built. */
  | { type: 'searchResults'; query: string; hits: readonly SearchHit[]; complete?: boolean }
  /** The search for `query` failed (it could not be loaded). */
  | { type: 'searchFailed'; query: string; message: string }
  /** n / N: the next or previous committed hit in reading order, wrapping around. */
  | { type: 'searchStep'; by: 1 | -1 };

const SEARCH_ACTIONS: ReadonlySet<string> = new Set<SearchAction['type']>([
  'searchOpen',
  'searchClose',
  'searchEdit',
  'searchSelect',
  'searchSubmit',
  'searchResults',
  'searchFailed',
  'searchStep',
]);

/** Whether `action` is one of the search's. */
export function isSearchAction(action: { type: string }): action is SearchAction {
  return SEARCH_ACTIONS.has(action.type);
}

/** True when the query has something to search for. */
export function isSearchable(query: string): boolean {
  return query.trim() !== '';
}

/** How the reducer moves the view (a jump, remembered for `''`). */
export type Jump = (state: ReaderState, anchor: Anchor) => ReaderState;

function withSearch(state: ReaderState, patch: Partial<SearchState>, extra: Partial<ReaderState> = {}): ReaderState {
  return { ...state, ...extra, search: { ...state.search, ...patch } };
}

/** Where a hit is in reading order: the title first, a heading before its section's paragraphs, the original title last. */
function place(hit: SearchHit): [number, number] {
  return hit.paragraphId === 'original-title' ? [Infinity, 0] : [hit.section, hit.paragraph];
}

/** Hits in reading order: by section, then paragraph (the lead is section 0). */
function readingOrder(hits: readonly SearchHit[]): number[] {
  const places = hits.map(place);
  return hits.map((_, i) => i).sort((a, b) => places[a]![0] - places[b]![0] || places[a]![1] - places[b]![1]);
}

/** Where hit `hit` opens: its paragraph (or heading), at its first match (the reducer's goto puts that row on top). */
export function hitAnchor(hit: SearchHit): Anchor {
  return { block: hit.paragraphId, offset: firstMatchStart(hit) };
}

function quoted(query: string): string {
  return `“${query}”`;
}

function submit(state: ReaderState, jump: Jump): ReaderState {
  const { search } = state;
  const query = search.line.text;
  if (!isSearchable(query)) return withSearch(state, { editing: false, submitPending: false });
  const results = search.results;
  // The results of this query are not in yet: close the line and commit when they arrive.
  if (results?.query !== query) return withSearch(state, { editing: false, submitPending: true });
  const hit = results.hits[search.selected];
  // Nothing yet, but the index is still being built: commit when the whole answer arrives.
  if (!hit && !results.complete) return withSearch(state, { editing: false, submitPending: true });
  if (!hit) return withSearch(state, { editing: false, submitPending: false }, { notice: `no match for ${quoted(query)}` });
  // The hit is in the text: the text gets the focus (a narrow terminal's sidebar overlay would hide it).
  const committed = withSearch(state, { editing: false, submitPending: false, active: { results, current: search.selected } }, { focus: 'text' });
  return jump(committed, hitAnchor(hit));
}

function step(state: ReaderState, by: 1 | -1, jump: Jump): ReaderState {
  const active = state.search.active;
  if (!active) return { ...state, notice: 'no search yet: / searches' };
  const { order, hits } = active.results;
  const at = order.indexOf(active.current);
  const next = at + by;
  const wrapped = next < 0 || next >= order.length;
  const current = order[(next + order.length) % order.length]!;
  const moved = withSearch(state, { active: { ...active, current } }, wrapped ? { notice: by > 0 ? 'wrapped around to the first hit' : 'wrapped around to the last hit' } : {});
  return jump(moved, hitAnchor(hits[current]!));
}

/** The reader's state after a search action; `jump` moves the view as the reducer's goto does. */
export function reduceSearch(state: ReaderState, action: SearchAction, jump: Jump): ReaderState {
  const { search } = state;
  switch (action.type) {
    case 'searchOpen': {
      const active = search.active;
      const text = active?.results.query ?? '';
      return withSearch(state, {
        editing: true,
        submitPending: false,
        // The last query comes back selected: Enter goes on with it, typing starts another.
        line: text === '' ? { text, cursor: 0 } : { text, cursor: text.length, selected: true },
        results: active?.results,
        selected: active?.current ?? 0,
      });
    }
    case 'searchClose':
      return search.editing ? withSearch(state, { editing: false }) : state;
    case 'searchEdit': {
      const line = editLine(search.line, action.edit);
      if (line === search.line) return state;
      // Results stay on show (marked stale) while the new query runs; a blank query has none.
      return withSearch(state, isSearchable(line.text) ? { line } : { line, results: undefined, selected: 0 });
    }
    case 'searchSelect': {
      const count = search.results?.hits.length ?? 0;
      const selected = Math.min(Math.max(0, search.selected + action.by), Math.max(0, count - 1));
      return selected === search.selected ? state : withSearch(state, { selected });
    }
    case 'searchSubmit':
      return submit(state, jump);
    case 'searchResults': {
      if (action.query !== search.line.text) return state;
      const complete = action.complete ?? true;
      const results: SearchResults =
        search.active?.results.query === action.query && search.active.results.hits === action.hits && search.active.results.complete === complete
          ? search.active.results
          : { query: action.query, hits: action.hits, order: readingOrder(action.hits), complete };
      // Reopening the line on the committed query keeps its hit selected.
      const selected = results === search.active?.results ? search.active.current : 0;
      const answered = withSearch(state, { results, selected });
      return search.submitPending ? submit(answered, jump) : answered;
    }
    case 'searchFailed':
      if (action.query !== search.line.text) return state;
      return withSearch(state, { submitPending: false }, { notice: `search failed: ${action.message}` });
    case 'searchStep':
      return step(state, action.by, jump);
  }
}

/** Esc in the text with a committed search: end it (highlights off). Undefined when there is none. */
export function endSearch(state: ReaderState): ReaderState | undefined {
  return state.search.active ? withSearch(state, { active: undefined }) : undefined;
}

/**
 * Whether the search line is waiting for the results of what it shows: none yet, or none so far from
 * an index still being built (never "no match" before the answer is whole).
 */
export function isSearching(search: SearchState): boolean {
  if (!(search.editing || search.submitPending) || !isSearchable(search.line.text)) return false;
  const results = search.results;
  return results?.query !== search.line.text || (!results.complete && results.hits.length === 0);
}

/** The hits the text pane highlights: the live results while typing, else the committed search's. */
function shownHits(search: SearchState): { hits: readonly SearchHit[]; current: number } | undefined {
  if (search.editing) return search.results && { hits: search.results.hits, current: search.selected };
  return search.active && { hits: search.active.results.hits, current: search.active.current };
}

/** Highlighted cells of one row: ranges in the row's `text` (UTF-16), and whether they belong to the current hit. */
export interface RowHighlight {
  ranges: Range[];
  current: boolean;
}

const byParagraphMemo = new WeakMap<readonly SearchHit[], Map<string, number>>();

function hitIndexByParagraph(hits: readonly SearchHit[]): Map<string, number> {
  let map = byParagraphMemo.get(hits);
  if (!map) {
    map = new Map(hits.map((hit, i) => [hit.paragraphId, i]));
    byParagraphMemo.set(hits, map);
  }
  return map;
}

/**
 * For each row, the parts of its text to highlight: every match of every hit shown (the row's
 * [start, end) intersected with the hit's ranges), or undefined for rows without any.
 */
export function rowHighlights(search: SearchState, rows: readonly Row[]): (RowHighlight | undefined)[] {
  const shown = shownHits(search);
  if (!shown) return rows.map(() => undefined);
  const index = hitIndexByParagraph(shown.hits);
  return rows.map((row) => {
    // A heading hit's id is its block's (`s2`, `title`); a paragraph's block id is the paragraph's.
    const i = index.get(row.blockId);
    if (i === undefined || row.kind === 'blank') return undefined;
    const ranges: Range[] = [];
    const { toShown } = row;
    if (toShown) {
      // Shown in another script: matches point into the original, placed on the converted text.
      for (const [s, e] of matchesWithin(shown.hits[i]!, row.start, row.end)) {
        const from = toShown(s, 'start');
        const to = toShown(e);
        if (to > from) ranges.push([from, to]);
      }
      return ranges.length > 0 ? { ranges, current: i === shown.current } : undefined;
    }
    const end = row.start + row.text.length;
    for (const [s, e] of matchesWithin(shown.hits[i]!, row.start, end)) {
      const from = Math.max(s, row.start);
      const to = Math.min(e, end);
      if (to > from) ranges.push([from - row.start, to - row.start]);
    }
    return ranges.length > 0 ? { ranges, current: i === shown.current } : undefined;
  });
}

/**
 * "hit k of n" for hit `index` of `results`. Hits have one numbering wherever they are counted: k is
 * the hit's place in the text (reading order), the order n/N walk, even in the results list, which is
 * best first; so the result chosen in the list is the hit the status bar names after Enter.
 */
function hitNumber(results: SearchResults, index: number): string {
  const total = results.hits.length >= MAX_HITS ? `${results.hits.length}+` : `${results.hits.length}`;
  return `hit ${results.order.indexOf(index) + 1} of ${total}`;
}

/** "hit k of n", k counted in reading order; undefined without a committed search. */
export function hitCount(search: SearchState): string | undefined {
  const active = search.active;
  return active ? hitNumber(active.results, active.current) : undefined;
}

/** Rows of the results list while the search line is open: one a hit up to half the body, else one for a message. */
export function resultsHeight(search: SearchState, bodyHeight: number): number {
  if (!search.editing) return 0;
  const count = search.results?.hits.length ?? 0;
  return Math.max(1, Math.min(count, Math.floor(bodyHeight / 2)));
}

/**
 * The right end of the search line: the chosen result as its hit in the text (`hit 3 of 4`), or what
 * is going on, with `indexing` (the index being built, `pinyin 31%`) after it: `searching… pinyin 31%`.
 */
export function searchLineInfo(search: SearchState, indexing?: string): string {
  const note = indexing ?? '';
  if (isSearching(search)) return note === '' ? 'searching…' : `searching… ${note}`;
  const hits = search.results?.hits;
  const count = !hits ? '' : hits.length === 0 ? 'no match' : hitNumber(search.results!, search.selected);
  return [count, note].filter(Boolean).join('  ');
}

/**
 * The status bar's account of the committed search: `hit k of n  /query`, or only `hit k of n` while
 * a notice (such as the wrap-around) needs the room.
 */
export function searchStatus(state: Pick<ReaderState, 'search' | 'notice'>): string | undefined {
  const count = hitCount(state.search);
  if (count === undefined || state.notice !== '') return count;
  return `${count}  /${state.search.active!.results.query}`;
}
