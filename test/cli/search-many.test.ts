/**
 * A search across texts (search-many.ts) with its indexes cached (format 3, search-cache.ts): the texts
 * come best first with the same hits and counts whether indexes are built, cached or not used; a cached answer is the answer built from the texts; a damaged part of a cached index,
 * whichever, is found when it is read, and the text is searched from a rebuilt index with the same answer.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse.js';
import { PART } from '../../src/core/search/serial.js';
import { byBestHit, openIndexCaches, searchMany, type TextHits } from '../../src/cli/commands/search-many.js';
import { partTable } from '../../src/storage/search-cache.js';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** A text whose paragraphs hold `word` now and then, `times` times in the ones that do. */
function book(n: number, word: string, times: number): string {
  const lines = [`第${n}本书`, `作者：某${n}`, ''];
  for (let chapter = 1; chapter <= 4; chapter++) {
    lines.push(`第${chapter}章 章名${chapter}`, '');
    for (let p = 1; p <= 30; p++) {
      const hit = (p * (n + 1) + chapter) % 7 === 0;
      lines.push(`　　第${n}本书第${chapter}章第${p}段，说的是天气和${hit ? word.repeat(1 + ((p + n) % times)) : '别的事情'}，“他说”。`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function library(count = 5): { dir: string; files: string[]; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'yuedu-search-many-'));
  homes.push(home);
  const dir = join(home, 'books');
  mkdirSync(dir);
  const files = Array.from({ length: count }, (_, i) => {
    const file = join(dir, `book-${i}.txt`);
    writeFileSync(file, book(i, '凤凰', 1 + (i % 3)));
    return file;
  });
  return { dir, files, env: { XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') } };
}

const load = (path: string) => Promise.resolve(parseDocument(readFileSync(path, 'utf8')));

async function search(files: string[], query: string, env: NodeJS.ProcessEnv | undefined, limit = 3): Promise<{ texts: TextHits[] }> {
  const caches = env ? openIndexCaches(env) : undefined;
  const { texts, notes } = await searchMany(files, query, load, limit, { caches });
  expect(notes).toEqual([]);
  return { texts };
}

describe('a search across texts', () => {
  it('answers the texts best first, the same whether indexes are built, cached or not used', async () => {
    const { files, env } = library();
    for (const query of ['凤凰', '凤凰凤凰', 'fenghuang', '鳳凰', '天气凤凰', '没有这个词']) {
      const plain = await search(files, query, undefined);
      const building = await search(files, query, env);
      const cached = await search(files, query, env);
      for (const run of [plain, building, cached]) {
        expect(run.texts.slice().sort(byBestHit), query).toEqual(run.texts);
      }
      expect(building.texts, query).toEqual(plain.texts);
      expect(cached.texts, query).toEqual(plain.texts);
      expect(cached.texts.some((text) => text.more > 0) || plain.texts.length === 0 || query !== '凤凰', query).toBe(true);
    }
  });

  it('keeps the pinyin readings a query read in full, and answers the same from them', async () => {
    const { files, env } = library(3);
    const folder = join(env.XDG_CACHE_HOME!, 'yuedu', 'search');
    const parts = (): number[] => readdirSync(folder).map((name) => partTable(readFileSync(join(folder, name))).length);
    await search(files, '凤凰', env);
    expect(parts()).toEqual([PART.pinyin, PART.pinyin, PART.pinyin]);
    const fresh = await search(files, 'fenghuang', undefined);
    expect(fresh.texts.length).toBeGreaterThan(0);
    expect((await search(files, 'fenghuang', env)).texts).toEqual(fresh.texts);
    expect(parts()).toEqual([PART.pinyin + 1, PART.pinyin + 1, PART.pinyin + 1]);
    for (const query of ['fenghuang', 'fh', 'tianqi', 'fengh 天气']) {
      expect((await search(files, query, env)).texts, query).toEqual((await search(files, query, undefined)).texts);
    }
  });

  it('finds a damaged part when it reads it, and answers the same from a rebuilt index', async () => {
    const { files, env } = library(3);
    const folder = join(env.XDG_CACHE_HOME!, 'yuedu', 'search');
    // An exact query reads the meta, the folded text and, for its hits, the text as written; a
    // phrase typed without the text's punctuation also the postings; hits' matches the maps.
    for (const [part, query] of [
      [PART.meta, '凤凰'],
      [PART.blocks, '凤凰'],
      [PART.text, '凤凰'],
      [PART.maps, '凤凰'],
      [PART.postings, '天气和凤凰他说'],
      // Kept after the first pinyin query over the text, read by the next.
      [PART.pinyin, 'fenghuang'],
    ] as const) {
      const fresh = await search(files, query, undefined);
      expect(fresh.texts.length, query).toBeGreaterThan(0);
      await search(files, query, env);
      const damaged = new Map<string, Buffer>();
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        const bytes = readFileSync(path);
        const { offset, length } = partTable(bytes)[part]!;
        bytes[offset + (length >> 1)]! ^= 0x20;
        writeFileSync(path, bytes);
        damaged.set(path, bytes);
      }
      expect(damaged.size).toBe(files.length);
      const again = await search(files, query, env);
      expect(again.texts, `part ${part}`).toEqual(fresh.texts);
      // A file whose damaged part was read is rebuilt; the others are left as they were, never read.
      const rebuilt = [...damaged].filter(([path, bytes]) => !readFileSync(path).equals(bytes)).length;
      expect(rebuilt, `part ${part}`).toBe(part === PART.meta || part === PART.blocks || part === PART.pinyin ? files.length : again.texts.length);
      const after = await search(files, query, env);
      expect(after.texts, `part ${part}`).toEqual(fresh.texts);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
