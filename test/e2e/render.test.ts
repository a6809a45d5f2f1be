/**
 * The screen writer in the built reader: whatever keys and resizes come, the screen it reaches with
 * scrolls and diffs is cell for cell the one a full redraw of the same state draws (SIGCONT makes the
 * reader redraw in full, as after a stop). Also what scrolling costs on the wire.
 */
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { disposeTerminals, keys, startTerminal, type TerminalSession } from '../helpers/terminal.js';

afterEach(disposeTerminals);

const NO_STATE = { YUEDU_STATE: 'off' };
/**
 * Key strokes. Overlays and focus are opened and closed with toggles (? and Tab), not Esc: on a busy
 * machine an Esc that overtook the key opening something would quit.
 */
const KEYS: string[][] = [
  ...['j', 'j', 'j', 'k', 'k', ' ', 'b', 'G', 'g', ']', '[', '2', '3', keys.ctrl('d'), keys.ctrl('u'), 's', keys.down, keys.pageDown].map((key) => [key]),
  ['?', 'j'],
  ['?', 'j', '?'],
  [keys.tab, 'j', 'j'],
  [keys.tab, 'k', keys.tab],
];
const SIZES: [number, number][] = [[80, 24], [60, 20], [40, 12], [100, 30], [72, 22], [120, 40]];

async function open(cols: number, rows: number, ambiguousWide = false): Promise<TerminalSession> {
  const term = await startTerminal({ cols, rows, env: NO_STATE, ...(ambiguousWide ? { args: ['--ambiguous-wide'], ambiguousWide } : {}) });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
  await term.settle();
  return term;
}

/** Every cell: character, width and attributes. */
function cells(term: TerminalSession): string[] {
  const rows: string[] = [];
  for (let y = 0; y < term.rows; y++) {
    const row: string[] = [];
    for (let x = 0; x < term.cols; x++) {
      const { chars, width } = term.cellAt(x, y);
      row.push(`${chars || (width === 0 ? '' : ' ')}/${width}/${JSON.stringify(term.attrsAt(x, y))}`);
    }
    rows.push(row.join('|'));
  }
  return rows;
}

/**
 * Waits until the screen shows a frame of the terminal's current size (its status bar, inverse, fills
 * the bottom row) and output has stopped: on a busy machine an answer can take longer than a quiet
 * period, and a snapshot taken before it would compare a stale screen.
 */
async function caughtUp(term: TerminalSession): Promise<void> {
  await term.waitFor((t) => t.attrsAt(0, t.rows - 1).inverse && t.attrsAt(t.cols - 1, t.rows - 1).inverse);
  await term.settle(200);
}

/** Writes `data` and waits for any answer to stop; some keys change nothing and get none. */
async function send(term: TerminalSession, data: string): Promise<void> {
  term.write(data);
  await term.settle(60);
}

it.each([
  { terminal: 'a usual terminal', ambiguousWide: false, numRuns: 4 },
  { terminal: 'a terminal drawing “ ” … two cells wide (--ambiguous-wide)', ambiguousWide: true, numRuns: 2 },
])('on $terminal, after random keys and resizes, the screen is cell for cell what a full redraw of the same state shows', async ({ ambiguousWide, numRuns }) => {
  const step = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...KEYS).map((strokes) => ({ strokes })) },
    { weight: 1, arbitrary: fc.constantFrom(...SIZES).map((size) => ({ size })) },
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...SIZES), fc.array(step, { minLength: 4, maxLength: 14 }), async ([cols, rows], steps) => {
      const term = await open(cols, rows, ambiguousWide);
      try {
        for (const s of steps) {
          if ('strokes' in s) for (const key of s.strokes) await send(term, key);
          else {
            term.resize(...s.size);
            await caughtUp(term);
          }
        }
        await caughtUp(term);
        const viaDiffs = cells(term);
        const before = term.raw.length;
        term.kill('SIGCONT');
        await term.waitFor((t) => t.raw.length > before && t.raw.includes('\u001b[2J', before), { timeout: 5000 });
        await term.settle(100);
        expect(cells(term)).toEqual(viaDiffs);
      } finally {
        await term.dispose();
      }
    }),
    { numRuns },
  );
}, 120_000);

it('scrolls one line at 80x24 with the sidebar shown for well under 1,000 bytes; a page costs no more than a redraw', async () => {
  const term = await open(80, 24);
  const costs: Record<string, number> = {};
  for (const key of ['j', 'k', ' ', 'G']) {
    const before = term.bytes;
    await term.press(key);
    costs[key] = term.bytes - before;
  }
  const before = term.bytes;
  term.kill('SIGCONT');
  await term.waitFor((t) => t.bytes > before);
  await term.settle();
  const redraw = term.bytes - before;
  expect(costs.j).toBeLessThan(600);
  expect(costs.k).toBeLessThan(600);
  expect(costs[' ']).toBeLessThanOrEqual(redraw);
  expect(costs.G).toBeLessThanOrEqual(redraw);
});

it.each([
  { cols: 80, rows: 24, args: [] as string[], ambiguousWide: false },
  { cols: 40, rows: 12, args: [], ambiguousWide: false },
  { cols: 120, rows: 40, args: ['--section', '2'], ambiguousWide: false },
  { cols: 80, rows: 24, args: ['--ambiguous-wide'], ambiguousWide: true },
])('draws the first screen once, before Ink is up, and Ink takes over without a change ($cols x $rows $args)', async ({ cols, rows, args, ambiguousWide }) => {
  const term = await startTerminal({ cols, rows, env: NO_STATE, args, ambiguousWide });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'));
  // Ink is up once a key is answered; until then the first screen stays as drawn.
  const first = cells(term);
  await term.settle(300);
  expect(term.raw.split('\u001b[?2026h')).toHaveLength(2);
  expect(cells(term)).toEqual(first);
  // And it is what a full redraw of the reader's state shows.
  const before = term.raw.length;
  term.kill('SIGCONT');
  await term.waitFor((t) => t.raw.includes('\u001b[2J', before), { timeout: 5000 });
  await term.settle(100);
  expect(cells(term)).toEqual(first);
});
