import { strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES, MAX_ENTRY } from '../../../src/core/document/epub/archive.js';
import { readContent } from '../../../src/core/document/epub/content.js';
import { EpubError, parseEpub } from '../../../src/core/document/epub/parse.js';
import { outlineOf } from '../../../src/core/document/outline.js';
import { fallbackTitle } from '../../../src/core/document/parse.js';
import { isView } from '../../../src/core/document/list-view.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import type { Document } from '../../../src/core/document/types.js';
import { buildBlocks } from '../../../src/core/layout/blocks.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { buildEpub, patchUncompressedSize, type EpubOptions } from '../../helpers/epub.js';

const BOOK: EpubOptions = {
  title: '春天的书',
  creators: ['林某', '王某'],
  chapters: [
    { file: 'cover.xhtml', body: '<div><img src="../Images/c.jpg" alt="封面"/></div><p>版权页</p>' },
    { file: 'part1.xhtml', body: '<h1>第一部　春</h1>' },
    {
      file: 'ch1.xhtml',
      body: [
        '<h2>第一章 开始</h2>',
        '<p>　　他说&nbsp;<b>你好</b>，<i>真的</i>，<ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字<a epub:type="noteref" href="#n1">[1]</a>。</p>',
        '<p>第二\n段&lt;不是标签&gt;</p>',
        '<h3 id="c2">第二章</h3><p>二的内容</p>',
        '<blockquote><p>引文</p></blockquote>',
        '<ul><li>甲</li><li>乙<ol><li>子</li></ol></li></ul>',
        '<aside epub:type="footnote" id="n1"><p>[1] 注释</p></aside>',
      ].join('\n'),
    },
  ],
  toc: [{ title: '第一部　春', href: 'part1.xhtml', children: [{ title: '第一章 开始', href: 'ch1.xhtml' }, { title: '第二章', href: 'ch1.xhtml#c2' }] }],
};

function failure(bytes: Uint8Array): string {
  try {
    parseEpub(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(EpubError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('the book was read');
}

describe("Project Gutenberg's boilerplate", () => {
  it('is two notes, its header and its licence, and its entries leave the contents', () => {
    const header =
      '<section class="pg-boilerplate pgheader" id="pg-header" lang="en"><h2 id="pg-header-heading">The Project Gutenberg eBook of <span lang="zh">紅樓夢</span></h2>' +
      '<div>This ebook is for the use of anyone anywhere.</div><div id="pg-start-separator"><span>*** START OF THE PROJECT GUTENBERG EBOOK 紅樓夢 ***</span></div></section>';
    const footer =
      '<section class="pg-boilerplate pgheader" id="pg-footer" lang="en"><div id="pg-end-separator"><span>*** END OF THE PROJECT GUTENBERG EBOOK 紅樓夢 ***</span></div>' +
      '<h2 id="pg-footer-heading">THE FULL PROJECT GUTENBERG LICENSE</h2><p>Section 1. General Terms of Use.</p></section>';
    const doc = parseEpub(
      buildEpub({
        title: '紅樓夢',
        chapters: [
          { file: 'c1.xhtml', body: `${header}<h1>第一回</h1><p>甄士隱夢幻識通靈。</p>` },
          { file: 'c2.xhtml', body: `<h1>第二回</h1><p>賈夫人仙逝揚州城。</p>${footer}` },
        ],
        toc: [
          { title: 'The Project Gutenberg eBook of 紅樓夢', href: 'c1.xhtml#pg-header-heading' },
          { title: '第一回', href: 'c1.xhtml' },
          { title: '第二回', href: 'c2.xhtml' },
          { title: 'THE FULL PROJECT GUTENBERG LICENSE', href: 'c2.xhtml#pg-footer-heading' },
        ],
      }),
    );
    expect(doc.sections.map((s) => [s.title, s.paragraphs.map((p) => p.text)])).toEqual([
      ['第一回', ['甄士隱夢幻識通靈。']],
      ['第二回', ['賈夫人仙逝揚州城。']],
    ]);
    expect(doc.lead).toEqual([]);
    expect(doc.notes).toEqual([
      'The Project Gutenberg eBook of 紅樓夢\nThis ebook is for the use of anyone anywhere.\n*** START OF THE PROJECT GUTENBERG EBOOK 紅樓夢 ***',
      '*** END OF THE PROJECT GUTENBERG EBOOK 紅樓夢 ***\nTHE FULL PROJECT GUTENBERG LICENSE\nSection 1. General Terms of Use.',
    ]);
  });
});

describe('a definition list', () => {
  it('shows its terms in bold and its definitions under them', () => {
    const body = '<h1>章</h1><dl><dt>朝天门</dt><dd>长江与嘉陵江交汇处。</dd><dt><i>解放碑</i></dt><dd>重庆的地标。</dd></dl>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => [p.text, (p.marks ?? []).map((m) => m.kind)])).toEqual([
      ['朝天门', ['strong']],
      ['长江与嘉陵江交汇处。', []],
      ['解放碑', ['strong', 'emphasis']],
      ['重庆的地标。', []],
    ]);
  });
});

describe('a video or a sound', () => {
  it('is a placeholder, never the fallback words a reader without it shows; a frame is not read', () => {
    const body = '<h1>章</h1><p>看：</p><video src="a.mp4" controls="controls">您的阅读器不支持视频。</video><p>听<audio src="a.mp3">不支持音频</audio>这首。</p><iframe src="x.html">框架</iframe><p>尾。</p>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['看：', '［视频］', '听［音频］这首。', '尾。']);
  });
});

describe('a figure', () => {
  it('of one image without words, and its caption, is one placeholder the caption names; an alt keeps its caption apart', () => {
    const body =
      '<h1>章</h1><figure id="f1"><img src="a.jpg"/><figcaption>朝天门<b>夜景</b></figcaption></figure>' +
      '<figure><img src="a.jpg" alt="地图"/><figcaption>图1 重庆</figcaption></figure><figure><img src="a.jpg"/><img src="b.jpg"/><figcaption>两张</figcaption></figure><p>尾。</p>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }, { title: '图', href: 'a.xhtml#f1' }] }));
    expect(doc.sections.map((s) => [s.title, s.paragraphs.map((p) => p.text)])).toEqual([
      ['章', []],
      ['图', ['［图：朝天门夜景］', '［图：地图］', '图1 重庆', '［图］［图］', '两张', '尾。']],
    ]);
  });
});

describe('a nav and an NCX', () => {
  const chapters = [1, 2, 3].map((n) => ({ file: `c${n}.xhtml`, body: `<h1>第${n}章</h1><p>正文${n}。</p>` }));
  const toc = chapters.map((c, i) => ({ title: `第${i + 1}章`, href: c.file }));

  it("take the NCX's list when the nav is a stub of one entry (a tool that made the book EPUB 3)", () => {
    const doc = parseEpub(buildEpub({ chapters, toc, navToc: [{ title: 'Start', href: 'c1.xhtml' }] }));
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章', '第2章', '第3章']);
  });

  it("take the nav's when it lists the chapters, whatever the NCX says", () => {
    const doc = parseEpub(buildEpub({ chapters, toc: [{ title: 'Start', href: 'c1.xhtml' }], navToc: toc }));
    expect(doc.sections.map((s) => s.title)).toEqual(['第1章', '第2章', '第3章']);
  });
});

describe('a title page', () => {
  const book = (front: string) =>
    parseEpub(
      buildEpub({
        title: '诗与注',
        creators: ['某某', '林某'],
        chapters: [
          { file: 'title_page.xhtml', body: front },
          { file: 'c1.xhtml', body: '<h1>第一章 春</h1><p>床前明月光。</p>' },
        ],
        toc: [{ title: '第一章 春', href: 'c1.xhtml' }],
      }),
    );

  it("(a cover, the title and the authors, as Pandoc and Calibre make one) is a note: the book opens at its first chapter", () => {
    const doc = book('<div><img src="cover.jpg" alt="cover"/></div><h1 class="title">诗与注</h1><p class="author">某某</p><p class="author">作者：林某</p>');
    expect(doc.lead).toEqual([]);
    expect(doc.notes?.[0]).toBe('［图：cover］\n诗与注\n某某\n作者：林某');
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['床前明月光。']);
  });

  it('with anything else on it (a blurb, a copyright line) stays the lead, whole', () => {
    const doc = book('<h1 class="title">诗与注</h1><p>某某</p><p>内容简介：一本诗集。</p>');
    expect(doc.lead.map((p) => p.text)).toEqual(['诗与注', '某某', '内容简介：一本诗集。']);
    expect(doc.notes ?? []).toEqual([]);
  });
});

