import { describe, expect, it } from 'vitest';
import { withoutHtmlResidue } from '../../../src/core/document/html-residue.js';
import { parseDocument } from '../../../src/core/document/parse.js';

const scraped = (paragraphs: string[]) => paragraphs.map((text) => `&nbsp;&nbsp;&nbsp;&nbsp;${text}<br /><br />`).join('\n');

describe('withoutHtmlResidue', () => {
  it("reads a scraped page's spaces, breaks and entities as the page showed them", () => {
    const text = scraped(['他走了。', '&ldquo;走吧。&rdquo;她说&hellip;', '三&mdash;四&#12288;五&#x4e00;']);
    expect(withoutHtmlResidue(text)).toBe('    他走了。\n\n\n    “走吧。”她说…\n\n\n    三—四　五一\n\n');
  });

  it('breaks lines at every spelling of <br> and at <p> and </p>', () => {
    const lines = ['甲<br>乙', '丙<BR/>丁', '戊<br  />己', '<p>庚</p>', '辛<Br>'];
    expect(withoutHtmlResidue(lines.join('\n'))).toBe('甲\n乙\n丙\n丁\n戊\n己\n\n庚\n\n辛\n');
  });

  it('leaves a text that mentions markup now and then as it is', () => {
    const text = ['在 HTML 里换行写 <br>，空格写 &nbsp;。', ...Array.from({ length: 20 }, (_, i) => `第${i}行没有任何标记，只是普通的句子。`), 'R&D 部门。'].join('\n');
    expect(withoutHtmlResidue(text)).toBe(text);
    expect(withoutHtmlResidue('没有标记的文字。')).toBe('没有标记的文字。');
  });

  it('decodes strictly and keeps what an entity makes safe for a terminal', () => {
    const text = scraped(['版权&copy 所有', '转义&#27;[31m红', '反向&#8238;文字', '&amp;&lt;b&gt;']);
    const out = withoutHtmlResidue(text);
    expect(out).toContain('版权&copy 所有');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('␛[31m红');
    expect(out).not.toContain('\u202e');
    expect(out).toContain('&<b>');
  });
});

describe('a scraped novel', () => {
  it('has its chapters, its paragraphs apart and no markup', () => {
    const chapter = (n: number) => [`第${n}章 出发${n}<br />`, scraped([`他走了很久，终于在第${n}天到了那座城。`, '城门口站着一个人，&ldquo;你来了。&rdquo;'])];
    const doc = parseDocument(['某书', '', ...chapter(1), ...chapter(2), ...chapter(3)].join('\n'));
    expect(doc.sections.map((section) => section.title)).toEqual(['第1章 出发1', '第2章 出发2', '第3章 出发3']);
    expect(doc.sections[0]!.paragraphs.map((paragraph) => paragraph.text)).toEqual(['他走了很久，终于在第1天到了那座城。', '城门口站着一个人，“你来了。”']);
    expect(doc.source).not.toMatch(/&[a-z]+;|<br/u);
  });
});
