/**
 * The search index cache's files (search-cache.ts): what is written is read back; a damaged, truncated,
 * foreign, other-version or other-build file is refused and removed; the folder stays under its cap,
 * the least recently used going first (an injected clock). Two writers at once: test/e2e/shelf.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FORMAT_VERSION, SearchCache } from '../../src/storage/search-cache.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fresh(options: { maxBytes?: number; now?: () => number; stamp?: string } = {}): SearchCache {
  const folder = mkdtempSync(join(tmpdir(), 'yuedu-search-cache-'));
  folders.push(folder);
  return SearchCache.open({ stamp: options.stamp ?? 'test 1', folder, ...options })!;
}

const KEY = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const payload = (n: number, fill = 7): Uint8Array => new Uint8Array(n).fill(fill);
const plain = (bytes: Uint8Array | undefined): Uint8Array | undefined => bytes && new Uint8Array(bytes);
const fileOf = (cache: SearchCache, key: string): string => join(cache.folder, `${key}.idx`);

describe('the search index cache', () => {
  it('reads back what it wrote', () => {
    const cache = fresh();
    expect(cache.read(KEY)).toBeUndefined();
    expect(cache.write(KEY, payload(1000))).toBeUndefined();
    expect(plain(cache.read(KEY))).toEqual(payload(1000));
    expect(cache.read(OTHER)).toBeUndefined();
  });

  it('refuses and removes a damaged, truncated, foreign, other-version or other-build file', () => {
    const damage: [string, (bytes: Buffer, cache: SearchCache) => Buffer | void][] = [
      ['a flipped byte in the payload', (b) => void (b[b.length - 3]! ^= 0xff)],
      ['truncated', (b) => b.subarray(0, b.length - 10)],
      ['only the header, cut', (b) => b.subarray(0, 40)],
      ['a wrong version', (b) => void b.writeUInt32LE(FORMAT_VERSION + 1, 8)],
      ['a wrong magic', (b) => void b.write('NOTOURS!', 0, 'latin1')],
      ['another text’s key', (b) => void b.write(OTHER, 24, 'latin1')],
      ['a file that is not ours', () => Buffer.from('{"version":1}\n')],
    ];
    for (const [what, change] of damage) {
      const cache = fresh();
      cache.write(KEY, payload(500));
      const bytes = readFileSync(fileOf(cache, KEY));
      writeFileSync(fileOf(cache, KEY), change(bytes, cache) ?? bytes);
      expect(cache.read(KEY), what).toBeUndefined();
      expect(readdirSync(cache.folder), what).toEqual([]);
      // Rebuilt by the caller: written again, it is read again.
      cache.write(KEY, payload(500, 9));
      expect(plain(cache.read(KEY)), what).toEqual(payload(500, 9));
    }
    const cache = fresh({ stamp: 'yuedu 1' });
    cache.write(KEY, payload(100));
    const newer = SearchCache.open({ stamp: 'yuedu 2', folder: cache.folder })!;
    expect(newer.read(KEY)).toBeUndefined();
  });

  it('evicts the least recently used past its cap, a read counting as a use', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const cache = fresh({ maxBytes: 3 * 1100, now: () => now });
    const keys = ['1', '2', '3'].map((c) => c.repeat(32));
    for (const key of keys) {
      now += 60_000;
      cache.write(key, payload(1000));
    }
    now += 60_000;
    expect(cache.read(keys[0]!)).toBeDefined();
    now += 60_000;
    cache.write(OTHER, payload(1000));
    const left = readdirSync(cache.folder).sort();
    expect(left).toEqual([keys[0], keys[2], OTHER].map((k) => `${k}.idx`).sort());
  });
});
