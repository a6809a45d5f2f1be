/**
 * The bytes that turn the screen a terminal shows into the next one.
 *
 * Scrolling text moves most rows up or down by the same amount. Rewriting every moved row is what
 * makes a one-line scroll in Ink cost a full screen of bytes; the terminal can move them itself. So
 * the diff first looks for the shift `d` that makes the most cells of the new screen equal to the
 * old screen's cells `d` rows away (compared eight cells at a time, by hash), and for the best one
 * or two shifts prices every band of rows `[top, bottom]` exactly: scrolled rows cost what repairing
 * them from the row they came from costs, rows that scroll in cost drawing them on a blank, rows
 * outside the band cost repairing them in place, plus the scroll sequence itself (DECSTBM to set the
 * band, SU/SD to scroll it, DECSTBM again to reset). A scroll region spans the whole width, so a
 * sidebar beside the text moves too; the repair puts it back, which is cheap because it is mostly
 * blank.
 *
 * Each row is then repaired cell span by cell span: cursor moves (CUP, or CHA/CR within a row),
 * SGR (and OSC 8 for a hyperlink, closed before the cursor leaves the row and at the end of the update)
 * only when the style changes, erase-to-end-of-line where the new row is blank to its end. A
 * span never starts or ends inside a double-width character, in the old screen or the new one,
 * because terminals disagree about what overwriting half of one does. Erases and scrolls are done in
 * the default style: terminals fill erased cells with the current background colour.
 *
 * When the result would be longer than clearing the screen and drawing every row, that is sent
 * instead (and always for a first screen or a new size).
 */
import { isDisputed } from '../core/layout/width.js';
import { blankRow, CONTINUATION, sameRow, type Row, type Screen } from './screen.js';
import { DEFAULT_STYLE, linkOf, sgrOf, styleTransition, transitionBytes, type CellStyle } from './style.js';

const CSI = '\u001b[';

/** UTF-8 length of `text`, which is what a diff costs on the wire. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Output being built, and where the cursor and the pen are once the terminal has read it. One that
 * only prices (`keep` false) counts the bytes without building the string: the diff prices rows many
 * times over for every frame.
 */
class Emitter {
  out = '';
  /** UTF-8 length of what was appended. */
  bytes = 0;
  /** Cursor column and row; -1 when unknown (at the start, after a scroll or a clear). */
  private x = -1;
  private y = -1;
  /** Undefined while unknown. */
  private style: CellStyle | undefined;

  constructor(private readonly keep = true) {}

  private append(text: string): void {
    if (this.keep) this.out += text;
    this.bytes += utf8Length(text);
  }

  moveTo(x: number, y: number): void {
    if (this.x === x && this.y === y) return;
    // A hyperlink is closed where its row ends: the cells written next on another row are not part of it.
    if (this.y !== y) this.closeLink();
    // Within the row, CR and CHA are absolute and shorter (also from the last column, where the cursor waits to wrap).
    if (!this.keep) this.bytes += this.y === y ? (x === 0 ? 1 : 3 + digits(x + 1)) : x === 0 ? 3 + digits(y + 1) : 4 + digits(y + 1) + digits(x + 1);
    else if (this.y === y) this.append(x === 0 ? '\r' : `${CSI}${x + 1}G`);
    else this.append(x === 0 ? `${CSI}${y + 1}H` : `${CSI}${y + 1};${x + 1}H`);
    this.x = x;
    this.y = y;
  }

  pen(style: CellStyle): void {
    if (style !== this.style) {
      if (this.keep) this.append(styleTransition(this.style, style));
      else this.bytes += transitionBytes(this.style, style);
    }
    this.style = style;
  }

  put(char: string, width: number): void {
    if (char.length > 1 || char.charCodeAt(0) >= 0x300) {
      if (isDisputed(char)) {
        this.putDisputed(char, width);
        return;
      }
    }
    if (this.keep) this.out += char;
    this.bytes += charBytes(char);
    this.x += width;
  }

  /**
   * A cluster terminals draw in different widths (width.ts): its cells erased first (ECH), so none
   * keeps an old character if the terminal draws it narrower, and the cursor put where its measured
   * width ends (CHA), so the rest of the row stays in place.
   */
  private putDisputed(char: string, width: number): void {
    this.append(`${CSI}${width}X`);
    if (this.keep) this.out += char;
    this.bytes += charBytes(char);
    this.x += width;
    this.append(`${CSI}${this.x + 1}G`);
  }

  /** Ends an open hyperlink (the SGR attributes stay as they are). */
  closeLink(): void {
    if (this.style !== undefined && linkOf(this.style) !== '') this.pen(sgrOf(this.style));
  }

  eraseToEnd(): void {
    this.pen(DEFAULT_STYLE);
    this.append(`${CSI}K`);
  }

  /** Appends a sequence that leaves the cursor somewhere else (a scroll, a clear). */
  raw(sequence: string): void {
    this.append(sequence);
    this.x = -1;
    this.y = -1;
  }
}

