/**
 * A screen as a grid of cells, parsed from a frame as Ink writes it: rows joined by `\n`, styled
 * with SGR sequences, trailing blanks trimmed. Widths come from the layout's own `graphemeWidth`, so
 * the grid puts every character in the column the layout meant (and the terminal draws it in).
 */
import { codeUnitWidth, drawnCluster, graphemes, graphemeWidth, SIMPLE_TEXT, type AmbiguousWidth } from '../core/layout/width.js';
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
const styleIds = new Map<Style, number>();
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

function styleId(style: Style): number {
  let id = styleIds.get(style);
  if (id === undefined) {
    id = styleIds.size;
    styleIds.set(style, id);
  }
  return id;
}

function makeRow(chars: string[], styles: Style[]): Row {
  let end = chars.length;
  while (end > 0 && chars[end - 1] === BLANK && styles[end - 1] === DEFAULT_STYLE) end--;
  const ids = new Float64Array(chars.length);
  const blocks = new Int32Array(Math.ceil(chars.length / BLOCK));
  let hash = 0;
  let style: Style | undefined;
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
  return makeRow(new Array<string>(columns).fill(BLANK), new Array<Style>(columns).fill(DEFAULT_STYLE));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const TAB = 0x09;
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
  const place = (char: string, width: number): void => {
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
 * Rows drawn over a frame, as on a layer above it: what the reader hands the writer itself instead of
 * building it through Ink's per-cell output on every frame (the whole screen while reading or
 * searching, else the text pane: most of the cells, and most of a frame's time and garbage). Each line
 * is styled like a frame line and fits `width`.
 */
export interface Layer {
  /** Column and row of the layer's top left cell. */
  x: number;
  y: number;
  /** Cells of each row; a line is cut there and padded with blanks. */
  width: number;
  /** Rows from the top; rows below the last are the frame's own. */
  lines: readonly string[];
}

/**
 * The rows of the previous frame by line, for `parseFrame` to reuse: scrolling shows most lines of
 * the last frame again, unchanged (rows are never modified, so screens can share them).
 */
export class LineCache {
  private previous = new Map<string, Row>();
  private current = new Map<string, Row>();
  private key = '';

  /** Starts a frame; rows of the previous one are reused only under the same key (width and policy). */
  begin(key: string): void {
    this.previous = key === this.key ? this.current : new Map();
    this.current = new Map();
    this.key = key;
  }

  row(line: string, parse: (line: string) => Row): Row {
    const row = this.current.get(line) ?? this.previous.get(line) ?? parse(line);
    this.current.set(line, row);
    return row;
  }
}

/** The caches of one writer: frame lines, layer lines, and rows of the two put together. */
export class FrameCache {
  readonly lines = new LineCache();
  readonly layer = new LineCache();
  readonly composed = new LineCache();
}

export interface ParseOptions {
  /** The policy the frame was laid out with. @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Lines the previous frame had are not parsed again. */
  cache?: FrameCache;
  /** Drawn over the frame. */
  layer?: Layer;
}

/**
 * The screen a frame shows on a `columns` x `rows` terminal: lines beyond `rows` are cut, missing
 * ones are blank; a layer's rows replace the cells under them.
 */
export function parseFrame(frame: string, columns: number, rows: number, options: ParseOptions = {}): Screen {
  const { ambiguousWidth = 1, cache, layer } = options;
  const source = frame === '' ? [] : frame.split('\n');
  const parse = (line: string): Row => parseLine(line, columns, ambiguousWidth);
  const policy = `${columns}/${ambiguousWidth}`;
  cache?.lines.begin(policy);
  const layerKey = layer ? `${layer.x}/${layer.width}/${policy}` : '';
  cache?.layer.begin(layerKey);
  cache?.composed.begin(layerKey);
  const lines: Row[] = [];
  for (let y = 0; y < rows; y++) {
    const line = source[y] ?? '';
    const base = cache ? cache.lines.row(line, parse) : parse(line);
    const top = layer?.lines[y - layer.y];
    if (layer === undefined || top === undefined || layer.x >= columns) {
      lines.push(base);
      continue;
    }
    const width = Math.min(layer.width, columns - layer.x);
    const parseTop = (text: string): Row => parseLine(text, width, ambiguousWidth);
    const over = (): Row => overlay(base, cache ? cache.layer.row(top, parseTop) : parseTop(top), layer.x);
    // The frame's row is part of the key: beside the text, the sidebar differs from row to row.
    lines.push(cache ? cache.composed.row(`${line}\u0000${top}`, over) : over());
  }
  return { columns, rows, lines };
}

/**
 * `base` with `top`'s cells from column `x`. A wide character of `base` cut in half by an edge
 * becomes a blank in the style of the cell written beside it, as xterm erases it.
 */
function overlay(base: Row, top: Row, x: number): Row {
  const end = x + top.chars.length;
  const chars = [...base.chars.slice(0, x), ...top.chars, ...base.chars.slice(end)];
  const styles = [...base.styles.slice(0, x), ...top.styles, ...base.styles.slice(end)];
  if (x > 0 && base.chars[x] === CONTINUATION) {
    chars[x - 1] = BLANK;
    styles[x - 1] = top.styles[0]!;
  }
  if (base.chars[end] === CONTINUATION) {
    chars[end] = BLANK;
    styles[end] = top.styles.at(-1)!;
  }
  return makeRow(chars, styles);
}
