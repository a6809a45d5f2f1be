/**
 * Where everything goes on a terminal of a given size. The one place that turns columns and rows
 * into pane widths and heights; the reducer (paging, clamping) and the components both read it.
 */
import type { ReaderState } from './state.js';

/** Below this the reader shows a "terminal too small" notice instead of its layout. */
export const MIN_COLUMNS = 20;
export const MIN_ROWS = 6;
/** Below this many columns the sidebar is not docked; it opens as an overlay instead. */
export const NARROW_BELOW = 60;

export interface Geometry {
  tooSmall: boolean;
  /** The sidebar: docked beside the text, shown over the text pane, or not shown. */
  sidebar: 'docked' | 'overlay' | 'none';
  /** Cells of the docked sidebar (0 when not docked). */
  sidebarWidth: number;
  /** Cells of the column between sidebar and text pane (0 when not docked). */
  separatorWidth: number;
  /** Cells of the main pane (header, text, overlays). */
  paneWidth: number;
  /** Cells the text is laid out in: the pane less a margin on either side, at most the measure. */
  textWidth: number;
  /** Cells left of the text in the pane: a one-cell margin, more when the measure centres the text. */
  textLeft: number;
  /** Rows above the status bar: the sidebar's and the main pane's height. */
  bodyHeight: number;
  /** Rows of text in the main pane (below its one-row header). */
  textHeight: number;
}

/** Lays the screen out for `state`'s terminal size, focus and sidebar setting. */
export function geometry(state: Pick<ReaderState, 'columns' | 'rows' | 'focus' | 'sidebarHidden' | 'measure'>): Geometry {
  const columns = Math.max(0, Math.floor(state.columns));
  const rows = Math.max(0, Math.floor(state.rows));
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  const narrow = columns < NARROW_BELOW;
  const docked = !narrow && !state.sidebarHidden;
  const sidebar = docked ? 'docked' : state.focus === 'sidebar' ? 'overlay' : 'none';
  const sidebarWidth = docked ? Math.min(32, Math.max(18, Math.round(columns * 0.3))) : 0;
  const separatorWidth = docked ? 1 : 0;
  const paneWidth = columns - sidebarWidth - separatorWidth;
  const bodyHeight = Math.max(1, rows - 1);
  const available = Math.max(2, paneWidth - 2);
  const textWidth = state.measure > 0 ? Math.max(2, Math.min(available, Math.floor(state.measure))) : available;
  return {
    tooSmall,
    sidebar,
    sidebarWidth,
    separatorWidth,
    paneWidth,
    textWidth,
    textLeft: 1 + Math.max(0, Math.floor((available - textWidth) / 2)),
    bodyHeight,
    textHeight: Math.max(1, bodyHeight - 1),
  };
}
