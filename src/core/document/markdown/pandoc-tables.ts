/*
Pandoc's own tables
===================

Pandoc writes Markdown with tables CommonMark does not know: a book or an essay converted to
Markdown by it (`pandoc book.docx -t markdown`) holds them wherever the source had a table. Read as
CommonMark they fall apart: a simple table's dashed line is a thematic break and its rows one run-on
paragraph (`朝天门 明代通远门 明代`); a grid table is a paragraph of `+---+` and `|` characters. The
parser hands this module the nodes CommonMark made of them, and it reads the table back from the
lines as written. Columns are where the dashes or the `+` corners stand, counted in terminal cells
as Pandoc counts them (a Chinese character is two), not in characters.

A simple table: a header line, a line of dash runs (one a column), rows up to a blank line or a
closing line of dashes. A cell is what stands from its column's start to the next column's.

      地名     年代              →  | 地名   | 年代 |
      -------- ------                | 朝天门 | 明代 |
      朝天门   明代
      通远门   明代

A grid table: `+` corners, `|` between cells, `=` under the header; a cell's lines are joined
(without a space between Chinese characters, with one between words).

    +--------+------+            →  | 地名   | 年代 |
    | 地名   | 年代 |                | 长江   | 很长 |
    +========+======+
    | 长江   | 很   |
    |        | 长   |
    +--------+------+

A multiline table: a line of dashes over the header (of one line or more), dash runs under it (one a
column), rows of one line or more each, a blank line between rows, and a line of dashes under the last.
A cell's lines are joined as a grid table's are.

    --------------------------        →  | 地名   | 说明               |
     地名     说明                        | 朝天门 | 长江与嘉陵江在此汇合 |
    -------- -----------------
     朝天门   长江与嘉陵江
              在此汇合
    --------------------------

A table without a header: a line of dash runs over the rows and another under them. Its rows are
the lines between them (a simple table's) or, with blank lines between them, the groups of lines
(a multiline table's, whose cells' lines are joined). Every row is the body's (`headerless`).

    -------- ------                  →  朝天门 │ 明代
    朝天门   明代                         通远门 │ 明代
    通远门   明代
    -------- ------

Only tables at the top level, each whole: anything that does not read as one is left to CommonMark.
*/
import type { RootContent } from 'mdast';

export interface PandocTable {
  rows: string[][];
  /** How many of the nodes, from the first, the table was made of. */
  count: number;
  /** The paragraph of rows when fences (`:::`) that close a div follow the rows in it: the parser closes them. */
  fenced?: RootContent;
  /** Written without a header: every row is the body's. */
  headerless?: true;
}

/** Runs of two dashes at least: `- - -` is a thematic break a person wrote, not a table's columns. */
const DASH_RUNS = /^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$/u;
const DASHES = /^[ \t]*-{3,}[ \t]*$/u;
const GRID_RULE = /^\+(?:[-=:]+\+)+$/u;

/** The table Pandoc wrote from `nodes[at]` on, or undefined. `source` is what the nodes' positions point into. */
export function pandocTable(nodes: readonly RootContent[], at: number, source: string): PandocTable | undefined {
  const node = nodes[at];
  if (!node) return undefined;
  if (node.type === 'thematicBreak') return multilineTable(nodes, at, source);
  if (node.type !== 'paragraph') return undefined;
  // Looked at without a copy of the paragraph: nearly every paragraph is no table.
  const start = node.position?.start.offset;
  if (start !== undefined && source.charCodeAt(start) === 0x2b) return gridTable(linesOf(node, source));
  return nodes[at + 1]?.type === 'thematicBreak' ? simpleTable(nodes, at, source) : undefined;
}

