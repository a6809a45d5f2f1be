/** The notice shown instead of a broken layout when the terminal is smaller than the reader can use. */
import { MIN_COLUMNS, MIN_ROWS } from '../../app/geometry.js';
import { paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';

/** `Terminal too small` / `need 20x6`, centred vertically, cut to the width; exactly `rows` rows (at least one). */
export function tooSmallRows(columns: number, rows: number, theme: Theme): Line[] {
  const need = `need ${MIN_COLUMNS}x${MIN_ROWS}`;
  const message = [columns >= 18 ? 'Terminal too small' : 'too small', need].map((line) => line.slice(0, Math.max(0, columns)));
  const top = Math.max(0, Math.floor((rows - message.length) / 2));
  return Array.from({ length: Math.max(1, rows) }, (_, i) => {
    const line = message[i - top];
    return line === undefined || line === '' ? paint(' ') : paint(line, theme.notice);
  });
}
