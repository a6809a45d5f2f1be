import { afterEach, describe, expect, it } from 'vitest';
import { helpLines } from '../../src/app/help.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { interviewDocument } from '../helpers/documents.js';
import { KEY, renderReader, styleAt, until, widthOf } from './render.js';

const doc = interviewDocument();
const headings = doc.sections.map((s) => s.title);
let open: { unmount(): void }[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});
const reader = async (columns: number, rows: number, extra: Omit<Parameters<typeof renderReader>[1], 'columns' | 'rows'> = {}) => {
  const ui = await renderReader(doc, { columns, rows, ...extra });
  open.push(ui);
  return ui;
};
/** The main pane's rows at 80 columns: what is right of the separator. */
const pane = (rows: string[]) => rows.map((row) => row.split('│')[1] ?? '');
const textTop = (rows: string[]) => pane(rows)[1]?.trim() ?? '';

describe('the screen at 80x24', () => {
  it('fills exactly the terminal, no row wider than it', async () => {
    const ui = await reader(80, 24);
    const rows = ui.rows();
    expect(rows).toHaveLength(24);
    for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(80);
  });

  it('lists the title, the lead and the three numbered headings in the sidebar, cut with an ellipsis', async () => {
    const rows = (await reader(80, 24)).rows();
    const sidebar = rows.map((row) => row.split('│')[0] ?? '');
    expect(sidebar[0]).toContain(doc.title.slice(0, 6));
    expect(sidebar.some((row) => row.includes('导语'))).toBe(true);
    headings.forEach((heading, i) => {
      const entry = sidebar.find((row) => row.includes(`${i + 1} ${heading.slice(0, 4)}`));
      expect(entry, heading).toBeDefined();
      if (cellWidth(`  ${i + 1} ${heading}`) > 24) expect(entry?.trim().endsWith('…')).toBe(true);
    });
  });

  it('shows the header, the text with speaker labels, and a status bar with position and keys', async () => {
    const ui = await reader(80, 24);
    const rows = ui.rows();
    // The running head stays blank while the text's own title is in view, so the title is shown once.
    expect(pane(rows)[0]?.trim()).toBe('');
    expect(rows.filter((row) => row.includes(doc.dateline?.raw ?? '?'))).toHaveLength(1);
    expect(textTop(rows)).toBe(doc.title.slice(0, textTop(rows).length));
    expect(rows.join('\n')).toContain('重庆日报：');
    expect(rows.join('\n')).toContain('刘忠：');
    const status = rows[23] ?? '';
    expect(status).toMatch(/1\/\d+ \d+%/);
    expect(status).toContain('? help');
    expect(status).toContain('Space page');
    // A page on, inside section 1 with its heading scrolled off: the running head is that heading.
    await ui.press(' ');
    expect(pane(ui.rows())[0]?.trim()).toBe(doc.sections[0]?.title);
    // In the lead, past the title: the title and the dateline.
    const lead = await reader(80, 24, { initial: { top: { block: doc.lead[0]!.id, offset: 0 } } });
    const head = pane(lead.rows())[0] ?? '';
    expect(head).toContain(doc.dateline?.raw);
    expect(head).toContain(doc.title.slice(0, 8));
  });

  it('styles questions and answers differently, headings prominent', async () => {
    const raw = (await reader(80, 24)).raw();
    const heading = headings[0] ?? '';
    expect(styleAt(raw, '重庆日报：推动')).toMatchObject({ bold: true, fg: 34 });
    expect(styleAt(raw, '推动电子')).toMatchObject({ bold: true, fg: undefined });
    expect(styleAt(raw, '刘忠：为统筹')).toMatchObject({ bold: true, fg: 32 });
    expect(styleAt(raw, '为统筹')).toMatchObject({ bold: false, dim: false, fg: undefined });
    // The heading row of the text pane (the sidebar's entry is cut short before its end).
    expect(styleAt(raw, `${heading}\n`)).toMatchObject({ bold: true, fg: 35 });
    expect(styleAt(raw, '重庆日报消息')).toMatchObject({ bold: false, fg: undefined });
  });

  it('uses only attributes, no colours, without colour', async () => {
    const raw = (await reader(80, 24, { color: false })).raw();
    expect(raw.flat().some((span) => span.style?.color !== undefined)).toBe(false);
    expect(styleAt(raw, '重庆日报：推动')).toMatchObject({ bold: true, underline: true });
    expect(styleAt(raw, '刘忠：为统筹')).toMatchObject({ bold: true });
    expect(styleAt(raw, `${headings[0]}\n`)).toMatchObject({ bold: true, underline: true });
    expect(styleAt(raw, '? help')).toMatchObject({ inverse: true });
  });
});