function simpleTable(nodes: readonly RootContent[], at: number, source: string): PandocTable | undefined {
  const header = nodes[at]!;
  const rule = nodes[at + 1];
  const body = nodes[at + 2];
  const headerLines = linesOf(header, source);
  // Rows indented four spaces or more (a right-aligned first column) are an indented code block to CommonMark.
  const indentedCode = body?.type === 'code' && body.lang == null && (linesOf(body, source)[0] ?? '').startsWith('    ');
  if (headerLines.length !== 1 || rule?.type !== 'thematicBreak' || (body?.type !== 'paragraph' && !indentedCode) || !body) return undefined;
  if (!adjacent(header, rule) || !adjacent(rule, body)) return undefined;
  const ruleLine = linesOf(rule, source)[0] ?? '';
  if (!DASH_RUNS.test(ruleLine)) return undefined;
  const starts = runStarts(ruleLine);
  const bodyLines = linesOf(body, source);
  // A div's closing fences (`:::`) end the paragraph of rows in Pandoc's output: rows stop there.
  const fence = bodyLines.findIndex((line) => /^[ \t]*:{3,}[ \t]*$/u.test(line));
  const rows = [headerLines[0]!, ...(fence < 0 ? bodyLines : bodyLines.slice(0, fence))].map((line) => cellsAt(line, starts));
  if (fence >= 0) return { rows, count: 3, fenced: body };
  const closing = nodes[at + 3];
  const closed = closing?.type === 'thematicBreak' && adjacent(body, closing) && DASHES.test(linesOf(closing, source)[0] ?? '');
  return { rows, count: closed ? 4 : 3 };
}

function multilineTable(nodes: readonly RootContent[], at: number, source: string): PandocTable | undefined {
  const top = nodes[at]!;
  const header = nodes[at + 1];
  const rule = nodes[at + 2];
  const topLine = linesOf(top, source)[0] ?? '';
  if (DASH_RUNS.test(topLine)) return headerlessTable(nodes, at, source, runStarts(topLine));
  if (!DASHES.test(topLine) || header?.type !== 'paragraph' || rule?.type !== 'thematicBreak') return undefined;
  if (!adjacent(top, header) || !adjacent(header, rule)) return undefined;
  const ruleLine = linesOf(rule, source)[0] ?? '';
  if (!DASH_RUNS.test(ruleLine)) return undefined;
  const starts = runStarts(ruleLine);
  const cellsOf = joinedCells(starts);
  const rows = [cellsOf(linesOf(header, source))];
  // Rows until the closing line of dashes; a row indented four spaces is code to CommonMark.
  for (let k = at + 3; k < nodes.length; k++) {
    const row = nodes[k]!;
    if (row.type === 'thematicBreak') {
      if (!DASHES.test(linesOf(row, source)[0] ?? '') || rows.length < 2) return undefined;
      return { rows, count: k - at + 1 };
    }
    // The last row runs into the closing dashes: CommonMark reads the two as a setext heading.
    if (row.type === 'heading') {
      const lines = linesOf(row, source);
      if (row.depth !== 2 || lines.length < 2 || !DASHES.test(lines.at(-1) ?? '')) return undefined;
      rows.push(cellsOf(lines.slice(0, -1)));
      return { rows, count: k - at + 1 };
    }
    if (row.type !== 'paragraph' && !(row.type === 'code' && row.lang == null)) return undefined;
    rows.push(cellsOf(linesOf(row, source)));
  }
  return undefined;
}

/** A row's cells from its lines, each cell's lines joined. */
function joinedCells(starts: readonly number[]): (lines: string[]) => string[] {
  return (lines) => {
    const parts: string[][] = starts.map(() => []);
    for (const line of lines) cellsAt(line, starts).forEach((text, k) => text !== '' && parts[k]?.push(text));
    return parts.map(joinParts);
  };
}

/**
 * A simple or multiline table written without a header (see the module comment), from its top line of
 * dash runs at `nodes[at]`: rows up to a line of dash runs right under the last of them.
 */
function headerlessTable(nodes: readonly RootContent[], at: number, source: string, starts: readonly number[]): PandocTable | undefined {
  // Each node between the two lines of dash runs, as its lines.
  const groups: string[][] = [];
  for (let k = at + 1; k < nodes.length; k++) {
    const node = nodes[k]!;
    if (node.type === 'thematicBreak') {
      // The closing line, under the last row.
      if (groups.length === 0 || !adjacent(nodes[k - 1]!, node) || !DASH_RUNS.test(linesOf(node, source)[0] ?? '')) return undefined;
      // One group is a simple table's rows, a line each; several are a multiline table's, a group each.
      const rows = groups.length === 1 ? groups[0]!.map((line) => cellsAt(line, starts)) : groups.map(joinedCells(starts));
      // Columns, not a paragraph between two rules a person drew: every line leaves a space before each
      // column, and some row fills two.
      if (!groups.every((lines) => lines.every((line) => spacedAt(line, starts)))) return undefined;
      if (!rows.some((cells) => cells.filter((cell) => cell !== '').length >= 2)) return undefined;
      return { rows, count: k - at + 1, headerless: true };
    }
    // A row indented four spaces (a right-aligned first column) is code to CommonMark.
    if (node.type !== 'paragraph' && !(node.type === 'code' && node.lang == null)) return undefined;
    // The first row starts right under the top line; the others after a blank line.
    if (k === at + 1 && !adjacent(nodes[at]!, node)) return undefined;
    groups.push(linesOf(node, source));
  }
  return undefined;
}

