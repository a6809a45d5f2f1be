/**
 * The built reader (`bin/yuedu.js`) in a real pseudo-terminal, read through a terminal emulator, with
 * CI=true as in CI: what a user sees and what the terminal is left in. Remembering the place is off
 * (YUEDU_STATE=off), so every test opens at the top whatever ran before; resume.test.ts tests it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { disposeTerminals, keys, REPO_ROOT, startTerminal, YUEDU_BIN, type TerminalSession } from '../helpers/terminal.js';

const doc = parseDocument(readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8'));
const headings = doc.sections.map((section) => section.title);
const ENTER_ALTERNATE = '\u001b[?1049h';
const LEAVE_ALTERNATE = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const BEGIN_SYNC = '\u001b[?2026h';
const NO_STATE = { YUEDU_STATE: 'off' };

afterEach(disposeTerminals);

async function open(
  options: { cols?: number; rows?: number; args?: string[]; env?: Record<string, string | undefined>; ambiguousWide?: boolean } = {},
) {
  const term = await startTerminal({ cols: 80, rows: 24, ...options, env: { ...NO_STATE, ...options.env } });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
  await term.settle();
  return term;
}

/** All keys used here redraw. */
const press = (term: TerminalSession, ...input: string[]): Promise<void> => term.typeKeys(input, { timeout: 3000 });

/** The main pane's text at 60 columns and more: right of the sidebar's rule. */
const pane = (term: TerminalSession): string[] => term.text().map((row) => (row.includes('│') ? (row.split('│')[1] ?? '') : row).trim());
/** The first text row of the main pane (row 0 is its header). */
const topText = (term: TerminalSession): string => pane(term)[1] ?? '';
/** The column (in cells) where `text` starts on row y. */
const columnOf = (term: TerminalSession, y: number, text: string): number => {
  const row = term.row(y);
  const at = row.indexOf(text);
  return at < 0 ? -1 : cellWidth(row.slice(0, at));
};
/** The cell of row y that shows `char`, as the terminal placed it (-1: none). */
const cellOf = (term: TerminalSession, y: number, char: string): number => {
  for (let x = 0; x < term.cols; x++) if (term.cellAt(x, y).chars === char) return x;
  return -1;
};

async function expectRestored(term: TerminalSession): Promise<void> {
  const tail = term.raw.slice(term.raw.lastIndexOf(ENTER_ALTERNATE));
  expect(tail).toContain(LEAVE_ALTERNATE);
  expect(tail).toContain(SHOW_CURSOR);
  expect(term.isAlternateScreen()).toBe(false);
  expect(term.cursor().visible).toBe(true);
}

