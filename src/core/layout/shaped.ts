/*
Laying out the blocks of marked-up sources (Markdown, EPUB)
===========================================================

Prose is broken by the Chinese rules of linebreak.ts wherever it sits; what this module adds is the
frame around it, drawn as a prefix before each row (never part of the text, so a row's start and end
stay offsets into the paragraph and search highlights, anchors and citations work as on plain text):

- Quotes: a bar per level, `│ `, on every row.
- List items: two cells of indent per level below the first, then the marker and a space on the first
  row; later rows hang under the text, not under the marker (a hanging indent). An item's later
  paragraphs (empty marker) hang the same way without one.
- Hard line breaks (`\n` in the text, from `<br>` or a Markdown hard break) start a new row; each line
  is wrapped on its own.
- Code is never reflowed: each line is shown as written, cut by cell width only; a row that continues
  the line above is marked `↪` in the prefix. No kinsoku, no dropped spaces: code means what it says.
- Tables: columns as wide as their widest cell (display width, so a Chinese cell counts double),
  aligned as the source says, `│` between cells and a rule under the header. A table wider than the
  space falls back to a list: each data row a bullet, each cell `header：value` wrapped as prose.
- A thematic break is a short centred rule; a poem's lines (`verse`) are set in by four cells.
When the frame would leave fewer than MIN_TEXT cells for the text, it is dropped rather than squeezing
the text into a sliver.

Worked examples (width 20):
  list `•` depth 1, `中文中文中文中文中文中文` → `• 中文中文中文中文中`, `  文中文`
  quote 1, `引文`                               → `│ 引文`
  code `let x = 1; // a comment`               → `  let x = 1; // a c`, `↪ omment`
  table 名称|价格 / 苹果|5元                     → `名称 │ 价格`, `─────┼─────`, `苹果 │  5元`
*/
import type { Mark, ParagraphForm, TableData } from '../document/types.js';
import { layoutText } from './linebreak.js';
import { cellWidth, graphemes, graphemeWidth, type AmbiguousWidth } from './width.js';

/** What a block needs beyond its text to be laid out here. */
export interface Shape {
  form?: ParagraphForm;
  list?: { marker: string; depth: number };
  quote?: number;
  table?: TableData;
}

/** One row: `prefix` (frame: bars, indent, marker) then `text`, which is [start, end) of the block's text. */
export interface ShapedLine {
  prefix: string;
  text: string;
  start: number;
  end: number;
  /** Cells of prefix and text together. */
  width: number;
}

const MIN_TEXT = 6;
const QUOTE_BAR = '│ ';
const CODE_INDENT = '  ';
const CODE_CONTINUED = '↪ ';
const RULE_CELLS = 24;

/** Whether a block is laid out here rather than as a plain paragraph. */
export function isShaped(shape: Shape, text: string): boolean {
  return shape.form !== undefined || shape.list !== undefined || (shape.quote ?? 0) > 0 || text.includes('\n');
}

export function layoutShaped(text: string, shape: Shape, width: number, ambiguousWidth: AmbiguousWidth): ShapedLine[] {
  const bars = QUOTE_BAR.repeat(shape.quote ?? 0);
  const list = shape.list;
  // A poem's lines are set in from the text around them, every line alike.
  const indent = (list ? '  '.repeat(Math.max(0, list.depth - 1)) : '') + (shape.form === 'verse' ? '    ' : '');
  const marker = list ? (list.marker === '' ? '  ' : `${list.marker} `) : '';
  let first = bars + indent + marker;
  let rest = bars + indent + ' '.repeat(cellWidth(marker, ambiguousWidth));
  if (width - Math.max(cellWidth(first, ambiguousWidth), cellWidth(rest, ambiguousWidth)) < MIN_TEXT) {
    first = '';
    rest = '';
  }
  const available = Math.max(2, width - cellWidth(rest, ambiguousWidth));
  const frame = { first, rest, ambiguousWidth };
  switch (shape.form) {
    case 'code':
      return code(text, frame, width);
    case 'table':
      return shape.table ? table(shape.table, text, frame, width) : prose(text, frame, available);
    case 'rule': {
      const cells = Math.min(RULE_CELLS, Math.max(2, width - cellWidth(first, ambiguousWidth)));
      const line = '─'.repeat(Math.max(1, Math.floor(cells / cellWidth('─', ambiguousWidth))));
      const pad = ' '.repeat(Math.max(0, Math.floor((width - cellWidth(first + line, ambiguousWidth)) / 2)));
      const prefix = first + pad + line;
      return [{ prefix, text: '', start: 0, end: 0, width: cellWidth(prefix, ambiguousWidth) }];
    }
    default:
      return prose(text, frame, available);
  }
}

interface Frame {
  first: string;
  rest: string;
  ambiguousWidth: AmbiguousWidth;
}

function row(frame: Frame, isFirst: boolean, text: string, start: number, end: number, prefix?: string): ShapedLine {
  const shown = prefix ?? (isFirst ? frame.first : frame.rest);
  return { prefix: shown, text, start, end, width: cellWidth(shown, frame.ambiguousWidth) + cellWidth(text, frame.ambiguousWidth) };
}

