import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchHit } from '../../../src/core/search/index.js';
import { documentOf, paragraphsDocument } from '../../helpers/documents.js';

const ids = (hits: SearchHit[]): string[] => hits.map((hit) => hit.paragraphId);
const shown = (hit: SearchHit): string[] => hit.matches.map(([s, e]) => hit.text.slice(s, e));
const filler = '我市坚持一手抓疫情防控一手抓复工复产打好挖潜能补链条抓创新优服务等组合拳'.repeat(8);

describe('exact tier', () => {
  it('finds a phrase at the very end of a long paragraph', () => {
    const index = createSearchIndex(paragraphsDocument('开头', `${filler}建设提供有力支撑`));
    const [hit] = index.search('建设提供有力支撑');
    expect(hit).toMatchObject({ paragraphId: 's1p2', tier: 'exact' });
    expect(hit!.matches).toEqual([[filler.length, filler.length + 8]]);
  });

  it('ranks the earlier place first past 65,535 units into a paragraph (where a place takes four bytes)', () => {
    const at = (n: number): string => `${'一'.repeat(n)}建设提供有力支撑${'一'.repeat(10)}`;
    const index = createSearchIndex(paragraphsDocument(at(65_600), at(65_000)));
    const hits = index.search('建设提供有力支撑');
    expect(ids(hits)).toEqual(['s1p2', 's1p1']);
    expect(hits[1]!.matches).toEqual([[65_600, 65_608]]);
  });

  it('does not let a 2-character query match one of its characters', () => {
    const index = createSearchIndex(paragraphsDocument(`${filler}芯`, `${filler}片`, '存储芯片'));
    expect(ids(index.search('芯片'))).toEqual(['s1p3']);
  });

  it('ranks more occurrences first, then the earlier position, then document order', () => {
    const index = createSearchIndex(paragraphsDocument('后面才有智能', '智能和智能', '智能在前', '这里智能', '智能在前'));
    expect(ids(index.search('智能'))).toEqual(['s1p2', 's1p3', 's1p5', 's1p4', 's1p1']);
  });

  it('ranks exact matches above fuzzy ones and does not fuzzy-match when exact ones exist', () => {
    const index = createSearchIndex(paragraphsDocument('集成电略', '集成电路'));
    expect(index.search('集成电路').map((hit) => [hit.paragraphId, hit.tier])).toEqual([['s1p2', 'exact']]);
  });

  it('folds case and full-width forms both ways and maps ranges onto the original text', () => {
    const index = createSearchIndex(paragraphsDocument('英特尔ＦＰＧＡ创新中心', '积极拓展5G、新型智能终端', '累计28家,约占４０％'));
    for (const query of ['fpga', 'FPGA', 'ＦＰＧＡ', 'Fpga']) {
      const [hit] = index.search(query);
      expect(shown(hit!)).toEqual(['ＦＰＧＡ']);
    }
    expect(ids(index.search('５Ｇ'))).toEqual(['s1p2']);
    expect(ids(index.search('5g'))).toEqual(['s1p2']);
    expect(shown(index.search('40%')[0]!)).toEqual(['４０％']);
    expect(ids(index.search('28家'))).toEqual(['s1p3']);
  });

  it('maps ranges past characters that fold to nothing or to several', () => {
    const index = createSearchIndex(paragraphsDocument('前言\u200b①号文件规定集成电路'));
    expect(shown(index.search('集成电路')[0]!)).toEqual(['集成电路']);
    expect(shown(index.search('1号')[0]!)).toEqual(['①号']);
  });

  it('treats special characters as literal text', () => {
    const index = createSearchIndex(paragraphsDocument('占比40%以上', 'a|b 或 c', '价格^2与$5', '全部文字', '引号"内容"'));
    expect(ids(index.search('40%'))).toEqual(['s1p1']);
    expect(ids(index.search('a|b'))).toEqual(['s1p2']);
    expect(ids(index.search('^2'))).toEqual(['s1p3']);
    expect(ids(index.search('$5'))).toEqual(['s1p3']);
    expect(ids(index.search('"内容"'))).toEqual(['s1p5']);
    expect(ids(index.search('^'))).toEqual(['s1p3']);
    expect(ids(index.search('|'))).toEqual(['s1p2']);
    // With fuse.js extended search these would be operators matching everything or nothing.
    for (const query of ['!全部文字', "'全部文字", '=全部文字', '全部文字$', '^全部', '全|部', '"全部文字"', "'", '.*', '!']) expect(ids(index.search(query))).toEqual([]);
  });
});

