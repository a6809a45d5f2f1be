import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, queryTerms, toOriginal } from '../../../src/core/search/normalise.js';

describe('normalise', () => {
  it.each([
    ['ＦＰＧＡ', 'fpga'],
    ['FPGA', 'fpga'],
    ['５Ｇ、新型', '5g、新型'],
    ['４０％', '40%'],
    ['１２吋', '12吋'],
    ['刘忠：为统筹', '刘忠:为统筹'],
    ['“智造重镇”', '“智造重镇”'],
    ['＂两手抓＂', '"两手抓"'],
    ['a\u3000b', 'a b'],
    ['a \t\u00a0 b', 'a b'],
    ['软\u200b件', '软件'],
    ['①号', '1号'],
    ['ﬁle', 'file'],
    ['Ⅻ', 'xii'],
    ['集成电路', '集成电路'],
    ['𠀀字', '𠀀字'],
    ['\ud800孤', '\ufffd孤'],
  ])('folds %j to %j', (input, folded) => {
    expect(normalise(input).text).toBe(folded);
  });

  it('keeps no map when every code unit stays in place', () => {
    const result = normalise('ＦＰＧＡ创新中心，５Ｇ');
    expect(result.starts).toBeNull();
    expect(toOriginal(result, 0, 4)).toEqual([0, 4]);
  });

  it('maps folded ranges back when lengths change', () => {
    const text = '前\u200b后①号  ﬁle end';
    const result = normalise(text);
    expect(result.text).toBe('前后1号 file end');
    const at = (needle: string): [number, number] => {
      const start = result.text.indexOf(needle);
      return toOriginal(result, start, start + needle.length);
    };
    expect(text.slice(...at('后'))).toBe('后');
    expect(text.slice(...at('1号'))).toBe('①号');
    // Part of an expansion maps to the whole source character.
    expect(text.slice(...at('fi'))).toBe('ﬁ');
    expect(text.slice(...at('i'))).toBe('ﬁ');
    expect(text.slice(...at(' file'))).toBe('  ﬁle');
    expect(text.slice(...at('end'))).toBe('end');
  });

  it('folds a text of any length after any other (its buffer is shared), its map as long as the folded text', () => {
    const long = '集成电路，ＦＰＧＡ　'.repeat(5000);
    expect(normalise(long).text).toBe('集成电路,fpga '.repeat(5000));
    // Expansions past the text's own length: the map grows with them.
    const ligatures = normalise('ﬁ'.repeat(100));
    expect(ligatures.text).toBe('fi'.repeat(100));
    expect(ligatures.starts?.length).toBe(200);
    expect(toOriginal(ligatures, 198, 200)).toEqual([99, 100]);
    const short = normalise('前  后');
    expect(short.text).toBe('前 后');
    expect([short.starts?.length, short.ends?.length]).toEqual([3, 3]);
    expect(toOriginal(short, 1, 2)).toEqual([1, 3]);
  });

  it('maps every folded range to an original range that folds to text containing it', () => {
    const pieces = fc.constantFrom('集', '成', 'Ａ', 'b', 'C', '①', 'ﬁ', '\u200b', ' ', '\u3000', '\t', '𠀀', '😀', 'é', 'e\u0301', '“', '…', '\ud800');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const result = normalise(text);
        const length = result.text.length;
        const start = length === 0 ? 0 : a % length;
        const end = length === 0 ? 0 : start + (b % (length - start + 1));
        // Search ranges come from whole query strings, which never start or end inside a surrogate pair.
        const splits = (at: number): boolean => /[\udc00-\udfff]/.test(result.text[at] ?? '') && /[\ud800-\udbff]/.test(result.text[at - 1] ?? '');
        fc.pre(!splits(start) && !splits(end));
        const [from, to] = toOriginal(result, start, end);
        expect(0 <= from && from <= to && to <= text.length).toBe(true);
        if (end > start) expect(normalise(text.slice(from, to)).text).toContain(result.text.slice(start, end).trim());
      }),
    );
  });
});

describe('queryTerms', () => {
  it.each([
    ['集成电路', ['集成电路']],
    ['  电子 人才 ', ['电子', '人才']],
    ['电子\u3000人才', ['电子', '人才']],
    ['jicheng   dianlu', ['jicheng', 'dianlu']],
    ['ＦＰＧＡ　５Ｇ', ['fpga', '5g']],
    ['   ', []],
    ['', []],
    ['集\ud800成', ['集', '成']],
    ['\udc00', []],
  ])('splits %j into %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });
});
