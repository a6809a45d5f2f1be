/** The sidebar's rows as styled strings. */
import type { SidebarEntry } from '../../app/selectors.js';
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { paint } from '../style.js';
import { fit } from '../text.js';
import type { Theme } from '../theme.js';

export interface SidebarProps {
  entries: readonly SidebarEntry[];
  /** The entry in view, marked with `>` (-1: none). */
  current: number;
  /** The selected entry, highlighted while the sidebar has focus. */
  selected: number;
  focused: boolean;
  width: number;
  height: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

function entryText(entry: SidebarEntry, current: boolean): string {
  const marker = current ? '> ' : '  ';
  const indent = '  '.repeat(Math.max(0, (entry.depth ?? 1) - 1));
  if (entry.kind === 'section') return `${marker}${indent}${entry.section} ${entry.label}`;
  if (entry.kind === 'volume') return `${marker}${entry.folded ? '▸' : '▾'} ${entry.label}`;
  // The filter line: what is typed, and how many chapters it finds.
  if (entry.kind === 'filter') return `${entry.label}▏ ${entry.section}`;
  return `${marker}${entry.label}`;
}

/**
 * The table of contents: the title (or the chapter filter being typed), a gap, then the lead, the
 * volumes (`▾` open, `▸` folded) and the sections (numbered in reading order, as `--section` and the 1–9
 * keys reach them; indented under their volume), one row each, `height` rows. Entries are cut by display width with an ellipsis and
 * padded to it; when they do not all fit, the list scrolls to keep the selected (or current) entry in
 * view. Worked out for the rows shown only: a long text has thousands of sections.
 */
export function sidebarLines({ entries, current, selected, focused, width, height, theme, ambiguousWidth }: SidebarProps): string[] {
  // List row r: the title at 0, the gap at 1, entry r - 1 below.
  const rowOf = (entry: number): number => (entry === 0 ? 0 : entry + 1);
  const listLength = entries.length + 1;
  const focus = focused ? selected : current;
  const first = Math.max(0, Math.min(rowOf(focus) - Math.floor(height / 2), listLength - height));
  return Array.from({ length: height }, (_, i) => {
    const r = first + i;
    // Blank, the whole width as every row (an empty text would take no row at all in Ink).
    if (r === 1 || r >= listLength) return ' '.repeat(Math.max(1, width));
    const index = r === 0 ? 0 : r - 1;
    const entry = entries[index] as SidebarEntry;
    const isCurrent = index === current;
    const style =
      focused && index === selected
        ? theme.sidebarSelected
        : isCurrent
          ? theme.sidebarCurrent
          : entry.kind === 'title' || entry.kind === 'filter' || entry.kind === 'volume'
            ? theme.sidebarTitle
            : undefined;
    // Padded to the width: the selected entry's bar is the whole width.
    return paint(fit(entryText(entry, isCurrent), width, ambiguousWidth), style);
  });
}
