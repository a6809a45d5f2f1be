/**
 * The document as terminal rows at one width: the blocks of `blocks.ts` laid out with `layoutText`,
 * a blank row before every block but the first (with `spacing: 0`, none between two paragraphs: a
 * novel reads as running text, its paragraphs marked by their indent).
 *
 * Layout is lazy. A block is laid out the first time one of its rows is needed and then cached for
 * this width and ambiguous-width policy, so the first screen of a 100,000-paragraph document costs a
 * screenful of layout, and a resize re-lays only what becomes visible. Row numbers and totals count
 * laid-out blocks exactly and estimate the others from their approximate cell width; `isExact()`
 * says when no estimate is left (`layoutSome` finishes the job in slices, e.g. when idle).
 *
 * A reading position is an `Anchor` (block id + character offset), never a row number: after a
 * resize the row that contains the anchored character is found again, so the paragraph and character
 * at the top of the screen stay there.
 */
import type { Document } from '../document/types.js';
import { blankLineBefore } from '../document/indentation.js';
import { isView, lineSpans, reader, viewParts } from '../document/list-view.js';
import { converterFor, toShown, type Convert, type Converted, type Script } from '../script/convert.js';
import { approximateBlockCells, approximateCells, blockCells, breakSource, blockIndexer, documentBlocks, eachBlock, type Block, type BlockKind, type TextRole } from './blocks.js';
import { balancedLines, type BalanceOptions } from './balance.js';
import { Fenwick } from './fenwick.js';
import { eachLine, eachWindow, layoutText, LINE_WINDOW, windowLines, type LaidLine, type LayoutOptions, type LineWindow } from './linebreak.js';
import { isShaped, layoutShaped } from './shaped.js';
import { withReadings, type ReadingStyle } from './readings.js';
import type { Mark } from '../document/types.js';
import { cellWidth, truncateToWidth, type AmbiguousWidth } from './width.js';

export type { Block, BlockKind, TextRole } from './blocks.js';

/** One terminal row of the flow. `yuedu print` writes `label + text` per row; the reader puts `indent` first. */
export interface Row {
  /**
   * The kind of block the row belongs to (`text`: a paragraph), or `blank` for the empty row that
   * separates blocks; a blank row belongs to the block that follows it.
   */
  kind: BlockKind | 'blank';
  /** Style of the row: `kind`, except paragraphs, which have their own kind (lead, question, answer, plain). */
  role: TextRole | 'blank';
  /** Id of the block the row belongs to (see `Block.id`). */
  blockId: string;
  /** Index of that block in the flow. */
  blockIndex: number;
  /** 0 for title, dateline and lead; the section number otherwise. */
  section: number;
  /** Set on rows of paragraphs. */
  paragraphId?: string;
  /** The speaker label (`重庆日报：`) on the first row of a turn, `原标题：` on the meta row, else empty. */
  label: string;
  /** Cells taken by `label`. */
  labelWidth: number;
  /**
   * The first-line indent shown before `label` and `text` (two U+3000 with `FlowOptions.indent`, on the
   * first row of a paragraph), else empty. Not part of the text, so `start`/`end` stay true offsets.
   */
  indent: string;
  /** The row's text, without the label. */
  text: string;
  /** [start, end) of `text` in the block's text (`Paragraph.text` for paragraphs), UTF-16 code units. */
  start: number;
  end: number;
  /** Cells taken by indent, label and text together; never more than the flow's width. */
  width: number;
  /** 0-based index of the row among its block's text rows; -1 for a blank row. */
  line: number;
  /** The block's inline marks (offsets in the block's text, like `start`/`end`), when it has any. */
  marks?: readonly Mark[];
  /**
   * Set on rows of a framed block (Markdown, EPUB): `indent` then holds the frame (quote bars, list
   * marker, hanging indent, code margin, a rule) and is drawn dimmed. On `table` rows the text is the
   * aligned row, not a slice of the block's text.
   */
  form?: 'list' | 'quote' | 'code' | 'table' | 'rule' | 'note' | 'verse' | 'lines';
  /**
   * Set on rows shown in another script whose text differs from the original's: the offset in `text`
   * (clamped to it, never inside a character) of an offset in the block's original text, to place
   * search matches and marks, which point into the original. Without it the two are the same. A
   * range's start (`side: 'start'`) after a ruby base falls after the reading shown there.
   */
  toShown?: (offset: number, side?: 'start' | 'end') => number;
  /** [start, end) in `text` of the ruby readings shown on the row (drawn dimmed). */
  readings?: readonly [number, number][];
}

