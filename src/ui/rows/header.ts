/** The main pane's running head as a row of spans. */
import { cellWidth, truncateToWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { paint, padding, type Line } from '../text.js';
import type { Theme } from '../theme.js';

export interface HeaderProps {
  title: string;
  dateline?: string;
  width: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

/** Fewest title cells worth keeping when the dateline also wants room; narrower, the dateline goes. */
const MIN_TITLE = 12;

/**
 * The running head of the main pane: the title (cut by display width) and, when it fits, the dateline
 * on the right.
 */
export function headerLine({ title, dateline, width, theme, ambiguousWidth }: HeaderProps): Line {
  const room = Math.max(0, width - 2);
  const dateWidth = dateline ? cellWidth(dateline, ambiguousWidth) : 0;
  const showDate = dateline !== undefined && room >= MIN_TITLE + 2 + dateWidth;
  const titleRoom = showDate ? room - dateWidth - 2 : room;
  const cut = truncateToWidth(title, titleRoom, ambiguousWidth);
  const gap = padding(cut, titleRoom, ambiguousWidth);
  const date = showDate && dateline ? [...paint('  '), ...paint(dateline, theme.headerDate)] : [];
  return [...paint(' '), ...paint(cut, theme.headerTitle), ...paint(gap), ...date, ...paint(' ')];
}
