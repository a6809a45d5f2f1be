/**
 * A long text opened again in the built reader, in a pseudo-terminal: the first reading keeps it parsed
 * (src/cli/document-cache.ts) when it ends, by `q` or by a signal, and the second opens from what was
 * kept, at the place left, with the same screen. Each test has its own state and cache homes.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_FROM_BYTES } from '../../src/cli/document-cache.js';
import { disposeTerminals, startTerminal, type TerminalSession } from '../helpers/terminal.js';

const READY = /\d+\/~?\d+ \d+%/;
const homes: string[] = [];
afterEach(async () => {
  await disposeTerminals();
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A novel just over the size kept, its chapters numbered, in a home of its own. */
function setup(): { file: string; env: Record<string, string>; kept: string } {
  const home = mkdtempSync(join(tmpdir(), 'yuedu-reopen-e2e-'));
  homes.push(home);
  const lines = ['长河录', '作者：某人', ''];
  let bytes = 0;
  for (let c = 1; bytes < KEEP_FROM_BYTES * 1.1; c++) {
    const chapter = [`第${c}章 第${c}处`, ...Array.from({ length: 12 }, (_, p) => `　　第${c}章第${p + 1}段，他走了很远的路，天色渐渐暗下来，风也大了起来。`)];
    lines.push(...chapter);
    bytes += Buffer.byteLength(chapter.join('\n')) + 1;
  }
  const file = join(home, 'novel.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, env: { XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') }, kept: join(home, 'cache', 'yuedu', 'documents') };
}

async function open(file: string, env: Record<string, string>): Promise<TerminalSession> {
  const term = await startTerminal({ cols: 80, rows: 24, args: [file], env });
  await term.waitFor((t) => t.isAlternateScreen() && READY.test(t.row(23)), { timeout: 20_000 });
  await term.settle();
  return term;
}

describe('a long text opened again', () => {
  it('is kept parsed when the reader quits, and opens from it at the same place', async () => {
    const { file, env, kept } = setup();
    const first = await open(file, env);
    await first.typeKeys([']', ']', ']'], { timeout: 10_000 });
    await first.settle();
    const screen = first.text();
    expect(screen.join('\n')).toContain('第4章');
    expect(existsSync(kept)).toBe(false);
    first.write('q');
    expect((await first.exit({ timeout: 20_000 })).exitCode).toBe(0);
    expect(readdirSync(kept)).toHaveLength(1);

    const again = await open(file, env);
    // The place, the outline and the words as the first reading left them.
    expect(again.text().slice(0, 23)).toEqual(screen.slice(0, 23));
    again.write('q');
    expect((await again.exit({ timeout: 20_000 })).exitCode).toBe(0);
  });

  it('is kept when a signal ends the reader too', async () => {
    const { file, env, kept } = setup();
    const first = await open(file, env);
    first.kill('SIGTERM');
    // Ended by the signal, as a reader is (its place saved first): by the signal or with 128 + 15.
    const ended = await first.exit({ timeout: 20_000 });
    expect(ended.signal === 'SIGTERM' || ended.exitCode === 143).toBe(true);
    expect(readdirSync(kept)).toHaveLength(1);
  });
});
