/**
 * The reader on a book: the sidebar's tree (volumes that fold, numbered chapters, the current one kept in
 * view), finding a chapter by typing in the sidebar, and the status bar's chapter and `12/120`.
 */
import { describe, expect, it } from 'vitest';
import { lineText, type Line } from '../../src/ui/text.js';
import { reduce } from '../../src/app/reducer.js';
import { filterTitles } from '../../src/app/chapter-filter.js';
import { currentEntry, setTitleFilter, sidebarEntries, sidebarView, statusSection, textFlow, topPosition } from '../../src/app/selectors.js';
import { initialState, modeOf, type ReaderState } from '../../src/app/state.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { sidebarLines } from '../../src/ui/rows/sidebar.js';
import { createTheme } from '../../src/ui/theme.js';

// As the app does when it starts (ui/App.tsx).
setTitleFilter(filterTitles);

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 第三百二十一章 for 321, 第四千零五章 for 4005: how books write them. */
function chinese(n: number): string {
  const [th, h, t, u] = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = th > 0 ? `${CN[th]}千` : '';
  if (h > 0) out += `${CN[h]}百`;
  else if (th > 0 && (t > 0 || u > 0)) out += '零';
  if (t > 0) out += `${out !== '' || t > 1 ? CN[t] : ''}十`;
  else if ((th > 0 || h > 0) && u > 0 && !out.endsWith('零')) out += '零';
  if (u > 0) out += CN[u];
  return out;
}

const NAMES = ['火山口', '鐘聲', '山路', '夜雨', '长河'];
/** A novel of `chapters` chapters under `volumes` volumes, in our own words. */
function novel(chapters: number, volumes: number): string {
  const lines = ['长河', '作者：某某'];
  const per = Math.ceil(chapters / volumes);
  for (let c = 1; c <= chapters; c++) {
    if ((c - 1) % per === 0) lines.push(`第${chinese((c - 1) / per + 1)}卷 卷${c}`);
    lines.push(`第${chinese(c)}章 ${NAMES[c % NAMES.length]}${c}`);
    lines.push(`　　这是第${c}章的正文，天色渐晚。`, `　　他停下脚步听了一会儿。`);
  }
  return lines.join('\n');
}

const doc = parseDocument(novel(120, 4));
const start = (columns = 100, rows = 30): ReaderState => initialState(doc, { columns, rows });
const press = (state: ReaderState, ...keys: string[]): ReaderState => keys.reduce((s, key) => reduce(s, { type: 'keys', keys: [key] }), state);
const typeText = (state: ReaderState, text: string) => press(state, ...Array.from(text));
const topBlock = (state: ReaderState) => textFlow(state).row(topPosition(state)).blockId;
// eslint-disable-next-line no-control-regex
const plain = (row: Line) => lineText(row).trimEnd();
const selectedLabel = (state: ReaderState) => sidebarView(state).entries[state.selected]?.label;

