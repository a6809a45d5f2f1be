/** The text pane's rows as styled strings. */
import type { RowHighlight } from '../../app/search.js';
import type { Row } from '../../core/layout/flow.js';
import type { Range } from '../../core/search/types.js';
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
  if (row.form === undefined && row.marks === undefined) {
    const text = paintRanges(row.text, theme.text[row.role], highlight?.ranges ?? [], mark);
    return `${' '.repeat(left)}${row.indent}${label}${text}`;
  }
  const base = row.form === 'code' ? { ...theme.text[row.role], ...theme.code } : row.form === 'note' ? { ...theme.text[row.role], ...theme.note } : theme.text[row.role];
  // A table row is drawn aligned, not as a slice of the text: its marks and matches have no place in it.
  const sliced = row.form !== 'table';
  const text = paintSpans(row, base, sliced ? (highlight?.ranges ?? []) : [], mark, theme, sliced);
  const frame = row.form === undefined ? row.indent : paint(row.indent, theme.frame);
  return `${' '.repeat(left)}${frame}${label}${text}`;
}

/**
 * The row's text with its inline marks (strong, emphasis, code, links …) and search matches painted
 * over the base style; where they overlap, the styles add up.
 */
function paintSpans(row: Row, base: Style, matches: readonly Range[], match: Style, theme: Theme, withMarks: boolean): string {
  const spans: { start: number; end: number; style: Style }[] = [];
  if (withMarks) {
    for (const mark of row.marks ?? []) {
      const start = row.toShown ? row.toShown(mark.start, 'start') : Math.max(0, mark.start - row.start);
      const end = row.toShown ? row.toShown(mark.end) : Math.min(row.text.length, mark.end - row.start);
      if (end > start) spans.push({ start, end, style: theme.marks[mark.kind] });
    }
  }
  // Ruby readings shown after their base are dimmed, as a link's address is.
  for (const [start, end] of row.readings ?? []) spans.push({ start, end, style: theme.marks.url });
  for (const [start, end] of matches) spans.push({ start, end, style: match });
  if (spans.length === 0) return paint(row.text, base);
  const cuts = new Set<number>([0, row.text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    let style: Style = base;
    // Matches come last in `spans`, so they win where a mark would set the same attribute.
    for (const span of spans) if (span.start <= from && span.end >= to) style = { ...style, ...span.style };
    out += paint(row.text.slice(from, to), style);
  }
  return out;
}

/** The rows as `TextPane` shows them, for the screen writer to draw over the frame. */
export function paneLines(rows: readonly Row[], theme: Theme, left = 1, highlights?: readonly (RowHighlight | undefined)[]): string[] {
  return rows.map((row, i) => rowLine(row, theme, left, highlights?.[i]));
}