/** A reading position: a block and a character offset in its text (-1: the blank row before the block). */
export interface Anchor {
  block: string;
  offset: number;
}

/** A row's place in the flow: block index and row index within that block's rows. */
export interface RowPosition {
  block: number;
  row: number;
}

export interface FlowOptions {
  /** Columns available for text; values below 2 are treated as 2. */
  width: number;
  /** Cells for East Asian Ambiguous characters. @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Indent the first line of every paragraph by {@link PARAGRAPH_INDENT}. @default false */
  indent?: boolean;
  /** Blank rows between two paragraphs (0 or 1); headings and the title always keep theirs. @default 1 */
  spacing?: Spacing;
  /**
   * The script the text is shown in (see `core/script/convert.ts`): rows hold the converted text, but
   * their `start`/`end` stay offsets in the original. Its converter must be built; else `original`.
   * @default 'original'
   */
  script?: Script;
  /** Show the readings of ruby (EPUB) after their base, in these brackets (see `readings.ts`). @default not shown */
  readings?: ReadingStyle | undefined;
}

export type Spacing = 0 | 1;

/**
 * Whether block `index` (read by `read`, see list-view.ts's `reader`) is preceded by a blank row: every
 * block but the first, unless spacing 0 joins two paragraphs.
 */
function blankBefore(read: (i: number) => Block | undefined, index: number, spacing: Spacing): boolean {
  return index > 0 && blankBetween(read(index - 1), read(index)!, spacing);
}

/** Whether `block` after `previous` (undefined: it is the first) is preceded by a blank row. */
function blankBetween(previous: Block | undefined, block: Block, spacing: Spacing): boolean {
  if (!previous || tight(previous, block)) return false;
  return spacing === 1 || block.kind !== 'text' || previous.kind !== 'text' || block.breakBefore === true;
}

/** The first-line indent of Chinese typesetting: two ideographic (full-width) spaces, four cells. */
export const PARAGRAPH_INDENT = '\u3000\u3000';
const INDENT_CELLS = 4;

/** The smallest width a label leaves for text on its row; narrower, the label gets a row of its own. */
const MIN_TEXT_AFTER_LABEL = 2;


/**
 * Whether a block follows the one before it without a blank row: the items of a list (and footnotes)
 * stand one under the other, as a reader expects of a list.
 */
function tight(previous: Block | undefined, block: Block): boolean {
  if (previous?.form === 'verse' && block.form === 'verse' && previous.quote === block.quote) return true;
  if (!previous?.list || !block.list || (previous.quote ?? 0) !== (block.quote ?? 0)) return false;
  return previous.form === block.form || (previous.form !== 'code' && previous.form !== 'table' && block.form === undefined);
}

/** Lays out one block into rows (with its leading blank row unless it is the first block). */
function layoutBlock(block: Block, blockIndex: number, width: number, ambiguousWidth: AmbiguousWidth, indent: boolean, blank: boolean, convert: Convert | undefined, readings?: ReadingStyle): Row[] {
  const rows: Row[] = [];
  for (const batch of blockRows(block, blockIndex, width, ambiguousWidth, indent, blank, convert, Infinity, readings)) for (const row of batch) rows.push(row);
  return rows;
}

/** Rows a streamed block hands on at a time (see `flowBlocks`). */
const ROW_BATCH = 4096;

/**
 * A block of lines (not framed) before it is laid out: the rows before its lines (its blank row, a label
 * too wide to share a row), what to lay out and how, and the row of each laid line (`n`: its index).
 */
interface LineBlock {
  head: Row[];
  text: string;
  layout: (text: string, width: number, options: BalanceOptions) => LaidLine[];
  options: BalanceOptions;
  /** Whether the text is the block's own, laid out by `layoutText`: a window of it can be laid out alone. */
  windowed: boolean;
  row(laid: LaidLine, n: number): Row;
}

/**
 * The rows of one block in batches of `batch` rows: a paragraph too long to lay out whole in reasonable
 * memory (see `eachLine`) is laid out a window at a time when streamed. Converted text is laid out whole:
 * its way back to the original offsets is made for the whole text anyway.
 */
