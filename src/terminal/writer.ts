/**
 * The only writer of frames to the terminal. It keeps a model of what the terminal shows and sends
 * each new frame as the diff from that model (`diff.ts`), one synchronized update per frame.
 *
 * Frames are never queued. A frame is written on the next turn of the event loop, so the renders of
 * keys that arrived together (a held key, keys typed while the process was blocked writing to a
 * terminal tty, which Node writes synchronously) become one update of the last state. When the
 * stream reports that it cannot take more (`write` returns false: a pipe or socket on a slow link),
 * nothing more is written until 'drain'; frames rendered meanwhile replace each other, and then only
 * the diff from what the terminal was sent to the latest frame goes out.
 */
import type { AmbiguousWidth } from '../core/layout/width.js';
import { renderDiff } from './diff.js';
import { RowCache, screenOf, type Screen } from './screen.js';
import type { SpanRow } from './span.js';

/** Synchronized output (mode 2026): the terminal shows the update at once; others ignore the mode. */
export const BEGIN_SYNC = '\u001b[?2026h';
export const END_SYNC = '\u001b[?2026l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const HOME = '\u001b[H';

/** A cell of the screen: 0-based column and row. */
export interface CursorCell {
  x: number;
  y: number;
}

/** What the writer needs of the terminal's output stream (a `tty.WriteStream` has it all). */
export interface TerminalOutput {
  readonly columns: number;
  readonly rows: number;
  write(data: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'drain' | 'resize', listener: () => void): unknown;
}

export interface ScreenWriterOptions {
  /** The ambiguous-width policy the frames are laid out with. @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /**
   * Write the first frame at once instead of on the next turn of the event loop: there is nothing to
   * merge it with, and a renderer's follow-up work (React's effects) would otherwise delay it.
   * @default false
   */
  firstFrameAtOnce?: boolean;
  /** Spans' hyperlinks are sent (OSC 8); otherwise their text is drawn without them. @default false */
  hyperlinks?: boolean;
}

export class ScreenWriter {
  /** What the terminal shows once it has read everything written; undefined: unknown, redraw in full. */
  private screen: Screen | undefined;
  private latest: readonly SpanRow[] | undefined;
  /** The latest frame has not been written yet. */
  private dirty = false;
  private scheduled: NodeJS.Immediate | undefined;
  /** Where the cursor is to be shown after each update; undefined: hidden. */
  private cursorCell: CursorCell | undefined;
  /** The terminal shows the cursor (the caller hides it before the first frame). */
  private cursorShown = false;
  /** The cursor was moved, shown or hidden since the last update. */
  private cursorMoved = false;
  /** Waiting for 'drain'. */
  private blocked = false;
  private closed = false;
  private held = false;
  private readonly ambiguousWidth: AmbiguousWidth;
  private readonly hyperlinks: boolean;
  private readonly cache = new RowCache();
  private readonly firstFrameAtOnce: boolean;
  /** A frame has been written. */
  private written = false;

  constructor(
    private readonly out: TerminalOutput,
    options: ScreenWriterOptions = {},
  ) {
    this.ambiguousWidth = options.ambiguousWidth ?? 1;
    this.firstFrameAtOnce = options.firstFrameAtOnce ?? false;
    this.hyperlinks = options.hyperlinks ?? false;
    // A terminal that changes size reflows or cuts what it shows: the model no longer holds.
    out.on('resize', this.redraw);
  }

  /** Shows `rows` of styled spans (top to bottom, as the views draw them) as soon as the terminal can take it. */
  frame(rows: readonly SpanRow[]): void {
    this.latest = rows;
    this.dirty = true;
    if (this.firstFrameAtOnce && !this.written) this.flush();
    else this.schedule();
  }

  /**
   * Shows the terminal's cursor at `cell` after every update (where a text field wants it: input
   * methods open their candidate window there), or hides it (undefined).
   */
  cursor(cell: CursorCell | undefined): void {
    if (cell?.x === this.cursorCell?.x && cell?.y === this.cursorCell?.y) return;
    this.cursorCell = cell ? { x: cell.x, y: cell.y } : undefined;
    this.cursorMoved = true;
    this.dirty = this.latest !== undefined;
    this.schedule();
  }

  /** Draws the latest frame again in full (after a resize, or when the user asks: the screen may be garbled). */
  readonly redraw = (): void => {
    this.screen = undefined;
    this.dirty = this.latest !== undefined;
    this.schedule();
  };

  /**
   * Writes nothing until {@link release}, keeping the latest frame: while the reader is suspended the
   * terminal is the shell's, and a frame drawn between SIGCONT and the return to the alternate screen
   * would land on the shell's screen.
   */
  hold(): void {
    this.held = true;
  }

  /** Writes again, the latest frame in full (whatever ran meanwhile may have drawn over the screen). */
  release(): void {
    this.held = false;
    this.redraw();
  }

  /** Writes nothing more; a frame not yet written is dropped. */
  close(): void {
    this.closed = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    this.out.off('resize', this.redraw);
    this.out.off('drain', this.onDrain);
  }

  private schedule(): void {
    if (this.scheduled || this.blocked || this.closed || this.held || !this.dirty) return;
    this.scheduled = setImmediate(this.flush);
  }

  private readonly flush = (): void => {
    this.scheduled = undefined;
    if (this.blocked || this.closed || this.held || !this.dirty || this.latest === undefined) return;
    this.dirty = false;
    const policy = { ambiguousWidth: this.ambiguousWidth, hyperlinks: this.hyperlinks, cache: this.cache };
    const next = screenOf(this.latest, this.out.columns || 80, this.out.rows || 24, policy);
    const diff = renderDiff(this.screen, next);
    this.screen = next;
    const cell = this.cursorCell;
    // The diff moves the cursor: hidden while drawing, then put back where it belongs.
    let update = diff !== '' && this.cursorShown ? HIDE_CURSOR + diff : diff;
    if (cell && (diff !== '' || this.cursorMoved)) update += `\u001b[${cell.y + 1};${cell.x + 1}H${SHOW_CURSOR}`;
    if (!cell && this.cursorShown) update += HIDE_CURSOR;
    // A hidden cursor waits top left: a terminal made shorter keeps the rows around the cursor, so it
    // then cuts the bottom rows, which the redraw for the new size replaces, instead of scrolling.
    if (!cell && diff !== '') update += HOME;
    this.cursorShown = cell !== undefined;
    this.cursorMoved = false;
    if (update === '') return;
    this.written = true;
    if (!this.out.write(BEGIN_SYNC + update + END_SYNC)) {
      this.blocked = true;
      this.out.once('drain', this.onDrain);
    }
  };

  private readonly onDrain = (): void => {
    this.blocked = false;
    this.schedule();
  };
}
