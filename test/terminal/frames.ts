/** Random frames in Ink's format (rows joined by `\n`, SGR-styled runs) for property tests. */
import fc from 'fast-check';

/** Latin, CJK ideographs, full-width punctuation and East Asian Ambiguous characters, as in the reader. */
const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz  ,.:;?ABC', ...'重庆日报记者采访了市经信委副主任刘忠电子信息产业', ...'，。：？“”…│'];
/** SGR parameter lists the reader (and Ink around it) writes, plus a few it could. */
const STYLES = ['', '', '', '1', '2', '1;35', '1;34', '32', '7', '4', '3', '9', '38;5;208', '48;5;17', '1;2;7', '38;2;10;200;30', '44', '30;47'];

export interface Run {
  text: string;
  style: string;
}

export const runArb: fc.Arbitrary<Run> = fc.record({
  text: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')),
  style: fc.constantFrom(...STYLES),
});

/** A line: styled runs, as Ink serialises them (a style, the text, a reset), with trailing blanks trimmed. */
export const lineArb: fc.Arbitrary<string> = fc
  .array(runArb, { minLength: 0, maxLength: 5 })
  .map((runs) => serialise(runs));

export function serialise(runs: readonly Run[]): string {
  return runs.map(({ text, style }) => (style === '' ? text : `\u001b[${style}m${text}\u001b[0m`)).join('').trimEnd();
}

export function frameArb(rows: number): fc.Arbitrary<string[]> {
  return fc.array(lineArb, { minLength: rows, maxLength: rows });
}

/** What can happen between two frames. */
export type Change =
  | { kind: 'shift'; top: number; bottom: number; by: number; fill: string[]; edits: [number, string][] }
  | { kind: 'edit'; edits: [number, string][] }
  | { kind: 'replace'; lines: string[] }
  | { kind: 'resize'; columns: number; rows: number; lines: string[] };

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
export function applyChange(lines: readonly string[], change: Change): { lines: string[]; resized?: { columns: number; rows: number } } {
  const rows = lines.length;
  const edit = (out: string[], edits: [number, string][]): string[] => {
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
        out[y] = from >= top && from <= bottom ? lines[from]! : (change.fill[fill++ % change.fill.length] ?? '');
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
