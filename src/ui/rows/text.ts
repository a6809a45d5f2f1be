/** The text pane's rows as styled strings. */
import type { RowHighlight } from '../../app/search.js';
import type { Row } from '../../core/layout/flow.js';
import { paintRanges } from '../highlight.js';
import { paint, type Style } from '../style.js';
import type { Theme } from '../theme.js';

function labelStyle(row: Row, theme: Theme): Style {
  if (row.role === 'question') return theme.questionLabel;
  if (row.role === 'meta') return theme.metaLabel;
  return theme.answerLabel;
}

/**
 * One row as the string shown: the left margin, the indent, the styled label and text (search
 * matches highlighted). Nothing after the text: the cells right of it are blank on every frame, and
 * each trailing space would cost Ink work on every frame. A blank row is one space (an empty text
 * would take no row at all).
 */
export function rowLine(row: Row | undefined, theme: Theme, left = 1, highlight?: RowHighlight): string {
  if (!row || row.kind === 'blank') return ' ';
  const label = row.label === '' ? '' : paint(row.label, labelStyle(row, theme));
  const mark = highlight?.current ? theme.searchCurrent : theme.searchMatch;
  const text = paintRanges(row.text, theme.text[row.role], highlight?.ranges ?? [], mark);
  return `${' '.repeat(left)}${row.indent}${label}${text}`;
}

/** The rows as `TextPane` shows them, for the screen writer to draw over the frame. */
export function paneLines(rows: readonly Row[], theme: Theme, left = 1, highlights?: readonly (RowHighlight | undefined)[]): string[] {
  return rows.map((row, i) => rowLine(row, theme, left, highlights?.[i]));
}

