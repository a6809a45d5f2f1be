import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES, MAX_ENTRY } from '../../../src/core/document/epub/archive.js';
import { EpubError, parseEpub } from '../../../src/core/document/epub/parse.js';
import { outlineOf } from '../../../src/core/document/outline.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import { buildEpub, type EpubOptions } from '../../helpers/epub.js';

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

/** Rewrites the uncompressed size of `name` in the central directory. */
function patchUncompressedSize(bytes: Uint8Array, name: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = strToU8(name);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const entry = bytes.subarray(at + 46, at + 46 + length);
    if (length === wanted.length && entry.every((b, i) => b === wanted[i])) {
      view.setUint32(at + 24, size, true);
      return;
    }
  }
  throw new Error(`no central directory entry for ${name}`);
}

