import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/core/document/markdown/parse.js';
import { markdownParts } from '../../../src/core/document/markdown/parts.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';

const cutsBefore = (source: string, size = 1) => markdownParts(source, size).starts.slice(1).map((start) => source.slice(start, source.indexOf('\n', start)));
const whole = (source: string) => parseMarkdown(source, { partSize: Number.POSITIVE_INFINITY });
const inParts = (source: string) => parseMarkdown(source, { partSize: 1 });

describe('where a long Markdown file may be cut', () => {
  it("cuts before a heading or a paragraph's first line in column 0 after a blank line, and nowhere else", () => {
    const source = '# 书\n\n正文\n\n## 一\n\n文\n## 二 (no blank before)\n\n  ## 三 (indented)\n\n## 四\n';
    expect(cutsBefore(source)).toEqual(['正文', '## 一', '文', '## 四']);
    // Lists (which a blank line does not end), quotes, tables, definitions and HTML are never cut before.
    expect(cutsBefore('甲\n\n- 项\n\n- 项\n\n1. 一\n\n> 引\n\n| 表 |\n\n[注]: /u\n\n<div>\n\n乙\n')).toEqual(['乙']);
  });

  it('never cuts inside fenced code, math, HTML that runs to a closing tag, or front matter', () => {
    const source = [
      '---', 'title: 书', '', '# a YAML comment', '---', '',
      '```', '', '# 代码', '```', '',
      '~~~~ 说明', '', '# 代码', '~~~', '', '# 代码', '~~~~', '',
      '$$', '', '# 公式', '$$', '',
      '<!-- 注释', '', '# 注释', '-->', '',
      '<pre>', '', '# 预排', '</pre>', '',
      '# 标题', '', '正文', '',
    ].join('\n');
    expect(cutsBefore(source)).toEqual(['# 标题', '正文']);
  });

  it('takes `$$x$$` and a backtick line with backticks after it as paragraphs, not fences', () => {
    expect(cutsBefore('$$x$$\n\n# 一\n\n``` a`b\n\n# 二\n')).toEqual(['# 一', '# 二']);
  });

  it('keeps parts at least the size asked for', () => {
    const source = Array.from({ length: 20 }, (_, i) => `## ${i}\n\n${'字'.repeat(30)}\n`).join('\n');
    const { starts } = markdownParts(source, 100);
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(100);
    expect(starts.length).toBeGreaterThan(3);
  });

  it('gathers link and footnote definitions outside code, with their labels as CommonMark compares them', () => {
    const { links, footnotes } = markdownParts('正文\n\n[Foo  Bar]: https://a.example\n[^N1]: 注\n\n```\n[x]: https://b.example\n```\n', 1);
    expect(links.map((link) => link.label)).toEqual(['foo bar']);
    expect(footnotes.map((note) => note.label)).toEqual(['n1']);
  });
});

