import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/core/document/markdown/parse.js';
import { outlineOf } from '../../../src/core/document/outline.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import type { Paragraph } from '../../../src/core/document/types.js';

const marked = (p: Paragraph | undefined, kind: string) => (p?.marks ?? []).filter((m) => m.kind === kind).map((m) => p?.text.slice(m.start, m.end));

describe('front matter and title', () => {
  it('takes title, author and date from the front matter and never shows it as text', () => {
    const doc = parseMarkdown('---\ntitle: 台北散记\nauthor: [林某, 王某]\ndate: 2024-05-01\ntags:\n  - taipei\n---\n\n# 台北散记\n\n正文一段。\n');
    expect(doc).toMatchObject({ title: '台北散记', author: '林某、王某', date: '2024-05-01', format: 'markdown' });
    const texts = allParagraphs(doc).map((p) => p.text);
    expect(texts).toEqual(['正文一段。']);
    expect(doc.sections.map((s) => s.title)).not.toContain('- taipei');
  });

  it('reads TOML front matter (+++, as Hugo writes it) alike', () => {
    const doc = parseMarkdown('+++\ntitle = "谈读书"\nauthor = ["林某", "王某"]\ndate = 2020-01-01\n+++\n\n读书是快乐的事。\n\n## 一、为什么\n\n因为。\n');
    expect(doc).toMatchObject({ title: '谈读书', author: '林某、王某', date: '2020-01-01' });
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['读书是快乐的事。', '因为。']);
    expect(parseMarkdown('+++\ntitle = \n+++\n\n正文。\n').title).toBe('正文');
  });

  it('ignores front matter that does not parse, without losing the text below it', () => {
    const doc = parseMarkdown('---\ntitle: [unclosed\n---\n\n正文。\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文。']);
    // Without a title anywhere, the first words up to the first pause, as for plain text.
    expect(doc.title).toBe('正文');
  });

  it('makes a lone first # the title and nests ## and ### under it from depth 1', () => {
    const doc = parseMarkdown('# 标题\n\n导语。\n\n## 一\n\n甲。\n\n### 一之一\n\n乙。\n\n## 二\n\n丙。\n');
    expect(doc.title).toBe('标题');
    expect(doc.lead.map((p) => p.text)).toEqual(['导语。']);
    expect(doc.sections.map((s) => [s.title, s.depth ?? 1])).toEqual([['一', 1], ['一之一', 2], ['二', 1]]);
    expect(outlineOf(doc).map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([['一', ['一之一']], ['二', []]]);
  });

  it("takes the file's name for the title when the headings are a book's chapters (# 第一章 … # 第二章)", () => {
    const book = '# 第一章 起\n\n甲。\n\n# 第二章 承\n\n乙。\n';
    expect(parseMarkdown(book, { name: '/books/长河.md' }).title).toBe('长河');
    expect(parseMarkdown(book, { name: '/books/长河.md' }).sections.map((s) => s.title)).toEqual(['第一章 起', '第二章 承']);
    expect(parseMarkdown(book.replace(/^# /gmu, '## '), { name: '长河.md' }).title).toBe('长河');
    // Without a name, the first heading still; a heading that is not a chapter's names the text.
    expect(parseMarkdown(book).title).toBe('第一章 起');
    expect(parseMarkdown('# 谈读书\n\n甲。\n\n# 谈写作\n\n乙。\n', { name: 'essays.md' }).title).toBe('谈读书');
  });

  it('reads lines each indented as a TXT indents them as paragraphs, though Markdown joins them', () => {
    const line = (n: number) => `他走在山路上，想着昨天的事情${'，心里很不平静'.repeat(n)}。`;
    const source = `# 题\n\n　　${line(1)}\n　　**${line(2)}**\n　　${line(1)}\n\n${line(1)}\n${line(1)}\n`;
    const doc = parseMarkdown(source);
    const paragraphs = allParagraphs(doc);
    expect(paragraphs.map((p) => p.text)).toEqual([line(1), line(2), line(1), `${line(1)}${line(1)}`]);
    expect(paragraphs[1]?.marks).toEqual([{ kind: 'strong', start: 0, end: line(2).length }]);
    // Each starts where its line does.
    for (const p of paragraphs.slice(0, 3)) expect(source.slice(p.offset).replace(/^[\u3000*]+/u, '').startsWith(p.text.slice(0, 5))).toBe(true);
    // Short indented lines (a poem's) stay one paragraph.
    expect(allParagraphs(parseMarkdown('# 题\n\n　　床前明月光，\n　　疑是地上霜。\n')).map((p) => p.text)).toHaveLength(1);
  });

  it('keeps every # as a section when there are several, the first naming the document', () => {
    const doc = parseMarkdown('# 第一章\n\n甲。\n\n# 第二章\n\n乙。\n');
    expect(doc.title).toBe('第一章');
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章', '第二章']);
  });

  it('reads a text without headings as one untitled-heading section, as plain text does', () => {
    const doc = parseMarkdown('只有一段，没有标题。\n\n第二段。\n');
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]?.offset).toBe(-1);
    expect(doc.sections[0]?.paragraphs.map((p) => p.id)).toEqual(['s1p1', 's1p2']);
  });

  it('titles a text with neither front matter nor headings by its file name, as plain text does', () => {
    expect(parseMarkdown('只有一段，没有标题。\n', { name: '/notes/春日札记.md' }).title).toBe('春日札记');
    expect(parseMarkdown('只有一段，没有标题。\n').title).toBe('只有一段');
    expect(parseMarkdown('# 标题\n\n正文。\n', { name: 'x.md' }).title).toBe('标题');
  });

  it('finds chapters by the book rules in a text without # headings (a novel saved as Markdown)', () => {
    const chapters = [1, 2, 3, 4].map((c) => `第${c}章 章名${c}\n\n他走了很远的路，第${c}次停下来。\n\n天黑了。`).join('\n\n');
    const doc = parseMarkdown(`前面的一段话。\n\n${chapters}\n`);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3', '第4章 章名4']);
    expect(doc.sections.map((s) => s.paragraphs.length)).toEqual([2, 2, 2, 2]);
    expect(doc.lead.map((p) => p.text)).toEqual(['前面的一段话。']);
    for (const section of doc.sections) expect(doc.source.slice(section.offset, section.offset + section.title.length)).toBe(section.title);
  });

  it('finds those chapters with footnotes, quotes, lists and rules about, never taking them for headings', () => {
    const chapters = [1, 2, 3, 4].map((c) => `第${c}章 章名${c}\n\n他走了很远的路[^${c}]。\n\n> 第${c}回 引文\n\n- 第${c}节 列项\n\n* * *`).join('\n\n');
    const notes = [1, 2, 3, 4].map((c) => `[^${c}]: 注${c}`).join('\n');
    const doc = parseMarkdown(`${chapters}\n\n${notes}\n`);
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章 章名1', '第2章 章名2', '第3章 章名3', '第4章 章名4']);
    expect(doc.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['他走了很远的路[1]。', '第1回 引文', '第1节 列项', '']);
  });

  it('parts a long text without headings by position, as plain text does, each part titled by its first words', () => {
    const paragraph = (i: number) => `第${i}段：${'字'.repeat(200)}。`;
    const doc = parseMarkdown(Array.from({ length: 100 }, (_, i) => paragraph(i + 1)).join('\n\n'));
    expect(doc.sections.length).toBeGreaterThan(2);
    expect(doc.sections.every((s) => s.generated === true && s.offset === -1)).toBe(true);
    expect(doc.sections[1]!.title).toBe(doc.sections[1]!.paragraphs[0]!.text.split('：')[0]);
    expect(allParagraphs(doc)).toHaveLength(100);
  });
});

