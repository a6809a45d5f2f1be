/** What each command of the key table does: its handler. */
import type { Action } from './actions.js';
import type { LineEdit } from './line-edit.js';
import { lookupKey, type CommandId } from './keymap.js';
import { reduce } from './reducer.js';
import { modeOf, type ReaderState } from './state.js';

/** What a command does to the state; `key` is the key that ran it (`section.jump` reads its digit). */
export type Handler = (state: ReaderState, key: string) => ReaderState;

/** Entries a page key moves the shelf's selection by. */
const SHELF_PAGE = 10;

/** A handler that reduces one action. */
const act =
  (action: Action): Handler =>
  (state) =>
    reduce(state, action);

/**
 * What each command of the key table does: one handler per command, the type asks for every one
 * (adding a command: its row in `keymap.ts`, its handler here). Most hand an action to the reducer;
 * a handler may as well work on the state itself.
 */
export const HANDLERS: { readonly [C in CommandId]: Handler } = {
  'scroll.lineDown': act({ type: 'scroll', rows: 1 }),
  'scroll.lineUp': act({ type: 'scroll', rows: -1 }),
  'scroll.pageDown': act({ type: 'scrollPages', pages: 1 }),
  'scroll.pageUp': act({ type: 'scrollPages', pages: -1 }),
  'scroll.halfPageDown': act({ type: 'scrollPages', pages: 0.5 }),
  'scroll.halfPageUp': act({ type: 'scrollPages', pages: -0.5 }),
  'scroll.top': act({ type: 'scrollTo', where: 'top' }),
  'scroll.bottom': act({ type: 'scrollTo', where: 'bottom' }),
  'section.next': act({ type: 'section', to: 'next' }),
  'section.previous': act({ type: 'section', to: 'previous' }),
  'section.jump': (state, key) => reduce(state, { type: 'section', to: Number(key) }),
  'focus.toggle': act({ type: 'focus', to: 'toggle' }),
  'sidebar.toggle': act({ type: 'toggleSidebar' }),
  'sidebar.next': act({ type: 'select', by: 1 }),
  'sidebar.previous': act({ type: 'select', by: -1 }),
  'sidebar.first': act({ type: 'selectEdge', edge: 'first' }),
  'sidebar.last': act({ type: 'selectEdge', edge: 'last' }),
  'sidebar.open': act({ type: 'openSelected' }),
  'sidebar.fold': act({ type: 'fold', to: 'fold' }),
  'sidebar.unfold': act({ type: 'fold', to: 'unfold' }),
  'filter.start': act({ type: 'filterEdit', edit: { type: 'start' } }),
  'filter.next': act({ type: 'select', by: 1 }),
  'filter.previous': act({ type: 'select', by: -1 }),
  'filter.open': act({ type: 'openSelected' }),
  'filter.delete': (state, key) => reduce(state, { type: 'filterEdit', edit: key === 'ctrl+u' ? { type: 'clear' } : { type: 'deleteBackward' } }),
  'filter.close': act({ type: 'filterClose' }),
  'help.open': act({ type: 'help', open: true }),
  'help.close': act({ type: 'help', open: false }),
  'help.lineDown': act({ type: 'helpScroll', by: 1, unit: 'row' }),
  'help.lineUp': act({ type: 'helpScroll', by: -1, unit: 'row' }),
  'help.pageDown': act({ type: 'helpScroll', by: 1, unit: 'page' }),
  'help.pageUp': act({ type: 'helpScroll', by: -1, unit: 'page' }),
  'search.open': act({ type: 'searchOpen' }),
  'search.nextHit': act({ type: 'searchStep', by: 1 }),
  'search.previousHit': act({ type: 'searchStep', by: -1 }),
  'search.chooseNext': act({ type: 'searchSelect', by: 1 }),
  'search.choosePrevious': act({ type: 'searchSelect', by: -1 }),
  'search.submit': act({ type: 'searchSubmit' }),
  'search.close': act({ type: 'searchClose' }),
  'search.move': (state, key) => reduce(state, { type: 'searchEdit', edit: lineEdit(key) }),
  'search.delete': (state, key) => reduce(state, { type: 'searchEdit', edit: lineEdit(key) }),
  'mark.begin': act({ type: 'pending', mode: 'mark' }),
  'jump.begin': act({ type: 'pending', mode: 'jump' }),
  'pending.cancel': act({ type: 'pending', mode: 'none' }),
  'mark.set': (state, key) => reduce(state, { type: 'setMark', letter: key }),
  'mark.jump': (state, key) => reduce(state, { type: 'jumpToMark', letter: key }),
  'mark.back': act({ type: 'jumpBack' }),
  'copy.paragraph': act({ type: 'copy' }),
  'copy.result': act({ type: 'copy' }),
  'measure.wider': act({ type: 'measure', steps: 1 }),
  'measure.narrower': act({ type: 'measure', steps: -1 }),
  'indent.toggle': act({ type: 'toggleIndent' }),
  'script.cycle': act({ type: 'cycleScript' }),
  'readings.toggle': act({ type: 'toggleReadings' }),
  'auto.start': act({ type: 'autoScroll', on: true }),
  'auto.stop': act({ type: 'autoScroll', on: false }),
  'auto.faster': act({ type: 'autoPace', by: 1 }),
  'auto.slower': act({ type: 'autoPace', by: -1 }),
  'shelf.open': act({ type: 'shelfOpen' }),
  'shelf.next': act({ type: 'shelfSelect', by: 1 }),
  'shelf.previous': act({ type: 'shelfSelect', by: -1 }),
  'shelf.pageDown': act({ type: 'shelfSelect', by: SHELF_PAGE }),
  'shelf.pageUp': act({ type: 'shelfSelect', by: -SHELF_PAGE }),
  'shelf.submit': act({ type: 'shelfSubmit' }),
  'shelf.forget': (state, key) => reduce(state, key === 'd' && state.shelf.line.text !== '' ? { type: 'shelfEdit', edit: { type: 'insert', text: 'd' } } : { type: 'shelfForget' }),
  'shelf.close': act({ type: 'shelfClose' }),
  'shelf.move': (state, key) => reduce(state, { type: 'shelfEdit', edit: lineEdit(key) }),
  'shelf.delete': (state, key) => reduce(state, { type: 'shelfEdit', edit: lineEdit(key) }),
  'app.escape': act({ type: 'escape' }),
  'app.quit': act({ type: 'quit' }),
  'app.interrupt': act({ type: 'quit' }),
  'app.suspend': act({ type: 'suspend' }),
};

