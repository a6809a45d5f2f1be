/**
 * The search snippet on long paragraphs: it measures only a window around the first match, so a
 * paragraph of a million characters costs what a short one does. The windowed cut must be the cut
 * the whole paragraph gives: compared (fast-check) with the straightforward version that segments
 * and measures the whole text, on paragraphs padded far beyond any window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, graphemes, type AmbiguousWidth } from '../../src/core/layout/width.js';
import { snippet } from '../../src/core/search/snippet.js';

const ELLIPSIS = '…';

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

/** The reference: the snippet computed over the whole text (quadratic in nothing, but linear in the paragraph). */
function wholeTextSnippet(text: string, matches: Array<[number, number]>, width: number, ambiguousWidth: AmbiguousWidth = 1): { text: string; matches: Array<[number, number]> } {
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


const piece = fc.constantFrom('集', '成', '电', '路', 'a', 'B', ' ', '“', '”', '…', '，', '𠀀', '😀', '👩‍💻', 'e\u0301', '\t', '\u001b');

describe('snippet of a long paragraph (fast-check)', () => {
  it('cuts exactly what the whole-text version cuts', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.nat({ max: 1500 }),
        fc.nat({ max: 1500 }),
        fc.constantFrom('中', '😀', 'a', 'e\u0301', '👩‍💻'),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(1 as const, 2 as const),
        fc.nat(),
        fc.nat(),
        (middle, before, after, pad, width, ambiguous, a, b) => {
          const parts = [...Array<string>(before).fill(pad), ...middle, ...Array<string>(after).fill(pad)];
          const text = parts.join('');
          // A match between pieces in the middle, as search ranges lie between graphemes.
          const from = before + (middle.length === 0 ? 0 : a % middle.length);
          const to = Math.min(parts.length, from + 1 + (b % 4));
          const start = parts.slice(0, from).join('').length;
          const end = parts.slice(0, to).join('').length;
          const matches: Array<[number, number]> = end > start ? [[start, end]] : [];
          expect(snippet(text, matches, width, ambiguous)).toEqual(wholeTextSnippet(text, matches, width, ambiguous));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a 1 MB paragraph with a match at its end: the cut depends only on the text near the match', () => {
    const text = `${'中文'.repeat(250_000)}集成电路${'中文'.repeat(10)}`;
    const at = text.indexOf('集成电路');
    // What lies a thousand characters before the match cannot matter to a cut of at most 80 cells, so
    // the snippet never needs to look at it (the whole-text version took seconds for these cuts).
    const near = text.slice(at - 1000);
    for (let width = 80; width > 8; width -= 2) {
      const cut = snippet(text, [[at, at + 4]], width);
      expect(cellWidth(cut.text)).toBeLessThanOrEqual(width);
      expect(cut).toEqual(snippet(near, [[1000, 1004]], width));
    }
  });
});
