/**
 * Running the reader on a terminal: the alternate screen, Ink, and putting the terminal back.
 *
 * The terminal is restored on every way out — q or Esc, Ctrl-C (a key in raw mode), SIGTERM, SIGHUP
 * (a dropped SSH link), SIGINT from elsewhere, an error in rendering, an uncaught exception — by one
 * idempotent `finish`: unmount Ink (its last frame still lands on the alternate screen), raw mode
 * off, cursor shown, main screen back. Before that, `onLeave` gets the last state (to save the position),
 * synchronously: after a signal the process may end as soon as `finish` returns.
 *
 * Ink builds the frames but does not write them: it renders in debug mode (every render one whole
 * frame, no throttle) into a `FrameSink`, and the `ScreenWriter` sends the terminal only what changed,
 * scrolling with the terminal's own scroll regions and dropping frames a slow link cannot take.
 * Most of the screen is not built by Ink: the app hands the writer a layer to draw over each frame
 * (in the reading view, the whole screen over an empty frame), which spares Ink its per-cell work.
 */
import { render, type Instance } from 'ink';
import { constants } from 'node:os';
import type { ReaderState } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import { clipboardCopy } from '../terminal/clipboard.js';
import { ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR } from '../terminal/modes.js';
import { FrameSink } from '../terminal/sink.js';
import type { Layer } from '../terminal/screen.js';
import { ScreenWriter, type CursorCell } from '../terminal/writer.js';
import { App, type AppProps } from './App.js';
import type { FirstFrame } from './first-frame.js';
import { TerminalCursorContext } from './hooks/useTerminalCursor.js';
import { terminalSizeSource, useTerminalSize, type TerminalSizeSource } from './hooks/useTerminalSize.js';

export interface RunReaderOptions {
  doc: Document;
  /** Where keys come from: a terminal (process.stdin, or a tty.ReadStream on /dev/tty). */
  stdin: NodeJS.ReadStream;
  /** A terminal. */
  stdout: NodeJS.WriteStream;
  /** Open at this section (0: the lead). */
  section?: number;
  /** @default 1 */
  ambiguousWidth?: AmbiguousWidth;
  /** Use colour; false leaves bold/dim/inverse/underline only. @default true unless NO_COLOR is set */
  color?: boolean;
  /** Where to open, saved marks, measure, indent, a first status line (see `App`). */
  initial?: AppProps['initial'];
  /** Told each mark as it is set; returns a warning to show when saving it failed. */
  onMark?: (letter: string, anchor: Anchor) => string | undefined;
  /** Told the last state on every way out (q, Ctrl-C, a signal, an error); must be synchronous. */
  onLeave?: (state: ReaderState) => void;
  /** Let `y` write the OSC 52 clipboard sequence (false: `--no-clipboard`). @default true */
  clipboard?: boolean;
  /** A first frame already drawn on the alternate screen (`drawFirstFrame`), to go on from. */
  screen?: FirstFrame;
}

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

type RootProps = Omit<RunReaderOptions, 'stdin' | 'stdout' | 'onLeave' | 'clipboard'> &
  Pick<AppProps, 'onStateChange' | 'copy' | 'draw'> & { size: TerminalSizeSource; placeCursor: (cell: CursorCell | undefined) => void };

function Root({ size, placeCursor, ...props }: RootProps) {
  const { columns, rows } = useTerminalSize(size);
  return (
    <TerminalCursorContext.Provider value={placeCursor}>
      <App {...props} columns={columns} rows={rows} />
    </TerminalCursorContext.Provider>
  );
}

/**
 * Runs the reader until the user quits. Resolves with the exit code: 0 after q/Esc/Ctrl-C,
 * 128 + the signal's number after SIGTERM, SIGHUP or SIGINT. Rejects with the error that broke it,
 * after the terminal has been restored.
 */
