/** The help overlay's lines, generated from the key table so it can never drift from the real keys. */
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
    for (const binding of bindings) lines.push({ kind: 'binding', keys: bindingKeys(binding).join(' '), text: binding.help });
  }
  memo = lines;
  return lines;
}

/** Rows of the help list in a body of `bodyHeight` rows (one goes to the overlay's title). */
export function helpListHeight(bodyHeight: number): number {
  return Math.max(1, bodyHeight - 1);
}
