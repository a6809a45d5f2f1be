/**
 * The built reader in a pseudo-terminal on odd input: a 10,000-character bracketed paste into the
 * search line (on the interview and on a text of 100,000 paragraphs, where layout slices keep
 * re-rendering the line), a text of 100,000 one-character paragraphs, and a single 1 MB line. Each
 * must answer within a bound and stay responsive: Esc closes the search line, q quits.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/layout/width.js';
import { disposeTerminals, keys, startTerminal, type TerminalSession } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-e2e-odd-'));
afterEach(disposeTerminals);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MANY = join(dir, 'many.txt');
writeFileSync(MANY, Array.from({ length: 100_000 }, (_, i) => '我你他她它'[i % 5]).join('\n\n'));
const LINE = join(dir, 'line.txt');
writeFileSync(LINE, `${'中文'.repeat(170_000)}集成电路${'中文'.repeat(5_000)}`);

const BOUND = { timeout: 20_000 };
const answered = (t: TerminalSession): boolean => /(no match|hit \d+ of \d+\+?)\s*$/.test(t.row(t.rows - 1));

async function open(args: string[]): Promise<TerminalSession> {
  const term = await startTerminal({ args, cols: 80, rows: 24 });
  await term.waitFor((t) => t.isAlternateScreen() && t.row(23).includes('? help'), BOUND);
  await term.settle();
  return term;
}

/** Esc closes the search line (on its own: an Esc followed at once by q is Alt-q), then q quits. */
async function closeAndQuit(term: TerminalSession): Promise<void> {
  term.write(keys.esc);
  await term.waitFor((t) => t.row(23).includes('? help'), BOUND);
  term.write('q');
  expect((await term.exit(BOUND)).exitCode).toBe(0);
}

describe('a 10,000-character paste into the search line', () => {
  it.each([
    ['the interview', []],
    ['a text of 100,000 paragraphs', [MANY]],
  ])('on %s: answered, the line shows its end with the cursor in view, still responsive', async (_name, args) => {
    const term = await open(args);
    await term.press('/');
    term.write(keys.paste('集成电路'.repeat(2500)));
    // Well under a second here; a line view quadratic in the line's length took minutes under load.
    await term.waitFor((t) => t.row(23).startsWith('/…') && answered(t), { timeout: 30_000 });
    expect(cellWidth(term.row(23))).toBeLessThanOrEqual(80);
    expect(term.cursor()).toMatchObject({ y: 23, visible: true });
    // Editing the end of the long line answers too.
    term.write(keys.backspace);
    term.write('x');
    await term.waitFor((t) => /x\s+(no match|searching…)/.test(t.row(23)), BOUND);
    await term.waitFor(answered, BOUND);
    await closeAndQuit(term);
  }, 60_000);
});

describe('big texts', () => {
  it('100,000 one-character paragraphs: the first screen, G to the end, a search', async () => {
    const term = await open([MANY]);
    expect(term.screen()).toContain('我');
    await term.press('G', BOUND);
    await term.waitFor((t) => t.row(23).includes('100%'), BOUND);
    await term.press('/');
    term.write('她');
    await term.waitFor((t) => /hit \d+ of 1000\+\s*$/.test(t.row(23)), BOUND);
    await term.press(keys.enter);
    expect(term.row(23)).toMatch(/hit \d+ of 1000\+/);
    term.write('q');
    expect((await term.exit(BOUND)).exitCode).toBe(0);
  }, 60_000);

  it('a single 1 MB line: opens, pages, goes to the end, finds the word near it', async () => {
    const term = await open([LINE]);
    await term.press(' ');
    await term.press('G', BOUND);
    await term.waitFor((t) => t.row(23).includes('100%'), BOUND);
    for (const row of term.text()) expect(cellWidth(row)).toBeLessThanOrEqual(80);
    await term.press('g');
    await term.press('/');
    term.write('集成电路');
    await term.waitFor((t) => /hit 1 of 1\s*$/.test(t.row(23)), BOUND);
    await term.settle();
    // The results list shows the snippet around the match, cut to the width.
    expect(term.row(22)).toContain('集成电路');
    await term.press(keys.enter, BOUND);
    expect(term.row(23)).toContain('hit 1 of 1');
    // The match starts on the first text row (it may wrap onto the next).
    const pane = (y: number): string => term.row(y).split('│')[1]?.trim() ?? '';
    expect(pane(1)).toMatch(/集(成(电(路)?)?)?$|集成电路/);
    expect(`${pane(1)}${pane(2)}`).toContain('集成电路');
    term.write('q');
    expect((await term.exit(BOUND)).exitCode).toBe(0);
  }, 60_000);
});
