/**
 * Frame tests for the first hour's polish: the status bar's key hints stay in one place, sidebar
 * entries keep off the divider with their numbers aligned, headings end without an orphan character.
 */
import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/ui/text.js';
import { reduce } from '../../../src/app/reducer.js';
import { initialState } from '../../../src/app/state.js';
import { cellWidth } from '../../../src/core/layout/width.js';
import { flowRows } from '../../../src/core/layout/flow.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { screenView } from '../../../src/ui/rows/frame.js';
import { statusLine } from '../../../src/ui/rows/status.js';
import { createTheme } from '../../../src/ui/theme.js';
import { interviewDocument, syntheticDocument } from '../../helpers/documents.js';

const theme = createTheme(false);
const strip = lineText;

describe('status bar', () => {
  const hints = [
    { key: 'Space', hint: 'page' },
    { key: '/', hint: 'search' },
    { key: ']', hint: 'section' },
    { key: 'q', hint: 'quit' },
    { key: '?', hint: 'help' },
  ];
  const line = (section: string, line: number, percent: number, width: number) =>
    strip(statusLine({ section, position: { line, total: 1234, percent, exact: true }, hints, width, theme, ambiguousWidth: 1 }));

  it.each([60, 80, 120])('keeps the key hints in one place whatever the section name and the position, at %i columns', (width) => {
    const sections = ['导语', '一、推进成渝地区电子信息产业协同发展', '二', '第十五章 火山口（上）'];
    const places = [
      [1, 0],
      [9, 3],
      [10, 45],
      [999, 99],
      [1234, 100],
    ] as const;
    const columns = new Set<number>();
    for (const section of sections) {
      for (const [n, percent] of places) {
        const text = line(section, n, percent, width);
        expect(cellWidth(text)).toBe(width);
        const at = text.indexOf('? help');
        expect(at, text).toBeGreaterThan(0);
        columns.add(cellWidth(text.slice(0, at)));
      }
    }
    expect([...columns]).toHaveLength(1);
  });

  it('keeps the key hints in one place while the layout percentage grows from one digit to two', () => {
    const columns = new Set<number>();
    for (const progress of [0, 0.05, 0.1, 0.56, 0.99]) {
      const text = strip(statusLine({ section: '第六章 石布人', position: { line: 503, total: 268_391, percent: 0, exact: false }, hints, progress, width: 80, theme, ambiguousWidth: 1 }));
      expect(text).toMatch(new RegExp(`layout +${Math.floor(progress * 100)}%`));
      columns.add(cellWidth(text.slice(0, text.indexOf('? help'))));
    }
    expect([...columns]).toHaveLength(1);
  });

  it('keeps a book chapter\'s number and the start of its title at 80 columns, dropping hints for them', () => {
    const book = strip(statusLine({ section: '12/3000 第十二章 火山口（上）', position: { line: 281_657, total: 281_657, percent: 100, exact: true }, hints, width: 80, theme, ambiguousWidth: 1 }));
    expect(cellWidth(book)).toBe(80);
    expect(book).toMatch(/^ 12\/3000 第十二章/);
    expect(book).toContain('? help');
  });

  it('shows only the percentage on a narrow row when a long book\'s row numbers would take a quarter of it, giving the chapter the room', () => {
    const position = { line: 140, total: 368_373, percent: 7, exact: true };
    const narrow = strip(statusLine({ section: '2/3000 第二章 素需影智能', position, hints, width: 40, theme, ambiguousWidth: 1 }));
    expect(cellWidth(narrow)).toBe(40);
    expect(narrow).toMatch(/ 7% $/u);
    expect(narrow).not.toContain('368373');
    expect(narrow).toMatch(/^ 2\/3000 第二/u);
    // Wide enough, the rows are counted as before.
    expect(strip(statusLine({ section: '2/3000 第二章', position, hints, width: 80, theme, ambiguousWidth: 1 }))).toMatch(/140\/368373 7% $/u);
  });
});

