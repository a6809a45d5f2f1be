/**
 * The reader's one reducer: (state, action) → state, pure, and the same object back when an action
 * changes nothing (so React skips the render and no frame is written).
 *
 * Scrolling moves the anchor row by row through the lazily laid-out flow; it stops where the last
 * row reaches the bottom of the pane. Jumps (sections, `goto`) put their target at the top even when
 * that leaves the pane part empty, as `less` does, so a short last section still starts at the top.
 * Every jump (g, G, a section, a mark, `goto`) remembers where it left, for `''`.
 *
 * Side effects stay out: `y` only records a copy request (with the citation), Ctrl-Z counts a suspend;
 * `effectsOf` (effects.ts) turns such changes into requests the effect runner carries out.
 */
import { citation } from '../core/document/cite.js';
import { asShown, converterFor, converterPending, nextScript, SCRIPT_NAMES } from '../core/script/convert.js';
import type { Anchor, Flow, RowPosition } from '../core/layout/flow.js';
import type { Document } from '../core/document/types.js';
import type { Action } from './actions.js';
import { handleKey } from './commands.js';
import { geometry, NARROW_BELOW } from './geometry.js';
import { helpLines, helpListHeight } from './help.js';
import { endSearch, isSearchAction, reduceSearch } from './search.js';
import { isShelfAction, reduceShelf } from './shelf.js';
import { bottomPosition, copyTarget, currentEntry, sidebarEntries, textFlow, topPosition, visibleEntries, visibleRowOf } from './selectors.js';
import { initialState, modeOf, PACES, type InitialOptions, type ReaderState } from './state.js';

function sameAnchor(a: Anchor, b: Anchor): boolean {
  return a.block === b.block && a.offset === b.offset;
}

/** Cells the measure changes by per `=` or `-`: two Chinese characters. */
const MEASURE_STEP = 4;
/** The narrowest measure `-` goes to: ten Chinese characters. */
const MIN_MEASURE = 20;

/** `state` with `patch` applied, or `state` itself when no field actually changes. */
function update(state: ReaderState, patch: Partial<ReaderState>): ReaderState {
  for (const key of Object.keys(patch) as (keyof ReaderState)[]) {
    const next = patch[key];
    const now = state[key];
    const same = key === 'top' ? sameAnchor(now as Anchor, next as Anchor) : Object.is(now, next);
    if (!same) return { ...state, ...patch };
  }
  return state;
}

function moveTo(state: ReaderState, flow: Flow, pos: RowPosition): ReaderState {
  return update(state, { top: flow.anchorAt(pos) });
}

/** Puts `top` at the top of the view as a jump: the place it leaves becomes `previous`. */
function jump(state: ReaderState, top: Anchor): ReaderState {
  return sameAnchor(state.top, top) ? state : update(state, { top, previous: state.top });
}

function jumpToMark(state: ReaderState, letter: string): ReaderState {
  const waiting = update(state, { pending: 'none' });
  const mark = state.marks[letter];
  return mark ? jump(waiting, mark) : update(waiting, { notice: `no mark ${letter} (set one with m${letter})` });
}

function jumpBack(state: ReaderState): ReaderState {
  const waiting = update(state, { pending: 'none' });
  return state.previous ? jump(waiting, state.previous) : update(waiting, { notice: 'no jump to go back from yet' });
}

function copy(state: ReaderState): ReaderState {
  const paragraph = copyTarget(state);
  if (!paragraph) return update(state, { notice: 'nothing to copy: the text has no paragraphs' });
  const serial = (state.copyRequest?.serial ?? 0) + 1;
  // The quote is what the reader shows: converted, and saying so, when the text is shown in another script.
  const text = asShown(citation(state.doc, paragraph), state.script, converterFor(state.script));
  return update(state, { copyRequest: { serial, ref: paragraph.id, text } });
}

/**
 * Widens or narrows the text column by steps of {@link MEASURE_STEP}, from the width it has now (a
 * measure wider than the pane counts as the pane). Widening to the pane's width means no limit.
 */