describe('the reader in a terminal', () => {
  it('opens at 80x24 on the alternate screen, cursor hidden, the three headings in the sidebar', async () => {
    const term = await open();
    expect(term.raw).toContain(ENTER_ALTERNATE);
    expect(term.cursor().visible).toBe(false);
    const sidebar = term.text().map((row) => row.split('│')[0] ?? '');
    headings.forEach((heading, i) => expect(sidebar.some((row) => row.includes(`${i + 1} ${heading.slice(0, 6)}`))).toBe(true));
    expect(sidebar.some((row) => row.includes('导语'))).toBe(true);
    expect(term.row(23)).toMatch(/\? help/);
    expect(topText(term).startsWith(doc.title.slice(0, 10))).toBe(true);
  });

  it('moves as specified with j, space, G, g, ], 2, Tab and Enter', async () => {
    const term = await open();
    const first = pane(term);
    const before = term.raw.length;
    await press(term, 'j');
    expect(pane(term).slice(1, 22)).toEqual(first.slice(2, 23));
    // One key, one frame (each frame is one synchronized update).
    expect(term.raw.slice(before).split(BEGIN_SYNC)).toHaveLength(2);

    await press(term, ' ');
    const paged = pane(term);
    expect(paged[1]).not.toBe(first[2]);
    expect(term.row(23)).toMatch(/ 24\/\d+ /);

    await press(term, 'G');
    expect(term.row(23)).toContain('100%');
    expect(pane(term)[22]).toContain(doc.originalTitle?.slice(-6));

    await press(term, 'g');
    expect(pane(term)).toEqual(first);

    await press(term, ']');
    expect(topText(term)).toBe(headings[0]);
    await press(term, '2');
    expect(topText(term)).toBe(headings[1]);
    const marker = term.text().findIndex((row) => row.startsWith('> '));
    expect(term.row(marker)).toContain(`> 2 ${headings[1]?.slice(0, 4)}`);

    await press(term, keys.tab);
    const selectedX = columnOf(term, marker, '> 2');
    expect(term.attrsAt(selectedX, marker).inverse).toBe(true);
    expect(term.row(23)).toContain('Enter open');
    await press(term, 'j');
    expect(term.attrsAt(selectedX, marker).inverse).toBe(false);
    expect(term.attrsAt(columnOf(term, marker + 1, '3 '), marker + 1).inverse).toBe(true);
    await press(term, keys.enter);
    expect(topText(term)).toBe(headings[2]);
    expect(term.row(23)).toContain('Space page');
  });

  it('keeps the top paragraph and character at the top when resized to 60x20 and 40x12, and back', async () => {
    const term = await open();
    await press(term, '2', 'j', 'j', 'j');
    const top = topText(term);
    expect(top.length).toBeGreaterThan(4);

    for (const [cols, rows] of [[60, 20], [40, 12]] as const) {
      term.resize(cols, rows);
      await term.waitFor((t) => t.row(rows - 1).includes('? help'));
      await term.settle();
      const shown = pane(term);
      expect(`${shown[1]}${shown[2]}`).toContain(top.slice(0, 4));
      for (const row of term.text()) expect(cellWidth(row)).toBeLessThanOrEqual(cols);
    }
    term.resize(80, 24);
    await term.waitFor((t) => t.row(23).includes('? help') && t.row(0).includes('│'));
    await term.settle();
    expect(topText(term)).toBe(top);
  });

  it('is usable at 40x12: the sidebar opens as an overlay', async () => {
    const term = await open({ cols: 40, rows: 12 });
    expect(term.screen()).not.toContain('│');
    await press(term, keys.tab);
    headings.forEach((heading, i) => expect(term.screen()).toContain(`${i + 1} ${heading.slice(0, 6)}`));
    await press(term, '3', keys.esc);
    expect(term.row(1).trim()).toBe(headings[2]);
  });

  it('opens at the section given with --section', async () => {
    const term = await open({ args: ['--section', '2'] });
    expect(topText(term)).toBe(headings[1]);
  });

  it('keeps its layout with --ambiguous-wide on a terminal that draws “ ” … two cells wide', async () => {
    const term = await open({ args: ['--ambiguous-wide'], ambiguousWide: true });
    for (const page of [0, 1, 2]) {
      if (page > 0) await press(term, ' ');
      const rows = term.text();
      // The rule between sidebar and text stays in one column on every row: nothing overflowed and wrapped.
      // Also beside the entries cut with “…”, which the terminal draws two cells wide.
      expect(rows.slice(0, 23).some((row) => row.includes('…'))).toBe(true);
      for (let y = 0; y < 23; y++) expect(cellOf(term, y, '|'), `row ${y}: ${rows[y]}`).toBe(24);
      expect(rows[23]).toContain('? help');
    }
  });

  it('draws with attributes only under NO_COLOR', async () => {
    const term = await open({ env: { NO_COLOR: '1' } });
    await press(term, '1');
    const x = columnOf(term, 1, headings[0] ?? '');
    expect(term.attrsAt(x, 1)).toMatchObject({ bold: true, fg: 'default' });
    expect(term.attrsAt(2, 23).inverse).toBe(true);
  });
});

