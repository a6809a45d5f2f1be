/** What each command of the key table does, as an action for the reducer. */
import type { Action } from './actions.js';
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
      return { type: 'copy' };
    case 'measure.wider':
      return { type: 'measure', steps: 1 };
    case 'measure.narrower':
      return { type: 'measure', steps: -1 };
    case 'indent.toggle':
      return { type: 'toggleIndent' };
    case 'app.escape':
      return { type: 'escape' };
    case 'app.quit':
    case 'app.interrupt':
      return { type: 'quit' };
  }
}

/** The action `key` triggers in `state`'s mode, or undefined when the key is not bound there. */
export function actionForKey(state: ReaderState, key: string): Action | undefined {
  const binding = lookupKey(modeOf(state), key);
  return binding && commandAction(binding.command, key);
}