describe('inline', () => {
  it('marks strong, emphasis, strike and code on the plain text, and joins soft breaks between Chinese characters', () => {
    const doc = parseMarkdown('前面**重点**和*强调*，~~删去~~与`code x`。\n第二行 English\nword\n');
    const p = doc.sections[0]?.paragraphs[0];
    expect(p?.text).toBe('前面重点和强调，删去与code x。第二行 English word');
    expect(marked(p, 'strong')).toEqual(['重点']);
    expect(marked(p, 'emphasis')).toEqual(['强调']);
    expect(marked(p, 'strike')).toEqual(['删去']);
    expect(marked(p, 'code')).toEqual(['code x']);
  });

  it('shows a link as its text with the address after it, once for an autolink', () => {
    const doc = parseMarkdown('见[官网](https://example.com/a)与 <https://example.org> 和[内部](#x)。\n');
    const p = doc.sections[0]?.paragraphs[0];
    expect(p?.text).toBe('见官网 (https://example.com/a)与 https://example.org 和内部。');
    expect(marked(p, 'link')).toEqual(['官网', 'https://example.org', '内部']);
    expect(marked(p, 'url')).toEqual(['(https://example.com/a)']);
    expect(p?.marks?.find((m) => m.kind === 'link')?.url).toBe('https://example.com/a');
  });

  it('puts images as placeholders and drops HTML tags, keeping their text', () => {
    const doc = parseMarkdown('![地图](map.png) 和 ![](x.png)\n\n<u>下划线</u>与<span style="color:red">红字</span><br>次行\n\n<div align="center">\n<b>居中</b> &amp; 好\n</div>\n\n<!-- 注释 -->\n');
    const texts = allParagraphs(doc).map((p) => p.text);
    expect(texts).toEqual(['［图：地图］ 和 ［图］', '下划线与红字\n次行', '居中 & 好']);
    expect(texts.join('')).not.toMatch(/[<>]/u);
  });

  it("reads a figure of one image as one placeholder its caption names, and skips a lazy page's stand-ins (知乎)", () => {
    const zhihu =
      '<figure data-size="normal"><noscript><img src="https://pic1.zhimg.com/v2-abc.jpg"/></noscript>' +
      '<img src="data:image/svg+xml;utf8,&lt;svg xmlns=&#39;http://www.w3.org/2000/svg&#39;&gt;&lt;/svg&gt;" class="lazy"/><figcaption>朝天门夜景</figcaption></figure>';
    const texts = (source: string) => allParagraphs(parseMarkdown(`# 题\n\n${source}\n\n正文。\n`)).map((p) => p.text);
    expect(texts(zhihu)).toEqual(['［图：朝天门夜景］', '正文。']);
    // An alt of its own is the image's name; the caption stays under it. Two images keep theirs.
    expect(texts('<figure><img src="a.png" alt="地图"><figcaption>图1 重庆地图</figcaption></figure>')).toEqual(['［图：地图］\n图1 重庆地图', '正文。']);
    expect(texts('<figure><img src="a.png"><img src="b.png"><figcaption>两张图</figcaption></figure>')).toEqual(['［图］［图］\n两张图', '正文。']);
    expect(texts('<p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="> 像素</p>')).toEqual(['像素', '正文。']);
  });

  it("shows a video or a sound as a placeholder, never its fallback words, and a video site's player as a video", () => {
    const texts = (source: string) => allParagraphs(parseMarkdown(`# 题\n\n${source}\n\n正文。\n`)).map((p) => p.text);
    expect(texts('<video src="a.mp4" controls>不支持视频</video>')).toEqual(['［视频］', '正文。']);
    expect(texts('看<audio src="a.mp3">不支持</audio>这首。')).toEqual(['看［音频］这首。', '正文。']);
    expect(texts('<video controls>\n<source src="a.mp4">\n不支持视频\n</video>')).toEqual(['［视频］', '正文。']);
    expect(texts('<iframe src="//player.bilibili.com/player.html?bvid=BV1"></iframe>')).toEqual(['［视频］', '正文。']);
    expect(texts('<iframe src="https://example.com/widget">框架</iframe>')).toEqual(['正文。']);
    // One left open ends with its paragraph.
    expect(texts('看<video src="a.mp4">这段')).toEqual(['看［视频］', '正文。']);
  });

  it('starts a line after an HTML block closes: a folded <details> reads as its summary, then what it hides', () => {
    const doc = parseMarkdown('<details><summary>展开</summary>隐藏的内容</details>\n\n<table><tr><td>甲</td><td>乙</td></tr></table>\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['展开\n隐藏的内容', '甲 | 乙']);
  });

  it('reads a table written in HTML as a table: a header when it has <th> or <thead>, none when only <td>', () => {
    const tables = (html: string) => allParagraphs(parseMarkdown(`前文。\n\n${html}\n\n尾。\n`)).map((p) => [p.text, p.form, p.table?.rows, p.table?.headerless]);
    expect(tables('<table>\n<tr><th>名称</th><th>数量</th></tr>\n<tr><td>苹果</td><td>3</td></tr>\n</table>')).toEqual([
      ['前文。', undefined, undefined, undefined],
      ['名称 | 数量\n苹果 | 3', 'table', [['名称', '数量'], ['苹果', '3']], undefined],
      ['尾。', undefined, undefined, undefined],
    ]);
    expect(tables('<table><thead><tr><td>名称</td></tr></thead><tr><td>苹果</td></tr></table>')[1]?.[3]).toBeUndefined();
    expect(tables('<table><tr><td>苹果</td><td>3</td></tr><tr><td>香蕉</td><td>5</td></tr></table>')[1]).toEqual(['苹果 | 3\n香蕉 | 5', 'table', [['苹果', '3'], ['香蕉', '5']], true]);
  });

  it('numbers footnote references in order and lists the notes at the end of the section that refers to them', () => {
    const doc = parseMarkdown('## 一\n\n甲[^b]。\n\n乙。\n\n## 二\n\n丙[^a]。\n\n[^a]: 注甲\n[^b]: 注乙\n');
    const [one, two] = doc.sections;
    expect(one?.paragraphs.map((p) => [p.text, p.form, p.list?.marker])).toEqual([['甲[1]。', undefined, undefined], ['乙。', undefined, undefined], ['注乙', 'note', '[1]']]);
    expect(two?.paragraphs.map((p) => [p.text, p.form, p.list?.marker])).toEqual([['丙[2]。', undefined, undefined], ['注甲', 'note', '[2]']]);
  });
});

describe('blocks', () => {
  it('gives list items their markers and depths, and later paragraphs of an item no marker', () => {
    const doc = parseMarkdown('- 甲\n- 乙\n  - 子\n\n  续段\n3. 三\n4. 四\n- [x] 完成\n- [ ] 未完\n');
    const items = allParagraphs(doc).map((p) => [p.text, p.list?.marker, p.list?.depth]);
    expect(items).toEqual([
      ['甲', '•', 1],
      ['乙', '•', 1],
      ['子', '◦', 2],
      ['续段', '', 1],
      ['三', '3.', 1],
      ['四', '4.', 1],
      ['完成', '☑', 1],
      ['未完', '☐', 1],
    ]);
  });

  it('keeps quotes, code, tables and rules as their own forms', () => {
    const doc = parseMarkdown('> 引用\n> > 再引\n\n```\n  缩进 保留\nline2\n```\n\n| 名称 | 价格 |\n|:--|--:|\n| 苹果 | 5元 |\n\n***\n');
    const ps = allParagraphs(doc);
    expect(ps.map((p) => [p.text, p.quote, p.form])).toEqual([
      ['引用', 1, undefined],
      ['再引', 2, undefined],
      ['  缩进 保留\nline2', undefined, 'code'],
      ['名称 | 价格\n苹果 | 5元', undefined, 'table'],
      ['', undefined, 'rule'],
    ]);
    expect(ps[3]?.table).toEqual({ rows: [['名称', '价格'], ['苹果', '5元']], align: ['left', 'right'] });
  });

  it('points every paragraph and heading at its place in the source', () => {
    const source = '# 题\n\n## 节\n\n- 项目\n\n> 引文\n\n正文**粗**。\n';
    const doc = parseMarkdown(source);
    expect(source.slice(doc.sections[0]?.offset)).toMatch(/^## 节/u);
    // A paragraph's offset is where its own text starts, inside its list item or quote.
    for (const p of allParagraphs(doc)) expect(source.slice(p.offset).startsWith(p.text.slice(0, 1))).toBe(true);
  });
});

describe('notes written in Obsidian', () => {
  it('shows a wiki link as its name (or alias) and an embed as a placeholder, in text and headings', () => {
    const doc = parseMarkdown('# 读[[红楼梦|红楼]]\n\n今天读了[[红楼梦]]，还有[[三国演义|三国]]和[[水浒传#第一回]]。\n\n![[封面.png]]\n\n## [[第一回]]\n\n正文。\n');
    expect(doc.title).toBe('读红楼');
    const [first, image] = allParagraphs(doc);
    expect(first?.text).toBe('今天读了红楼梦，还有三国和水浒传。');
    expect(marked(first, 'link')).toEqual(['红楼梦', '三国', '水浒传']);
    expect(image?.text).toBe('［图：封面.png］');
    expect(doc.sections.map((s) => s.title)).toEqual(['第一回']);
  });

  it('shows ==highlighted== text without its marks, marked, and leaves a == b and code alone', () => {
    const doc = parseMarkdown('这是==重点内容==，还有==[[红楼梦]]==和**==加粗==**。\n\n若 a == b 则成立，`==代码==`不变。\n');
    const [first, second] = allParagraphs(doc);
    expect(first?.text).toBe('这是重点内容，还有红楼梦和加粗。');
    expect(marked(first, 'highlight')).toEqual(['重点内容', '红楼梦', '加粗']);
    expect(marked(first, 'link')).toEqual(['红楼梦']);
    expect(second?.text).toBe('若 a == b 则成立，==代码==不变。');
    expect(marked(second, 'highlight')).toEqual([]);
  });

  it('shows a callout\'s title (or its kind) as the quote\'s first line, bold, and its text below', () => {
    const doc = parseMarkdown('> [!note] 提示\n> 这是一个提示。\n\n> [!WARNING]\n> 小心。\n\n> [!tip]- 收起的标题\n');
    const quoted = allParagraphs(doc).map((p) => [p.text, p.quote, marked(p, 'strong').length > 0]);
    expect(quoted).toEqual([
      ['提示', 1, true],
      ['这是一个提示。', 1, false],
      ['警告', 1, true],
      ['小心。', 1, false],
      ['收起的标题', 1, true],
    ]);
    // A kind is named in Chinese in a text written in Chinese, in capitals in any other (or when it is not a known kind).
    const strong = (markdown: string) => allParagraphs(parseMarkdown(markdown)).filter((p) => marked(p, 'strong').length > 0).map((p) => p.text);
    expect(strong('> [!TIP]\n> 中文提示。\n\n> [!NOTE]\n> 说明。\n\n> [!custom]\n> 自定义。\n')).toEqual(['提示', '注', 'CUSTOM']);
    expect(strong('# Notes\n\n> [!TIP]\n> A tip about the project, in English.\n\n> [!WARNING]\n> 小心 is a word.\n')).toEqual(['TIP', 'WARNING']);
  });

  it('hides comments (%%…%%) inline and over paragraphs, but not a stray %% that nothing closes', () => {
    const doc = parseMarkdown('# 笔记\n\n甲%%批注%%乙。\n\n%%\n整段批注\n\n第二段批注\n%%\n\n正文。\n\n%%一行批注%%\n\n末。\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['甲乙。', '正文。', '末。']);
    const stray = parseMarkdown('# 笔记\n\n%%d 是格式符。\n\n下一段。\n');
    expect(allParagraphs(stray).map((p) => p.text)).toEqual(['%%d 是格式符。', '下一段。']);
  });
});

describe('what real files hold', () => {
  it('hides TOML front matter too, and shows HTML images as placeholders', () => {
    const doc = parseMarkdown('+++\ntitle = "x"\n+++\n\n正文<img src="a.png" alt="示意图">。\n\n<p align="center"><img src="b.png" alt="封面"></p>\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文［图：示意图］。', '［图：封面］']);
  });
});

describe('emphasis in Chinese', () => {
  it('closes ** and ~~ next to Chinese punctuation, where plain CommonMark leaves them as text', () => {
    const doc = parseMarkdown('**该星号会被识别。**这是后文。~~删去（括号）~~后文。\n\n**1、WebGPU 线下沙龙**\n');
    const [first, second] = allParagraphs(doc);
    expect(first?.text).toBe('该星号会被识别。这是后文。删去（括号）后文。');
    expect(marked(first, 'strong')).toEqual(['该星号会被识别。']);
    expect(marked(first, 'strike')).toEqual(['删去（括号）']);
    expect(marked(second, 'strong')).toEqual(['1、WebGPU 线下沙龙']);
  });
});

describe('paragraphs as data', () => {
  it('give their reference and kind when read and when written as JSON, like a text file\'s', () => {
    const doc = parseMarkdown('# 书名\n\n前言一段。\n\n## 第一章\n\n正文**一**段。\n');
    const [lead, body] = allParagraphs(doc);
    expect([lead?.id, lead?.kind, body?.id, body?.kind]).toEqual(['s0p1', 'lead', 's1p1', 'plain']);
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      id: 's1p1',
      section: 1,
      index: 1,
      kind: 'plain',
      text: '正文一段。',
      offset: body?.offset,
      marks: [{ kind: 'strong', start: 2, end: 3 }],
    });
  });
});

