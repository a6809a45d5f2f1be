/**
 * Escape injection through the reader and the plain commands on a real terminal (a pseudo-terminal
 * read through @xterm/headless): a hostile file opened, scrolled through, searched, its sidebar shown,
 * a paragraph copied, a hostile paste in the search line. Asserted on the raw bytes the program wrote:
 * every escape sequence in them is one the renderer emits (cursor moves, SGR, erase, scroll region,
 * the modes it sets, OSC 52 for `y` with a base64 payload), no file payload appears behind its
 * introducer, no C1 control is written, and the window title is never set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HOSTILE_DOCUMENT, RAW_PAYLOADS } from '../fixtures/hostile-document.js';
import { FORBIDDEN } from '../fixtures/hostile.js';
import { disposeTerminals, keys, startTerminal, YUEDU_BIN, type TerminalSession } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-e2e-hostile-'));
const FILE = join(dir, 'hostile.txt');
writeFileSync(FILE, HOSTILE_DOCUMENT);
afterEach(disposeTerminals);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Escape sequences yuedu itself writes: CSI cursor moves (CUP, CHA), SGR, erase line and screen,
 * scroll region and scroll (DECSTBM, SU, SD), and the private modes for the alternate screen, the
 * cursor, synchronized output and bracketed paste; ECH before a cluster terminals draw in different
 * widths; OSC 52 with a base64 payload for the copy key; OSC 8 around a link's text, its target printable
 * ASCII only (percent-encoded).
 */
// With the question asking the terminal for ambiguous widths at start: save and restore the cursor, and the position report.
const OWN_SEQUENCES = /\u001b\[(?:[0-9;]*[mGHKJrSTX]|\?(?:1049|25|2026|2004)[hl]|6n)|\u001b[78]|\u001b\]52;c;[A-Za-z0-9+/=]*(?:\u0007|\u001b\\)|\u001b\]8;(?:id=[A-Za-z0-9._-]+)?;[\x21-\x7e]*\u001b\\/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Controls that may remain once those are removed: newline and carriage return. */
const STRAY_CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function expectOnlyOwnSequences(term: TerminalSession, what: string): void {
  for (const payload of RAW_PAYLOADS) expect(term.raw.includes(payload), `${what}: ${JSON.stringify(payload)} written raw`).toBe(false);
  const rest = term.raw.replace(OWN_SEQUENCES, '');
  const stray = STRAY_CONTROL.exec(rest);
  expect(stray, `${what}: ${JSON.stringify(rest.slice(Math.max(0, (stray?.index ?? 0) - 20), (stray?.index ?? 0) + 20))}`).toBeNull();
  expect(rest, `${what}: bidi control`).not.toMatch(BIDI);
  expect(term.titles, `${what}: window title set`).toEqual([]);
}

/** The base64 payloads of the OSC 52 sequences written, decoded. */
function copied(term: TerminalSession): string[] {
  return [...term.raw.matchAll(/\u001b\]52;c;([A-Za-z0-9+/=]*)/g)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
}

async function open(cols = 80, rows = 24): Promise<TerminalSession> {
  const term = await startTerminal({ cols, rows, args: [FILE] });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('恶意␛]0;PWNED'));
  await term.settle();
  return term;
}

/** Types keys one by one, each answered before the next (a key that changes nothing is given 3 s). */
async function press(term: TerminalSession, ...input: string[]): Promise<void> {
  for (const key of input) {
    const before = term.screen();
    term.write(key);
    await term.waitFor((t) => t.screen() !== before, { timeout: 3000 }).catch(() => undefined);
    await term.settle(60);
  }
}

