/**
 * Everything derived from a state: the flow at the text pane's width, the visible rows, the sidebar
 * entries and which one is current, the position shown in the status bar. Pure functions of the
 * state (the flow is a memoised, lazily laid-out cache).
 */
import { leadTitle } from '../core/document/outline.js';
import { paragraphAt } from '../core/document/refs.js';
import type { Document, Paragraph } from '../core/document/types.js';
import { flowFor, type Flow, type Row, type RowPosition } from '../core/layout/flow.js';
import type { FilterItem } from './chapter-filter.js';
import { converterFor, type Convert } from '../core/script/convert.js';
import { READER_READINGS } from '../core/layout/readings.js';
import { geometry } from './geometry.js';
import type { ReaderState } from './state.js';

/** Documents up to this many blocks are laid out in full at once, so their position is exact at once. */
const EAGER_BLOCKS = 2000;

export interface SidebarEntry {
  kind: 'title' | 'lead' | 'section' | 'volume' | 'filter';
  /** What the sidebar shows: the title, `导语`, a volume's or section's heading, or the filter being typed. */
  label: string;
  /** 0 for the title, the lead and volumes, else the section number. */
  section: number;
  /** Id of the block the entry opens at. */
  target: string;
  /** Nesting in the outline: 1 at the top, 2 for a chapter in a volume. Absent means 1. */
  depth?: number;
  /** A volume's index in `Document.volumes`. */
  volume?: number;
  /** A volume whose chapters are hidden (shown `▸`). */
  folded?: boolean;
  /** A section made by position (a long plain text's parts). */
  generated?: boolean;
}

const entriesMemo = new WeakMap<Document, readonly SidebarEntry[]>();

/**
 * The sidebar's entries: the title, the lead (`导语`) when there is one, then the outline in reading
 * order: volumes (entries of their own, opening at their heading) and every section.
 */
export function sidebarEntries(doc: Document): readonly SidebarEntry[] {
  const memo = entriesMemo.get(doc);
  if (memo) return memo;
  const entries: SidebarEntry[] = [{ kind: 'title', label: doc.title, section: 0, target: 'title' }];
  const lead = doc.lead[0];
  if (lead) entries.push({ kind: 'lead', label: leadTitle(doc), section: 0, target: lead.id });
  const volumes = doc.volumes ?? [];
  let volume = 0;
  for (const section of doc.sections) {
    for (; volume < volumes.length && (volumes[volume]?.firstSection ?? Infinity) <= section.index; volume++) {
      entries.push({ kind: 'volume', label: volumes[volume]?.title ?? '', section: 0, target: `v${volume + 1}`, volume });
    }
    const target = section.offset >= 0 ? `s${section.index}` : section.paragraphs[0]?.id;
    if (target !== undefined) {
      entries.push({
        kind: 'section',
        label: section.title,
        section: section.index,
        target,
        ...(section.depth !== undefined && section.depth > 1 && { depth: section.depth }),
        ...(section.generated && { generated: true }),
      });
    }
  }
  for (; volume < volumes.length; volume++) entries.push({ kind: 'volume', label: volumes[volume]?.title ?? '', section: 0, target: `v${volume + 1}`, volume });
  entriesMemo.set(doc, entries);
  return entries;
}

/** What matches the sidebar filter's query against the titles (see chapter-filter.ts). */
export type TitleFilter = (doc: Document, items: () => FilterItem[], query: string) => number[];

/**
 * The sidebar filter's matcher, given by the app as it starts (`setTitleFilter` in ui/run.tsx) rather
 * than imported: with chapter-filter.ts come the search's folding and opencc-js's dictionaries (~200 KB
 * of code), which the first frame, drawn from these selectors before the app is loaded, never uses.
 * Loading them before it made the first frame ~9 ms later for the 10 MB novel, ~7 for the interview.
 * Until one is given, a filter lists nothing but its own line.
 */
let filterTitles: TitleFilter = () => [];

export function setTitleFilter(filter: TitleFilter): void {
  filterTitles = filter;
}

