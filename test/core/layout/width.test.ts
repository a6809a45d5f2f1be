import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { cellWidth, codeUnitWidth, drawnCluster, graphemeWidth, graphemes, isDisputed, SIMPLE_RANGES, truncateToWidth } from '../../../src/core/layout/width.js';

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

  it('counts escape sequences as their text: ESC and other controls 0, the rest as printed', () => {
    expect(cellWidth('\u001b[31mred')).toBe(7);
    expect(cellWidth('重庆日报:推动“智造重镇”', 2)).toBe(25);
    expect(cellWidth('重庆日报:推动“智造重镇”', 1)).toBe(23);
  });

  it('gives every code unit of the simple ranges its East Asian Width, alone and in a string', () => {
    // Collected, then asserted once: an expect per code unit would make this the slowest test here.
    const wrong: string[] = [];
    for (const [from, to] of SIMPLE_RANGES) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        for (const ambiguous of [1, 2] as const) {
          const w = codeUnitWidth(code, ambiguous);
          if ((w !== 1 && w !== 2) || cellWidth(`${char}${char}`, ambiguous) !== 2 * w || isDisputed(char)) wrong.push(`U+${code.toString(16)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
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

describe('clusters terminals draw differently: measured at their widest', () => {
  // [cluster, cells measured, what grapheme-aware terminals draw, what tmux and xterm draw (each code point added)]
  it.each([
    ['กำ (Thai, a spacing vowel)', 'กำ', 2],
    ['aำ', 'a\u0e33', 2],
    ['क्ष (a Devanagari conjunct)', 'क्ष', 2],
    ['☺️ (text-style emoji with VS16)', '☺\ufe0f', 2],
    ['❤️', '❤\ufe0f', 2],
    ['🫨 (U+1FAE8, Unicode 15)', '\u{1fae8}', 2],
    ['؀ (U+0600, a prepended mark)', '\u0600', 1],
    ['🏻 (a lone skin-tone modifier)', '\u{1f3fb}', 2],
    ['👍🏽 (4 cells in tmux: drawn as 👍)', '👍🏽', 2],
    ['👩‍💻 (a ZWJ sequence)', '👩\u200d💻', 2],
    ['🇨🇳', '🇨🇳', 2],
    ['1️⃣', '1\ufe0f\u20e3', 2],
    ['e + combining acute', 'e\u0301', 1],
    ['가 as jamo', '\u1100\u1161', 2],
  ])('%s: %j is %i cells, everywhere it is measured', (_name, cluster, cells) => {
    expect(graphemes(cluster)).toHaveLength(1);
    for (const ambiguous of [1, 2] as const) {
      expect(graphemeWidth(cluster, ambiguous)).toBe(cells);
      expect(cellWidth(cluster, ambiguous)).toBe(cells);
      expect(truncateToWidth(cluster, cells, ambiguous)).toBe(cluster);
    }
  });

  it('marks as disputed what terminals disagree on, and not what they all draw alike', () => {
    for (const cluster of ['a\u0e33', 'क्ष', '☺\ufe0f', '\u{1fae8}', '\u0600', '\u{1f3fb}', '👍🏽', '🇨🇳', '😀']) expect(isDisputed(cluster)).toBe(true);
    for (const cluster of ['中', 'a', '“', 'e\u0301', '\u{20000}', 'ก', '\u1100\u1161']) expect(isDisputed(cluster)).toBe(false);
  });

  it('draws a cluster some terminal shows wider than two cells as its first character', () => {
    expect(drawnCluster('👍🏽')).toBe('👍');
    expect(drawnCluster('👩\u200d💻')).toBe('👩');
    expect(drawnCluster('☺\ufe0f')).toBe('☺\ufe0f');
    expect(drawnCluster('a\u0e33')).toBe('a\u0e33');
    expect(drawnCluster('中')).toBe('中');
  });

  it('never measures a cluster wider than two cells, nor wider than its drawing', () => {
    const parts = ['a', '中', '\u0e33', '\u094d', '\u0937', '\ufe0f', '\u200d', '👍', '\u{1f3fd}', '\u0301', '\u0600', '🇨', '\u1161', '\u{1fae8}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 6 }), (pieces) => {
        for (const { segment } of graphemes(pieces.join(''))) {
          const w = graphemeWidth(segment);
          expect(w).toBeLessThanOrEqual(2);
          expect(graphemeWidth(drawnCluster(segment))).toBeLessThanOrEqual(w);
        }
      }),
      { numRuns: 500 },
    );
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

describe('the emoji sequences pattern, built on first need', () => {
  it('measures emoji sequences in a fresh module whose first clusters are not emoji', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/core/layout/width.js');
    // Clusters of more than one code point that are not emoji come first: they must not need the pattern to be right.
    expect(fresh.graphemeWidth('e\u0301')).toBe(1);
    expect(fresh.cellWidth('中文“引号”')).toBe(10);
    for (const [cluster, width] of [['👨‍👩‍👧', 2], ['🇨🇳', 2], ['👍🏽', 2], ['1\ufe0f\u20e3', 2], ['\u{1f3fb}', 2], ['😀', 2]] as const) {
      expect(fresh.graphemeWidth(cluster), cluster).toBe(width);
    }
    // A lone regional indicator is an emoji code point but no RGI sequence: one cell, as terminals draw it.
    expect(fresh.graphemeWidth('\u{1f1e8}')).toBe(graphemeWidth('\u{1f1e8}'));
  });
});
