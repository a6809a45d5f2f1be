import { describe, expect, it } from 'vitest';
import { indentsByDefault, readsAsProse, sourceIndents, sourceSeparates } from '../../../src/core/document/indentation.js';
import { defaultSpacing } from '../../../src/app/state.js';
import { parseDocument } from '../../../src/core/document/parse.js';

const text = (lines: string[]) => lines.join('\n');

describe('sourceIndents', () => {
  it.each([
    ['full-width spaces', '　　'],
    ['four ASCII spaces', '    '],
    ['two ASCII spaces', '  '],
    ['a tab', '\t'],
  ])('says a text whose paragraphs start with %s indents, and the parser trims the indent off', (_, indent) => {
    const doc = parseDocument(text(['书名', '', `${indent}第一段写了一件事。`, `${indent}第二段写了另一件事。`, `${indent}第三段。`]));
    expect(sourceIndents(doc)).toBe(true);
    for (const paragraph of [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs)]) expect(paragraph.text.startsWith(indent.trim() || ' ')).toBe(false);
  });

  it('says a text of unindented paragraphs (one stray space is noise) does not indent', () => {
    const doc = parseDocument(text(['书名', '', '第一段写了一件事。', '', ' 第二段写了另一件事。', '', '第三段。']));
    expect(sourceIndents(doc)).toBe(false);
  });

  it('goes by the majority of paragraphs', () => {
    expect(sourceIndents(parseDocument(text(['书名', '', '　　一段。', '　　二段。', '三段。'])))).toBe(true);
    expect(sourceIndents(parseDocument(text(['书名', '', '　　一段。', '二段。', '三段。'])))).toBe(false);
  });
});

describe('sourceSeparates', () => {
  const chapters = (gap: string[], crlf = false) =>
    text(['书名', '', '第一章', '道可道，非常道。', ...gap, '无名天地之始。', ...gap, '故常无欲。', '', '第二章', '天下皆知美之为美。', ...gap, '皆知善之为善。']).replace(/\n/g, crlf ? '\r\n' : '\n');

  it('says a text whose paragraphs stand a blank line apart separates them, with LF or CRLF and blank lines of spaces', () => {
    expect(sourceSeparates(parseDocument(chapters(['']))))
      .toBe(true);
    expect(sourceSeparates(parseDocument(chapters([''], true)))).toBe(true);
    expect(sourceSeparates(parseDocument(chapters(['　　 '])))).toBe(true);
  });

  it('says a text whose lines run together inside each chapter does not, though its chapters are parted', () => {
    expect(sourceSeparates(parseDocument(chapters([])))).toBe(false);
    expect(sourceSeparates(parseDocument(chapters([], true)))).toBe(false);
  });

  it('judges by most paragraphs, not the first one', () => {
    const mixed = text(['书名', '', '第一章', '甲。', '乙。', '', '丙。', '', '丁。', '', '戊。']);
    expect(sourceSeparates(parseDocument(mixed))).toBe(true);
    const mostlyTogether = text(['书名', '', '第一章', '甲。', '', '乙。', '丙。', '丁。', '戊。']);
    expect(sourceSeparates(parseDocument(mostlyTogether))).toBe(false);
  });
});

describe('texts set tight without indents', () => {
  // Prose of 30 characters a paragraph and more, each ending as a sentence does; generated, not copied.
  const sentence = (i: number) => `他在第${i}天的早上走过了那条很长很长的河，看见对岸的山上有人在喊他的名字。`;
  const novel = (gap: string[]) =>
    text(['书名', '作者：某某', '', '第一章 出发', ...[1, 2, 3, 4].flatMap((i) => [sentence(i), ...gap]), '第二章 归来', ...[5, 6, 7].flatMap((i) => [sentence(i), ...gap])]);
  const poems = text(['诗选', '', '春山', '张三', '', '山高水又长，', '风来花自开。', '云中有归雁，', '夜半月明来。', '', '秋水', '李四', '', '江边人已远，', '雨后路犹长。', '青山留白日，', '红叶满归乡。']);

  it('indents a book of prose set tight, as a printed book is, and runs its paragraphs together', () => {
    const doc = parseDocument(novel([]));
    expect(doc.shape).toBe('book');
    expect([sourceIndents(doc), sourceSeparates(doc), readsAsProse(doc)]).toEqual([false, false, true]);
    expect(indentsByDefault(doc)).toBe(true);
    expect(defaultSpacing(doc, indentsByDefault(doc))).toBe(0);
  });

  it('leaves a book of prose whose paragraphs stand a blank line apart as it is', () => {
    const doc = parseDocument(novel(['']));
    expect(indentsByDefault(doc)).toBe(false);
    expect(defaultSpacing(doc, false)).toBe(1);
  });

  it('keeps a tight book of short lines (道德经) and a collection of poems as their sources set them', () => {
    const laozi = parseDocument(text(['书名', '', '第一章', '道可道，非常道。', '名可名，非常名。', '无名天地之始。', '', '第二章', '天下皆知美之为美。', '皆知善之为善。', '有无相生。']));
    expect([readsAsProse(laozi), indentsByDefault(laozi), defaultSpacing(laozi, false)]).toEqual([false, false, 0]);
    const doc = parseDocument(poems);
    expect(doc.shape).not.toBe('book');
    expect(doc.sections.map((section) => section.title)).toEqual(['春山', '秋水']);
    expect([readsAsProse(doc), indentsByDefault(doc), defaultSpacing(doc, false)]).toEqual([false, false, 0]);
  });

  it('gives an article of prose set tight the blank line between paragraphs, as web pages show it', () => {
    const article = parseDocument(text(['一篇文章', '', sentence(1), sentence(2), sentence(3), sentence(4)]));
    expect(article.shape).not.toBe('book');
    expect([readsAsProse(article), indentsByDefault(article), defaultSpacing(article, false)]).toEqual([true, false, 1]);
  });

  it('does not take short lines or lines that do not end as sentences for prose', () => {
    const long = '他在早上走过了那条很长很长的河看见对岸的山上有人在喊他的名字';
    const unended = parseDocument(text(['书名', '', '第一章', long, long, long, '', '第二章', long, long]));
    expect(readsAsProse(unended)).toBe(false);
    expect(indentsByDefault(unended)).toBe(false);
  });
});