/** The sidebar's list as shown: indexes into {@link sidebarEntries}, with folded volumes' chapters left out or the filter's matches. */
export interface VisibleEntries {
  indexes: readonly number[];
  /** For each entry of `sidebarEntries`, its row in `indexes`, or -1 (filtered out or folded away). */
  rowOf: Int32Array;
}

const visibleMemo = new WeakMap<Document, { folded: ReadonlySet<number>; filter: string | undefined; visible: VisibleEntries }>();

/** What the sidebar lists in `state` (see {@link VisibleEntries}); memoised for the last fold and filter. */
export function visibleEntries(state: Pick<ReaderState, 'doc' | 'folded' | 'sidebarFilter'>): VisibleEntries {
  const { doc, folded, sidebarFilter: filter } = state;
  const memo = visibleMemo.get(doc);
  if (memo && memo.folded === folded && memo.filter === filter) return memo.visible;
  const entries = sidebarEntries(doc);
  let indexes: number[];
  if (filter !== undefined) {
    const items = () => entries.flatMap((entry, i) => (entry.kind === 'section' || entry.kind === 'volume' ? [{ entry: i, title: entry.label }] : []));
    // Row 0 is the filter line itself.
    indexes = [-1, ...filterTitles(doc, items, filter)];
  } else if (folded.size === 0) {
    indexes = entries.map((_, i) => i);
  } else {
    indexes = [];
    let hiding = false;
    entries.forEach((entry, i) => {
      if (entry.kind === 'volume') hiding = folded.has(entry.volume ?? -1);
      else if (entry.kind !== 'section') hiding = false;
      if (!(hiding && entry.kind === 'section')) indexes.push(i);
    });
  }
  const rowOf = new Int32Array(entries.length).fill(-1);
  indexes.forEach((entry, row) => entry >= 0 && (rowOf[entry] = row));
  const visible = { indexes, rowOf };
  visibleMemo.set(doc, { folded, filter, visible });
  return visible;
}

/** The entry's row in the visible list, or the row of the nearest visible entry before it (its folded volume). */
export function visibleRowOf(visible: VisibleEntries, entry: number): number {
  for (let i = entry; i >= 0; i--) {
    const row = visible.rowOf[i] ?? -1;
    if (row >= 0) return row;
  }
  return 0;
}

/** What the sidebar draws: its rows' entries, which one is in view and which is selected. */
export interface SidebarView {
  entries: readonly SidebarEntry[];
  /** Row of the entry in view (-1: none, while filtering). */
  current: number;
  selected: number;
}

/** The rows' entries of each visible list (made for its fold and filter), kept for the frames that follow. */
const shownEntriesMemo = new WeakMap<VisibleEntries, readonly SidebarEntry[]>();

/** The sidebar of `state` (see {@link SidebarView}). */
export function sidebarView(state: ReaderState, flow: Flow = textFlow(state)): SidebarView {
  const visible = visibleEntries(state);
  const current = currentEntry(state, flow);
  const filter = state.sidebarFilter;
  let entries = shownEntriesMemo.get(visible);
  if (entries === undefined) {
    const all = sidebarEntries(state.doc);
    entries = visible.indexes.map((i): SidebarEntry => {
      if (i < 0) return { kind: 'filter', label: `/${filter ?? ''}`, section: visible.indexes.length - 1, target: '' };
      const entry = all[i]!;
      return entry.kind === 'volume' && state.folded.has(entry.volume ?? -1) ? { ...entry, folded: true } : entry;
    });
    shownEntriesMemo.set(visible, entries);
  }
  return { entries, current: filter === undefined ? visibleRowOf(visible, current) : -1, selected: state.selected };
}

/**
 * What the status bar names: the entry in view, and for a book its chapter's number of the total
 * (`12/120 第十二章 风起`).
 */
export function statusSection(state: ReaderState, flow: Flow = textFlow(state)): string {
  const entry = sidebarEntries(state.doc)[currentEntry(state, flow)];
  if (!entry) return '';
  const total = state.doc.sections.length;
  if (state.doc.shape !== 'book' && !state.doc.sections.some((s) => s.generated)) return entry.label;
  if (entry.kind !== 'section') return entry.label;
  // The number first: a narrow status bar cuts the title, not where the reader is.
  return `${entry.section}/${total} ${entry.label}`;
}

