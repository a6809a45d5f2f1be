import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, LENIENT_RATIO } from '../../../src/core/document/decode.js';
import iconv from 'iconv-lite';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** UTF-16 code units of `text` (lone surrogates kept as they are), little- or big-endian, with a BOM. */
function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  return bytes(...units.flatMap((u) => (endian === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
}

function decodeFailure(input: Uint8Array): DecodeError {
  try {
    decodeText(input);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('expected a DecodeError');
}

const SAMPLE = '重庆日报:如何推动该产业高质量发展?\n刘忠:5G、FPGA、12吋,约占40%。😀';

describe('decodeText: encodings', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8(SAMPLE))).toBe(SAMPLE);
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s without a BOM, indented with 　 and holding 一 (NUL bytes on both sides)', (endian) => {
    const text = '第一章 风起\r\n　　他走在路上，一边想着 2020 年的事。\r\n第二章\r\n　　一。\r\n';
    expect(decodeText(utf16(text, endian, false))).toBe(text.replaceAll('\r\n', '\n'));
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeText(concat(bytes(0xef, 0xbb, 0xbf), utf8(SAMPLE)))).toBe(SAMPLE);
  });

  it.each(['le', 'be'] as const)('reads UTF-16 %s with a BOM, astral characters included', (endian) => {
    expect(decodeText(utf16(SAMPLE, endian))).toBe(SAMPLE);
  });

  it('reads GB18030/GBK: 中文 is D6 D0 CE C4', () => {
    expect(decodeText(bytes(0xd6, 0xd0, 0xce, 0xc4))).toBe('中文');
  });

  it('reads GBK mixed with ASCII and CRLF, and GB18030 four-byte sequences', () => {
    // "中文 ok\r\n中文" then U+10000, which GB18030 writes as 90 30 81 30.
    const gbk = bytes(0xd6, 0xd0, 0xce, 0xc4, 0x20, 0x6f, 0x6b, 0x0d, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0x90, 0x30, 0x81, 0x30);
    expect(decodeText(gbk)).toBe('中文 ok\n中文\u{10000}');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeText(bytes())).toBe('');
    expect(decodeText(bytes(0xef, 0xbb, 0xbf))).toBe('');
    expect(decodeText(bytes(0xff, 0xfe))).toBe('');
  });

  it.each([
    ['CRLF', 'a\r\nb\r\n', 'a\nb\n'],
    ['CR', 'a\rb\r', 'a\nb\n'],
    ['mixed', 'a\r\n\rb\n\r\nc', 'a\n\nb\n\nc'],
  ])('normalises %s newlines', (_name, input, expected) => {
    expect(decodeText(utf8(input))).toBe(expected);
    expect(decodeText(utf16(input, 'le'))).toBe(expected);
  });

  it('round-trips any well-formed text through UTF-8, UTF-8 with BOM, UTF-16 LE and BE', () => {
    const text = fc
      .array(fc.oneof(fc.constantFrom('中', '文', '。', '\n', '\t', '😀', 'a', ' ', '\u00e9', '\ufffd'), fc.string({ unit: 'grapheme' })), {
        maxLength: 30,
      })
      .map((parts) => parts.join('').replace(/[\x00-\x08\x0b-\x1f\x7f\r\ufeff]/g, ''));
    fc.assert(
      fc.property(text, (t) => {
        expect(decodeText(utf8(t))).toBe(t);
        expect(decodeText(concat(bytes(0xef, 0xbb, 0xbf), utf8(t)))).toBe(t);
        expect(decodeText(utf16(t, 'le'))).toBe(t);
        expect(decodeText(utf16(t, 'be'))).toBe(t);
      }),
      { numRuns: 200 },
    );
  });
});