describe('EPUB 3', () => {
  const doc = parseEpub(buildEpub(BOOK));

  it('reads the metadata', () => {
    expect(doc).toMatchObject({ title: '春天的书', author: '林某、王某', language: 'zh-CN', format: 'epub' });
  });

  it('makes sections of the nav entries, nested as they are, with what precedes them as the lead', () => {
    expect(outlineOf(doc).map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([['第一部　春', ['第一章 开始', '第二章']]]);
    expect(doc.sections.map((s) => s.depth ?? 1)).toEqual([1, 2, 2]);
    expect(doc.lead.map((p) => p.text)).toEqual(['［图：封面］', '版权页']);
  });

  it('does not repeat a chapter heading the entry already shows, and starts a section at its id', () => {
    expect(doc.sections[0]?.paragraphs).toEqual([]);
    expect(doc.sections[1]?.paragraphs.map((p) => p.text)).toEqual(['他说\u00a0你好，真的，漢字[1]。', '第二段<不是标签>']);
    expect(doc.sections[2]?.paragraphs.map((p) => p.text)).toEqual(['二的内容', '引文', '甲', '乙', '子', '[1] 注释']);
  });

  it('keeps emphasis, ruby readings, quotes, lists and footnotes in the model', () => {
    const first = doc.sections[1]?.paragraphs[0];
    const kinds = first?.marks?.map((m) => [m.kind, first.text.slice(m.start, m.end), m.reading]);
    expect(kinds).toEqual([
      ['strong', '你好', undefined],
      ['emphasis', '真的', undefined],
      ['ruby', '漢', 'hàn'],
      ['ref', '[1]', undefined],
    ]);
    const rest = doc.sections[2]?.paragraphs ?? [];
    expect(rest.map((p) => [p.quote, p.list?.marker, p.list?.depth, p.form])).toEqual([
      [undefined, undefined, undefined, undefined],
      [1, undefined, undefined, undefined],
      [undefined, '•', 1, undefined],
      [undefined, '•', 1, undefined],
      [undefined, '1.', 2, undefined],
      [undefined, undefined, undefined, 'note'],
    ]);
  });

  it('never lets markup into the text, and points offsets into its source', () => {
    for (const p of allParagraphs(doc)) {
      expect(p.text).not.toMatch(/<\/?[a-z]/u);
      expect(doc.source.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    }
  });

  it('reads a <details> as its summary, then what it hides, apart; and texts from several files keep their place in the source', () => {
    const book = parseEpub(
      buildEpub({
        chapters: [
          { file: 'a.xhtml', body: '<h2>一</h2><details><summary>展开</summary>隐藏的内容</details><p>甲</p>' },
          { file: 'b.xhtml', body: '<h2>二</h2><p>乙</p><p>丙</p>' },
        ],
        toc: [],
      }),
    );
    expect(allParagraphs(book).map((p) => p.text)).toEqual(['展开', '隐藏的内容', '甲', '乙', '丙']);
    for (const p of allParagraphs(book)) expect(book.source.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });

  it('takes sections from the headings when there is no table of contents', () => {
    const book = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<h2>一</h2><p>甲</p><h3>一之一</h3><p>乙</p><h2>二</h2><p>丙</p>' }], toc: [] }));
    expect(book.sections.map((s) => [s.title, s.depth ?? 1])).toEqual([['一', 1], ['一之一', 2], ['二', 1]]);
  });
});

describe('EPUB 2', () => {
  it('reads the toc.ncx, nested', () => {
    const doc = parseEpub(buildEpub({ ...BOOK, version: 2 }));
    expect(outlineOf(doc).map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([['第一部　春', ['第一章 开始', '第二章']]]);
  });
});

describe('bad books: one line each', () => {
  it('refuses bytes that are not a zip', () => {
    expect(failure(strToU8('这不是压缩包'))).toMatch(/not an EPUB \(not a zip archive\)/u);
  });

  it('refuses a truncated zip', () => {
    const bytes = buildEpub(BOOK);
    expect(failure(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/truncated or damaged/u);
  });

  it('refuses a zip without a container, or a container naming a missing package', () => {
    expect(failure(buildEpub({ ...BOOK, extra: { 'META-INF/container.xml': undefined } }))).toMatch(/container\.xml is missing/u);
    expect(failure(buildEpub({ ...BOOK, extra: { 'OEBPS/content.opf': undefined } }))).toMatch(/package file OEBPS\/content\.opf is missing/u);
  });

  it('refuses a broken package', () => {
    expect(failure(buildEpub({ ...BOOK, extra: { 'OEBPS/content.opf': '<package><metadata/><manifest/>' } }))).toMatch(/broken \(no spine\)/u);
    expect(failure(buildEpub({ ...BOOK, extra: { 'OEBPS/content.opf': 'garbage, not XML' } }))).toMatch(/broken/u);
  });

  it('finds a file named in another case, or zipped with backslashes, as books zipped on Windows hold them', () => {
    const opf = (href: string) =>
      `<package><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">书</dc:title></metadata><manifest><item id="a" href="${href}" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>`;
    const inCase = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p>正文。</p>' }], toc: [], extra: { 'OEBPS/content.opf': opf('text/A.XHTML') } }));
    expect(allParagraphs(inCase).map((p) => p.text)).toEqual(['正文。']);
    const slashes = parseEpub(buildEpub({ chapters: [], toc: [], extra: { 'OEBPS/content.opf': opf('Text/b.xhtml'), 'OEBPS\\Text\\b.xhtml': '<html><body><p>反斜杠。</p></body></html>' } }));
    expect(allParagraphs(slashes).map((p) => p.text)).toEqual(['反斜杠。']);
  });

  it('refuses a spine item missing from the archive', () => {
    expect(failure(buildEpub({ ...BOOK, extra: { 'OEBPS/Text/ch1.xhtml': undefined } }))).toMatch(/spine item OEBPS\/Text\/ch1\.xhtml is missing/u);
  });

  it('refuses DRM, but reads a book whose only encryption is font obfuscation', () => {
    const drm = '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/Text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>';
    expect(failure(buildEpub({ ...BOOK, extra: { 'META-INF/encryption.xml': drm } }))).toMatch(/protected by DRM/u);
    const fonts = drm.replace('http://www.w3.org/2001/04/xmlenc#aes128-cbc', 'http://www.idpf.org/2008/embedding').replace('Text/ch1.xhtml', 'Fonts/f.ttf');
    expect(parseEpub(buildEpub({ ...BOOK, extra: { 'META-INF/encryption.xml': fonts } })).title).toBe('春天的书');
  });

  it('refuses entries with paths outside the archive, and hrefs that leave it', () => {
    expect(failure(buildEpub({ ...BOOK, extra: { '../evil.txt': 'x' } }))).toMatch(/outside the archive/u);
    const opf = '<package><manifest><item id="a" href="../../../etc/passwd" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>';
    expect(failure(buildEpub({ ...BOOK, extra: { 'OEBPS/content.opf': opf } }))).toMatch(/outside the archive/u);
  });

  it('refuses a zip bomb: too many entries, or an entry that would inflate past the limit', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i <= MAX_ENTRIES; i++) many[`OEBPS/x/${i}.txt`] = '';
    expect(failure(buildEpub({ ...BOOK, extra: many }))).toMatch(/more than 10000 entries/u);
    // The central directory claims ch1.xhtml inflates to 4 GiB; nothing that large is ever allocated.
    const bytes = buildEpub(BOOK);
    patchUncompressedSize(bytes, 'OEBPS/Text/ch1.xhtml', 0xfffffff0);
    expect(failure(bytes)).toMatch(new RegExp(`more than the ${MAX_ENTRY / 1024 / 1024} MiB allowed`, 'u'));
  });

  it('refuses a spine that holds nothing to read', () => {
    const opf = '<package><manifest><item id="i" href="c.jpg" media-type="image/jpeg"/></manifest><spine><itemref idref="i"/></spine></package>';
    expect(failure(buildEpub({ ...BOOK, extra: { 'OEBPS/content.opf': opf, 'OEBPS/c.jpg': new Uint8Array([1, 2]) } }))).toMatch(/spine is empty/u);
  });
});

describe('what common tools write', () => {
  it('reads Pandoc-style endnotes as notes, without their back links', () => {
    const body = '<p>正文<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>。</p><section id="footnotes" class="footnotes" epub:type="footnotes"><hr /><ol><li id="fn1"><p>注文<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    const ps = doc.sections[0]?.paragraphs ?? [];
    // The bare number of the reference is bracketed, so it does not run into the text.
    expect(ps.map((p) => [p.text, p.form])).toEqual([['正文[1]。', undefined], ['', 'rule'], ['注文', 'note']]);
    expect(ps[0]?.marks?.map((m) => [m.kind, ps[0]!.text.slice(m.start, m.end)])).toEqual([['ref', '[1]']]);
  });

  it("reads Calibre's notes from a Word file (<dl class=\"footnote\">) as notes, their back link's arrow dropped", () => {
    const body = '<p>正文<sup><a class="noteref" href="n.xhtml#note_1">1</a></sup>。</p>';
    const notes = '<h1>Notes</h1><dl id="note_1" class="footnote"><dt>[<a href="a.xhtml#back_note_1" title="1">←1</a>]</dt><dd><p> 注文。</p></dd></dl>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }, { file: 'n.xhtml', body: notes }], toc: [{ title: '章', href: 'a.xhtml' }, { title: 'Notes', href: 'n.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => [p.text, p.form])).toEqual([
      ['正文[1]。', undefined],
      ['[1]', 'note'],
      ['注文。', 'note'],
    ]);
  });

  it("does not repeat a chapter's title drawn as an image, and drops a note's 返回 link", () => {
    const chapter = '<div><img src="t.png" alt="第一章 起"/></div><p>正文<a class="noteref" href="n.xhtml#n1">1</a>。</p>';
    const notes = '<aside epub:type="footnote" id="n1"><p>注文。<a href="a.xhtml#ref1">返回</a></p></aside>';
    const toc = [{ title: '第一章 起', href: 'a.xhtml' }, { title: '注释', href: 'n.xhtml' }];
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: chapter }, { file: 'n.xhtml', body: notes }], toc }));
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文[1]。', '注文。']);
  });

  it("says nothing of an image whose alt is only a file's name", () => {
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p><img src="i.jpg" alt="IMG_1234.JPG"/></p><p><img src="j.jpg" alt="地图"/></p>' }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['［图］', '［图：地图］']);
  });

  it("does not repeat an image's alt in a caption hidden from screen readers (Pandoc's figures)", () => {
    const body = '<figure><img src="b.png" alt="长江大桥" /><figcaption aria-hidden="true">长江大桥</figcaption></figure><figure><img src="c.png" alt="图" /><figcaption>江边</figcaption></figure>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['［图：长江大桥］', '［图：图］', '江边']);
  });
});

