/**
 * A screen as a grid of cells, parsed from a frame as Ink writes it: rows joined by `\n`, styled
 * with SGR sequences, trailing blanks trimmed. Widths come from the layout's own `graphemeWidth`, so
 * the grid puts every character in the column the layout meant (and the terminal draws it in).
 */
import { graphemes, graphemeWidth, type AmbiguousWidth } from '../core/layout/width.js';
import { escapeSequences } from './escapes.js';
import { applyStyle, DEFAULT_STYLE, type Style } from './style.js';

/** The right half of a double-width character: the character itself sits in the cell to the left. */
export const CONTINUATION = '';

const BLANK = ' ';

/** One row of the grid. */
export interface Row {
  /** Each cell's grapheme: `' '` for blank, `CONTINUATION` right of a double-width character. */
  readonly chars: readonly string[];
  /** Each cell's style; a continuation cell has its character's style. */
  readonly styles: readonly Style[];
  /** Cells from here to the end of the row are blank in the default style. */
  readonly end: number;
  /** Equal for rows that look the same (and only for those). */
  readonly key: string;
  /** Each cell as a small integer, equal for equal cells: cheap comparisons when looking for scrolls. */
  readonly ids: Int32Array;
}

export interface Screen {
  readonly columns: number;
  readonly rows: number;
  /** Exactly `rows` rows of exactly `columns` cells. */
  readonly lines: readonly Row[];
}

// Interned cell identities. The set of distinct (grapheme, style) pairs a reader shows is small (the
// document's characters times a handful of styles), so the table stays small.
const cellIds = new Map<string, number>();

function cellId(char: string, style: Style): number {
  const key = `${style}\u0000${char}`;
  let id = cellIds.get(key);
  if (id === undefined) {
    id = cellIds.size;
    cellIds.set(key, id);
  }
  return id;
}

function makeRow(chars: string[], styles: Style[]): Row {
  let end = chars.length;
  while (end > 0 && chars[end - 1] === BLANK && styles[end - 1] === DEFAULT_STYLE) end--;
  const ids = new Int32Array(chars.length);
  const parts: string[] = [];
  for (let x = 0; x < chars.length; x++) {
    ids[x] = cellId(chars[x]!, styles[x]!);
    if (x < end) parts.push(styles[x]!, '\u0000', chars[x]!, '\u0001');
  }
  return { chars, styles, end, key: parts.join(''), ids };
}

/** A row of `columns` blank cells in the default style. */
export function blankRow(columns: number): Row {
  return makeRow(new Array<string>(columns).fill(BLANK), new Array<Style>(columns).fill(DEFAULT_STYLE));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Cells of one frame line: graphemes placed by their layout width, SGR applied, other escape
 * sequences ignored; cut at `columns` (a double-width character that does not fit becomes a blank,
 * as Ink draws it) and padded with blanks.
 */
function parseLine(line: string, columns: number, ambiguousWidth: AmbiguousWidth): Row {
  const chars: string[] = [];
  const styles: Style[] = [];
  let style: Style = DEFAULT_STYLE;
  const put = (text: string): void => {
    for (const { segment } of graphemes(text)) {
      if (chars.length >= columns) return;
      // A tab would move the terminal's cursor to a tab stop; the layout counts it as one blank cell.
      let char = segment === '\t' ? BLANK : segment;
      if (CONTROL.test(char)) continue;
      if (LONE_SURROGATE.test(char)) char = '\ufffd';
      const width = graphemeWidth(char, ambiguousWidth);
      if (width === 0) continue;
      if (width === 2 && chars.length + 2 > columns) {
        chars.push(BLANK);
        styles.push(style);
        return;
      }
      chars.push(char);
      styles.push(style);
      if (width === 2) {
        chars.push(CONTINUATION);
        styles.push(style);
      }
    }
  };
  let at = 0;
  const escapes = escapeSequences();
  for (let match = escapes.exec(line); match !== null; match = escapes.exec(line)) {
    if (match.index > at) put(line.slice(at, match.index));
    if (match[2] === 'm' && match[1] !== undefined && !match[1].startsWith('?')) style = applyStyle(style, match[1]);
    at = escapes.lastIndex;
  }
  if (at < line.length) put(line.slice(at));
  while (chars.length < columns) {
    chars.push(BLANK);
    styles.push(DEFAULT_STYLE);
  }
  return makeRow(chars, styles);
}

/**
 * The screen a frame shows on a `columns` x `rows` terminal: lines beyond `rows` are cut, missing
 * ones are blank. `ambiguousWidth` must be the policy the frame was laid out with.
 */
export function parseFrame(frame: string, columns: number, rows: number, ambiguousWidth: AmbiguousWidth = 1): Screen {
  const source = frame === '' ? [] : frame.split('\n');
  const lines: Row[] = [];
  for (let y = 0; y < rows; y++) {
    const line = source[y];
    lines.push(line === undefined ? blankRow(columns) : parseLine(line, columns, ambiguousWidth));
  }
  return { columns, rows, lines };
}
