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
