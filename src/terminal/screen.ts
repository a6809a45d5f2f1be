/**
 * A screen as a grid of cells, made from rows of styled spans. Widths come from the layout's own
 * `graphemeWidth`, so the grid puts every character in the column the layout meant (and the terminal
 * draws it in).
 */
import { codeUnitWidth, drawnCluster, graphemes, graphemeWidth, SIMPLE_TEXT, type AmbiguousWidth } from '../core/layout/width.js';
import { hyperlinkId, hyperlinkTarget } from './hyperlinks.js';
import type { SpanRow } from './span.js';
import { cellStyle, DEFAULT_STYLE, type CellStyle, type Style } from './style.js';

/** The right half of a double-width character: the character itself sits in the cell to the left. */
export const CONTINUATION = '';

const BLANK = ' ';

/** One row of the grid. */
export interface Row {
  /** Each cell's grapheme: `' '` for blank, `CONTINUATION` right of a double-width character. */
  readonly chars: readonly string[];
  /** Each cell's style; a continuation cell has its character's style. */
  readonly styles: readonly CellStyle[];
  /** Cells from here to the end of the row are blank in the default style. */
  readonly end: number;
  /** Each cell as a small integer, equal for equal cells. */
  readonly ids: Float64Array;
  /** A hash of `ids`: rows that look the same have the same hash. */
  readonly hash: number;
  /** A hash of each run of `BLOCK` cells: runs that look the same have the same hash. */
  readonly blocks: Int32Array;
}

/** Cells per entry of `Row.blocks`. */
export const BLOCK = 8;

export interface Screen {
  readonly columns: number;
  readonly rows: number;
  /** Exactly `rows` rows of exactly `columns` cells. */
  readonly lines: readonly Row[];
}

// Cell identities: a character (its code unit, or an interned number for longer graphemes) and an
// interned style, packed into one exactly comparable double.
const clusterIds = new Map<string, number>();
const styleIds = new Map<CellStyle, number>();
const STYLE_UNIT = 2 ** 32;

function charId(char: string): number {
  if (char.length === 1) return char.charCodeAt(0);
  let id = clusterIds.get(char);
  if (id === undefined) {
    id = 0x10000 + clusterIds.size;
    clusterIds.set(char, id);
  }
  return id;
}

function styleId(style: CellStyle): number {
  let id = styleIds.get(style);
  if (id === undefined) {
    id = styleIds.size;
    styleIds.set(style, id);
  }
  return id;
}

function makeRow(chars: string[], styles: CellStyle[]): Row {
  let end = chars.length;
  while (end > 0 && chars[end - 1] === BLANK && styles[end - 1] === DEFAULT_STYLE) end--;
  const ids = new Float64Array(chars.length);
  const blocks = new Int32Array(Math.ceil(chars.length / BLOCK));
  let hash = 0;
  let style: CellStyle | undefined;
  let sid = 0;
  for (let x = 0; x < chars.length; x++) {
    // Styles come in runs: look the style up once per run.
    if (styles[x] !== style) {
      style = styles[x]!;
      sid = styleId(style);
    }
    const cid = charId(chars[x]!);
    ids[x] = sid * STYLE_UNIT + cid;
    const mixed = (cid + Math.imul(sid, 0x9e3779b1)) | 0;
    const block = (x / BLOCK) | 0;
    blocks[block] = (Math.imul(blocks[block]!, 31) + mixed) | 0;
    hash = (Math.imul(hash, 31) + mixed) | 0;
  }
  return { chars, styles, end, ids, hash, blocks };
}

/** True when rows `a` and `b` look the same. */
export function sameRow(a: Row, b: Row): boolean {
  if (a.hash !== b.hash || a.end !== b.end) return false;
  const { ids } = a;
  for (let x = 0; x < ids.length; x++) if (ids[x] !== b.ids[x]) return false;
  return true;
}

