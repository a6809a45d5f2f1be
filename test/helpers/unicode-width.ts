import type { IUnicodeVersionProvider } from '@xterm/headless';
import { eastAsianWidth } from 'get-east-asian-width';

/** Name under which `ambiguousWideProvider` is registered with the emulator. */
export const AMBIGUOUS_WIDE_VERSION = 'ambiguous-wide';

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

/*
 * xterm's default width table (Unicode 6) already draws CJK ideographs, kana, hangul, CJK and
 * full-width punctuation as two cells and East Asian Ambiguous characters (“ ” … ·) as one, like
 * most terminals. This provider models the other kind of terminal (CJK locales, some fonts) that
 * draws the ambiguous characters as two cells, so `--ambiguous-wide` can be tested end to end.
 */

function wcwidth(codepoint: number): 0 | 1 | 2 {
  if (codepoint < 0x20 || (codepoint >= 0x7f && codepoint < 0xa0)) return 0;
  if (ZERO_WIDTH.test(String.fromCodePoint(codepoint))) return 0;
  return eastAsianWidth(codepoint, { ambiguousAsWide: true }) === 2 ? 2 : 1;
}

// xterm packs a character's properties into one number: (state << 3) | (width << 1) | shouldJoin.
// The packing is internal to xterm, but every width provider (the Unicode 11 addon too) must
// return it; a zero-width character joins the preceding one, as xterm's own providers do.
function charProperties(codepoint: number, preceding: number): number {
  let width: number = wcwidth(codepoint);
  let shouldJoin = width === 0 && preceding !== 0;
  if (shouldJoin) {
    const precedingWidth = (preceding >> 1) & 3;
    if (precedingWidth === 0) shouldJoin = false;
    else if (precedingWidth > width) width = precedingWidth;
  }
  return (width << 1) | (shouldJoin ? 1 : 0);
}

/** Width table of a terminal that draws East Asian Ambiguous characters as two cells. */
export const ambiguousWideProvider: IUnicodeVersionProvider = {
  version: AMBIGUOUS_WIDE_VERSION,
  wcwidth,
  charProperties,
};