/** Prose with its hard breaks: each line wrapped by the Chinese rules, at the width left by the frame. */
function prose(text: string, frame: Frame, available: number): ShapedLine[] {
  const out: ShapedLine[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const laid = layoutText(line, available, { ambiguousWidth: frame.ambiguousWidth });
    for (const part of laid) out.push(row(frame, out.length === 0, part.text, offset + part.start, offset + part.end));
    offset += line.length + 1;
  }
  if (out.length === 0) out.push(row(frame, true, '', 0, 0));
  return out;
}

/** Code as written: lines cut by cells, never reflowed; continuations marked. */
function code(text: string, frame: Frame, width: number): ShapedLine[] {
  const out: ShapedLine[] = [];
  const inner = { first: frame.first + CODE_INDENT, rest: frame.rest + CODE_INDENT };
  const continued = frame.rest + CODE_CONTINUED;
  const room = Math.max(2, width - cellWidth(inner.rest, frame.ambiguousWidth));
  let offset = 0;
  for (const line of text.split('\n')) {
    let start = 0;
    let cells = 0;
    let piece = 0;
    const push = (end: number) => {
      const prefix = piece > 0 ? continued : out.length === 0 ? inner.first : inner.rest;
      out.push(row(frame, false, line.slice(start, end), offset + start, offset + end, prefix));
      piece++;
    };
    for (const { segment, index } of graphemes(line)) {
      const cell = graphemeWidth(segment, frame.ambiguousWidth);
      if (cells + cell > room && index > start) {
        push(index);
        start = index;
        cells = 0;
      }
      cells += cell;
    }
    push(line.length);
    offset += line.length + 1;
  }
  return out;
}

/** A table aligned by display width, or, when too wide, one bullet per row with `header：value` lines. */
function table(data: TableData, text: string, frame: Frame, width: number): ShapedLine[] {
  const aw = frame.ambiguousWidth;
  const columns = Math.max(0, ...data.rows.map((cells) => cells.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...data.rows.map((cells) => cellWidth(cells[c] ?? '', aw))));
  const sep = ' │ ';
  const total = widths.reduce((sum, w) => sum + w, 0) + cellWidth(sep, aw) * Math.max(0, columns - 1);
  // Each table row's range in the text (`a | b` per line), so an anchor finds its row again.
  const ranges: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    ranges.push([at, at + line.length]);
    at += line.length + 1;
  }
  const out: ShapedLine[] = [];
  if (total + cellWidth(frame.rest, aw) <= width) {
    data.rows.forEach((cells, r) => {
      const shown = widths.map((w, c) => pad(cells[c] ?? '', w, data.align[c] ?? null, aw)).join(sep).replace(/\s+$/u, '');
      const [start, end] = ranges[r] ?? [0, 0];
      out.push(row(frame, out.length === 0, shown, start, end));
      if (r === 0 && data.rows.length > 1 && !data.headerless) {
        // `─` is ambiguous: two cells on some terminals, so each column's rule is measured, not counted.
        const dash = cellWidth('─', aw);
        const line = (cells: number) => '─'.repeat(Math.floor(cells / dash)) + ' '.repeat(cells % dash);
        const rule = widths.map(line).join(dash === 1 ? '─┼─' : ' ┼ ');
        out.push(row(frame, false, rule, end, end));
      }
    });
    return out;
  }
  // Too wide: each row a list item, each cell on a line of its own after its column's header, if any.
  const named = data.rows.length > 1 && !data.headerless;
  const header = named ? (data.rows[0] ?? []) : [];
  const body = named ? data.rows.slice(1) : data.rows;
  // `•` is ambiguous: the hanging indent is as wide as the bullet is on this terminal.
  const bullet = { first: `${frame.rest}• `, rest: `${frame.rest}${' '.repeat(cellWidth('• ', aw))}`, ambiguousWidth: aw };
  const room = Math.max(2, width - cellWidth(bullet.rest, aw));
  body.forEach((cells, i) => {
    const [start, end] = ranges[named ? i + 1 : i] ?? [0, 0];
    cells.forEach((cell, c) => {
      const name = header[c];
      const line = name !== undefined && name !== '' ? `${name}：${cell}` : cell;
      layoutText(line, room, { ambiguousWidth: aw }).forEach((part, n) => {
        const prefix = c === 0 && n === 0 ? bullet.first : bullet.rest;
        out.push(row(frame, false, part.text, start, end, prefix));
      });
    });
  });
  if (out.length === 0) out.push(row(frame, true, '', 0, 0));
  return out;
}

function pad(cell: string, width: number, align: TableData['align'][number], aw: AmbiguousWidth): string {
  const space = Math.max(0, width - cellWidth(cell, aw));
  if (align === 'right') return ' '.repeat(space) + cell;
  if (align === 'center') return ' '.repeat(Math.floor(space / 2)) + cell + ' '.repeat(space - Math.floor(space / 2));
  return cell + ' '.repeat(space);
}

/** The marks that touch [start, end) of the text, for painting one row. */
export function marksIn(marks: readonly Mark[] | undefined, start: number, end: number): Mark[] {
  if (!marks) return [];
  return marks.filter((mark) => mark.start < end && mark.end > start);
}
