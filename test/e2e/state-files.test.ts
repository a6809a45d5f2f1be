/**
 * Resume state that yuedu did not write as it expects, read by the built reader in a pseudo-terminal:
 * places and marks in blocks the text does not have or past their end, a FIFO where the file should
 * be. The reader must open (at the top, or at what is still valid), keep working, and save a valid
 * place on the way out.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/input.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { documentKey } from '../../src/storage/record.js';
import { disposeTerminals, startTerminal, type TerminalSession } from '../helpers/terminal.js';

const root = mkdtempSync(join(tmpdir(), 'yuedu-e2e-state-'));
afterEach(disposeTerminals);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const { text } = await readInput(undefined);
const doc = parseDocument(text);
let count = 0;

/** A state home whose record for the interview is `content` (or made by `make`). */
function stateHome(content: string | ((file: string) => void)): { home: string; file: string } {
  const home = join(root, `h${count++}`);
  mkdirSync(join(home, 'yuedu'), { recursive: true });
  const file = join(home, 'yuedu', `${documentKey(text)}.json`);
  if (typeof content === 'string') writeFileSync(file, content);
  else content(file);
  return { home, file };
}

async function open(home: string): Promise<TerminalSession> {
  const term = await startTerminal({ env: { XDG_STATE_HOME: home } });
  // The status bar ends with the position (a warning may take the place of the key hints).
  await term.waitFor((t) => t.isAlternateScreen() && /\d+%\s*$/.test(t.row(23)), { timeout: 10_000 });
  await term.settle();
  return term;
}

const pane = (term: TerminalSession, y: number): string => (term.row(y).split('│')[1] ?? '').trim();

describe('resume state the reader did not expect', () => {
  it('a place and marks in blocks the text does not have, or past their end: opens, jumps, saves a valid place', async () => {
    const record = {
      version: 1,
      anchor: { block: 's99p9', offset: 123_456 },
      marks: { a: { block: 'nope', offset: 0 }, b: { block: 's2p1', offset: 999_999 } },
      updatedAt: '2020-01-01T00:00:00.000Z',
    };
    const { home, file } = stateHome(JSON.stringify(record));
    const term = await open(home);
    // An unknown place opens at the top.
    expect(pane(term, 1)).toBe(doc.title.slice(0, pane(term, 1).length));
    await term.press("'", { change: false });
    await term.press('b');
    // Past the end of s2p1: its last row is at the top.
    const lastWords = doc.sections[1]!.paragraphs[0]!.text.slice(-4);
    expect(pane(term, 1)).toContain(lastWords);
    await term.press("'", { change: false });
    await term.press('a');
    term.write('j');
    await term.settle();
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { anchor: { block: string }; marks: Record<string, unknown> };
    const blocks = new Set(['title', 'dateline', ...doc.lead.map((p) => p.id), ...doc.sections.flatMap((s) => [`s${s.index}`, ...s.paragraphs.map((p) => p.id)]), 'original-title']);
    expect(blocks.has(saved.anchor.block), saved.anchor.block).toBe(true);
    // Marks are the user's: kept as they were.
    expect(Object.keys(saved.marks).sort()).toEqual(['a', 'b']);
  });

  it('a FIFO where the state file should be: opens at once with a warning, and the place is saved over it', async () => {
    const { home, file } = stateHome((path) => execFileSync('mkfifo', [path]));
    const term = await open(home);
    expect(term.row(23)).toContain('saved place not restored');
    await term.press('2');
    term.write('q');
    expect((await term.exit()).exitCode).toBe(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { anchor: unknown }).anchor).toEqual({ block: 's2', offset: 0 });
  });
});
