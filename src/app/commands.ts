/** What each command of the key table does, as an action for the reducer. */
import type { Action } from './actions.js';
import type { LineEdit } from './line-edit.js';
import { lookupKey, type CommandId } from './keymap.js';
import { modeOf, type ReaderState } from './state.js';

/** The action for `command`; `key` is the key that triggered it (section.jump reads its digit). */
export function commandAction(command: CommandId, key: string): Action {
  switch (command) {
    case 'scroll.lineDown':
      return { type: 'scroll', rows: 1 };
    case 'scroll.lineUp':
      return { type: 'scroll', rows: -1 };
    case 'scroll.pageDown':
      return { type: 'scrollPages', pages: 1 };
    case 'scroll.pageUp':
      return { type: 'scrollPages', pages: -1 };
    case 'scroll.halfPageDown':
      return { type: 'scrollPages', pages: 0.5 };
    case 'scroll.halfPageUp':
      return { type: 'scrollPages', pages: -0.5 };
    case 'scroll.top':
      return { type: 'scrollTo', where: 'top' };
    case 'scroll.bottom':
      return { type: 'scrollTo', where: 'bottom' };
    case 'section.next':
      return { type: 'section', to: 'next' };
    case 'section.previous':
      return { type: 'section', to: 'previous' };
    case 'section.jump':
      return { type: 'section', to: Number(key) };
    case 'focus.toggle':
      return { type: 'focus', to: 'toggle' };
    case 'sidebar.toggle':
      return { type: 'toggleSidebar' };
    case 'sidebar.next':
      return { type: 'select', by: 1 };
    case 'sidebar.previous':
      return { type: 'select', by: -1 };
    case 'sidebar.first':
      return { type: 'selectEdge', edge: 'first' };
    case 'sidebar.last':
      return { type: 'selectEdge', edge: 'last' };
    case 'sidebar.open':
      return { type: 'openSelected' };
    case 'help.open':
      return { type: 'help', open: true };
    case 'help.close':
      return { type: 'help', open: false };
    case 'help.lineDown':
      return { type: 'helpScroll', by: 1, unit: 'row' };
    case 'help.lineUp':
      return { type: 'helpScroll', by: -1, unit: 'row' };
    case 'help.pageDown':
      return { type: 'helpScroll', by: 1, unit: 'page' };
    case 'help.pageUp':
      return { type: 'helpScroll', by: -1, unit: 'page' };
    case 'search.open':
      return { type: 'searchOpen' };
    case 'search.nextHit':
      return { type: 'searchStep', by: 1 };
    case 'search.previousHit':
      return { type: 'searchStep', by: -1 };
    case 'search.chooseNext':
      return { type: 'searchSelect', by: 1 };
    case 'search.choosePrevious':
      return { type: 'searchSelect', by: -1 };
    case 'search.submit':
      return { type: 'searchSubmit' };
    case 'search.close':
      return { type: 'searchClose' };
    case 'search.move':
    case 'search.delete':
      return { type: 'searchEdit', edit: lineEdit(key) };
    case 'mark.begin':
      return { type: 'pending', mode: 'mark' };
    case 'jump.begin':
      return { type: 'pending', mode: 'jump' };
    case 'pending.cancel':
      return { type: 'pending', mode: 'none' };
    case 'mark.set':
      return { type: 'setMark', letter: key };
    case 'mark.jump':
      return { type: 'jumpToMark', letter: key };
    case 'mark.back':
      return { type: 'jumpBack' };
    case 'copy.paragraph':
    case 'copy.result':
      return { type: 'copy' };
    case 'measure.wider':
      return { type: 'measure', steps: 1 };
    case 'measure.narrower':
      return { type: 'measure', steps: -1 };
    case 'indent.toggle':
      return { type: 'toggleIndent' };
    case 'script.cycle':
      return { type: 'cycleScript' };
    case 'auto.start':
      return { type: 'autoScroll', on: true };
    case 'auto.stop':
      return { type: 'autoScroll', on: false };
    case 'auto.faster':
      return { type: 'autoPace', by: 1 };
    case 'auto.slower':
      return { type: 'autoPace', by: -1 };
    case 'app.escape':
      return { type: 'escape' };
    case 'app.quit':
    case 'app.interrupt':
      return { type: 'quit' };
  }
}

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
 * The action `key` triggers in `state`'s mode, or undefined when the key is not bound there. In the
 * search line, a printable key that is not bound is typed into it.
 */
export function actionForKey(state: ReaderState, key: string): Action | undefined {
  const mode = modeOf(state);
  const binding = lookupKey(mode, key);
  if (binding) return commandAction(binding.command, key);
  const text = mode === 'search' ? typed(key) : undefined;
  return text === undefined ? undefined : { type: 'searchEdit', edit: { type: 'insert', text } };
}
