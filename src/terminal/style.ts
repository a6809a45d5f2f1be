/**
 * Cell styles as canonical SGR parameter strings: `''` is the default style, `'1;35'` bold magenta.
 * Two cells look the same exactly when their strings are equal, whatever sequence of SGR codes
 * produced them, so the screen diff compares styles as strings and writes them back verbatim.
 */

/** A canonical SGR parameter list (no `ESC [` and no `m`); `''` is the terminal's default style. */
export type CellStyle = string;

export const DEFAULT_STYLE: CellStyle = '';

/** Attributes in the order they appear in a canonical style, with the codes that switch them off. */
const ATTRIBUTES: readonly { on: number; off: readonly number[] }[] = [
  { on: 1, off: [22] }, // bold
  { on: 2, off: [22] }, // dim
  { on: 3, off: [23] }, // italic
  { on: 4, off: [24] }, // underline
  { on: 5, off: [25] }, // blink
  { on: 7, off: [27] }, // inverse
  { on: 8, off: [28] }, // hidden
  { on: 9, off: [29] }, // strikethrough
];

/** The state an SGR sequence updates; `fg`/`bg` hold the colour's parameters (`'31'`, `'38;5;208'`) or `''`. */
interface Pen {
  flags: number;
  fg: string;
  bg: string;
}

function penOf(style: CellStyle): Pen {
  const pen: Pen = { flags: 0, fg: '', bg: '' };
  if (style !== '') applySgr(pen, style);
  return pen;
}

function styleOf(pen: Pen): CellStyle {
  const parts: string[] = [];
  ATTRIBUTES.forEach((attribute, i) => {
    if (pen.flags & (1 << i)) parts.push(String(attribute.on));
  });
  if (pen.fg !== '') parts.push(pen.fg);
  if (pen.bg !== '') parts.push(pen.bg);
  return parts.join(';');
}

/**
 * An extended colour starting at `params[i]` (38 or 48): `5;n` or `2;r;g;b`, in the `;` form or the
 * `:` form. Returns the canonical parameters and how many list entries it used.
 */
function extendedColour(params: readonly string[], i: number): { colour: string; used: number } {
  const head = params[i]!;
  if (head.includes(':')) {
    // `38:5:n`, `38:2::r:g:b` or `38:2:r:g:b` (with or without a colour-space id).
    const sub = head.split(':');
    if (sub[1] === '5' && sub[2] !== undefined) return { colour: `${sub[0]};5;${Number(sub[2])}`, used: 1 };
    if (sub[1] === '2') {
      const rgb = sub.length >= 6 ? sub.slice(3, 6) : sub.slice(2, 5);
      if (rgb.length === 3) return { colour: `${sub[0]};2;${rgb.map(Number).join(';')}`, used: 1 };
    }
    return { colour: '', used: 1 };
  }
  const mode = params[i + 1];
  if (mode === '5' && params[i + 2] !== undefined) return { colour: `${head};5;${Number(params[i + 2])}`, used: 3 };
  if (mode === '2' && params.length >= i + 5) {
    return { colour: `${head};2;${params.slice(i + 2, i + 5).map(Number).join(';')}`, used: 5 };
  }
  return { colour: '', used: params.length - i };
}

function applySgr(pen: Pen, params: string): void {
  const list = params.split(';');
  for (let i = 0; i < list.length; i++) {
    const param = list[i]!;
    const code = param === '' ? 0 : Number.parseInt(param, 10);
    if (code === 38 || code === 48) {
      const { colour, used } = extendedColour(list, i);
      if (code === 38) pen.fg = colour;
      else pen.bg = colour;
      i += used - 1;
      continue;
    }
    if (code === 0) {
      pen.flags = 0;
      pen.fg = '';
      pen.bg = '';
    } else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) pen.fg = String(code);
    else if (code === 39) pen.fg = '';
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) pen.bg = String(code);
    else if (code === 49) pen.bg = '';
    else if (code === 4 && param.includes(':')) {
      // `4:0` switches underline off; `4:1`…`4:5` are underline styles, drawn here as plain underline.
      if (param === '4:0') pen.flags &= ~(1 << 3);
      else pen.flags |= 1 << 3;
    } else if (code === 21) pen.flags |= 1 << 3; // double underline, as underline
    else {
      ATTRIBUTES.forEach((attribute, bit) => {
        if (code === attribute.on) pen.flags |= 1 << bit;
        else if (attribute.off.includes(code)) pen.flags &= ~(1 << bit);
      });
    }
    // Other codes (fonts, overline, underline colour…) do not change how the reader's cells look.
  }
}

// Frames repeat the same few transitions on every row: remember them.
const applied = new Map<CellStyle, Map<string, CellStyle>>();

/** The style after the SGR sequence `ESC [ params m` is applied to a cell drawn in `style`. */
export function applyStyle(style: CellStyle, params: string): CellStyle {
  let byParams = applied.get(style);
  if (!byParams) {
    byParams = new Map();
    applied.set(style, byParams);
  }
  let result = byParams.get(params);
  if (result === undefined) {
    const pen = penOf(style);
    applySgr(pen, params);
    result = styleOf(pen);
    byParams.set(params, result);
  }
  return result;
}

/**
 * The SGR sequence that turns `from` into `to` (`''` when they are equal). `from` undefined means
 * "unknown": the sequence then resets first. A reset-and-set is never more than a few bytes longer
 * than the shortest transition and cannot be wrong.
 */
export function styleTransition(from: CellStyle | undefined, to: CellStyle): string {
  if (from === to) return '';
  if (to === DEFAULT_STYLE) return '\u001b[m';
  if (from === DEFAULT_STYLE) return `\u001b[${to}m`;
  return `\u001b[0;${to}m`;
}
