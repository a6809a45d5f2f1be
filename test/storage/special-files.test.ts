/**
 * A state file that is not a file: a FIFO (reading it would wait forever for a writer), a link to
 * /dev/zero (reading it would never end), a link to nowhere. Loading must come back at once with a
 * warning, and the next save put a regular file in its place. The same in the lock file's place: the
 * save must not wait on it forever.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentKey } from '../../src/storage/record.js';
import { loadState, saveState } from '../../src/storage/store.js';

const TEXT = '标题\n\n第一段。\n';
const root = mkdtempSync(join(tmpdir(), 'yuedu-state-special-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;

function home(): { env: NodeJS.ProcessEnv; file: string } {
  const xdg = join(root, `h${count++}`);
  mkdirSync(join(xdg, 'yuedu'), { recursive: true });
  return { env: { XDG_STATE_HOME: xdg }, file: join(xdg, 'yuedu', `${documentKey(TEXT)}.json`) };
}

describe('a state file that is not a regular file', () => {
  it.each([
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file])],
    ['a link to /dev/zero', (file: string) => symlinkSync('/dev/zero', file)],
  ])('%s: loading warns at once; saving replaces it with a file', (_name, make) => {
    const { env, file } = home();
    make(file);
    const started = performance.now();
    const loaded = loadState(TEXT, { env });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(loaded.record).toBeUndefined();
    expect(loaded.warning).toMatch(/^saved place not restored: the state file cannot be read: it is not a regular file \(.*\)$/);
    const saved = saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env });
    expect(saved.warning).toBeUndefined();
    expect(lstatSync(file).isFile()).toBe(true);
    expect(loadState(TEXT, { env }).record?.anchor).toEqual({ block: 's1p1', offset: 0 });
  });

  it('a link to nowhere reads as no state, and a save replaces the link', () => {
    const { env, file } = home();
    symlinkSync(join(root, 'nowhere', 'x.json'), file);
    expect(loadState(TEXT, { env })).toEqual({});
    expect(saveState(TEXT, { anchor: { block: 's1p1', offset: 2 } }, { env }).warning).toBeUndefined();
    expect(lstatSync(file).isFile()).toBe(true);
  });
});

describe('a lock file that is not a regular file', () => {
  it.each([
    ['a FIFO', (lock: string) => execFileSync('mkfifo', [lock])],
    ['a link to /dev/zero', (lock: string) => symlinkSync('/dev/zero', lock)],
  ])('%s: the save clears it and goes ahead at once', (_name, make) => {
    const { env, file } = home();
    make(`${file}.lock`);
    const started = performance.now();
    const saved = saveState(TEXT, { anchor: { block: 's1p1', offset: 1 } }, { env });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(saved.warning).toBeUndefined();
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(loadState(TEXT, { env }).record?.anchor).toEqual({ block: 's1p1', offset: 1 });
  });

  it('a directory, which is not removed: the save gives up at once, saying what is in the way', () => {
    const { env, file } = home();
    mkdirSync(`${file}.lock`);
    const neverSleep = (): void => {
      throw new Error('waited on a folder');
    };
    const saved = saveState(TEXT, { anchor: { block: 's1p1', offset: 1 } }, { env, lock: { sleep: neverSleep } });
    expect(saved.warning).toMatch(/^place not saved: its lock file is a folder, which yuedu will not remove \(.*\.json\)$/);
    expect(lstatSync(`${file}.lock`).isDirectory()).toBe(true);
  });
});
