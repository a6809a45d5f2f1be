/**
 * Suspending and resuming the built reader in a real pseudo-terminal, as job control does it: after
 * Ctrl-Z or SIGTSTP the process is stopped and the terminal is the user's again (main screen, cursor
 * shown, line settings cooked: `stty` shows icanon and echo); after SIGCONT (`fg`) the reader is back
 * in raw mode on the alternate screen, redrawn at the size the terminal has now. A stopped reader
 * sent SIGTERM (and SIGCONT, as `kill %1` does) ends without touching the terminal; SIGQUIT restores
 * and ends.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { disposeTerminals, keys, startTerminal, type TerminalSession } from '../helpers/terminal.js';

afterEach(disposeTerminals);

const NO_STATE = { YUEDU_STATE: 'off' };

async function open(): Promise<TerminalSession> {
  const term = await startTerminal({ cols: 80, rows: 24, env: NO_STATE });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
  await term.settle();
  return term;
}

/** The process's state letter from /proc (`T`: stopped; `S`, `R`: running). */
function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return 'gone';
  }
}

/** Waits (a few milliseconds at a time, generously) until `holds`. */
async function until(holds: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const started = performance.now();
  while (!holds()) {
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The terminal's line settings that tell cooked from raw mode, as `stty` names them (`icanon` or `-icanon`). */
function lineSettings(term: TerminalSession): { icanon: boolean; echo: boolean } {
  const words = execFileSync('stty', ['-F', term.ptsName, '-a'], { encoding: 'utf8' }).split(/[\s;]+/);
  return { icanon: words.includes('icanon'), echo: words.includes('echo') };
}

async function expectStoppedAndRestored(term: TerminalSession): Promise<void> {
  await until(() => processState(term.pid) === 'T', 'the reader to stop');
  await term.waitFor((t) => !t.isAlternateScreen() && t.cursor().visible);
  expect(lineSettings(term)).toEqual({ icanon: true, echo: true });
  // Bracketed paste off too: the shell's own line editor decides about pastes now.
  expect(term.raw.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(term.raw.lastIndexOf('\u001b[?2004h'));
}

async function expectResumed(term: TerminalSession, rows: number): Promise<void> {
  await until(() => processState(term.pid) !== 'T', 'the reader to run again');
  // The alternate screen is empty when re-entered: the text on it was drawn again.
  await term.waitFor((t) => t.isAlternateScreen() && t.row(rows - 1).includes('? help') && t.screen().includes('导语'));
  expect(term.cursor().visible).toBe(false);
  expect(lineSettings(term)).toEqual({ icanon: false, echo: false });
  // Keys work at once, without Enter: raw mode.
  const before = term.row(rows - 1);
  await term.press('j');
  expect(term.row(rows - 1)).not.toBe(before);
}

describe('suspend and resume', () => {
  it('Ctrl-Z gives the terminal back and stops; SIGCONT (fg) resumes in raw mode, redrawn at the size the terminal has now', async () => {
    const term = await open();
    term.write(keys.ctrl('z'));
    await expectStoppedAndRestored(term);
    // Resized while stopped, as a user may do before `fg`.
    term.resize(60, 20);
    process.kill(term.pid, 'SIGCONT');
    await expectResumed(term, 20);
    // The layout is the one for 60 columns: no row is wider.
    await term.waitFor((t) => t.text().every((row) => row.length <= 60));
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    expect(term.isAlternateScreen()).toBe(false);
  });

  it('SIGTSTP from elsewhere does the same, and the reader can be stopped and resumed again', async () => {
    const term = await open();
    for (let round = 0; round < 2; round++) {
      process.kill(term.pid, 'SIGTSTP');
      await expectStoppedAndRestored(term);
      process.kill(term.pid, 'SIGCONT');
      await expectResumed(term, 24);
    }
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
  });

  it('SIGTERM to a stopped reader (with SIGCONT, as `kill %1` sends) ends it, the terminal left as the user has it', async () => {
    const term = await open();
    term.write(keys.ctrl('z'));
    await expectStoppedAndRestored(term);
    const written = term.raw.length;
    process.kill(term.pid, 'SIGTERM');
    process.kill(term.pid, 'SIGCONT');
    const exit = await term.exit();
    expect(exit.signal === 'SIGTERM' || exit.exitCode === 143).toBe(true);
    // Nothing drawn after the stop: the reader never went back to the alternate screen.
    expect(term.raw.slice(written)).not.toContain('\u001b[?1049h');
    expect(term.isAlternateScreen()).toBe(false);
    expect(term.cursor().visible).toBe(true);
  });

  it('SIGQUIT restores the terminal (main screen, cursor, cooked mode) and ends (exit 131)', async () => {
    const term = await open();
    process.kill(term.pid, 'SIGQUIT');
    const exit = await term.exit();
    expect(exit.signal === 'SIGQUIT' || exit.exitCode === 131).toBe(true);
    expect(term.isAlternateScreen()).toBe(false);
    expect(term.cursor().visible).toBe(true);
  });
});
