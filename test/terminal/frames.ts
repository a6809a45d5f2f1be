/** Random frames (rows of styled spans, as the views draw them) for property tests. */
import fc from 'fast-check';
import type { SpanRow } from '../../src/terminal/span.js';
import { cellStyle, sgrOf, type Style } from '../../src/terminal/style.js';

/** Latin, CJK ideographs, full-width punctuation and East Asian Ambiguous characters, as in the reader. */
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz  ,.:;?ABC', ...'重庆日报记者采访了市经信委副主任刘忠电子信息产业', ...'，。：？“”…│'];
/** Styles the reader draws with, plain ones most often; a few are links. */
const STYLES: (Style | undefined)[] = [
  undefined,
  undefined,
  {},
  { bold: true },
  { dim: true },
  { bold: true, color: 'magenta' },
  { bold: true, color: 'blue' },
  { color: 'green' },
  { inverse: true },
  { underline: true },
  { italic: true },
  { strikethrough: true },
  { bold: true, dim: true, inverse: true },
  { inverse: true, bold: true, color: 'yellow' },
  { underline: true, link: 'https://example.com/a' },
  { underline: true, link: 'https://example.com/b' },
];

export const runArb = fc.record({
  text: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
  style: fc.constantFrom(...STYLES),
});

/** A row: up to five styled runs. */
export const lineArb: fc.Arbitrary<SpanRow> = fc.array(runArb, { minLength: 0, maxLength: 5 });

/** The text of a row, without styles. */
export function plain(row: SpanRow): string {
  return row.map((span) => span.text).join('');
}

/** A row written as a terminal reads it (SGR before each run, a reset after), to draw it directly. */
export function serialise(row: SpanRow): string {
  return row.map(({ text, style }) => {
    const sgr = sgrOf(cellStyle(style));
    return sgr === '' ? text : `\u001b[${sgr}m${text}\u001b[0m`;
  }).join('');
}

/** Plain strings as rows of one unstyled span each. */
export function rowsOf(...lines: string[]): SpanRow[] {
  return lines.map((line) => (line === '' ? [] : [{ text: line }]));
}

export function frameArb(rows: number): fc.Arbitrary<SpanRow[]> {
  return fc.array(lineArb, { minLength: rows, maxLength: rows });
}

/** What can happen between two frames. */
export type Change =
  | { kind: 'shift'; top: number; bottom: number; by: number; fill: SpanRow[]; edits: [number, SpanRow][] }
  | { kind: 'edit'; edits: [number, SpanRow][] }
  | { kind: 'replace'; lines: SpanRow[] }
  | { kind: 'resize'; columns: number; rows: number; lines: SpanRow[] };

export const sizeArb = fc.record({ columns: fc.integer({ min: 8, max: 40 }), rows: fc.integer({ min: 2, max: 12 }) });

const editsArb = fc.array(fc.tuple(fc.nat(), lineArb), { maxLength: 3 });

export const changeArb: fc.Arbitrary<Change> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('shift' as const), top: fc.nat(), bottom: fc.nat(), by: fc.integer({ min: -6, max: 6 }), fill: fc.array(lineArb, { minLength: 6, maxLength: 6 }), edits: editsArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), edits: editsArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), lines: fc.array(lineArb, { minLength: 12, maxLength: 12 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resize' as const),
      columns: fc.integer({ min: 8, max: 40 }),
      rows: fc.integer({ min: 2, max: 12 }),
      lines: fc.array(lineArb, { minLength: 12, maxLength: 12 }),
    }),
  },
);

/** Applies a change to the lines of a frame: a band of rows moves by `by`, new rows fill the gap; some rows are rewritten. */
export function applyChange(lines: readonly SpanRow[], change: Change): { lines: SpanRow[]; resized?: { columns: number; rows: number } } {
  const rows = lines.length;
  const edit = (out: SpanRow[], edits: [number, SpanRow][]): SpanRow[] => {
    for (const [y, line] of edits) out[y % rows] = line;
    return out;
  };
  switch (change.kind) {
    case 'shift': {
      const top = change.top % rows;
      const bottom = top + (change.bottom % (rows - top));
      const out = [...lines];
      let fill = 0;
      for (let y = top; y <= bottom; y++) {
        const from = y + change.by;
        out[y] = from >= top && from <= bottom ? lines[from]! : (change.fill[fill++ % change.fill.length] ?? []);
      }
      return { lines: edit(out, change.edits) };
    }
    case 'edit':
      return { lines: edit([...lines], change.edits) };
    case 'replace':
      return { lines: Array.from({ length: rows }, (_, y) => change.lines[y % change.lines.length]!) };
    case 'resize':
      return {
        lines: Array.from({ length: change.rows }, (_, y) => change.lines[y % change.lines.length]!),
        resized: { columns: change.columns, rows: change.rows },
      };
  }
}
