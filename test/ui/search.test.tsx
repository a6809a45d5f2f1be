import { afterEach, describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../src/core/search/index.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { interviewDocument } from '../helpers/documents.js';
import { lineText } from '../../src/ui/text.js';
import { KEY, renderReader, styleAt, widthOf } from './render.js';

const doc = interviewDocument();
const index = createSearchIndex(doc);
type Reader = Awaited<ReturnType<typeof renderReader>>;
let open: Reader[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});
const reader = async (columns: number, rows: number, extra: { color?: boolean; initial?: { search: string } } = {}) => {
  const ui = await renderReader(doc, { columns, rows, ...extra });
  open.push(ui);
  return ui;
};
/** The main pane's rows at 80 columns: what is right of the separator. */
const pane = (rows: string[]) => rows.map((row) => row.split('│')[1] ?? '');

/** Waits until the frame satisfies `holds` (searches answer asynchronously). */
async function until(ui: Reader, holds: (rows: string[]) => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 10) {
    if (holds(ui.rows())) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}:\n${ui.rows().join('\n')}`);
}

const hits = index.search('集成电路');
const best = hits[0]!;

describe('the search line', () => {
  it('opens at the bottom with /, and q, j and G are typed into it: no quitting, no scrolling', async () => {
    const ui = await reader(80, 24);
    const before = ui.rows();
    await ui.press('/');
    expect(ui.rows()[23]).toMatch(/^\//);
    await ui.press('q', 'j', 'G', ' ');
    const rows = ui.rows();
    expect(rows[23]).toMatch(/^\/qjG /);
    // The text has not moved (the results list covers the bottom of the body, the rows above are as before).
    expect(pane(rows).slice(0, 10)).toEqual(pane(before).slice(0, 10));
    expect(rows).toHaveLength(24);
    await ui.press(KEY.escape);
    // A lone Escape is told from the start of a key's sequence only after a pause: wait for its frame.
    await until(ui, (rows) => rows.join('\n') === before.join('\n'), 'the frame before the search').catch(() => undefined);
    expect(ui.rows()).toEqual(before);
  });

  it('lists the results of what is typed, with section, speaker and the match highlighted', async () => {
    const ui = await reader(80, 24);
    await ui.press('/', '集成电路');
    await until(ui, (rows) => rows.filter((row) => row.includes('集成电路')).length >= hits.length, 'the results');
    const rows = ui.rows();
    expect(rows[23]).toMatch(/^\/集成电路 +hit \d of 4 $/);
    const list = rows.slice(23 - hits.length, 23);
    hits.forEach((hit, i) => {
      const row = list[i] ?? '';
      expect(row.startsWith(i === 0 ? '>' : ' ')).toBe(true);
      expect(row).toContain(`${hit.section} ${hit.sectionTitle.slice(0, 4)}`);
      if (hit.speaker) expect(row).toContain(`${hit.speaker}：`);
      expect(row).toContain('集成电路');
      expect(widthOf(row)).toBeLessThanOrEqual(80);
    });
    const listRaw = ui.raw().slice(23 - hits.length, 23);
    expect(styleAt([listRaw[1] ?? []], '集成电路')).toMatchObject({ bold: true, fg: 33 });
    // The chosen entry is inverse, its match too.
    expect(styleAt([listRaw[0] ?? []], '集成电路')).toMatchObject({ inverse: true, fg: 33 });
  });

  it('says when nothing matches', async () => {
    const ui = await reader(80, 24);
    await ui.press('/', 'zzzzqqq');
    await until(ui, (rows) => rows[23]?.includes('no match') ?? false, 'no match');
    expect(ui.rows()[22]).toContain('no match for “zzzzqqq”');
  });

  it('takes a paste in one piece, newlines turned into spaces, without running keys', async () => {
    const ui = await reader(80, 24);
    await ui.press('/', '\u001b[200~集成\nq电路\u001b[201~');
    expect(ui.rows()[23]).toMatch(/^\/集成 q电路/);
    await ui.press('\u007f', '\u007f', '\u007f');
    expect(ui.rows()[23]).toMatch(/^\/集成 /);
  });
});

describe('Enter, n, N and Esc', () => {
  it('Enter goes to the best hit with its matches highlighted; the status bar counts hits and shows the query', async () => {
    const ui = await reader(80, 24);
    await ui.press('/', '集成电路');
    await until(ui, (rows) => /hit \d of 4/.test(rows[23] ?? ''), 'the results');
    const order = [...hits].sort((a, b) => a.section - b.section || a.paragraph - b.paragraph);
    const k = order.indexOf(best) + 1;
    // One numbering: the best result, first in the list, is named by its place in the text, as after Enter.
    expect(ui.rows()[23]).toMatch(new RegExp(`hit ${k} of 4 $`));
    await ui.press(KEY.enter);
    const rows = ui.rows();
    expect(rows[23]).toContain(`hit ${k} of 4  /集成电路`);
    const text = pane(rows).slice(1, 23);
    // The row with the match is at the top of the text.
    expect(text[0]).toContain('集成电路'.slice(0, 2));
    // Every match on screen is highlighted: the first (current hit) in inverse.
    const raw = ui.raw();
    const y = rows.findIndex((row) => row.includes('集成电路'));
    expect(styleAt([raw[y] ?? []], '集成电路')).toMatchObject({ inverse: true });
    // Other text is not.
    expect(styleAt([raw[y] ?? []], pane([lineText(raw[y] ?? [])])[0]!.trim().slice(0, 1))).toMatchObject({ inverse: false });
  });

  it('n wraps around with a notice, N goes back; Esc ends the search without quitting', async () => {
    const ui = await reader(80, 24);
    await ui.press('/', '集成电路');
    await until(ui, (rows) => /hit \d of 4/.test(rows[23] ?? ''), 'the results');
    await ui.press(KEY.enter);
    const atBest = ui.rows();
    const order = [...hits].sort((a, b) => a.section - b.section || a.paragraph - b.paragraph);
    const k = order.indexOf(best) + 1;
    await ui.press('n');
    expect(ui.rows()[23]).toContain(`hit ${(k % 4) + 1} of 4`);
    if (k === 4) expect(ui.rows()[23]).toContain('wrapped around to the first hit');
    await ui.press('N');
    expect(ui.rows()[23]).toContain(`hit ${k} of 4`);
    if (k === 4) expect(ui.rows()[23]).toContain('wrapped around to the last hit');
    expect(pane(ui.rows()).slice(1, 23)).toEqual(pane(atBest).slice(1, 23));
    await ui.press(KEY.escape);
    const ended = ui.rows();
    expect(ended[23]).not.toContain('hit ');
    expect(pane(ended).slice(1, 23)).toEqual(pane(atBest).slice(1, 23));
    const y = ended.findIndex((row) => row.includes('集成电路'));
    expect(styleAt([ui.raw()[y] ?? []], '集成电路')).toMatchObject({ inverse: false, bold: false });
    expect(ui.frameCount()).toBeGreaterThan(0);
    await ui.press(KEY.escape);
  });

  it('highlights with attributes only under NO_COLOR', async () => {
    const ui = await reader(80, 24, { color: false });
    await ui.press('/', '重庆');
    await until(ui, (rows) => /hit \d+ of \d/.test(rows[23] ?? ''), 'the results');
    await ui.press(KEY.enter);
    const raw = ui.raw();
    expect(raw.flat().some((span) => span.style?.color !== undefined)).toBe(false);
    const y = ui.rows().findIndex((row, i) => i > 0 && i < 23 && row.includes('重庆'));
    expect(styleAt([raw[y] ?? []], '重庆')).toMatchObject({ inverse: true });
  });
});

describe('--search', () => {
  it('opens at the best hit with the search active', async () => {
    const ui = await reader(80, 24, { initial: { search: '集成电路' } });
    await until(ui, (rows) => (rows[23] ?? '').includes('/集成电路'), 'the hit');
    expect(pane(ui.rows())[1]).toContain('集成电路'.slice(0, 2));
  });

  it('opens at the start with a notice when nothing matches', async () => {
    const ui = await reader(80, 24, { initial: { search: 'zzzzqqq' } });
    await until(ui, (rows) => (rows[23] ?? '').includes('no match'), 'the notice');
    expect(pane(ui.rows())[1]?.trim()).toBe(doc.title.slice(0, pane(ui.rows())[1]?.trim().length));
  });
});

describe('at 40x12', () => {
  it('fits the search line and the results in 40 columns', async () => {
    const ui = await reader(40, 12);
    await ui.press('/', 'jcdl');
    await until(ui, (rows) => /hit \d of 4/.test(rows[11] ?? ''), 'the results');
    const rows = ui.rows();
    expect(rows).toHaveLength(12);
    for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(40);
    // Half the body for results: five of the eleven rows.
    expect(rows.slice(6, 11).filter((row) => row.includes('集成电路'))).toHaveLength(4);
    await ui.press(KEY.down, KEY.enter);
    expect(ui.rows()[11]).toMatch(/hit \d of 4/);
    expect(cellWidth(ui.rows()[11] ?? '')).toBeLessThanOrEqual(40);
  });
});
