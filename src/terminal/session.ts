/**
 * The one owner of the terminal while the reader runs, from its first frame to its exit: raw mode,
 * the alternate screen, the cursor, bracketed paste, the size, the screen writer (which adds the
 * synchronized-output marks), and every signal. Nothing else switches a mode or installs a handler,
 * so there is no hand-over in which a signal finds nobody to put the terminal back.
 *
 * The ways out and back in, as `less` and vim behave:
 *
 *   SIGINT, SIGTERM, SIGHUP, SIGQUIT   restore the terminal and end: the session's `onEnd` handler
 *                                      (the reader, to save its place) decides how; without one, the
 *                                      process exits with 128 + the signal's number.
 *   Ctrl-Z (`suspend()`), SIGTSTP      restore the terminal (main screen, cursor shown, cooked mode,
 *                                      paste mode off) and stop with SIGSTOP, so the shell's prompt
 *                                      lands on the user's own screen and reads lines as usual.
 *   SIGCONT                            raw mode, the alternate screen and the paste mode again, and a
 *                                      full redraw at the size the terminal has now (it may have been
 *                                      resized meanwhile, and whatever ran drew over the screen).
 *   SIGTERM while stopped              `kill %1` sends SIGTERM and SIGCONT together: the terminal was
 *                                      already restored when the reader stopped, and touching it now
 *                                      (from the background, the shell owns it) would stop the reader
 *                                      again with SIGTTOU. So it ends without writing a byte.
 *   SIGCONT in the background (`bg`)   the same holds: the reader waits, reading and drawing nothing,
 *                                      until `fg` continues it in the foreground.
 *
 * Keys never come from the stream the text came from: `keyboard()` opens the controlling terminal
 * (/dev/tty), as `less` does, so `cat f | yuedu`, `yuedu < f` and `yuedu -` typed at a terminal read
 * keys alike. Ink reads them from `keys`, a stream the session feeds: Ink's own raw-mode and paste
 * switches land on it and change nothing, and while the reader is stopped no key is read at all.
 */
import { openSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { PassThrough, Writable } from 'node:stream';
import { ReadStream } from 'node:tty';
import type { AmbiguousWidth } from '../core/layout/width.js';
import { ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR } from './modes.js';
import { hyperlinksSupported } from './hyperlinks.js';
import type { SpanRow } from './span.js';
import { ScreenWriter, type CursorCell } from './writer.js';

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/** Signals that end the reader (after the terminal is restored). */
export const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** The exit status of a process ended by `signal`, as the shell reports it. */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

/** The size `output` reports, or 80x24 when it reports none. */
export function terminalSize(output: { columns?: number; rows?: number }): TerminalSize {
  return { columns: output.columns || 80, rows: output.rows || 24 };
}

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Where keys come from: a terminal. */
export interface Keyboard {
  readonly stream: NodeJS.ReadStream;
  /** Closes what `keyboard()` opened (nothing when it is this process's stdin). */
  close(): void;
}

/**
 * The controlling terminal to read keys from (/dev/tty), whatever stdin is; stdin itself when it is a
 * terminal and /dev/tty cannot be opened. Undefined when there is no terminal to read from.
 */
export function keyboard(stdin: NodeJS.ReadStream = process.stdin): Keyboard | undefined {
  try {
    const stream = new ReadStream(openSync('/dev/tty', 'r'));
    return { stream, close: () => stream.destroy() };
  } catch {
    return stdin.isTTY ? { stream: stdin, close: () => undefined } : undefined;
  }
}

export interface TerminalSessionOptions {
  /** The terminal's keyboard (`keyboard().stream`). */
  input: NodeJS.ReadStream;
  /** The terminal. */
  output: NodeJS.WriteStream;
  /** The policy the frames are laid out with. @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Links are sent as OSC 8 hyperlinks. @default what `hyperlinksSupported` decides for the output */
  hyperlinks?: boolean;
  /** Stops the process (tests replace it). @default SIGSTOP to this process */
  stop?: () => void;
  /** Whether the process owns the terminal now (tests replace it). @default what /proc says, else yes */
  foreground?: () => boolean;
}

/** How the session ended: a signal's name and the exit status it stands for. */
export interface SessionEnd {
  signal: NodeJS.Signals;
  code: number;
}

/** A frame: the screen's rows (styled spans, top to bottom) and where the cursor goes (undefined: hidden). */
export interface Frame {
  lines: readonly SpanRow[];
  cursor?: CursorCell | undefined;
}

type Phase = 'new' | 'open' | 'stopped' | 'closed';

export class TerminalSession {
  private phase: Phase = 'new';
  private readonly writer: ScreenWriter;
  private readonly input: NodeJS.ReadStream;
  private readonly output: NodeJS.WriteStream;
  private readonly stop: () => void;
  private readonly foreground: () => boolean;
  private endHandler: ((end: SessionEnd) => void) | undefined;
  private resumeTimer: NodeJS.Timeout | undefined;
  private size: TerminalSize;
  private readonly sizeListeners = new Set<() => void>();
  /**
   * What Ink reads keys from: a terminal-like stream fed with the keyboard's bytes. Its raw mode is
   * the session's (already on); Ink's switch is a no-op.
   */
  readonly keys: NodeJS.ReadStream;
  /** What Ink writes to: nothing Ink writes reaches the terminal (every view is drawn by the writer). */
  readonly inkOutput: NodeJS.WriteStream;

  constructor(options: TerminalSessionOptions) {
    this.input = options.input;
    this.output = options.output;
    // SIGSTOP, not SIGTSTP: the reader's own group may be orphaned (started by a program, not a shell),
    // where the kernel discards SIGTSTP.
    this.stop = options.stop ?? (() => process.kill(process.pid, 'SIGSTOP'));
    this.foreground = options.foreground ?? inForeground;
    this.size = this.readSize();
    const hyperlinks = options.hyperlinks ?? hyperlinksSupported(process.env, this.output.isTTY === true);
    this.writer = new ScreenWriter(this.output, { ambiguousWidth: options.ambiguousWidth ?? 1, firstFrameAtOnce: true, hyperlinks });
    const keys = new PassThrough() as unknown as NodeJS.ReadStream & { isTTY: boolean; setRawMode(on: boolean): unknown };
    keys.isTTY = true;
    keys.setRawMode = () => keys;
    this.keys = keys;
    const size = (): TerminalSize => this.size;
    this.inkOutput = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), {
      isTTY: false,
      get columns() {
        return size().columns;
      },
      get rows() {
        return size().rows;
      },
    }) as unknown as NodeJS.WriteStream;
  }

  /**
   * Takes the terminal: the handlers go in first (a signal between raw mode and its handler would
   * kill the process with the terminal left raw), then raw mode, the alternate screen, the hidden
   * cursor and bracketed paste.
   */
  open(): void {
    if (this.phase !== 'new') return;
    for (const signal of ENDING_SIGNALS) process.on(signal, this.onEndingSignal);
    process.on('SIGTSTP', this.onStopSignal);
    process.on('SIGCONT', this.onContinue);
    this.output.on('resize', this.onResize);
    // After a hang-up every write fails (EIO); that must not become a crash.
    this.output.on('error', ignore);
    this.input.on('data', this.onData);
    this.phase = 'open';
    this.enter();
  }

  /** Who ends the program on a signal (the reader, to save its place first); replaces the default exit. */
  onEnd(handler: ((end: SessionEnd) => void) | undefined): void {
    this.endHandler = handler;
  }

  /** The terminal's size in cells, as last reported. */
  getSize = (): TerminalSize => this.size;

  /** Calls `listener` after every change of size; returns the unsubscribe function. */
  subscribeSize = (listener: () => void): (() => void) => {
    this.sizeListeners.add(listener);
    return () => this.sizeListeners.delete(listener);
  };

  /** Shows `frame`: the writer sends the terminal only what changed, as soon as it can take it. */
  draw = (frame: Frame): void => {
    if (this.phase === 'closed') return;
    this.writer.cursor(frame.cursor);
    this.writer.frame(frame.lines);
  };

  /** Draws the latest frame again in full (the screen may be garbled). */
  redraw(): void {
    this.writer.redraw();
  }

  /** Writes a sequence that draws nothing between frames (an OSC 52 clipboard string). */
  write(data: string): void {
    if (this.phase !== 'open') return;
    try {
      this.output.write(data);
    } catch {
      // The terminal may be gone.
    }
  }

  /** Ctrl-Z: gives the terminal back to the shell and stops; SIGCONT resumes. */
  suspend = (): void => {
    if (this.phase !== 'open') return;
    this.writer.hold();
    this.leave();
    this.phase = 'stopped';
    this.stop();
  };

  /** Puts the terminal back as it was and lets go of every handler. Idempotent. */
  close(): void {
    if (this.phase === 'closed') return;
    const wasOpen = this.phase === 'open';
    this.phase = 'closed';
    for (const signal of ENDING_SIGNALS) process.off(signal, this.onEndingSignal);
    process.off('SIGTSTP', this.onStopSignal);
    process.off('SIGCONT', this.onContinue);
    clearTimeout(this.resumeTimer);
    this.output.off('resize', this.onResize);
    this.input.off('data', this.onData);
    this.input.pause();
    this.writer.close();
    this.keys.end();
    // Stopped: the terminal was restored then, and may belong to the shell now.
    if (wasOpen) this.leave();
  }

  private enter(): void {
    try {
      if (this.input.isTTY) this.input.setRawMode(true);
      this.input.resume();
      this.output.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR + BRACKETED_PASTE_ON);
    } catch {
      // The terminal may be gone (SIGHUP): the signal that follows ends the session.
    }
  }

  private leave(): void {
    this.input.pause();
    try {
      if (this.input.isTTY) this.input.setRawMode(false);
    } catch {
      // As above.
    }
    try {
      this.output.write(BRACKETED_PASTE_OFF + SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
    } catch {
      // As above.
    }
  }

  private readSize(): TerminalSize {
    return terminalSize(this.output);
  }

  private readonly onData = (chunk: Buffer | string): void => {
    (this.keys as unknown as PassThrough).write(chunk);
  };

  private readonly onResize = (): void => {
    const next = this.readSize();
    if (next.columns === this.size.columns && next.rows === this.size.rows) return;
    this.size = next;
    for (const listener of this.sizeListeners) listener();
  };

  private readonly onEndingSignal = (signal: NodeJS.Signals): void => {
    const end = { signal, code: signalExitCode(signal) };
    const handler = this.endHandler;
    if (handler) {
      handler(end);
      return;
    }
    this.close();
    process.exit(end.code);
  };

  private readonly onStopSignal = (): void => this.suspend();

  private readonly onContinue = (): void => {
    // Not at once: `kill %1` sends SIGTERM and SIGCONT together, and the two may reach different
    // threads in either order. A SIGTERM sent with this SIGCONT lands within microseconds; waiting
    // a moment lets it end the reader without taking the terminal back from the shell.
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(this.resume, CONTINUE_SETTLE_MS);
  };

  private readonly resume = (): void => {
    this.resumeTimer = undefined;
    if (this.phase === 'stopped') {
      // `bg` (or `kill -CONT` from elsewhere) continues the reader in the background: the terminal is
      // the shell's, and touching it would stop the reader again with SIGTTOU. It waits for `fg`.
      if (!this.foreground()) return;
      this.phase = 'open';
      this.enter();
    }
    if (this.phase !== 'open') return;
    this.onResize();
    this.writer.release();
  };
}

/** How long a SIGCONT waits for a companion SIGTERM before the reader takes the terminal back. */
const CONTINUE_SETTLE_MS = 30;

/**
 * Whether this process's group owns its controlling terminal (Linux's /proc; elsewhere, and with no
 * controlling terminal, it is taken to: the reader behaves as it did before it could tell).
 */
function inForeground(): boolean {
  try {
    const stat = readFileSync('/proc/self/stat', 'latin1');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const processGroup = Number(fields[2]);
    const foreground = Number(fields[5]);
    if (!Number.isInteger(foreground) || foreground <= 0) return true;
    return foreground === processGroup;
  } catch {
    return true;
  }
}

function ignore(): void {}