describe('navigation', () => {
  it('moves one row per j, one frame per key, none for a key that changes nothing', async () => {
    const ui = await reader(80, 24);
    const before = pane(ui.rows());
    let frames = ui.frameCount();
    await ui.press('j');
    expect(ui.frameCount()).toBe(frames + 1);
    expect(pane(ui.rows()).slice(1, 22)).toEqual(before.slice(2, 23));
    await ui.press('k');
    expect(pane(ui.rows())).toEqual(before);
    frames = ui.frameCount();
    await ui.press('k', 'g');
    expect(ui.frameCount()).toBe(frames);
  });

  it('jumps to sections, marks the current one in the sidebar and the status bar', async () => {
    const ui = await reader(80, 24);
    for (const [key, n] of [['2', 2], [']', 3], ['[', 2], ['1', 1]] as const) {
      await ui.press(key);
      const rows = ui.rows();
      expect(textTop(rows)).toBe(headings[n - 1]);
      expect(rows.find((row) => row.startsWith('> '))).toContain(`> ${n} `);
      expect(rows[23]).toContain(headings[n - 1]?.slice(0, 4));
    }
  });

  it('G shows the end of the text at the bottom, g the title at the top; space and Ctrl-d page', async () => {
    const ui = await reader(80, 24);
    await ui.press('G');
    expect(pane(ui.rows())[22]).toContain(doc.originalTitle?.slice(-6));
    expect(ui.rows()[23]).toMatch(/100%/);
    await ui.press('g');
    expect(textTop(ui.rows())).toBe(doc.title.slice(0, textTop(ui.rows()).length));
    const top = pane(ui.rows());
    await ui.press(' ');
    expect(pane(ui.rows())[1]).not.toBe(top[1]);
    await ui.press('b', KEY.ctrlD);
    expect(pane(ui.rows())[1]).toBe(top[12]);
    await ui.press(KEY.ctrlU, KEY.end, KEY.home, KEY.pageDown, KEY.pageUp, KEY.down, KEY.up);
    expect(pane(ui.rows())).toEqual(top);
  });

  it('Tab focuses the sidebar with the current entry selected; j and Enter open the next section', async () => {
    const ui = await reader(80, 24);
    await ui.press('1', KEY.tab);
    expect(styleAt(ui.raw(), '> 1 累计')).toMatchObject({ inverse: true });
    expect(styleAt(ui.raw(), '2 推进')).toMatchObject({ inverse: false });
    expect(ui.rows()[23]).toContain('Enter open');
    await ui.press('j');
    expect(styleAt(ui.raw(), '2 推进')).toMatchObject({ inverse: true });
    await ui.press(KEY.enter);
    expect(textTop(ui.rows())).toBe(headings[1]);
    expect(ui.rows()[23]).toContain('Space page');
  });

  it('? lists every binding (scrolling through it) and Esc closes it where the text was', async () => {
    const ui = await reader(80, 24);
    await ui.press('j', 'j');
    const text = ui.rows();
    await ui.press('?');
    const seen = new Set<string>();
    // Page down until the title no longer says there is more (and a page past that).
    for (let pages = 0; pages < 20; pages++) {
      for (const row of pane(ui.rows())) seen.add(row.trim());
      if (!pane(ui.rows())[0]?.includes('more')) break;
      await ui.press(' ');
    }
    const shown = [...seen].join('\n');
    for (const line of helpLines()) if (line.kind === 'binding') expect(shown).toContain(line.text);
    await ui.press(KEY.escape);
    expect(ui.rows()).toEqual(text);
  });
});

