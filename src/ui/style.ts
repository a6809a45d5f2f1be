/**
 * Styles as SGR escape sequences written into the strings handed to Ink. Ink's own colour props go
 * through chalk, whose detection turns every style off when `CI` is set or the terminal looks
 * unusual; the reader decides about colour itself (NO_COLOR → attributes only) and must look the
 * same in a CI pseudo-terminal as on a desk.
 */

/** The eight basic colours minus black and white, which vanish on one background or the other. */
export type Colour = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan';

export interface Style {
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
  color?: Colour;
}

const COLOUR_CODES: Record<Colour, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 };

/** `text` wrapped in the SGR codes of `style` and a reset; plain `text` for an empty style or text. */
export function paint(text: string, style: Style | undefined): string {
  if (text === '' || !style) return text;
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dim) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  if (style.strikethrough) codes.push(9);
  if (style.color) codes.push(COLOUR_CODES[style.color]);
  return codes.length === 0 ? text : `\u001b[${codes.join(';')}m${text}\u001b[0m`;
}