describe('multiple terms', () => {
  const doc = paragraphsDocument('电子信息产业人才队伍不断壮大', '人才引进', '电子产品', '人才和电子都有');

  it.each(['电子 人才', '人才 电子', '电子\u3000人才', '  电子   人才  '])('requires every term of %j, in any order', (query) => {
    expect(ids(createSearchIndex(doc).search(query)).sort()).toEqual(['s1p1', 's1p4']);
  });

  it('highlights every term', () => {
    const [hit] = createSearchIndex(doc).search('人才 电子');
    expect(shown(hit!)).toEqual(['电子', '人才']);
  });

  it('matches each term by any tier', () => {
    const index = createSearchIndex(paragraphsDocument('重庆的集成电路产业', '重庆的产业'));
    expect(index.search('chongqing 集成电略').map((hit) => [hit.paragraphId, hit.tier])).toEqual([['s1p1', 'fuzzy']]);
  });

  it('returns nothing when one term matches nothing', () => {
    expect(createSearchIndex(doc).search('电子 北京')).toEqual([]);
  });
});

describe('fuzzy tier', () => {
  const index = createSearchIndex(paragraphsDocument('累计建成数字化车间和智能工厂28家', '我市集成电路产业快速起步', '人、智能和机器', `${filler}推动企稳回升`));

  it.each([
    ['集成电略', 's1p2', '集成电路'],
    ['智能工场', 's1p1', '智能工厂'],
    ['数字化车问', 's1p1', '数字化车间'],
    ['集电路', 's1p2', '集成电路'],
    ['推动企稳回生', 's1p4', '推动企稳回升'],
  ])('finds %s in %s', (query, id, text) => {
    const hits = index.search(query);
    expect(hits.map((hit) => [hit.paragraphId, hit.tier])).toEqual([[id, 'fuzzy']]);
    expect(shown(hits[0]!)).toEqual([text]);
  });

  it.each(['人工智能', '特斯拉', '智能手表', '芯片'])('finds nothing absurd for %s', (query) => {
    expect(index.search(query)).toEqual([]);
  });
});

describe('traditional characters', () => {
  const index = createSearchIndex(paragraphsDocument('笔电、手机仍有需求', '我市集成电路产业', '电子信息产业作为支柱', '軟體開發', '软件开发'));

  it.each([
    ['筆電', 's1p1', '笔电'],
    ['積體電路', 's1p2', '集成电路'],
    ['電子信息產業', 's1p3', '电子信息产业'],
  ])('finds %s as simplified text', (query, id, text) => {
    const [hit] = index.search(query);
    expect(hit).toMatchObject({ paragraphId: id, tier: 'exact' });
    expect(shown(hit!)).toEqual([text]);
  });

  it('searches the original alongside the conversion and ranks the original first', () => {
    expect(ids(index.search('軟體'))).toEqual(['s1p4', 's1p5']);
  });
});

describe('pinyin tier', () => {
  const index = createSearchIndex(paragraphsDocument('做好SK海力士存储芯片封测', '重庆日报记者采访了市经信委', '我市集成电路产业', '英特尔FPGA创新中心', '集成和电路分开'));

  it.each([
    ['jichengdianlu', 's1p3', '集成电路'],
    ['jcdl', 's1p3', '集成电路'],
    ['chongqing', 's1p2', '重庆'],
    ['chong2qing4', 's1p2', '重庆'],
    ['ji2cheng2 dian4lu4', 's1p3', '集成电路'],
    ['cqrb', 's1p2', '重庆日报'],
    ['hailishi', 's1p1', '海力士'],
  ])('reads %s', (query, id, text) => {
    const [hit] = index.search(query);
    expect(hit).toMatchObject({ paragraphId: id, tier: 'pinyin' });
    expect(shown(hit!)).toEqual([text]);
  });

  it('takes polyphones from context', () => {
    expect(index.search('zhongqing')).toEqual([]);
  });

  it('reads a space as a syllable gap first and as a term separator second', () => {
    const hits = index.search('jicheng dianlu');
    expect(ids(hits)).toEqual(['s1p3', 's1p5']);
    expect(hits[0]!.score).toBeLessThan(hits[1]!.score);
    expect(shown(hits[1]!)).toEqual(['集成', '电路']);
  });

  it('ranks Latin text matched exactly above pinyin readings', () => {
    const hits = createSearchIndex(paragraphsDocument('富士康的产线', 'SK海力士')).search('sk');
    expect(hits.map((hit) => [hit.paragraphId, hit.tier])[0]).toEqual(['s1p2', 'exact']);
  });

  it('keeps initials to whole words, checking only the hits it returns', () => {
    const words = createSearchIndex(paragraphsDocument('巩固现有智能终端产业', '现有智慧', '智能终端'));
    expect(words.search('xyz')).toEqual([]);
    expect(ids(words.search('znzd'))).toEqual(['s1p3', 's1p1']);
    expect(ids(words.search('znzd', { limit: 1 }))).toEqual(['s1p3']);
  });

  it('finds nothing for letters that read as nothing', () => {
    for (const query of ['qwerty', 'xyz', 'beijing', 'zzzz']) expect(index.search(query)).toEqual([]);
  });
});

