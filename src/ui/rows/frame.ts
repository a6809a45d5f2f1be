/**
 * The reading view of a state as one frame, built without Ink: the reader draws its first frame
 * with it while Ink, React and Yoga are still loading (about half the start-up), and Ink's own first
 * frame then shows the same cells, so the screen writer sends nothing more for it.
 * test/ui/first-frame.test.tsx checks it cell for cell against the frame Ink renders for the same state.
 */
import { geometry } from '../../app/geometry.js';
import { keyHints } from '../../app/keymap.js';
import { currentEntry, readingPosition, sidebarEntries, textFlow, visibleRows } from '../../app/selectors.js';
import { modeOf, type ReaderState } from '../../app/state.js';
import type { Theme } from '../theme.js';
import { headerLine } from './header.js';
import { separatorRule } from './separator.js';
import { sidebarLines } from './sidebar.js';
import { statusLine } from './status.js';
import { rowLine } from './text.js';

/** Blocks from which a layout pass reports its progress from the first frame (see useLayoutProgress). */
const REPORTED_FROM_THE_START = 20_000;

/**
 * Rows joined by `\n`, as Ink writes a frame; undefined when the state shows anything but the text
 * with the sidebar docked or hidden (an overlay, the search, a notice of layout progress, a
 * terminal too small), which only Ink draws.
 */
export function readingFrame(state: ReaderState, theme: Theme): string | undefined {
  const g = geometry(state);
  if (g.tooSmall || g.sidebar === 'overlay' || state.overlay !== 'none' || state.focus !== 'text' || state.search.editing || state.search.active) return undefined;
  const flow = textFlow(state);
  if (!flow.isExact() && flow.blockCount >= REPORTED_FROM_THE_START) return undefined;
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
  const pane = [header, ...rows.map((row) => rowLine(row, theme, g.textLeft))];
  const docked = g.sidebar === 'docked';
  const sidebar = docked ? sidebarLines({ entries, current, selected: state.selected, focused: false, width: g.sidebarWidth, height: g.bodyHeight, theme, ambiguousWidth }) : [];
  const rule = separatorRule(theme, ambiguousWidth);
  const lines = Array.from({ length: g.bodyHeight }, (_, y) => (docked ? `${sidebar[y]}${rule}` : '') + (pane[y] ?? ''));
  lines.push(
    statusLine({
      section: entries[current]?.label ?? '',
      notice: state.notice,
      position: readingPosition(state, flow),
      hints: keyHints(modeOf(state)),
      width: state.columns,
      theme,
      ambiguousWidth,
    }),
  );
  return lines.join('\n');
}
