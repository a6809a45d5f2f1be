import stringWidth from 'string-width';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, codeUnitWidth, graphemeWidth, graphemes, truncateToWidth } from '../../../src/core/layout/width.js';

describe('cell widths', () => {
  it.each([
    ['中', 1, 2],
    ['a', 1, 1],
    ['“', 1, 1],
    ['“', 2, 2],
    ['…', 2, 2],
    ['\u3000', 1, 2],
    ['\t', 1, 1],
    ['\u0001', 1, 0],
    ['\u200b', 1, 0],
    ['\ud800', 1, 1],
    ['👨‍👩‍👧', 1, 2],
    ['🇨🇳', 1, 2],
    ['e\u0301', 1, 1],
  ] as const)('%j at ambiguous width %i takes %i cells', (grapheme, ambiguous, cells) => {
    expect(graphemeWidth(grapheme, ambiguous)).toBe(cells);
    expect(cellWidth(grapheme, ambiguous)).toBe(cells);
  });

  it('agrees with string-width on text without tabs or lone surrogates', () => {
    const samples = ['重庆日报:推动“智造重镇”', 'FPGA 5G 22.05.2020', '👍🏽🇨🇳e\u0301…·—', '\u001b[31mred'];
    for (const text of samples) {
      for (const ambiguous of [1, 2] as const) {
        expect(cellWidth(text, ambiguous)).toBe(stringWidth(text, { ambiguousIsNarrow: ambiguous === 1, countAnsiEscapeCodes: true }));
      }
    }
  });

  it('is the sum of the graphemes’ widths', () => {
    const text = 'a\tb中\ud800“👨‍👩‍👧';
    for (const ambiguous of [1, 2] as const) {
      const sum = graphemes(text).reduce((n, { segment }) => n + graphemeWidth(segment, ambiguous), 0);
      expect(cellWidth(text, ambiguous)).toBe(sum);
    }
  });

  it('measures single code units the same way as one-unit graphemes', () => {
    for (const ch of 'a中“\u3000\t') expect(codeUnitWidth(ch.charCodeAt(0), 2)).toBe(graphemeWidth(ch, 2));
  });
});

describe('graphemes', () => {
  it('keeps clusters whole and reports their offsets', () => {
    expect(graphemes('a👨‍👩‍👧e\u0301')).toEqual([
      { segment: 'a', index: 0 },
      { segment: '👨‍👩‍👧', index: 1 },
      { segment: 'e\u0301', index: 9 },
    ]);
  });
});

describe('truncateToWidth', () => {
  it('cuts to the width with an ellipsis and never splits a wide character', () => {
    expect(truncateToWidth('电子信息产业', 7)).toBe('电子信…');
    expect(truncateToWidth('电子信息产业', 12)).toBe('电子信息产业');
    expect(cellWidth(truncateToWidth('电子信息产业', 6))).toBeLessThanOrEqual(6);
    expect(truncateToWidth('abc', 0)).toBe('');
  });
});

describe('graphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // Characters split unit by unit without the segmenter, and ones that join or break differently
  // (combining marks, jamo, joiners, variation selectors, surrogate pairs and halves, controls).
  const pieces = [...'中文，。、「」abc 1２％\t…—·ー가ㄱ', 'e\u0301', '\u1100\u1161', '\u200d', '\ufe0f', '👍🏽', '🇨🇳', '\ud800', '\r\n', '\u0001', '\u302a', '\uff9e', '\u3099'];

  it('splits as the Unicode segmenter does, with or without its fast path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(graphemes(text)).toEqual(Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index })));
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts to a prefix that fits the width, ellipsis included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.integer({ min: 0, max: 20 }), (parts, width) => {
        const text = parts.join('');
        const cut = truncateToWidth(text, width);
        expect(cellWidth(cut)).toBeLessThanOrEqual(Math.max(width, 0));
        if (cut !== text) expect(text.startsWith(cut.slice(0, -1)) || cut === '').toBe(true);
      }),
    );
  });
});
