/**
 * The whole screen of a state as rows: every view the reader has (the text, the search being typed
 * and its results, the sidebar docked, focused or as an overlay, the help, the notice of a terminal
 * too small) is described here once, as a pure function of the state (and the text) to rows of
 * styled spans, which the screen writer turns into cells (no escape sequence is written and parsed
 * back). Ink renders none of it: its per-cell output builder was most of a key's cost on a large
 * screen. The same function draws the first frame, before Ink is loaded.
 */
import { geometry } from '../../app/geometry.js';
import { keyHints } from '../../app/keymap.js';
import { isSearching, resultsHeight, rowHighlights, searchLineInfo, searchStatus } from '../../app/search.js';
import { layoutProgress, readingPosition, runningHead, shownText, sidebarView, statusLead, statusSection, textFlow, visibleRows } from '../../app/selectors.js';
import { modeOf, type ReaderState } from '../../app/state.js';
import { converterFor } from '../../core/script/convert.js';
import { leadTitle } from '../../core/document/outline.js';
import { helpLines } from '../../app/help.js';
import type { CursorCell } from '../../terminal/writer.js';
import type { Theme } from '../theme.js';
import type { Line } from '../text.js';
import { headerLine } from './header.js';
import { helpRows } from './help.js';
import { tooSmallRows } from './too-small.js';
import { separatorRule } from './separator.js';
import { sidebarLines } from './sidebar.js';
import { statusLine } from './status.js';
import { resultsLines } from './results.js';
import { searchLine } from './search-line.js';
import { shelfFrame } from './shelf.js';
import { paneLines } from './text.js';

/** A whole screen: its rows, top to bottom, and where the terminal's cursor goes (undefined: hidden). */
export interface ScreenView {
  lines: Line[];
  cursor?: CursorCell;
}

/** The screen of `state`: its rows, exactly `state.rows` of them, each `state.columns` cells wide at most. */
export function screenView(state: ReaderState, theme: Theme, now: Date = new Date()): ScreenView {
  const g = geometry(state);
  if (g.tooSmall) return { lines: tooSmallRows(state.columns, state.rows, theme) };
  // The shelf (`o`) takes the whole screen; `now` dates its "last read" column.
  if (state.shelf.open) return shelfFrame(state, theme, now);
  const flow = textFlow(state);
  const { doc, ambiguousWidth, search } = state;
  const { indexing, layoutFlow } = state.background;
  // The results of the search being typed take the bottom rows of the body.
  const listHeight = resultsHeight(search, g.bodyHeight);
  const bodyHeight = g.bodyHeight - listHeight;
  const shown = shownText(state);
  const sidebar = (width: number): Line[] =>
    sidebarLines({ ...sidebarView(state, flow), focused: state.focus === 'sidebar', width, height: bodyHeight, theme, ambiguousWidth, shown });
  let main: Line[];
  if (state.overlay === 'help') {
    main = helpRows({ lines: helpLines(), scroll: state.helpScroll, width: g.paneWidth, height: bodyHeight, theme, ambiguousWidth });
  } else if (g.sidebar === 'overlay') {
    main = sidebar(g.paneWidth);
  } else {
    const rows = visibleRows(state, flow).slice(0, Math.max(0, g.textHeight - listHeight));
    // A running head, as in a book (see runningHead).
    const head = runningHead(state, rows);
    const header = headerLine({
      title: shown(head.title),
      ...(head.dateline === undefined ? {} : { dateline: shown(head.dateline) }),
      width: g.paneWidth,
      theme,
      ambiguousWidth,
    });
    main = [header, ...paneLines(rows, theme, g.textLeft, rowHighlights(search, rows))];
  }
  const docked = g.sidebar === 'docked';
  const left: Line[] = docked ? sidebar(g.sidebarWidth) : [];
  const rule = separatorRule(theme, ambiguousWidth);
  const lines = Array.from({ length: bodyHeight }, (_, y): Line => [...(docked ? [...(left[y] ?? []), rule] : []), ...(main[y] ?? [])]);
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
      convert: converterFor(state.script),
      leadTitle: leadTitle(state.doc),
    });
    const info = searchLineInfo(search, indexing);
    const line = searchLine({ line: search.line, info, width: state.columns, theme, ambiguousWidth });
    lines.push(...results, line.text);
    // In the query: an input method opens its candidate window at the cursor.
    return { lines, cursor: { x: line.cursor, y: state.rows - 1 } };
  }
  const status = statusLead(state, search.active ? searchStatus(state) : undefined);
  // The background pass's share done: from the first frame on for a long text, else once reported.
  // Read once the frame's rows are laid out, which counts theirs: the first frame drawn before Ink
  // loads and the app's own first frame then say the same.
  const progress = layoutProgress(flow, layoutFlow === flow);
  lines.push(
    statusLine({
      section: shown(statusSection(state, flow)),
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