describe('encodings', () => {
  it('decodes a chapter that declares GBK', () => {
    const xml = '<?xml version="1.0" encoding="gbk"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>简体中文段落</p></body></html>';
    const gbk = Uint8Array.from(new TextEncoderGBK().encode(xml));
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '' }], toc: [{ title: '章', href: 'a.xhtml' }], extra: { 'OEBPS/Text/a.xhtml': gbk } }));
    expect(doc.sections[0]?.paragraphs.map((p) => p.text)).toEqual(['简体中文段落']);
  });

  it('decodes a chapter whose <meta> declares GBK, and one in GBK that declares nothing', () => {
    const bodies = [
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"/><title>t</title></head><body><p>简体中文段落</p></body></html>',
      '<html><head><meta charset="gbk"></head><body><p>简体中文段落</p></body></html>',
      '<html><head><title>t</title></head><body><p>简体中文段落</p></body></html>',
    ];
    for (const html of bodies) {
      const gbk = Uint8Array.from(new TextEncoderGBK().encode(html));
      const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '' }], toc: [{ title: '章', href: 'a.xhtml' }], extra: { 'OEBPS/Text/a.xhtml': gbk } }));
      expect(doc.sections[0]?.paragraphs.map((p) => p.text)).toEqual(['简体中文段落']);
    }
  });
});

