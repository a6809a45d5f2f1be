/**
 * The search snippet on long paragraphs: it measures only a window around the first match, so a
 * paragraph of a million characters costs what a short one does. Checked (fast-check) against the
 * rule the snippet promises, on paragraphs padded far beyond any window: one line of at most `width`
 * cells, a run of whole graphemes of the text (controls shown as spaces) with `…` exactly where text
 * was cut, the first match's start in view when there is room for it, and the match ranges re-based
 * onto the line: a character is highlighted exactly when it lies in a match.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, graphemes, type AmbiguousWidth } from '../../src/core/layout/width.js';
import { snippet } from '../../src/core/search/snippet.js';

const ELLIPSIS = '…';

/** Whether `cut` is a snippet of `text` with `matches` that keeps the rule (see above). */
function keepsTheRule(text: string, matches: Array<[number, number]>, width: number, ambiguousWidth: AmbiguousWidth, cut: { text: string; matches: Array<[number, number]> }): boolean {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  if (cellWidth(cut.text, ambiguousWidth) > width) return false;
  if (cut.text === '' || cut.text === ELLIPSIS) return cut.matches.length === 0;
  const bounds = new Set([...graphemes(line).map((g) => g.index), line.length]);
  const inMatch = (at: number): boolean => matches.some(([s, e]) => at >= s && at < e);
  const focus = [...matches].filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0])[0];
  // Where in the text the line may have been cut from: the first candidate that keeps every rule.
  for (let start = 0; start <= line.length; start++) {
    for (const [lead, tail] of [['', ''], ['', ELLIPSIS], [ELLIPSIS, ''], [ELLIPSIS, ELLIPSIS]] as const) {
      if (!cut.text.startsWith(lead)) continue;
      const body = cut.text.slice(lead.length);
      if (tail !== '' && !body.endsWith(tail)) continue;
      const shown = body.slice(0, body.length - tail.length);
      const end = start + shown.length;
      if (!line.startsWith(shown, start) || !bounds.has(start) || !bounds.has(end)) continue;
      if ((lead !== '') !== start > 0 || (tail !== '') !== end < line.length) continue;
      // Room for the first grapheme of the first match between the two ellipses: its start is shown.
      if (focus) {
        const first = graphemes(line.slice(focus[0])).at(0)?.segment ?? '';
        if (cellWidth(first, ambiguousWidth) + 2 * cellWidth(ELLIPSIS, ambiguousWidth) <= width && !(focus[0] >= start && focus[0] < end)) continue;
      }
      // Highlighted exactly where a match is; ranges sorted, apart, within the shown text.
      let ok = true;
      let previous = -1;
      for (const [s, e] of cut.matches) {
        if (s <= previous || e <= s || s < lead.length || e > lead.length + shown.length) ok = false;
        previous = e;
      }
      for (let i = 0; ok && i < shown.length; i++) {
        const highlighted = cut.matches.some(([s, e]) => lead.length + i >= s && lead.length + i < e);
        if (highlighted !== inMatch(start + i)) ok = false;
      }
      if (ok) return true;
    }
  }
  return false;
}

const piece = fc.constantFrom('集', '成', '电', '路', 'a', 'B', ' ', '“', '”', '…', '，', '𠀀', '😀', '👩‍💻', 'e\u0301', '\t', '\u001b');

describe('snippet of a long paragraph (fast-check)', () => {
  it('cuts one line of whole graphemes around the first match, … where cut, the matches re-based', () => {
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
          expect(keepsTheRule(text, matches, width, ambiguous, snippet(text, matches, width, ambiguous))).toBe(true);
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
