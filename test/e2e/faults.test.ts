/**
 * The built reader in a pseudo-terminal (read through @xterm/headless) when the terminal or the
 * process misbehaves: sizes from 1x1 to 300x100, resize storms while scrolling and while searching,
 * SIGINT, SIGTERM and SIGHUP at start-up, mid-scroll and mid-search, standard input at EOF, no
 * controlling terminal, TERM=dumb, NO_COLOR and locales that are not UTF-8. Each must end with the
 * terminal as it was: main screen, cursor shown, the line settings (`stty -g`) unchanged.
 */
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { disposeTerminals, keys, startTerminal, YUEDU_BIN, type StartOptions, type TerminalSession } from '../helpers/terminal.js';

const doc = parseDocument(readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8'));
const headings = doc.sections.map((section) => section.title);
const ENTER_ALTERNATE = '\u001b[?1049h';
const LEAVE_ALTERNATE = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const HIDE_CURSOR = '\u001b[?25l';

afterEach(disposeTerminals);

const ready = (t: TerminalSession): boolean => t.isAlternateScreen() && t.row(t.rows - 1).includes('? help');

async function open(options: StartOptions = {}): Promise<TerminalSession> {
  const term = await startTerminal({ cols: 80, rows: 24, ...options });
  await term.waitFor(ready);
  await term.settle();
  return term;
}

/** Main screen back, cursor shown (in the emulator, and in the bytes after the last hide). */
function expectRestored(term: TerminalSession): void {
  const raw = term.raw;
  if (raw.includes(ENTER_ALTERNATE)) expect(raw.lastIndexOf(LEAVE_ALTERNATE)).toBeGreaterThan(raw.lastIndexOf(ENTER_ALTERNATE));
  if (raw.includes(HIDE_CURSOR)) expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(HIDE_CURSOR));
  expect(term.isAlternateScreen()).toBe(false);
  expect(term.cursor().visible).toBe(true);
}

function expectRowsFit(term: TerminalSession): void {
  term.text().forEach((row, y) => expect(cellWidth(row), `row ${y}: ${row}`).toBeLessThanOrEqual(term.cols));
}

/** A fixed pseudo-random sequence (a linear congruential generator), so a failure can be replayed. */
function* numbers(seed: number): Generator<number> {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

describe('terminal sizes', () => {
  it.each([
    [1, 1, []],
    [2, 2, ['to', 'ne']],
    [10, 3, ['too small', 'need 20x6']],
    [19, 5, ['Terminal too small', 'need 20x6']],
  ] as const)('%ix%i: a short notice instead of a broken layout, and q still quits', async (cols, rows, lines) => {
    const term = await startTerminal({ cols, rows });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().trim() !== '');
    await term.settle();
    expectRowsFit(term);
    for (const line of lines) expect(term.screen()).toContain(line);
    term.write('j');
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    expectRestored(term);
  });

  it('300x100: the whole layout, every row within the width', async () => {
    const term = await open({ cols: 300, rows: 100 });
    expectRowsFit(term);
    for (const heading of headings) expect(term.screen()).toContain(heading);
    // The whole interview fits: G has nowhere to go, and the status bar says so.
    await term.press('G', { change: false });
    expect(term.row(99)).toContain('100%');
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    expectRestored(term);
  });
});

