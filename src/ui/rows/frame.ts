/**
 * The text's view of a state (reading, and searching as one types) as the rows of the screen, built
 * without Ink. It is what the reader shows nearly all the time, and the screen writer draws it whole,
 * as a layer over an empty Ink frame: Ink's output builder makes an object per cell of the screen on
 * every frame, the most of a key's cost on a large screen and of the garbage it leaves. It is also
 * the first frame, drawn while Ink, React and Yoga are still loading (about half the start-up).
 * test/ui/layer.test.tsx and test/ui/first-frame.test.tsx check it cell for cell against the frame
 * Ink renders for the same state.
 */
import { geometry } from '../../app/geometry.js';
import { keyHints } from '../../app/keymap.js';
import { isSearching, resultsHeight, rowHighlights, searchLineInfo, searchStatus } from '../../app/search.js';
import { currentEntry, readingPosition, runningHead, shownText, statusLead, sidebarEntries, textFlow, visibleRows } from '../../app/selectors.js';
import { modeOf, type ReaderState } from '../../app/state.js';
import type { Layer } from '../../terminal/screen.js';
import type { CursorCell } from '../../terminal/writer.js';
import type { Theme } from '../theme.js';
import { headerLine } from './header.js';
import { separatorRule } from './separator.js';
import { sidebarLines } from './sidebar.js';
import { statusLine } from './status.js';
import { resultsLines } from './results.js';
import { searchLine } from './search-line.js';
import { paneLines } from './text.js';

/** A whole screen: its rows, top to bottom, and where the terminal's cursor goes (undefined: hidden). */
export interface ScreenView {
  lines: string[];
  cursor?: CursorCell;
}

/** What the view shows beside the state: background work the app runs. */
export interface ViewExtras {
  /** The layout pass's share done, as the status bar reports it. */
  progress?: number | undefined;
  /** The search index's progress note for the search line (`pinyin 40%`). */
  indexing?: string | undefined;
}

/**
 * The screen of the text: undefined when the state shows anything else (an overlay, the sidebar in
 * focus, a terminal too small), which Ink draws. The search being typed is part of it: its results
 * take the bottom rows of the body and its line the status bar's.
 */
export function readingFrame(state: ReaderState, theme: Theme, { progress, indexing }: ViewExtras = {}): ScreenView | undefined {
  const g = geometry(state);
  if (g.tooSmall || g.sidebar === 'overlay' || state.overlay !== 'none' || state.focus !== 'text') return undefined;
  const flow = textFlow(state);
  const { doc, ambiguousWidth, search } = state;
  const entries = sidebarEntries(doc);
  const current = currentEntry(state, flow);
  // As App: the results of the search being typed take the bottom rows of the body.
  const listHeight = resultsHeight(search, g.bodyHeight);
  const bodyHeight = g.bodyHeight - listHeight;
  const rows = visibleRows(state, flow).slice(0, Math.max(0, g.textHeight - listHeight));
  const head = runningHead(state, rows);
  const shown = shownText(state);
  const header = headerLine({
    title: shown(head.title),
    ...(head.dateline === undefined ? {} : { dateline: head.dateline }),
    width: g.paneWidth,
    theme,
    ambiguousWidth,
  });
  const pane = [header, ...paneLines(rows, theme, g.textLeft, rowHighlights(search, rows))];
  const docked = g.sidebar === 'docked';
  const sidebar = docked ? sidebarLines({ entries, current, selected: state.selected, focused: false, width: g.sidebarWidth, height: bodyHeight, theme, ambiguousWidth, shown }) : [];
  const rule = separatorRule(theme, ambiguousWidth);
  const lines = Array.from({ length: bodyHeight }, (_, y) => (docked ? `${sidebar[y]}${rule}` : '') + (pane[y] ?? ''));
  if (search.editing) {
    const results = resultsLines({
      hits: search.results?.hits,
      selected: search.selected,
      query: search.line.text,
      searching: isSearching(search),
      hints: keyHints('search'),
      width: state.columns,
      height: listHeight,
      theme,
      ambiguousWidth,
    });
    const info = searchLineInfo(search, indexing);
    const line = searchLine({ line: search.line, info, width: state.columns, theme, ambiguousWidth });
    lines.push(...results, line.text);
    return { lines, cursor: { x: line.cursor, y: state.rows - 1 } };
  }
  const status = statusLead(state, search.active ? searchStatus(state) : undefined);
  lines.push(
    statusLine({
      section: shown(entries[current]?.label ?? ''),
      notice: state.notice,
      ...(status === undefined ? {} : { search: status }),
      position: readingPosition(state, flow),
      hints: keyHints(modeOf(state)),
      ...(progress === undefined ? {} : { progress }),
      width: state.columns,
      theme,
      ambiguousWidth,
    }),
  );
  return { lines };
}

/** The rows as a layer over the whole screen. */
export function screenLayer(lines: readonly string[], columns: number): Layer {
  return { x: 0, y: 0, width: columns, lines };
}
