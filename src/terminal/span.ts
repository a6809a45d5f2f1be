/**
 * What a view draws: rows of styled spans. They reach the screen writer as they are, which turns them
 * into cells; no view writes an escape sequence.
 */
import type { Style } from './style.js';

/** Text in one style (none: the terminal's default). */
export interface Span {
  readonly text: string;
  readonly style?: Style | undefined;
}

/** One row of the screen, left to right. */
export type SpanRow = readonly Span[];
