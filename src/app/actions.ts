import type { Anchor } from '../core/layout/flow.js';

/** Everything that can happen to the reader. Keys become actions through the keymap and `commands.ts`. */
export type Action =
  | { type: 'resize'; columns: number; rows: number }
  /** Scroll the text by rows (negative: up). */
  | { type: 'scroll'; rows: number }
  /** Scroll the text by a multiple of the pane height (1: a page, 0.5: half a page). */
  | { type: 'scrollPages'; pages: number }
  | { type: 'scrollTo'; where: 'top' | 'bottom' }
  /** Go to the next or previous section, or to section N (0: the lead). */
  | { type: 'section'; to: 'next' | 'previous' | number }
  /** Put `anchor` at the top of the text pane (search hits, marks and deep links use this). */
  | { type: 'goto'; anchor: Anchor }
  | { type: 'focus'; to: 'toggle' | 'text' | 'sidebar' }
  /** Move the sidebar selection by entries, or to the first/last entry. */
  | { type: 'select'; by: number }
  | { type: 'selectEdge'; edge: 'first' | 'last' }
  /** Open the selected sidebar entry and return to the text. */
  | { type: 'openSelected' }
  | { type: 'toggleSidebar' }
  | { type: 'help'; open: boolean }
  /** Scroll the help overlay by rows or by pages of its height. */
  | { type: 'helpScroll'; by: number; unit: 'row' | 'page' }
  /** Close what is open (overlay, sidebar focus), or quit when nothing is. */
  | { type: 'escape' }
  | { type: 'quit' }
  /** Keys pressed, by key-table name, each read in the mode the previous one left (see `keymap.ts`). */
  | { type: 'keys'; keys: readonly string[] };
