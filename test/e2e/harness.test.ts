// Proves the pty + emulator helper against programs whose behaviour is known (`less`, the minimal
// Ink reader in bench/, small shell one-liners), so the yuedu e2e tests can trust what it reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';
import { afterEach, describe, expect, test } from 'vitest';
import { REPO_ROOT, disposeTerminals, keys, startTerminal, type StartOptions, type TerminalSession } from '../helpers/terminal.js';

afterEach(disposeTerminals);

const INTERVIEW = join(REPO_ROOT, 'content', 'interview.txt');
const interviewLines = readFileSync(INTERVIEW, 'utf8').split('\n');
const TITLE = interviewLines[0] ?? '';
const LAST_LINE = interviewLines.filter((line) => line.trim() !== '').at(-1) ?? '';

interface Pager {
  name: string;
  start(size: { cols: number; rows: number }): StartOptions;
}

const lessPager: Pager = {
  name: 'less',
  start: (size) => ({ ...size, command: 'less', args: [INTERVIEW], env: { LESSHISTFILE: '-' } }),
};
const inkReader: Pager = {
  name: 'the minimal Ink reader (CI=true)',
  start: (size) => ({ ...size, command: process.execPath, args: [join(REPO_ROOT, 'bench', 'minimal-ink-reader.mjs'), INTERVIEW] }),
};
// .ci/run installs `less` where it is missing, so both always run.
const pagers = [lessPager, inkReader];

async function open(pager: Pager, cols = 80, rows = 24): Promise<TerminalSession> {
  const term = await startTerminal(pager.start({ cols, rows }));
  await term.waitFor(TITLE.slice(0, 6));
  await term.settle();
  return term;
}

/** Presses a key n times, each after the previous one changed the screen (keys written together arrive as one read). */
async function pressEach(term: TerminalSession, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await term.press(key, { quietMs: 20 });
  await term.settle();
}

const withoutSpaces = (text: string): string => text.replace(/\s/g, '');

describe.each(pagers)('$name through the helper', (pager) => {
  test('the first frame shows the title, with every CJK character in two cells', async () => {
    const term = await open(pager);
    expect(term.row(0)).toBe(TITLE);
    expect(term.isAlternateScreen()).toBe(true);
    let wideCells = 0;
    for (let y = 0; y < term.rows; y++) {
      for (let x = 0; x < term.cols; x++) {
        const { chars, width } = term.cellAt(x, y);
        const codepoint = chars.codePointAt(0);
        if (codepoint === undefined || eastAsianWidth(codepoint) !== 2) continue;
        wideCells++;
        expect(width, `${chars} at (${x}, ${y})`).toBe(2);
        expect(term.cellAt(x + 1, y), `cell after ${chars} at (${x}, ${y})`).toEqual({ chars: '', width: 0 });
      }
    }
    expect(wideCells).toBeGreaterThan(300);
    // The title's display width is what the program laid out: its last character ends where the row ends.
    const titleCells = [...TITLE].reduce((sum, char) => sum + eastAsianWidth(char.codePointAt(0) ?? 0), 0);
    expect(term.cellAt(titleCells - 2, 0).chars).toBe(TITLE.at(-1));
    expect(term.cellAt(titleCells, 0).chars).toBe('');
  });

  test('j scrolls one row; space pages exactly as far as rows-1 presses of j; g/G go to the ends', async () => {
    // The last row is the program's own prompt or status line; compare the text rows above it.
    const body = (): string[] => term.text().slice(0, -1);
    const term = await open(pager);
    const first = body();
    await term.press('j');
    expect(body().slice(0, -1)).toEqual(first.slice(1));

    await term.press('g');
    expect(body()).toEqual(first);
    await term.press(' ');
    const paged = body();
    expect(paged[0]).not.toBe(first[0]);
    await term.press('g');
    await pressEach(term, 'j', term.rows - 1);
    expect(body()).toEqual(paged);

    await term.press('G');
    expect(body().at(-1)).toBe(LAST_LINE);
    await term.press('g');
    expect(body()).toEqual(first);
  });

  test('a resize reflows the text at the new width and keeps the top of the text at the top', async () => {
    const term = await open(pager);
    term.resize(60, 20);
    // At 60 columns the 72-cell title no longer fits in one row.
    await term.waitFor((t) => t.row(1) !== '' && withoutSpaces(t.row(0) + t.row(1)).startsWith(withoutSpaces(TITLE)));
    expect(term.cols).toBe(60);
    expect(term.rows).toBe(20);
    expect(term.row(0).startsWith(TITLE.slice(0, 10))).toBe(true);

    term.resize(100, 30);
    await term.waitFor((t) => t.row(0) === TITLE && t.row(1) === '');
    await term.settle();
    expect(term.text()).toHaveLength(30);
  });

  test('q exits with status 0 and leaves the alternate screen with the cursor shown', async () => {
    const term = await open(pager);
    const enter = term.raw.indexOf('\x1b[?1049h');
    expect(enter).toBeGreaterThanOrEqual(0);
    term.write('q');
    expect(await term.exit()).toEqual({ exitCode: 0, signal: null });
    expect(term.raw.indexOf('\x1b[?1049l')).toBeGreaterThan(enter);
    expect(term.isAlternateScreen()).toBe(false);
    expect(term.cursor().visible).toBe(true);
  });
});