describe('leaving restores the terminal', () => {
  it('q: main screen back, cursor shown, exit 0', async () => {
    const term = await open();
    term.write('q');
    expect(await term.exit()).toEqual({ exitCode: 0, signal: null });
    await expectRestored(term);
  });

  it('started by its first line, as `npm start` and an installed yuedu start it (with its Node flag), it opens and quits', async () => {
    expect(readFileSync(YUEDU_BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S MALLOC_ARENA_MAX=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072 node --max-semi-space-size=2 --min-semi-space-size=2 --v8-pool-size=1');
    const term = await startTerminal({ command: YUEDU_BIN, env: NO_STATE });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
    expect(term.screen()).toContain(headings[0]);
    // env runs Node in its own place: the reader is the process, with the flag and the variables.
    expect(readFileSync(`/proc/${term.pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining(['--max-semi-space-size=2', '--v8-pool-size=1']));
    // glibc's loader writes the tunables it read back into the environment, a NUL for each colon
    // (2.36): read as the process holds them, the colons put back.
    const environ = readFileSync(`/proc/${term.pid}/environ`, 'utf8').split('\0');
    expect(environ).toContain('MALLOC_ARENA_MAX=1');
    const tunables = environ.findIndex((entry) => entry.startsWith('GLIBC_TUNABLES='));
    expect([environ[tunables], ...environ.slice(tunables + 1).filter((entry) => entry.startsWith('glibc.'))].join(':')).toBe('GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072');
    term.write('q');
    expect(await term.exit()).toEqual({ exitCode: 0, signal: null });
    await expectRestored(term);
  });

  it('Ctrl-C and Esc quit too', async () => {
    for (const key of [keys.ctrl('c'), keys.esc]) {
      const term = await open();
      term.write(key);
      expect((await term.exit()).exitCode).toBe(0);
      await expectRestored(term);
      await term.dispose();
    }
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
    ['SIGQUIT', 131],
  ] as const)('%s: restored, then ended by the signal (or exit %i)', async (signal, code) => {
    const term = await open();
    term.kill(signal);
    const exit = await term.exit();
    // After restoring, the process may be ended by the signal itself (Ink's signal-exit re-raises it).
    expect(exit.signal === signal || exit.exitCode === code).toBe(true);
    await expectRestored(term);
  });
});

describe('raw mode', () => {
  /** Runs the reader under a shell that prints its pid, then the terminal's line settings once it is gone. */
  async function underShell() {
    const script = `"${process.execPath}" "${YUEDU_BIN}" & echo "pid=$!"; wait; stty -a | tr ' ;' '\\n\\n' | grep -Ex -- '-?(icanon|echo)'; echo settled`;
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', script], env: NO_STATE });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
    await term.settle();
    const pid = Number(/pid=(\d+)/.exec(term.raw)?.[1]);
    return { term, pid };
  }

  it.each(['q', 'SIGTERM', 'SIGQUIT'] as const)('is off again after %s (stty shows icanon and echo)', async (how) => {
    const { term, pid } = await underShell();
    if (how === 'q') term.write('q');
    else process.kill(pid, how);
    await term.waitFor('settled');
    const lines = term.text().map((row) => row.trim());
    expect(lines).toContain('icanon');
    expect(lines).toContain('echo');
    expect(lines).not.toContain('-icanon');
    await expectRestored(term);
  });
});

describe('streams', () => {
  it('reads keys from the terminal when the text is piped in', async () => {
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', `cat content/interview.txt | "${process.execPath}" "${YUEDU_BIN}"`], cwd: REPO_ROOT, env: NO_STATE });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
    await term.settle();
    await press(term, '3');
    expect(topText(term)).toBe(headings[2]);
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    await expectRestored(term);
  });

  it('`yuedu -` typed at a terminal reads the text up to Ctrl-D, then keys from the same terminal', async () => {
    const term = await startTerminal({ args: ['-'], env: NO_STATE });
    // Cooked mode: the lines are echoed; Ctrl-D at the start of a line ends the text.
    for (const line of ['第一章 山城', '', '雾起了。', '', '第二章 江边', '', '水落了。']) {
      term.write(`${line}\r`);
      await term.waitFor((t) => t.screen().includes(line));
    }
    term.write(keys.ctrl('d'));
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
    await term.settle();
    await press(term, '?');
    expect(term.screen()).toContain('Keys (Esc closes)');
    // q closes the help, the next quits.
    await press(term, 'q');
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    await expectRestored(term);
  });

  it('fails with a clear message and exit 2 when there is no terminal to read keys from', async () => {
    // setsid leaves the program without a controlling terminal: stdout is still the pty, /dev/tty is gone.
    const term = await startTerminal({
      command: '/bin/sh',
      args: ['-c', `setsid -w "${process.execPath}" "${YUEDU_BIN}" < content/interview.txt; echo "exit=$?"`],
    });
    await term.waitFor('exit=');
    expect(term.screen()).toContain('no terminal to read keys from');
    expect(term.screen()).toContain('exit=2');
  });
});

describe('reading comfort in a terminal', () => {
  it('t shows the text in traditional characters once the converter is built in the background, and as written again', async () => {
    const { converterNow } = await import('../../src/core/script/convert.js');
    const heading = headings.find((title) => converterNow('traditional')!(title).text !== title)!;
    const shown = converterNow('traditional')!(heading).text;
    const term = await open();
    expect(term.screen()).toContain(heading);
    // As written → 简体 (the interview is simplified already) → 繁體.
    await press(term, 't');
    term.write('t');
    await term.waitFor((t) => t.screen().includes(shown) && t.screen().includes('shown in 繁體'), { timeout: 30_000 });
    expect(term.screen()).not.toContain(heading);
    await press(term, 't');
    await term.waitFor(heading, { timeout: 10_000 });
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
  });

  it('a scrolls by itself at the pace the status bar shows; another key stops it', async () => {
    const term = await open();
    await press(term, 'a');
    expect(term.screen()).toMatch(/auto 30 lines\/min/);
    // The fastest pace (40, 60, 90, 120, 180, 240), so lines go by soon.
    for (let i = 0; i < 6; i++) await press(term, '+');
    expect(term.screen()).toMatch(/auto 240 lines\/min/);
    const first = topText(term);
    await term.waitFor((t) => topText(t) !== first, { timeout: 20_000 });
    term.write('x');
    await term.waitFor((t) => !/auto \d+ lines/.test(t.screen()), { timeout: 10_000 });
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
  });
});