export function runReader(options: RunReaderOptions): Promise<number> {
  const { stdin, stdout, doc, section, ambiguousWidth, initial, onMark, onLeave } = options;
  const color = options.color ?? !process.env.NO_COLOR;
  return new Promise<number>((resolve, reject) => {
    let instance: Instance | undefined;
    let finished = false;
    let latest: ReaderState | undefined;
    const writer = options.screen?.writer ?? new ScreenWriter(stdout, { ambiguousWidth: ambiguousWidth ?? 1, firstFrameAtOnce: true });
    const placeCursor = (cell: CursorCell | undefined): void => writer.cursor(cell);
    // Set by each render of the app, before Ink renders that render's frame.
    let layer: Layer | undefined;
    const draw = (next: Layer | undefined): void => {
      layer = next;
    };
    // What Ink wrote for its render, drawn with the layer once Ink has rendered (`onRender`). An empty
    // frame never reaches the sink (its empty writes are flush barriers), hence the reset.
    let inkFrame = '';
    const onRender = (): void => {
      writer.frame(inkFrame, layer);
      inkFrame = '';
    };
    const sink = new FrameSink({
      columns: stdout.columns || 80,
      rows: stdout.rows || 24,
      onFrame: (frame) => {
        inkFrame = frame;
      },
      // Bracketed paste on and off, while the search line is open.
      onControl: (data) => stdout.write(data),
    });
    const onResize = (): void => sink.resize(stdout.columns || 80, stdout.rows || 24);
    const onStateChange = (state: ReaderState): void => {
      latest = state;
    };
    // The sequence goes straight to the terminal between frames: an OSC string moves no cursor and draws nothing.
    const copy = (text: string, ref: string): string => {
      if (options.clipboard === false) return 'not copied: copying is off (--no-clipboard)';
      const result = clipboardCopy(text, `${ref} (${[...text].length} chars)`);
      if (result.ok) stdout.write(result.bytes);
      return result.status;
    };
    // After a hang-up every write fails (EIO); that must not become a crash.
    const ignore = (): void => {};
    const onSignal = (signal: NodeJS.Signals): void => finish({ code: 128 + (constants.signals[signal] ?? 0) });
    const onError = (error: unknown): void => finish({ error });

    function finish(outcome: { code: number } | { error: unknown }): void {
      if (finished) return;
      finished = true;
      if (latest && onLeave) {
        try {
          onLeave(latest);
        } catch {
          // Saving is a comfort; the terminal must be restored regardless.
        }
      }
      for (const signal of SIGNALS) process.off(signal, onSignal);
      process.off('SIGCONT', writer.redraw);
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
      try {
        instance?.unmount();
      } catch {
        // Unmounting a tree that failed is best effort; the terminal is restored below regardless.
      }
      stdout.off('resize', onResize);
      writer.close();
      try {
        if (stdin.isTTY) stdin.setRawMode(false);
      } catch {
        // The terminal may be gone (SIGHUP).
      }
      try {
        stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
      } catch {
        // As above.
      }
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.code);
    }

    for (const signal of SIGNALS) process.on(signal, onSignal);
    options.screen?.release();
    // Continued after a stop: whatever ran meanwhile may have drawn over the screen, as vim and less assume.
    process.on('SIGCONT', writer.redraw);
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    stdout.on('error', ignore);
    if (!options.screen) stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
    stdout.on('resize', onResize);
    // Ink and the size source use only isTTY, columns, rows, 'resize' and write of their stdout.
    const inkStdout = sink as unknown as NodeJS.WriteStream;
    try {
      const size = terminalSizeSource(inkStdout);
      instance = render(
        <Root
          doc={doc}
          size={size}
          color={color}
          {...(section === undefined ? {} : { section })}
          {...(ambiguousWidth === undefined ? {} : { ambiguousWidth })}
          {...(initial === undefined ? {} : { initial })}
          {...(onMark === undefined ? {} : { onMark })}
          onStateChange={onStateChange}
          copy={copy}
          draw={draw}
          placeCursor={placeCursor}
        />,
        {
          stdin,
          stdout: inkStdout,
          exitOnCtrlC: false,
          patchConsole: false,
          // Decided by the caller from the streams: Ink's own guess turns non-interactive whenever CI is set.
          interactive: true,
          // Every render is written as one whole frame at once, without Ink's 30 fps throttle (which delays
          // a key that follows another); the writer merges renders of one event-loop turn instead.
          debug: true,
          onRender,
        },
      );
    } catch (error) {
      finish({ error });
      return;
    }
    instance.waitUntilExit().then(
      () => finish({ code: 0 }),
      (error: unknown) => finish({ error }),
    );
  });
}