describe('a long Markdown file parsed in parts', () => {
  it('refers to footnotes and links defined in other parts as the whole file does', () => {
    const source = '# 书\n\n## 一\n\n甲[^1]见[文][ref]与[Ref]。\n\n## 二\n\n乙[^2]。\n\n## 三\n\n[^1]: 注一\n[^2]: 注二\n\n[ref]: https://a.example\n';
    expect(markdownParts(source, 1).starts.length).toBe(6);
    const doc = inParts(source);
    expect(doc).toEqual(whole(source));
    const texts = allParagraphs(doc).map((p) => p.text);
    expect(texts).toContain('甲[1]见文 (https://a.example)与Ref (https://a.example)。');
    expect(texts).toContain('注一');
  });

  it('finds a reference whose label runs across lines, defined in a later part', () => {
    const source = '## 一\n\n见[构建问题\n追踪][]。\n\n## 二\n\n乙\n\n[构建问题 追踪]: https://a.example\n';
    expect(markdownParts(source, 1).starts.length).toBeGreaterThan(2);
    const doc = inParts(source);
    expect(doc).toEqual(whole(source));
    expect(allParagraphs(doc)[0]?.text).toBe('见构建问题追踪 (https://a.example)。');
  });

  it.each([
    ['a footnote defined in a list item', '1. [^1]: 注\n'],
    ['a link defined in a quote', '> [a]: /u\n'],
    ['a link defined at the start of a footnote in a list', '[^1]: - [a]: /u\n'],
    ['a link defined after an HTML comment in a quote', '> <!--\n[a]: /u\n'],
    ['a footnote whose text is a fence, defined twice', '[^1]: 注\n\n乙\n\n[^1]: ~~~\n'],
    ['what only looks like a definition: an item\'s indented code', '1.      [^1]: 码\n\n- \n>\n\n\t[^1]: 码\n'],
    ['a footnote four spaces into a quote (not code: the quote takes one)', '>    [^1]: 注\n'],
    ['a link after a note that is an empty item', '[^1]: * \n[a]: /u\n'],
    ['a definition after an item whose fence is still open (its stub would close it)', '- [a]: /u\n\t```\n\n中文\n\n[a]: /u\n'],
  ])('refers across parts as the whole file does: %s', (_name, definitions) => {
    const source = `## 一\n\n甲[^1]见[a]。\n\n## 二\n\n乙\n\n${definitions}`;
    expect(markdownParts(source, 1).starts.length).toBeGreaterThan(2);
    expect(inParts(source)).toEqual(whole(source));
  });

  // A part that refers to a note defined in another is parsed from a copy of its text, with stubs; its
  // text nodes are then cut from the file where they read the same, and kept as parsed where not.
  it('reads text as the whole file does where a node differs from its source: quotes, escapes, entities, breaks', () => {
    const chapter = (n: number) =>
      `## 第${n}章\n\n> 引文的第一行很长很长很长很长[^n${n}]\n> 引文的第二行也很长很长很长很长\n\n` +
      `转义的星号\\*不是强调\\*也很长很长很长 &amp; 实体&copy;很长很长很长很长很长\n第二行紧接着很长很长很长很长很长  \n硬换行之后很长很长很长很长很长\n\n` +
      `一段平常的文字很长很长很长很长很长很长很长很长[^n${n}]。\n\n`;
    const source = `${[1, 2, 3, 4].map(chapter).join('')}${[1, 2, 3, 4].map((n) => `[^n${n}]: 注释${n}很长很长很长很长很长很长`).join('\n')}\n`;
    expect(markdownParts(source, 1).starts.length).toBeGreaterThan(4);
    const doc = inParts(source);
    expect(doc).toEqual(whole(source));
    const texts = allParagraphs(doc).map((p) => p.text);
    expect(texts).toContain('转义的星号*不是强调*也很长很长很长 & 实体©很长很长很长很长很长第二行紧接着很长很长很长很长很长\n硬换行之后很长很长很长很长很长');
    expect(texts).toContain('引文的第一行很长很长很长很长[1] 引文的第二行也很长很长很长很长');
  });

  it('gives every paragraph its offset in the whole file', () => {
    const source = '## 一\n\n甲\n\n## 二\n\n乙\n\n## 三\n\n丙\n';
    const offsets = allParagraphs(inParts(source)).map((p) => p.offset);
    expect(offsets).toEqual(['甲', '乙', '丙'].map((text) => source.indexOf(text)));
  });

  // A thematic break is `* * *` here: a file opening with `---` that is not front matter makes micromark
  // read a later `[^a]:` as a link definition when parsed whole (the front matter construct's failed
  // attempt), and as a footnote in a part of its own, the better of the two.
  it('parses whole a file where a line-by-line reading would cut inside a fence', () => {
    // `===` continues the item's paragraph lazily (no heading), so `<br>` is text and the fence is real.
    const source = '- 一项\n\n  续\n标题\n===\n<br>\n```\n\n# 代码\n\n```\n\n# 卷\n\n正文。\n';
    expect(markdownParts(source, 1).starts.length).toBeGreaterThan(1);
    const doc = inParts(source);
    expect(doc).toEqual(whole(source));
    expect(doc.sections.map((section) => section.title)).toEqual(['卷']);
  });

  const block = fc.oneof(
    fc.constantFrom('正文一段。', '**重点：**后文', '甲[^a]乙[^b]', '见[文][ref]与[Ref]', '> 引文\n> 二行', '- 一项\n- 二项\n\n  续', '1. 一\n2. 二'),
    fc.constantFrom('```\n\n# 代码\n\n```', '$$\n\n# 式\n$$', '<!--\n\n# 注\n-->', '<details>\n<summary>展开</summary>\n\n内容\n\n</details>'),
    fc.constantFrom('| 甲 | 乙 |\n|---|---|\n| 1 | 2 |', '* * *', '    缩进代码', ':::tip\n提示\n:::', '[^a]: 注甲', '[^b]: 注乙\n\n    续注', '[ref]: https://a.example "题"'),
    fc.constantFrom('# 卷', '## 章', '### 节', '#', '## 章 ##', '标题\n===', '> # 引中标题', '- # 列中标题'),
    fc.constantFrom('<div>\n块</div>', '<pre>\n\n# 预\n\n</pre>', '[长]:\n  https://b.example\n  "题"', '见[长]', '<br>', '行尾两空格  \n次行', '- 项\n\n  ```\n  码', '```', '> ```\n> 码', '<!-- 未闭', '<pre>', '~~~'),
  );

  it('makes the same document as the whole file, whatever its blocks (property)', () => {
    fc.assert(
      // Blocks apart by a blank line mostly, sometimes by a bare newline (lazy lines, interruptions).
      fc.property(fc.boolean(), fc.boolean(), fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n')), { minLength: 1, maxLength: 24 }), (front, crlf, blocks) => {
        const lf = `${front ? '---\ntitle: 书\n---\n\n' : ''}${blocks.map(([text, gap]) => text + gap).join('')}`;
        const source = crlf ? lf.replaceAll('\n', '\r\n') : lf;
        expect(inParts(source)).toEqual(whole(source));
      }),
      { numRuns: Number(process.env.RUNS ?? 300) },
    );
  });
});