describe('sidebar', () => {
  const doc = syntheticDocument(12, 2);
  it.each([60, 80, 100])('never lets an entry touch the divider and aligns section numbers to the widest, at %i columns', (columns) => {
    const state = initialState(doc, { columns, rows: 24 });
    const frame = screenView(state, theme);
    const rows = frame!.lines.slice(0, 23).map(strip);
    const sidebar = rows.map((row) => row.split('│')[0] ?? '');
    for (const entry of sidebar) expect(entry.endsWith(' '), entry).toBe(true);
    // Entries 9 and 10: the name starts in the same column.
    const nine = sidebar.find((row) => /^\s*>?\s+9 /.test(row))!;
    const ten = sidebar.find((row) => /^\s*>?\s+10 /.test(row))!;
    expect(nine).toBeDefined();
    expect(ten).toBeDefined();
    expect(cellWidth(nine.slice(0, nine.indexOf('第')))).toBe(cellWidth(ten.slice(0, ten.indexOf('第'))));
  });
});

describe('headings', () => {
  const doc = interviewDocument();
  const titleCells = cellWidth(doc.title);

  it('balances a title that would leave one character on its last line', () => {
    // The width at which the greedy layout leaves exactly one character over.
    const width = titleCells - 2;
    const rows = flowRows(doc, { width }).filter((row) => row.kind === 'title');
    expect(rows.length).toBe(2);
    expect(rows.map((row) => row.text).join('')).toBe(doc.title);
    const [first, last] = rows.map((row) => row.width);
    expect(Math.abs(first! - last!)).toBeLessThanOrEqual(4);
  });

  it.each([20, 31, 44, 57, 70])('never ends a heading with a lone character at width %i', (width) => {
    const rows = flowRows(doc, { width }).filter((row) => row.kind === 'title' || row.kind === 'heading');
    const blocks = new Map<string, typeof rows>();
    for (const row of rows) blocks.set(row.blockId, [...(blocks.get(row.blockId) ?? []), row]);
    for (const [id, lines] of blocks) {
      for (const row of lines) expect(row.width).toBeLessThanOrEqual(width);
      if (lines.length > 1) expect(Array.from(lines.at(-1)!.text).length, id).toBeGreaterThan(1);
    }
  });

  it('breaks a chapter heading written in parts at its spaces: a 回目 keeps its halves whole', () => {
    const book = parseDocument('红楼旧梦\n\n第一回　甄士隐梦幻识通灵　贾雨村风尘怀闺秀\n　　正文一段。\n第二回 贾夫人仙逝扬州城 冷子兴演说荣国府\n　　正文一段。\n');
    const headings = (width: number) => {
      const rows = flowRows(book, { width }).filter((row) => row.kind === 'heading');
      return [...new Set(rows.map((row) => row.blockId))].map((id) => rows.filter((row) => row.blockId === id).map((row) => row.text));
    };
    expect(headings(38)).toEqual([
      ['第一回　甄士隐梦幻识通灵', '贾雨村风尘怀闺秀'],
      ['第二回 贾夫人仙逝扬州城', '冷子兴演说荣国府'],
    ]);
    expect(headings(20)).toEqual([
      ['第一回', '甄士隐梦幻识通灵', '贾雨村风尘怀闺秀'],
      ['第二回', '贾夫人仙逝扬州城', '冷子兴演说荣国府'],
    ]);
    // Whole on one line when it fits; cut by width only when a half is wider than the line.
    expect(headings(60)[0]).toEqual(['第一回　甄士隐梦幻识通灵　贾雨村风尘怀闺秀']);
    for (const lines of headings(12)) for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(12);
  });

  it('shows the balanced title in the reader too', () => {
    let state = initialState(doc, { columns: titleCells - 2 + 2, rows: 20 });
    state = reduce(state, { type: 'toggleSidebar' });
    const rows = screenView(state, theme).lines.map(strip);
    const lone = rows.slice(1, 4).filter((row) => Array.from(row.trim()).length === 1);
    expect(lone).toEqual([]);
  });
});
