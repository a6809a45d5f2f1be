import { cellWidth, graphemes, type AmbiguousWidth } from '../layout/width.js';
import type { Range } from './types.js';

const ELLIPSIS = '…';

/**
 * One line of at most `width` cells cut from `text` around its first match, with … where text was cut
 * on either side, and `matches` re-based onto the line (clipped; those outside dropped). About a third
 * of the spare room goes before the match, the rest after it. Control characters become spaces so the
 * line stays one line. Never splits a grapheme; a match wider than the line is cut at its end.
 */
export function snippet(text: string, matches: Array<[number, number]>, width: number, ambiguousWidth: AmbiguousWidth = 1): { text: string; matches: Array<[number, number]> } {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  if (!(width > 0)) return { text: '', matches: [] };
  const units = graphemes(line);
  const count = units.length;
  // offset[g]: where grapheme g starts; cells[g]: the width of graphemes [0, g).
  const offset = [...units.map((unit) => unit.index), line.length];
  const cells = [0];
  for (const unit of units) cells.push(cells[cells.length - 1]! + cellWidth(unit.segment, ambiguousWidth));
  const sorted = matches.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  if (cells[count]! <= width) return { text: line, matches: clip(sorted, 0, line.length, 0) };

  const ellipsis = cellWidth(ELLIPSIS, ambiguousWidth);
  const fits = (a: number, b: number): boolean => cells[b]! - cells[a]! + (a > 0 ? ellipsis : 0) + (b < count ? ellipsis : 0) <= width;
  const focus = sorted[0];
  const graphemeAt = (at: number): number => {
    let g = 0;
    while (g < count && offset[g + 1]! <= at) g++;
    return g;
  };
  const matchStart = focus ? graphemeAt(focus[0]) : 0;
  const matchEnd = focus ? graphemeAt(focus[1] - 1) + 1 : 0;
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

  const lead = a > 0 ? ELLIPSIS : '';
  const tail = b < count ? ELLIPSIS : '';
  return {
    text: lead + line.slice(offset[a], offset[b]) + tail,
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
