/**
 * The reader's root: one reducer for all state, and the ONLY input handler. Keys are turned into
 * key-table names and handed to the reducer, which reads each in the current mode, so no key ever
 * reaches two handlers (in the search line, printable keys are typed into it; a paste, too, goes only
 * there). Width and height come in as props and flow down; nothing below measures.
 * The text's view (`readingFrame`: reading, and searching as one types) is built from pure rows and,
 * given `draw`, drawn by the screen writer; Ink renders the other views (help, the sidebar in focus,
 * a terminal too small) from components that show the same rows.
 */
import { Box, Text, useApp, useInput, usePaste } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { geometry } from '../app/geometry.js';
import { helpLines } from '../app/help.js';
import { keyHints } from '../app/keymap.js';
import { createReaderState, reduce } from '../app/reducer.js';
import { isSearching, resultsHeight, rowHighlights, searchLineInfo, searchStatus } from '../app/search.js';
import { currentEntry, readingPosition, runningHead, shownText, statusLead, sidebarEntries, textFlow, visibleRows } from '../app/selectors.js';
import { modeOf, type InitialOptions, type ReaderState } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { Layer } from '../terminal/screen.js';
import { Header } from './components/Header.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { SearchResults } from './components/SearchResults.js';
import { Separator } from './components/Separator.js';
import { Sidebar } from './components/Sidebar.js';
import { StatusBar } from './components/StatusBar.js';
import { TextPane } from './components/TextPane.js';
import { readingFrame, screenLayer } from './rows/frame.js';
import { searchLine } from './rows/search-line.js';
import { paneLines } from './rows/text.js';
import { TooSmall } from './components/TooSmall.js';
import { useAutoScroll } from './hooks/useAutoScroll.js';
import { useConverter } from './hooks/useConverter.js';
import { useLayoutProgress } from './hooks/useLayoutProgress.js';
import { useTerminalCursor } from './hooks/useTerminalCursor.js';
import { useSearch, type Rehearse } from './hooks/useSearch.js';
import { keyNames } from './keys.js';
import { createTheme } from './theme.js';

export interface AppProps {
  doc: Document;
  /** Terminal size in cells. */
  columns: number;
  rows: number;
  /** @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Use colour (false: bold/dim/inverse/underline only, for NO_COLOR). @default true */
  color?: boolean;
  /** Open at this section (0: the lead). */
  section?: number;
  /**
   * Where to open (a saved position, a deep link), saved marks, measure, indent, a first status line,
   * and a query to search and go to the best hit of (`--search`).
   */
  initial?: Pick<InitialOptions, 'top' | 'marks' | 'measure' | 'indent' | 'notice' | 'search'>;
  /** Told the state after every change, so the caller can save the position when the reader ends. */
  onStateChange?: (state: ReaderState) => void;
  /** Told each mark as it is set, to save it at once; returns a warning to show when that failed. */
  onMark?: (letter: string, anchor: Anchor) => string | undefined;
  /** Puts a citation on the clipboard and returns the status line to show; without it, `y` says copying is off. */
  copy?: (text: string, ref: string) => string;
  /**
   * Told, on every render, what the screen writer is to draw over the frame Ink renders for it
   * (undefined: nothing), which Ink leaves blank: the whole screen in the text's view, searching
   * included (Ink renders nothing then), the text pane's rows in the other views that show it.
   * Without it, Ink draws all.
   */
  draw?: (layer: Layer | undefined) => void;
}