/** What the editing keys of the search line do to it. */
const LINE_EDITS: Record<string, LineEdit> = {
  left: { type: 'left' },
  right: { type: 'right' },
  home: { type: 'home' },
  'ctrl+a': { type: 'home' },
  end: { type: 'end' },
  'ctrl+e': { type: 'end' },
  backspace: { type: 'deleteBackward' },
  delete: { type: 'deleteForward' },
  'ctrl+u': { type: 'deleteToStart' },
};

function lineEdit(key: string): LineEdit {
  const edit = LINE_EDITS[key];
  if (!edit) throw new Error(`the key table binds ${key} to a line edit that does not exist`);
  return edit;
}

/** A key that stands for a printable character (a single code point, not a control), as text. */
function typed(key: string): string | undefined {
  if (key === 'space') return ' ';
  const chars = Array.from(key);
  // eslint-disable-next-line no-control-regex
  return chars.length === 1 && !/[\u0000-\u001f\u007f-\u009f]/.test(key) ? key : undefined;
}

/**
 * The state after `key` in `state`'s mode, or undefined when the key is not bound there. In the
 * search line and the shelf, a printable key that is not bound is typed into it; in the sidebar, into the
 * chapter filter.
 */
export function handleKey(state: ReaderState, key: string): ReaderState | undefined {
  const mode = modeOf(state);
  const binding = lookupKey(mode, key);
  if (binding) return HANDLERS[binding.command](state, key);
  const text = mode === 'search' || mode === 'shelf' || mode === 'filter' || mode === 'sidebar' ? typed(key) : undefined;
  if (text === undefined) return undefined;
  // In the sidebar, a key bound to nothing there starts finding a chapter with that character.
  if (mode === 'filter' || mode === 'sidebar') return text === ' ' && mode === 'sidebar' ? undefined : reduce(state, { type: 'filterEdit', edit: { type: 'insert', text } });
  return reduce(state, mode === 'shelf' ? { type: 'shelfEdit', edit: { type: 'insert', text } } : { type: 'searchEdit', edit: { type: 'insert', text } });
}
