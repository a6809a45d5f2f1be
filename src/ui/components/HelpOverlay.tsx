import { Box, Text } from 'ink';
import { HELP_KEYS_CELLS, type HelpLine } from '../../app/help.js';
import { cellWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { paint } from '../style.js';
import { fit, padding } from '../text.js';
import type { Theme } from '../theme.js';

export interface HelpOverlayProps {
  lines: readonly HelpLine[];
  /** Index of the first line shown. */
  scroll: number;
  width: number;
  height: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

/** Every binding from the key table, by category, in place of the main pane; it scrolls when short of rows. */
export function HelpOverlay({ lines, scroll, width, height, theme, ambiguousWidth }: HelpOverlayProps) {
  const keysColumn = Math.min(
    HELP_KEYS_CELLS,
    Math.max(...lines.map((line) => (line.kind === 'binding' ? cellWidth(line.keys, ambiguousWidth) : 0))),
  );
  const render = (line: HelpLine | undefined): string => {
    if (!line || line.kind === 'blank') return ' '.repeat(width);
    if (line.kind === 'category') return paint(fit(` ${line.text}`, width, ambiguousWidth), theme.helpCategory);
    const keys = `  ${line.keys}${padding(line.keys, keysColumn, ambiguousWidth)}  `;
    const full = fit(`${keys}${line.text}`, width, ambiguousWidth);
    // The keys are styled only when they survived the cut whole.
    return full.startsWith(keys) ? `${paint(keys, theme.helpKeys)}${full.slice(keys.length)}` : full;
  };
  const more = scroll + height - 1 < lines.length ? '  ↓ more' : '';
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end">{paint(fit(` Keys (Esc closes)${more}`, width, ambiguousWidth), theme.helpTitle)}</Text>
      {Array.from({ length: Math.max(0, height - 1) }, (_, i) => (
        <Text key={i} wrap="truncate-end">
          {render(lines[scroll + i])}
        </Text>
      ))}
    </Box>
  );
}
