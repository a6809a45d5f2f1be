import { Box, Text } from 'ink';
import type { RowHighlight } from '../../app/search.js';
import type { Row } from '../../core/layout/flow.js';
import { rowLine } from '../rows/text.js';
import type { Theme } from '../theme.js';

export interface TextPaneProps {
  /** The visible rows, already laid out to fit `width - left - 1` cells (fewer than `height` at the end). */
  rows: readonly Row[];
  width: number;
  /** Cells left of the text: a one-cell margin, more when the measure centres the text. @default 1 */
  left?: number;
  height: number;
  theme: Theme;
  /** Search matches to highlight, by row (parallel to `rows`). */
  highlights?: readonly (RowHighlight | undefined)[];
  /** The screen writer draws the rows over the frame (`paneLines`): the pane is left blank here. */
  drawnOver?: boolean;
}

/**
 * The text of the document: exactly `height` pre-laid rows, so Ink never wraps (its wrapping breaks
 * Chinese text in the wrong places). One <Text> per row: Ink writes every text node again on every
 * frame, and a multi-line one it tokenizes once whole and again line by line. No clipping box
 * (`overflow`): rows fit, and clipping costs Ink another pass over every character of every frame.
 */
export function TextPane({ rows, width, left = 1, height, theme, highlights, drawnOver = false }: TextPaneProps) {
  if (drawnOver) return <Box width={width} height={height} />;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {Array.from({ length: height }, (_, i) => {
        const row = rows[i];
        // Keyed by the row, not the line of the screen: after a scroll React moves the rows still in
        // view and touches only those that came in, instead of changing the text of every line.
        return (
          <Text key={row ? `${row.blockIndex}:${row.line}` : `end:${i}`} wrap="truncate-end">
            {rowLine(row, theme, left, highlights?.[i])}
          </Text>
        );
      })}
    </Box>
  );
}