describe('hits', () => {
  const doc = documentOf({
    lead: ['重庆日报消息,电子信息产业作为我市重要支柱产业之一'],
    sections: [{ title: '累计建成数字化车间', paragraphs: [{ text: '推动电子信息产业高质量发展', speaker: '重庆日报' }, { text: '电子信息产业持续发展', speaker: '刘忠' }] }],
  });

  it('carry the paragraph, section, speaker, tier, score and text', () => {
    const hits = createSearchIndex(doc).search('电子信息产业');
    expect(hits[0]).toEqual({
      paragraphId: 's1p2',
      section: 1,
      sectionTitle: '累计建成数字化车间',
      paragraph: 2,
      speaker: '刘忠',
      score: hits[0]!.score,
      tier: 'exact',
      text: '电子信息产业持续发展',
      matches: [[0, 6]],
    });
    expect(hits.find((hit) => hit.section === 0)).toMatchObject({ paragraphId: 's0p1', sectionTitle: '测试文档', paragraph: 1 });
    expect(hits.find((hit) => hit.section === 0)).not.toHaveProperty('speaker');
  });

  it('respect the limit and keep the best first', () => {
    const index = createSearchIndex(doc);
    const all = index.search('电子');
    expect(all).toHaveLength(3);
    expect(index.search('电子', { limit: 2 })).toEqual(all.slice(0, 2));
    expect(index.search('电子', { limit: 0 })).toEqual([]);
    expect(index.search('电子', { limit: Number.NaN })).toEqual(all);
  });

  it.each(['', ' ', '\u3000\u3000', '\t\n'])('are none for the blank query %j', (query) => {
    expect(createSearchIndex(doc).search(query)).toEqual([]);
  });

  it('survive a 10,000-character paste and lone surrogates', () => {
    const index = createSearchIndex(doc);
    const unrelated = '今天天气很好我们去公园散步 '.repeat(800).slice(0, 10_000);
    expect(index.search(unrelated)).toEqual([]);
    const unspaced = '电子信息产业作为我市重要支柱产业之一'.repeat(600).slice(0, 10_000);
    expect(index.search(unspaced)).toEqual([]);
    const spaced = '电子信息产业作为我市重要支柱产业之一 '.repeat(600).slice(0, 10_000);
    expect(ids(index.search(spaced))).toEqual(['s0p1']);
    expect(index.search('\ud800')).toEqual([]);
    expect(ids(index.search('电子\udc00信息'))).toHaveLength(3);
  });
});

describe('searchAsync', () => {
  const doc = paragraphsDocument(...Array.from({ length: 400 }, (_, i) => `${filler}第${i}段集成电路`));

  it('gives the same hits as search', async () => {
    const index = createSearchIndex(doc);
    const expected = createSearchIndex(doc).search('jcdl', { limit: 5 });
    expect(await index.searchAsync('jcdl', { limit: 5 })).toEqual(expected);
  });

  it('drops a search whose signal is aborted, and the next search still works', async () => {
    const index = createSearchIndex(doc);
    const stale = new AbortController();
    const pending = index.searchAsync('jichengdianlu', { signal: stale.signal });
    stale.abort();
    await expect(pending).rejects.toThrow();
    expect(await index.searchAsync('jichengdianlu', { limit: 1 })).toHaveLength(1);
  });

  it('prepares lazy parts in the background without changing results', async () => {
    const index = createSearchIndex(doc);
    const aborted = new AbortController();
    const early = index.prepare({ signal: aborted.signal });
    aborted.abort();
    await expect(early).rejects.toThrow();
    await index.prepare();
    expect(index.search('jcdl 集成电略', { limit: 3 })).toEqual(createSearchIndex(doc).search('jcdl 集成电略', { limit: 3 }));
  });
});
