import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/storage/atomic.js';
import { documentKey } from '../../src/storage/record.js';
import { loadState, saveState, stateFile } from '../../src/storage/store.js';

const TEXT = '标题\n\n第一段。\n\n第二段。\n';
const root = mkdtempSync(join(tmpdir(), 'yuedu-state-'));
let count = 0;

/** A fresh, empty state home for one test. */
function home(): { env: NodeJS.ProcessEnv; folder: string; file: string } {
  const xdg = join(root, `h${count++}`);
  const env = { XDG_STATE_HOME: xdg };
  return { env, folder: join(xdg, 'yuedu'), file: join(xdg, 'yuedu', `${documentKey(TEXT)}.json`) };
}

/** A sleep that must not happen: the lock was to be judged without waiting. */
function neverSleep(): void {
  throw new Error('waited for a lock that should have been broken at once');
}

function oneLine(warning: string | undefined): string {
  expect(warning).toBeDefined();
  expect(warning).not.toContain('\n');
  return warning ?? '';
}

describe('state location', () => {
  it('is $XDG_STATE_HOME/yuedu, else ~/.local/state/yuedu; a relative XDG_STATE_HOME is ignored', () => {
    const key = documentKey(TEXT);
    expect(stateFile(TEXT, { XDG_STATE_HOME: '/x/state', HOME: '/home/u' })).toBe(`/x/state/yuedu/${key}.json`);
    expect(stateFile(TEXT, { HOME: '/home/u' })).toBe(`/home/u/.local/state/yuedu/${key}.json`);
    expect(stateFile(TEXT, { XDG_STATE_HOME: 'state', HOME: '/home/u' })).toBe(`/home/u/.local/state/yuedu/${key}.json`);
  });

  it.each(['off', 'OFF', '0', 'false', 'no'])('YUEDU_STATE=%s turns state off: nothing read, nothing written', (value) => {
    const { env, folder, file } = home();
    expect(saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env }).record).toBeDefined();
    const off = { ...env, YUEDU_STATE: value };
    expect(stateFile(TEXT, off)).toBeUndefined();
    expect(loadState(TEXT, { env: off })).toEqual({});
    const before = readFileSync(file, 'utf8');
    expect(saveState(TEXT, { anchor: { block: 's1p2', offset: 0 } }, { env: off })).toEqual({});
    expect(readFileSync(file, 'utf8')).toBe(before);
    const { env: fresh, folder: freshFolder } = home();
    saveState(TEXT, { anchor: { block: 's1p2', offset: 0 } }, { env: { ...fresh, YUEDU_STATE: value } });
    expect(existsSync(freshFolder)).toBe(false);
    expect(existsSync(folder)).toBe(true);
  });
});