function* blockRows(block: Block, blockIndex: number, width: number, ambiguousWidth: AmbiguousWidth, indent: boolean, blank: boolean, convert: Convert | undefined, batch: number, readings?: ReadingStyle): Generator<Row[]> {
  const lined = lineBlock(block, blockIndex, width, ambiguousWidth, indent, blank, convert, readings);
  if (Array.isArray(lined)) {
    yield lined;
    return;
  }
  const rows = lined.head;
  const lines = batch < Infinity && lined.windowed ? eachLine(lined.text, width, lined.options) : lined.layout(lined.text, width, lined.options);
  let n = 0;
  for (const laid of lines) {
    rows.push(lined.row(laid, n++));
    if (rows.length >= batch) yield rows.splice(0);
  }
  if (rows.length > 0) yield rows;
}

/** A block as a {@link LineBlock}, or a framed block's rows, laid out whole. */
function lineBlock(block: Block, blockIndex: number, width: number, ambiguousWidth: AmbiguousWidth, indent: boolean, blank: boolean, convert: Convert | undefined, readings?: ReadingStyle): LineBlock | Row[] {
  const base = {
    blockId: block.id,
    blockIndex,
    section: block.section,
    ...(block.paragraphId === undefined ? {} : { paragraphId: block.paragraphId }),
  };
  const rows: Row[] = [];
  if (blank) {
    rows.push({ ...base, kind: 'blank', role: 'blank', label: '', labelWidth: 0, indent: '', text: '', start: 0, end: 0, width: 0, line: -1 });
  }
  const marks = block.marks && block.marks.length > 0 ? { marks: block.marks } : {};
  if (isShaped(block, block.text)) {
    const form = block.form ?? (block.quote ? 'quote' : block.list ? 'list' : 'lines');
    // Framed blocks (lists, quotes, tables) are converted like prose; code is shown as written.
    const shown = shownOf(block, form === 'code' ? undefined : convert, form === 'code' ? undefined : readings);
    const shape = convert && block.table ? { ...block, table: { ...block.table, rows: block.table.rows.map((cells) => cells.map((cell) => convert(cell).text)) } } : block;
    layoutShaped(shown?.text ?? block.text, shape, width, ambiguousWidth).forEach((laid, line) => {
      const mapped = shown ? { start: shown.toOriginal(laid.start), end: shown.toOriginal(laid.end), ...(form === 'table' ? {} : { toShown: rowOffsets(shown, laid.start, laid.text.length), ...rowReadings(shown, laid.start, laid.text.length) }) } : { start: laid.start, end: laid.end };
      rows.push({ ...base, ...marks, form, kind: block.kind, role: block.role, label: '', labelWidth: 0, indent: laid.prefix, text: laid.text, ...mapped, width: laid.width, line });
    });
    return rows;
  }
  Object.assign(base, marks);
  let label = convert && block.label !== '' ? convert(block.label).text : block.label;
  let labelWidth = label === '' ? 0 : cellWidth(label, ambiguousWidth);
  let line = 0;
  // Only paragraphs are indented, and only where the indent still leaves room beside the label.
  const indented = indent && block.kind === 'text' && INDENT_CELLS + labelWidth + MIN_TEXT_AFTER_LABEL <= width;
  const indentWidth = indented ? INDENT_CELLS : 0;
  if (labelWidth > 0 && labelWidth + MIN_TEXT_AFTER_LABEL > width) {
    // Too narrow to share a row: the label stands alone, cut to fit, and the text starts below it.
    const alone = truncateToWidth(label, width, ambiguousWidth);
    const aloneWidth = cellWidth(alone, ambiguousWidth);
    rows.push({ ...base, kind: block.kind, role: block.role, label: alone, labelWidth: aloneWidth, indent: '', text: '', start: 0, end: 0, width: aloneWidth, line: line++ });
    label = '';
    labelWidth = 0;
  }
  const heading = block.kind === 'title' || block.kind === 'heading';
  const shown = shownOf(block, convert, readings);
  return {
    head: rows,
    text: shown?.text ?? block.text,
    layout: heading ? balancedLines : layoutText,
    options: { ambiguousWidth, firstLineOffset: indentWidth + labelWidth, atSpaces: block.kind === 'heading' },
    windowed: !heading && !shown,
    row: (laid, n) => ({
      ...base,
      kind: block.kind,
      role: block.role,
      label: n === 0 ? label : '',
      labelWidth: n === 0 ? labelWidth : 0,
      indent: n === 0 && indentWidth > 0 ? PARAGRAPH_INDENT : '',
      text: laid.text,
      start: shown ? shown.toOriginal(laid.start) : laid.start,
      end: shown ? shown.toOriginal(laid.end) : laid.end,
      ...(shown ? { toShown: rowOffsets(shown, laid.start, laid.text.length), ...rowReadings(shown, laid.start, laid.text.length) } : {}),
      width: (n === 0 ? indentWidth + labelWidth : 0) + cellWidth(laid.text, ambiguousWidth),
      line: line + n,
    }),
  };
}