function gridTable(lines: string[]): PandocTable | undefined {
  const first = lines[0]?.trim() ?? '';
  if (!GRID_RULE.test(first) || lines.length < 3 || !lines.every((line) => /^[ \t]*[+|]/u.test(line))) return undefined;
  const indent = (lines[0]?.length ?? 0) - (lines[0]?.trimStart().length ?? 0);
  // The columns are where the first rule's corners stand.
  const corners: number[] = [];
  let column = 0;
  for (const char of first) {
    if (char === '+') corners.push(column);
    column += cells(char);
  }
  const rows: string[][] = [];
  let open: string[][] | undefined;
  for (const raw of lines.slice(1)) {
    const line = raw.slice(indent).trimEnd();
    if (GRID_RULE.test(line)) {
      if (open) rows.push(open.map((parts) => joinParts(parts)));
      open = undefined;
      continue;
    }
    open ??= corners.slice(1).map(() => []);
    const cellsOfLine = cellsAt(line, corners, true);
    cellsOfLine.forEach((text, k) => {
      if (text !== '') open?.[k]?.push(text);
    });
  }
  // A table left open (no closing rule) is not Pandoc's.
  if (open || rows.length === 0) return undefined;
  return { rows, count: 1 };
}

/** The cells of a line cut at display columns `starts` (a grid's corners are between cells, not in them). */
function cellsAt(line: string, starts: readonly number[], grid = false): string[] {
  const count = grid ? starts.length - 1 : starts.length;
  const out: string[] = Array.from({ length: count }, () => '');
  let column = 0;
  for (const char of line) {
    // The cell this column falls in: the last start at or before it.
    let k = -1;
    while (k + 1 < starts.length && starts[k + 1]! <= column) k++;
    const onCorner = grid && starts.includes(column);
    if (!onCorner && k >= 0 && k < count) out[k] += char;
    column += cells(char);
  }
  return out.map((text) => text.trim());
}

/** Whether the line has a space (or nothing) in the cell just before each column after the first. */
function spacedAt(line: string, starts: readonly number[]): boolean {
  let column = 0;
  for (const char of line) {
    const next = column + cells(char);
    if (char !== ' ' && char !== '\t' && starts.some((start) => start > 0 && column <= start - 1 && start - 1 < next)) return false;
    column = next;
  }
  return true;
}

function runStarts(line: string): number[] {
  const starts: number[] = [];
  let column = 0;
  let previous = ' ';
  for (const char of line) {
    if (char === '-' && previous !== '-') starts.push(column);
    previous = char;
    column += cells(char);
  }
  // Text may stand left of the first run (a right-aligned column): the first cell starts at the line's start.
  if (starts.length > 0) starts[0] = 0;
  return starts;
}

/** A cell's lines as one: no space between Chinese characters, one between words. */
function joinParts(parts: string[]): string {
  return parts.reduce((joined, part) => (joined === '' ? part : /[\x21-\x7e]$/u.test(joined) && /^[\x21-\x7e]/u.test(part) ? `${joined} ${part}` : `${joined}${part}`), '');
}

/** Terminal cells a character takes, as Pandoc counts them: East Asian wide and full-width forms are two. */
function cells(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd) ? 2 : 1;
}

function linesOf(node: RootContent, source: string): string[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  // From the start of the node's first line, so a table's leading spaces keep its columns.
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  return source.slice(lineStart, end).split('\n');
}

/** Whether `b` starts on the line after `a` ends. */
function adjacent(a: RootContent, b: RootContent): boolean {
  return a.position !== undefined && b.position !== undefined && b.position.start.line === a.position.end.line + 1;
}