describe('what editors write besides Markdown', () => {
  it('drops a paragraph that only asks for a table of contents, whatever the editor writes', () => {
    for (const directive of ['[TOC]', '[toc]', '[[toc]]', '[[_TOC_]]', '@[toc](目录)', '${toc}']) {
      const doc = parseMarkdown(`# 题\n\n${directive}\n\n## 一\n\n正文。\n`);
      expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文。']);
    }
    const kept = parseMarkdown('# 题\n\n## 一\n\n写上 [TOC] 就有目录。\n');
    expect(allParagraphs(kept).map((p) => p.text)).toEqual(['写上 [TOC] 就有目录。']);
  });

  it("leaves out a static site's template tags on lines of their own, keeping what they wrap; an image tag is an image", () => {
    const doc = parseMarkdown('# 题\n\n{% note info %}\n标签里的话。\n{% endnote %}\n\n{% asset_img cover.png 封面图 %}\n\n{%- raw -%}\n原样。\n{% endraw %}\n\n正文说 {% 不是标签 %} 也行。\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['标签里的话。', '［图：封面图］', '原样。', '正文说 {% 不是标签 %} 也行。']);
  });

  it("leaves out Hugo's shortcodes alike, keeping what a pair wraps; a figure is an image; a template's {{ }} stays", () => {
    const doc = parseMarkdown(
      '# 题\n\n{{< figure src="/img/a.jpg" title="千厮门大桥" >}}\n\n{{% notice tip %}}\n夜景最好看。\n{{% /notice %}}\n\n见{{< ref "other.md" >}}一文。\n\n{{< figure src="b.png" >}}\n\n写作 {{ 变量 }} 的模板。\n',
    );
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['［图：千厮门大桥］', '夜景最好看。', '见一文。', '［图］', '写作 {{ 变量 }} 的模板。']);
  });

  it('gives the day of a date and time in the front matter, as written (Hexo writes the time too)', () => {
    expect(parseMarkdown('---\ntitle: 桥\ndate: 2023-05-01 23:30:00\n---\n\n正文。\n').date).toBe('2023-05-01');
    expect(parseMarkdown('---\ntitle: 桥\ndate: 2023-05-01T01:00:00+08:00\n---\n\n正文。\n').date).toBe('2023-05-01');
    expect(parseMarkdown('---\ntitle: 桥\ndate: 2023年5月\n---\n\n正文。\n').date).toBe('2023年5月');
  });

  it('shows a $$ math block as written, and leaves single dollars as text', () => {
    const doc = parseMarkdown('# 题\n\n## 一\n\n价格是 $5 和 $10。\n\n$$\nE = mc^2\n\\sum_i x_i\n$$\n\n行内 $$a+b$$ 公式。\n');
    const paragraphs = allParagraphs(doc);
    expect(paragraphs.map((p) => [p.text, p.form])).toEqual([
      ['价格是 $5 和 $10。', undefined],
      ['E = mc^2\n\\sum_i x_i', 'code'],
      ['行内 a+b 公式。', undefined],
    ]);
    expect(paragraphs[2]?.marks).toEqual([{ kind: 'code', start: 3, end: 6 }]);
  });
});

