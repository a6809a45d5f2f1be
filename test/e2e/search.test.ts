/**
 * Search in the built reader (`bin/yuedu.js`), in a real pseudo-terminal read through a terminal
 * emulator, with CI=true as in CI and the resume state off (every test opens at the top): typing
 * (a whole IME commit in one write), the results list, Enter, the highlighted match in the main
 * pane (cell attributes), n, Esc, --search, pinyin, paste, and where the terminal cursor sits.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { disposeTerminals, keys, startTerminal, type TerminalSession } from '../helpers/terminal.js';

const doc = parseDocument(readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8'));
const hits = createSearchIndex(doc).search('集成电路');
const inReadingOrder = [...hits].sort((a, b) => a.section - b.section || a.paragraph - b.paragraph);
/** "hit k of n" of the best hit, the one Enter and --search go to. */
const bestK = inReadingOrder.indexOf(hits[0]!) + 1;
const NO_STATE = { YUEDU_STATE: 'off' };

afterEach(disposeTerminals);

// A short text in traditional characters, written for the test, with a title line and paragraphs.
const dir = mkdtempSync(join(tmpdir(), 'yuedu-e2e-search-'));
const TRADITIONAL = join(dir, 'traditional.txt');
writeFileSync(TRADITIONAL, '河口散記\n\n河口的紅樹林裡長滿了水筆仔，退潮時可以看見招潮蟹。\n\n老師說：見賢思齊，見不賢而內自省也。\n');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function open(options: { cols?: number; rows?: number; args?: string[]; env?: Record<string, string> } = {}) {
  const term = await startTerminal({ cols: 80, rows: 24, ...options, env: { ...NO_STATE, ...options.env } });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
  await term.settle();
  return term;
}

/** Writes keys and waits until the screen shows `condition` (searches answer asynchronously), then settles. */
async function typeAndWait(term: TerminalSession, input: string, condition: string | RegExp | ((t: TerminalSession) => boolean)): Promise<void> {
  term.write(input);
  await term.waitFor(condition, { timeout: 5000 });
  await term.settle(50);
}

const last = (term: TerminalSession): string => term.row(term.rows - 1);

/** The cells (x, y) of every on-screen occurrence of `text` in rows [from, to). */
function cellsOf(term: TerminalSession, text: string, from: number, to: number): { x: number; y: number }[] {
  const cells: { x: number; y: number }[] = [];
  for (let y = from; y < to; y++) {
    const row = term.row(y);
    for (let at = row.indexOf(text); at >= 0; at = row.indexOf(text, at + 1)) {
      const x = cellWidth(row.slice(0, at));
      for (let c = 0; c < cellWidth(text); c++) cells.push({ x: x + c, y });
    }
  }
  return cells;
}