/** The document laid out at the text pane's current width. */
export function textFlow(state: ReaderState): Flow {
  const flow = flowFor(state.doc, { width: geometry(state).textWidth, ambiguousWidth: state.ambiguousWidth, indent: state.indent, spacing: state.spacing, script: state.script, readings: state.readings ? READER_READINGS : undefined });
  if (!flow.isExact() && flow.blockCount <= EAGER_BLOCKS) flow.layoutSome(EAGER_BLOCKS);
  return flow;
}

/** Blocks that take longer than ~200 ms to count on any machine: such a text's pass is reported from its first frame. */
const LONG_PASS_BLOCKS = 20_000;

/**
 * The share of the text counted (0–1) while its background layout pass runs, for the status bar;
 * undefined once the flow is exact, and for a short pass until it has run long enough to be worth a
 * word (`reported`).
 */
export function layoutProgress(flow: Flow, reported: boolean): number | undefined {
  if (flow.isExact() || (!reported && flow.blockCount < LONG_PASS_BLOCKS)) return undefined;
  return flow.countedCount / flow.blockCount;
}

/** Position of the top row of the text pane. */
export function topPosition(state: ReaderState, flow: Flow = textFlow(state)): RowPosition {
  return flow.locate(state.top);
}

/** The lowest top position that still fills the pane: where scrolling down stops. */
export function bottomPosition(flow: Flow, textHeight: number): RowPosition {
  return flow.move(flow.last(), -(textHeight - 1));
}

/** The rows in the text pane, top to bottom (fewer than its height at the end of the document). */
export function visibleRows(state: ReaderState, flow: Flow = textFlow(state)): Row[] {
  return flow.slice(topPosition(state, flow), geometry(state).textHeight);
}

/**
 * Index of the sidebar entry in view: the last one starting at or above the top row, or, once the
 * end of the document is on screen, the last one whose start is on screen (a short last section
 * never reaches the top).
 */
export function currentEntry(state: ReaderState, flow: Flow = textFlow(state)): number {
  const top = topPosition(state, flow);
  const bottom = flow.move(top, geometry(state).textHeight - 1);
  const reference = flow.compare(bottom, flow.last()) >= 0 ? bottom.block : top.block;
  // Binary search: a long text has thousands of sections, and this runs on every frame.
  const starts = entryStarts(state.doc, flow);
  let low = 0;
  let high = starts.blocks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts.blocks[mid]! <= reference) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? 0 : starts.entries[low - 1]!;
}

/** The block each sidebar entry opens at, in reading order, with the entry's index (entries whose block is missing left out). */
interface EntryStarts {
  blocks: Int32Array;
  entries: Int32Array;
}

const startsMemo = new WeakMap<Document, EntryStarts>();

// Block indexes do not depend on the width: every flow of a document has the same blocks.
function entryStarts(doc: Document, flow: Flow): EntryStarts {
  const memo = startsMemo.get(doc);
  if (memo) return memo;
  const blockOf = flow.indexesOf(sidebarEntries(doc).map((entry) => entry.target));
  const order: number[] = [];
  for (let entry = 0; entry < blockOf.length; entry++) if (blockOf[entry]! >= 0) order.push(entry);
  // The entries are in reading order, so their blocks nearly always are: sorted only when not (an
  // object for each of a long book's thousands of entries, and their sort, were ~2 ms of its first frame).
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k++) sorted = blockOf[order[k]!]! >= blockOf[order[k - 1]!]!;
  if (!sorted) order.sort((a, b) => blockOf[a]! - blockOf[b]! || a - b);
  const starts = { blocks: new Int32Array(order.length), entries: Int32Array.from(order) };
  for (let k = 0; k < order.length; k++) starts.blocks[k] = blockOf[order[k]!]!;
  startsMemo.set(doc, starts);
  return starts;
}

export interface Position {
  /** 1-based row number of the top row. */
  line: number;
  total: number;
  /** How far the bottom of the screen is through the document, 0–100, as in `less`. */
  percent: number;
  /** False while parts of a large document are still estimated. */
  exact: boolean;
}