/**
 * Row estimates (and their sum) per block list, width and spacing, shared by the flows of every
 * script: `t` on a 10 MB text makes a new flow, and measuring 10 million characters again would take
 * most of the key's budget. Conversion keeps a text's width nearly the same, so the estimates hold.
 */
const estimateMemo = new WeakMap<readonly Block[], Map<string, { estimates: Uint32Array; total: number }>>();

function estimatesFor(blocks: readonly Block[], width: number, spacing: Spacing): { estimates: Uint32Array; total: number } {
  let perBlocks = estimateMemo.get(blocks);
  if (!perBlocks) {
    perBlocks = new Map();
    estimateMemo.set(blocks, perBlocks);
  }
  const key = `${width}/${spacing}`;
  let found = perBlocks.get(key);
  if (!found) {
    const estimates = new Uint32Array(blocks.length);
    // A view makes each block as it is read: its cells are measured in this pass, not in one of their own.
    const cells = isView(blocks) ? undefined : blockCells(blocks);
    const read = reader(blocks);
    let total = 0;
    let previous: Block | undefined;
    const estimate = (i: number): void => {
      const block = read(i)!;
      const blockWidth = cells ? cells[i]! : approximateBlockCells(block);
      estimates[i] = (blankBetween(previous, block, spacing) ? 1 : 0) + Math.max(1, Math.ceil(blockWidth / width));
      total += estimates[i]!;
      previous = block;
    };
    const parts = cells ? undefined : viewParts(blocks);
    if (!parts) for (let i = 0; i < blocks.length; i++) estimate(i);
    else {
      // A long book's runs of plain lines are measured where they stand in its text, without a block
      // made for each (two objects a line): after the first, each is a plain paragraph after another.
      const blank = spacing === 1 ? 1 : 0;
      let i = 0;
      for (const part of parts) {
        const spans = part.length > 1 ? lineSpans(part) : undefined;
        if (!spans) {
          for (let k = 0; k < part.length; k++) estimate(i + k);
        } else {
          estimate(i);
          const { source, offsets, lengths, start } = spans;
          // A tight text's blank lines are kept (see blocks.ts's `sourceBreaks`).
          const breaks = blank === 0 ? breakSource(read(i)) : undefined;
          for (let k = 1; k < spans.count; k++) {
            const offset = offsets[start + k]!;
            const parted = breaks !== undefined && blankLineBefore(breaks, offset) ? 1 : blank;
            const rows = parted + Math.max(1, Math.ceil(approximateCells(source, offset, offset + lengths[start + k]!) / width));
            estimates[i + k] = rows;
            total += rows;
          }
          previous = read(i + part.length - 1);
        }
        i += part.length;
      }
    }
    found = { estimates, total };
    // Not kept for a text of very many lines: its flow takes them for its own (a pass over the cells
    // again on `t` or a resize, against four bytes a line held).
    if (isView(blocks)) return found;
    // A few widths at most (a resize back and forth): the oldest goes first.
    if (perBlocks.size >= FLOWS_PER_DOCUMENT) perBlocks.delete(perBlocks.keys().next().value as string);
    perBlocks.set(key, found);
  }
  return found;
}

const rubyMemo = new WeakMap<readonly Block[], boolean>();

/** Whether any block has a ruby reading to show. */
function hasRuby(blocks: readonly Block[]): boolean {
  let found = rubyMemo.get(blocks);
  if (found === undefined) {
    found = false;
    const read = reader(blocks);
    for (let i = 0; i < blocks.length && !found; i++) found = read(i)!.marks?.some((mark) => mark.kind === 'ruby' && mark.reading) === true;
    rubyMemo.set(blocks, found);
  }
  return found;
}

/**
 * A block's text as shown when that differs from the original: converted to the script shown, then
 * with the readings of its ruby inserted (when shown).
 */
function shownOf(block: Block, convert: Convert | undefined, readings: ReadingStyle | undefined): (Converted & { readings?: [number, number][] }) | undefined {
  const converted = convert?.(block.text);
  const shown = converted && converted.text !== block.text ? converted : undefined;
  if (!readings || !block.marks) return shown;
  return withReadings(shown ?? { text: block.text, toOriginal: (offset) => offset }, block.marks, readings) ?? shown;
}

