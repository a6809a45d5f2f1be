import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseness } from '../../../src/core/document/chinese-text.js';

/** The measure as the module comment defines it, by code point. */
function byCodePoint(text: string, common: string): { ideographs: number; common: number; odd: number } {
  let ideographs = 0;
  let hits = 0;
  let odd = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) {
      ideographs++;
      if (common.includes(char)) hits++;
    } else if ((code >= 0xe000 && code <= 0xf8ff) || (code >= 0x80 && code <= 0x9f) || code === 0xfffd) odd++;
  }
  return { ideographs, common: ideographs === 0 ? 0 : hits / ideographs, odd };
}

describe('chineseness', () => {
  it('scores the worked example: 11 ideographs, 9 of them common', () => {
    expect(chineseness('這是一個測試，我們說中文。')).toEqual({ ideographs: 11, common: 9 / 11, odd: 0 });
  });

  it('counts by code point: characters outside the BMP, controls, private use and U+FFFD as defined', () => {
    const common = '的一是不了在人有我他这个们中来上大为和国這個們來為';
    const char = fc.constantFrom(...common, '龘', '㐀', '𠀀', '𪚥', '\ue000', '\u0085', '\ufffd', 'a', '，', '\ud800', '\udc00');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(chineseness(text)).toEqual(byCodePoint(text, common));
      }),
    );
  });
});
