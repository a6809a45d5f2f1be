/**
 * The text shown in another script on every kind of block of a Markdown article and an EPUB (issue 19
 * on issue 16's formats): headings, list items, quotes, table cells and the title converted, code as
 * written; the sidebar's titles too. At two widths, so the framed layouts are both exercised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReaderState } from '../../src/app/reducer.js';
import { NO_SEARCH, rowHighlights, type SearchState } from '../../src/app/search.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { parseEpub } from '../../src/core/document/epub/parse.js';
import { parseMarkdown } from '../../src/core/document/markdown/parse.js';
import type { Document } from '../../src/core/document/types.js';
import { flowRows } from '../../src/core/layout/flow.js';
import { converterNow, type Script } from '../../src/core/script/convert.js';
import type { SearchHit } from '../../src/core/search/types.js';
import { screenOf } from '../../src/terminal/screen.js';
import { screenView } from '../../src/ui/rows/frame.js';
import { createTheme } from '../../src/ui/theme.js';
import { buildEpub } from '../helpers/epub.js';

const ROWS = 40;

function screenText(doc: Document, columns: number, script: Script): string[] {
  converterNow(script);
  const state = createReaderState(doc, { columns, rows: ROWS, script });
  const view = screenView(state, createTheme(false));
  return screenOf(view.lines, columns, ROWS).lines.map((row) => row.chars.join('').trimEnd());
}

const markdown = parseMarkdown(
  '---\ntitle: 国家发展\n---\n\n导语说头发。\n\n## 电脑软件\n\n- 头发很长\n- 发展很快\n\n> 计算机的历史\n\n| 国家 | 发展 |\n| --- | --- |\n| 电脑 | 头发 |\n\n```\nconst 国 = \'发\';\n```\n',
);

describe('a Markdown article shown in traditional characters', () => {
  for (const columns of [60, 100]) {
    it(`converts the title, heading, list items, quote and table cells, not code, at ${columns} columns`, () => {
      const all = screenText(markdown, columns, 'traditional').join('\n');
      for (const shown of ['國家發展', '電腦軟件', '• 頭髮很長', '• 發展很快', '│ 計算機的歷史', '國家', '頭髮', '導語說頭髮']) expect(all).toContain(shown);
      expect(all).toContain("const 国 = '发';");
      // Nothing of the simplified text is left outside the code.
      expect(all.replace("const 国 = '发';", '')).not.toMatch(/[国发电软头计历导说]/u);
    });
  }

  it('shows it as written in the original script', () => {
    expect(screenText(markdown, 100, 'original').join('\n')).toContain('• 头发很长');
  });
});

describe('an EPUB shown in simplified characters', () => {
  const doc = parseEpub(
    buildEpub({
      title: '國家',
      chapters: [{ file: 'c1.xhtml', body: '<h2>軟體發展</h2><p>頭髮很長。</p><ul><li>電腦</li></ul><blockquote><p>計算機的歷史</p></blockquote>' }],
      toc: [{ title: '軟體發展', href: 'c1.xhtml' }],
    }),
  );
  for (const columns of [60, 100]) {
    it(`converts headings, paragraphs, list items, quotes and the sidebar at ${columns} columns`, () => {
      const lines = screenText(doc, columns, 'simplified');
      const all = lines.join('\n');
      for (const shown of ['头发很长', '• 电脑', '│ 计算机的历史', '国家']) expect(all).toContain(shown);
      // The heading in the text and its sidebar entry.
      expect(all.match(/软体发展/gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
    });
  }
});

describe('search highlights on converted rows', () => {
  const search = (hits: SearchHit[]): SearchState => ({ ...NO_SEARCH, editing: true, results: { hits, order: hits.map((_, i) => i) }, selected: 0 }) as unknown as SearchState;
  const isLow = (text: string, at: number) => at > 0 && at < text.length && text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
  // Phrases whose Taiwan form is longer (内存 → 記憶體) or the same length, and characters outside the BMP.
  const alphabet = ['内存', '集成电路', '头发', '发展', '软件', '的', '。', '𠮷', '𩸽', 'AB', '信息'];

  it('stay inside the row text and never split a character, wherever the match falls (property)', () => {
    converterNow('traditional-tw');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), fc.constantFrom(8, 12, 30), (parts, a, b, width) => {
        const text = parts.join('');
        const doc = parseDocument(`题目\n\n${text}\n`);
        const paragraph = doc.sections.flatMap((section) => section.paragraphs).concat(doc.lead).find((p) => p.text === text);
        if (!paragraph) return;
        // A search match starts and ends between characters of the original.
        const between = (at: number) => (isLow(text, at) ? at - 1 : at);
        const start = between(a % text.length);
        const end = Math.max(between(start + 1 + (b % (text.length - start))), start + (isLow(text, start + 1) ? 2 : 1));
        const rows = flowRows(doc, { width, script: 'traditional-tw' });
        const hit = { paragraphId: paragraph.id, matches: [[start, end]], text } as unknown as SearchHit;
        const highlights = rowHighlights(search([hit]), rows);
        rows.forEach((row, i) => {
          for (const [from, to] of highlights[i]?.ranges ?? []) {
            expect(0 <= from && from < to && to <= row.text.length).toBe(true);
            expect(isLow(row.text, from) || isLow(row.text, to)).toBe(false);
          }
        });
        // A match over the whole paragraph lights every character of its rows.
        const whole = rowHighlights(search([{ ...hit, matches: [[0, text.length]] } as unknown as SearchHit]), rows);
        rows.forEach((row, i) => {
          if (row.paragraphId === paragraph.id && row.kind !== 'blank' && row.text !== '') expect(whole[i]?.ranges).toEqual([[0, row.text.length]]);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('ruby readings in the reader', () => {
  const doc = parseEpub(buildEpub({ title: '注音', chapters: [{ file: 'c1.xhtml', body: '<h2>第一章</h2><p>前文<ruby>汉<rt>hàn</rt></ruby>字在此。</p>' }] }));

  for (const columns of [60, 100]) {
    it(`shows the reading after its base, dimmed, also with the base converted, at ${columns} columns`, () => {
      converterNow('traditional');
      for (const script of ['original', 'traditional'] as const) {
        const state = createReaderState(doc, { columns, rows: ROWS, script });
        const screen = screenOf(screenView(state, createTheme(false)).lines, columns, ROWS);
        const base = script === 'original' ? '汉' : '漢';
        const line = screen.lines.find((row) => row.chars.join('').includes(`${base}(hàn)字在此。`));
        expect(line).toBeDefined();
        const cells = line!.chars.map((c, i) => ({ c, i })).filter(({ c }) => c !== '');
        const at = cells.findIndex(({ c }) => c === base);
        const style = (n: number) => line!.styles[cells[n]!.i] ?? '';
        expect(style(at).split(';')).not.toContain('2');
        for (let n = at + 1; n <= at + 5; n++) expect(style(n).split(';')).toContain('2');
        expect(style(at + 6).split(';')).not.toContain('2');
      }
    });
  }
});

describe('search results shown converted', () => {
  it('quotes the snippet in the script shown, the match lit on the converted characters', () => {
    const doc = parseDocument('题目\n\n前面的话，集成电路的内存很大，后面的话。\n');
    const paragraph = doc.lead.concat(doc.sections.flatMap((section) => section.paragraphs)).find((p) => p.text.includes('内存'))!;
    const at = paragraph.text.indexOf('内存');
    const hit = { paragraphId: paragraph.id, section: 0, sectionTitle: '', paragraph: 1, score: 0, tier: 0, text: paragraph.text, matches: [[at, at + 2]] } as unknown as SearchHit;
    converterNow('traditional-tw');
    const base = createReaderState(doc, { columns: 80, rows: 20, script: 'traditional-tw' });
    const state = { ...base, search: { ...NO_SEARCH, editing: true, line: { text: '内存', cursor: 2 }, results: { hits: [hit], order: [0] } } } as unknown as typeof base;
    const screen = screenOf(screenView(state, createTheme(false)).lines, 80, 20);
    // The results list's row (the chosen one starts with `>`), not the text pane's.
    const line = screen.lines.find((row) => row.chars[0] === '>' && row.chars.join('').includes('積體電路的記憶體很大'));
    expect(line).toBeDefined();
    const cells = line!.chars.map((c, i) => ({ c, i })).filter(({ c }) => c !== '');
    const plain = line!.styles[cells.find(({ c }) => c === '的')!.i] ?? '';
    const lit = cells.filter(({ i }) => (line!.styles[i] ?? '') !== plain).map(({ c }) => c).join('');
    expect(lit).toContain('記憶體');
    expect(lit).not.toMatch(/[的積很]/u);
  });
});
