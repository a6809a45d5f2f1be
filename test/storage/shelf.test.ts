import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES_ID } from '../../src/storage/build-id.js';
import { documentKey, parseRecord, serializeRecord, applyUpdate, MAX_PATHS } from '../../src/storage/record.js';
import { saveState } from '../../src/storage/store.js';
import { FileCache, type FileMeta } from '../../src/storage/shelf-cache.js';
import { scanFolder } from '../../src/storage/shelf-scan.js';
import { forgetRecord, lastRead, listShelf } from '../../src/storage/shelf.js';

const root = mkdtempSync(join(tmpdir(), 'yuedu-shelf-'));
let count = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fresh(): { env: NodeJS.ProcessEnv; dir: string } {
  const dir = join(root, `t${count++}`);
  mkdirSync(dir, { recursive: true });
  return { env: { XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') }, dir };
}

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** A describe that counts its calls and takes the first line as the title. */
function describer(): { describe: (path: string) => Promise<FileMeta>; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    describe: async (path) => {
      calls.push(path);
      const text = readFileSync(path, 'utf8');
      return { key: documentKey(text), title: text.split('\n')[0] ?? '', chapters: 1, chars: text.length };
    },
  };
}

describe('record fields for the shelf', () => {
  it('read back what they write, and keep the furthest place, add reading time, put the latest path first', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    let record = applyUpdate(undefined, { title: '书', author: '某', chapters: 3, chars: 900, furthest: 500, lastRead: now.toISOString(), addReadingMs: 1000, path: '/a.txt' }, now);
    record = applyUpdate(record, { furthest: 100, addReadingMs: 500, path: '/b.txt' }, now);
    record = applyUpdate(record, { path: '/a.txt' }, now);
    expect(record).toMatchObject({ title: '书', author: '某', chapters: 3, chars: 900, furthest: 500, readingMs: 1500, paths: ['/a.txt', '/b.txt'] });
    expect(parseRecord(serializeRecord(record))).toEqual({ ok: true, record });
    for (let i = 0; i < 10; i++) record = applyUpdate(record, { path: `/p${i}` }, now);
    expect(record.paths).toHaveLength(MAX_PATHS);
  });

  it('drop fields of the wrong shape: relative paths, negative times, a bad date', () => {
    const parsed = parseRecord(JSON.stringify({ marks: {}, title: 7, chars: -1, readingMs: 1.5, lastRead: 'yesterday', paths: ['rel.txt', '/abs.txt', 3], updatedAt: '' }));
    expect(parsed).toEqual({ ok: true, record: { marks: {}, updatedAt: '', paths: ['/abs.txt'] } });
  });
});