describe('loadState / saveState', () => {
  it('remember position, marks, measure and indent for the same text, and nothing for another text', () => {
    const { env } = home();
    const now = () => new Date('2024-01-02T03:04:05.000Z');
    expect(loadState(TEXT, { env })).toEqual({});
    const update = { anchor: { block: 's1p2', offset: 3 }, marks: { a: { block: 's1p1', offset: 0 } }, measure: 60, indent: true };
    const saved = saveState(TEXT, update, { env, now });
    expect(saved.warning).toBeUndefined();
    const expected = { anchor: update.anchor, marks: update.marks, measure: 60, indent: true, updatedAt: '2024-01-02T03:04:05.000Z' };
    expect(saved.record).toEqual(expected);
    expect(loadState(TEXT, { env })).toEqual({ record: expected });
    expect(loadState(`${TEXT}。`, { env })).toEqual({});
  });

  it('keep the folder and files private', () => {
    const { env, folder, file } = home();
    saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('merge updates: marks from separate saves add up, later values win per field, null removes a mark', () => {
    const { env } = home();
    saveState(TEXT, { anchor: { block: 's1p1', offset: 0 }, marks: { a: { block: 's1p1', offset: 0 } }, measure: 40 }, { env });
    saveState(TEXT, { anchor: { block: 's1p2', offset: 5 }, marks: { b: { block: 's1p2', offset: 0 } } }, { env });
    saveState(TEXT, { marks: { a: null, c: { block: 's1p2', offset: 2 } }, indent: false }, { env });
    expect(loadState(TEXT, { env }).record).toMatchObject({
      anchor: { block: 's1p2', offset: 5 },
      marks: { b: { block: 's1p2', offset: 0 }, c: { block: 's1p2', offset: 2 } },
      measure: 40,
      indent: false,
    });
    expect(loadState(TEXT, { env }).record?.marks).not.toHaveProperty('a');
  });

  it.each([
    ['not JSON', '{"anchor": {"block": "s1', /is not valid JSON/],
    ['not a record', '[1, 2, 3]', /does not hold a record/],
    ['too large', `{"x": "${'a'.repeat(1_100_000)}"}`, /too large/],
  ])('ignore a state file that is %s with a one-line warning, and replace it on the next save', (_, content, reason) => {
    const { env, folder, file } = home();
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, content);
    const loaded = loadState(TEXT, { env });
    expect(loaded.record).toBeUndefined();
    expect(oneLine(loaded.warning)).toMatch(reason);
    // The reason first, then the file (its end, when the path is long).
    expect(loaded.warning).toContain(file.slice(-40));
    const saved = saveState(TEXT, { anchor: { block: 's1p2', offset: 1 } }, { env });
    expect(saved.warning).toBeUndefined();
    expect(loadState(TEXT, { env })).toEqual({ record: saved.record });
  });

  it('ignore an unreadable state file (here a folder in its place) with a warning, and never throw', () => {
    const { env, file } = home();
    mkdirSync(file, { recursive: true });
    expect(oneLine(loadState(TEXT, { env }).warning)).toMatch(/cannot be read/);
    const saved = saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env });
    expect(oneLine(saved.warning)).toMatch(/^place not saved: it is a folder \(cannot write .*\.json\)$/);
    expect(readdirSync(join(file, '..'))).toEqual([`${documentKey(TEXT)}.json`]);
  });

  it('warn, never crash, when the state folder cannot be made', () => {
    const blocker = join(root, `file-${count++}`);
    writeFileSync(blocker, 'a file where a folder should be');
    const env = { XDG_STATE_HOME: blocker };
    expect(oneLine(saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env }).warning)).toMatch(/^place not saved: a part of the path is not a folder \(cannot create .*\)$/);
    expect(oneLine(loadState(TEXT, { env }).warning)).toMatch(/^saved place not restored/);
  });

  it('make paths from the environment printable in warnings', () => {
    const env = { XDG_STATE_HOME: join(root, `bad\u001b]0;owned\u0007-${count++}`) };
    writeFileSync(env.XDG_STATE_HOME, '');
    const warning = saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env }).warning ?? '';
    expect(warning).toMatch(/place not saved/);
    expect(warning).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('atomic writes and locking', () => {
  it('leave no temporary or lock file behind', () => {
    const { env, folder } = home();
    for (let i = 0; i < 20; i++) saveState(TEXT, { anchor: { block: 's1p1', offset: i } }, { env });
    expect(readdirSync(folder)).toEqual([`${documentKey(TEXT)}.json`]);
  });

  it('a failed write removes its temporary file and leaves the target as it was', () => {
    const folder = join(root, `atomic-${count++}`);
    const target = join(folder, 'target');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(folder)).toEqual(['target']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('breaks a lock left by a process that no longer exists', () => {
    const { env, file } = home();
    saveState(TEXT, {}, { env });
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${file}.lock`, `${dead}\n${hostname()}\n`);
    // No waiting at all: the clock that would time a wait is one that never moves.
    expect(saveState(TEXT, { anchor: { block: 's1p2', offset: 0 } }, { env, lock: { monotonic: () => 0, sleep: neverSleep } }).warning).toBeUndefined();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('breaks a lock older than any save, even of a live process', () => {
    const { env, file } = home();
    saveState(TEXT, {}, { env });
    writeFileSync(`${file}.lock`, `${process.pid}\n${hostname()}\n`);
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, past, past);
    expect(saveState(TEXT, { anchor: { block: 's1p2', offset: 0 } }, { env }).warning).toBeUndefined();
  });

  it('gives up with a warning, not an error, while a live owner keeps its lock', async () => {
    const { env, file } = home();
    saveState(TEXT, { anchor: { block: 's1p1', offset: 0 } }, { env });
    const before = readFileSync(file, 'utf8');
    // Another process holds the lock and keeps it fresh, as a live owner in the middle of its save.
    const holder = spawn(process.execPath, [
      '-e',
      `const fs = require('node:fs'); fs.writeFileSync(process.argv[1], process.pid + '\\n' + require('node:os').hostname() + '\\n');
       setInterval(() => fs.utimesSync(process.argv[1], new Date(), new Date()), 50); console.log('held');`,
      `${file}.lock`,
    ]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    try {
      const saved = saveState(TEXT, { anchor: { block: 's1p2', offset: 0 } }, { env });
      expect(oneLine(saved.warning)).toMatch(/^place not saved: another yuedu \(process \d+\) is saving it \(tried again on the next save\) \(.*\.json\)$/);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      holder.kill();
    }
  });

  it('two or more instances saving at once lose no mark, and a reader never sees a partial file', async () => {
    const { env, file } = home();
    const worker = join(root, `writer-${count++}.mjs`);
    buildSync({
      stdin: {
        contents: `
          import { saveState } from './store.js';
          const [letters, id, startAt] = process.argv.slice(2);
          while (Date.now() < Number(startAt)) {}
          for (const [n, letter] of [...letters].entries()) {
            const update = { anchor: { block: 'w' + id, offset: n }, marks: { [letter]: { block: 's1p' + (n + 1), offset: Number(id) } } };
            const { warning } = saveState(process.env.DOC_TEXT, update);
            if (warning) { console.error(warning); process.exitCode = 1; }
          }`,
        resolveDir: new URL('../../src/storage/', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: worker,
      logLevel: 'error',
    });
    const groups = ['abcdefghijklm', 'nopqrstuvwxyz', 'ABCDEFGHIJKLM', 'NOPQRSTUVWXYZ'];
    const startAt = String(Date.now() + 700);
    const runs = groups.map(
      (letters, id) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [worker, letters, String(id), startAt], { env: { ...process.env, ...env, DOC_TEXT: TEXT } });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) => resolve({ code, stderr }));
        }),
    );
    let done = false;
    const all = Promise.all(runs).finally(() => (done = true));
    let reads = 0;
    while (!done) {
      if (existsSync(file)) {
        // The file is replaced by rename, so every read sees a whole record.
        expect(() => JSON.parse(readFileSync(file, 'utf8'))).not.toThrow();
        reads++;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    for (const run of await all) expect(run).toEqual({ code: 0, stderr: '' });
    expect(reads).toBeGreaterThan(0);
    const record = loadState(TEXT, { env }).record;
    groups.forEach((letters, id) => {
      [...letters].forEach((letter, n) => expect(record?.marks[letter]).toEqual({ block: `s1p${n + 1}`, offset: id }));
    });
    expect(record?.anchor?.block).toMatch(/^w[0-3]$/);
    expect(record?.anchor?.offset).toBe(12);
  });
});
