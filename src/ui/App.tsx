/**
 * The reader's root, rendered by Ink: one reducer for all state, the ONLY input handler, the effect
 * runner, and the frame of the state. Ink does the application's part — React state, input
 * (`useInput`, `usePaste`), the lifecycle (`render`, `waitUntilExit`, `unmount`) — and draws no
 * cell: the screen is `screenView(state)`, pure rows, handed to `draw` (the terminal session's
 * writer) after each commit. So nothing depends on when Ink writes.
 *
 * A key's way: Ink input → key-table names → `keys` action → reducer → state → (rows → writer) and
 * (`effectsOf` → effect runner → actions). Keys are handed to the reducer, which reads each in the
 * current mode, so no key ever reaches two handlers; a paste goes there too (typed into the search
 * line, ignored elsewhere).
 */
import { useApp, useInput, usePaste } from 'ink';
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { effectsOf } from '../app/effects.js';
import { filterTitles } from '../app/chapter-filter.js';
import { createReaderState, reduce } from '../app/reducer.js';
import { setTitleFilter } from '../app/selectors.js';
import type { ShelfHit } from '../app/shelf.js';
import type { InitialOptions, ReaderState } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { SearchIndex } from '../core/search/types.js';
import { EffectRunner } from '../effects/runner.js';
import type { Frame, TerminalSize } from '../terminal/session.js';
import { keyNames } from './keys.js';
import { screenView } from './rows/frame.js';
import { createTheme } from './theme.js';

// The sidebar filter, for the app and not the first frame drawn before it (see selectors.ts).
setTitleFilter(filterTitles);

/** The terminal's size as a store: read now, and told of every change. */
export interface SizeSource {
  getSize(): TerminalSize;
  subscribeSize(listener: () => void): () => void;
}

export interface AppProps {
  doc: Document;
  /** The terminal's size (the terminal session). */
  size: SizeSource;
  /** Shows a frame (the terminal session's screen writer). */
  draw(frame: Frame): void;
  /** @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Use colour (false: bold/dim/inverse/underline only, for NO_COLOR). @default true */
  color?: boolean;
  /** Open at this section (0: the lead). */
  section?: number;
  /**
   * Where to open (a saved position, a deep link), saved marks, measure, indent, spacing, script, the
   * sidebar hidden, a first status line, a query to search and go to the best hit of (`--search`), the shelf.
   */
  initial?: Omit<InitialOptions, 'columns' | 'rows' | 'ambiguousWidth' | 'section'>;
  /** Told the state after every change, so the caller can save the position when the reader ends. */
  onStateChange?: (state: ReaderState) => void;
  /** Told each mark as it is set, to save it at once; returns a warning to show when that failed. */
  onMark?: (letter: string, anchor: Anchor) => string | undefined;
  /** Puts a citation on the clipboard and returns the status line to show; without it, `y` says copying is off. */
  copy?: (text: string, ref: string) => string;
  /** Ctrl-Z: gives the terminal back to the shell and stops (the terminal session). */
  suspend?: () => void;
  /** Replaces the search engine (tests). */
  createIndex?: (doc: Document) => Promise<SearchIndex>;
  /** Searches every text on the shelf (`/` in the shelf view), best first; without it, nothing is found. */
  searchTexts?: (query: string, onProgress?: (done: number, total: number) => void) => Promise<readonly ShelfHit[]>;
}

export function App({ doc, size, draw, ambiguousWidth = 1, color = true, section, initial, onStateChange, onMark, copy, suspend, createIndex, searchTexts }: AppProps) {
  const [state, dispatch] = useReducer(reduce, undefined, () => {
    const { columns, rows } = size.getSize();
    return createReaderState(doc, { ...initial, columns, rows, ambiguousWidth, ...(section === undefined ? {} : { section }) });
  });
  const { exit } = useApp();

  // A new size is an action like any other, dispatched when the terminal reports it (and once on
  // subscribing, for a change before that; the reducer ignores the same size).
  useEffect(() => {
    const resized = (): void => {
      const { columns, rows } = size.getSize();
      dispatch({ type: 'resize', columns, rows });
    };
    const unsubscribe = size.subscribeSize(resized);
    resized();
    return unsubscribe;
  }, [size]);

  // Props the runner calls, current at every call.
  const latest = useRef({ state, onMark, copy, suspend, exit, searchTexts });
  latest.current = { state, onMark, copy, suspend, exit, searchTexts };
  // When the last key came: background work waits for a pause in the typing.
  const lastInput = useRef(-Infinity);
  const runner = useMemo(
    () =>
      new EffectRunner({
        doc,
        dispatch,
        getState: () => latest.current.state,
        copy: (text, ref) => (latest.current.copy ? latest.current.copy(text, ref) : 'not copied: copying is off'),
        saveMark: (letter, anchor) => latest.current.onMark?.(letter, anchor),
        suspend: () => latest.current.suspend?.(),
        quit: () => latest.current.exit(),
        lastInput: () => lastInput.current,
        searchTexts: (query, onProgress) => latest.current.searchTexts?.(query, onProgress) ?? Promise.resolve([]),
        ...(createIndex ? { createIndex } : {}),
      }),
    [doc, createIndex],
  );
  useEffect(() => () => runner.close(), [runner]);
  const previous = useRef<ReaderState | undefined>(undefined);
  useEffect(() => {
    const effects = effectsOf(previous.current, state);
    previous.current = state;
    onStateChange?.(state);
    runner.run(effects);
  }, [state, runner, onStateChange]);

  useInput((input, key) => {
    lastInput.current = performance.now();
    const keys = keyNames(input, key);
    if (keys.length > 0) dispatch({ type: 'keys', keys });
  });
  usePaste((text) => dispatch({ type: 'paste', text }));

  const theme = useMemo(() => createTheme(color), [color]);
  const view = useMemo(() => screenView(state, theme), [state, theme]);
  // After the commit: the writer merges the frames of one turn of the event loop and sends the diff.
  useLayoutEffect(() => draw(view), [draw, view]);
  return null;
}