/** Where a row of shown text has readings, in the row's text. */
function rowReadings(shown: { readings?: [number, number][] }, start: number, length: number): { readings?: [number, number][] } {
  if (!shown.readings) return {};
  const end = start + length;
  const inside = shown.readings.filter(([from, to]) => from < end && to > start).map(([from, to]): [number, number] => [Math.max(0, from - start), Math.min(length, to - start)]);
  return inside.length > 0 ? { readings: inside } : {};
}

/** A converted row's map from offsets in the block's original text to offsets in the row's text. */
function rowOffsets(shown: Converted & { readings?: [number, number][] }, start: number, length: number): (offset: number, side?: 'start' | 'end') => number {
  return (offset, side = 'end') => {
    let at = toShown(shown, offset);
    // A range starting just after a ruby base starts after its reading too.
    if (side === 'start') for (const [from, to] of shown.readings ?? []) if (from === at) at = to;
    return Math.max(0, Math.min(length, at - start));
  };
}

/**
 * The rows of a paragraph too long to keep laid out (see `eachWindow`): its windows are laid out once
 * to count its rows and kept as where each starts, and the rows of only the windows last asked for are
 * kept, laid out again when asked for once more. The rows are those the whole layout makes.
 */
class WindowedRows {
  readonly length: number;
  private readonly windows: LineWindow[] = [];
  /** Where each window's first line starts in the text. */
  private readonly froms: number[] = [];
  /** Index among the rows of each window's first row. */
  private readonly firstRows: number[] = [];
  /** The windows laid out last, most recent first: a frame at a window's edge shows rows of two. */
  private recent: { window: number; rows: Row[] }[] = [];

  private readonly block: LineBlock;
  private readonly width: number;

  constructor(block: LineBlock, width: number) {
    this.block = block;
    this.width = width;
    let rows = block.head.length;
    for (const [window] of eachWindow(block.text, width, block.options)) {
      this.windows.push(window);
      this.froms.push(window.from);
      this.firstRows.push(rows);
      rows += window.kept;
    }
    this.length = rows;
  }

  /** Row `index` (0 ≤ index < length). */
  at(index: number): Row {
    const { head } = this.block;
    if (index < head.length) return head[index]!;
    const window = lastAtOrBefore(this.firstRows, index);
    return this.windowRows(window)[index - this.firstRows[window]!]!;
  }

  /** Index of the last row starting at or before `offset` in the text (the first text row for none). */
  locate(offset: number): number {
    const window = Math.max(0, lastAtOrBefore(this.froms, offset));
    const rows = this.windowRows(window);
    let found = 0;
    for (let i = 1; i < rows.length; i++) if (rows[i]!.start <= offset) found = i;
    return this.firstRows[window]! + found;
  }

  private windowRows(window: number): Row[] {
    const known = this.recent.find((entry) => entry.window === window);
    if (known) return known.rows;
    const lines = windowLines(this.block.text, this.width, this.block.options, this.windows[window]!);
    const before = this.firstRows[window]! - this.block.head.length;
    const rows = lines.map((laid, k) => this.block.row(laid, before + k));
    this.recent = [{ window, rows }, ...this.recent.slice(0, 1)];
    return rows;
  }
}

