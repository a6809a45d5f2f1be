import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/corpus.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { expectValid } from '../../helpers/hits.js';
import { paragraphsDocument } from '../../helpers/documents.js';

// A generated "novel": names that recur, among filler sentences written for the test.
const NAMES = ['林黛玉', '王熙凤', '贾宝玉', '张起灵', '诸葛亮', '朱元璋', '大观园', '闷油瓶'];
const FILLER = ['这日天气晴好', '众人说笑了一回', '外面下起雨来', '他走到门口站住', '丫头们都散了', '说着便往里走', '一面吃茶一面说话'];
function novel(): ReturnType<typeof paragraphsDocument> {
  const random = prng(17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paragraphs: string[] = [];
  for (let p = 0; p < 300; p++) paragraphs.push(`${pick(FILLER)}，${pick(NAMES)}${pick(['笑道', '说', '来了', '听了'])}：“${pick(FILLER)}。”${pick(FILLER)}。`);
  // One paragraph with a neighbour of a name that occurs once: not a name of this text.
  paragraphs.push('他们在奥特斯技改项目上谈了很久。');
  return paragraphsDocument(...paragraphs);
}
const index = createSearchIndex(novel());
const words = (query: string): Set<string> => new Set(index.search(query).flatMap((hit) => hit.matches.map(([s, e]) => hit.text.slice(s, e))));

describe('a three-character term with one wrong character', () => {
  it.each([
    ['林黛王', '林黛玉'],
    ['大观圆', '大观园'],
    ['王熙风', '王熙凤'],
    ['贾宝王', '贾宝玉'],
    ['诸葛量', '诸葛亮'],
    ['朱元章', '朱元璋'],
    ['张起陵', '张起灵'],
    ['闷油平', '闷油瓶'],
    ['林代玉', '林黛玉'],
  ])('%s finds every paragraph with %s, as fuzzy hits', (query, meant) => {
    const hits = index.search(query);
    const expected = index.search(meant);
    expect(hits.length).toBe(expected.length);
    expect(hits.every((hit) => hit.tier === 'fuzzy')).toBe(true);
    expect(words(query)).toEqual(new Set([meant]));
  });

  it('ranks a homophone correction above an arbitrary one, and both below exact hits', () => {
    const doc = paragraphsDocument('王熙凤来了。', '王熙龙来了。', '王熙龙走了。', '王熙龙笑了。', '王熙龙哭了。', '王熙风来了。');
    const search = createSearchIndex(doc);
    // The typed form is in the text: only it.
    expect(search.search('王熙风').map((hit) => hit.paragraphId)).toEqual(['s1p6']);
    const other = createSearchIndex(paragraphsDocument('王熙凤来了。', '王熙龙来了。', '王熙龙走了。', '王熙龙笑了。', '王熙龙哭了。'));
    const hits = other.search('王熙封');
    expect(hits[0]!.text).toBe('王熙凤来了。');
    expect(hits.slice(1).every((hit) => hit.text.startsWith('王熙龙'))).toBe(true);
    expect(hits.length).toBe(5);
  });

  it('does not take a common continuation for a name', () => {
    const reading = createSearchIndex(paragraphsDocument(...['小说的', '小说中', '小说里', '小说是'].flatMap((word) => [`这本${word}开头。`, `那本${word}结尾。`, `一本${word}中间。`])));
    expect(reading.search('小说家')).toEqual([]);
    // One of them most of the time: a term of the text, corrected.
    const names = createSearchIndex(paragraphsDocument('王熙龙来了。', '王熙龙走了。', '王熙龙笑了。', '王熙龙哭了。', '王熙的事。'));
    expect(names.search('王熙封').map((hit) => hit.text)).toEqual(['王熙龙来了。', '王熙龙走了。', '王熙龙笑了。', '王熙龙哭了。']);
  });

  it('finds nothing when no near name recurs, and corrects two characters only by a sound-alike', () => {
    expect(index.search('特斯拉')).toEqual([]);
    // 黛玉 recurs, but 王 does not sound like 玉.
    expect(index.search('黛王')).toEqual([]);
    expect(index.search('区块链')).toEqual([]);
  });

  it('corrects a two-character term by a sound-alike the text repeats, below exact hits, and nothing else', () => {
    const doc = paragraphsDocument('刘忠来了。', '刘忠走了。', '刘忠笑了。', '刘宗来过一次。', '刘钟只有两次。', '又是刘钟。', '他们其中有人。', '其中一个。', '其中两个。');
    const search = createSearchIndex(doc);
    // 刘中: 刘忠 (zhong) three times is kept; 刘钟 (zhong) twice and 刘宗 (zong) are not.
    expect(search.search('刘中').map((hit) => hit.text).sort()).toEqual(['刘忠来了。', '刘忠走了。', '刘忠笑了。'].sort());
    expect(search.search('刘中').every((hit) => hit.tier === 'fuzzy')).toBe(true);
    // 其钟: 其中 (zhong), three times.
    expect(search.search('其钟').map((hit) => hit.text).sort()).toEqual(['他们其中有人。', '其中一个。', '其中两个。'].sort());
    // Typed as it is in the text: only those.
    expect(search.search('刘钟').map((hit) => hit.text).sort()).toEqual(['刘钟只有两次。', '又是刘钟。'].sort());
    // 刘红: nothing sounds like 红 after 刘.
    expect(search.search('刘红')).toEqual([]);
  });

  it('does not correct beside a character too common to hold a name, and does beside a name the text repeats', () => {
    const others = '人树水山路家门天风雨';
    const common = Array.from({ length: 200 }, (_, i) => `田里的${others[i % others.length]}，路边的${others[(i + 3) % others.length]}。`);
    const seedlings = Array.from({ length: 20 }, () => '地里的苗长高了。');
    const names = Array.from({ length: 40 }, (_, i) => (i % 8 === 0 ? '韩老说话了。' : '韩立走了过来。'));
    const search = createSearchIndex(paragraphsDocument(...common, ...seedlings, ...names));
    // 的喵: 的苗 (miao) 20 times, among 420 places beside 的.
    expect(search.search('的喵')).toEqual([]);
    // 韩力: 韩立 (li) 35 of the 40 places beside 韩.
    expect(search.search('韩力').length).toBe(35);
  });

  it('gives valid hits for any three characters', () => {
    const chars = [...new Set(NAMES.join('') + '风王圆量章陵平代封')];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 3, maxLength: 3 }), (picked) => {
        expectValid(index.search(picked.join('')));
      }),
      { numRuns: 150 },
    );
  });
});
