/** Fitting plain strings into a number of cells, for the parts of the screen that are not laid-out text. */
import { cellWidth, truncateToWidth, type AmbiguousWidth } from '../core/layout/width.js';

/** `text` cut to `width` cells (with an ellipsis when cut) and padded with spaces to exactly `width`. */
export function fit(text: string, width: number, ambiguousWidth: AmbiguousWidth): string {
  if (width <= 0) return '';
  const cut = truncateToWidth(text, width, ambiguousWidth);
  return cut + ' '.repeat(Math.max(0, width - cellWidth(cut, ambiguousWidth)));
}

/** Spaces that fill the cells `text` leaves of `width`. */
export function padding(text: string, width: number, ambiguousWidth: AmbiguousWidth): string {
  return ' '.repeat(Math.max(0, width - cellWidth(text, ambiguousWidth)));
}