export function App({ doc, columns, rows, ambiguousWidth = 1, color = true, section, initial, onStateChange, onMark, copy, draw }: AppProps) {
  const [state, dispatch] = useReducer(reduce, undefined, () =>
    createReaderState(doc, { ...initial, columns, rows, ambiguousWidth, ...(section === undefined ? {} : { section }) }),
  );
  // A new size is folded in during this render (React re-renders at once), so a resize is one frame.
  if (state.columns !== columns || state.rows !== rows) dispatch({ type: 'resize', columns, rows });

  const { exit } = useApp();
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useEffect(() => {
    onStateChange?.(state);
  }, [state, onStateChange]);

  // Marks are saved one by one as they are set, so another reader's marks on the same text survive.
  const savedMarks = useRef(state.marks);
  useEffect(() => {
    if (state.marks === savedMarks.current) return;
    for (const [letter, anchor] of Object.entries(state.marks)) {
      if (savedMarks.current[letter] === anchor) continue;
      const warning = onMark?.(letter, anchor);
      if (warning) dispatch({ type: 'notice', text: warning });
    }
    savedMarks.current = state.marks;
  }, [state.marks, onMark]);

  // Runs once per request (each `y` makes a new one), whatever else re-renders.
  const request = state.copyRequest;
  useEffect(() => {
    if (!request) return;
    const status = copy ? copy(request.text, request.ref) : 'not copied: copying is off';
    dispatch({ type: 'notice', text: status });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);

  // When the last key came: background work waits for a pause in the typing.
  const lastInput = useRef(0);
  useInput((input, key) => {
    lastInput.current = performance.now();
    const keys = keyNames(input, key);
    if (keys.length > 0) dispatch({ type: 'keys', keys });
  });
  // A paste (bracketed paste, on while the search line is open) is typed into the line as one piece,
  // newlines and all, instead of running keys.
  usePaste((text) => dispatch({ type: 'searchEdit', edit: { type: 'insert', text } }), { isActive: state.search.editing });
  const theme = useMemo(() => createTheme(color), [color]);
  const latest = useRef({ state, theme });
  latest.current = { state, theme };
  // The frame the query's results would show, built and thrown away (see useSearch).
  const rehearse = useCallback<Rehearse>((query, hits) => {
    const typed = reduce(latest.current.state, { type: 'searchEdit', edit: { type: 'insert', text: query } });
    readingFrame(reduce(typed, { type: 'searchResults', query, hits }), latest.current.theme, {});
  }, []);
  // Only the screen writer's frames are built by `readingFrame`; Ink's are components.
  const indexing = useSearch(doc, state.search, dispatch, draw && rehearse);

  useConverter(state.script, dispatch);
  useAutoScroll(state.autoScroll ? state.autoPace : undefined, dispatch);
  const lead = statusLead(state, state.search.active ? searchStatus(state) : undefined);
  const flow = textFlow(state);
  const progress = useLayoutProgress(flow, lastInput);
  const g = geometry(state);
  const screen = draw && readingFrame(state, theme, { progress, indexing });
  const line =
    !screen && !g.tooSmall && state.search.editing
      ? searchLine({ line: state.search.line, info: searchLineInfo(state.search, indexing), width: columns, theme, ambiguousWidth: state.ambiguousWidth })
      : undefined;
  // In the query while the search line is open: an input method opens its candidate window there.
  useTerminalCursor(screen ? screen.cursor : line && { x: line.cursor, y: rows - 1 });
  if (screen) {
    // In the render itself, not an effect: Ink writes the frame of this render before effects run.
    draw(screenLayer(screen.lines, columns));
    return null;
  }
  if (g.tooSmall) {
    draw?.(undefined);
    return <TooSmall columns={columns} rows={rows} theme={theme} />;
  }

  const entries = sidebarEntries(doc);
  const current = currentEntry(state, flow);
  // The results of the search being typed take the bottom rows of the body.
  const listHeight = resultsHeight(state.search, g.bodyHeight);
  const bodyHeight = g.bodyHeight - listHeight;
  const textHeight = Math.max(0, g.textHeight - listHeight);
  const common = { theme, ambiguousWidth: state.ambiguousWidth };
  const shown = shownText(state);
  const sidebar = (width: number) => (
    <Sidebar
      entries={entries}
      current={current}
      selected={state.selected}
      focused={state.focus === 'sidebar'}
      width={width}
      height={bodyHeight}
      shown={shown}
      {...common}
    />
  );

  let main;
  let layer: Layer | undefined;
  if (state.overlay === 'help') {
    main = <HelpOverlay lines={helpLines()} scroll={state.helpScroll} width={g.paneWidth} height={bodyHeight} {...common} />;
  } else if (g.sidebar === 'overlay') {
    main = sidebar(g.paneWidth);
  } else {
    const rows = visibleRows(state, flow).slice(0, textHeight);
    // A running head, as in a book (see runningHead).
    const head = runningHead(state, rows);
    const highlights = rowHighlights(state.search, rows);
    if (draw) {
      const x = g.sidebar === 'docked' ? g.sidebarWidth + g.separatorWidth : 0;
      // Below the header row.
      layer = { x, y: 1, width: g.paneWidth, lines: paneLines(rows, theme, g.textLeft, highlights) };
    }
    main = (
      <Box flexDirection="column" width={g.paneWidth} height={bodyHeight}>
        <Header
          title={shown(head.title)}
          {...(head.dateline === undefined ? {} : { dateline: head.dateline })}
          width={g.paneWidth}
          {...common}
        />
        <TextPane
          rows={rows}
          highlights={highlights}
          width={g.paneWidth}
          left={g.textLeft}
          height={textHeight}
          theme={theme}
          drawnOver={layer !== undefined}
        />
      </Box>
    );
  }

  draw?.(layer);
  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Box flexDirection="row" width={columns} height={bodyHeight}>
        {g.sidebar === 'docked' && sidebar(g.sidebarWidth)}
        {g.sidebar === 'docked' && <Separator height={bodyHeight} {...common} />}
        {main}
      </Box>
      {state.search.editing ? (
        <>
          <SearchResults
            hits={state.search.results?.hits}
            selected={state.search.selected}
            query={state.search.line.text}
            searching={isSearching(state.search)}
            hints={keyHints('search')}
            width={columns}
            height={listHeight}
            {...common}
          />
          {line && <Text wrap="truncate-end">{line.text}</Text>}
        </>
      ) : (
        <StatusBar
          section={shown(entries[current]?.label ?? '')}
          notice={state.notice}
          {...(lead === undefined ? {} : { search: lead })}
          position={readingPosition(state, flow)}
          hints={keyHints(modeOf(state))}
          {...(progress === undefined ? {} : { progress })}
          width={columns}
          {...common}
        />
      )}
    </Box>
  );
}