/** A row of `columns` blank cells in the default style. */
export function blankRow(columns: number): Row {
  return makeRow(new Array<string>(columns).fill(BLANK), new Array<CellStyle>(columns).fill(DEFAULT_STYLE));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const TAB = 0x09;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** How the rows of a frame become cells: the layout's width policy, and whether hyperlinks are sent. */
export interface CellPolicy {
  /** @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Cells keep their span's `link` (checked and encoded) rather than dropping it. @default false */
  hyperlinks?: boolean;
}

/** The cell style of a span's style under `hyperlinks`. */
function spanStyle(style: Style | undefined, hyperlinks: boolean): CellStyle {
  if (!style) return DEFAULT_STYLE;
  const link = hyperlinks && style.link !== undefined ? hyperlinkTarget(style.link) : undefined;
  return cellStyle(style, link, link !== undefined && style.linkId !== undefined ? hyperlinkId(style.linkId) : undefined);
}

/**
 * Cells of one row of spans: graphemes placed by their layout width, control characters dropped;
 * cut at `columns` (a double-width character that does not fit becomes a blank, as a terminal would
 * cut it) and padded with blanks.
 */
function rowOfSpans(spans: SpanRow, styles: readonly CellStyle[], columns: number, ambiguousWidth: AmbiguousWidth): Row {
  const chars: string[] = [];
  const cellStyles: CellStyle[] = [];
  let style: CellStyle = DEFAULT_STYLE;
  const place = (char: string, width: number): void => {
    if (width === 2 && chars.length + 2 > columns) {
      chars.push(BLANK);
      cellStyles.push(style);
      return;
    }
    chars.push(char);
    cellStyles.push(style);
    if (width === 2) {
      chars.push(CONTINUATION);
      cellStyles.push(style);
    }
  };
  const put = (text: string): void => {
    if (SIMPLE_TEXT.test(text)) {
      for (let i = 0; i < text.length && chars.length < columns; i++) {
        const code = text.charCodeAt(i);
        // A tab would move the terminal's cursor to a tab stop; the layout counts it as one blank cell.
        if (code === TAB) place(BLANK, 1);
        else {
          const width = codeUnitWidth(code, ambiguousWidth);
          if (width > 0) place(text[i]!, width);
        }
      }
      return;
    }
    for (const { segment } of graphemes(text)) {
      if (chars.length >= columns) return;
      let char = segment === '\t' ? BLANK : segment;
      if (CONTROL.test(char)) continue;
      if (LONE_SURROGATE.test(char)) char = '\ufffd';
      const width = graphemeWidth(char, ambiguousWidth);
      if (width === 0) continue;
      // A cluster some terminal draws wider than its two cells is drawn as its first character, and
      // blanks for the rest of its measured width.
      const drawn = drawnCluster(char, ambiguousWidth);
      if (drawn === char) place(char, width);
      else {
        const drawnWidth = Math.min(width, graphemeWidth(drawn, ambiguousWidth));
        if (drawnWidth > 0) place(drawn, drawnWidth);
        for (let cell = drawnWidth; cell < width && chars.length < columns; cell++) place(BLANK, 1);
      }
    }
  };
  for (let i = 0; i < spans.length && chars.length < columns; i++) {
    const { text } = spans[i]!;
    if (text === '') continue;
    style = styles[i]!;
    put(text);
  }
  while (chars.length < columns) {
    chars.push(BLANK);
    cellStyles.push(DEFAULT_STYLE);
  }
  return makeRow(chars, cellStyles);
}

/**
 * The rows of the previous frame by their spans, for `screenOf` to reuse: scrolling shows most rows
 * of the last frame again, unchanged (rows are never modified, so screens can share them).
 */
export class RowCache {
  private previous = new Map<string, Row>();
  private current = new Map<string, Row>();
  private policy = '';

  /** Starts a frame; rows of the previous one are reused only under the same policy (width, widths, links). */
  begin(policy: string): void {
    this.previous = policy === this.policy ? this.current : new Map();
    this.current = new Map();
    this.policy = policy;
  }

  row(key: string, make: () => Row): Row {
    const row = this.current.get(key) ?? this.previous.get(key) ?? make();
    this.current.set(key, row);
    return row;
  }
}

/**
 * The screen `rows` of spans show on a `columns` x `height` terminal: rows beyond `height` are cut,
 * missing ones are blank. With a cache, a row drawn in the last frame (same text in the same cell
 * styles) is not made again.
 */
export function screenOf(lines: readonly SpanRow[], columns: number, height: number, options: CellPolicy & { cache?: RowCache } = {}): Screen {
  const { ambiguousWidth = 1, hyperlinks = false, cache } = options;
  cache?.begin(`${columns}/${ambiguousWidth}/${hyperlinks ? 1 : 0}`);
  const out: Row[] = [];
  for (let y = 0; y < height; y++) {
    const spans = lines[y] ?? [];
    const styles = spans.map((span) => spanStyle(span.style, hyperlinks));
    const make = (): Row => rowOfSpans(spans, styles, columns, ambiguousWidth);
    if (!cache) {
      out.push(make());
      continue;
    }
    // The key is what the row shows: each span's cell style (which never holds U+0001) and its text,
    // after its length, so that no text, whatever it holds, reads as another span's start.
    let key = '';
    for (let i = 0; i < spans.length; i++) {
      const { text } = spans[i]!;
      key += `${styles[i]}\u0001${text.length}\u0001${text}`;
    }
    out.push(cache.row(key, make));
  }
  return { columns, rows: height, lines: out };
}
