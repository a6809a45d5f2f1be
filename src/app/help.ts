/** The help overlay's lines, generated from the key table so it can never drift from the real keys. */
import { cellWidth } from '../core/layout/width.js';
import { bindingKeys, keymapByCategory } from './keymap.js';

export type HelpLine = { kind: 'category'; text: string } | { kind: 'binding'; keys: string; text: string } | { kind: 'blank' };

let memo: HelpLine[] | undefined;

/** Every binding under its category heading, a blank line between categories. */
export function helpLines(): readonly HelpLine[] {
  if (memo) return memo;
  const lines: HelpLine[] = [];
  for (const { category, bindings } of keymapByCategory()) {
    if (lines.length > 0) lines.push({ kind: 'blank' });
    lines.push({ kind: 'category', text: category });
    for (const binding of bindings) {
      keyRows(bindingKeys(binding)).forEach((keys, i) => lines.push({ kind: 'binding', keys, text: i === 0 ? binding.help : '' }));
    }
  }
  memo = lines;
  return lines;
}

/** Cells of the help's key column: a longer key list goes on in the same column on the rows below. */
export const HELP_KEYS_CELLS = 16;

/**
 * A binding's keys in rows of at most {@link HELP_KEYS_CELLS} cells, broken between keys, so a long
 * list (`← → Home End Ctrl-a Ctrl-e`) wraps inside the key column instead of pushing its text out of line.
 * Measured with ambiguous characters (← →) wide, which fits either kind of terminal.
 */
function keyRows(keys: readonly string[]): string[] {
  const rows: string[] = [];
  let row = '';
  for (const key of keys) {
    const joined = row === '' ? key : `${row} ${key}`;
    if (row !== '' && cellWidth(joined, 2) > HELP_KEYS_CELLS) {
      rows.push(row);
      row = key;
    } else {
      row = joined;
    }
  }
  rows.push(row);
  return rows;
}

/** Rows of the help list in a body of `bodyHeight` rows (one goes to the overlay's title). */
export function helpListHeight(bodyHeight: number): number {
  return Math.max(1, bodyHeight - 1);
}
