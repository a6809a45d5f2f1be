/** What part of a one-line field fits on screen, and which cell the cursor is in. */
import { cellWidth, graphemes, graphemeWidth, truncateToWidth, type AmbiguousWidth } from '../core/layout/width.js';

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
  // Cells from the start of the text to the cursor, and to each grapheme before it: measured once, so
  // a long paste costs one pass, not one per possible start.
  const toCursor = cellWidth(text.slice(0, cursor), ambiguousWidth);
  const starts: number[] = [];
  const cellsBefore: number[] = [];
  let cells = 0;
  for (const { segment, index } of graphemes(text)) {
    if (index >= cursor) break;
    starts.push(index);
    cellsBefore.push(cells);
    cells += graphemeWidth(segment, ambiguousWidth);
  }
  if (cursor > 0) {
    starts.push(cursor);
    cellsBefore.push(toCursor);
  }
  // The earliest start that leaves the text before the cursor, an ellipsis and the cursor's cell in view
  // (at the latest the cursor itself: then only the ellipsis is before it).
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    from = starts[i]!;
    const lead = from > 0 ? ellipsis : 0;
    if (lead + toCursor - cellsBefore[i]! + 1 <= room) break;
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const before = lead + text.slice(from, cursor);
  const beforeCells = cellWidth(before, ambiguousWidth);
  // After the cursor: what fits in the rest, cut with … (the cursor's own cell is the first of it).
  const after = truncateToWidth(text.slice(cursor), Math.max(0, room - beforeCells), ambiguousWidth);
  return { shown: before + after, cursor: Math.min(beforeCells, room - 1) };
}