describe('ruby written as HTML', () => {
  it('is its base text with the reading kept, as in an EPUB; the fallback brackets and a block\'s reading are not text', () => {
    const doc = parseMarkdown('# 题\n\n## 一\n\n这是<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字。\n\n<ruby>\n重庆<rt>chóng qìng</rt>\n</ruby>\n');
    const [inline, block] = allParagraphs(doc);
    expect(inline?.text).toBe('这是漢字。');
    expect(inline?.marks).toEqual([{ kind: 'ruby', start: 2, end: 3, reading: 'hàn' }]);
    expect(block?.text).toBe('重庆');
  });
});

describe('a heading written as HTML', () => {
  it('is a heading, the title when it is the only top one, a logo beside it left out, the HTML under it kept as text', () => {
    const doc = parseMarkdown('<h1 align="center">\n  <img src="logo.png" alt="标志"><br>\n  我的项目\n</h1>\n<p align="center">一个简单的工具。</p>\n\n## 安装\n\n运行命令。\n\n<h3>高级用法</h3>\n\n更多内容。\n');
    expect(doc.title).toBe('我的项目');
    expect(doc.sections.map((section) => [section.title, section.depth ?? 1])).toEqual([
      ['安装', 1],
      ['高级用法', 2],
    ]);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['一个简单的工具。', '运行命令。', '更多内容。']);
  });
});

