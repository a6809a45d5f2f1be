import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { documentOf } from '../../helpers/documents.js';

const interview = parseDocument(readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8'));

// A book of chapters written for the test: heading lines found in the text (offset ≥ 0).
const book = documentOf({
  sections: [
    { title: '第一回　甄士隐梦幻识通灵', paragraphs: ['这一回说的是甄家的事。', '通灵宝玉的来历在此。'] },
    { title: '第二回　贾夫人仙逝扬州城', paragraphs: ['扬州城里有一位夫人。'] },
    { title: '第三回　学而时习之', paragraphs: ['学而不思则罔。'] },
  ],
});
book.title = '石头记选读';
for (const section of book.sections) section.offset = section.index * 100;

describe('headings as hits', () => {
  it('finds the title and chapter headings, as hits of their own kind that open the heading', () => {
    const [title] = createSearchIndex(book).search('石头记');
    expect(title).toMatchObject({ paragraphId: 'title', kind: 'title', section: 0, paragraph: 0, text: '石头记选读' });
    const [heading] = createSearchIndex(book).search('学而时习之');
    expect(heading).toMatchObject({ paragraphId: 's3', kind: 'heading', section: 3, sectionTitle: '第三回　学而时习之', tier: 'exact' });
    expect(heading!.matches).toEqual([[4, 9]]);
  });

  it('lists a heading first when it matches as well as a paragraph', () => {
    const hits = createSearchIndex(book).search('扬州城');
    expect(hits.map((hit) => hit.paragraphId)).toEqual(['s2', 's2p1']);
    const spirit = createSearchIndex(book).search('通灵');
    expect(spirit[0]!.paragraphId).toBe('s1');
    expect(spirit.map((hit) => hit.paragraphId)).toContain('s1p2');
  });

  it('finds headings by pinyin, in traditional characters and with one wrong character', () => {
    expect(createSearchIndex(book).search('xueershixi')[0]?.paragraphId).toBe('s3');
    expect(createSearchIndex(book).search('學而時習之')[0]?.paragraphId).toBe('s3');
    expect(createSearchIndex(book).search('扬州成')[0]?.paragraphId).toBe('s2');
  });

  it('leaves out headings made up for a text without them', () => {
    const plain = documentOf({ sections: [{ title: '今天天气很好', paragraphs: ['今天天气很好，我们去公园。'] }] });
    plain.title = '今天天气很好';
    expect(createSearchIndex(plain).search('天气').map((hit) => hit.paragraphId)).toEqual(['s1p1']);
  });

  it('on the interview: 对话 is only in the original title, and the section headings are found', () => {
    const [hit, ...rest] = createSearchIndex(interview).search('对话');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ paragraphId: 'original-title', kind: 'title' });
    const heading = interview.sections[1]!;
    expect(createSearchIndex(interview).search(heading.title)[0]).toMatchObject({ paragraphId: `s${heading.index}`, kind: 'heading' });
  });
});

describe("a volume's heading", () => {
  it('is a hit of its own, v1, placed at its first chapter, which a reference resolves to the heading', async () => {
    const { resolveRef } = await import('../../../src/core/document/refs.js');
    const { documentBlocks } = await import('../../../src/core/layout/blocks.js');
    const text = ['长河', '第一卷 风起云涌', '第一章 出发', '　　他走了。', '第二章 归来', '　　她来了。', '第二卷 天下太平', '第三章 结局', '　　完了。'].join('\n');
    const doc = parseDocument(text);
    const [hit] = createSearchIndex(doc).search('天下太平');
    expect(hit).toMatchObject({ paragraphId: 'v2', kind: 'heading', section: 3, sectionTitle: '第二卷 天下太平' });
    const target = resolveRef(doc, 'V２');
    expect(target).toMatchObject({ ok: true, ref: 'v2', section: 3, block: 'v2' });
    // The block the hit opens is the volume's heading in the reading flow.
    expect(documentBlocks(doc).find((block) => block.id === 'v2')?.text).toBe('第二卷 天下太平');
    expect(resolveRef(doc, 'v3')).toEqual({ ok: false, message: 'there is no volume 3: the document has volumes 1–2' });
  });
});
