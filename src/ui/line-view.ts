/** What part of a one-line field fits on screen, and which cell the cursor is in. */
import { cellWidth, graphemes, truncateToWidth, type AmbiguousWidth } from '../core/layout/width.js';

const ELLIPSIS = '…';

export interface LineView {
  /** The text to draw: `text`, or the part around the cursor with … where it was cut. */
  shown: string;
  /** Cells from the start of `shown` to the cursor. */
  cursor: number;
}

/**
 * The part of `text` to show in `room` cells with the cursor (UTF-16 offset `cursor`, on a grapheme
 * boundary) in view. The cursor takes a cell of its own at the end of the text. When the text does
 * not fit, it scrolls: as much as fits before the cursor, … where text was cut off on either side.
 * Widths are cells (double-width characters count two), so the cursor lands on the character's cell.
 */
export function lineView(text: string, cursor: number, room: number, ambiguousWidth: AmbiguousWidth): LineView {
  if (room <= 0) return { shown: '', cursor: 0 };
  if (cellWidth(text, ambiguousWidth) + 1 <= room) return { shown: text, cursor: cellWidth(text.slice(0, cursor), ambiguousWidth) };
  const ellipsis = cellWidth(ELLIPSIS, ambiguousWidth);
  const starts = graphemes(text).map((g) => g.index);
  // The earliest start that leaves the text before the cursor, an ellipsis and the cursor's cell in view
  // (at the latest the cursor itself: then only the ellipsis is before it).
  let from = 0;
  for (const start of [0, ...starts.filter((s) => s > 0 && s < cursor), ...(cursor > 0 ? [cursor] : [])]) {
    from = start;
    const lead = start > 0 ? ellipsis : 0;
    if (lead + cellWidth(text.slice(start, cursor), ambiguousWidth) + 1 <= room) break;
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const before = lead + text.slice(from, cursor);
  const beforeCells = cellWidth(before, ambiguousWidth);
  // After the cursor: what fits in the rest, cut with … (the cursor's own cell is the first of it).
  const after = truncateToWidth(text.slice(cursor), Math.max(0, room - beforeCells), ambiguousWidth);
  return { shown: before + after, cursor: Math.min(beforeCells, room - 1) };
}