/** The reading position for the status bar. */
export function readingPosition(state: ReaderState, flow: Flow = textFlow(state)): Position {
  const top = topPosition(state, flow);
  const total = Math.max(1, previewRows(state.doc, flow) ?? flow.rowCount());
  const line = flow.rowNumber(top) + 1;
  const bottomLine = Math.min(total, line + geometry(state).textHeight - 1);
  return { line, total, percent: Math.floor((bottomLine / total) * 100), exact: state.doc.preview === undefined && flow.isExact() };
}

/**
 * A first look at a long book holds the start of its text and only the titles after it: the rows of
 * its start stand for their share of the whole book.
 */
function previewRows(doc: Document, flow: Flow): number | undefined {
  const preview = doc.preview;
  if (preview === undefined || !(preview.share > 0)) return undefined;
  const unread = flow.indexOf(`s${preview.unreadFrom}`);
  const read = unread < 0 ? flow.rowCount() : flow.rowNumber({ block: unread, row: 0 });
  return Math.max(flow.rowCount(), Math.round(read / Math.min(1, preview.share)));
}

/**
 * The paragraph the copy keys copy: while the search line is open, the result chosen in its list
 * (Ctrl-y); otherwise the paragraph at the top of the view (`y`; a heading or the title give the first
 * paragraph after them).
 */
export function copyTarget(state: ReaderState): Paragraph | undefined {
  const { search } = state;
  const chosen = search.editing ? search.results?.hits[search.selected] : undefined;
  return paragraphAt(state.doc, chosen?.paragraphId ?? state.top.block);
}

const asWritten = (text: string): string => text;
const shownMemo = new WeakMap<Convert, (text: string) => string>();

/**
 * How a title, heading or label outside the text pane (sidebar, running head, status bar) is shown in
 * the state's script: converted once its converter is built (and remembered, as the same few recur
 * on every frame), as written before. The same function for the same converter, so memoised views
 * that take it keep their memo.
 */
export function shownText(state: Pick<ReaderState, 'script'>): (text: string) => string {
  const convert = converterFor(state.script);
  if (!convert) return asWritten;
  let shown = shownMemo.get(convert);
  if (!shown) {
    const cache = new Map<string, string>();
    shown = (text) => {
      let converted = cache.get(text);
      if (converted === undefined) {
        converted = convert(text).text;
        if (cache.size > 10_000) cache.clear();
        cache.set(text, converted);
      }
      return converted;
    };
    shownMemo.set(convert, shown);
  }
  return shown;
}

/** What the running head above the text shows. */
export interface RunningHead {
  /** The text's title, the current section's heading, or '' (nothing). */
  title: string;
  /** Beside the text's title only. */
  dateline?: string;
}

/**
 * The running head for the rows in view, as a book's: the current section's heading while reading
 * inside a section whose own heading has scrolled off (so a long chapter always says which it is, as
 * `ov --section-header` does); else the text's title and dateline; blank while the title itself is in
 * view, so it is not shown twice.
 */
export function runningHead(state: Pick<ReaderState, 'doc'>, rows: readonly Row[]): RunningHead {
  const { doc } = state;
  if (rows.some((row) => row.kind === 'title')) return { title: '' };
  const top = rows[0];
  const section = top && top.section > 0 ? doc.sections[top.section - 1] : undefined;
  if (section && section.index === top!.section && section.offset >= 0) {
    const heading = `s${section.index}`;
    // Its own heading on screen says it already.
    if (!rows.some((row) => row.kind === 'heading' && row.blockId === heading)) return { title: section.title };
  }
  return { title: doc.title, ...(doc.dateline ? { dateline: doc.dateline.raw } : {}) };
}

/**
 * The left of the status bar before the section: the auto-scroll and its pace while it runs
 * (`auto 30 lines/min`), then the committed search (`hit 2 of 4  /query`); undefined for neither.
 */
export function statusLead(state: ReaderState, search: string | undefined): string | undefined {
  const auto = state.autoScroll ? `auto ${state.autoPace} lines/min` : undefined;
  const lead = [auto, search].filter((part) => part !== undefined && part !== '').join('  ');
  return lead === '' ? undefined : lead;
}
