import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/document/decode.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('decodeText: surrogates written as UTF-8 (WTF-8, CESU-8)', () => {
  it.each([
    ['a lone high surrogate', bytes('前', [0xed, 0xa0, 0x80], '后'), '前\ufffd后'],
    ['a lone low surrogate', bytes('前', [0xed, 0xbf, 0xbf], '后'), '前\ufffd后'],
    ['the two halves of a pair (CESU-8)', bytes('a', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], 'b'), 'a\ufffd\ufffdb'],
    ['at the very start and end', bytes([0xed, 0xa0, 0x80], '中', [0xed, 0xb0, 0x80]), '\ufffd中\ufffd'],
  ])('%s becomes one U+FFFD each, however short the text', (_name, input, expected) => {
    expect(decodeText(input)).toBe(expected);
  });

  it('still refuses text that is not UTF-8 apart from its surrogates', () => {
    expect(() => decodeText(bytes([0xed, 0xa0, 0x80], 'caf', [0xe9]))).toThrow(/not UTF-8/);
  });

  it('leaves ED followed by a valid continuation alone (U+D000–U+D7FF are Hangul, not surrogates)', () => {
    expect(decodeText(bytes([0xed, 0x9e, 0xa3]))).toBe('\ud7a3');
  });
});
