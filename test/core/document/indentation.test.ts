import { describe, expect, it } from 'vitest';
import { sourceIndents, sourceSeparates } from '../../../src/core/document/indentation.js';
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