function measure(state: ReaderState, steps: number): ReaderState {
  const available = geometry({ ...state, measure: 0 }).textWidth;
  const current = geometry(state).textWidth;
  let next: number;
  if (steps > 0) {
    if (state.measure === 0) return state;
    next = current + steps * MEASURE_STEP;
    if (next >= available) next = 0;
  } else {
    next = Math.max(MIN_MEASURE, current + steps * MEASURE_STEP);
    if (next >= current) return state;
  }
  return update(state, { measure: next, notice: next === 0 ? 'text width: no limit' : `text width: ${next} columns` });
}

/** A key pressed: read in the current mode; a notice lasts until then. */
function pressKey(state: ReaderState, key: string): ReaderState {
  const base = state.notice === '' ? state : update(state, { notice: '' });
  const next = handleKey(base, key);
  if (next) return next;
  // Any key but its own stops the auto-scroll, and then does what it does in the text.
  if (modeOf(base) === 'autoscroll') return pressKey(update(base, { autoScroll: false }), key);
  // An unbound second key ends the sequence, as in less.
  if (base.pending !== 'none') return update(base, { pending: 'none', notice: 'marks are the letters a–z' });
  return base;
}

function scroll(state: ReaderState, rows: number): ReaderState {
  const flow = textFlow(state);
  const top = topPosition(state, flow);
  let next = flow.move(top, rows);
  if (rows > 0) {
    const bottom = bottomPosition(flow, geometry(state).textHeight);
    // After a jump the top may already be past the usual bottom; scrolling down must not move it back up.
    const limit = flow.compare(top, bottom) > 0 ? top : bottom;
    if (flow.compare(next, limit) > 0) next = limit;
  }
  return flow.compare(next, top) === 0 ? state : moveTo(state, flow, next);
}

function jumpToEntry(state: ReaderState, index: number): ReaderState {
  const entry = sidebarEntries(state.doc)[index];
  return entry ? jump(state, { block: entry.target, offset: 0 }) : state;
}

