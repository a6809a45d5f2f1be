import fc from 'fast-check';
import packageWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidth, { setDefaultAmbiguousWidth, SIMPLE_RANGES, type StringWidthOptions } from '../../src/terminal/string-width.js';

const OPTIONS: StringWidthOptions[] = [
  {},
  { ambiguousIsNarrow: false },
  { countAnsiEscapeCodes: true },
  { ambiguousIsNarrow: false, countAnsiEscapeCodes: true },
  { ambiguousIsNarrow: true, countAnsiEscapeCodes: false },
];

const PIECES = ['a', ' ', '中', '，', '“', '”', '…', '한', 'ｱ', 'ﾞ', '\u0301', '\u200d', '\ufe0f', '\u20e3', '\u1100', '\u1161', '\u11a8', '👍', '🏽', '\ud83c', '\u001b[1m', '\u001b[0m', '\u001b[', '\u009b', '\u001b]8;;x\u0007', '\t', '\n', '\u00ad', '१', '\u094d', '\u0600'];

const segmenter = new Intl.Segmenter();
const clusters = (text: string): number => [...segmenter.segment(text)].length;

describe('stringWidth (the bundle’s string-width)', () => {
  it('gives string-width’s width for every code unit of the simple ranges, which stand alone as clusters', () => {
    const wrong: string[] = [];
    for (const [from, to] of SIMPLE_RANGES) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        for (const options of OPTIONS) {
          if (stringWidth(char, options) !== packageWidth(char, options)) wrong.push(`U+${code.toString(16)} ${JSON.stringify(options)}`);
        }
        // Never part of a larger cluster: neither after a letter (a mark, a joiner), nor before one (a
        // prepended mark), nor a Hangul jamo that joins a syllable or another jamo.
        if (clusters(`a${char}`) !== 2 || clusters(`${char}a`) !== 2 || clusters(`${char}\u1100`) !== 2 || clusters(`\uac00${char}`) !== 2) {
          wrong.push(`U+${code.toString(16)} joins`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('counts ambiguous characters by the policy set for callers that pass none (Ink), and by theirs for the others', () => {
    try {
      setDefaultAmbiguousWidth(2);
      // Simple text, text with an escape code, and text that needs the package itself.
      for (const text of ['…中', '\u001b[1m…中\u001b[0m', '…中e\u0301']) {
        expect(stringWidth(text), text).toBe(packageWidth(text, { ambiguousIsNarrow: false }));
        expect(stringWidth(text, { ambiguousIsNarrow: true }), text).toBe(packageWidth(text));
      }
      expect(stringWidth('…')).toBe(2);
      setDefaultAmbiguousWidth(1);
      expect(stringWidth('…')).toBe(1);
      expect(stringWidth('…e\u0301', { ambiguousIsNarrow: false })).toBe(3);
    } finally {
      setDefaultAmbiguousWidth(1);
    }
  });

  it('keeps the ranges sorted and without overlaps (the lookup stops at the first range past a code unit)', () => {
    SIMPLE_RANGES.forEach(([from, to], i) => {
      expect(from).toBeLessThanOrEqual(to);
      if (i > 0) expect(from).toBeGreaterThan(SIMPLE_RANGES[i - 1]![1]);
    });
  });

  it('agrees with string-width on tricky strings', () => {
    const samples = [
      '',
      'abc',
      '中文，“引号”…',
      'e\u0301',
      '👍🏽',
      '👨‍👩‍👧',
      '1\u20e3',
      '☺\ufe0f',
      'ｶﾞ',
      '\u1100\u1161\u11a8',
      '한\u1161',
      '\u00ad',
      '\u200b中',
      '\u3164',
      '\r\n',
      '\t',
      '\u001b[1m粗\u001b[0m',
      '\u001b[31;1m红\u001b[0m\u001b]0;title\u0007',
      '\u009b1m中',
      '\u001b[1',
      '\ud800',
      '\udc00a',
      '🇨🇳',
    ];
    for (const text of samples) for (const options of OPTIONS) expect(stringWidth(text, options), JSON.stringify([text, options])).toBe(packageWidth(text, options));
  });

  it('agrees with string-width on random mixtures of simple and joining characters and escape codes (asked twice: the memo)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), fc.constantFrom(...OPTIONS), (parts, options) => {
        const text = parts.join('');
        expect(stringWidth(text, options)).toBe(packageWidth(text, options));
        expect(stringWidth(text, options)).toBe(packageWidth(text, options));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the same when asked again (the memo of other strings)', () => {
    const text = 'x👍🏽y\u001b]0;t\u0007';
    const first = stringWidth(text);
    expect(stringWidth(text)).toBe(first);
    expect(first).toBe(packageWidth(text));
  });
});
