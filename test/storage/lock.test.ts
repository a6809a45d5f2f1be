/**
 * The lock's edge cases with an injected clock and host: a lock from another host stamped in the future,
 * one whose clock ran behind, a live owner, one seen unchanged for too long, a directory in its place,
 * and a disk that fills between creating the lock and writing its owner.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { LockUnavailable, STALE_LOCK_MS, WAIT_MS, withLock, type LockEnvironment } from '../../src/storage/lock.js';
import { documentKey } from '../../src/storage/record.js';
import { KEY_SAVE_WAIT_MS, loadState, saveState } from '../../src/storage/store.js';

const root = mkdtempSync(join(tmpdir(), 'yuedu-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;

const T0 = Date.parse('2030-01-01T00:00:00Z');

/** A world whose clocks move only when the lock sleeps, on host `here` where every process is alive. */
function world(start = T0): LockEnvironment & { slept: number } {
  const w = {
    wall: start,
    mono: 1_000_000,
    slept: 0,
    host: 'here',
    // As a save made by a key (a mark) waits.
    wait: KEY_SAVE_WAIT_MS,
    now: () => w.wall,
    monotonic: () => w.mono,
    processExists: () => true,
    sleep: (ms: number) => {
      w.slept += ms;
      w.wall += ms;
      w.mono += ms;
    },
  };
  return w;
}

/** A lock file at a fresh path, naming `pid` on `host`, its mtime `mtime` (wall-clock ms). */
function lockAt(pid: number, host: string, mtime: number): string {
  const path = join(root, `l${count++}.lock`);
  writeFileSync(path, `${pid}\n${host}\n`);
  utimesSync(path, new Date(mtime), new Date(mtime));
  return path;
}

function take(path: string, env: Partial<LockEnvironment>): 'taken' | string {
  try {
    return withLock(path, () => 'taken', env);
  } catch (error) {
    if (error instanceof LockUnavailable) return error.reason;
    throw error;
  }
}

describe('stale rules that clocks and hosts cannot defeat', () => {
  it('another host, mtime an hour in the future: stale at once', () => {
    const w = world();
    const path = lockAt(42, 'elsewhere', T0 + 3_600_000);
    expect(take(path, w)).toBe('taken');
    expect(w.slept).toBe(0);
    expect(existsSync(path)).toBe(false);
  });

  it('another host, mtime far in the past (its clock behind, or a crash long ago): stale at once', () => {
    const w = world();
    expect(take(lockAt(42, 'elsewhere', T0 - 3_600_000), w)).toBe('taken');
    expect(w.slept).toBe(0);
  });

  it('another host, fresh by our clock: waited on briefly, then a warning naming the owner', () => {
    const w = world();
    const path = lockAt(42, 'elsewhere', T0);
    expect(take(path, w)).toBe('another yuedu (process 42 on elsewhere) is saving it (tried again on the next save)');
    expect(w.slept).toBeGreaterThanOrEqual(KEY_SAVE_WAIT_MS);
    expect(w.slept).toBeLessThan(KEY_SAVE_WAIT_MS + 20);
    expect(existsSync(path)).toBe(true);
  });

  it('the same lock seen unchanged for longer than any save is stale, even with a clock that stands still', () => {
    const w = world();
    // Its mtime follows our wall clock, which this world keeps still: only our own waiting can tell.
    const path = lockAt(42, 'elsewhere', T0);
    const frozen = { ...w, now: () => T0 };
    const tries: string[] = [];
    for (let i = 0; i < 10 && tries.at(-1) !== 'taken'; i++) tries.push(take(path, frozen));
    expect(tries.at(-1)).toBe('taken');
    expect(w.slept).toBeGreaterThan(STALE_LOCK_MS);
    expect(w.slept).toBeLessThan(STALE_LOCK_MS + 2 * KEY_SAVE_WAIT_MS);
  });

  it('on the way out (the default wait), the same lock is outlasted within the one save', () => {
    const w = world();
    const path = lockAt(42, 'elsewhere', T0);
    expect(take(path, { ...w, now: () => T0, wait: WAIT_MS })).toBe('taken');
    expect(w.slept).toBeGreaterThan(STALE_LOCK_MS);
    expect(w.slept).toBeLessThan(WAIT_MS);
  });

  it('this host, a dead owner: stale at once; a live owner: a warning without its host', () => {
    const dead = { ...world(), processExists: () => false };
    expect(take(lockAt(42, 'here', T0), dead)).toBe('taken');
    expect(dead.slept).toBe(0);
    expect(take(lockAt(42, 'here', T0), world())).toBe('another yuedu (process 42) is saving it (tried again on the next save)');
  });

  it('an empty lock (owner not yet written, or never) is waited on, not judged by its missing owner', () => {
    const w = world();
    const path = join(root, `l${count++}.lock`);
    writeFileSync(path, '');
    utimesSync(path, new Date(T0), new Date(T0));
    expect(take(path, { ...w, processExists: () => false })).toBe('another yuedu is saving it (tried again on the next save)');
  });
});

