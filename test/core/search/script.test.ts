import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { normalise } from '../../../src/core/search/normalise.js';
import { ambiguousVariants, foldScript } from '../../../src/core/search/script.js';
import { expectValid } from '../../helpers/hits.js';
import { paragraphsDocument } from './documents.js';

// Sentences written for the test, in traditional characters as a Taiwanese or Hong Kong text prints them.
const traditional = paragraphsDocument(
  '老師說：見賢思齊，見不賢而內自省也。',
  '河口的紅樹林裡長滿了水筆仔，退潮時可以看見招潮蟹。',
  '他於是坐著看書，看著看著就睡著了。',
  '乾隆年間，這裏的天氣很乾燥。',
  '我們瞭解這件事的來龍去脈。',
);
const simplified = paragraphsDocument('他于是坐着看书，看着看着就睡着了。', '这里的天气很干燥，红树林也干了。', '见贤思齐是一句老话。');

const first = (doc: ReturnType<typeof paragraphsDocument>, query: string): string | undefined => createSearchIndex(doc).search(query)[0]?.paragraphId;

describe('script folding', () => {
  it.each([
    ['见贤思齐', 's1p1'],
    ['红树林', 's1p2'],
    ['水笔仔', 's1p2'],
    ['招潮蟹', 's1p2'],
    ['于是', 's1p3'],
    ['看着', 's1p3'],
    ['这里', 's1p4'],
    ['干燥', 's1p4'],
    ['乾隆', 's1p4'],
    ['了解', 's1p5'],
  ])('a simplified query %s finds the traditional text', (query, expected) => {
    expect(first(traditional, query)).toBe(expected);
  });

  it.each([
    ['見賢思齊', 's1p3'],
    ['紅樹林', 's1p2'],
    ['於是', 's1p1'],
    ['看著', 's1p1'],
    ['這裏', 's1p2'],
    ['這裡', 's1p2'],
    ['乾燥', 's1p2'],
  ])('a traditional query %s finds the simplified text', (query, expected) => {
    expect(first(simplified, query)).toBe(expected);
  });

  it('highlights the characters as written', () => {
    const [hit] = createSearchIndex(traditional).search('红树林');
    expect(hit!.matches.map(([s, e]) => hit!.text.slice(s, e))).toEqual(['紅樹林']);
    const [dry] = createSearchIndex(traditional).search('干燥');
    expect(dry!.matches.map(([s, e]) => dry!.text.slice(s, e))).toEqual(['乾燥']);
  });

  it('leaves a simplified text and words without a simplified form alone', () => {
    expect(foldScript('这里的天气很干燥。')).toBe('这里的天气很干燥。');
    expect(foldScript('乾隆著名')).toBe('乾隆著名');
    expect(foldScript('見賢思齊')).toBe('见贤思齐');
    expect(ambiguousVariants('看着')).toEqual(['看著']);
    expect(ambiguousVariants('中国')).toEqual([]);
  });

  it('never changes the length or splits a character, and folding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 2 }), fc.constantFrom('見', '賢', '裡', '乾', '著', '𠀀', '后', '後', '\ud800')), { maxLength: 20 }).map((parts) => parts.join('')), (text) => {
        const once = foldScript(text);
        expect(once.length).toBe(text.length);
        expect(foldScript(once)).toBe(once);
        for (let i = 0; i < text.length; i++) {
          const high = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
          const low = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
          expect(high(once.charCodeAt(i))).toBe(high(text.charCodeAt(i)));
          expect(low(once.charCodeAt(i))).toBe(low(text.charCodeAt(i)));
        }
        const folded = normalise(text);
        if (folded.starts === null) expect(folded.text.length).toBe(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives valid hits for any mix of scripts', () => {
    const index = createSearchIndex(traditional);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('見', '见', '紅', '红', '樹', '树', '林', '裡', '里', '著', '着', '乾', '干', '燥', '，', ' ', '了'), { maxLength: 6 }), (chars) => {
        expectValid(index.search(chars.join('')));
      }),
      { numRuns: 200 },
    );
  });
});