describe('searching in the reader', () => {
  it('type 集成电路, see the results, Enter, the match highlighted in the text, n moves on, Esc closes', async () => {
    const term = await open();
    await typeAndWait(term, '/', /^\//m);
    expect(term.modes().bracketedPasteMode).toBe(true);
    // An input method commits the whole word at once.
    await typeAndWait(term, '集成电路', (t) => /hit \d of 4\s*$/.test(last(t)));
    expect(last(term)).toMatch(/^\/集成电路 /);
    // The cursor is the terminal's own, shown, just after the four double-width characters.
    expect(term.cursor()).toEqual({ x: 1 + 8, y: 23, visible: true });
    const list = term.text().slice(19, 23);
    for (const hit of hits) expect(list.some((row) => row.includes('集成电路') && (!hit.speaker || row.includes(hit.speaker)))).toBe(true);
    expect(list[0]?.startsWith('>')).toBe(true);

    await typeAndWait(term, keys.enter, (t) => /of 4  \//.test(last(t)));
    expect(last(term)).toContain(`hit ${bestK} of 4  /集成电路`);
    expect(term.cursor().visible).toBe(false);
    // Bracketed paste stays on in the text: a paste there runs no command (a pasted `qG` neither quits nor moves).
    expect(term.modes().bracketedPasteMode).toBe(true);
    const unpasted = term.screen();
    term.write(keys.paste('qG'));
    await term.settle();
    expect(term.screen()).toBe(unpasted);
    expect(term.exited).toBeUndefined();
    // The row with the match is the first text row (row 1), and every cell of every match is highlighted.
    const cells = cellsOf(term, '集成电路', 1, 23);
    expect(cells.length).toBeGreaterThanOrEqual(8);
    expect(cells[0]?.y).toBe(1);
    for (const { x, y } of cells) expect(term.attrsAt(x, y), `cell ${x},${y}\n${term.screen()}`).toMatchObject({ inverse: true, bold: true });
    // Text around it is not.
    const before = cells[0]!.x - 2;
    expect(term.attrsAt(before, 1).inverse).toBe(false);

    const firstTop = term.row(1);
    await typeAndWait(term, 'n', (t) => t.row(1) !== firstTop);
    expect(last(term)).toContain(`hit ${(bestK % 4) + 1} of 4`);
    if (bestK === 4) expect(last(term)).toContain('wrapped around to the first hit');
    const moved = cellsOf(term, '集成电路', 1, 23);
    expect(moved.length).toBeGreaterThan(0);
    // The hit gone to is in inverse; other hits on screen are marked too (bold, yellow).
    for (const { x, y } of moved) expect(term.attrsAt(x, y)).toMatchObject(y === 1 ? { inverse: true, bold: true } : { bold: true, fg: 3 });

    const shown = term.text().slice(0, 23);
    await typeAndWait(term, keys.esc, (t) => !last(t).includes('hit '));
    expect(term.exited).toBeUndefined();
    expect(term.text().slice(0, 23)).toEqual(shown);
    for (const { x, y } of moved) expect(term.attrsAt(x, y)).toMatchObject({ inverse: false, fg: 'default' });
  });

  it('types q and j into the search line: the reader neither quits nor scrolls', async () => {
    const term = await open();
    const text = term.text().slice(0, 10);
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, 'qj', (t) => last(t).startsWith('/qj'));
    await term.settle(200);
    expect(term.exited).toBeUndefined();
    expect(term.text().slice(0, 10)).toEqual(text);
    await typeAndWait(term, keys.esc, (t) => last(t).includes('? help'));
    expect(term.text().slice(0, 10)).toEqual(text);
  });

  it('Backspace removes a double-width character whole and the cursor follows by two cells', async () => {
    const term = await open();
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, '集成电路', (t) => last(t).startsWith('/集成电路'));
    await typeAndWait(term, keys.backspace, (t) => /^\/集成电 /.test(last(t)));
    expect(term.cursor()).toMatchObject({ x: 7, y: 23, visible: true });
    await typeAndWait(term, keys.left, (t) => t.cursor().x === 5);
    await typeAndWait(term, 'a', (t) => last(t).startsWith('/集成a电'));
    expect(term.cursor()).toMatchObject({ x: 6, y: 23 });
  });

  it('puts the cursor after “ ” by their width on a terminal that draws them two cells wide', async () => {
    const term = await startTerminal({ args: ['--ambiguous-wide'], ambiguousWide: true, env: NO_STATE });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
    await term.settle();
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, '“补链强链”', (t) => /hit \d+ of \d+\s*$/.test(last(t)));
    // / is one cell, each of the six characters two.
    expect(term.cursor()).toEqual({ x: 13, y: 23, visible: true });
    expect(term.cellAt(11, 23)).toEqual({ chars: '”', width: 2 });
  });

  it('takes a paste whole (bracketed paste), its newline as a space', async () => {
    const term = await open();
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, keys.paste('集成\n电路'), (t) => last(t).startsWith('/集成 电路'));
    expect(term.exited).toBeUndefined();
  });

  it('finds pinyin initials: jcdl goes to 集成电路', async () => {
    const term = await open();
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, 'jcdl', (t) => /hit \d of 4\s*$/.test(last(t)));
    await typeAndWait(term, keys.enter, (t) => /of 4  \//.test(last(t)));
    expect(last(term)).toContain(`hit ${bestK} of 4  /jcdl`);
    const cells = cellsOf(term, '集成电路', 1, 23);
    expect(cells[0]?.y).toBe(1);
    for (const { x, y } of cells) expect(term.attrsAt(x, y).inverse).toBe(true);
  });

  it('works at 40x12: results in half the body, the line and the count in 40 columns', async () => {
    const term = await open({ cols: 40, rows: 12 });
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, '集成电路', (t) => /hit \d of 4\s*$/.test(last(t)));
    for (const row of term.text()) expect(cellWidth(row)).toBeLessThanOrEqual(40);
    expect(term.text().slice(6, 11).filter((row) => row.includes('集成电路'))).toHaveLength(4);
    expect(term.cursor()).toMatchObject({ x: 9, y: 11, visible: true });
    await typeAndWait(term, keys.enter, (t) => /of 4  \//.test(last(t)));
    const cells = cellsOf(term, '集成电路', 1, 11);
    expect(cells.length).toBeGreaterThan(0);
    for (const { x, y } of cells) expect(term.attrsAt(x, y).inverse).toBe(true);
  });
});

