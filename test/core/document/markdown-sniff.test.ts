import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeMarkdown } from '../../../src/core/document/markdown/sniff.js';

const lines = (...text: string[]) => text.join('\n');

describe('looksLikeMarkdown', () => {
  it('reads a note written in Markdown as Markdown', () => {
    expect(looksLikeMarkdown(lines('# 随笔', '', '## 一、出发', '', '这是**第一段**。', '', '- 列表一', '- 列表二', '', '## 二、归来', '', '第二段。', ''))).toBe(true);
    // CRLF, and a fence standing for a heading.
    expect(looksLikeMarkdown(lines('# 笔记', '', '一段话。', '', '```js', 'let a = 1;', '```', '', '另一段。').replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('counts front matter as a sign, and does not read it as text', () => {
    expect(looksLikeMarkdown(lines('---', 'title: 札记', 'author: 某人', '---', '', '# 札记', '', '导语。', ''))).toBe(true);
    expect(looksLikeMarkdown(lines('+++', 'title = "札记"', '+++', '', '# 札记', '', '导语。', ''))).toBe(true);
    expect(looksLikeMarkdown(lines('---', 'title: 札记', '', '# 札记', '', '导语。', ''))).toBe(false);
  });

  it('leaves texts that are not written so', () => {
    // One heading only.
    expect(looksLikeMarkdown(lines('# 随笔', '', '第一段。', '', '第二段。'))).toBe(false);
    // A book set one paragraph a line: Markdown would join them.
    expect(looksLikeMarkdown(lines('# 第一章', '他走了。', '她来了。', '天黑了。', '# 第二章', '风起了。', '雨停了。', '人散了。'))).toBe(false);
    // Indented by four spaces: Markdown would make each paragraph code.
    expect(looksLikeMarkdown(lines('    他走了很久。', '', '    她来了。', '', '    天黑了。', '', '# 注', '', '# 后记', ''))).toBe(false);
    // No space after the mark: a forum's floor numbers.
    expect(looksLikeMarkdown(lines('#1 楼主', '', '正文。', '', '#2 回复', '', '回复的话。'))).toBe(false);
    expect(looksLikeMarkdown(readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8'))).toBe(false);
  });

  it('judges by the start of a long text', () => {
    const note = lines('# 甲', '', '一段。', '', '## 乙', '', '二段。', '');
    expect(looksLikeMarkdown(note + '他走了。\n\n'.repeat(20_000))).toBe(true);
    expect(looksLikeMarkdown('他走了。\n\n'.repeat(20_000) + note)).toBe(false);
  });
});