describe('containers (:::tips … :::)', () => {
  it('are quotes with their title or kind in bold, the fences gone, however many paragraphs they hold', () => {
    const doc = parseMarkdown('# 题\n\n## 一\n\n:::tips\n这是一个提示。\n:::\n\n::: warning 注意\n小心！\n\n第二段。\n:::\n\n正文。\n\n::: 不是容器\n');
    expect(allParagraphs(doc).map((p) => [p.text, p.quote ?? 0, p.marks?.[0]?.kind ?? ''])).toEqual([
      ['提示', 1, 'strong'],
      ['这是一个提示。', 1, ''],
      ['注意', 1, 'strong'],
      ['小心！', 1, ''],
      ['第二段。', 1, ''],
      ['正文。', 0, ''],
      ['::: 不是容器', 0, ''],
    ]);
  });
});

describe('what Pandoc writes (books converted to Markdown)', () => {
  it('reads a heading without its attributes and a bracketed span as its text', () => {
    const doc = parseMarkdown('# 第一章 风起 {#ch1 .chapter}\n\n正文[甲]{.smallcaps}一段。\n\n# 第二章 云涌 {-}\n\n正文二，`x {#y}` 照旧。\n');
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 风起', '第二章 云涌']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文甲一段。', '正文二，x {#y} 照旧。']);
  });

  it('leaves out key=value attributes on headings and spans, attributes after links, and raw blocks for other outputs', () => {
    const doc = parseMarkdown(
      [
        '# 第一章 雾都 {number="1"}',
        '',
        '正文[甲]{lang="zh"}一段，见[目录](#toc){.toc}和![图](a.png){width="50%"}。',
        '',
        '```{=html}',
        '<nav hidden="hidden"><p>导航</p></nav>',
        '```',
        '',
        '```{=latex}',
        '\\newpage',
        '```',
        '',
        '注文[↩︎](#fnref1){.footnote-back',
        'role="doc-backlink"}',
        '',
        '```js',
        'x = {a: 1}',
        '```',
      ].join('\n'),
    );
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 雾都']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文甲一段，见目录和［图：图］。', '导航', '注文↩︎', 'x = {a: 1}']);
  });

  it('reads superscript (^1^, around a link too) as its text, and leaves a lone caret alone', () => {
    const doc = parseMarkdown('注释^[1](#fn1){#r1}^，面积为 x^2^ 平方米。\n\n按 ^ 键。\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['注释1，面积为 x2 平方米。', '按 ^ 键。']);
    // A formula between single dollars stays as written; prices in dollars are no formula.
    const tex = parseMarkdown('勾股定理 $a^2+b^2=c^2$ 成立，面积 x^2^。\n\n花了 $5 和 $10，x^2^ 也是。\n');
    expect(allParagraphs(tex).map((p) => p.text)).toEqual(['勾股定理 $a^2+b^2=c^2$ 成立，面积 x2。', '花了 $5 和 $10，x2 也是。']);
  });

  it('takes a fenced div with attributes for a wrapper: its fences gone, no quote, named containers inside still quotes', () => {
    const doc = parseMarkdown('# 题\n\n## 一\n\n::: {.section}\n\n正文\n\n:::\n\n:::: {.a}\n::: warning 注意\n内容\n:::\n::::\n\n尾。\n');
    expect(allParagraphs(doc).map((p) => [p.text, p.quote ?? 0])).toEqual([
      ['正文', 0],
      ['注意', 1],
      ['内容', 1],
      ['尾。', 0],
    ]);
  });

  it('strikes only `~~x~~`: a single tilde is a range or a drawl in Chinese', () => {
    const doc = parseMarkdown('约在3~5点，或者6~8点，好吗~\n\n删去~~这些~~字。\n');
    const [first, second] = allParagraphs(doc);
    expect(first?.text).toBe('约在3~5点，或者6~8点，好吗~');
    expect(marked(first, 'strike')).toEqual([]);
    expect(marked(second, 'strike')).toEqual(['这些']);
  });
});