describe('scanFolder', () => {
  it('finds .txt, .md and .epub files recursively, skipping hidden folders, other files and symlink loops', () => {
    const { dir } = fresh();
    write(join(dir, 'lib', 'a.txt'), 'a');
    write(join(dir, 'lib', 'sub', 'b.MD'), 'b');
    write(join(dir, 'lib', 'c.epub'), 'c');
    write(join(dir, 'lib', '.git', 'd.txt'), 'd');
    write(join(dir, 'lib', 'e.pdf'), 'e');
    write(join(dir, 'lib', '.txt'), 'no name');
    symlinkSync('..', join(dir, 'lib', 'sub', 'up'));
    symlinkSync(join(dir, 'lib', 'gone.txt.target'), join(dir, 'lib', 'dangling.txt'));
    symlinkSync(join(dir, 'lib', 'self'), join(dir, 'lib', 'self'));
    const result = scanFolder(join(dir, 'lib'));
    expect(result.files.map((f) => f.slice(dir.length))).toEqual(['/lib/a.txt', '/lib/c.epub', '/lib/sub/b.MD']);
    expect(result.notes.join('\n')).toMatch(/dangling\.txt.*gone/);
    expect(result.notes.join('\n')).toMatch(/self.*symlink loop/);
  });

  it('skips an unreadable folder with a note', () => {
    const { dir } = fresh();
    write(join(dir, 'lib', 'locked', 'a.txt'), 'a');
    write(join(dir, 'lib', 'b.txt'), 'b');
    chmodSync(join(dir, 'lib', 'locked'), 0);
    try {
      const result = scanFolder(join(dir, 'lib'));
      // root reads every folder: then the locked one is simply listed.
      if (process.getuid?.() !== 0) expect(result.notes.join('\n')).toMatch(/locked.*permission denied/);
      expect(result.files.some((f) => f.endsWith('b.txt'))).toBe(true);
    } finally {
      chmodSync(join(dir, 'lib', 'locked'), 0o755);
    }
  });

  it('stops at its limits with a note, never running on', () => {
    const { dir } = fresh();
    for (let i = 0; i < 30; i++) write(join(dir, 'lib', `f${i}.txt`), String(i));
    expect(scanFolder(join(dir, 'lib'), { maxTexts: 10 })).toMatchObject({ files: { length: 10 }, notes: [expect.stringMatching(/stopped after 10 texts/)] });
    expect(scanFolder(join(dir, 'lib'), { maxEntries: 5 }).notes[0]).toMatch(/stopped after looking at 5 names/);
  });

  it('handles 100,000 names in a folder', () => {
    const { dir } = fresh();
    const lib = join(dir, 'big');
    mkdirSync(lib);
    for (let i = 0; i < 100_000; i++) writeFileSync(join(lib, `${i}.${i % 10 === 0 ? 'txt' : 'dat'}`), '');
    const result = scanFolder(lib);
    expect(result.files).toHaveLength(5000);
    expect(result.notes[0]).toMatch(/stopped after 5000 texts/);
  }, 60_000);
});

