/**
 * The reading view of a state as the rows of the screen, built without Ink. It is what the reader
 * shows nearly all the time, and the screen writer draws it whole, as a layer over an empty Ink
 * frame: Ink's output builder makes an object per cell of the screen on every frame, the most of a
 * key's cost on a large screen and of the garbage it leaves. It is also the first frame, drawn while
 * Ink, React and Yoga are still loading (about half the start-up).
 * test/ui/layer.test.tsx and test/ui/first-frame.test.tsx check it cell for cell against the frame
 * Ink renders for the same state.
 */
import { geometry } from '../../app/geometry.js';
import { keyHints } from '../../app/keymap.js';
import { rowHighlights, searchStatus } from '../../app/search.js';
import { currentEntry, readingPosition, sidebarEntries, textFlow, visibleRows } from '../../app/selectors.js';
import { modeOf, type ReaderState } from '../../app/state.js';
import type { Layer } from '../../terminal/screen.js';
import type { Theme } from '../theme.js';
import { headerLine } from './header.js';
import { separatorRule } from './separator.js';
import { sidebarLines } from './sidebar.js';
import { statusLine } from './status.js';
import { paneLines } from './text.js';

/**
 * The rows, top to bottom; undefined when the state shows anything but the text with the sidebar
 * docked or hidden (an overlay, the search line, the sidebar in focus, a terminal too small), which
 * Ink draws. `progress`: the layout pass's share done, as the status bar reports it.
 */
export function readingFrame(state: ReaderState, theme: Theme, progress: number | undefined): string[] | undefined {
  const g = geometry(state);
  if (g.tooSmall || g.sidebar === 'overlay' || state.overlay !== 'none' || state.focus !== 'text' || state.search.editing) return undefined;
  const flow = textFlow(state);
  const { doc, ambiguousWidth } = state;
  const entries = sidebarEntries(doc);
  const current = currentEntry(state, flow);
  const rows = visibleRows(state, flow).slice(0, g.textHeight);
  // As App: the running head is blank while the text's own title is in view.
  const titleInView = rows.some((row) => row.kind === 'title');
  const header = headerLine({
    title: titleInView ? '' : doc.title,
    ...(doc.dateline && !titleInView ? { dateline: doc.dateline.raw } : {}),
    width: g.paneWidth,
    theme,
    ambiguousWidth,
  });
  const pane = [header, ...paneLines(rows, theme, g.textLeft, rowHighlights(state.search, rows))];
  const docked = g.sidebar === 'docked';
  const sidebar = docked ? sidebarLines({ entries, current, selected: state.selected, focused: false, width: g.sidebarWidth, height: g.bodyHeight, theme, ambiguousWidth }) : [];
  const rule = separatorRule(theme, ambiguousWidth);
  const lines = Array.from({ length: g.bodyHeight }, (_, y) => (docked ? `${sidebar[y]}${rule}` : '') + (pane[y] ?? ''));
  const search = state.search.active ? searchStatus(state) : undefined;
  lines.push(
    statusLine({
      section: entries[current]?.label ?? '',
      notice: state.notice,
      ...(search === undefined ? {} : { search }),
      position: readingPosition(state, flow),
      hints: keyHints(modeOf(state)),
      ...(progress === undefined ? {} : { progress }),
      width: state.columns,
      theme,
      ambiguousWidth,
    }),
  );
  return lines;
}

/** The rows as a layer over the whole screen. */
export function screenLayer(lines: readonly string[], columns: number): Layer {
  return { x: 0, y: 0, width: columns, lines };
}