describe('sizes', () => {
  it('collapses the sidebar below 60 columns and stays usable at 40x12', async () => {
    const ui = await reader(40, 12);
    let rows = ui.rows();
    expect(rows).toHaveLength(12);
    expect(rows.join('')).not.toContain('│');
    for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(40);
    expect(rows[11]).toContain('? help');
    await ui.press(KEY.tab);
    rows = ui.rows();
    headings.forEach((heading, i) => expect(rows.some((row) => row.includes(`${i + 1} ${heading.slice(0, 6)}`))).toBe(true));
    await ui.press('j', 'j', 'j', KEY.enter);
    expect(ui.rows()[1]?.trim()).toBe(headings[1]);
    await ui.press('s');
    expect(ui.rows().join('\n')).toContain('导语');
    await ui.press('s');
    expect(ui.rows()[1]?.trim()).toBe(headings[1]);
  });

  it('shows a short notice below 20x6 and the reader again when the terminal grows', async () => {
    const ui = await reader(19, 12);
    expect(ui.rows().join('\n')).toContain('too small');
    await ui.resize(30, 5);
    expect(ui.rows().join('\n')).toContain('Terminal too small');
    await ui.resize(20, 6);
    const rows = ui.rows();
    expect(rows.join('\n')).not.toContain('too small');
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(20);
  });

  it('keeps the top paragraph and character at the top through resizes', async () => {
    const ui = await reader(80, 24);
    await ui.press(...Array<string>(30).fill('j'));
    const top = textTop(ui.rows());
    for (const [columns, rows] of [[60, 20], [40, 12], [100, 30]] as const) {
      await ui.resize(columns, rows);
      const shown = ui.rows();
      const body = columns >= 60 ? pane(shown) : shown;
      expect(`${body[1]?.trim()}${body[2]?.trim()}`).toContain(top.slice(0, 4));
    }
    await ui.resize(80, 24);
    expect(textTop(ui.rows())).toBe(top);
  });

  it('lays out for ambiguous-wide terminals: rows fit when “ ” … count two cells', async () => {
    const ui = await reader(60, 20, { ambiguousWidth: 2 });
    await ui.press(...Array<string>(8).fill(' '));
    for (const row of ui.rows()) expect(widthOf(row, 2)).toBeLessThanOrEqual(60);
    expect(ui.rows().join('')).not.toContain('│');
  });

  it('opens at the section asked for', async () => {
    const ui = await reader(80, 24, { section: 3 });
    expect(textTop(ui.rows())).toBe(headings[2]);
  });
});

describe('a 100,000-paragraph document', () => {
  it('shows its first screen with an estimated total, laying out the rest in the background', async () => {
    const { syntheticDocument } = await import('../helpers/documents.js');
    const ui = await renderReader(syntheticDocument(1000, 100), { columns: 80, rows: 24 });
    open.push(ui);
    const status = ui.rows()[23] ?? '';
    expect(status).toMatch(/1\/~\d+/);
    expect(status).toMatch(/layout +\d+%/);
    await ui.press('G');
    expect(ui.rows().join('\n')).toContain('1000.100');
  });

  it('counts a shorter long document without a word on its first screen, then shows the exact total', async () => {
    const { syntheticDocument } = await import('../helpers/documents.js');
    const ui = await renderReader(syntheticDocument(30, 100), { columns: 80, rows: 24 });
    open.push(ui);
    const first = ui.rows()[23] ?? '';
    expect(first).toMatch(/1\/~\d+/);
    expect(first).not.toMatch(/layout/);
    await until(() => !/~/.test(ui.rows()[23] ?? ''), 'the exact total', 50_000);
    expect(ui.rows()[23]).toMatch(/ 1\/\d+ \d+%/);
  }, 60_000);
});

describe('status bar hints', () => {
  it('names the keys of the focused part, ? always, as many as fit', async () => {
    const narrow = await reader(40, 12);
    expect(narrow.rows()[11]).toContain('? help');
    await narrow.press(KEY.tab);
    expect(narrow.rows()[11]).toContain('Enter open');
    expect(narrow.rows()[11]).toContain('? help');
    const wide = await reader(120, 30);
    expect(wide.rows()[29]).toMatch(/Space page .*\] section .*q quit .*\? help/);
  });
});
