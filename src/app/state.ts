/**
 * The reader's whole state: what is open, where the reading position is, which part has focus.
 * Only the reducer makes new states; everything shown on screen is derived from one by the selectors.
 */
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { Mode } from './keymap.js';

/** Where keys go: the text, the sidebar (its list of sections), or an overlay on top of them. */
export type Focus = 'text' | 'sidebar';

/** What covers the text pane, if anything. */
export type Overlay = 'none' | 'help';

export interface ReaderState {
  readonly doc: Document;
  readonly ambiguousWidth: AmbiguousWidth;
  /** Terminal size in cells; the only source of width and height. */
  readonly columns: number;
  readonly rows: number;
  /** The reading position: block and character at the top of the text pane. */
  readonly top: Anchor;
  readonly focus: Focus;
  readonly overlay: Overlay;
  /** First line of the help overlay shown (it scrolls when the terminal is short). */
  readonly helpScroll: number;
  /** Index of the selected sidebar entry (meaningful while the sidebar has focus). */
  readonly selected: number;
  /** The user hid the docked sidebar (wide terminals only; narrow ones show it only as an overlay). */
  readonly sidebarHidden: boolean;
  /** Set once the user asked to leave. */
  readonly quit: boolean;
}

export interface InitialOptions {
  columns: number;
  rows: number;
  ambiguousWidth?: AmbiguousWidth;
}

/** A state at the top of the document with the text focused. */
export function initialState(doc: Document, options: InitialOptions): ReaderState {
  return {
    doc,
    ambiguousWidth: options.ambiguousWidth ?? 1,
    columns: options.columns,
    rows: options.rows,
    top: { block: 'title', offset: 0 },
    focus: 'text',
    overlay: 'none',
    helpScroll: 0,
    selected: 0,
    sidebarHidden: false,
    quit: false,
  };
}

/** Which part of the reader receives keys in `state`. */
export function modeOf(state: ReaderState): Mode {
  if (state.overlay === 'help') return 'help';
  return state.focus === 'sidebar' ? 'sidebar' : 'reader';
}