describe('less and the Ink reader agree', () => {
  test('both show the same rows at 80x24, before and after paging', async () => {
    const less = await open(lessPager);
    const ink = await open(inkReader);
    const textRows = (term: TerminalSession): string[] => term.text().slice(0, -1);
    expect(textRows(ink)).toEqual(textRows(less));
    await Promise.all([less.press(' '), ink.press(' ')]);
    expect(textRows(ink)).toEqual(textRows(less));
  });
});

describe('the helper itself', () => {
  const sh = (script: string, options: StartOptions = {}): Promise<TerminalSession> =>
    startTerminal({ command: 'sh', args: ['-c', script], ...options });

  test('passes TERM, LANG and CI=true by default; env overrides add and remove variables', async () => {
    const script = 'echo "[$TERM|$LANG|$CI|${EXTRA-unset}|${NODE_ENV-unset}]"';
    const byDefault = await sh(script);
    await byDefault.waitFor('[xterm-256color|C.UTF-8|true|unset|unset]');
    const overridden = await sh(script, { env: { CI: undefined, EXTRA: 'x', LANG: 'zh_CN.UTF-8' } });
    await overridden.waitFor('[xterm-256color|zh_CN.UTF-8||x|unset]');
  });

  test('the emulator has the requested size and the program sees it; a resize reaches both', async () => {
    const term = await sh('stty size; read line; stty size', { cols: 33, rows: 11 });
    await term.waitFor('11 33');
    expect(term.text()).toHaveLength(11);
    term.resize(101, 29);
    term.write(keys.enter);
    await term.waitFor('29 101');
    expect(term.text()).toHaveLength(29);
    expect(term.cols).toBe(101);
  });

  test('rows look as a user sees them: written trailing spaces and never-written cells trim alike', async () => {
    const term = await sh(String.raw`printf 'a   
b[K
  c  '`);
    await term.exit();
    expect(term.text().slice(0, 3)).toEqual(['a', 'b', '  c']);
  });

  test('resizeAndSettle waits for the program to answer the resize, and fails when it does not', async () => {
    const term = await sh(`trap 'stty size' WINCH; while :; do sleep 0.05; done`);
    await term.settle(200);
    await term.resizeAndSettle(61, 19);
    expect(term.screen()).toContain('19 61');
    const silent = await sh('read x');
    await expect(silent.resizeAndSettle(50, 10, { timeout: 300 })).rejects.toThrow(/no output after resizing to 50x10/);
    expect(silent.cols).toBe(50);
  });

  test('counts output bytes as UTF-8 and keeps the raw output', async () => {
    const term = await sh('printf "重庆5G"');
    await term.exit();
    expect(term.bytes).toBe(Buffer.byteLength('重庆5G'));
    expect(term.raw).toBe('重庆5G');
    expect(term.row(0)).toBe('重庆5G');
    expect(term.cellAt(4, 0)).toEqual({ chars: '5', width: 1 });
  });

  test('reads attributes and colours of a cell', async () => {
    const term = await sh(String.raw`printf '\033[1;7;31mA\033[0m\033[2;4;48;5;200mB\033[0m\033[3;38;2;1;2;255mC\033[0mD'`);
    await term.waitFor('ABCD');
    expect(term.attrsAt(0, 0)).toMatchObject({ bold: true, inverse: true, fg: 1, bg: 'default' });
    expect(term.attrsAt(1, 0)).toMatchObject({ dim: true, underline: true, bold: false, bg: 200 });
    expect(term.attrsAt(2, 0)).toMatchObject({ italic: true, fg: '#0102ff' });
    expect(term.attrsAt(3, 0)).toEqual({
      bold: false, dim: false, italic: false, underline: false, inverse: false, strikethrough: false, fg: 'default', bg: 'default',
    });
  });

  test('draws East Asian Ambiguous characters in one cell, or two with ambiguousWide', async () => {
    const narrow = await sh('printf "“中”x"');
    const wide = await sh('printf "“中”x"', { ambiguousWide: true });
    await Promise.all([narrow.exit(), wide.exit()]);
    expect([0, 1, 3, 4].map((x) => narrow.cellAt(x, 0).chars)).toEqual(['“', '中', '”', 'x']);
    expect(narrow.cellAt(0, 0).width).toBe(1);
    expect([0, 2, 4, 6].map((x) => wide.cellAt(x, 0).chars)).toEqual(['“', '中', '”', 'x']);
    expect(wide.cellAt(0, 0).width).toBe(2);
  });

  test('sends cursor keys in the mode the program asked for, and control keys as control bytes', async () => {
    // Prints the bytes of every key it reads, in octal, until it reads "q".
    const echo = (setup: string): string =>
      `${setup}; stty raw -echo; while :; do c=$(dd bs=1 count=1 2>/dev/null | od -An -c | tr -d ' '); printf '[%s]' "$c"; [ "$c" = q ] && break; done; stty sane`;
    const normal = await sh(echo('true'));
    await normal.settle(300);
    normal.write(`${keys.down}${keys.ctrl('d')}q`);
    await normal.waitFor('[033][[][B][004][q]');
    const application = await sh(echo(String.raw`printf '\033[?1h'`));
    await application.waitFor((t) => t.modes().applicationCursorKeysMode);
    await application.settle(300);
    application.write(`${keys.down}q`);
    await application.waitFor('[033][O][B][q]');
    expect(() => keys.ctrl('dd')).toThrow(RangeError);
  });

  test('answers terminal queries as a real terminal does (cursor position report)', async () => {
    // Moves to row 3, column 5, asks where the cursor is, and prints the 6-byte answer.
    const term = await sh(String.raw`stty raw -echo; printf '[3;5H[6n'; r=$(dd bs=1 count=6 2>/dev/null | od -An -c | tr -d ' '); stty sane; printf '
[%s]' "$r"`);
    await term.waitFor('[033[3;5R]');
  });

  test('tracks cursor visibility and reports how the program ended', async () => {
    const term = await sh(String.raw`printf '\033[?25l'; sleep 30`);
    await term.waitFor((t) => !t.cursor().visible);
    term.kill('SIGTERM');
    expect(await term.exit()).toEqual({ exitCode: 0, signal: 'SIGTERM' });
    expect(() => term.write('x')).toThrow(/exited/);
  });

  test('waitFor fails fast, with the screen, when the program exits without showing the text', async () => {
    const term = await sh('echo only this; exit 3');
    await expect(term.waitFor('never shown')).rejects.toThrow(/exited \(code 3\)[\s\S]*only this/);
  });

  test('waitFor and settle time out when the condition never holds or output never stops', async () => {
    const term = await sh('while :; do printf .; sleep 0.01; done');
    await expect(term.waitFor('never shown', { timeout: 300 })).rejects.toThrow(/timed out after 300 ms/);
    await expect(term.settle(100, { timeout: 400 })).rejects.toThrow(/did not stop/);
  });

  test('settle resolves only after the output has stopped for the quiet period', async () => {
    const term = await sh('for i in 1 2 3 4 5 6 7 8; do printf "$i"; sleep 0.05; done; read x');
    await term.settle(1000);
    expect(term.row(0)).toBe('12345678');
    expect(performance.now() - term.lastOutputAt).toBeGreaterThanOrEqual(1000);
  });

  test('press waits for the screen to change and settle, and fails when it does not change', async () => {
    const term = await sh('stty -echo; read x; sleep 0.2; printf "late"; read y');
    await term.settle(200);
    await term.press(keys.enter);
    expect(term.row(0)).toBe('late');
    await expect(term.press('z', { timeout: 300 })).rejects.toThrow(/did not change after "z"/);
    await term.press(keys.enter, { change: false });
  });

  test('onOutput reports each chunk once it is on the screen', async () => {
    const term = await sh('read x; printf "after"; read y');
    const seen: string[] = [];
    term.onOutput(() => seen.push(term.screen()));
    await term.settle(200);
    term.write(keys.enter);
    await term.waitFor('after');
    expect(seen.at(-1)).toContain('after');
  });
});
