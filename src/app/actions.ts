import type { Anchor, Flow } from '../core/layout/flow.js';
import type { Script } from '../core/script/convert.js';
import type { PendingMode } from './keymap.js';
import type { SearchAction } from './search.js';
import type { ShelfAction } from './shelf.js';

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
  /** Fold or unfold the volume of the selected sidebar entry (`toggle`: as Enter on a volume). */
  | { type: 'fold'; to: 'fold' | 'unfold' | 'toggle' }
  /** The sidebar's chapter filter: start it, type into it, delete from it, move in its matches, open one, close it. */
  | { type: 'filterEdit'; edit: { type: 'start' } | { type: 'insert'; text: string } | { type: 'deleteBackward' } | { type: 'clear' } }
  | { type: 'filterClose' }
  | { type: 'help'; open: boolean }
  /** Scroll the help overlay by rows or by pages of its height. */
  | { type: 'helpScroll'; by: number; unit: 'row' | 'page' }
  /** Close what is open (overlay, sidebar focus), or quit when nothing is. */
  | { type: 'escape' }
  | { type: 'quit' }
  /** Wait for the second key of a two-key sequence (`m`, `'`), or stop waiting. */
  | { type: 'pending'; mode: PendingMode | 'none' }
  /** Remember the top of the view as mark `letter`. */
  | { type: 'setMark'; letter: string }
  /** Go to mark `letter` (a jump). */
  | { type: 'jumpToMark'; letter: string }
  /** Go back to where the view was before the last jump; again goes back to where it was (as `''` in less). */
  | { type: 'jumpBack' }
  /** Ask the UI to copy the paragraph at the top of the view (with its citation) to the clipboard. */
  | { type: 'copy' }
  /** One line for the status bar until the next key (a copy confirmation, a warning). */
  | { type: 'notice'; text: string }
  /** Widen (positive) or narrow (negative) the text measure by steps. */
  | { type: 'measure'; steps: number }
  | { type: 'toggleIndent' }
  /** Ctrl-Z: ask the terminal session to give the terminal back to the shell and stop (`fg` resumes). */
  | { type: 'suspend' }
  /** Text pasted (bracketed paste): typed into the search line as one piece; ignored elsewhere. */
  | { type: 'paste'; text: string }
  /** The background layout pass has counted more of `flow` (reported a few times a second). */
  | { type: 'layoutCounted'; flow: Flow }
  /** The search index's progress note for the search line, or undefined when there is none. */
  | { type: 'indexing'; note: string | undefined }
  /** `t`: show the text in the next script (as written → simplified → traditional → as written). */
  | { type: 'cycleScript' }
  /** `r`: show ruby readings after their base, or not. */
  | { type: 'toggleReadings' }
  /** The converter for the script shown has been built: the text can be drawn converted now. */
  | { type: 'scriptReady'; script: Script }
  /** `a`: start or stop scrolling by itself. */
  | { type: 'autoScroll'; on: boolean }
  /** `+`/`-` while it scrolls: a faster (1) or slower (-1) pace. */
  | { type: 'autoPace'; by: 1 | -1 }
  /** One tick of the auto-scroll timer: a line down. */
  | { type: 'autoStep' }
  /** Keys pressed, by key-table name, each read in the mode the previous one left (see `keymap.ts`). */
  | { type: 'keys'; keys: readonly string[] }
  /** The search line and the committed search (see `search.ts`). */
  | SearchAction
  /** The shelf view (see `shelf.ts`). */
  | ShelfAction;
