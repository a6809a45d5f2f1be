/**
 * The shelf view (`o`) as state: the entries, the filter typed (every printable key goes into it, as
 * in fzf), the matches best first, the selected one, and the two requests the reader's host carries
 * out: open a text (the reader leaves this text, saving its place, and opens the other at its own),
 * and forget a record (asked once: `d` with no filter, or Ctrl-d; then either again, or `y`; the file is
 * never touched).
 *
 * The filter's matches come back as an action (`shelfMatches`), as search results do: filtering uses
 * the search engine (`src/core/shelf/filter.ts`), which the reader loads only when first needed.
 */
import type { ShelfEntry } from '../core/shelf/entries.js';
import { shownTitle } from '../core/shelf/table.js';
import { editLine, type LineEdit, type LineState } from './line-edit.js';
import type { ReaderState } from './state.js';

export interface ShelfState {
  readonly open: boolean;
  readonly entries: readonly ShelfEntry[];
  readonly line: LineState;
  /** Indexes into `entries` matching the filter, best first. */
  readonly matches: readonly number[];
  /** Index into `matches`. */
  readonly selected: number;
  /** The key of the entry whose forgetting was asked once and awaits the second press. */
  readonly confirm: string | undefined;
  /** The latest forget asked for: the host deletes the record when `serial` changes. */
  readonly forget: { serial: number; key: string } | undefined;
  /** The path to open; the reader quits so its host can open it. */
  readonly openRequest: string | undefined;
  /** Where to open it (a paragraph's ref, from a search across the texts). */
  readonly openAt: string | undefined;
  /** A search of every text asked for (a filter beginning with `/`, then Enter): the host runs it. */
  readonly searching: string | undefined;
  /** How far that search is: texts done of all (each text's index is read, or built the first time). */
  readonly progress: { done: number; total: number } | undefined;
  /** Its answer: hits across the texts, best first. */
  readonly hits: { query: string; list: readonly ShelfHit[] } | undefined;
}

/** One paragraph found by a search across the shelf's texts. */
export interface ShelfHit {
  path: string;
  title: string;
  ref: string;
  text: string;
}

/** The query of a filter that asks to search every text (`/query`), if it is one. */
export function acrossQuery(line: string): string | undefined {
  return line.startsWith('/') && line.slice(1).trim() !== '' ? line.slice(1) : undefined;
}

/** The hits shown: those answering the filter as it is. */
export function shownHits(shelf: ShelfState): readonly ShelfHit[] | undefined {
  const query = acrossQuery(shelf.line.text);
  return query !== undefined && shelf.hits?.query === query ? shelf.hits.list : undefined;
}

function everything(entries: readonly ShelfEntry[]): number[] {
  return entries.map((_, i) => i);
}

export function initialShelf(entries: readonly ShelfEntry[] = [], open = false): ShelfState {
  return {
    open,
    entries,
    line: { text: '', cursor: 0 },
    matches: entries.map((_, i) => i),
    selected: 0,
    confirm: undefined,
    forget: undefined,
    openRequest: undefined,
    openAt: undefined,
    searching: undefined,
    progress: undefined,
    hits: undefined,
  };
}

export type ShelfAction =
  | { type: 'shelfOpen' }
  /** Esc: clears the filter, or closes the shelf when there is none. */
  | { type: 'shelfClose' }
  | { type: 'shelfEdit'; edit: LineEdit }
  | { type: 'shelfSelect'; by: number }
  | { type: 'shelfSubmit' }
  | { type: 'shelfForget' }
  /** The entries matching `query`, best first; dropped unless the filter still says `query`. */
  | { type: 'shelfMatches'; query: string; matches: readonly number[] }
  /** How many texts a search across them has done. */
  | { type: 'shelfProgress'; query: string; done: number; total: number }
  /** The answer of a search across the texts. */
  | { type: 'shelfHits'; query: string; hits: readonly ShelfHit[] };

export function isShelfAction(action: { type: string }): action is ShelfAction {
  return action.type.startsWith('shelf');
}

/** The entry selected, if any match. */
export function selectedEntry(shelf: ShelfState): ShelfEntry | undefined {
  const index = shelf.matches[shelf.selected];
  return index === undefined ? undefined : shelf.entries[index];
}

function withShelf(state: ReaderState, patch: Partial<ShelfState>, notice?: string): ReaderState {
  return { ...state, shelf: { ...state.shelf, ...patch }, ...(notice === undefined ? {} : { notice }) };
}