describe('yuedu --search', () => {
  it('opens at the best hit with the search active', async () => {
    const term = await startTerminal({ args: ['--search', '集成电路'], env: NO_STATE });
    await term.waitFor((t) => t.isAlternateScreen() && last(t).includes('/集成电路'));
    await term.settle();
    expect(last(term)).toContain(`hit ${bestK} of 4`);
    const cells = cellsOf(term, '集成电路', 1, 23);
    expect(cells[0]?.y).toBe(1);
    for (const { x, y } of cells) expect(term.attrsAt(x, y).inverse).toBe(true);
    await typeAndWait(term, 'n', (t) => last(t).includes(`hit ${(bestK % 4) + 1} of 4`));
  });

  it('highlights with attributes only under NO_COLOR: inverse for the hit gone to, underline for the others', async () => {
    const term = await startTerminal({ args: ['--search', '集成电路'], env: { ...NO_STATE, NO_COLOR: '1' } });
    await term.waitFor((t) => t.isAlternateScreen() && last(t).includes('/集成电路'));
    await term.settle();
    // The hit gone to is the paragraph at the top, down to the first blank row.
    const paragraphEnd = (t: TerminalSession): number => t.text().findIndex((row, y) => y > 1 && (row.split('│')[1] ?? '').trim() === '');
    // Walk to a hit with another hit below it on the same screen.
    for (let step = 0; step < 4 && cellsOf(term, '集成电路', paragraphEnd(term), 23).length === 0; step++) {
      const count = last(term);
      await typeAndWait(term, 'n', (t) => last(t) !== count);
    }
    const end = paragraphEnd(term);
    const cells = cellsOf(term, '集成电路', 1, 23);
    expect(cells.some(({ y }) => y === 1)).toBe(true);
    expect(cells.some(({ y }) => y > end)).toBe(true);
    for (const { x, y } of cells) {
      const attrs = term.attrsAt(x, y);
      expect(attrs.fg).toBe('default');
      expect(y < end ? attrs.inverse : attrs.underline && !attrs.inverse, `cell ${x},${y}`).toBe(true);
    }
  });

  it('opens at the start with a notice when nothing matches', async () => {
    const term = await startTerminal({ args: ['--search', 'zzzzqqq'], env: NO_STATE });
    await term.waitFor((t) => t.isAlternateScreen() && last(t).includes('no match'));
    expect(last(term)).toContain('no match for “zzzzqqq”');
    expect(term.screen()).toContain(doc.title.slice(0, 8));
  });

  it('refuses an empty query before taking over the screen', async () => {
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', `"${process.execPath}" bin/yuedu.js --search ' '; echo "exit=$?"`], env: NO_STATE });
    await term.waitFor('exit=');
    expect(term.screen()).toContain('--search needs something to search for');
    expect(term.screen()).toContain('exit=2');
  });

  it('finds a traditional text from a simplified query, and highlights the characters as written', async () => {
    const term = await open({ args: [TRADITIONAL] });
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, '红树林', (t) => /hit 1 of 1\s*$/.test(last(t)));
    await typeAndWait(term, keys.enter, (t) => last(t).includes('hit '));
    expect(last(term)).toContain('hit 1 of 1  /红树林');
    const cells = cellsOf(term, '紅樹林', 1, 23);
    expect(cells).toHaveLength(6);
    for (const { x, y } of cells) expect(term.attrsAt(x, y), `cell ${x},${y}\n${term.screen()}`).toMatchObject({ inverse: true });
  });

  it('goes to a heading: 对话 is only in the original title line', async () => {
    const term = await open();
    await typeAndWait(term, '/', /^\//m);
    await typeAndWait(term, '对话', (t) => /hit 1 of 1\s*$/.test(last(t)));
    await typeAndWait(term, keys.enter, (t) => last(t).includes('hit '));
    expect(last(term)).toContain('hit 1 of 1  /对话');
    const cells = cellsOf(term, '对话', 1, 23);
    expect(cells.length).toBe(4);
    // The row of the match, in the 原标题 line (——对话市经信委副主任刘忠), is the first text row.
    expect(cells[0]!.y).toBe(1);
    expect(term.row(1)).toContain('——对话市经信委副主任');
    for (const { x, y } of cells) expect(term.attrsAt(x, y)).toMatchObject({ inverse: true });
  });
});
