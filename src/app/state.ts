/**
 * The reader's whole state: what is open, where the reading position is, which part has focus.
 * Only the reducer makes new states; everything shown on screen is derived from one by the selectors.
 */
import type { Document } from '../core/document/types.js';
import { readsAsProse, sourceSeparates } from '../core/document/indentation.js';
import type { Anchor, Flow, Spacing } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { Script } from '../core/script/convert.js';
import type { Mode, PendingMode } from './keymap.js';
import { initialSearch, NO_SEARCH, type SearchState } from './search.js';
import { initialShelf, type ShelfState } from './shelf.js';
import type { ShelfEntry } from '../core/shelf/entries.js';

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
  /** Row of the selected sidebar entry in the list shown (`visibleEntries`; meaningful while the sidebar has focus). */
  readonly selected: number;
  /** Volumes (indexes into `doc.volumes`) whose chapters the sidebar hides. */
  readonly folded: ReadonlySet<number>;
  /** The chapter filter typed in the sidebar; undefined when not filtering. */
  readonly sidebarFilter: string | undefined;
  /** The user hid the docked sidebar (wide terminals only; narrow ones show it only as an overlay). */
  readonly sidebarHidden: boolean;
  /** Set once the user asked to leave. */
  readonly quit: boolean;
  /** Marks set with `m` + letter, by letter. */
  readonly marks: Readonly<Record<string, Anchor>>;
  /** Where the view was before the last jump (g, G, a section, a mark, a search hit): `''` goes back there. */
  readonly previous: Anchor | undefined;
  /** A two-key sequence begun with `m` or `'`: the next key is read in this mode. */
  readonly pending: PendingMode | 'none';
  /** One line for the status bar, shown until the next key ('' for none). */
  readonly notice: string;
  /** Most columns the text is laid out in (0: no limit); narrower panes use their own width. */
  readonly measure: number;
  /** Indent the first line of paragraphs by two full-width spaces. */
  readonly indent: boolean;
  /** Blank rows between paragraphs (0: none, as a novel is printed). */
  readonly spacing: Spacing;
  /** The script the text is shown in (display only: anchors, marks and search stay on the original). */
  readonly script: Script;
  /** Show ruby readings (EPUB) after their base, dimmed: `漢(hàn)` (`r`, `--no-readings`). */
  readonly readings: boolean;
  /** The traditional variant `t` cycles through (the one last chosen). */
  readonly traditional: Script;
  /** Converters built so far (`scriptReady`): each makes the flow of its script a new one to count. */
  readonly conversions: number;
  /** Scrolling by itself (`a`): the timer is an effect (`autoScroll`), each tick an `autoStep`. */
  readonly autoScroll: boolean;
  /** Its pace, in lines a minute (kept when it stops, for the next start). */
  readonly autoPace: number;
  /** The latest copy asked for; the UI writes it to the clipboard when `serial` changes. */
  readonly copyRequest: CopyRequest | undefined;
  /** The search line, its results and the committed search (see `search.ts`). */
  readonly search: SearchState;
  /** The shelf view (`o`): the texts read before and those in folders given (see `shelf.ts`). */
  readonly shelf: ShelfState;
  /** Times Ctrl-Z was pressed: each one asks the terminal session to suspend the reader. */
  readonly suspends: number;
  /** What the background work (effects) last reported, for the status bar and the search line. */
  readonly background: Background;
}

/** Reports of the work done outside the reducer (`src/effects/`). */
export interface Background {
  /** The flow whose background layout pass has been reported on, and how many blocks it had counted then. */
  readonly layoutFlow: Flow | undefined;
  readonly layoutCounted: number;
  /** The search index's progress note for the search line (`pinyin 40%`), once indexing takes a while. */
  readonly indexing: string | undefined;
}

/** What `y` asks the UI to put on the clipboard. */
export interface CopyRequest {
  /** Counts requests, so copying the same paragraph twice is two requests. */
  serial: number;
  /** The paragraph's short reference (`s2p3`). */
  ref: string;
  /** The citation: the paragraph quoted, then who said it, where, and the reference. */
  text: string;
}

const NO_FOLDS: ReadonlySet<number> = new Set();