describe('listShelf', () => {
  it('lists texts read before (most recent first) and a folder’s texts, merged by content, missing files shown', async () => {
    const { env, dir } = fresh();
    const a = write(join(dir, 'lib', 'a.txt'), '甲书\n内容');
    const gone = join(dir, 'gone.txt');
    saveState('甲书\n内容', { title: '甲书', lastRead: '2026-01-02T00:00:00Z', path: join(dir, 'elsewhere.txt') }, { env });
    saveState('乙书', { title: '乙书', lastRead: '2026-01-03T00:00:00Z', path: gone }, { env });
    // A record from before the shelf: no title, no path.
    saveState('丙', { anchor: { block: 's1p1', offset: 0 } }, { env });
    write(join(dir, 'lib', 'c.txt'), '丁书');
    const { describe, calls } = describer();
    const listing = await listShelf({ env, folders: [join(dir, 'lib')], describe });
    expect(listing.entries.map((e) => [e.title, e.missing])).toEqual([
      ['乙书', true],
      ['甲书', false],
      ['丁书', false],
    ]);
    // The record of 甲书 pointed elsewhere; the same content was found in the folder.
    expect(listing.entries[1]!.path).toBe(a);
    expect(calls).toHaveLength(2);
    // Listed again: nothing is read, the cache knows both files.
    const again = describer();
    await listShelf({ env, folders: [join(dir, 'lib')], describe: again.describe });
    expect(again.calls).toEqual([]);
    // A changed file is described anew.
    write(join(dir, 'lib', 'c.txt'), '戊书');
    utimesSync(join(dir, 'lib', 'c.txt'), new Date(), new Date(Date.now() + 5000));
    const third = describer();
    const listed = await listShelf({ env, folders: [join(dir, 'lib')], describe: third.describe });
    expect(third.calls).toEqual([join(dir, 'lib', 'c.txt')]);
    expect(listed.entries.map((e) => e.title)).toContain('戊书');
  });

  it('skips a file that cannot be described with a note', async () => {
    const { env, dir } = fresh();
    write(join(dir, 'lib', 'bad.txt'), '\u0000\u0001');
    const listing = await listShelf({ env, folders: [join(dir, 'lib')], describe: () => Promise.reject(new Error('binary file')) });
    expect(listing.entries).toEqual([]);
    expect(listing.notes[0]).toMatch(/bad\.txt.*binary file/);
  });

  it('rebuilds a damaged, foreign or old-version cache instead of trusting it', async () => {
    for (const junk of ['{not json', JSON.stringify({ version: 99, files: {} }), JSON.stringify({ version: 1, files: { '/x': { key: 'nothex', title: 1 } } }), '[]']) {
      const { env, dir } = fresh();
      write(join(dir, 'lib', 'a.txt'), '一');
      write(join(dir, 'cache', 'yuedu', 'shelf-files.json'), junk);
      const { describe, calls } = describer();
      const listing = await listShelf({ env, folders: [join(dir, 'lib')], describe });
      expect(listing.entries.map((e) => e.title)).toEqual(['一']);
      expect(calls).toHaveLength(1);
      expect(JSON.parse(readFileSync(join(dir, 'cache', 'yuedu', 'shelf-files.json'), 'utf8')).version).toBe(1);
    }
  });

  it("describes a folder's texts anew when the cache was written by another build (it may count chapters otherwise)", async () => {
    const { env, dir } = fresh();
    write(join(dir, 'lib', 'a.txt'), '一');
    const first = describer();
    await listShelf({ env, folders: [join(dir, 'lib')], describe: first.describe });
    const path = join(dir, 'cache', 'yuedu', 'shelf-files.json');
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { build: string; files: Record<string, { title: string }> };
    expect(saved.build).toBe(SOURCES_ID);
    // The same build trusts its cache: nothing is described again.
    const again = describer();
    await listShelf({ env, folders: [join(dir, 'lib')], describe: again.describe });
    expect(again.calls).toHaveLength(0);
    // Another build's cache (here with a title that build gave) is not read.
    for (const entry of Object.values(saved.files)) entry.title = '旧版的标题';
    write(path, JSON.stringify({ ...saved, build: 'another-build' }));
    const other = describer();
    const listing = await listShelf({ env, folders: [join(dir, 'lib')], describe: other.describe });
    expect(other.calls).toHaveLength(1);
    expect(listing.entries.map((e) => e.title)).toEqual(['一']);
  });

  it('keeps the cache under its cap, the least recently used going first', () => {
    const { env } = fresh();
    let now = 0;
    const cache = FileCache.open(env, () => now);
    const meta = (i: number): FileMeta => ({ key: documentKey(String(i)), title: String(i), chapters: 1, chars: 1 });
    for (let i = 0; i < 20_010; i++) {
      now = i;
      cache.set(`/f${i}`, 1, 1, meta(i));
    }
    expect(cache.save()).toBeUndefined();
    const reopened = FileCache.open(env);
    expect(reopened.get('/f0', 1, 1)).toBeUndefined();
    expect(reopened.get('/f20009', 1, 1)?.title).toBe('20009');
    expect(reopened.get('/f10', 1, 1)?.title).toBe('10');
  });

  it('forgets a record without touching the file; the last read text is the one with a file', async () => {
    const { env, dir } = fresh();
    const file = write(join(dir, 'a.txt'), '甲');
    saveState('甲', { title: '甲', lastRead: '2026-01-02T00:00:00Z', path: file }, { env });
    saveState('乙', { title: '乙', lastRead: '2026-01-01T00:00:00Z', path: join(dir, 'b.txt') }, { env });
    expect(lastRead(env)).toEqual({ key: documentKey('甲'), path: file });
    expect(forgetRecord(documentKey('甲'), env)).toBeUndefined();
    expect(existsSync(file)).toBe(true);
    expect((await listShelf({ env })).entries.map((e) => e.title)).toEqual(['乙']);
    // The latest text's file is gone: nothing to reopen.
    expect(lastRead(env)).toBeUndefined();
    expect(forgetRecord('../../etc/passwd', env)).toBeUndefined();
    rmSync(join(dir, 'state'), { recursive: true });
    expect(lastRead(env)).toBeUndefined();
  });
});
