/**
 * What the reader asks the world to do, as data: the requests a state change makes (Bubble Tea's
 * Cmd). The reducer stays `(state, action) → state`; `effectsOf(before, after)` reads the requests
 * off the change, so every feature that adds state adds its request here, in one place, and the
 * effect runner (`src/effects/runner.ts`) carries them out and dispatches what comes back.
 *
 *   y                    copyRequest changed           → copy { text, ref }
 *   m a                  marks.a changed               → saveMark { a, anchor }
 *   Ctrl-Z               suspends counted up           → suspend
 *   q, Esc, Ctrl-C       quit set                      → quit
 *   / (or --search)      the line opened               → searchPrepare (load the engine, build the index)
 *   a Latin letter       first Latin letter in a query → searchPinyin (read the text's pinyin early)
 *   a key in the line    a query without its answer    → search { query }; the runner aborts the one before
 *   a new width          another flow                  → layoutPass { flow }
 *   a key in the shelf   a filter without its matches  → shelfFilter { query, entries }
 *   /query Enter (shelf) shelf.searching set           → shelfSearch { query } (every text on the shelf)
 *   t (or --script)      another script shown          → convertPrepare { script } (build its converter, stop another's)
 *   a, +, -, any key     the auto-scroll's pace changed → autoScroll { pace } (undefined: stop the timer)
 *   (converter built)    conversions counted up        → layoutPass of the converted flow
 *
 * Level, not edge, where it matters: `search` is asked for whenever the query shown has no answer
 * yet and it was not asked for already, so a state that skips a step (keys delivered together)
 * still gets its answer.
 */
import type { Anchor, Flow } from '../core/layout/flow.js';
import type { Script } from '../core/script/convert.js';
import { isSearchable } from './search.js';
import { textFlow } from './selectors.js';
import type { ReaderState } from './state.js';

export type Effect =
  | { type: 'copy'; text: string; ref: string }
  | { type: 'saveMark'; letter: string; anchor: Anchor }
  | { type: 'suspend' }
  | { type: 'quit' }
  | { type: 'searchPrepare' }
  | { type: 'searchPinyin' }
  | { type: 'search'; query: string }
  | { type: 'layoutPass'; flow: Flow }
  | { type: 'shelfFilter'; query: string; entries: ReaderState['shelf']['entries'] }
  | { type: 'shelfSearch'; query: string }
  | { type: 'convertPrepare'; script: Script }
  | { type: 'autoScroll'; pace: number | undefined };

/** The shelf's filter `state` waits for matches of (a `/query` is a search across texts, not a filter). */
function shelfFilterQuery(state: ReaderState): string | undefined {
  const { shelf } = state;
  const text = shelf.line.text;
  return shelf.open && text.trim() !== '' && !text.startsWith('/') ? text : undefined;
}

/** The query `state` waits for an answer to, or undefined. */
export function pendingQuery(state: ReaderState): string | undefined {
  const { search } = state;
  const query = search.line.text;
  if (!(search.editing || search.submitPending) || !isSearchable(query)) return undefined;
  return search.results?.query === query ? undefined : query;
}

function searchWanted(state: ReaderState): boolean {
  return state.search.editing || state.search.submitPending;
}

const LATIN = /[a-z]/iu;

/** The auto-scroll's pace while it runs, lines a minute; undefined while it does not. */
export function autoScrollPace(state: ReaderState): number | undefined {
  return state.autoScroll ? state.autoPace : undefined;
}

/** The requests `after` makes of the world, given the state `before` it (undefined: the first state). */
export function effectsOf(before: ReaderState | undefined, after: ReaderState): Effect[] {
  if (before === after) return [];
  const effects: Effect[] = [];
  const copy = after.copyRequest;
  if (copy && copy !== before?.copyRequest) effects.push({ type: 'copy', text: copy.text, ref: copy.ref });
  if (before && after.marks !== before.marks) {
    // Marks are saved one by one as they are set, so another reader's marks on the same text survive.
    for (const [letter, anchor] of Object.entries(after.marks)) {
      if (before.marks[letter] !== anchor) effects.push({ type: 'saveMark', letter, anchor });
    }
  }
  if (after.suspends > (before?.suspends ?? 0)) effects.push({ type: 'suspend' });
  if (after.quit && !before?.quit) effects.push({ type: 'quit' });
  if (searchWanted(after) && !(before && searchWanted(before))) effects.push({ type: 'searchPrepare' });
  const query = after.search.line.text;
  if (LATIN.test(query) && !LATIN.test(before?.search.line.text ?? '')) effects.push({ type: 'searchPinyin' });
  const pending = pendingQuery(after);
  if (pending !== undefined && (!before || pendingQuery(before) !== pending)) effects.push({ type: 'search', query: pending });
  const filter = shelfFilterQuery(after);
  if (filter !== undefined && (!before || shelfFilterQuery(before) !== filter || before.shelf.entries !== after.shelf.entries)) {
    effects.push({ type: 'shelfFilter', query: filter, entries: after.shelf.entries });
  }
  const across = after.shelf.searching;
  if (across !== undefined && across !== before?.shelf.searching) effects.push({ type: 'shelfSearch', query: across });
  // Back to as written asks too: the build of the script left is stopped.
  if (after.script !== (before?.script ?? 'original')) effects.push({ type: 'convertPrepare', script: after.script });
  const pace = autoScrollPace(after);
  if (pace !== (before ? autoScrollPace(before) : undefined)) effects.push({ type: 'autoScroll', pace });
  const flow = textFlow(after);
  // A converter just built changes the flow `before` gives too (converters are shared): it is counted anew.
  const converted = before !== undefined && after.conversions !== before.conversions;
  if (!flow.isExact() && (!before || converted || textFlow(before) !== flow)) effects.push({ type: 'layoutPass', flow });
  return effects;
}
