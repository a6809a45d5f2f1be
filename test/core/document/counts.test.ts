import { describe, expect, it } from 'vitest';
import { charsThrough, countChars, textCounts } from '../../../src/core/document/counts.js';
import { parseDocument } from '../../../src/core/document/parse.js';

describe('counts', () => {
  it('count characters but whitespace, a surrogate pair as one', () => {
    expect(countChars('第一段 ok。')).toBe(6);
    expect(countChars('　　甲\t乙\n')).toBe(2);
    expect(countChars('𠀀字')).toBe(2);
    expect(countChars('abc', 2)).toBe(2);
  });

  it('give a text its chapters and 字数, and how far a place is into them', () => {
    const doc = parseDocument('书名\n\n第一章 开始\n\n甲乙丙丁。\n\n第二章 结束\n\n戊己。\n');
    const counts = textCounts(doc);
    expect(counts.chapters).toBe(doc.sections.length);
    const blocksText = ['书名', ...doc.sections.flatMap((s) => [s.title, ...s.paragraphs.map((p) => p.text)])].join('');
    expect(counts.chars).toBe(countChars(blocksText));
    expect(charsThrough(doc, { block: 'title', offset: 0 })).toBe(0);
    const first = doc.sections[0]!.paragraphs[0]!;
    const before = charsThrough(doc, { block: first.id, offset: 0 });
    expect(charsThrough(doc, { block: first.id, offset: 2 })).toBe(before + 2);
    const last = doc.sections.at(-1)!.paragraphs.at(-1)!;
    expect(charsThrough(doc, { block: last.id, offset: -1 })).toBe(counts.chars);
    expect(charsThrough(doc, { block: 'no-such-block', offset: 3 })).toBe(0);
  });

  it('count every place of a text of many blocks as the sum of the blocks before it', () => {
    const lines = Array.from({ length: 150 }, (_, i) => '字'.repeat(1 + ((i * 7) % 11)) + (i % 5 === 0 ? ' ok' : ''));
    const doc = parseDocument(`书名\n\n${lines.join('\n\n')}\n`);
    const blocks = ['title', ...doc.sections.flatMap((s) => s.paragraphs.map((p) => p.id))];
    const texts = ['书名', ...doc.sections.flatMap((s) => s.paragraphs.map((p) => p.text))];
    expect(blocks.length).toBeGreaterThan(100);
    let sum = 0;
    texts.forEach((text, i) => {
      expect(charsThrough(doc, { block: blocks[i]!, offset: 0 })).toBe(sum);
      expect(charsThrough(doc, { block: blocks[i]!, offset: 1 })).toBe(sum + countChars(text, 1));
      sum += countChars(text);
      expect(charsThrough(doc, { block: blocks[i]!, offset: -1 })).toBe(sum);
    });
    expect(textCounts(doc).chars).toBe(sum);
  });
});