export function reduceShelf(state: ReaderState, action: ShelfAction): ReaderState {
  const { shelf } = state;
  // Any key but the second Ctrl-d (or y) cancels the question.
  const base = shelf.confirm !== undefined && action.type !== 'shelfForget' && action.type !== 'shelfMatches' && action.type !== 'shelfHits' && action.type !== 'shelfProgress' && !(action.type === 'shelfEdit' && action.edit.type === 'insert' && action.edit.text === 'y') ? withShelf(state, { confirm: undefined }) : state;
  switch (action.type) {
    case 'shelfOpen':
      return withShelf(base, { ...initialShelf(shelf.entries, true), forget: shelf.forget }, shelf.entries.length === 0 ? 'the shelf is empty: texts you open are listed here (yuedu DIR adds a folder)' : undefined);
    case 'shelfProgress':
      if (!shelf.open || shelf.searching !== action.query) return state;
      return withShelf(state, { progress: { done: action.done, total: action.total } });
    case 'shelfHits': {
      if (!shelf.open || shelf.searching !== action.query) return state;
      const notice = action.hits.length === 0 ? `no text on the shelf has ${action.query}` : `${action.hits.length} paragraphs found; Enter opens one`;
      return withShelf(state, { searching: undefined, progress: undefined, hits: { query: action.query, list: action.hits }, selected: 0 }, notice);
    }
    case 'shelfMatches': {
      if (action.query !== shelf.line.text || !shelf.open) return state;
      const matches = action.matches.filter((i) => i >= 0 && i < shelf.entries.length);
      return withShelf(state, { matches, selected: 0 });
    }
    case 'shelfClose':
      if (shelf.line.text !== '') return withShelf(base, { line: { text: '', cursor: 0 }, matches: everything(shelf.entries), selected: 0 });
      return withShelf(base, { open: false });
    case 'shelfEdit': {
      if (shelf.confirm !== undefined && action.edit.type === 'insert' && action.edit.text === 'y') return forget(state);
      const line = editLine(shelf.line, action.edit);
      if (line.text === shelf.line.text) return line.cursor === shelf.line.cursor ? base : withShelf(base, { line });
      // A blank filter shows everything at once; another waits for its matches (`shelfMatches`).
      return withShelf(base, line.text.trim() === '' ? { line, matches: everything(shelf.entries), selected: 0 } : { line, selected: 0 });
    }
    case 'shelfSelect': {
      const count = shownHits(shelf)?.length ?? shelf.matches.length;
      const selected = Math.max(0, Math.min(count - 1, shelf.selected + action.by));
      return selected === shelf.selected ? base : withShelf(base, { selected });
    }
    case 'shelfSubmit': {
      const query = acrossQuery(shelf.line.text);
      if (query !== undefined) {
        const hit = shownHits(shelf)?.[shelf.selected];
        if (hit) return { ...withShelf(base, { openRequest: hit.path, openAt: hit.ref }), quit: true };
        if (shelf.searching === query) return base;
        return withShelf(base, { searching: query, progress: undefined, hits: undefined, selected: 0 }, `searching every text for ${query}…`);
      }
      const entry = selectedEntry(shelf);
      if (!entry) return base;
      if (entry.path === undefined) return withShelf(base, {}, `${shownTitle(entry)} was read from standard input: pipe it in again to open it`);
      if (entry.missing) return withShelf(base, {}, `${shownTitle(entry)}: its file is gone (d forgets the record)`);
      return { ...withShelf(base, { openRequest: entry.path }), quit: true };
    }
    case 'shelfForget': {
      const entry = selectedEntry(shelf);
      if (!entry || entry.key === undefined || entry.lastRead === undefined) return withShelf(base, { confirm: undefined }, 'nothing to forget: this text has no record');
      if (shelf.confirm !== entry.key) return withShelf(base, { confirm: entry.key }, `forget ${shownTitle(entry)}? its place, marks and time go, the file stays: d or y again`);
      return forget(state);
    }
  }
}

/** Forgets the selected entry's record (its place, marks and times) and takes it off the list; its file stays. */
function forget(state: ReaderState): ReaderState {
  const { shelf } = state;
  const index = shelf.matches[shelf.selected];
  const entry = index === undefined ? undefined : shelf.entries[index];
  if (index === undefined || entry?.key === undefined) return withShelf(state, { confirm: undefined });
  const serial = (shelf.forget?.serial ?? 0) + 1;
  const title = shownTitle(entry);
  const entries = shelf.entries.filter((_, i) => i !== index);
  const matches = shelf.matches.filter((i) => i !== index).map((i) => (i > index ? i - 1 : i));
  return withShelf(state, { entries, matches, selected: Math.min(shelf.selected, Math.max(0, matches.length - 1)), confirm: undefined, forget: { serial, key: entry.key } }, `forgot ${title}`);
}