describe("Pandoc's tables", () => {
  const tableOf = (markdown: string) => allParagraphs(parseMarkdown(markdown)).filter((p) => p.form === 'table').map((p) => p.table?.rows);

  it('reads a simple table by its columns, counted in cells (a Chinese character is two), rows indented or not', () => {
    const doc = ['# 表', '', '  地名     年代', '  -------- ------', '  朝天门   明代', '  通远门   明代', '', '  Right     Left', '  -------   ------', '       12   十二', '      123   一百二十三', '', '尾。'].join('\n');
    expect(tableOf(doc)).toEqual([
      [['地名', '年代'], ['朝天门', '明代'], ['通远门', '明代']],
      [['Right', 'Left'], ['12', '十二'], ['123', '一百二十三']],
    ]);
    expect(allParagraphs(parseMarkdown(doc)).map((p) => p.text).at(-1)).toBe('尾。');
  });

  it('reads a grid table, joining a cell’s lines (no space between Chinese characters, one between words)', () => {
    const doc = ['+--------+------+', '| 地名   | 年代 |', '+========+======+', '| 长江   | 很   |', '|        | 长   |', '+--------+------+', '| Yellow | very |', '| River  | long |', '+--------+------+'].join('\n');
    expect(tableOf(doc)).toEqual([[['地名', '年代'], ['长江', '很长'], ['Yellow River', 'very long']]]);
  });

  it('reads a multiline table, its rows apart by blank lines, the last one run into the closing dashes or not', () => {
    const rows = ['-----------------------------', ' 地名     说明', '-------- --------------------', ' 朝天门   长江与嘉陵江', '          在此汇合', '', ' Jiefang  the city’s', ' Bei      landmark'];
    const expected = [['地名', '说明'], ['朝天门', '长江与嘉陵江在此汇合'], ['Jiefang Bei', 'the city’s landmark']];
    const closing = '-----------------------------';
    expect(tableOf([...rows, closing, '', '尾。'].join('\n'))).toEqual([expected]);
    expect(tableOf([...rows, '', closing, '', '尾。'].join('\n'))).toEqual([expected]);
    const doc = parseMarkdown([...rows, closing, '', '尾。'].join('\n'));
    expect(allParagraphs(doc).map((p) => p.text).at(-1)).toBe('尾。');
    // The last row and the closing dashes are no heading.
    expect(doc.sections.map((s) => s.title).filter((title) => title.includes('Jiefang'))).toEqual([]);
    // A rule a person wrote, then a paragraph and another rule, is no table.
    expect(tableOf(['正文。', '', '---', '', '一段。', '', '---', '', '尾。'].join('\n'))).toEqual([]);
  });

  it('reads a simple or multiline table written without a header, between two lines of dash runs', () => {
    const simple = ['前文。', '', '-------- ------', '朝天门   明代', '通远门   明代', '-------- ------', '', '尾。'].join('\n');
    const doc = parseMarkdown(simple);
    expect(tableOf(simple)).toEqual([[['朝天门', '明代'], ['通远门', '明代']]]);
    expect(allParagraphs(doc).find((p) => p.form === 'table')?.table?.headerless).toBe(true);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['前文。', '朝天门 | 明代\n通远门 | 明代', '尾。']);
    // A right-aligned first column, indented four spaces: code to CommonMark, a table still.
    expect(tableOf(['-------     ------', '     12     十二', '    123     一百二十三', '-------     ------'].join('\n'))).toEqual([[['12', '十二'], ['123', '一百二十三']]]);
    const multiline = ['----------- ------- ----------------', '   朝天门    明代    长江与嘉陵江', '                     在此汇合', '', '   通远门    明代    旧城西门', '----------- ------- ----------------', '', '尾。'].join('\n');
    expect(tableOf(multiline)).toEqual([[['朝天门', '明代', '长江与嘉陵江在此汇合'], ['通远门', '明代', '旧城西门']]]);
    // Lines of one column between two such lines are no table; nor is a row left open.
    expect(tableOf(['-- --', '一句话。', '-- --'].join('\n'))).toEqual([]);
    expect(tableOf(['-------- ------', '朝天门   明代', '', '尾。'].join('\n'))).toEqual([]);
  });

  it('reads a definition list: the term in bold, each definition a paragraph under it, the markers gone', () => {
    const texts = (source: string) => allParagraphs(parseMarkdown(`# 题\n\n${source}\n\n尾。\n`)).map((p) => [p.text, marked(p, 'strong').length > 0]);
    expect(texts('朝天门\n:   长江与嘉陵江交汇处。\n:   一个码头，\n    很老。\n\n解放碑\n\n:   重庆的地标。')).toEqual([
      ['朝天门', true],
      ['长江与嘉陵江交汇处。', false],
      ['一个码头，很老。', false],
      ['解放碑', true],
      ['重庆的地标。', false],
      ['尾。', false],
    ]);
    // A sentence is no term; `~ 完 ~` ends a post; a colon with nothing before it defines nothing.
    expect(texts('正文一句。\n\n: 不是定义。')).toEqual([
      ['正文一句。', false],
      [': 不是定义。', false],
      ['尾。', false],
    ]);
    expect(texts('正文\n\n~ 完 ~')).toEqual([
      ['正文', false],
      ['~ 完 ~', false],
      ['尾。', false],
    ]);
  });

  it("reads a line block (a poem's lines, each after `| `) as a verse, its lines apart, a line set in kept set in", () => {
    const doc = parseMarkdown('# 静夜思\n\n| 床前明月光，\n| 疑是**地上**霜。\n|   举头望明月，\n| 低头思故乡。\n\n正文。\n');
    const [verse, after] = allParagraphs(doc);
    expect([verse?.text, verse?.form]).toEqual(['床前明月光，\n疑是地上霜。\n\u00a0\u00a0举头望明月，\n低头思故乡。', 'verse']);
    expect(marked(verse, 'strong')).toEqual(['地上']);
    expect(after?.text).toBe('正文。');
  });

  it('ends the rows at the fences of the div around them, and leaves a thematic break a person wrote (- - -) alone', () => {
    const doc = ['::: {.section}', '## 一', '', '甲乙 丙丁', '---- ----', '一二 三四', ':::', '', '正文', '- - -', '下文'].join('\n');
    expect(tableOf(doc)).toEqual([[['甲乙', '丙丁'], ['一二', '三四']]]);
    expect(allParagraphs(parseMarkdown(doc)).map((p) => [p.text, p.form])).toEqual([
      ['甲乙 | 丙丁\n一二 | 三四', 'table'],
      ['正文', undefined],
      ['', 'rule'],
      ['下文', undefined],
    ]);
  });
});

