/**
 * The reader's first frame, drawn by the terminal session before Ink is loaded. Loading React, Ink
 * and Yoga takes about half of the start-up; the first screen of the text needs none of it. The
 * app's first frame is the same view of the same state, so the writer then sends nothing for it.
 * Keys typed meanwhile wait, unechoed, until Ink reads them.
 */
import { createReaderState } from '../app/reducer.js';
import type { InitialOptions } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { AmbiguousWidth } from '../core/layout/width.js';
import type { TerminalSession, TerminalSize } from '../terminal/session.js';
import { screenView, type ScreenView } from './rows/frame.js';
import { createTheme } from './theme.js';

export interface FirstFrameOptions {
  doc: Document;
  ambiguousWidth: AmbiguousWidth;
  color: boolean;
  section?: number;
  initial: Omit<InitialOptions, 'columns' | 'rows' | 'ambiguousWidth'>;
}

/** The view the reader opens with on a terminal of `size`: built before the session opens, while the terminal answers the probe. */
export function firstFrameView(size: TerminalSize, { doc, ambiguousWidth, color, section, initial }: FirstFrameOptions): ScreenView {
  const state = createReaderState(doc, { ...initial, ...size, ambiguousWidth, ...(section === undefined ? {} : { section }) });
  return screenView(state, createTheme(color));
}

/** Draws the view the reader opens with on `session` (already open). */
export function drawFirstFrame(session: TerminalSession, options: FirstFrameOptions): void {
  session.draw(firstFrameView(session.getSize(), options));
}