describe('resize storms', () => {
  const FINAL = { cols: 70, rows: 20 } as const;

  /**
   * Hundreds of resizes to random sizes (1x1 up to 200x60), about a second's worth on an idle machine
   * (not asserted: a loaded one takes longer, and the storm is no less a storm), `key` typed every tenth.
   */
  async function storm(term: TerminalSession, key: string, seed: number): Promise<void> {
    const random = numbers(seed);
    const next = (max: number): number => 1 + Math.floor((random.next().value as number) * max);
    const started = performance.now();
    let count = 0;
    while (count < 300 || performance.now() - started < 500) {
      term.resize(next(200), next(60));
      if (count % 10 === 0) term.write(key);
      count++;
      if (count % 3 === 0) await sleep(1);
    }
    expect(count).toBeGreaterThanOrEqual(300);
    term.resize(FINAL.cols, FINAL.rows);
    await term.waitFor((t) => t.row(FINAL.rows - 1).trim() !== '', { timeout: 15_000 });
    await term.settle(300, { timeout: 15_000 });
  }

  it('while scrolling: no crash, and the final size shows what a fresh start at that size shows', async () => {
    const term = await open();
    await storm(term, 'j', 7);
    expect(term.exited).toBeUndefined();
    expectRowsFit(term);
    expect(term.row(FINAL.rows - 1)).toContain('? help');
    // Section 2 at the top is a place both can reach without depending on the widths scrolled at. The
    // storm's `j`s may have left it there already (how many there were depends on the machine's speed),
    // so the stormed screen is awaited to show what the fresh one does, not to change.
    term.write('2');
    const fresh = await open(FINAL);
    await fresh.press('2');
    await term.waitFor((t) => t.text().join('\n') === fresh.text().join('\n')).catch(() => undefined);
    expect(term.text()).toEqual(fresh.text());
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    expectRestored(term);
  }, 40_000);

  it('while searching: no crash, and the search line and results as a fresh start shows them', async () => {
    const search = async (t: TerminalSession): Promise<void> => {
      await t.press('/');
      t.write('集成电路');
      await t.waitFor((s) => /hit \d+ of \d+\+?\s*$/.test(s.row(s.rows - 1)));
      await t.settle();
    };
    const term = await open();
    await search(term);
    // Down chooses the next result: typed 30 times in the storm, clamped to the last result.
    await storm(term, keys.down, 11);
    expect(term.exited).toBeUndefined();
    expectRowsFit(term);
    const fresh = await open(FINAL);
    await search(fresh);
    for (let i = 0; i < 30; i++) fresh.write(keys.down);
    await fresh.settle(200);
    expect(term.text()).toEqual(fresh.text());
    expect(term.cursor()).toEqual(fresh.cursor());
    await term.press(keys.enter);
    expect(term.row(FINAL.rows - 1)).toMatch(/hit \d of \d/);
  }, 40_000);
});

describe('signals at any moment', () => {
  /**
   * Runs the reader in the foreground of a shell that records the terminal's line settings before
   * and after it (`stty -g`) and its exit code; the inner shell prints the reader's pid, then becomes it.
   */
  async function underShell(args: string[] = []): Promise<{ term: TerminalSession; pid: number }> {
    const reader = `"${process.execPath}" "${YUEDU_BIN}" ${args.join(' ')}`;
    const script = `echo "before=$(stty -g)"; sh -c 'echo "pid=$$"; exec ${reader}'; echo "code=$?"; echo "after=$(stty -g)"; echo settled`;
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', script] });
    await term.waitFor((t) => /pid=\d+/.test(t.raw));
    return { term, pid: Number(/pid=(\d+)/.exec(term.raw)?.[1]) };
  }

  async function expectEndedCleanly(term: TerminalSession, signal: NodeJS.Signals): Promise<void> {
    await term.waitFor((t) => t.raw.includes('settled'), { timeout: 10_000 });
    const code = Number(/code=(\d+)/.exec(term.raw)?.[1]);
    expect(code).toBe(128 + constants.signals[signal]);
    const before = /before=(\S+)/.exec(term.raw)?.[1];
    const after = /after=(\S+)/.exec(term.raw)?.[1];
    expect(before).toBeDefined();
    expect(after).toBe(before);
    expectRestored(term);
    expect(term.raw).not.toMatch(/\bat .*\.js:\d+|Error:/);
  }

  // Delays after the reader's process starts: before Node is up, while it loads, once it draws.
  it.each([
    ['SIGINT', 0],
    ['SIGINT', 150],
    ['SIGTERM', 30],
    ['SIGTERM', 300],
    ['SIGHUP', 80],
    ['SIGHUP', 500],
  ] as const)('%s %i ms into start-up', async (signal, delay) => {
    const { term, pid } = await underShell();
    await sleep(delay);
    process.kill(pid, signal);
    await expectEndedCleanly(term, signal);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s mid-scroll (keys still arriving, frames being written)', async (signal) => {
    const { term, pid } = await underShell();
    await term.waitFor(ready);
    for (let i = 0; i < 20; i++) term.write('jj ');
    await sleep(5);
    process.kill(pid, signal);
    await expectEndedCleanly(term, signal);
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s mid-search (the query just typed, its search running)', async (signal) => {
    const { term, pid } = await underShell();
    await term.waitFor(ready);
    term.write('/');
    await term.waitFor((t) => t.row(t.rows - 1).startsWith('/'));
    term.write('集成电路');
    await sleep(2);
    process.kill(pid, signal);
    await expectEndedCleanly(term, signal);
  });
});