describe('a contents written by hand', () => {
  it('leaves the outline and the flow for the notes when it lists the headings (## 目录, then links to them)', () => {
    const doc = parseMarkdown('# 山城笔记\n\n## 目录\n\n- [第一章 雾](#第一章-雾)\n- [第二章 江](#第二章-江)\n  - [2.1 长江](#21-长江)\n\n## 第一章 雾\n\n雾很大。\n\n## 第二章 江\n\n江很长。\n\n### 2.1 长江\n\n长江更长。\n');
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 雾', '第二章 江', '2.1 长江']);
    expect(doc.notes).toEqual(['目录\n第一章 雾\n第二章 江\n2.1 长江']);
  });

  it("stays when it lists chapters that are not the text's own (an article's plan of a book)", () => {
    const doc = parseMarkdown('# 新书预告\n\n## 目录\n\n- 第一章 雾\n- 第二章 江\n- 第三章 山\n\n## 后记\n\n敬请期待。\n');
    expect(doc.sections.map((s) => s.title)).toEqual(['目录', '后记']);
  });

  it('stays when it holds text of its own', () => {
    const doc = parseMarkdown('# 书\n\n## 目录\n\n本书分三部分。\n\n第一部分讲雾。\n\n第二部分讲江。\n\n## 第一章\n\n正文。\n');
    expect(doc.sections.map((s) => s.title)).toEqual(['目录', '第一章']);
    expect(doc.notes).toEqual([]);
  });
});


