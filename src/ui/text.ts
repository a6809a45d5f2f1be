/**
 * Rows of styled spans, as every view draws them, and fitting plain strings into a number of cells
 * for the parts of the screen that are not laid-out text.
 */
import { cellWidth, truncateToWidth, type AmbiguousWidth } from '../core/layout/width.js';
import type { Span } from '../terminal/span.js';
import type { Style } from '../terminal/style.js';

/** One row of a view: spans left to right. */
export type Line = Span[];

/** `text` in `style` (none: the terminal's default). */
export function span(text: string, style?: Style): Span {
  return style === undefined ? { text } : { text, style };
}

/** `text` in `style` as a line of its own (no span for empty text), to be joined with others. */
export function paint(text: string, style?: Style): Line {
  return text === '' ? [] : [span(text, style)];
}

/** The text a line shows, without its styles. */
export function lineText(line: readonly Span[]): string {
  let text = '';
  for (const { text: part } of line) text += part;
  return text;
}

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
