import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asLines, LineTable, StringLines } from '../../../src/core/document/line-table.js';

/** Lines as the parser always read them: split at `\n`, trimmed, blank ones left out. */
function trimmedLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const pieces = fc.constantFrom('第一章', '字', ' ', '　', '\t', '\n', '\n\n', 'a', '：', '\u00a0', '\r', '𠀀', '\ufeff');
const texts = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''));

describe('LineTable', () => {
  it('splits as split, trim and a filter of blank lines would, keeping offsets into the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const table = LineTable.split(text);
        const expected = trimmedLines(text);
        expect(table.count).toBe(expected.length);
        for (let i = 0; i < table.count; i++) {
          expect(table.text(i)).toBe(expected[i]);
          expect(table.size(i)).toBe(expected[i]!.length);
          expect(text.slice(table.start(i), table.start(i) + table.size(i))).toBe(expected[i]);
          for (let k = 0; k < table.size(i); k++) expect(table.code(i, k)).toBe(expected[i]!.charCodeAt(k));
          if (i > 0) expect(table.start(i)).toBeGreaterThan(table.start(i - 1));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('starts a line at an indent after a sentence inside a line (a book that lost its line breaks), nowhere else', () => {
    const table = LineTable.split('　　他走了。　　她来了！”　　　　又一天。\n姓名：　　张三\n第一回　甄士隐　贾雨村\n');
    const lines = Array.from({ length: table.count }, (_, i) => table.text(i));
    expect(lines).toEqual(['他走了。', '她来了！”', '又一天。', '姓名：　　张三', '第一回　甄士隐　贾雨村']);
    // Offsets still name the text as written.
    for (let i = 0; i < table.count; i++) expect(table.source.slice(table.start(i), table.start(i) + table.size(i))).toBe(lines[i]);
    // Many such lines grow the table past its first guess (one line per newline).
    const one = `${'他走了。　　'.repeat(1_000)}完。`;
    expect(LineTable.split(one).count).toBe(1_001);
  });

  it('takes a chapter heading glued between two paragraphs of such a book as a line of its own', () => {
    const paragraph = '天色渐晚，山路上只剩下他一个人，远处传来几声钟声，他停下脚步听了一会儿，又接着往前走去。';
    const text = `第一章 风起　　${paragraph}　　店家端上一碗热汤。第二章 夜雨　　${paragraph}\n`;
    const table = LineTable.split(text);
    const lines = Array.from({ length: table.count }, (_, i) => table.text(i));
    expect(lines).toEqual(['第一章 风起', paragraph, '店家端上一碗热汤。', '第二章 夜雨', paragraph]);
    for (let i = 0; i < table.count; i++) expect(table.source.slice(table.start(i), table.start(i) + table.size(i))).toBe(lines[i]);
    // A heading written with a wide space, a 第 inside a sentence, and a label are not cut.
    const kept = ['第一章　　初入江湖', `他说第二章很好看　　${paragraph}`, `姓名：　　${paragraph}`];
    const table2 = LineTable.split(kept.join('\n'));
    expect(Array.from({ length: table2.count }, (_, i) => table2.text(i))).toEqual(kept);
  });

  it('splits a text without such indents exactly as split, trim and a filter would, with them into more lines', () => {
    const withIndents = fc.array(fc.constantFrom('字', '。', '　　', '　', '\n', '：', '”'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(withIndents, (text) => {
        const table = LineTable.split(text);
        const lines = Array.from({ length: table.count }, (_, i) => table.text(i));
        // Every line is trimmed and non-blank, in order, and the lines hold every non-space character.
        for (const line of lines) expect(line).toBe(line.trim());
        for (const line of lines) expect(line).not.toBe('');
        expect(lines.join('').replace(/\s/gu, '')).toBe(text.replace(/\s/gu, ''));
        for (let i = 1; i < table.count; i++) expect(table.start(i)).toBeGreaterThanOrEqual(table.start(i - 1) + table.size(i - 1));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an empty or blank text as no lines', () => {
    expect(LineTable.split('').count).toBe(0);
    expect(LineTable.split(' \n　\n\n').count).toBe(0);
    const table = LineTable.split('　　第一章 起\n\n正文。\n');
    expect([table.start(0), table.size(0), table.start(1), table.size(1)]).toEqual([2, 5, 9, 3]);
  });

  it('views some of its lines, numbered from 0', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 10 }), (text, picks) => {
        const table = LineTable.split(text);
        const numbers = table.count === 0 ? [] : picks.map((pick) => pick % table.count);
        const view = table.view(numbers);
        expect(view.count).toBe(numbers.length);
        numbers.forEach((line, i) => {
          expect(view.text(i)).toBe(table.text(line));
          expect(view.size(i)).toBe(table.size(line));
        });
      }),
    );
  });
});

describe('Lines of strings', () => {
  it('reads strings as they are, untrimmed', () => {
    const lines = asLines([' 甲：', '乙']);
    expect(lines).toBeInstanceOf(StringLines);
    expect([lines.count, lines.text(0), lines.size(0), lines.code(0, 0)]).toEqual([2, ' 甲：', 3, 0x20]);
    expect(lines.holds(0, '：'.charCodeAt(0))).toBe(true);
    expect(lines.holds(0, '：'.charCodeAt(0), 2)).toBe(false);
    expect(lines.holds(1, '：'.charCodeAt(0), Infinity, '乙'.charCodeAt(0))).toBe(true);
    expect(LineTable.split('甲：\n乙').holds(1, '：'.charCodeAt(0), Infinity, '乙'.charCodeAt(0))).toBe(true);
    expect(LineTable.split('甲：\n乙').holds(1, '：'.charCodeAt(0))).toBe(false);
  });
});
