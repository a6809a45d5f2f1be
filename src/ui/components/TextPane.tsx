import { Box, Text } from 'ink';
import type { RowHighlight } from '../../app/search.js';
import type { Row } from '../../core/layout/flow.js';
import { paintRanges } from '../highlight.js';
import { paint, type Style } from '../style.js';
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
}

function labelStyle(row: Row, theme: Theme): Style {
  if (row.role === 'question') return theme.questionLabel;
  if (row.role === 'meta') return theme.metaLabel;
  return theme.answerLabel;
}

/**
 * One row as the string shown: the left margin, the indent, the styled label and text (search
 * matches highlighted), spaces to `width`.
 */
export function rowLine(row: Row | undefined, width: number, theme: Theme, left = 1, highlight?: RowHighlight): string {
  if (!row || row.kind === 'blank') return ' '.repeat(width);
  const label = row.label === '' ? '' : paint(row.label, labelStyle(row, theme));
  const mark = highlight?.current ? theme.searchCurrent : theme.searchMatch;
  const text = paintRanges(row.text, theme.text[row.role], highlight?.ranges ?? [], mark);
  // The flow measured the row already (with the ambiguous-width policy): no second measurement per frame.
  return `${' '.repeat(left)}${row.indent}${label}${text}${' '.repeat(Math.max(0, width - left - row.width))}`;
}

/**
 * The text of the document: exactly `height` rows, one pre-laid row per <Text>, so Ink never wraps
 * (its wrapping breaks Chinese text in the wrong places).
 */
export function TextPane({ rows, width, left = 1, height, theme, highlights }: TextPaneProps) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {Array.from({ length: height }, (_, i) => (
        <Text key={i} wrap="truncate-end">
          {rowLine(rows[i], width, theme, left, highlights?.[i])}
        </Text>
      ))}
    </Box>
  );
}
