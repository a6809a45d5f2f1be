/**
 * The reader's issue-7 parts on screen: opening at a given place, marks handed to the caller, the copy
 * key and its status line, the text measure and the paragraph indent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderState } from '../../src/app/state.js';
import { citation } from '../../src/core/document/cite.js';
import { allParagraphs } from '../../src/core/document/paragraphs.js';
import type { Anchor } from '../../src/core/layout/flow.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { interviewDocument } from '../helpers/documents.js';
import { KEY, renderReader, widthOf, type ReaderOptions } from './render.js';

const doc = interviewDocument();
const paragraphs = allParagraphs(doc);
let open: { unmount(): void }[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});
const reader = async (columns: number, rows: number, extra: ReaderOptions = {}) => {
  const ui = await renderReader(doc, { columns, rows, ...extra });
  open.push(ui);
  return ui;
};
const pane = (rows: string[]) => rows.map((row) => (row.includes('│') ? (row.split('│')[1] ?? '') : row));
const paragraph = (id: string) => {
  const found = paragraphs.find((p) => p.id === id);
  if (!found) throw new Error(`no paragraph ${id}`);
  return found;
};

describe('opening', () => {
  it('opens with the given anchor at the top and shows the first notice in the status bar', async () => {
    const ui = await reader(80, 24, { initial: { top: { block: 's2p3', offset: 0 }, notice: 'saved place not restored: x is not valid JSON' } });
    const rows = ui.rows();
    expect(pane(rows)[1]?.trim().slice(0, 6)).toBe(paragraph('s2p3').text.slice(0, 6));
    expect(rows[23]).toContain('saved place not restored');
    await ui.press('j');
    expect(ui.rows()[23]).not.toContain('saved place not restored');
  });

  it('opens at an anchor in the middle of a paragraph with that character on the top row, at any size', async () => {
    const target = paragraph('s1p2');
    const offset = Math.floor(target.text.length / 2);
    for (const [columns, rows] of [[80, 24], [40, 12], [120, 30]] as const) {
      const ui = await reader(columns, rows, { initial: { top: { block: 's1p2', offset } } });
      const top = pane(ui.rows())[1]?.trim() ?? '';
      const at = target.text.indexOf(top);
      expect(at, `${columns}x${rows}: ${top}`).toBeGreaterThanOrEqual(0);
      expect(at <= offset && offset < at + top.length).toBe(true);
      ui.unmount();
    }
  });
});

describe('marks', () => {
  it('hands each mark to onMark as it is set and jumps back to it', async () => {
    const saved: [string, Anchor][] = [];
    const ui = await reader(80, 24, { onMark: (letter, anchor) => void saved.push([letter, anchor]) });
    await ui.press('2', 'j', 'j', 'm', 'a');
    const marked = pane(ui.rows());
    expect(saved).toHaveLength(1);
    expect(saved[0]?.[0]).toBe('a');
    expect(ui.rows()[23]).toContain('mark a set');
    await ui.press('G', "'", 'a');
    expect(pane(ui.rows()).slice(0, 23)).toEqual(marked.slice(0, 23));
    await ui.press("'", "'");
    expect(ui.rows()[23]).toMatch(/100%/);
    expect(saved).toHaveLength(1);
  });

  it('shows a failed save of a mark as a notice', async () => {
    const ui = await reader(80, 24, { onMark: () => 'place not saved: the disk is full' });
    await ui.press('m', 'b');
    expect(ui.rows()[23]).toContain('the disk is full');
  });

  it('shows the second-key hints while a mark key waits, and cancels on Esc', async () => {
    const ui = await reader(80, 24);
    await ui.press('m');
    expect(ui.rows()[23]).toContain('set mark');
    await ui.press(KEY.escape);
    expect(ui.rows()[23]).toContain('? help');
  });

  it("reports the latest state to onStateChange (what is saved on the way out)", async () => {
    let latest: ReaderState | undefined;
    const ui = await reader(80, 24, { onStateChange: (state) => (latest = state) });
    await ui.press('3');
    expect(latest?.top).toEqual({ block: 's3', offset: 0 });
    await ui.press('i', '-');
    expect(latest?.indent).toBe(true);
    expect(latest?.measure).toBeGreaterThan(0);
  });
});

describe('copy', () => {
  it('y copies the citation of the paragraph at the top once and shows the status returned', async () => {
    const copies: [string, string][] = [];
    const ui = await reader(80, 24, {
      initial: { top: { block: 's2p3', offset: 0 } },
      copy: (text, ref) => {
        copies.push([text, ref]);
        return `copied ${ref} (${[...text].length} chars)`;
      },
    });
    await ui.press('y');
    expect(copies).toEqual([[citation(doc, paragraph('s2p3')), 's2p3']]);
    expect(ui.rows()[23]).toContain(`copied s2p3 (${[...citation(doc, paragraph('s2p3'))].length} chars)`);
    await ui.press('j');
    expect(copies).toHaveLength(1);
    await ui.press('y');
    expect(copies).toHaveLength(2);
  });

  it('says copying is off when no copy function is given', async () => {
    const ui = await reader(80, 24);
    await ui.press('y');
    expect(ui.rows()[23]).toContain('copying is off');
  });
});

describe('measure and indent', () => {
  it('centres a measured column in a wide pane and keeps every row inside it', async () => {
    const ui = await reader(160, 30, { initial: { measure: 40 } });
    const rows = pane(ui.rows()).slice(1, 29);
    const paneWidth = 160 - cellWidth(`${ui.rows()[0]?.split('│')[0] ?? ''}│`);
    const text = rows.filter((row) => row.trim() !== '');
    const lefts = text.map((row) => cellWidth(row.slice(0, row.length - row.trimStart().length)));
    const left = Math.min(...lefts);
    const right = Math.max(...text.map((row) => cellWidth(row.trimEnd())));
    expect(right - left).toBeLessThanOrEqual(40);
    expect(right - left).toBeGreaterThan(30);
    expect(Math.abs(left - (paneWidth - right))).toBeLessThanOrEqual(2);
  });

  it('narrows with - and widens with =, the text staying within the terminal', async () => {
    const ui = await reader(120, 30);
    const span = () => {
      const text = pane(ui.rows()).slice(1, 29).filter((row) => row.trim() !== '');
      return Math.max(...text.map((row) => cellWidth(row.trim())));
    };
    const before = span();
    await ui.press('-', '-', '-', '-');
    expect(span()).toBeLessThan(before);
    expect(ui.rows()[29]).toContain('text width');
    await ui.press('=', '=', '=', '=');
    expect(span()).toBe(before);
    for (const row of ui.rows()) expect(widthOf(row)).toBeLessThanOrEqual(120);
  });

  it('i puts two full-width spaces before the first line of each paragraph, and takes them away again', async () => {
    const ui = await reader(80, 24, { initial: { top: { block: 's1p1', offset: 0 } } });
    const firstLine = () => pane(ui.rows())[1] ?? '';
    expect(firstLine()).toMatch(/^ 重庆日报：/);
    await ui.press('i');
    expect(firstLine()).toMatch(/^ \u3000\u3000重庆日报：/);
    for (const row of ui.rows()) expect(widthOf(row)).toBeLessThanOrEqual(80);
    await ui.press('i');
    expect(firstLine()).toMatch(/^ 重庆日报：/);
  });
});
