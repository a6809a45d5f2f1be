import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SidebarEntry } from '../../app/selectors.js';
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { paint } from '../style.js';
import { fit } from '../text.js';
import type { Theme } from '../theme.js';

export interface SidebarProps {
  entries: readonly SidebarEntry[];
  /** The entry in view, marked with `>`. */
  current: number;
  /** The selected entry, highlighted while the sidebar has focus. */
  selected: number;
  focused: boolean;
  width: number;
  height: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

type ListRow = { entry: number } | { gap: true };

function entryText(entry: SidebarEntry, current: boolean): string {
  const marker = current ? '> ' : '  ';
  if (entry.kind === 'section') return `${marker}${entry.section} ${entry.label}`;
  return `${marker}${entry.label}`;
}

/**
 * The table of contents: the title, a gap, then the lead and the sections (numbered as the 1–9 keys
 * reach them). Entries are cut by display width with an ellipsis; when they do not all fit, the
 * list scrolls to keep the selected (or current) entry in view. Memoised, as scrolling the text
 * seldom changes it; no clipping box (entries are fitted to the width, and clipping costs Ink a pass
 * over every character of every frame).
 */
export const Sidebar = memo(function Sidebar({ entries, current, selected, focused, width, height, theme, ambiguousWidth }: SidebarProps) {
  const list: ListRow[] = entries.flatMap((_, entry): ListRow[] => (entry === 0 ? [{ entry }, { gap: true }] : [{ entry }]));
  const focus = focused ? selected : current;
  const focusRow = list.findIndex((row) => 'entry' in row && row.entry === focus);
  const first = Math.max(0, Math.min(focusRow - Math.floor(height / 2), list.length - height));
  const lines = Array.from({ length: height }, (_, i) => {
    const row = list[first + i];
    // A space: an empty text would take no row at all.
    if (!row || !('entry' in row)) return ' ';
    const entry = entries[row.entry] as SidebarEntry;
    const isCurrent = row.entry === current;
    const style =
      focused && row.entry === selected
        ? theme.sidebarSelected
        : isCurrent
          ? theme.sidebarCurrent
          : entry.kind === 'title'
            ? theme.sidebarTitle
            : undefined;
    // Padded to the width: the selected entry's bar is the whole width.
    return paint(fit(entryText(entry, isCurrent), width, ambiguousWidth), style);
  });
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
});