/** GBK bytes for the few characters the test uses (TextEncoder writes UTF-8 only). */
class TextEncoderGBK {
  encode(text: string): number[] {
    const table: Record<string, number[]> = { 简: [0xbc, 0xf2], 体: [0xcc, 0xe5], 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 段: [0xb6, 0xce], 落: [0xc2, 0xe4] };
    return [...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]);
  }
}

describe('damaged bytes', () => {
  it('either reads or refuses with an EpubError, whatever bytes are changed or cut', () => {
    const good = buildEpub(BOOK);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat(good.length), { nil: undefined }), (changes, cut) => {
        const bytes = good.slice(0, cut ?? good.length);
        for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
        try {
          parseEpub(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(EpubError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('chapter titles and the nav in the spine', () => {
  it('does not repeat a chapter title set as a paragraph, nor show the nav document as text', () => {
    const bytes = buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p class="title">第一章　出发</p><p>正文。</p>' }], toc: [{ title: '第一章 出发', href: 'a.xhtml' }] });
    const doc = parseEpub(bytes);
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['正文。']);
    const opf = '<package><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">书</dc:title></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="a" href="Text/a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="nav"/><itemref idref="a"/></spine></package>';
    const withNav = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p>正文。</p>' }], toc: [{ title: '第一章', href: 'a.xhtml' }], extra: { 'OEBPS/content.opf': opf } }));
    expect(allParagraphs(withNav).map((p) => p.text)).toEqual(['正文。']);
    expect(withNav.sections.map((s) => s.title)).toEqual(['第一章']);
  });

  it("keeps EPUB 2's contents page (the guide's toc) out of the text, unless it is the book's one file", () => {
    const manifest = '<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="toc" href="Text/toc.xhtml" media-type="application/xhtml+xml"/><item id="a" href="Text/a.xhtml" media-type="application/xhtml+xml"/></manifest>';
    const opf = (spine: string, href: string) =>
      `<package version="2.0"><metadata><dc:title xmlns:dc="http://purl.org/dc/elements/1.1/">书</dc:title></metadata>${manifest}<spine toc="ncx">${spine}</spine><guide><reference type="toc" title="目录" href="${href}"/></guide></package>`;
    const contents = '<h1>目录</h1><p><a href="a.xhtml">第一章</a></p>';
    const book = (spine: string, href: string) =>
      parseEpub(
        buildEpub({
          version: 2,
          chapters: [{ file: 'a.xhtml', body: '<p>正文。</p>' }, { file: 'toc.xhtml', body: contents }],
          toc: [{ title: '第一章', href: 'a.xhtml' }],
          extra: { 'OEBPS/content.opf': opf(spine, href) },
        }),
      );
    const both = '<itemref idref="toc"/><itemref idref="a"/>';
    expect(allParagraphs(book(both, 'Text/toc.xhtml')).map((p) => p.text)).toEqual(['正文。']);
    // Pointing into a file, the guide names a place in it, not a page to leave out.
    expect(allParagraphs(book(both, 'Text/toc.xhtml#top')).map((p) => p.text)).toContain('第一章');
    expect(allParagraphs(book('<itemref idref="toc"/>', 'Text/toc.xhtml')).map((p) => p.text)).toContain('第一章');
  });
});

describe('a spine that names a file twice', () => {
  it('places it twice, in the spine\'s order, each with offsets of its own', () => {
    const opf =
      '<package><manifest><item id="a" href="Text/a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="Text/b.xhtml" media-type="application/xhtml+xml"/></manifest>' +
      '<spine><itemref idref="a"/><itemref idref="b"/><itemref idref="a"/></spine></package>';
    const chapters = [
      { file: 'a.xhtml', body: '<p>插页。</p>' },
      { file: 'b.xhtml', body: '<p>正文。</p>' },
    ];
    for (const toc of [[{ title: '甲', href: 'a.xhtml' }, { title: '乙', href: 'b.xhtml' }], []]) {
      const doc = parseEpub(buildEpub({ chapters, toc, extra: { 'OEBPS/content.opf': opf } }));
      const paragraphs = [...doc.lead, ...doc.sections.flatMap((section) => section.paragraphs)];
      expect(paragraphs.map((p) => p.text)).toEqual(['插页。', '正文。', '插页。']);
      for (const p of paragraphs) expect(doc.source.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
      expect(new Set(paragraphs.map((p) => p.offset)).size).toBe(3);
    }
  });
});

describe('a book with neither headings nor a table of contents', () => {
  it('finds its chapters by the book rules, as in a text file', () => {
    const chapters = [1, 2, 3].map((c) => ({ file: `c${c}.xhtml`, body: `<p>第${c}章 名${c}</p><p>他走了很远的路。</p><p>天黑了。</p>` }));
    const doc = parseEpub(buildEpub({ chapters, toc: [] }));
    expect(doc.sections.map((s) => [s.title, s.paragraphs.length])).toEqual([
      ['第1章 名1', 2],
      ['第2章 名2', 2],
      ['第3章 名3', 2],
    ]);
  });

  it('falls into generated parts when it is long, titled by their first words, its texts read from its source', () => {
    const sentences = Array.from({ length: 900 }, (_, i) => `第${i + 1}句话写在这里，说了一件平常的小事，又说了另一件${'事'.repeat(i % 7)}。`);
    const chapters = [0, 1, 2].map((c) => ({ file: `c${c}.xhtml`, body: sentences.slice(c * 300, c * 300 + 300).map((line, i) => (i === 5 ? `<p><b>${line}</b></p>` : `<p>${line}</p>`)).join('') }));
    const doc = parseEpub(buildEpub({ chapters, toc: [] }));
    expect(doc.sections.length).toBeGreaterThan(1);
    expect(doc.sections.every((section) => section.generated === true)).toBe(true);
    const paragraphs = doc.sections.flatMap((section) => section.paragraphs);
    expect(paragraphs.map((p) => p.text)).toEqual(sentences);
    expect(doc.sections.map((section) => section.title)).toEqual(doc.sections.map((section) => fallbackTitle(section.paragraphs[0]!.text)));
    for (const p of paragraphs) expect(doc.source.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    // The bold one keeps its mark; the others are only their text.
    expect(paragraphs.filter((p) => p.marks !== undefined).map((p) => p.text)).toEqual([sentences[5], sentences[305], sentences[605]]);
    expect(JSON.parse(JSON.stringify(paragraphs[0]))).toEqual({ id: 's1p1', section: 1, index: 1, kind: 'plain', text: sentences[0], offset: paragraphs[0]!.offset });
  });
});

describe('poems', () => {
  it('sets the lines of a poem (class poem) one under the other, set in', async () => {
    const { flowRows } = await import('../../../src/core/layout/flow.js');
    const body = '<p>前文。</p><div class="poem"><p>床前明月光，</p><p>疑是地上霜。</p></div><p>后文。</p>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => p.form)).toEqual([undefined, 'verse', 'verse', undefined]);
    const rows = flowRows(doc, { width: 40 }).map((r) => r.indent + r.text);
    const at = rows.indexOf('    床前明月光，');
    expect(rows.slice(at - 1, at + 3)).toEqual(['', '    床前明月光，', '    疑是地上霜。', '']);
  });
});

describe('a table of contents entry without a link', () => {
  it('starts where its first child does, as the heading over it', () => {
    const doc = parseEpub(
      buildEpub({
        chapters: [{ file: 'a.xhtml', body: '<p>序。</p>' }, { file: 'b.xhtml', body: '<p>正文。</p>' }],
        toc: [{ title: '序', href: 'a.xhtml' }, { title: '第一部', children: [{ title: '第一章', href: 'b.xhtml' }] }],
      }),
    );
    expect(doc.sections.map((s) => [s.title, s.depth ?? 1, s.paragraphs.map((p) => p.text)])).toEqual([['序', 1, ['序。']], ['第一部', 1, []], ['第一章', 2, ['正文。']]]);
  });
});

describe('entities', () => {
  it('never decode to a control or escape character: in the text, a link, an image, a reading, the title or the contents', () => {
    const esc = '&#27;[31m';
    const doc = parseEpub(
      buildEpub({
        title: `书${esc}名`,
        creators: [`作&#7;者`],
        chapters: [{ file: 'c1.xhtml', body: `<h1>第一章</h1><p>红${esc}字&#x9b;1m&#155;铃&#7;<ruby>漢<rt>h${esc}</rt></ruby><img alt="图${esc}"/><a href="https://e.example/&#27;x">链${esc}</a>&#x202e;反&#x200b;。</p>` }],
        toc: [{ title: `第一章${esc}`, href: 'c1.xhtml' }],
      }),
    );
    // JSON writes a C0 control as \u00XX; the rest stay as they are.
    const all = JSON.stringify([doc.title, doc.author, doc.sections.map((s) => s.title), allParagraphs(doc).map((p) => [p.text, p.marks])]);
    expect(all).not.toMatch(/\\u00[01][0-9a-f]|[\u007f-\u009f\u202e\u200b]/iu);
    expect(all).toContain('https://e.example/␛x');
    expect(allParagraphs(doc)[0]?.text).toContain('红␛[31m字');
    expect(doc.title).toBe('书␛[31m名');
  });
});

describe('headings marked by their class', () => {
  it('takes a short <p> or <div> whose class names a heading as one, at the level the class says', () => {
    const book = parseEpub(
      buildEpub({
        chapters: [
          { file: 'a.xhtml', body: '<p class="chapter-title">第一章 起</p><p>甲</p><p class="calibre h2">一之一</p><p>乙</p>' },
          { file: 'b.xhtml', body: '<div class="title">第二章 承</div><p class="subtitle">副题</p><p>丙</p>' },
        ],
        toc: [],
      }),
    );
    expect(book.sections.map((e) => [e.title, e.depth ?? 1])).toEqual([
      ['第一章 起', 1],
      ['一之一', 2],
      ['第二章 承', 1],
      ['副题', 2],
    ]);
    expect(allParagraphs(book).map((p) => p.text)).toEqual(['甲', '乙', '丙']);
  });

  it('leaves a paragraph a paragraph: a class on a block holding others, long text, a class that names no heading', () => {
    const long = '这是一段很长的文字，'.repeat(6);
    const book = parseEpub(
      buildEpub({
        chapters: [{ file: 'a.xhtml', body: `<h1>第一章</h1><div class="title"><p>甲</p><p>乙</p></div><p class="title">${long}</p><p class="chapter">丙</p>` }],
        toc: [],
      }),
    );
    expect(book.sections.map((e) => e.title)).toEqual(['第一章']);
    expect(allParagraphs(book).map((p) => p.text)).toEqual(['甲', '乙', long, '丙']);
  });

  it('does not repeat a chapter title set as a titled <p> under its table-of-contents entry', () => {
    const book = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p class="title">第一章</p><p>正文</p>' }], toc: [{ title: '第一章', href: 'a.xhtml' }] }));
    expect(allParagraphs(book).map((p) => p.text)).toEqual(['正文']);
  });
});

describe('a chapter set as indented lines in one block', () => {
  it('is its paragraphs, marks kept on their words; unindented lines (a poem) stay one paragraph', () => {
    const body =
      '<div>&#12288;&#12288;天色渐晚，山路上只剩下他一个人，远处传来几声钟声。<br/>\n&#12288;&#12288;他<b>停下</b>脚步，听了一会儿，又接着往前走去，直到看见灯火。<br/>\n&#12288;&#12288;远处有钟声，一下一下地敲着，像是在数着什么。</div>' +
      '<p>床前明月光，<br/>疑是地上霜。</p>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    const paragraphs = allParagraphs(doc);
    expect(paragraphs.map((p) => p.text)).toEqual([
      '天色渐晚，山路上只剩下他一个人，远处传来几声钟声。',
      '他停下脚步，听了一会儿，又接着往前走去，直到看见灯火。',
      '远处有钟声，一下一下地敲着，像是在数着什么。',
      '床前明月光，\n疑是地上霜。',
    ]);
    expect(paragraphs[1]?.marks).toEqual([{ kind: 'strong', start: 1, end: 3 }]);
    for (const p of paragraphs) expect(doc.source.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  });

  it('marks <mark> as highlighted text', () => {
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<h1>章</h1><p>这是<mark>重点</mark>。</p>' }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    expect(allParagraphs(doc).map((p) => [p.text, p.marks])).toEqual([['这是重点。', [{ kind: 'highlight', start: 2, end: 4 }]]]);
  });
});


describe('indentedParagraphs', () => {
  it('cuts a mark that runs over a break into one per paragraph', async () => {
    const { indentedParagraphs } = await import('../../../src/core/document/inline.js');
    const a = '甲乙'.repeat(10);
    const b = '丙丁'.repeat(10);
    expect(indentedParagraphs(`${a}。\n　　${b}。`, [{ kind: 'strong', start: 1, end: 26 }])).toEqual([
      { text: `${a}。`, marks: [{ kind: 'strong', start: 1, end: 21 }] },
      { text: `${b}。`, marks: [{ kind: 'strong', start: 0, end: 2 }] },
    ]);
    // A poem's short lines set in with spaces stay one paragraph.
    expect(indentedParagraphs('我爱这土地\n　　假如我是一只鸟\n　　我也应该用嘶哑的喉咙歌唱', [])).toBeUndefined();
    expect(indentedParagraphs('一行', [])).toBeUndefined();
  });

  it('reads unindented lines as paragraphs when they run long and end as sentences (a TXT converted without its indents)', async () => {
    const { indentedParagraphs } = await import('../../../src/core/document/inline.js');
    const line = (n: number) => `${'他走在山路上，想着昨天的事情'.repeat(n)}，心里很不平静。`;
    const prose = [line(2), line(1), `“${line(2)}”`].join('\n');
    expect(indentedParagraphs(prose, [])?.map((p) => p.text)).toEqual([line(2), line(1), `“${line(2)}”`]);
    // Two lines, short lines (a 七言 poem's), or lines that break off mid-sentence stay one paragraph.
    expect(indentedParagraphs([line(2), line(2)].join('\n'), [])).toBeUndefined();
    expect(indentedParagraphs('两个黄鹂鸣翠柳，一行白鹭上青天。\n窗含西岭千秋雪，门泊东吴万里船。\n迟日江山丽，春风花草香。', [])).toBeUndefined();
    expect(indentedParagraphs([line(2), `${line(2)}但是`, `${line(2)}于是`, line(2)].join('\n'), [])).toBeUndefined();
  });
});

describe("notes marked by class, as 多看 (Duokan) books write them", () => {
  it('reads a note icon as its number and the notes as notes', () => {
    const body =
      '<p>他读了《论语》<a class="duokan-footnote" href="#df-1" id="r1"><img alt="" src="../Images/note.png"/></a>，又读了《孟子》<a class="duokan-footnote" href="#df-2"><img src="../Images/note.png"/></a>。</p>' +
      '<ol class="duokan-footnote-content"><li class="duokan-footnote-item" id="df-1"><p>孔子的言行录。</p></li><li class="duokan-footnote-item" id="df-2"><p>孟子的言行录。</p></li></ol>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    const [text, ...notes] = allParagraphs(doc);
    expect(text?.text).toBe('他读了《论语》[1]，又读了《孟子》[2]。');
    expect(text?.marks?.filter((mark) => mark.kind === 'ref').map((mark) => text.text.slice(mark.start, mark.end))).toEqual(['[1]', '[2]']);
    expect(notes.map((p) => [p.text, p.form, p.list?.marker])).toEqual([
      ['孔子的言行录。', 'note', '1.'],
      ['孟子的言行录。', 'note', '2.'],
    ]);
  });
});

describe('a table of contents that names only the parts', () => {
  it('takes the chapters from their headings, nested under the parts; a chapter with a heading or two inside keeps them bold', () => {
    const part = (v: number) => `<h1>第${v}卷</h1>` + [1, 2, 3].map((n) => `<h2>第${(v - 1) * 3 + n}章 名</h2><p>正文。</p><h3>＊＊＊</h3>`).join('');
    const doc = parseEpub(buildEpub({ chapters: [1, 2].map((v) => ({ file: `v${v}.xhtml`, body: part(v) })), toc: [1, 2].map((v) => ({ title: `第${v}卷`, href: `v${v}.xhtml` })) }));
    // A scene break set as a heading stays a bold line in its chapter.
    expect(doc.sections.map((s) => [s.title, s.depth ?? 1, s.paragraphs.length])).toEqual([
      ['第1卷', 1, 0],
      ['第1章 名', 2, 2],
      ['第2章 名', 2, 2],
      ['第3章 名', 2, 2],
      ['第2卷', 1, 0],
      ['第4章 名', 2, 2],
      ['第5章 名', 2, 2],
      ['第6章 名', 2, 2],
    ]);
    for (const p of allParagraphs(doc)) expect(doc.source.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
    const fine = parseEpub(
      buildEpub({
        chapters: [1, 2, 3].map((c) => ({ file: `c${c}.xhtml`, body: `<h1>第${c}章</h1><p>正文。</p><h3>小节</h3><p>又一段。</p>` })),
        toc: [1, 2, 3].map((c) => ({ title: `第${c}章`, href: `c${c}.xhtml` })),
      }),
    );
    expect(fine.sections.map((s) => s.title)).toEqual(['第1章', '第2章', '第3章']);
    expect(allParagraphs(fine).filter((p) => p.text === '小节').every((p) => p.marks?.[0]?.kind === 'strong')).toBe(true);
  });
});

describe('a TXT made into an EPUB (Calibre, a web novel)', () => {
  const p = (line: string) => `<p class="calibre1">${line}</p>`;
  const chapter = (n: string) => [`第${n}章 路上`, ...Array.from({ length: 4 }, (_, i) => `　　他走了第${i + 1}段路，天色渐渐暗下来。`)];
  const lines = [
    '本书来自 www.example.com 免费TXT小说下载站',
    '山河行',
    '作者：林某',
    '目录',
    '第一章 路上',
    '第二章 路上',
    '第三章 路上',
    '第一卷 出门',
    ...chapter('一'),
    ...chapter('二'),
    '第二卷 回家',
    ...chapter('三'),
    '● 全书完',
    '更多精彩小说请访问 www.example.com',
  ];
  const calibre = (toc: { title: string; href: string }[]) =>
    parseEpub(
      buildEpub({
        title: 'shanhe',
        creators: ['Unknown'],
        chapters: [
          { file: 'titlepage.xhtml', body: '<div><img src="cover.jpg" alt=""/></div>' },
          { file: 'index_split_000.html', body: lines.map(p).join('\n') },
        ],
        toc,
      }),
    );

  it("reads its lines as the TXT's: chapters in volumes, title and author from its lines, the site's lines and contents as notes", () => {
    for (const toc of [[{ title: 'Start', href: 'titlepage.xhtml' }], []]) {
      const doc = calibre(toc);
      expect(outlineOf(doc).map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([
        ['第一卷 出门', ['第一章 路上', '第二章 路上']],
        ['第二卷 回家', ['第三章 路上']],
      ]);
      expect(doc).toMatchObject({ title: '山河行', author: '林某', format: 'epub' });
      expect(doc.notes.join('\n')).toContain('本书来自 www.example.com');
      expect(doc.notes.join('\n')).toContain('更多精彩小说请访问');
      const text = allParagraphs(doc).map((p) => p.text);
      expect(text.filter((t) => t.startsWith('第一章'))).toEqual([]);
      expect(text.some((t) => t.includes('www.example.com'))).toBe(false);
      // A bulleted line is the text's as written.
      expect(text).toContain('● 全书完');
      for (const paragraph of allParagraphs(doc)) expect(doc.source.slice(paragraph.offset, paragraph.offset + paragraph.text.length)).toBe(paragraph.text);
    }
  });

  it("drops Calibre's one entry at its cover page over a book of headed files: the headings are the sections", () => {
    const files = [1, 2, 3].map((n) => ({ file: `index_split_00${n}.html`, body: `<h1>第${n}章 夜路</h1><p>第${n}章的话。</p>` }));
    const book = (cover: string, title = 'Start') =>
      parseEpub(buildEpub({ title: '长夜行', creators: ['Unknown'], chapters: [{ file: 'titlepage.xhtml', body: cover }, ...files], toc: [{ title, href: 'titlepage.xhtml' }] }));
    for (const cover of ['<div><svg><image width="1200" height="1600" href="cover.jpg"/></svg></div>', '<div><img src="cover.jpg" alt=""/></div>']) {
      const doc = book(cover);
      expect(doc.sections.map((s) => [s.title, s.depth ?? 1, s.paragraphs.map((p) => p.text)])).toEqual([
        ['第1章 夜路', 1, ['第1章的话。']],
        ['第2章 夜路', 1, ['第2章的话。']],
        ['第3章 夜路', 1, ['第3章的话。']],
      ]);
    }
    // An entry over a page of text keeps its say: its headings are its sections.
    const kept = book('<p>这一页写着前言的话。</p>', '正文');
    expect(kept.sections[0]).toMatchObject({ title: '正文' });
    expect(kept.sections.slice(1).map((s) => [s.title, s.depth])).toEqual([
      ['第1章 夜路', 2],
      ['第2章 夜路', 2],
      ['第3章 夜路', 2],
    ]);
  });

  it('keeps a one-entry contents over a text whose rules find no chapters', () => {
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p>他走了。</p><p>天黑了。</p>' }], toc: [{ title: '短篇', href: 'a.xhtml' }] }));
    expect(doc.sections.map((s) => [s.title, s.paragraphs.map((p) => p.text)])).toEqual([['短篇', ['他走了。', '天黑了。']]]);
  });

  it('sets a printed contents page that has an entry of its own (目录) aside as a note, and keeps a 目录 section of text', () => {
    const chapters = ['第一章 起', '第二章 承', '第三章 转'];
    const book = (contents: string) =>
      parseEpub(
        buildEpub({
          chapters: [
            { file: 'toc.xhtml', body: `<h1>目录</h1>${contents}` },
            ...chapters.map((title, i) => ({ file: `c${i + 1}.xhtml`, body: `<h2>${title}</h2><p>正文${i + 1}。</p>` })),
          ],
          toc: [{ title: '目录', href: 'toc.xhtml' }, ...chapters.map((title, i) => ({ title, href: `c${i + 1}.xhtml` }))],
        }),
      );
    const printed = book(chapters.map((title, i) => `<p><a href="c${i + 1}.xhtml">${title}</a></p>`).join(''));
    expect(printed.sections.map((s) => s.title)).toEqual(chapters);
    expect(printed.notes).toEqual(['目录\n第一章 起\n第二章 承\n第三章 转']);
    const text = book('<p>这一页说的是目录的来历。</p><p>古人编书，先列篇目。</p><p>后来才有页码。</p>');
    expect(text.sections.map((s) => s.title)).toEqual(['目录', ...chapters]);
  });

  it("sets a web novel's site lines and contents lines before its first chapter, and site lines at its end, aside as notes", () => {
    const doc = parseEpub(
      buildEpub({
        chapters: [
          { file: 'front.xhtml', body: ['本书来自 www.example.com 免费TXT小说下载站', '山河行', '目录', '第一章 起', '第二章 承', '第三章 转'].map(p).join('') },
          { file: 'c1.xhtml', body: '<h2>第一章 起</h2><p>他走了。</p><p>见 <a href="https://example.org/">www.example.org</a></p>' },
          { file: 'c2.xhtml', body: `<h2>第二章 承</h2><p>天黑了。</p>${p('更多精彩小说请访问 www.example.com')}` },
        ],
        toc: [
          { title: '第一章 起', href: 'c1.xhtml' },
          { title: '第二章 承', href: 'c2.xhtml' },
        ],
      }),
    );
    expect(doc.lead.map((p) => p.text)).toEqual(['山河行']);
    expect(doc.notes).toEqual(['本书来自 www.example.com 免费TXT小说下载站', '目录\n第一章 起\n第二章 承\n第三章 转', '更多精彩小说请访问 www.example.com']);
    // A paragraph with a link is the text's, whatever it names.
    expect(allParagraphs(doc).map((p) => p.text)).toEqual(['山河行', '他走了。', '见 www.example.org (https://example.org/)', '天黑了。']);
  });
});

describe('what Calibre writes', () => {
  it('starts entries that all point at the top of one file (their ids dropped) at the headings that name them, in order', () => {
    const body = '<h1 class="title">第一章 雾都</h1><p>雾。</p><h2>一、码头</h2><p>码头。</p><p class="calibre2">二、江边</p><p>江边。</p>';
    const doc = parseEpub(
      buildEpub({
        chapters: [{ file: 'ch1.xhtml', body }],
        toc: [{ title: '第一章 雾都', href: 'ch1.xhtml', children: [{ title: '一、码头', href: 'ch1.xhtml' }, { title: '二、江边', href: 'ch1.xhtml' }, { title: '三、不在', href: 'ch1.xhtml' }] }],
      }),
    );
    expect(doc.sections.map((s) => [s.title, s.depth ?? 1, s.paragraphs.map((p) => p.text)])).toEqual([
      ['第一章 雾都', 1, ['雾。']],
      ['一、码头', 2, ['码头。']],
      // An entry whose heading is not found starts where the one before it does, never out of order.
      ['二、江边', 2, []],
      ['三、不在', 2, ['江边。']],
    ]);
  });

  it("leaves out contents entries that are a chapter's note links (`1`, `↩`), and takes the headings then", () => {
    const body = '<h1>第一章 雾都</h1><p>雾<sup id="fnref:1"><a href="#fn:1">1</a></sup>。</p><h1>第二章 江水</h1><p>水。</p><ol><li id="fn:1"><p>注。</p></li></ol>';
    const doc = parseEpub(
      buildEpub({
        chapters: [{ file: 'a.xhtml', body }],
        toc: [
          { title: '1', href: 'a.xhtml#fn:1' },
          { title: '↩', href: 'a.xhtml#fnref:1' },
        ],
      }),
    );
    expect(doc.sections.map((s) => s.title)).toEqual(['第一章 雾都', '第二章 江水']);
    // A chapter named by a number is still one: only note anchors are left out.
    const numbered = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p>甲。</p>' }, { file: 'b.xhtml', body: '<p>乙。</p>' }], toc: [{ title: '1', href: 'a.xhtml' }, { title: '2', href: 'b.xhtml#c2' }] }));
    expect(numbered.sections.map((s) => s.title)).toEqual(['1', '2']);
  });

  it('reads paragraphs that start with a bullet (a Word list, as Calibre converts it) as list items', () => {
    const body = '<div><div class="block_5">• 朝天门</div><div class="block_5">•\u00a0<b>解放碑</b></div></div><p>●\u3000洪崖洞</p><p>•不是列表</p>';
    const doc = parseEpub(buildEpub({ chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '章', href: 'a.xhtml' }] }));
    const ps = allParagraphs(doc);
    expect(ps.map((p) => [p.text, p.list?.marker])).toEqual([
      ['朝天门', '•'],
      ['解放碑', '•'],
      ['洪崖洞', '●'],
      ['•不是列表', undefined],
    ]);
    expect(ps[1]?.marks?.map((m) => [m.kind, ps[1]!.text.slice(m.start, m.end)])).toEqual([['strong', '解放碑']]);
  });

  it('drops the author `Unknown` and the date Calibre writes for none, and says a date and time as its day', () => {
    const at = (date: string, creator: string) => {
      const opf = `<package version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>书</dc:title><dc:creator>${creator}</dc:creator><dc:date>${date}</dc:date></metadata><manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="a" href="Text/a.xhtml" media-type="application/xhtml+xml"/></manifest><spine toc="ncx"><itemref idref="a"/></spine></package>`;
      const doc = parseEpub(buildEpub({ version: 2, chapters: [{ file: 'a.xhtml', body: '<p>正文。</p>' }], extra: { 'OEBPS/content.opf': opf } }));
      return [doc.author, doc.date];
    };
    expect(at('0101-01-01T00:00:00+00:00', 'Unknown')).toEqual([undefined, undefined]);
    expect(at('2020-05-02T00:00:00+00:00', '林某')).toEqual(['林某', '2020-05-02']);
    expect(at('2020-05-02T08:30:00+08:00', '未知')).toEqual([undefined, '2020-05-02']);
    expect(at('2026-12-07T00:39:30Z', '林某')).toEqual(['林某', '2026-12-07']);
    expect(at('2020', '佚名')).toEqual(['佚名', '2020']);
  });
});

describe('tables', () => {
  const tables = (xhtml: string) =>
    readContent(`<html><body>${xhtml}</body></html>`).flatMap((event) => (event.type === 'paragraph' && event.draft.form === 'table' ? [[event.draft.table?.rows, event.draft.table?.headerless]] : []));

  it('takes the first row for the header when it is of <th> or in a <thead>, and none when the table is of <td> only', () => {
    expect(tables('<table><tr><th>名称</th><th>数量</th></tr><tr><td>苹果</td><td>3</td></tr></table>')).toEqual([[[['名称', '数量'], ['苹果', '3']], undefined]]);
    expect(tables('<table><thead><tr><td>名称</td></tr></thead><tbody><tr><td>苹果</td></tr></tbody></table>')).toEqual([[[['名称'], ['苹果']], undefined]]);
    expect(tables('<table><tr><td>苹果</td><td>3</td></tr><tr><td>香蕉</td><td>5</td></tr></table>')).toEqual([[[['苹果', '3'], ['香蕉', '5']], true]]);
    // A <th> further down heads its row, not the table.
    expect(tables('<table><tr><td>苹果</td></tr><tr><th>小计</th></tr></table>')).toEqual([[[['苹果'], ['小计']], true]]);
  });
});

describe('a book of very many paragraphs (compactFrom)', () => {
  const asJson = (doc: Document) => JSON.parse(JSON.stringify({ ...doc, source: undefined }));
  // Plain paragraphs, and among them marked ones, a quote and a list, which are kept as objects.
  const MANY: EpubOptions = {
    title: '长书',
    chapters: Array.from({ length: 6 }, (_, c) => ({
      file: `c${c + 1}.xhtml`,
      body: [
        `<h1>第${c + 1}章</h1>`,
        ...Array.from({ length: 40 }, (_, p) => (p % 13 === 5 ? `<p>第${p}段<b>重点</b>在此。</p>` : p % 17 === 7 ? `<blockquote><p>引文${p}</p></blockquote>` : `<p>第${c + 1}章的第${p}段，平常的文字。</p>`)),
      ].join('\n'),
    })),
    toc: Array.from({ length: 6 }, (_, c) => ({ title: `第${c + 1}章`, href: `c${c + 1}.xhtml` })),
  };

  it('keeps the plain paragraphs as numbers and reads as the book of objects does', () => {
    const bytes = buildEpub(MANY);
    const objects = parseEpub(bytes);
    const numbers = parseEpub(bytes, undefined, { compactFrom: 0 });
    expect(objects.sections.some((section) => isView(section.paragraphs))).toBe(false);
    expect(numbers.sections.every((section) => isView(section.paragraphs))).toBe(true);
    expect(asJson(numbers)).toEqual(asJson(objects));
    expect(JSON.parse(JSON.stringify(buildBlocks(numbers)))).toEqual(JSON.parse(JSON.stringify(buildBlocks(objects))));
    expect(allParagraphs(numbers).map((p) => [p.id, p.text, p.offset])).toEqual(allParagraphs(objects).map((p) => [p.id, p.text, p.offset]));
    for (const query of ['平常', '重点', '引文', 'pingchang']) {
      const found = (doc: Document) => createSearchIndex(doc).search(query).map((hit) => [hit.paragraphId, hit.text, hit.matches]);
      expect(found(numbers)).toEqual(found(objects));
    }
  });
});
