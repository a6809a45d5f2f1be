/** The status bar's row as a row of spans. */
import type { Position } from '../../app/selectors.js';
import { cellWidth, truncateToWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';

export interface StatusBarProps {
  /** Where the reader is: the current section's label. */
  section: string;
  /** A message shown instead of the section until the next key (a copy confirmation, a warning). */
  notice?: string;
  /** The committed search (`hit 2 of 4  /query`), shown first; the section or notice gets what is left. */
  search?: string;
  position: Position;
  /** Key hints, most useful first, `?` last; as many as fit are shown, `?` always when anything is. */
  hints: readonly { key: string; hint: string }[];
  /** Share of a large document laid out so far (0–1) while that is still going on. */
  progress?: number;
  width: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

/**
 * Cells the section name keeps before key hints are dropped for it: a quarter of what the row has
 * beyond 20 cells, at least 6 and at most 16, so that at 80 columns a book's `12/120` and a few characters of its chapter's title stay
 * (where you are matters more than a key hint), and at 40 the focused part's main key still shows.
 */
function sectionMin(width: number): number {
  return Math.min(16, Math.max(6, Math.floor((width - 20) / 4)));
}

/**
 * The position, right-aligned in the cells its widest value takes (`total/total 100%`), so the key
 * hints left of it stay in one place as the line number and the percentage grow; only the percentage
 * when that would take more than a quarter of the row.
 */
function positionText({ line, total, percent, exact }: Position, width: number): string {
  const widest = `${total}/${exact ? '' : '~'}${total} 100%`;
  // A long book's row numbers (`140/368373`) would take half a narrow row: the percentage says where
  // you are, and the chapter gets the room.
  if (widest.length > width / 4) return `${percent}%`.padStart(4);
  return `${line}/${exact ? '' : '~'}${total} ${percent}%`.padStart(widest.length);
}

/** Drops hints from the middle (never the last, `?`) until they fit in `room` cells. */
function fittingHints(hints: StatusBarProps['hints'], room: number, ambiguousWidth: AmbiguousWidth) {
  const shown = [...hints];
  const width = () => shown.reduce((sum, h) => sum + cellWidth(`${h.key} ${h.hint}  `, ambiguousWidth), 0);
  while (shown.length > 1 && width() > room) shown.splice(shown.length - 2, 1);
  return width() <= room ? shown : [];
}

/** The bottom row, in inverse video: section on the left; position and key hints on the right. */
export function statusLine({ section: sectionLabel, notice, search, position, hints, progress, width, theme, ambiguousWidth }: StatusBarProps): Line {
  // A notice is news: it takes the section's place and the room of the key hints.
  const news = notice || sectionLabel;
  const lead = search ? `${search}  ` : '';
  const section = lead + news;
  // Two places for the percentage: the hints must not move a column when it reaches 10%.
  const where = `${progress === undefined ? '' : `layout ${String(Math.floor(progress * 100)).padStart(2)}%  `}${positionText(position, width)} `;
  const whereWidth = cellWidth(where, ambiguousWidth);
  // The section keeps a few cells (a heading's first characters) before hints take the rest; the same
  // few whatever the section's name, so which hints fit does not change from one section to the next.
  const hintRoom = Math.max(0, width - whereWidth - 1 - cellWidth(lead, ambiguousWidth) - sectionMin(width));
  const shown = notice ? [] : fittingHints(hints, hintRoom, ambiguousWidth);
  const hintsText = shown.map((h) => `${h.key} ${h.hint}  `).join('');
  const sectionRoom = Math.max(0, width - whereWidth - cellWidth(hintsText, ambiguousWidth) - 1);
  const left = truncateToWidth(` ${section}`, sectionRoom, ambiguousWidth);
  const gap = ' '.repeat(Math.max(0, width - cellWidth(left, ambiguousWidth) - cellWidth(hintsText, ambiguousWidth) - whereWidth));
  const styledHints = shown.flatMap((h) => [...paint(h.key, theme.statusKey), ...paint(` ${h.hint}  `, theme.status)]);
  if (whereWidth > width) return paint(truncateToWidth(where, width, ambiguousWidth, ''), theme.status);
  return [...paint(left + gap, theme.status), ...styledHints, ...paint(where, theme.status)];
}