describe('the sidebar tree', () => {
  it('lists volumes and their numbered chapters in reading order', () => {
    const entries = sidebarEntries(doc);
    expect(entries.filter((e) => e.kind === 'volume').map((e) => e.label)).toEqual(['第一卷 卷1', '第二卷 卷31', '第三卷 卷61', '第四卷 卷91']);
    expect(entries.filter((e) => e.kind === 'section')).toHaveLength(120);
    expect(entries.find((e) => e.kind === 'section' && e.section === 31)).toMatchObject({ label: '第三十一章 鐘聲31', depth: 2 });
  });

  it('draws volumes with a fold mark, chapters indented and numbered, the current one marked', () => {
    const s = press(start(), ']', ']', ']');
    const view = sidebarView(s);
    const rows = sidebarLines({ ...view, focused: false, width: 30, height: 12, theme: createTheme(false), ambiguousWidth: 1 });
    expect(rows.map(plain)).toContain('  ▾ 第一卷 卷1');
    // Numbers right-aligned to the widest (120 chapters: three cells).
    expect(rows.map(plain)).toContain('>     3 第三章 夜雨3');
    expect(rows.map(plain)).toContain('      4 第四章 长河4');
  });

  it('dims the parts a long plain text was cut into by position, and only those', () => {
    const words = '天色渐晚山路上只剩下他一个人远处传来钟声店家端上一碗热汤';
    const plainText = Array.from({ length: 120 }, (_, i) => `　　${words.repeat(8)}${i}。`).join('\n');
    const parts = parseDocument(plainText);
    const partsState = initialState(parts, { columns: 100, rows: 30 });
    const rows = sidebarLines({ ...sidebarView(partsState), focused: false, width: 30, height: 8, theme: createTheme(false), ambiguousWidth: 1 });
    const dimmed = rows.filter((row) => row.some((span) => span.style?.dim));
    expect(dimmed.length).toBeGreaterThan(1);
    expect(dimmed.every((row) => /^\s+\d+ /.test(plain(row)))).toBe(true);
    const book = sidebarLines({ ...sidebarView(start()), focused: false, width: 30, height: 12, theme: createTheme(false), ambiguousWidth: 1 });
    expect(book.some((row) => row.some((span) => span.style?.dim))).toBe(false);
  });

  it('keeps the current chapter in view far down a long book', () => {
    const s = press(start(), 'G');
    const view = sidebarView(s);
    const rows = sidebarLines({ ...view, focused: false, width: 30, height: 10, theme: createTheme(false), ambiguousWidth: 1 });
    expect(rows.map(plain).some((r) => r.startsWith('>   120 第一百二十章'))).toBe(true);
  });

  it('folds a volume with h or ←, the selection going to the volume, and unfolds it with l, → or Enter', () => {
    const s = press(start(), ']', ']', 'tab');
    expect(selectedLabel(s)).toBe('第二章 山路2');
    const folded = press(s, 'h');
    expect(selectedLabel(folded)).toBe('第一卷 卷1');
    expect(sidebarView(folded).entries.map((e) => e.label)).not.toContain('第二章 山路2');
    expect(sidebarView(folded).entries[folded.selected]?.folded).toBe(true);
    expect(selectedLabel(press(folded, 'j'))).toBe('第二卷 卷31');
    for (const key of ['l', 'right', 'enter']) expect(sidebarView(press(folded, key)).entries.map((e) => e.label)).toContain('第二章 山路2');
    expect(press(folded, 'left').folded).toEqual(folded.folded);
    // Enter on an open volume folds it; the text does not move.
    const refolded = press(folded, 'enter', 'enter');
    expect(refolded.folded.has(0)).toBe(true);
    expect(topBlock(refolded)).toBe(topBlock(s));
  });

  it('marks the folded volume as current while reading one of its chapters', () => {
    const s = press(start(), ']', ']', 'tab', 'h', 'tab');
    const view = sidebarView(s);
    expect(view.entries[view.current]?.label).toBe('第一卷 卷1');
  });
});

