import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { expectValid } from '../../helpers/hits.js';
import { paragraphsDocument } from './documents.js';

// Lines written for the test.
const doc = paragraphsDocument(
  '开卷便是：满纸荒唐言，一把辛酸泪！都云作者痴。',
  '问：如何推动高质量发展？我市采取了哪些措施？',
  '他说“你好，\n世界”，然后走了。',
  '北，京城的城墙很高。',
  'SK 海力士在重庆有工厂。',
);
const index = createSearchIndex(doc);
const shown = (query: string): string[] => {
  const [hit] = index.search(query);
  return hit ? hit.matches.map(([s, e]) => hit.text.slice(s, e)) : [];
};

describe('phrases typed without the text’s punctuation', () => {
  it.each([
    ['满纸荒唐言一把辛酸泪', 's1p1', '满纸荒唐言，一把辛酸泪'],
    ['高质量发展我市采取了哪些措施', 's1p2', '高质量发展？我市采取了哪些措施'],
    ['你好世界', 's1p3', '你好，\n世界'],
    ['荒唐言 一把', 's1p1', '荒唐言，一把'],
    ['sk海力士', 's1p5', 'SK 海力士'],
  ])('%s finds %s, highlighting the text as written', (query, id, written) => {
    expect(index.search(query)[0]?.paragraphId).toBe(id);
    expect(shown(query)).toEqual([written]);
  });

  it('still matches the same phrase with its punctuation, ranked above the one without', () => {
    expect(index.search('满纸荒唐言，一把辛酸泪')[0]?.paragraphId).toBe('s1p1');
    const both = createSearchIndex(paragraphsDocument('一把辛酸泪，满纸荒唐言。', '满纸荒唐言一把辛酸泪。'));
    // The literal occurrence exists, so only it is a hit.
    expect(both.search('满纸荒唐言一把辛酸泪').map((hit) => hit.paragraphId)).toEqual(['s1p2']);
  });

  it('does not join two characters across a mark, nor take the user’s own punctuation as optional', () => {
    expect(index.search('北京')).toEqual([]);
    expect(index.search('“满纸荒唐言一把辛酸泪')).toEqual([]);
  });

  it('never crosses from one paragraph into the next', () => {
    const split = createSearchIndex(paragraphsDocument('他写下满纸荒唐言', '一把辛酸泪都付与东流'));
    expect(split.search('满纸荒唐言一把辛酸泪')).toEqual([]);
  });

  it('gives valid hits for any mix of characters and marks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('满', '纸', '荒', '唐', '言', '一', '把', '，', ' ', '！', '你', '好', '世', '界', '\n'), { maxLength: 12 }), (chars) => {
        expectValid(index.search(chars.join('')));
      }),
      { numRuns: 200 },
    );
  });
});
