/** The text pane's rows as rows of spans. */
import type { RowHighlight } from '../../app/search.js';
import type { Row } from '../../core/layout/flow.js';
import type { Range } from '../../core/search/types.js';
import { paintRanges } from '../highlight.js';
import type { Style } from '../../terminal/style.js';
import { paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';

function labelStyle(row: Row, theme: Theme): Style {
  if (row.role === 'question') return theme.questionLabel;
  if (row.role === 'meta') return theme.metaLabel;
  return theme.answerLabel;
}

/**
 * One row as shown: the left margin, the indent, the styled label and text (search matches
 * highlighted). Nothing after the text: the cells right of it are blank.
 */
export function rowLine(row: Row | undefined, theme: Theme, left = 1, highlight?: RowHighlight): Line {
  if (!row || row.kind === 'blank') return [];
  const label = paint(row.label, labelStyle(row, theme));
  const mark = highlight?.current ? theme.searchCurrent : theme.searchMatch;
  if (row.form === undefined && row.marks === undefined) {
    const text = paintRanges(row.text, theme.text[row.role], highlight?.ranges ?? [], mark);
    return [...paint(' '.repeat(left) + row.indent), ...label, ...text];
  }
  const base = row.form === 'code' ? { ...theme.text[row.role], ...theme.code } : row.form === 'note' ? { ...theme.text[row.role], ...theme.note } : theme.text[row.role];
  // A table row is drawn aligned, not as a slice of the text: its marks and matches have no place in it.
  const sliced = row.form !== 'table';
  const text = paintSpans(row, base, sliced ? (highlight?.ranges ?? []) : [], mark, theme, sliced);
  const frame = row.form === undefined ? paint(row.indent) : paint(row.indent, theme.frame);
  return [...paint(' '.repeat(left)), ...frame, ...label, ...text];
}

/**
 * The row's text with its inline marks (strong, emphasis, code, links …) and search matches painted
 * over the base style; where they overlap, the styles add up. A link's text carries its target, for
 * the writer to make it a hyperlink where the terminal takes them.
 */
function paintSpans(row: Row, base: Style, matches: readonly Range[], match: Style, theme: Theme, withMarks: boolean): Line {
  const spans: { start: number; end: number; style: Style }[] = [];
  if (withMarks) {
    for (const mark of row.marks ?? []) {
      const start = row.toShown ? row.toShown(mark.start, 'start') : Math.max(0, mark.start - row.start);
      const end = row.toShown ? row.toShown(mark.end) : Math.min(row.text.length, mark.end - row.start);
      // The link's block and start name it on every row it is wrapped to.
      const style = mark.kind === 'link' && mark.url ? { ...theme.marks.link, link: mark.url, linkId: `${row.blockId}-${mark.start}` } : theme.marks[mark.kind];
      if (end > start) spans.push({ start, end, style });
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
  const out: Line = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    let style: Style = base;
    // Matches come last in `spans`, so they win where a mark would set the same attribute.
    for (const span of spans) if (span.start <= from && span.end >= to) style = { ...style, ...span.style };
    out.push(...paint(row.text.slice(from, to), style));
  }
  return out;
}

/** The rows of the text pane, for the screen writer. */
export function paneLines(rows: readonly Row[], theme: Theme, left = 1, highlights?: readonly (RowHighlight | undefined)[]): Line[] {
  return rows.map((row, i) => rowLine(row, theme, left, highlights?.[i]));
}