describe('image placeholders', () => {
  it("say nothing of an alt that is only a tool's file name, and keep one in words", () => {
    const doc = parseMarkdown('![image.png](https://cdn.example.com/a.png#clientId=1)\n\n![image-20230105123456789.png](b.png)\n\n![封面.png](c.png)\n\n![江边的雾](d.png)\n\n![[IMG_1234.JPG]]\n');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['［图］', '［图］', '［图：封面.png］', '［图：江边的雾］', '［图］']);
  });
});

describe('tables as 语雀 and Typora write them', () => {
  it('reads a <br> in a cell as a space', () => {
    const doc = parseMarkdown('| 名称 | 说明 |\n| --- | --- |\n| 长江 | 很长<br />很宽 |\n');
    expect(allParagraphs(doc)[0]?.table?.rows).toEqual([['名称', '说明'], ['长江', '很长 很宽']]);
  });
});

describe('a page exported from Notion', () => {
  it('takes the properties under its title for metadata and a note, not text', () => {
    const doc = parseMarkdown('# 山城笔记\n\nCreated: January 5, 2023 8:00 AM\nTags: 随笔\n\n## 第一章 雾\n\n雾很大。\n');
    expect(doc.date).toBe('January 5, 2023 8:00 AM');
    expect(doc.notes).toEqual(['Created: January 5, 2023 8:00 AM\nTags: 随笔']);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['雾很大。']);
  });

  it('leaves a question and its answer under a title as text', () => {
    const doc = parseMarkdown('# 问答\n\nQ: 为什么？\nA: 因为。\n');
    expect(doc.notes).toEqual([]);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['Q: 为什么？ A: 因为。']);
  });
});

