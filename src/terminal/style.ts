/**
 * How text looks: the one `Style` views paint spans with, and the cell style the screen writer
 * compares and writes. A cell style is a canonical string (SGR parameters in a fixed order, then the
 * hyperlink's target), so two cells look the same exactly when their strings are equal, and the diff
 * writes them back without parsing anything.
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
  /**
   * The target of a hyperlink (OSC 8) the text is; the writer sends it only where the terminal takes
   * hyperlinks, and only a web or mail address (see hyperlinks.ts).
   */
  link?: string;
  /**
   * Which link the text is part of, the same on every row it wraps to: the writer sends it as OSC 8's
   * `id`, so the terminal underlines and opens the pieces as one link, not as a link per row.
   */
  linkId?: string;
}

/**
 * A canonical SGR parameter list (no `ESC [` and no `m`), then, for a hyperlink, `LINK` and OSC 8's
 * parameters and encoded target as sent (`id=…;https://…`). `''` is the terminal's default style.
 */
export type CellStyle = string;

export const DEFAULT_STYLE: CellStyle = '';

/** Separates a cell style's SGR parameters from its hyperlink target (which is percent-encoded ASCII). */
const LINK = '\u0000';

const COLOUR_CODES: Record<Colour, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 };

/** OSC 8: the cells written after `OSC8 params;target ST` and before `CLOSE_LINK` link to `target`. */
const OSC8 = '\u001b]8;';
const ST = '\u001b\\';
const CLOSE_LINK = `${OSC8};${ST}`;

/**
 * The cell style of `style`: attributes in SGR order, then the colour (the order the terminal's
 * own canonical form has), then `link` when given, with `id` (both already checked and encoded by the
 * caller: no `;`, `:` or control in `id`).
 */
export function cellStyle(style: Style | undefined, link?: string, id?: string): CellStyle {
  if (!style) return DEFAULT_STYLE;
  let sgr = '';
  const add = (code: number): void => {
    sgr = sgr === '' ? String(code) : `${sgr};${code}`;
  };
  if (style.bold) add(1);
  if (style.dim) add(2);
  if (style.italic) add(3);
  if (style.underline) add(4);
  if (style.inverse) add(7);
  if (style.strikethrough) add(9);
  if (style.color) add(COLOUR_CODES[style.color]);
  if (link === undefined || link === '') return sgr;
  return `${sgr}${LINK}${id === undefined || id === '' ? '' : `id=${id}`};${link}`;
}

/** The SGR part of a cell style. */
export function sgrOf(style: CellStyle): string {
  const at = style.indexOf(LINK);
  return at < 0 ? style : style.slice(0, at);
}

/** The hyperlink of a cell style as OSC 8 sends it (`id=…;target`), `''` for none. */
export function linkOf(style: CellStyle): string {
  const at = style.indexOf(LINK);
  return at < 0 ? '' : style.slice(at + 1);
}

function sgrTransition(from: string | undefined, to: string): string {
  if (from === to) return '';
  if (to === DEFAULT_STYLE) return '\u001b[m';
  if (from === DEFAULT_STYLE) return `\u001b[${to}m`;
  return `\u001b[0;${to}m`;
}

/**
 * The sequence that turns `from` into `to` (`''` when they are equal). `from` undefined means "unknown":
 * the SGR part then resets first (a reset-and-set is never more than a few bytes longer than the
 * shortest transition and cannot be wrong), and no hyperlink is taken to be open: every update ends
 * with its hyperlink closed.
 */
export function styleTransition(from: CellStyle | undefined, to: CellStyle): string {
  if (from === to) return '';
  if ((from === undefined || from.indexOf(LINK) < 0) && to.indexOf(LINK) < 0) return sgrTransition(from, to);
  const fromLink = from === undefined ? '' : linkOf(from);
  const toLink = linkOf(to);
  const sgr = sgrTransition(from === undefined ? undefined : sgrOf(from), sgrOf(to));
  if (fromLink === toLink) return sgr;
  return sgr + (toLink === '' ? CLOSE_LINK : `${OSC8}${toLink}${ST}`);
}

/** `styleTransition(from, to).length` (all of it is ASCII), without building the common cases. */
export function transitionBytes(from: CellStyle | undefined, to: CellStyle): number {
  if (from === to) return 0;
  if ((from === undefined || from.indexOf(LINK) < 0) && to.indexOf(LINK) < 0) {
    if (to === DEFAULT_STYLE) return 3;
    return (from === DEFAULT_STYLE ? 3 : 5) + to.length;
  }
  return styleTransition(from, to).length;
}