/** UTF-8 length of one cell's grapheme, most often a single code unit. */
function charBytes(char: string): number {
  if (char.length !== 1) return utf8Length(char);
  const code = char.charCodeAt(0);
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : 3;
}

function isWideAt(row: Row, x: number): boolean {
  return row.chars[x + 1] === CONTINUATION;
}

/** Cells of `row` in `[from, to)` as they would be written: a rough price for rewriting rather than moving. */
function spanPrice(row: Row, from: number, to: number): number {
  let price = 0;
  for (let x = from; x < to; x++) {
    const char = row.chars[x]!;
    if (char !== CONTINUATION) price += charBytes(char);
    if (x > from && row.styles[x] !== row.styles[x - 1]) price += 8;
  }
  return price;
}

/**
 * Which cells of `want` differ from `have`. Runs of them never cut a double-width character of either
 * row: a continuation cell holds `CONTINUATION` and its character's style, so it compares equal only
 * when both rows have a double-width character of that style just left of it, and then a changed
 * left half is written whole, covering it.
 */
function changedCells(have: Row, want: Row): Uint8Array {
  const n = want.chars.length;
  // One buffer for every call: rows are priced many times over for every frame.
  if (changedBuffer.length < n) changedBuffer = new Uint8Array(n);
  const changed = changedBuffer.subarray(0, n);
  for (let x = 0; x < n; x++) changed[x] = have.ids[x] !== want.ids[x] ? 1 : 0;
  return changed;
}
let changedBuffer = new Uint8Array(0);

/** Spans `[start, end)` of changed cells, joined across gaps cheaper to rewrite than to jump over. */
function spans(want: Row, changed: Uint8Array): [number, number][] {
  const list: [number, number][] = [];
  const n = changed.length;
  for (let x = 0; x < n; ) {
    if (!changed[x]) {
      x++;
      continue;
    }
    let end = x;
    while (end < n && changed[end]) end++;
    const last = list[list.length - 1];
    // Jumping costs `ESC [ <column> G`; rewriting the gap costs its characters.
    if (last && spanPrice(want, last[1], x) <= 3 + String(x + 1).length) last[1] = end;
    else list.push([x, end]);
    x = end;
  }
  return list;
}

/** Appends what turns row `y` from `have` into `want`. */
function repairRow(emit: Emitter, y: number, have: Row, want: Row): void {
  if (sameRow(have, want)) return;
  for (const [start, end] of spans(want, changedCells(have, want))) {
    emit.moveTo(start, y);
    for (let x = start; x < end; x++) {
      if (x >= want.end) {
        emit.eraseToEnd();
        return;
      }
      const char = want.chars[x]!;
      if (char === CONTINUATION) continue;
      emit.pen(want.styles[x]!);
      emit.put(char, isWideAt(want, x) ? 2 : 1);
    }
  }
}

function rowCost(have: Row, want: Row): number {
  if (sameRow(have, want)) return 0;
  const emit = new Emitter(false);
  repairRow(emit, 0, have, want);
  emit.closeLink();
  return emit.bytes;
}

/** Clears the screen and draws every row of `next`. */
export function renderFull(next: Screen): string {
  const emit = new Emitter();
  emit.pen(DEFAULT_STYLE);
  emit.raw(`${CSI}H${CSI}2J`);
  next.lines.forEach((row, y) => {
    if (row.end === 0) return;
    emit.moveTo(0, y);
    for (let x = 0; x < row.end; x++) {
      const char = row.chars[x]!;
      if (char === CONTINUATION) continue;
      emit.pen(row.styles[x]!);
      emit.put(char, isWideAt(row, x) ? 2 : 1);
    }
  });
  emit.closeLink();
  return emit.out;
}

/** A scroll of rows `[top, bottom]` by `by` rows (positive: content moves up). */
interface Scroll {
  top: number;
  bottom: number;
  by: number;
}

function scrollSequence({ top, bottom, by }: Scroll): string {
  return `${CSI}${top + 1};${bottom + 1}r${CSI}${Math.abs(by)}${by > 0 ? 'S' : 'T'}${CSI}r`;
}

function digits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : String(n).length;
}

/** `scrollSequence(...).length` without building it: ten bytes besides the three numbers. */
function scrollLength(top: number, bottom: number, by: number): number {
  return 10 + digits(top + 1) + digits(bottom + 1) + digits(Math.abs(by));
}

/** The row the terminal shows at `y` after `scroll`: one of `prev`'s, or a blank one. */
function scrolledRow(prev: Screen, scroll: Scroll | undefined, y: number, blank: Row): Row {
  if (!scroll || y < scroll.top || y > scroll.bottom) return prev.lines[y]!;
  const from = y + scroll.by;
  return from < scroll.top || from > scroll.bottom ? blank : prev.lines[from]!;
}

/**
 * Shifts worth pricing: by how many runs of cells of `next` each shift would make equal that are not
 * equal already, best first. Comparing runs of cells rather than whole rows finds the shift of a text
 * pane even when every row also holds something that does not move (a sidebar entry); comparing runs
 * rather than cells keeps this quadratic search cheap on big terminals.
 */
