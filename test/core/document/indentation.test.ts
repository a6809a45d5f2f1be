import { describe, expect, it } from 'vitest';
import { sourceIndents } from '../../../src/core/document/indentation.js';
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
