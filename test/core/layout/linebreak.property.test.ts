import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECTORS, LINE_END_PROHIBITED, LINE_START_PROHIBITED } from '../../../src/core/layout/kinsoku.js';
import { layoutText, type LayoutOptions } from '../../../src/core/layout/linebreak.js';
import { checkAll, checkFits, checkGraphemes, checkReproduces, checkWordsWhole, measure, splitGraphemes } from './checkers.js';

const RUNS = { numRuns: 300 };

const cjk = fc.constantFrom(...'电子信息产业重庆日报发展智造中心刘忠我市');
const latin = fc.constantFrom(
  'FPGA', '5G', 'IC', 'SK', 'LOGO', 'hello', 'e-mail', 'don’t', 'C++', '2020', '22.05.2020', '1,000.5', '40%',
  '12', 'https://example.com/a-b?c=1', 'a@b.cn', 'supercalifragilisticexpialidocious',
);
const digits = fc.integer({ min: 0, max: 2 ** 31 }).map(String);
const punctuation = fc.constantFrom(...LINE_START_PROHIBITED, ...LINE_END_PROHIBITED, ...CONNECTORS);
const doubled = fc.constantFrom('——', '……', '⋯⋯', '――', '—', '…', '⸺');
const emoji = fc.constantFrom('👨‍👩‍👧', '👍🏽', '🇨🇳', '❤️', '1️⃣', '😀', '🏳️‍🌈');
const combining = fc.constantFrom('e\u0301', 'a\u0308\u0323', '\u0301', 'ñ', 'ก\u0e31');
const spaces = fc.constantFrom(' ', '  ', '      ', '\u3000', '\u00a0', '\t', '\u200b');
const odd = fc.constantFrom('\u0001', '\u001b', '\u009b', '"', "'", '$', '\ud800', '\udfff', '\u2060');

/** Random paragraphs mixing everything the layout distinguishes. */
const mixedText = fc
  .array(fc.oneof(cjk, cjk, latin, digits, punctuation, punctuation, doubled, emoji, combining, spaces, odd), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Paragraphs of Chinese, words, punctuation and plain spaces only: what the word rule is stated for. */
const wordText = fc
  .array(fc.oneof(cjk, cjk, latin, digits, punctuation, doubled, fc.constant(' ')), { maxLength: 50 })
  .map((parts) => parts.join(''));

const width = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 200 }));
const options: fc.Arbitrary<LayoutOptions> = fc.record(
  { ambiguousWidth: fc.constantFrom(1 as const, 2 as const), firstLineOffset: fc.integer({ min: 0, max: 30 }) },
  { requiredKeys: [] },
);

describe('layoutText properties (fast-check)', () => {
  it('every line fits, no grapheme is split, the text is reproduced, kinsoku holds whenever a legal break existed', () => {
    fc.assert(
      fc.property(mixedText, width, options, (text, w, opts) => {
        expect(checkAll(text, w, opts, layoutText(text, w, opts))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps Latin words and numbers whole whenever they fit in the line', () => {
    fc.assert(
      fc.property(wordText, width, fc.constantFrom(1 as const, 2 as const), (text, w, ambiguousWidth) => {
        const opts = { ambiguousWidth };
        expect(checkWordsWhole(text, w, opts, layoutText(text, w, opts))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never throws and stays consistent on arbitrary Unicode', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary-ascii', maxLength: 80 }),
    );
    fc.assert(
      fc.property(anyText, width, options, (text, w, opts) => {
        const lines = layoutText(text, w, opts);
        expect([...checkReproduces(text, lines), ...checkGraphemes(text, lines), ...checkFits(text, w, opts, lines)]).toEqual([]);
      }),
      RUNS,
    );
  });

  it('fills lines greedily when every position is a legal break', () => {
    const plain = fc.array(fc.oneof(cjk, fc.constantFrom('中', '文', '字')), { minLength: 1, maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(plain, fc.integer({ min: 2, max: 60 }), (text, w) => {
        const lines = layoutText(text, w);
        for (let k = 0; k + 1 < lines.length; k++) {
          const next = splitGraphemes(lines[k + 1]!.text)[0]!.text;
          expect(lines[k]!.width + measure(next)).toBeGreaterThan(w);
        }
      }),
      RUNS,
    );
  });
});