/** Auto-scroll paces, lines a minute; `+`/`-` step through them. */
export const PACES: readonly number[] = [6, 10, 15, 20, 30, 40, 60, 90, 120, 180, 240];
export const DEFAULT_PACE = 30;

/** The measure when neither the command line nor the saved state sets one: about 40 Chinese characters. */
export const DEFAULT_MEASURE = 80;

export interface InitialOptions {
  columns: number;
  rows: number;
  ambiguousWidth?: AmbiguousWidth;
  /** Where to open (a saved position, a deep link); default the top. */
  top?: Anchor;
  marks?: Readonly<Record<string, Anchor>>;
  /** @default DEFAULT_MEASURE */
  measure?: number;
  /** @default false */
  indent?: boolean;
  /** @default defaultSpacing(doc) */
  spacing?: Spacing;
  /** @default 'original' */
  script?: Script;
  /** Show ruby readings after their base. @default true */
  readings?: boolean;
  /** Start with the docked sidebar hidden. @default false */
  sidebarHidden?: boolean;
  /** A first status-bar line (e.g. a warning about the saved state). */
  notice?: string;
  /** `--search QUERY`: go to the query's best hit as soon as its results are in, with the search active. */
  search?: string;
  /** The shelf's entries, most recently read first. */
  shelf?: readonly ShelfEntry[];
  /** Open with the shelf shown (`yuedu DIR`). */
  showShelf?: boolean;
}

/**
 * Blank rows between paragraphs when nothing says: one between an interview's turns; none in a text
 * shown indented (a novel, a story, a newspaper's article read as running text, each paragraph marked
 * by its indent, as they are printed). A book without indents is shown as its source parts it: 论语's
 * sayings a blank line apart (nothing else would show where one ends), 道德经's lines together, as a
 * poem's are; so is any other text of short lines (poems under their titles). Other texts without
 * indents, their paragraphs prose, get the blank line, as web pages show them.
 */
export function defaultSpacing(doc: Document, indent: boolean): Spacing {
  // A document built without a shape (by hand, in tests) is spaced as the interview it usually stands for.
  if (doc.shape === undefined || doc.shape === 'interview') return 1;
  if (indent) return 0;
  return !sourceSeparates(doc) && (doc.shape === 'book' || !readsAsProse(doc)) ? 0 : 1;
}

/** A state at `options.top` (default: the top of the document) with the text focused. */
export function initialState(doc: Document, options: InitialOptions): ReaderState {
  return {
    doc,
    ambiguousWidth: options.ambiguousWidth ?? 1,
    columns: options.columns,
    rows: options.rows,
    top: options.top ?? { block: 'title', offset: 0 },
    focus: 'text',
    overlay: 'none',
    helpScroll: 0,
    selected: 0,
    folded: NO_FOLDS,
    sidebarFilter: undefined,
    sidebarHidden: options.sidebarHidden ?? false,
    quit: false,
    marks: options.marks ?? {},
    previous: undefined,
    pending: 'none',
    notice: options.notice ?? '',
    measure: options.measure ?? DEFAULT_MEASURE,
    indent: options.indent ?? false,
    spacing: options.spacing ?? defaultSpacing(doc, options.indent ?? false),
    script: options.script ?? 'original',
    traditional: options.script?.startsWith('traditional') ? options.script : 'traditional',
    conversions: 0,
    readings: options.readings ?? true,
    autoScroll: false,
    autoPace: DEFAULT_PACE,
    copyRequest: undefined,
    search: options.search === undefined ? NO_SEARCH : initialSearch(options.search),
    shelf: initialShelf(options.shelf, options.showShelf ?? false),
    suspends: 0,
    background: { layoutFlow: undefined, layoutCounted: 0, indexing: undefined },
  };
}

/** Which part of the reader receives keys in `state`. */
export function modeOf(state: ReaderState): Mode {
  if (state.search.editing) return 'search';
  if (state.shelf.open) return 'shelf';
  if (state.overlay === 'help') return 'help';
  if (state.pending !== 'none') return state.pending;
  if (state.focus === 'sidebar') return state.sidebarFilter === undefined ? 'sidebar' : 'filter';
  if (state.autoScroll) return 'autoscroll';
  return 'reader';
}
