/**
 * Clusters terminals draw in different widths (width.ts), drawn by the screen writer into the emulator
 * the e2e tests use and, when it is installed, into tmux: whatever width the terminal gives a cluster,
 * the rest of the row stays where the layout put it, no old character shows through, and no row is
 * drawn wider than its cells (so nothing wraps onto the row below).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/layout/width.js';
import { renderDiff, renderFull } from '../../src/terminal/diff.js';
import { screenOf } from '../../src/terminal/screen.js';
import { lineText } from '../../src/ui/text.js';
import { searchLine } from '../../src/ui/rows/search-line.js';
import { createTheme } from '../../src/ui/theme.js';
import { emulator, feed, screenText } from '../helpers/emulator.js';

const CLUSTERS: [string, string][] = [
  ['กำ', 'กำ'],
  ['aำ', 'a\u0e33'],
  ['क्ष', 'क्ष'],
  ['☺️', '☺\ufe0f'],
  ['U+1FAE8', '\u{1fae8}'],
  ['U+0600', '\u0600'],
  ['a lone skin-tone modifier', '\u{1f3fb}'],
  ['👍🏽', '👍🏽'],
  ['👩‍💻', '👩\u200d💻'],
  ['1️⃣', '1\ufe0f\u20e3'],
];

const COLUMNS = 20;

/** Bytes the writer sends for a screen whose first row is `line`, drawn over a screen full of `#`. */
function drawn(line: string): string {
  const full = screenOf(Array.from({ length: 3 }, () => [{ text: '#'.repeat(COLUMNS) }]), COLUMNS, 3);
  const next = screenOf([[{ text: line }]], COLUMNS, 3);
  return renderFull(full) + renderDiff(full, next);
}

describe('in @xterm/headless', () => {
  it.each(CLUSTERS)('%s: what follows stays in its column, no old cell shows, nothing wraps', async (_name, cluster) => {
    const line = `[${cluster}]X`;
    const term = emulator(COLUMNS, 3);
    await feed(term, drawn(line));
    const text = screenText(term);
    const x = cellWidth(`[${cluster}]`);
    // `X` where the layout put it, and the row blank after it.
    expect(text[0]!.indexOf('X')).toBeGreaterThanOrEqual(0);
    const buffer = term.buffer.active;
    const cell = buffer.getNullCell();
    buffer.getLine(0)!.getCell(x, cell);
    expect(cell.getChars()).toBe('X');
    expect(text[0]!.slice(text[0]!.indexOf('X') + 1).trim()).toBe('');
    expect(text[0]).not.toContain('#');
    expect(text[1]!.trim()).toBe('');
  });

  it('a row full of 10 × aำ (20 cells) does not wrap onto the row below', async () => {
    const term = emulator(COLUMNS, 3);
    await feed(term, drawn('a\u0e33'.repeat(10)));
    expect(screenText(term)[1]!.trim()).toBe('');
    expect(term.buffer.active.cursorY).toBe(0);
  });
});

describe('the search line', () => {
  it.each([1, 2] as const)('45 × aำ typed (ambiguous width %i) fills its row and no more: the status row below stays', async (ambiguousWidth) => {
    const text = 'a\u0e33'.repeat(45);
    const line = searchLine({ line: { text, cursor: text.length }, info: '0 results', width: 80, theme: createTheme(true), ambiguousWidth });
    expect(cellWidth(lineText(line.text), ambiguousWidth)).toBeLessThanOrEqual(80);
    const status = 'STATUS';
    const screen = screenOf([line.text, [{ text: status }]], 80, 2, { ambiguousWidth });
    const term = emulator(80, 2);
    await feed(term, renderFull(screen));
    expect(screenText(term)[1]!.trimEnd()).toBe(status);
    expect(screenText(term)[0]).toContain('0 results');
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

describe.runIf(hasTmux)('in tmux', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuedu-tmux-widths-'));
  // Each case has its own server: a server whose last session ended shuts down, and a case that starts
  // while the previous one's server is going away fails with "server exited unexpectedly".
  const sockets: string[] = [];
  const tmuxOn = (socket: string) => (...args: string[]): string => execFileSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', TMUX: '' } });
  afterAll(() => {
    for (const socket of sockets) spawnSync('tmux', ['-S', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Waits, without a fixed sleep, until tmux's pane shows `done` in its last row. */
  async function paneWhenDone(tmux: (...args: string[]) => string, pane: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const text = tmux('capture-pane', '-p', '-t', pane);
      if (text.includes('done')) return;
      if (Date.now() > deadline) throw new Error(`tmux pane never finished:\n${text}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it.each(CLUSTERS)('%s: the cursor ends where the layout put the end of the row, on the same row', async (_name, cluster) => {
    const line = `[${cluster}]${cluster}${cluster}X`;
    const file = join(dir, `${Math.random().toString(36).slice(2)}.bin`);
    // The frame, then where the cursor is (as tmux reports it) is read before `done` is printed below.
    writeFileSync(file, drawn(line));
    const pane = `w${Math.random().toString(36).slice(2, 8)}`;
    const socket = join(dir, `s-${pane}`);
    sockets.push(socket);
    const tmux = tmuxOn(socket);
    tmux('new-session', '-d', '-s', pane, '-x', String(COLUMNS), '-y', '5', `cat '${file}'; printf 'X'; tmux -S '${socket}' display -p '#{cursor_x},#{cursor_y}' > '${file}.pos'; printf '\\033[5;1Hdone'; exec cat`);
    try {
      await paneWhenDone(tmux, pane);
      const [x, y] = execFileSync('cat', [`${file}.pos`], { encoding: 'utf8' }).trim().split(',').map(Number);
      // The writer's last cell of row 0 is where the layout put it (trailing blanks are not written); the
      // X printed after it lands right after.
      expect(y).toBe(0);
      expect(x).toBe(screenOf([[{ text: line }]], COLUMNS, 1).lines[0]!.end + 1);
      const rows = tmux('capture-pane', '-p', '-t', pane).split('\n');
      expect(rows[0]).not.toContain('#');
      expect(rows[1]!.trim()).toBe('');
    } finally {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
    }
  });
});