describe('finding a chapter by typing in the sidebar', () => {
  it('第300章-style digits find Chinese numerals; Enter goes there and gives the text the focus', () => {
    const s = typeText(press(start(), 'tab'), '第73章');
    expect(modeOf(s)).toBe('filter');
    expect(sidebarView(s).entries[0]).toMatchObject({ kind: 'filter', label: '/第73章' });
    expect(selectedLabel(s)).toBe('第七十三章 夜雨73');
    const opened = press(s, 'enter');
    expect(opened).toMatchObject({ focus: 'text', sidebarFilter: undefined });
    expect(topBlock(opened)).toBe('s73');
  });

  it('a Chinese character typed in the sidebar starts the filter; digits go to a section until then', () => {
    expect(typeText(press(start(), 'tab'), '火').sidebarFilter).toBe('火');
    expect(typeText(press(start(), 'tab'), '9').sidebarFilter).toBeUndefined();
    expect(typeText(press(start(), 'tab', 'ctrl+f'), '99').sidebarFilter).toBe('99');
    expect(selectedLabel(typeText(press(start(), 'tab', 'ctrl+f'), '99'))).toBe('第九十九章 长河99');
  });

  it('finds by pinyin, whole or initials, after Ctrl-f (letters are keys in the sidebar)', () => {
    const whole = typeText(press(start(), 'tab', 'ctrl+f'), 'huoshankou');
    expect(sidebarView(whole).entries.slice(1).map((e) => e.label).every((l) => l.includes('火山口'))).toBe(true);
    expect(sidebarView(whole).entries.length).toBe(1 + 24);
    const initials = typeText(press(start(), 'tab', 'ctrl+f'), 'hsk');
    expect(selectedLabel(initials)).toMatch(/火山口/);
  });

  it('finds traditional titles with simplified characters and the reverse', () => {
    const s = typeText(press(start(), 'tab'), '钟声');
    expect(sidebarView(s).entries.slice(1).map((e) => e.label).every((l) => l.includes('鐘聲'))).toBe(true);
    expect(sidebarView(s).entries.length).toBe(1 + 24);
    const back = typeText(press(start(), 'tab'), '長河');
    expect(selectedLabel(back)).toMatch(/长河/);
  });

  it('fuzzy: the characters in order', () => {
    expect(selectedLabel(typeText(press(start(), 'tab'), '火口'))).toMatch(/火山口/);
  });

  it('fuzzy: in order only, in either script, and a character outside the BMP as one', () => {
    const labels = (titles: string[], query: string): string[] => {
      const book = parseDocument(titles.flatMap((title) => [title, '　　这是正文，天色渐晚。', '　　他停下脚步听了一会儿。']).join('\n'));
      const s = typeText(press(initialState(book, { columns: 100, rows: 30 }), 'tab'), query);
      return sidebarView(s).entries.slice(1).map((e) => e.label.replace(/^\s*\d+\s*/u, ''));
    };
    const titles = ['第一章 鐘聲山路', '第二章 山路鐘聲', '第三章 𠀀字山', '第四章 夜雨'];
    // 钟…路 in order: the first title (as simplified), not the second (路 before 钟).
    expect(labels(titles, '钟路')).toEqual(['第一章 鐘聲山路']);
    expect(labels(titles, '𠀀山')).toEqual(['第三章 𠀀字山']);
    expect(labels(titles, '山𠀀')).toEqual([]);
  });

  it('moves through the matches, deletes, and Esc goes back to the outline at the current chapter', () => {
    const s = typeText(press(start(), ']', 'tab'), '火山口');
    expect(selectedLabel(press(s, 'down'))).toBe(sidebarView(s).entries[2]?.label);
    expect(press(s, 'up').selected).toBe(1);
    expect(press(s, 'backspace').sidebarFilter).toBe('火山');
    expect(press(s, 'ctrl+u').sidebarFilter).toBe('');
    const closed = press(s, 'escape');
    expect(closed).toMatchObject({ focus: 'sidebar', sidebarFilter: undefined });
    expect(selectedLabel(closed)).toBe('第一章 鐘聲1');
    expect(press(closed, 'escape').focus).toBe('text');
  });

  it('finds nothing without choosing anything, and Enter then stays put', () => {
    const s = typeText(press(start(), 'tab'), '无此章');
    expect(sidebarView(s).entries).toHaveLength(1);
    expect(press(s, 'enter')).toMatchObject({ focus: 'sidebar' });
  });
});

describe('the status bar on a book', () => {
  it('names the chapter with its number of the total', () => {
    const s = press(start(), ']', ']', ']', ']');
    expect(statusSection(s)).toBe('4/120 第四章 长河4');
  });

  it('leaves the interview as it was', async () => {
    const { interviewDocument } = await import('../helpers/documents.js');
    const interview = interviewDocument();
    const s = press(initialState(interview, { columns: 100, rows: 30 }), ']', ']');
    expect(statusSection(s)).toBe(sidebarEntries(interview)[currentEntry(s)]?.label);
  });
});

describe('a book of 5,000 chapters', () => {
  const big = parseDocument(novel(5000, 50));
  const open = (): ReaderState => initialState(big, { columns: 100, rows: 30 });

  it('keeps the last chapter marked at the end and finds chapter 4999 by its number', () => {
    const end = press(open(), 'G');
    const view = sidebarView(end);
    expect(view.entries[view.current]?.label).toBe('第五千章 火山口5000');
    const found = typeText(press(open(), 'tab'), '第4999章');
    expect(selectedLabel(found)).toBe('第四千九百九十九章 长河4999');
    expect(topBlock(press(found, 'enter'))).toBe('s4999');
  });
});
