import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chineseness } from '../../../src/core/document/chinese-text.js';
import { DecodeError, decodeText } from '../../../src/core/document/decode.js';

/** Short phrases of our own, in traditional characters (Big5 has them; GB18030 has every character). */
const TRADITIONAL = ['這是我們的書', '他說了一個故事', '天色漸晚', '山路上只剩下他一個人', '遠處傳來鐘聲', '我們明天早上出發', '店家端上一碗熱湯', '時間過得很快', '大家都很高興', '學生們在讀書'];
/** And in simplified characters, for GBK. */
const SIMPLIFIED = ['这是我们的书', '他说了一个故事', '天色渐晚', '山路上只剩下他一个人', '远处传来钟声', '我们明天早上出发', '店家端上一碗热汤', '时间过得很快', '大家都很高兴', '学生们在读书'];

const paragraphs = (phrases: string[]) =>
  fc.array(fc.array(fc.constantFrom(...phrases), { minLength: 1, maxLength: 6 }).map((p) => `　　${p.join('，')}。`), { minLength: 8, maxLength: 40 }).map((ps) => `第一章 開始\r\n${ps.join('\r\n')}\r\n`);

describe('decodeText: Big5, GB18030 and UTF-8 alike', () => {
  it('reads the same traditional text from Big5, GB18030 and UTF-8 bytes', () => {
    fc.assert(
      fc.property(paragraphs(TRADITIONAL), (text) => {
        const expected = text.replace(/\r\n/g, '\n');
        expect(decodeText(iconv.encode(text, 'big5'))).toBe(expected);
        expect(decodeText(iconv.encode(text, 'gb18030'))).toBe(expected);
        expect(decodeText(Buffer.from(text, 'utf8'))).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('reads simplified text from GBK and UTF-8 bytes', () => {
    fc.assert(
      fc.property(paragraphs(SIMPLIFIED), (text) => {
        const expected = text.replace(/\r\n/g, '\n');
        expect(decodeText(iconv.encode(text, 'gbk'))).toBe(expected);
        expect(decodeText(Buffer.from(text, 'utf8'))).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('picks Big5 for Big5 bytes that GB18030 also accepts, by how Chinese each reading looks', () => {
    const text = `${TRADITIONAL.join('，')}。\n`.repeat(5);
    const bytes = iconv.encode(text, 'big5');
    const asGb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    expect(asGb).not.toBe(text);
    expect(chineseness(asGb).common).toBeLessThan(chineseness(text).common);
    expect(decodeText(bytes)).toBe(text);
  });

  it('reads a Big5 text larger than the sample it judges from', () => {
    const text = `${TRADITIONAL.join('，')}。\n`.repeat(20_000);
    expect(decodeText(iconv.encode(text, 'big5'))).toBe(text);
  });

  it('refuses double-byte noise that no reading makes Chinese, and --encoding reads it anyway', () => {
    // Pairs valid in both encodings (A4–C6 then A1–FE), picked to fall on rare characters.
    const rng = fc.sample(fc.tuple(fc.integer({ min: 0xb0, max: 0xc5 }), fc.integer({ min: 0xc0, max: 0xfe })), { numRuns: 400, seed: 7 });
    const bytes = Uint8Array.from(rng.flat());
    const error = (() => {
      try {
        decodeText(bytes);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).reason).toBe('undecodable');
    expect(decodeText(bytes, { encoding: 'big5' })).toBe(new TextDecoder('big5').decode(bytes));
  });

  describe('a GBK or Big5 book with a few bad bytes (a download cut short, a stray byte)', () => {
    const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));
    const simplified = `${SIMPLIFIED.join('，')}。\n`.repeat(4_000);
    const traditional = `${TRADITIONAL.join('，')}。\n`.repeat(4_000);

    it.each([
      ['GBK, a stray byte past the part judged', 'gbk', simplified, 0.8],
      ['GBK, a stray byte in the part judged', 'gbk', simplified, 0.01],
      ['Big5, a stray byte past the part judged', 'big5', traditional, 0.8],
      ['Big5, a stray byte in the part judged', 'big5', traditional, 0.01],
    ] as const)('%s: read in its encoding, the bad byte as U+FFFD', (_name, encoding, text, at) => {
      const bytes = iconv.encode(text, encoding);
      // 0x81 then a space: a lead byte without its trail in both encodings. Cut after a newline.
      const cut = bytes.indexOf(0x0a, Math.floor(bytes.length * at)) + 1;
      const decoded = decodeText(join(bytes.subarray(0, cut), Uint8Array.of(0x81, 0x20), bytes.subarray(cut)));
      expect(decoded).toBe(`${text.slice(0, text.indexOf('\n', Math.floor(text.length * at)) + 1)}\uFFFD ${text.slice(text.indexOf('\n', Math.floor(text.length * at)) + 1)}`);
    });

    it('a short GBK text whose last character was cut in half', () => {
      const text = `${SIMPLIFIED.join('，')}。`.repeat(3);
      const bytes = iconv.encode(text, 'gbk');
      expect(decodeText(bytes.subarray(0, bytes.length - 1))).toBe(`${text.slice(0, -1)}\uFFFD`);
    });

    it('not when the bad bytes are common: one every few dozen characters is refused, as is noise', () => {
      const line = iconv.encode(`${SIMPLIFIED.join('，')}。\n`, 'gbk');
      const damaged = join(...Array.from({ length: 200 }, () => join(line, Uint8Array.of(0x81, 0x20))));
      expect(() => decodeText(damaged)).toThrow(DecodeError);
    });
  });

  it('decodes with a named encoding, and names an unknown one', () => {
    const text = '這是我們的書。';
    expect(decodeText(iconv.encode(text, 'big5'), { encoding: 'big5-hkscs' })).toBe(text);
    expect(decodeText(iconv.encode(text, 'gbk'), { encoding: 'GBK' })).toBe(text);
    expect(() => decodeText(new Uint8Array([0x41]), { encoding: 'klingon' })).toThrow(/'klingon' is not an encoding/);
  });

  it('measures common characters in either script', () => {
    expect(chineseness('這是一個測試，我們說中文。').common).toBeGreaterThan(0.5);
    expect(chineseness('这是一个测试，我们说中文。').common).toBeGreaterThan(0.5);
    expect(chineseness('abc')).toEqual({ ideographs: 0, common: 0, odd: 0 });
  });
});
