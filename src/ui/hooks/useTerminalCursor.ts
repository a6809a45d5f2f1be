import { useCursor } from 'ink';
import { createContext, useContext, useLayoutEffect } from 'react';

/** A cell of the screen (0-based column and row) for the terminal's own cursor. */
export interface CursorCell {
  x: number;
  y: number;
}

/**
 * Whoever owns the terminal output and can place its cursor after a frame: shown at a cell, or hidden
 * (undefined). Ink places it itself (`useCursor`) when it writes to the terminal; a renderer that
 * takes Ink's frames and writes them itself provides this context instead.
 */
export const TerminalCursorContext = createContext<(cell: CursorCell | undefined) => void>(() => undefined);

/**
 * Shows the terminal's cursor at `cell` (hidden when undefined, and once the caller unmounts): the
 * cell of a text field where an input method opens its candidate window, and where a user looks
 * for the cursor.
 */
export function useTerminalCursor(cell: CursorCell | undefined): void {
  const { setCursorPosition } = useCursor();
  setCursorPosition(cell);
  const place = useContext(TerminalCursorContext);
  const x = cell?.x;
  const y = cell?.y;
  useLayoutEffect(() => place(x === undefined || y === undefined ? undefined : { x, y }), [place, x, y]);
  useLayoutEffect(() => () => place(undefined), [place]);
}
