import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/core/document/markdown/parse.js';
import { documentBlocks } from '../../../src/core/layout/blocks.js';
import { flowRows, type Row } from '../../../src/core/layout/flow.js';
import { layoutShaped } from '../../../src/core/layout/shaped.js';
import { cellWidth } from '../../../src/core/layout/width.js';

const shown = (rows: { prefix: string; text: string }[]) => rows.map((r) => r.prefix + r.text);

describe('frames', () => {
  it('hangs a list item under its text, not under its marker, and indents by depth', () => {
    const text = '中文中文中文中文中文中文';
    expect(shown(layoutShaped(text, { list: { marker: '•', depth: 1 } }, 20, 1))).toEqual(['• 中文中文中文中文中', '  文中文']);
    expect(shown(layoutShaped(text, { list: { marker: '12.', depth: 2 } }, 20, 1))).toEqual(['  12. 中文中文中文中', '      文中文中文']);
  });

  it('wraps list text by the Chinese rules: no line starts with closing punctuation', () => {
    const rows = layoutShaped('中文中文中文中。好', { list: { marker: '•', depth: 1 } }, 18, 1);
    for (const row of rows) expect(row.text).not.toMatch(/^[。，]/u);
  });

  it('draws a bar per quote level on every row', () => {
    expect(shown(layoutShaped('引文引文引文引文引文', { quote: 2 }, 14, 1))).toEqual(['│ │ 引文引文引', '│ │ 文引文引文'].map((s) => s));
  });

  it('shows code as written: never reflowed, cut by cells, continuations marked', () => {
    const rows = layoutShaped('let x = 1; // 注释注释\n  end', { form: 'code' }, 16, 1);
    expect(shown(rows)).toEqual(['  let x = 1; // ', '↪ 注释注释', '    end']);
    // Spaces are kept where a prose line would drop them.
    expect(rows.map((r) => r.text).join('')).toBe('let x = 1; // 注释注释  end');
  });

  it('aligns a table by display width, and falls back to a list when it is too wide', () => {
    const table = { rows: [['名称', '价格'], ['苹果', '5元'], ['Banana', '12元']], align: ['left', 'right'] as ('left' | 'right')[] };
    const text = '名称 | 价格\n苹果 | 5元\nBanana | 12元';
    const wide = shown(layoutShaped(text, { form: 'table', table }, 40, 1));
    expect(wide).toEqual(['名称   │ 价格', '───────┼─────', '苹果   │  5元', 'Banana │ 12元']);
    expect(new Set(wide.filter((line) => line.includes('│')).map((line) => cellWidth(line.slice(0, line.indexOf('│')))))).toEqual(new Set([7]));
    expect(shown(layoutShaped(text, { form: 'table', table }, 12, 1))).toEqual(['• 名称：苹果', '  价格：5元', '• 名称：', '  Banana', '  价格：12元']);
  });

  it('draws a table without a header with no rule under its first row, and its list without column names', () => {
    const table = { rows: [['苹果', '5元'], ['Banana', '12元']], align: [], headerless: true as const };
    const text = '苹果 | 5元\nBanana | 12元';
    expect(shown(layoutShaped(text, { form: 'table', table }, 40, 1))).toEqual(['苹果   │ 5元', 'Banana │ 12元']);
    expect(shown(layoutShaped(text, { form: 'table', table }, 10, 1))).toEqual(['• 苹果', '  5元', '• Banana', '  12元']);
  });

  it('draws a thematic break as a rule', () => {
    const [row] = layoutShaped('', { form: 'rule' }, 30, 1);
    expect(row?.prefix.trim()).toMatch(/^─+$/u);
    expect(row?.width).toBeLessThanOrEqual(30);
  });
});

describe('Markdown in the flow', () => {
  const source = '# 题\n\n## 一\n\n- 甲项，较长的一项内容，需要换行显示\n- 乙项\n\n> 引文，也很长，需要换行显示出来\n\n正文**重点**。\n\n```\ncode line that is long enough\n```\n\n| a | 中文 |\n|---|---|\n| 1 | 二 |\n\n---\n';
  const doc = parseMarkdown(source);

  it('keeps list items tight and every other block apart', () => {
    const rows = flowRows(doc, { width: 30 });
    const kinds = rows.map((r) => (r.kind === 'blank' ? '' : (r.form ?? r.kind)));
    const firstList = kinds.indexOf('list');
    expect(kinds.slice(firstList, firstList + 4)).toEqual(['list', 'list', 'list', '']);
  });

  it('fits every row in the width and keeps prose and code rows slices of their text (highlights and anchors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 60 }), fc.constantFrom(1 as const, 2 as const), (width, ambiguousWidth) => {
        const blocks = documentBlocks(doc);
        for (const row of flowRows(doc, { width, ambiguousWidth }) as Row[]) {
          expect(row.width).toBeLessThanOrEqual(width);
          expect(cellWidth(row.indent + row.label + row.text, ambiguousWidth)).toBe(row.width);
          if (row.kind === 'blank' || row.form === 'table' || row.form === 'rule') continue;
          const block = blocks[row.blockIndex];
          // A code row shows its slice exactly; prose may drop the spaces it breaks at.
          if (row.form === 'code') expect(block?.text.slice(row.start, row.end)).toBe(row.text);
          else expect(block?.text.slice(row.start, row.end).startsWith(row.text.trimEnd())).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('carries the marks to the rows of their paragraph', () => {
    const row = flowRows(doc, { width: 40 }).find((r) => r.text.includes('重点'));
    expect(row?.marks?.map((m) => row.text.slice(m.start - row.start, m.end - row.start))).toEqual(['重点']);
  });
});

describe('any Markdown', () => {
  const pieces = ['中文', '字', '，', '。', 'word', ' ', '\n', '\n\n', '- ', '1. ', '> ', '  ', '**', '*', '`', '```\n', '| a | 中 |\n|---|---|\n| 1 | 二 |\n', '# ', '### ', '[链](http://x.y)', '![图](a.png)', '<br>', '<u>', '---\n', '[^1]', '\n[^1]: 注\n', '\t'];
  it('opens and lays out within the width at any size', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.integer({ min: 2, max: 50 }), fc.constantFrom(1 as const, 2 as const), (parts, width, ambiguousWidth) => {
        const doc = parseMarkdown(parts.join(''));
        for (const row of flowRows(doc, { width, ambiguousWidth })) {
          // A character wider than a 2-cell line is the layout's one exception (see linebreak.ts).
          if (width >= 6) expect(row.width).toBeLessThanOrEqual(width);
          expect(cellWidth(row.indent + row.label + row.text, ambiguousWidth)).toBe(row.width);
        }
      }),
      { numRuns: 300 },
    );
  });
});
