/**
 * The reader's first frame, drawn before Ink is loaded. Loading React, Ink and Yoga and rendering
 * through them takes about half of the start-up; the first screen of the text needs none of it
 * (`readingFrame` builds it from the same rows the components show). Ink's own first frame then
 * shows the same cells, so the screen writer, handed over to it, sends nothing for it. Keys typed
 * meanwhile wait, unechoed, until Ink reads them.
 */
import { constants } from 'node:os';
import { createReaderState } from '../app/reducer.js';
import { layoutProgress, textFlow } from '../app/selectors.js';
import type { InitialOptions } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import { ENTER_ALTERNATE_SCREEN, HIDE_CURSOR, LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR } from '../terminal/modes.js';
import { ScreenWriter } from '../terminal/writer.js';
import { readingFrame, screenLayer } from './rows/frame.js';
import { createTheme } from './theme.js';

export interface FirstFrameOptions {
  doc: Document;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  ambiguousWidth: AmbiguousWidth;
  color: boolean;
  section?: number;
  initial: Omit<InitialOptions, 'columns' | 'rows' | 'ambiguousWidth'>;
}

/** A first frame on the screen, until the reader takes the terminal over. */
export interface FirstFrame {
  /** The writer showing it, for the reader to go on with. */
  readonly writer: ScreenWriter;
  /** The reader's own handlers are in place: a signal is theirs now. */
  release(): void;
}

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/**
 * Opens the alternate screen and draws the first frame of the reading view. Until `release`, a
 * signal puts the terminal back and ends the process as the reader would (128 + its number).
 * Undefined (nothing done) when the reader opens on anything else: a search, a terminal too small.
 */
export function drawFirstFrame({ doc, stdin, stdout, ambiguousWidth, color, section, initial }: FirstFrameOptions): FirstFrame | undefined {
  if (initial.search !== undefined) return undefined;
  const state = createReaderState(doc, {
    ...initial,
    columns: stdout.columns || 80,
    rows: stdout.rows || 24,
    ambiguousWidth,
    ...(section === undefined ? {} : { section }),
  });
  // As the app's first render reports it: a long pass from the start, a short one not yet.
  const view = readingFrame(state, createTheme(color), { progress: layoutProgress(textFlow(state), false) });
  if (view === undefined) return undefined;
  const writer = new ScreenWriter(stdout, { ambiguousWidth, firstFrameAtOnce: true });
  const onSignal = (signal: NodeJS.Signals): void => {
    undoFirstFrame(writer, stdin, stdout);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  // Before the terminal is touched: without a handler, a signal kills the process where it stands,
  // and one between raw mode and the handlers left the terminal raw.
  for (const signal of SIGNALS) process.on(signal, onSignal);
  if (stdin.isTTY) stdin.setRawMode(true);
  stdout.write(ENTER_ALTERNATE_SCREEN + HIDE_CURSOR);
  // Drawn as the app draws the reading view, over an empty frame.
  writer.frame('', screenLayer(view.lines, state.columns));
  return {
    writer,
    release: () => {
      for (const signal of SIGNALS) process.off(signal, onSignal);
    },
  };
}

/** Puts the terminal back when the reader could not start after its first frame was drawn. */
export function undoFirstFrame(writer: ScreenWriter, stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): void {
  writer.close();
  try {
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
  } catch {
    // The terminal may be gone.
  }
}