describe('a hostile file in the reader', () => {
  it('opened, scrolled through to the end and back: only the renderer’s own sequences reach the terminal', async () => {
    const term = await open();
    expect(term.screen()).toContain('␛[H␛[2J后');
    for (let page = 0; page < 12 && !term.row(23).includes('100%'); page++) await press(term, ' ');
    expect(term.row(23)).toContain('100%');
    expect(term.screen()).toContain('原标题：原␛]0;PWNED␇题');
    await press(term, 'k', 'k', 'b', 'g', 'G', '1');
    expect(term.screen()).toContain('小节␛]8;;http://evil');
    term.write('q');
    await term.exit();
    expectOnlyOwnSequences(term, 'scrolling');
  });

  it('searched (typed, Enter, n), the sidebar focused, a paragraph copied: still only its own sequences', async () => {
    const term = await open();
    term.write('/');
    await term.waitFor((t) => t.row(23).startsWith('/'));
    term.write('剪贴板');
    await term.waitFor((t) => /hit 1 of 1\s*$/.test(t.row(23)));
    await press(term, keys.enter);
    expect(term.row(23)).toContain('hit 1 of 1');
    await press(term, 'y');
    expect(term.row(23)).toMatch(/copied/i);
    term.write('/');
    await term.waitFor((t) => t.row(23).startsWith('/'));
    await press(term, keys.ctrl('u'));
    term.write('PWNED');
    await term.waitFor((t) => /hit \d+ of \d+\+?\s*$/.test(t.row(23)));
    await press(term, keys.enter, 'n', 'n', 'N', keys.tab, 'j', 'j', keys.enter);
    term.write('q');
    await term.exit();
    expectOnlyOwnSequences(term, 'searching');
    // What was copied is the sanitised paragraph: the payload as visible text, no control.
    const [citation] = copied(term);
    expect(citation).toContain('剪贴板␛]52;c;');
    expect(citation).not.toMatch(FORBIDDEN);
  });

  it('a paste carrying escape sequences goes into the search line as inert text', async () => {
    const term = await open();
    term.write('/');
    await term.waitFor((t) => t.row(23).startsWith('/') && t.modes().bracketedPasteMode);
    term.write(keys.paste(`剪${'\x1b'}]0;PWNED${'\x07'}${'\x1b'}[2J${'\u009b'}31m贴\u202e板`));
    await term.waitFor((t) => t.row(23).startsWith('/剪'));
    await term.settle();
    expect(term.exited).toBeUndefined();
    expect(term.row(23)).toContain(']0;PWNED');
    await press(term, keys.esc, 'q');
    await term.exit();
    expectOnlyOwnSequences(term, 'paste');
  });
});

describe('the plain commands on a terminal (with colour)', () => {
  it.each([
    ['print', ['print', FILE]],
    ['toc', ['toc', FILE]],
    ['search', ['search', '剪贴板', FILE]],
    ['search --json', ['search', '--json', '设备', FILE]],
    ['wrap', ['wrap', FILE]],
    ['print --at', ['print', '--at', 's1p1', FILE]],
  ])('%s writes SGR at most', async (_what, args) => {
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', `"${process.execPath}" "${YUEDU_BIN}" "$@"; echo "exit=$?"`, 'sh', ...args] });
    await term.waitFor(/exit=\d/);
    expect(term.screen()).toContain('exit=0');
    const sgrOnly = term.raw.replace(/\u001b\[[0-9;]*m/g, '');
    expect(sgrOnly.includes('\u001b'), JSON.stringify(sgrOnly.slice(sgrOnly.indexOf('\u001b') - 10, sgrOnly.indexOf('\u001b') + 20))).toBe(false);
    expect(sgrOnly).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(term.titles).toEqual([]);
  });

  it('an error naming a hostile file writes no control', async () => {
    const name = join(dir, `evil${'\x1b'}]0;PWNED${'\x07'}.txt`);
    const term = await startTerminal({ command: '/bin/sh', args: ['-c', `"${process.execPath}" "${YUEDU_BIN}" "$1"; echo "exit=$?"`, 'sh', name] });
    await term.waitFor(/exit=\d/);
    expect(term.screen()).toContain('exit=2');
    expect(term.screen()).toContain('evil␛]0;PWNED␇.txt');
    expect(term.raw.includes('\u001b]0;')).toBe(false);
    expect(term.titles).toEqual([]);
  });
});