describe('decodeText: damaged input', () => {
  it.each([
    ['a 3-byte character cut after 1 byte', concat(utf8('中文'), bytes(0xe4)), '中文\uFFFD'],
    ['a 3-byte character cut after 2 bytes', concat(utf8('中文'), bytes(0xe4, 0xb8)), '中文\uFFFD'],
    ['a 4-byte emoji cut after 3 bytes', concat(utf8('a'), bytes(0xf0, 0x9f, 0x98)), 'a\uFFFD'],
    ['a 2-byte character cut after 1 byte', concat(utf8('é'), bytes(0xc3)), 'é\uFFFD'],
  ])('reads UTF-8 with %s at the end, marking the cut with U+FFFD', (_name, input, expected) => {
    expect(decodeText(input)).toBe(expected);
  });

  it('reads a long UTF-8 text with one bad byte as UTF-8, not as GB18030 mojibake', () => {
    const good = '电子信息产业高质量发展。'.repeat(10);
    const input = concat(utf8(good), bytes(0xff), utf8(good));
    expect(decodeText(input)).toBe(`${good}\uFFFD${good}`);
  });

  it(`does not treat text with more than 1 bad byte per ${LENIENT_RATIO} characters as damaged UTF-8`, () => {
    // Few good multi-byte sequences, many bad bytes, none valid GB18030 either (0xFF never is).
    const input = concat(utf8('中'), bytes(0xff, 0x41, 0xff, 0x42));
    expect(decodeFailure(input).reason).toBe('undecodable');
  });

  it('keeps a U+FFFD that the file itself contains', () => {
    expect(decodeText(utf8('a\ufffdb'))).toBe('a\ufffdb');
  });

  it.each(['le', 'be'] as const)('turns lone surrogates in UTF-16 %s into U+FFFD', (endian) => {
    expect(decodeText(utf16('a\ud800b\udc00c\ud83d', endian))).toBe('a\uFFFDb\uFFFDc\uFFFD');
  });

  it('turns a dangling odd byte in UTF-16 into U+FFFD', () => {
    expect(decodeText(concat(utf16('中', 'le'), bytes(0x41)))).toBe('中\uFFFD');
  });

  it.each([
    ['bytes that are neither UTF-8 nor GB18030', bytes(0x41, 0xff, 0xfe, 0xfd, 0x80, 0x42)],
    ['a lone 0xFF', bytes(0xff)],
    ['Latin-1 text', bytes(0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72)],
  ])('rejects %s as undecodable', (_name, input) => {
    const error = decodeFailure(input);
    expect(error.reason).toBe('undecodable');
    expect(error.message).toMatch(/UTF-8, UTF-16 or GB18030/);
  });

  it.each([
    ['UTF-32 LE', bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0)],
    ['UTF-32 BE', bytes(0, 0, 0xfe, 0xff, 0, 0, 0, 0x41)],
  ])('rejects %s with a clear reason', (_name, input) => {
    const error = decodeFailure(input);
    expect(error.reason).toBe('undecodable');
    expect(error.message).toMatch(/UTF-32/);
  });

  it.each([
    ['a PNG header', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52)],
    ['UTF-8 text with a NUL', concat(utf8('中文'), bytes(0), utf8('中文'))],
    ['a few UTF-16 characters without a BOM (too few to tell)', utf16('hello', 'le', false)],
    ['16-bit numbers that read as no text either way', bytes(...Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? (i * 37) % 256 : i % 5)))],
    ['control bytes without NUL', bytes(...Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41)))],
  ])('rejects %s as binary', (_name, input) => {
    const error = decodeFailure(input);
    expect(error).toBeInstanceOf(DecodeError);
    expect(error.reason).toBe('binary');
    expect(error.message).toMatch(/binary/);
  });

  it('does not call hostile but real text binary', () => {
    const hostile = '前\x1b[31m红\x1b[0m后\x1b]0;title\x07\f'.repeat(50);
    expect(decodeText(utf8(hostile))).toBe(hostile);
  });
});

describe('decodeText: CRLF and CR in each encoding', () => {
  // Long enough for the double-byte encodings to be told apart by how Chinese each reading looks.
  const TEXT = '第一章 开头\r\n　　他说：“我们明天再来吧。”\r\r\n　　天色渐渐暗了下来，街上的行人也少了。\r\n第二章 后来\r　　这是一个很长的故事。\r\n'.repeat(20);
  const TRADITIONAL = '第一章 開頭\r\n　　他說：「我們明天再來吧。」\r\r\n　　天色漸漸暗了下來，街上的行人也少了。\r\n第二章 後來\r　　這是一個很長的故事。\r\n'.repeat(20);
  const lf = (text: string) => text.replace(/\r\n?/g, '\n');

  it.each([
    ['UTF-8', TEXT, () => utf8(TEXT)],
    ['UTF-8 with a BOM', TEXT, () => concat(bytes(0xef, 0xbb, 0xbf), utf8(TEXT))],
    ['GB18030', TEXT, () => new Uint8Array(iconv.encode(TEXT, 'gb18030'))],
    ['Big5', TRADITIONAL, () => new Uint8Array(iconv.encode(TRADITIONAL, 'big5'))],
  ])('%s', (_, text, encode) => {
    expect(decodeText(encode())).toBe(lf(text));
  });

  it.each(['le', 'be'] as const)('UTF-16 %s, where a CR byte may be half of another character', (endian) => {
    // U+0A0D is 0D 0A in little-endian UTF-16, U+0D0A is 0D 0A in big-endian: neither is a newline.
    const text = `a\u0a0d\u0d0a\r\nb\rc${TEXT}`;
    expect(decodeText(utf16(text, endian))).toBe(lf(text));
  });

  it('with a named encoding', () => {
    expect(decodeText(new Uint8Array(iconv.encode(TEXT, 'gbk')), { encoding: 'gbk' })).toBe(lf(TEXT));
  });
});