describe('streams and environment', () => {
  it.each([
    ['stdin is /dev/null', `"${process.execPath}" "${YUEDU_BIN}" < /dev/null`],
    ['stdin is an empty pipe', `: | "${process.execPath}" "${YUEDU_BIN}"`],
    ['stdin at EOF with a FILE named', `"${process.execPath}" "${YUEDU_BIN}" content/interview.txt < /dev/null`],
  ])('%s: the interview opens, keys come from the terminal, q quits', async (_what, command) => {
    const term = await open({ command: '/bin/sh', args: ['-c', command] });
    await term.press('3');
    expect(term.screen()).toContain(headings[2]);
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    expectRestored(term);
  });

  it('no controlling terminal and stdin at EOF: a clear message, exit 2, the screen untouched', async () => {
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', `setsid -w "${process.execPath}" "${YUEDU_BIN}" content/interview.txt < /dev/null; echo "exit=$?"`] });
    await term.waitFor('exit=');
    expect(term.screen()).toContain('no terminal to read keys from');
    expect(term.screen()).toContain('exit=2');
    expect(term.raw).not.toContain(ENTER_ALTERNATE);
  });

  it('TERM=dumb: the text is printed (no full screen, no escape sequence), exit 0', async () => {
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', `"${process.execPath}" "${YUEDU_BIN}"; echo "exit=$?"`], env: { TERM: 'dumb' } });
    await term.waitFor('exit=');
    expect(term.screen()).toContain('exit=0');
    expect(term.raw).toContain(headings[2]);
    expect(term.raw).not.toContain('\u001b');
  });

  it('NO_COLOR: no colour in any byte written while reading, searching, in the sidebar and the help', async () => {
    const term = await open({ env: { NO_COLOR: '1' } });
    await term.press(' ');
    await term.press('/');
    term.write('集成电路');
    await term.waitFor((t) => /hit \d+ of \d+\+?\s*$/.test(t.row(23)));
    await term.press(keys.enter);
    await term.press('n');
    await term.press(keys.tab);
    await term.press('?');
    await term.press(keys.esc);
    term.write('q');
    await term.exit();
    const sgr = [...term.raw.matchAll(/\u001b\[([0-9;:]*)m/g)].map((m) => m[1] ?? '');
    expect(sgr.length).toBeGreaterThan(10);
    for (const params of sgr) {
      for (const param of params.split(/[;:]/)) {
        // Reset, bold, dim, underline, inverse and their ends: nothing else.
        expect(['', '0', '1', '2', '4', '7', '21', '22', '24', '27'], `SGR ${params}`).toContain(param);
      }
    }
  });

  it.each([{ LANG: 'C' }, { LANG: undefined, LC_ALL: 'POSIX' }])('%o: the reader still draws Chinese and searches it (yuedu always speaks UTF-8)', async (locale) => {
    const term = await open({ env: locale });
    expect(term.screen()).toContain(doc.title.slice(0, 8));
    await term.press('/');
    term.write('集成电路');
    await term.waitFor((t) => /hit \d+ of \d+\+?\s*$/.test(t.row(23)));
    await term.press(keys.enter);
    expect(term.row(23)).toMatch(/hit \d of \d  \//);
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
  });

  it('the harness turns resume state off unless a test sets it', async () => {
    const echo = (env?: Record<string, string | undefined>) => startTerminal({ command: '/bin/sh', args: ['-c', 'echo "[${YUEDU_STATE-unset}|${XDG_STATE_HOME-unset}]"'], ...(env ? { env } : {}) });
    const plain = await echo();
    await plain.waitFor(']');
    expect(plain.screen()).toContain('[off|unset]');
    const own = await echo({ XDG_STATE_HOME: '/tmp/x' });
    await own.waitFor(']');
    expect(own.screen()).toContain('[unset|/tmp/x]');
  });
});
