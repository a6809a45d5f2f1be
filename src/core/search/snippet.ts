import { cellWidth, codeUnitWidth, graphemeWidth, graphemes, SIMPLE_TEXT, type AmbiguousWidth } from '../layout/width.js';
import type { Range } from './types.js';

const ELLIPSIS = '…';
/**
 * Code units of text looked at on each side of the first match, per cell of the line: a cell of text
 * is one to a few code units (CJK: half a unit, an emoji sequence up to about six), so this is far
 * more than a line can show, except in text made mostly of invisible characters.
 */
const WINDOW_UNITS_PER_CELL = 8;
const WINDOW_SLACK = 64;

/**
 * How far from the first match (in code units) a snippet of `width` cells may reach: matches further
 * away can be left out of what is passed to `snippet`.
 */
export function snippetMargin(width: number): number {
  return WINDOW_UNITS_PER_CELL * width + WINDOW_SLACK;
}

/**
 * One line of at most `width` cells cut from `text` around its first match, with … where text was cut
 * on either side, and `matches` re-based onto the line (clipped; those outside dropped). About a third
 * of the spare room goes before the match, the rest after it. Control characters become spaces so the
 * line stays one line. Never splits a grapheme; a match wider than the line is cut at its end.
 */
export function snippet(text: string, matches: Array<[number, number]>, width: number, ambiguousWidth: AmbiguousWidth = 1): { text: string; matches: Array<[number, number]> } {
  if (!(width > 0)) return { text: '', matches: [] };
  const sorted = matches.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const focus = sorted[0];
  // Only text near the first match can be shown, so only a window around it is measured: a paragraph
  // of a million characters costs what a short one does. A window edge inside the text may cut a
  // grapheme, so the grapheme at such an edge is left out.
  const margin = snippetMargin(width);
  const anchor = focus ? focus[0] : 0;
  const lo = Math.max(0, anchor - margin);
  const hi = Math.min(text.length, anchor + margin);
  const window = text.slice(lo, hi).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  // Simple text (nearly all of it) is one grapheme per code unit: no object per grapheme is made.
  const units = SIMPLE_TEXT.test(window) ? undefined : graphemes(window);
  const total = units ? units.length : window.length;
  const indexOf = (g: number): number => (units ? units[g]!.index : g);
  const widthOf = (g: number): number => (units ? graphemeWidth(units[g]!.segment, ambiguousWidth) : codeUnitWidth(window.charCodeAt(g), ambiguousWidth));
  const first = lo > 0 && total > 1 ? 1 : 0;
  const last = hi < text.length && total - first > 1 ? total - 1 : total;
  const atStart = lo === 0 && first === 0;
  const atEnd = hi === text.length && last === total;
  const count = last - first;
  // offset[g]: where grapheme g starts in `text`; cells[g]: the width of graphemes [0, g) of the window.
  const offset: number[] = [];
  const cells = [0];
  for (let g = first; g < last; g++) {
    offset.push(lo + indexOf(g));
    cells.push(cells[cells.length - 1]! + widthOf(g));
  }
  offset.push(last < total ? lo + indexOf(last) : hi);
  const shown = (a: number, b: number): string => window.slice(offset[a]! - lo, offset[b]! - lo);
  if (atStart && atEnd && cells[count]! <= width) return { text: window, matches: clip(sorted, 0, text.length, 0) };

  const ellipsis = cellWidth(ELLIPSIS, ambiguousWidth);
  const cutBefore = (a: number): boolean => a > 0 || !atStart;
  const cutAfter = (b: number): boolean => b < count || !atEnd;
  const fits = (a: number, b: number): boolean => cells[b]! - cells[a]! + (cutBefore(a) ? ellipsis : 0) + (cutAfter(b) ? ellipsis : 0) <= width;
  const graphemeAt = (at: number): number => {
    let g = 0;
    while (g < count && offset[g + 1]! <= at) g++;
    return g;
  };
  const matchStart = focus ? graphemeAt(focus[0]) : 0;
  const matchEnd = focus ? graphemeAt(Math.min(focus[1], offset[count]!) - 1) + 1 : 0;
  let a = matchStart;
  let b = matchStart;
  while (b < matchEnd && fits(a, b + 1)) b++;
  const spare = width - (cells[b]! - cells[a]!) - 2 * ellipsis;
  const before = Math.max(0, Math.floor(spare / 3));
  while (a > 0 && cells[matchStart]! - cells[a - 1]! <= before && fits(a - 1, b)) a--;
  while (b < count && fits(a, b + 1)) b++;
  if (b < count && fits(a, count)) b = count;
  while (a > 0 && fits(a - 1, b)) a--;
  if (a === b) return ellipsis <= width ? { text: ELLIPSIS, matches: [] } : { text: '', matches: [] };

  const lead = cutBefore(a) ? ELLIPSIS : '';
  const tail = cutAfter(b) ? ELLIPSIS : '';
  return {
    text: lead + shown(a, b) + tail,
    matches: clip(sorted, offset[a]!, offset[b]!, lead.length),
  };
}

/** Matches inside [from, to), moved so that `from` lands on `shift`, merged where they touch. */
function clip(matches: Array<[number, number]>, from: number, to: number, shift: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [start, end] of matches) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && s - from + shift <= last[1]) last[1] = Math.max(last[1], e - from + shift);
    else out.push([s - from + shift, e - from + shift]);
  }
  return out;
}