describe("what is in the lock's place", () => {
  it('a directory: reported at once as what it is, and left alone', () => {
    const w = world();
    const path = join(root, `l${count++}.lock`);
    mkdirSync(join(path, 'inside'), { recursive: true });
    expect(take(path, w)).toBe('its lock file is a folder, which yuedu will not remove');
    expect(w.slept).toBe(0);
    expect(readdirSync(path)).toEqual(['inside']);
  });
});

describe('a full disk', () => {
  it('the lock created but its owner not written (EFBIG under ulimit -f 0): no empty lock is left behind', () => {
    const folder = join(root, `full-${count++}`);
    mkdirSync(folder);
    const worker = join(root, `worker-${count++}.mjs`);
    buildSync({
      stdin: {
        contents: `
          import { saveState } from './store.js';
          const { warning } = saveState('标题\\n\\n一段。\\n', { anchor: { block: 's1p1', offset: 0 } });
          process.stdout.write(String(warning));`,
        resolveDir: new URL('../../src/storage/', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: worker,
      logLevel: 'error',
    });
    // The signal ignored, writes to files fail with EFBIG, as they would with ENOSPC on a full disk.
    const run = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 0; exec "${process.execPath}" "${worker}"`], {
      env: { ...process.env, XDG_STATE_HOME: folder },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^place not saved: the file size limit is reached \(ulimit -f\) \(.*\.json\)$/);
    // Only the folder: no lock, no temporary file, no empty record.
    expect(readdirSync(join(folder, 'yuedu'))).toEqual([]);
  });
});

describe('a save that could not have the lock', () => {
  it('is carried into the next save: a mark set while another yuedu held the lock is not lost', () => {
    const text = '标题\n\n一段。\n';
    const env = { XDG_STATE_HOME: join(root, `carry-${count++}`) };
    const lock = join(env.XDG_STATE_HOME, 'yuedu', `${documentKey(text)}.json.lock`);
    const w = world(Date.now());
    expect(saveState(text, { marks: { a: { block: 's1p1', offset: 0 } } }, { env, lock: w }).warning).toBeUndefined();
    writeFileSync(lock, '42\nelsewhere\n');
    const refused = saveState(text, { marks: { b: { block: 's1p1', offset: 1 } } }, { env, lock: { ...w, now: Date.now } });
    expect(refused.warning).toMatch(/^place not saved: another yuedu \(process 42 on elsewhere\) is saving it/);
    rmSync(lock);
    const saved = saveState(text, { anchor: { block: 's1p1', offset: 2 } }, { env, lock: w });
    expect(saved.warning).toBeUndefined();
    expect(loadState(text, { env }).record).toMatchObject({
      anchor: { block: 's1p1', offset: 2 },
      marks: { a: { block: 's1p1', offset: 0 }, b: { block: 's1p1', offset: 1 } },
    });
  });
});
