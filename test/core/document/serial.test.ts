import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/core/document/markdown/parse.js';
import { parseEpub } from '../../../src/core/document/epub/parse.js';
import { buildEpub } from '../../helpers/epub.js';
import { DamagedDocumentError, DOCUMENT_FORMAT, deserialiseDocument, serialiseDocument } from '../../../src/core/document/serial.js';
import { isView } from '../../../src/core/document/list-view.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { buildBlocks } from '../../../src/core/layout/blocks.js';

function texts(): { book: string; interview: string; article: string; plain: string; astral: string } {
  const chapter = (n: number) => `第${n}章 风起\n　　他走了很远的路，天色渐渐暗下来。\n　　“到了吗？”她问。`;
  return {
    book: ['某书', '作者：某人', '', '第一卷 初', chapter(1), chapter(2), '第二卷 中', chapter(3), '（本章完）', 'www.example.com 更多精彩'].join('\n'),
    interview: readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8').replace(/\r\n?/g, '\n'),
    article: ['一篇文章', '', '引子', '这是开头的一段话，说了很多事情。', '', '第二部分', '这是后面的一段话。'].join('\n'),
    plain: Array.from({ length: 700 }, (_, i) => `第${i}行的文字，写得长一些才好分成几部分。`).join('\n'),
    // Astral characters and a line of symbols: code units, not characters, are kept.
    astral: '𠀀𠀁的故事\n\n𠀂𠀃走了很远。🙂\n',
  };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('a parsed text kept as parts (serial.ts)', () => {
  for (const [name, text] of Object.entries(texts())) {
    it(`comes back as the same document, speakers and turns included: ${name}`, () => {
      const doc = parseDocument(text, { name: `${name}.txt` });
      const parts = serialiseDocument(doc, 'k'.repeat(32));
      const back = deserialiseDocument(parts);
      expect(back.key).toBe('k'.repeat(32));
      expect(back.doc.source).toBe(doc.source);
      expect(json(back.doc)).toEqual(json(doc));
      expect(json(buildBlocks(back.doc))).toEqual(json(buildBlocks(doc)));
    });
  }

  it('keeps a text of very many lines as numbers when it comes back too', () => {
    const doc = parseDocument(texts().plain, { compactFrom: 0 });
    const back = deserialiseDocument(serialiseDocument(doc, 'k'.repeat(32))!).doc;
    expect(json(back)).toEqual(json(doc));
    expect(isView(parseDocument('字\n'.repeat(200_001)).sections[0]!.paragraphs)).toBe(true);
    const many = parseDocument('字\n'.repeat(200_001));
    const again = deserialiseDocument(serialiseDocument(many, 'k'.repeat(32))!).doc;
    expect(again.sections.every((section) => isView(section.paragraphs))).toBe(true);
    expect(again.sections.at(-1)!.paragraphs.at(-1)).toEqual(many.sections.at(-1)!.paragraphs.at(-1));
  });

  it('keeps a Markdown document whole: marks, lists, quotes, code, tables and notes', () => {
    const markdown = [
      '---', 'title: 札记', 'author: 某人', '---', '', '# 第一部分', '', '**粗体**和[链接](https://example.com)，==重点==。[^1]', '',
      '- 一项', '  1. 二项', '', '> 引用的话', '', '```js', 'const a = 1;', '```', '', '| 甲 | 乙 |', '|---|--:|', '| 1 | 2 |', '',
      '## 小节', '', '<ruby>漢<rt>hàn</rt></ruby>字。', '', '[^1]: 注释的话。', '',
    ].join('\n');
    const doc = parseMarkdown(markdown);
    const back = deserialiseDocument(serialiseDocument(doc, 'k'.repeat(32))).doc;
    expect(json(back)).toEqual(json(doc));
    expect(json(buildBlocks(back))).toEqual(json(buildBlocks(doc)));
  });

  it('keeps an EPUB document whole, its paragraphs read from its source', () => {
    const body = '<h1>第一章</h1><p>这是<b>粗体</b>和<ruby>漢<rt>hàn</rt></ruby>。</p><ul><li>一项</li></ul><blockquote><p>引用</p></blockquote>';
    const doc = parseEpub(buildEpub({ title: '某书', chapters: [{ file: 'a.xhtml', body }], toc: [{ title: '第一章', href: 'a.xhtml' }] }));
    const parts = serialiseDocument(doc, 'k'.repeat(32));
    const back = deserialiseDocument(parts).doc;
    expect(json(back)).toEqual(json(doc));
    expect(back.format).toBe('epub');
    // A paragraph that is the source's text there is kept as its length, not as a copy.
    expect(new TextDecoder().decode(parts[2])).not.toContain('这是粗体');
    const damaged = new TextEncoder().encode(new TextDecoder().decode(parts[2]).replace(/\[(\d+),(\d+)/u, (_, offset) => `[${offset},999999`));
    expect(() => deserialiseDocument([parts[0]!, parts[1]!, damaged])).toThrow(DamagedDocumentError);
  });

  it('refuses parts that do not make a document', () => {
    const doc = parseDocument(texts().book);
    const parts = serialiseDocument(doc, 'k'.repeat(32));
    const [meta, text, numbers] = parts as [Uint8Array, Uint8Array, Uint8Array];
    const damaged = (replaced: Uint8Array[]) => () => deserialiseDocument(replaced);
    expect(damaged([meta, text])).toThrow(DamagedDocumentError);
    expect(damaged([new TextEncoder().encode('{"version":'), text, numbers])).toThrow(DamagedDocumentError);
    const otherVersion = new TextEncoder().encode(new TextDecoder().decode(meta).replace(`"version":${DOCUMENT_FORMAT}`, '"version":99'));
    expect(damaged([otherVersion, text, numbers])).toThrow(DamagedDocumentError);
    // A text cut short: the paragraphs point past its end.
    expect(damaged([meta, text.subarray(0, text.length - 40), numbers])).toThrow(DamagedDocumentError);
    expect(damaged([meta, text.subarray(0, text.length - 1), numbers])).toThrow(DamagedDocumentError);
    expect(damaged([meta, text, numbers.subarray(0, numbers.length - 12)])).toThrow(DamagedDocumentError);
    const wild = new Int32Array(numbers.slice().buffer);
    wild[3] = -5;
    expect(damaged([meta, text, new Uint8Array(wild.buffer)])).toThrow(DamagedDocumentError);
    const turn = new Int32Array(numbers.slice().buffer);
    turn[2] = 7;
    expect(damaged([meta, text, new Uint8Array(turn.buffer)])).toThrow(DamagedDocumentError);
    // A lone surrogate: never in a kept text (it was made safe), so the part is damaged.
    const lone = text.slice();
    lone[20] = 0x00;
    lone[21] = 0xd8;
    expect(damaged([meta, lone, numbers])).toThrow(DamagedDocumentError);
    // Its units read back whatever the bytes' place in their buffer.
    for (const at of [1, 2]) {
      const shifted = new Uint8Array(text.length + at);
      shifted.set(text, at);
      expect(deserialiseDocument([meta, shifted.subarray(at), numbers]).doc.source).toBe(doc.source);
    }
  });
});
