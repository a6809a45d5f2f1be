/**
 * Running the reader on a terminal session: Ink renders the app, which draws through the session,
 * until the user quits or a signal ends it.
 *
 * Every way out — q or Esc, Ctrl-C (a key in raw mode), SIGTERM, SIGHUP, SIGINT, SIGQUIT, an error
 * in rendering, an uncaught exception — goes through one idempotent `finish`: `onLeave` gets the
 * last state (to save the position), synchronously, as after a signal the process may end as soon as
 * `finish` returns; then Ink is unmounted and the session puts the terminal back.
 */
import { render, type Instance } from 'ink';
import type { ReaderState } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import { clipboardCopy } from '../terminal/clipboard.js';
import type { TerminalSession } from '../terminal/session.js';
import { App, type AppProps } from './App.js';

export interface RunReaderOptions {
  doc: Document;
  /** The open terminal session the reader draws on and reads keys from. */
  session: TerminalSession;
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
  /**
   * After the terminal is restored, however the reader ended: work for the way out that the screen need
   * not wait for. Called in the same turn (a signal's default action, which Ink's signal-exit raises
   * again once the session's handler is gone, ends the process right after).
   */
  onClosed?: () => void;
  /** Told every new state (a key, a resize): reading time and the shelf's requests are counted from it. */
  onState?: (state: ReaderState) => void;
  /** Searches every text on the shelf (`/` in the shelf view). */
  searchTexts?: AppProps['searchTexts'];
  /** Let `y` write the OSC 52 clipboard sequence (false: `--no-clipboard`). @default true */
  clipboard?: boolean;
}

/**
 * Runs the reader until the user quits. Resolves with the exit code: 0 after q/Esc/Ctrl-C,
 * 128 + the signal's number after a signal that ends it. Rejects with the error that broke it, after
 * the terminal has been restored.
 */
export function runReader(options: RunReaderOptions): Promise<number> {
  const { session, doc, section, ambiguousWidth, initial, onMark, onLeave } = options;
  const color = options.color ?? !process.env.NO_COLOR;
  return new Promise<number>((resolve, reject) => {
    let instance: Instance | undefined;
    let finished = false;
    let latest: ReaderState | undefined;
    const onStateChange = (state: ReaderState): void => {
      latest = state;
      options.onState?.(state);
    };
    // The sequence goes straight to the terminal between frames: an OSC string moves no cursor and draws nothing.
    const copy = (text: string, ref: string): string => {
      if (options.clipboard === false) return 'not copied: copying is off (--no-clipboard)';
      const result = clipboardCopy(text, `${ref} (${[...text].length} chars)`);
      if (result.ok) session.write(result.bytes);
      return result.status;
    };
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
      session.onEnd(undefined);
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
      try {
        instance?.unmount();
      } catch {
        // Unmounting a tree that failed is best effort; the terminal is restored below regardless.
      }
      session.close();
      try {
        options.onClosed?.();
      } catch {
        // As with onLeave: a comfort.
      }
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.code);
    }

    session.onEnd(({ code }) => finish({ code }));
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    try {
      instance = render(
        <App
          doc={doc}
          size={session}
          draw={session.draw}
          color={color}
          {...(section === undefined ? {} : { section })}
          {...(ambiguousWidth === undefined ? {} : { ambiguousWidth })}
          {...(initial === undefined ? {} : { initial })}
          {...(onMark === undefined ? {} : { onMark })}
          {...(options.searchTexts === undefined ? {} : { searchTexts: options.searchTexts })}
          onStateChange={onStateChange}
          copy={copy}
          suspend={session.suspend}
        />,
        {
          // The session's streams: keys from the terminal's keyboard; Ink's own output goes nowhere.
          stdin: session.keys,
          stdout: session.inkOutput,
          exitOnCtrlC: false,
          patchConsole: false,
          // Decided by the caller from the streams: Ink's own guess turns non-interactive whenever CI is set.
          interactive: true,
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
