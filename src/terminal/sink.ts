/**
 * The stdout Ink renders into instead of the terminal. Rendered with `debug: true`, Ink writes every
 * frame whole, in one write (rows joined by `\n`, styled with SGR), on every render and without its
 * frame throttle; this stream hands each frame to the screen writer, which owns the real terminal.
 *
 * Ink also writes a few things that are not frames: cursor show/hide and synchronized-output marks
 * (the writer owns those, so they are dropped), and whatever the app writes through `useStdout`,
 * which Ink puts in front of the frame in the same write (an OSC 52 clipboard string, say). Escape
 * sequences that do not belong to a frame are handed on unchanged.
 */
import { Writable } from 'node:stream';
import { escapeSequences } from './escapes.js';

export interface FrameSinkOptions {
  columns: number;
  rows: number;
  /** Called with each frame Ink renders. */
  onFrame(frame: string): void;
  /** Called with escape sequences for the terminal that are not part of a frame. */
  onControl(data: string): void;
}

/** Cursor visibility (DECTCEM) and synchronized output: the screen writer decides about these. */
const OWNED_MODES = /^\u001b\[\?(?:25|2026)[hl]$/;

/** A terminal-like stream (isTTY, columns, rows, 'resize') that turns Ink's writes into frames. */
export class FrameSink extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;

  constructor(private readonly options: FrameSinkOptions) {
    super({ decodeStrings: false });
    this.columns = options.columns;
    this.rows = options.rows;
  }

  /** Takes on the terminal's new size and tells Ink, which renders a frame for it. */
  resize(columns: number, rows: number): void {
    if (columns === this.columns && rows === this.rows) return;
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    try {
      this.receive(typeof chunk === 'string' ? chunk : String(chunk));
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  private receive(data: string): void {
    if (data === '') return; // Ink's flush barrier
    // Leading escape sequences other than SGR are not part of the frame (a frame starts with text or SGR).
    const escapes = escapeSequences();
    let at = 0;
    let control = '';
    for (let match = escapes.exec(data); match !== null && match.index === at; match = escapes.exec(data)) {
      if (match[2] === 'm') break;
      if (!OWNED_MODES.test(match[0])) control += match[0];
      at = escapes.lastIndex;
    }
    if (control !== '') this.options.onControl(control);
    if (at < data.length) this.options.onFrame(data.slice(at));
  }
}