function candidateShifts(prev: Screen, next: Screen, limit: number): number[] {
  const { rows } = next;
  const blocks = next.lines[0]?.blocks.length ?? 0;
  const inPlace = new Int32Array(rows);
  const pending: number[] = [];
  for (let y = 0; y < rows; y++) {
    const a = prev.lines[y]!;
    const b = next.lines[y]!;
    if (sameRow(a, b)) continue;
    pending.push(y);
    inPlace[y] = sameBlocks(a, b, blocks);
  }
  const scored: { by: number; gain: number }[] = [];
  for (let by = 1 - rows; by < rows; by++) {
    if (by === 0) continue;
    let gain = 0;
    for (const y of pending) {
      const from = y + by;
      if (from < 0 || from >= rows) continue;
      const same = sameBlocks(prev.lines[from]!, next.lines[y]!, blocks);
      if (same > inPlace[y]!) gain += same - inPlace[y]!;
    }
    if (gain > 0) scored.push({ by, gain });
  }
  return scored
    .sort((p, q) => q.gain - p.gain)
    .slice(0, limit)
    .map((s) => s.by);
}

function sameBlocks(a: Row, b: Row, blocks: number): number {
  let same = 0;
  for (let i = 0; i < blocks; i++) if (a.blocks[i] === b.blocks[i]) same++;
  return same;
}

/** The band that is cheapest to scroll by `by`, and what the whole update then costs. */
function bestBand(prev: Screen, next: Screen, by: number, stay: readonly number[], fresh: readonly number[]): { scroll: Scroll; cost: number } | undefined {
  const { rows } = next;
  // Prefix sums: cost of rows [0, y) repaired in place, scrolled in from `by` rows away, drawn on blanks.
  const inPlace = new Float64Array(rows + 1);
  const moved = new Float64Array(rows + 1);
  const blank = new Float64Array(rows + 1);
  for (let y = 0; y < rows; y++) {
    const from = y + by;
    // A row with nothing to scroll in from is never inside a band scrolled by `by`.
    const movedCost = from >= 0 && from < rows ? rowCost(prev.lines[from]!, next.lines[y]!) : 0;
    inPlace[y + 1] = inPlace[y]! + stay[y]!;
    moved[y + 1] = moved[y]! + movedCost;
    blank[y + 1] = blank[y]! + fresh[y]!;
  }
  const n = Math.abs(by);
  let best: { scroll: Scroll; cost: number } | undefined;
  for (let top = 0; top < rows; top++) {
    for (let bottom = top + n; bottom < rows; bottom++) {
      // by > 0: [top, bottom - n] come from below, [bottom - n + 1, bottom] are new; by < 0 mirrored.
      const movedFrom = by > 0 ? top : top + n;
      const movedTo = by > 0 ? bottom - n + 1 : bottom + 1;
      const blankFrom = by > 0 ? bottom - n + 1 : top;
      const blankTo = by > 0 ? bottom + 1 : top + n;
      const cost =
        inPlace[rows]! -
        (inPlace[bottom + 1]! - inPlace[top]!) +
        (moved[movedTo]! - moved[movedFrom]!) +
        (blank[blankTo]! - blank[blankFrom]!) +
        scrollLength(top, bottom, by) +
        3;
      if (!best || cost < best.cost) best = { scroll: { top, bottom, by }, cost };
    }
  }
  return best;
}

/**
 * The bytes that turn a terminal showing `prev` into one showing `next`: a full redraw when there is
 * no `prev`, the size changed, or the diff would cost more; `''` when nothing changed.
 */
export function renderDiff(prev: Screen | undefined, next: Screen): string {
  if (!prev || prev.columns !== next.columns || prev.rows !== next.rows) return renderFull(next);
  const { rows, columns } = next;
  const empty = blankRow(columns);
  const stay = next.lines.map((row, y) => rowCost(prev.lines[y]!, row));
  const total = stay.reduce((sum, cost) => sum + cost, 0);
  if (total === 0) return '';

  let scroll: Scroll | undefined;
  let cost = total;
  const shifts = candidateShifts(prev, next, 2);
  if (shifts.length > 0) {
    const fresh = next.lines.map((row) => rowCost(empty, row));
    for (const by of shifts) {
      const band = bestBand(prev, next, by, stay, fresh);
      if (band && band.cost < cost) ({ scroll, cost } = band);
    }
  }

  const emit = new Emitter();
  if (scroll) {
    emit.pen(DEFAULT_STYLE);
    emit.raw(scrollSequence(scroll));
  }
  for (let y = 0; y < rows; y++) repairRow(emit, y, scrolledRow(prev, scroll, y, empty), next.lines[y]!);
  emit.closeLink();
  const { bytes } = emit;
  if (bytes <= textBytes(next)) return emit.out;
  const full = renderFull(next);
  return bytes <= utf8Length(full) ? emit.out : full;
}

/** The characters of `screen` in bytes: less than any full redraw of it. */
function textBytes(screen: Screen): number {
  let bytes = 0;
  for (const row of screen.lines) for (let x = 0; x < row.end; x++) bytes += charBytes(row.chars[x]!);
  return bytes;
}