/** The index of the last of ascending `values` at or before `value` (-1 for none). */
function lastAtOrBefore(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The flow of one document at one width, laid out lazily. Get one with `flowFor`. */
export class Flow {
  readonly blocks: readonly Block[];
  readonly width: number;
  readonly ambiguousWidth: AmbiguousWidth;
  readonly indent: boolean;
  readonly spacing: Spacing;
  readonly script: Script;
  /** How ruby readings are shown after their base; undefined: not shown. */
  readonly readings: ReadingStyle | undefined;
  private readonly convert: Convert | undefined;
  /** The blocks laid out and kept, by index: those shown, a few of a long book's million (no array of them all). */
  private readonly laid = new Map<number, Row[] | WindowedRows>();
  /** Each block's rows, counted or estimated while `counted` says not, in a tree of their sums. */
  private readonly counts: Fenwick;
  private total: number;
  private laidCount = 0;
  /**
   * Blocks whose rows have been counted (laid out now or before), so their share of the total is exact:
   * 1, or 2 for a count taken from the flow of the text as written (see `flowFor`), corrected if the
   * block, laid out converted, takes another number of rows.
   */
  private readonly counted: Uint8Array;
  private countedNumber = 0;
  /** No block before this one is left uncounted (where `countSome` goes on). */
  private countFrom = 0;
  /** `blocks[i]`, without the Proxy when the blocks are a view (see list-view.ts). */
  private readonly read: (i: number) => Block | undefined;
  /** A block's index by its id, shared by every flow of the same blocks (see `blockIndexer`). */
  private indexer: ((id: string) => number) | undefined;

  /** `base`: the flow of the same text, width and options as written, whose row counts this one starts from. */
  constructor(doc: Document, options: FlowOptions, base?: Flow) {
    this.blocks = documentBlocks(doc);
    this.read = reader(this.blocks);
    this.width = Math.max(2, Math.floor(options.width));
    this.ambiguousWidth = options.ambiguousWidth ?? 1;
    this.indent = options.indent ?? false;
    this.spacing = options.spacing ?? 1;
    this.convert = converterFor(options.script ?? 'original');
    this.script = this.convert ? (options.script ?? 'original') : 'original';
    this.readings = options.readings;
    if (base && base.blocks === this.blocks) {
      // Converted text takes (nearly always) as many rows as the original: its counts stand, and only
      // the blocks laid out converted (those shown) are counted again. No pass over the book per `t`.
      this.counts = base.counts.clone();
      this.total = base.total;
      this.counted = base.counted.map((flag) => (flag === 0 ? 0 : 2));
      this.countedNumber = base.countedNumber;
      this.countFrom = base.countFrom;
      return;
    }
    this.counted = new Uint8Array(this.blocks.length);
    const { estimates, total } = estimatesFor(this.blocks, this.width, this.spacing);
    this.counts = new Fenwick(estimates);
    this.total = total;
  }

  /** Number of blocks (the flow is never empty: there is always a title block). */
  get blockCount(): number {
    return this.blocks.length;
  }

  /**
   * The rows of block `index`, laying it out on first use. A paragraph too long to keep laid out (see
   * `WindowedRows`) is laid out again whole for each call: the flow's own methods never ask for it.
   */
  rows(index: number): readonly Row[] {
    const laid = this.laidOut(index);
    return Array.isArray(laid) ? laid : Array.from({ length: laid.length }, (_, i) => laid.at(i));
  }

  /** Block `index`'s rows, or a long paragraph's windows, made on first use and kept. */
  private laidOut(index: number): Row[] | WindowedRows {
    const cached = this.laid.get(index);
    if (cached) return cached;
    const laid = this.layOut(index);
    this.laid.set(index, laid);
    this.laidCount++;
    this.count(index, laid.length);
    return laid;
  }

  /** Lays out block `index`: its rows, or for a paragraph too long to keep laid out, its windows. */
  private layOut(index: number): Row[] | WindowedRows {
    const block = this.read(index);
    if (!block) throw new RangeError(`no block ${index} (the flow has ${this.blocks.length})`);
    const blank = blankBefore(this.read, index, this.spacing);
    const lined = lineBlock(block, index, this.width, this.ambiguousWidth, this.indent, blank, this.convert, this.readings);
    if (Array.isArray(lined)) return lined;
    if (lined.windowed && lined.text.length > 2 * LINE_WINDOW) return new WindowedRows(lined, this.width);
    const rows = lined.head;
    lined.layout(lined.text, this.width, lined.options).forEach((laid, n) => rows.push(lined.row(laid, n)));
    return rows;
  }

  /** Row `row` of block `index` (undefined past its end). */
  private rowOf(index: number, row: number): Row | undefined {
    const laid = this.laidOut(index);
    if (row < 0 || row >= laid.length) return undefined;
    return Array.isArray(laid) ? laid[row] : laid.at(row);
  }

  /** Replaces block `index`'s estimate by its real number of rows (once). */
  private count(index: number, rows: number): void {
    const flag = this.counted[index];
    if (flag === 1) return;
    this.counted[index] = 1;
    if (flag === 0) this.countedNumber++;
    const delta = rows - this.counts.get(index);
    if (delta !== 0) {
      this.counts.add(index, delta);
      this.total += delta;
    }
  }

  /** Whether block `index` has been laid out at this width. */
  isLaidOut(index: number): boolean {
    return this.laid.has(index);
  }

  /** How many blocks have been laid out. */
  get laidOutCount(): number {
    return this.laidCount;
  }

  /** How many blocks have had their rows counted (by laying them out or by `countSome`). */
  get countedCount(): number {
    return this.countedNumber;
  }

  /** True when every block's rows are counted, so row numbers and the total are exact. */
  isExact(): boolean {
    return this.countedNumber === this.blocks.length;
  }

  /** Lays out up to `maxBlocks` blocks not laid out yet, in reading order; returns whether the flow is now exact. */
  layoutSome(maxBlocks: number): boolean {
    let budget = maxBlocks;
    for (let i = 0; i < this.blocks.length && budget > 0; i++) {
      if (this.laid.has(i)) continue;
      this.laidOut(i);
      budget--;
    }
    return this.isExact();
  }

  /**
   * Counts the rows of up to `maxBlocks` blocks not counted yet, in reading order, without keeping
   * them: a pass over a long document that kept every row would hold the whole layout in memory.
   * Returns whether the flow is now exact.
   */
  countSome(maxBlocks: number): boolean {
    let budget = maxBlocks;
    for (; this.countFrom < this.blocks.length && budget > 0; this.countFrom++) {
      const index = this.countFrom;
      if (this.counted[index]) continue;
      const rows = this.oneRow(index);
      if (rows > 0) {
        this.count(index, rows);
        budget--;
        continue;
      }
      const laid = this.layOut(index);
      // A long paragraph's windows are small and took a pass over it to make: they are kept.
      if (laid instanceof WindowedRows) {
        this.laid.set(index, laid);
        this.laidCount++;
      }
      this.count(index, laid.length);
      budget--;
    }
    return this.isExact();
  }

  /**
   * The rows of block `index` when they are known without laying it out, else 0: a plain paragraph (no
   * label, frame or newline; the text shown as written) too short to fill its row, at most two cells a
   * code unit after the indent, takes one row, after its blank row if it has one. The count pass over a
   * million one-line paragraphs then makes no rows: made and dropped a line at a time, they were promoted
   * by the small young generation and grew the heap by ~30 MB before a full collection came.
   */
  private oneRow(index: number): number {
    if (this.convert || this.readings) return 0;
    const block = this.read(index);
    if (!block || block.kind !== 'text' || block.label !== '') return 0;
    const text = block.text;
    if (text.length === 0 || 2 * text.length + (this.indent ? INDENT_CELLS : 0) > this.width || text.includes('\n') || isShaped(block, text)) return 0;
    return blankBefore(this.read, index, this.spacing) ? 2 : 1;
  }

  /** Total number of rows (estimated while `isExact()` is false). */
  rowCount(): number {
    return this.total;
  }

  /** 0-based row number of `pos` in the whole flow (estimated for blocks before it not laid out yet). */
  rowNumber(pos: RowPosition): number {
    return this.counts.prefix(pos.block) + pos.row;
  }

  /**
   * Index of the block with this id, or -1. Paragraphs (`s2p3`) are found from where their section's
   * paragraphs start, not from a map of every id: a million one-line paragraphs would be a million keys.
   */
  indexOf(blockId: string): number {
    this.indexer ??= blockIndexer(this.blocks);
    return this.indexer(blockId);
  }

  /** The index of each of `ids` (-1 for one it has not), found as `indexOf` finds one: the sidebar's outline entries. */
  indexesOf(ids: readonly string[]): number[] {
    return ids.map((id) => this.indexOf(id));
  }

  /** The row at `pos`. */
  row(pos: RowPosition): Row {
    const row = this.rowOf(pos.block, pos.row);
    if (!row) throw new RangeError(`no row ${pos.row} in block ${pos.block}`);
    return row;
  }

  first(): RowPosition {
    return { block: 0, row: 0 };
  }

  last(): RowPosition {
    const block = this.blocks.length - 1;
    return { block, row: this.laidOut(block).length - 1 };
  }

  /** Negative, zero or positive as `a` is before, at or after `b`. */
  compare(a: RowPosition, b: RowPosition): number {
    return a.block - b.block || a.row - b.row;
  }

  /** `pos` moved by `delta` rows, stopping at the first and last row. Lays out only the blocks it passes. */
  move(pos: RowPosition, delta: number): RowPosition {
    let { block, row } = pos;
    let remaining = Math.trunc(delta);
    while (remaining > 0) {
      const length = this.laidOut(block).length;
      if (row + remaining < length) return { block, row: row + remaining };
      if (block === this.blocks.length - 1) return { block, row: length - 1 };
      remaining -= length - row;
      block++;
      row = 0;
    }
    while (remaining < 0) {
      if (row + remaining >= 0) return { block, row: row + remaining };
      if (block === 0) return { block, row: 0 };
      remaining += row + 1;
      block--;
      row = this.laidOut(block).length - 1;
    }
    return { block, row };
  }

  /** Up to `count` rows starting at `pos`. */
  slice(pos: RowPosition, count: number): Row[] {
    const out: Row[] = [];
    let { block, row } = pos;
    while (out.length < count && block < this.blocks.length) {
      const length = this.laidOut(block).length;
      for (; row < length && out.length < count; row++) out.push(this.rowOf(block, row) as Row);
      block++;
      row = 0;
    }
    return out;
  }

  /** The row showing `anchor`: the row holding its character, or the first row for an unknown block. */
  locate(anchor: Anchor): RowPosition {
    const block = this.indexOf(anchor.block);
    if (block < 0) return this.first();
    const laid = this.laidOut(block);
    if (anchor.offset < 0) return { block, row: 0 };
    if (!Array.isArray(laid)) return { block, row: laid.locate(anchor.offset) };
    const rows = laid;
    let found = rows.findIndex((row) => row.kind !== 'blank');
    if (found < 0) return { block, row: 0 };
    for (let i = found + 1; i < rows.length; i++) {
      const row = rows[i] as Row;
      // A label row of its own has an empty range at 0; the text row after it takes over offset 0.
      if (row.kind !== 'blank' && row.start <= anchor.offset) found = i;
    }
    return { block, row: found };
  }

  /** The anchor of the row at `pos`: its block and the offset of its first character (-1 for a blank row). */
  anchorAt(pos: RowPosition): Anchor {
    const row = this.row(pos);
    return { block: row.blockId, offset: row.kind === 'blank' ? -1 : row.start };
  }
}

const flows = new WeakMap<Document, Map<string, Flow>>();
/** Widths kept per document, so resizing back and forth reuses earlier layouts. */
const FLOWS_PER_DOCUMENT = 4;

/** The (memoised) flow of `doc` at a width: the same object for the same document and options. */
export function flowFor(doc: Document, given: FlowOptions): Flow {
  // A text without ruby (any but some EPUBs) has one flow with readings or without.
  // A plain text has no marks at all: its blocks are not looked through (a tenth of a novel's first view).
  const options = given.readings && ((doc.format ?? 'text') === 'text' || !hasRuby(documentBlocks(doc))) ? { ...given, readings: undefined } : given;
  const script = converterFor(options.script ?? 'original') ? (options.script ?? 'original') : 'original';
  const readings = options.readings ? `${options.readings.open}${options.readings.close}` : '';
  const key = `${Math.max(2, Math.floor(options.width))}/${options.ambiguousWidth ?? 1}/${options.indent ? 'indent' : ''}/${options.spacing ?? 1}/${script}/${readings}`;
  let perDoc = flows.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    flows.set(doc, perDoc);
  }
  let flow = perDoc.get(key);
  if (flow) {
    // Re-inserting marks it most recently used.
    perDoc.delete(key);
  } else if (script !== 'original' || readings !== '') {
    // A converted flow starts from the counts of the flow as written (made first if need be).
    flow = new Flow(doc, options, flowFor(doc, { ...options, script: 'original', readings: undefined }));
  } else {
    flow = new Flow(doc, options);
  }
  perDoc.set(key, flow);
  if (perDoc.size > FLOWS_PER_DOCUMENT) {
    const oldest = perDoc.keys().next().value;
    if (oldest !== undefined) perDoc.delete(oldest);
  }
  return flow;
}

/** Every row of the document at a width, in order: for tests. */
export function flowRows(doc: Document, options: FlowOptions): Row[] {
  const rows: Row[] = [];
  // Not push(...rows): a long paragraph at a narrow width has more rows than a call takes arguments.
  for (const blockRows of flowBlocks(doc, options)) for (const row of blockRows) rows.push(row);
  return rows;
}

/**
 * The rows of each block in turn, laid out as they are asked for and kept by no one: `yuedu print`
 * streams a document of any length in the memory of its longest paragraph's rows.
 */
export function* flowBlocks(doc: Document, options: FlowOptions): Generator<Row[]> {
  const width = Math.max(2, Math.floor(options.width));
  const ambiguousWidth = options.ambiguousWidth ?? 1;
  const indent = options.indent ?? false;
  const spacing = options.spacing ?? 1;
  const convert = converterFor(options.script ?? 'original');
  let i = 0;
  let previous: Block | undefined;
  for (const block of eachBlock(doc)) {
    yield* blockRows(block, i++, width, ambiguousWidth, indent, blankBetween(previous, block, spacing), convert, ROW_BATCH, options.readings);
    previous = block;
  }
}
