/**
 * The reader asks the terminal how wide it draws ambiguous characters (a cursor position report on
 * either side of a “), in a real pseudo-terminal whose emulator answers as a narrow terminal, as a wide
 * one, or not at all; the answer is remembered per TERM in the state folder, so it is asked once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { disposeTerminals, startTerminal, type StartOptions, type TerminalSession } from '../helpers/terminal.js';

const QUESTION = '\u001b[6n';
/** The status bar's position: the reader is up. */
const READY = /\d+\/~?\d+ +\d+%/;
const homes: string[] = [];
afterEach(async () => {
  await disposeTerminals();
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuedu-probe-'));
  homes.push(dir);
  return dir;
}

const remembered = (state: string): Record<string, unknown> | undefined => {
  const file = join(state, 'yuedu', 'terminals', 'ambiguous-width.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
};

async function open(state: string, options: Partial<StartOptions> = {}): Promise<TerminalSession> {
  // A terminal that answers is waited for as long as a loaded machine needs (the default 100 ms is for users).
  const wait = options.silent ? {} : { YUEDU_QUERY_WAIT_MS: '5000' };
  const term = await startTerminal({ ...options, env: { XDG_STATE_HOME: state, TERM: 'xterm-256color', ...wait, ...options.env } });
  await term.waitFor((t) => t.isAlternateScreen() && READY.test(t.row(t.rows - 1)), { timeout: 20_000 });
  await term.settle();
  return term;
}

async function quit(term: TerminalSession): Promise<void> {
  term.write('q');
  expect((await term.exit()).exitCode).toBe(0);
}

describe('asking the terminal for the width of ambiguous characters', () => {
  it.each([
    ['narrow', false, 1],
    ['wide', true, 2],
  ] as const)('a %s terminal: asked once, the answer remembered per TERM, nothing left on the screen', async (_, ambiguousWide, cells) => {
    const state = home();
    const first = await open(state, { ambiguousWide });
    expect(first.raw).toContain(QUESTION);
    expect(remembered(state)).toEqual({ 'xterm-256color': cells });
    // The reader lays out with the answer: every row of the screen fits the terminal as it draws it.
    await quit(first);
    // Back on the main screen: no “ written by the question is left.
    expect(first.screen()).not.toContain('\u201c');
    const second = await open(state, { ambiguousWide });
    expect(second.raw).not.toContain(QUESTION);
    await quit(second);
  }, 60_000);

  it('a terminal that never answers: the reader opens anyway, and the silence is remembered so it is not asked again', async () => {
    const state = home();
    const first = await open(state, { silent: true });
    expect(first.raw).toContain(QUESTION);
    expect(remembered(state)).toEqual({ 'xterm-256color': 'none' });
    await quit(first);
    const second = await open(state, { silent: true });
    expect(second.raw).not.toContain(QUESTION);
    await quit(second);
    // Another TERM is another terminal: asked for itself.
    const other = await open(state, { env: { TERM: 'screen-256color' } });
    expect(other.raw).toContain(QUESTION);
    expect(remembered(state)).toEqual({ 'xterm-256color': 'none', 'screen-256color': 1 });
    await quit(other);
  }, 60_000);

  it.each([['--ambiguous-wide'], ['--ambiguous-narrow']])('is not asked with %s', async (flag) => {
    const state = home();
    const term = await open(state, { args: [flag] });
    expect(term.raw).not.toContain(QUESTION);
    expect(remembered(state)).toBeUndefined();
    await quit(term);
  }, 60_000);

  it('lays out with the answer: a wide terminal asked shows what --ambiguous-wide shows', async () => {
    const screen = async (options: Partial<StartOptions>) => {
      const term = await open(home(), { ambiguousWide: true, cols: 60, ...options });
      const text = term.text();
      await quit(term);
      return text;
    };
    const told = await screen({ args: ['--ambiguous-wide'] });
    expect(await screen({})).toEqual(told);
    // Not a screen any layout would give: laid out narrow, this terminal pushes rows with “ past the
    // edge, and the screen scrolls (so the status bar is not on the last row to wait for).
    const narrow = await startTerminal({ ambiguousWide: true, cols: 60, args: ['--ambiguous-narrow'], env: { XDG_STATE_HOME: home() } });
    await narrow.waitFor((t) => t.isAlternateScreen() && /\d+%/.test(t.screen()), { timeout: 20_000 });
    await narrow.settle();
    expect(narrow.text()).not.toEqual(told);
  }, 90_000);
});