function section(state: ReaderState, to: 'next' | 'previous' | number): ReaderState {
  const entries = sidebarEntries(state.doc);
  if (typeof to === 'number') {
    // Section 0 is the lead (the title when there is none).
    const index = to === 0 ? Math.max(0, entries.findIndex((entry) => entry.kind === 'lead')) : entries.findIndex((entry) => entry.kind === 'section' && entry.section === to);
    return index < 0 ? state : jumpToEntry(state, index);
  }
  const flow = textFlow(state);
  const current = currentEntry(state, flow);
  if (to === 'next') {
    const index = entries.findIndex((entry, i) => i > current && entry.kind === 'section');
    return index < 0 ? state : jumpToEntry(state, index);
  }
  const entry = entries[current];
  if (!entry) return state;
  const start = flow.locate({ block: entry.target, offset: 0 });
  // Inside a section, `[` first goes back to its start, as `[[` does in vim.
  if (flow.compare(topPosition(state, flow), start) > 0) return jumpToEntry(state, current);
  return current > 0 ? jumpToEntry(state, current - 1) : state;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function select(state: ReaderState, index: number): ReaderState {
  const rows = visibleEntries(state).indexes.length;
  // While filtering, row 0 is the filter line: the selection stays on the matches.
  const first = state.sidebarFilter === undefined || rows < 2 ? 0 : 1;
  return update(state, { selected: clamp(index, first, rows - 1) });
}

/** The sidebar selection on the entry in view (or its folded volume). */
function selectCurrent(state: ReaderState): number {
  return visibleRowOf(visibleEntries(state), currentEntry(state));
}

function focus(state: ReaderState, to: 'toggle' | 'text' | 'sidebar'): ReaderState {
  const target = to === 'toggle' ? (state.focus === 'text' ? 'sidebar' : 'text') : to;
  if (target === state.focus) return state;
  // Focusing the sidebar starts the selection at the section in view; leaving it ends any filter.
  return target === 'sidebar'
    ? update(state, { focus: 'sidebar', sidebarFilter: undefined, selected: selectCurrent({ ...state, sidebarFilter: undefined }) })
    : update(state, { focus: 'text', sidebarFilter: undefined });
}

/** The full-list index of the selected sidebar row, if any. */
function selectedEntry(state: ReaderState): number | undefined {
  const index = visibleEntries(state).indexes[state.selected];
  return index === undefined || index < 0 ? undefined : index;
}

/** The volume an entry belongs to: itself, or the volume above a chapter in it. */
function volumeOf(state: ReaderState, entry: number): number | undefined {
  const entries = sidebarEntries(state.doc);
  for (let i = entry; i >= 0; i--) {
    const e = entries[i];
    if (e?.kind === 'volume') return e.volume;
    if (e?.kind !== 'section' || (e.depth ?? 1) < 2) return undefined;
  }
  return undefined;
}

function fold(state: ReaderState, to: 'fold' | 'unfold' | 'toggle'): ReaderState {
  const entry = selectedEntry(state);
  if (entry === undefined) return state;
  const volume = volumeOf(state, entry);
  if (volume === undefined) return state;
  const isFolded = state.folded.has(volume);
  const folding = to === 'toggle' ? !isFolded : to === 'fold';
  // Folding what is folded still moves the selection to the volume, as `h` does in a file tree.
  if (!folding && !isFolded) return state;
  const folded = new Set(state.folded);
  if (folding) folded.add(volume);
  else folded.delete(volume);
  const next = { ...state, folded };
  // The selection stays on the same entry, or moves to its volume when the entry is folded away.
  return { ...next, selected: visibleRowOf(visibleEntries(next), entry) };
}

function openSelected(state: ReaderState): ReaderState {
  const entry = selectedEntry(state);
  if (entry === undefined) return state;
  // Enter on a volume in the outline folds or unfolds it; found by the filter, it opens.
  if (state.sidebarFilter === undefined && sidebarEntries(state.doc)[entry]?.kind === 'volume') return fold(state, 'toggle');
  return focus(jumpToEntry(state, entry), 'text');
}

function filterEdit(state: ReaderState, edit: Extract<Action, { type: 'filterEdit' }>['edit']): ReaderState {
  const now = state.sidebarFilter ?? '';
  let text: string;
  switch (edit.type) {
    case 'start':
      text = now;
      break;
    case 'insert':
      text = now + edit.text;
      break;
    case 'deleteBackward':
      text = Array.from(now).slice(0, -1).join('');
      break;
    case 'clear':
      text = '';
      break;
  }
  const next = update(state, { sidebarFilter: text });
  // The best match is chosen as the filter changes.
  return update(next, { selected: visibleEntries(next).indexes.length > 1 ? 1 : 0 });
}

function helpScroll(state: ReaderState, by: number, unit: 'row' | 'page'): ReaderState {
  const height = helpListHeight(geometry(state).bodyHeight);
  const max = Math.max(0, helpLines().length - height);
  const rows = unit === 'page' ? by * height : by;
  return update(state, { helpScroll: clamp(state.helpScroll + rows, 0, max) });
}

/** The reader's reducer. */
export function reduce(state: ReaderState, action: Action): ReaderState {
  if (isSearchAction(action)) return reduceSearch(state, action, jump);
  if (isShelfAction(action)) return reduceShelf(state, action);
  switch (action.type) {
    case 'resize': {
      const resized = update(state, { columns: action.columns, rows: action.rows });
      // The anchor is untouched: the same character stays at the top at the new width. Only the help
      // scroll, a line number, needs clamping to the new height.
      return resized === state ? state : helpScroll(resized, 0, 'row');
    }
    case 'scroll':
      return scroll(state, action.rows);
    case 'scrollPages': {
      const height = geometry(state).textHeight;
      const rows = Math.trunc(action.pages * height) || Math.sign(action.pages);
      return scroll(state, rows);
    }
    case 'scrollTo': {
      const flow = textFlow(state);
      const pos = action.where === 'top' ? flow.first() : bottomPosition(flow, geometry(state).textHeight);
      return jump(state, flow.anchorAt(pos));
    }
    case 'section':
      return section(state, action.to);
    case 'goto':
      return jump(state, action.anchor);
    case 'focus':
      return focus(state, action.to);
    case 'select':
      return select(state, state.selected + action.by);
    case 'selectEdge':
      return select(state, action.edge === 'first' ? 0 : Number.MAX_SAFE_INTEGER);
    case 'openSelected':
      return openSelected(state);
    case 'fold':
      return fold(state, action.to);
    case 'filterEdit':
      return filterEdit(state, action.edit);
    case 'filterClose':
      return update(state, { sidebarFilter: undefined, selected: selectCurrent({ ...state, sidebarFilter: undefined }) });
    case 'toggleSidebar': {
      // Narrow terminals have no docked sidebar: the key opens and closes it as an overlay.
      if (state.columns < NARROW_BELOW) return focus(state, 'toggle');
      const hidden = !state.sidebarHidden;
      return update(state, { sidebarHidden: hidden, focus: hidden ? 'text' : state.focus });
    }
    case 'help':
      return update(state, { overlay: action.open ? 'help' : 'none', helpScroll: 0 });
    case 'helpScroll':
      return helpScroll(state, action.by, action.unit);
    case 'escape':
      if (state.overlay !== 'none') return update(state, { overlay: 'none', helpScroll: 0 });
      if (state.focus === 'sidebar') return focus(state, 'text');
      return endSearch(state) ?? update(state, { quit: true });
    case 'quit':
      return update(state, { quit: true });
    case 'pending':
      return update(state, { pending: action.mode });
    case 'setMark':
      return update(state, { pending: 'none', marks: { ...state.marks, [action.letter]: state.top }, notice: `mark ${action.letter} set` });
    case 'jumpToMark':
      return jumpToMark(state, action.letter);
    case 'jumpBack':
      return jumpBack(state);
    case 'copy':
      return copy(state);
    case 'notice':
      return update(state, { notice: action.text });
    case 'measure':
      return measure(state, action.steps);
    case 'toggleIndent':
      return update(state, { indent: !state.indent, notice: state.indent ? 'paragraph indent off' : 'paragraph indent on' });
    case 'cycleScript': {
      const script = nextScript(state.script, state.traditional);
      const name = SCRIPT_NAMES[script];
      const notice = script === 'original' ? 'shown as written' : converterPending(script) ? `shown in ${name}: preparing the conversion…` : `shown in ${name}`;
      return update(state, { script, notice, ...(script.startsWith('traditional') ? { traditional: script } : {}) });
    }
    case 'toggleReadings':
      return update(state, { readings: !state.readings, notice: state.readings ? 'readings hidden' : 'readings shown' });
    case 'scriptReady': {
      // The flow of the script shown is taken up on the next frame; the notice says it is done.
      const notice = action.script === state.script && state.notice.endsWith('preparing the conversion…') ? `shown in ${SCRIPT_NAMES[state.script]}` : state.notice;
      return update(state, { conversions: state.conversions + 1, notice });
    }
    case 'autoScroll':
      return update(state, { autoScroll: action.on, notice: action.on ? '' : 'auto-scroll stopped' });
    case 'autoPace': {
      const at = PACES.findIndex((pace) => pace >= state.autoPace);
      const next = PACES[Math.max(0, Math.min(PACES.length - 1, (at < 0 ? PACES.length - 1 : at) + action.by))]!;
      return update(state, { autoPace: next });
    }
    case 'autoStep': {
      if (!state.autoScroll) return state;
      const moved = scroll(state, 1);
      // At the end there is nothing left to scroll: it stops, as a reader would.
      return moved === state ? update(state, { autoScroll: false, notice: 'auto-scroll stopped at the end' }) : moved;
    }
    case 'keys':
      return action.keys.reduce(pressKey, state);
    case 'suspend':
      return update(state, { suspends: state.suspends + 1 });
    case 'paste':
      return state.search.editing ? reduceSearch(state, { type: 'searchEdit', edit: { type: 'insert', text: action.text } }, jump) : state;
    case 'layoutCounted':
      return update(state, { background: { ...state.background, layoutFlow: action.flow, layoutCounted: action.flow.countedCount } });
    case 'indexing':
      return action.note === state.background.indexing ? state : update(state, { background: { ...state.background, indexing: action.note } });
  }
}

/** The state the reader opens with: at section `section` when given (0: the lead), else at the top. */
export function createReaderState(doc: Document, options: InitialOptions & { section?: number }): ReaderState {
  const state = initialState(doc, options);
  return options.section === undefined ? state : reduce(state, { type: 'section', to: options.section });
}
