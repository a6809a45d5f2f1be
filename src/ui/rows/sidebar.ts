/** The sidebar's rows as rows of spans. */
import type { SidebarEntry } from '../../app/selectors.js';
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { fit, paint, type Line } from '../text.js';
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
  /** How a label is shown (the script the text is shown in); as written by default. */
  shown?: (text: string) => string;
}

/** The entry as listed; section numbers right-aligned in `digits` cells, so `9` and `10` start their names in one column. */
function entryText(entry: SidebarEntry, current: boolean, digits: number, label: string): string {
  const marker = current ? '> ' : '  ';
  const indent = '  '.repeat(Math.max(0, (entry.depth ?? 1) - 1));
  // Nested sections (a book's chapters under its parts, Markdown's `###` under `##`) indent by depth.
  if (entry.kind === 'section') return `${marker}${indent}${String(entry.section).padStart(digits)} ${label}`;
  if (entry.kind === 'volume') return `${marker}${entry.folded ? '▸' : '▾'} ${label}`;
  // The filter line: what is typed, and how many chapters it finds.
  if (entry.kind === 'filter') return `${entry.label}▏ ${entry.section}`;
  return `${marker}${label}`;
}

/**
 * The table of contents: the title (or the chapter filter being typed), a gap, then the lead, the
 * volumes (`▾` open, `▸` folded) and the sections (numbered in reading order, as `--section` and the 1–9
 * keys reach them; indented under their volume), one row each, `height` rows. Entries are cut by display width with an ellipsis and
 * padded to it; when they do not all fit, the list scrolls to keep the selected (or current) entry in
 * view. Worked out for the rows shown only: a long text has thousands of sections.
 */
export function sidebarLines({ entries, current, selected, focused, width, height, theme, ambiguousWidth, shown }: SidebarProps): Line[] {
  // List row r: the title at 0, the gap at 1, entry r - 1 below.
  const rowOf = (entry: number): number => (entry === 0 ? 0 : entry + 1);
  const listLength = entries.length + 1;
  const focus = focused ? selected : current;
  const first = Math.max(0, Math.min(rowOf(focus) - Math.floor(height / 2), listLength - height));
  // Sections are numbered in reading order: the last entry has the widest number.
  // The widest section number listed (the last section, unless a filter or a volume ends the list).
  let widest = 0;
  // By index: drawn on every frame, over a long book's thousands of entries.
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k]!;
    if (entry.kind === 'section' && entry.section > widest) widest = entry.section;
  }
  const digits = String(widest).length;
  return Array.from({ length: height }, (_, i) => {
    const r = first + i;
    // Blank, the whole width as every row: the rule beside the sidebar starts in the same column on every row.
    if (r === 1 || r >= listLength) return paint(' '.repeat(Math.max(1, width)));
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
            : entry.generated
              ? theme.sidebarGenerated
              : undefined;
    // Cut a cell short of the width, so no entry touches the divider, and padded to the width: the
    // selected entry's bar is the whole width.
    const text = fit(entryText(entry, isCurrent, digits, shown ? shown(entry.label) : entry.label), width - 1, ambiguousWidth);
    return paint(width > 1 ? `${text} ` : text, style);
  });
}
