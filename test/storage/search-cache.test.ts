/**
 * The search index cache's files (search-cache.ts): what is written is read back, part by part; a
 * damaged, truncated, foreign, other-version or other-build file is refused and removed, at once when
 * its header or table is wrong, when the part is read when a part is; the folder stays under its cap,
 * the least recently used going first (an injected clock). Two writers at once: test/e2e/shelf.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedIndexError, FORMAT_VERSION, partTable, SearchCache } from '../../src/storage/search-cache.js';

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
/** Parts of 1, n and 3 bytes: lengths that need padding between parts. */
const payload = (n: number, fill = 7): Uint8Array[] => [new Uint8Array(1).fill(fill), new Uint8Array(n).fill(fill), new Uint8Array(3).fill(fill + 1)];
const plain = (parts: Uint8Array[] | undefined): Uint8Array[] | undefined => parts?.map((bytes) => new Uint8Array(bytes));
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
      ['a flipped byte in the last part', (b) => void (b[b.length - 2]! ^= 0xff)],
      ['a flipped byte in the table', (b) => void (b[96 + 4]! ^= 0x01)],
      ['a part count changed', (b) => void b.writeUInt32LE(2, 16)],
      ['a byte appended', (b) => Buffer.concat([b, Buffer.alloc(1)])],
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

  it('reads a part only when asked, and refuses a damaged part then, whichever it is', () => {
    const cache = fresh();
    const parts = [new Uint8Array(10).fill(1), new Uint8Array(4001).fill(2), new Uint8Array(7).fill(3), new Uint8Array(0)];
    for (let damaged = 0; damaged < parts.length; damaged++) {
      cache.write(KEY, parts);
      const path = fileOf(cache, KEY);
      const bytes = readFileSync(path);
      const table = partTable(bytes);
      expect(table.map((entry) => entry.length)).toEqual(parts.map((part) => part.length));
      expect(table.every((entry) => entry.offset % 8 === 0)).toBe(true);
      const { offset, length } = table[damaged]!;
      // An empty part has no byte to flip: its checksum is changed instead.
      if (length > 0) bytes[offset + (length >> 1)]! ^= 0x40;
      else bytes.writeUInt32LE(table[damaged]!.crc ^ 1, 96 + damaged * 12 + 8);
      writeFileSync(path, bytes);
      const file = cache.openIndex(KEY);
      if (length === 0) {
        // The checksum is in the table, which has one of its own.
        expect(file, `part ${damaged}`).toBeUndefined();
        continue;
      }
      expect(file, `part ${damaged}`).toBeDefined();
      // The other parts are whole and read; the damaged one is refused and the file removed.
      for (let i = 0; i < parts.length; i++) if (i !== damaged) expect(new Uint8Array(file!.part(i))).toEqual(parts[i]);
      expect(() => file!.part(damaged)).toThrow(DamagedIndexError);
      file!.close();
      expect(readdirSync(cache.folder)).toEqual([]);
    }
  });

  it('reuses one allocation for files read one after another with reuse', () => {
    const cache = fresh();
    cache.write(KEY, [new Uint8Array(5000).fill(1)]);
    cache.write(OTHER, [new Uint8Array(3000).fill(2)]);
    const first = cache.openIndex(KEY, { reuse: true })!;
    const a = first.part(0);
    // A second file open meanwhile does not share the memory in use.
    const meanwhile = cache.openIndex(OTHER, { reuse: true })!;
    expect(meanwhile.part(0).buffer).not.toBe(a.buffer);
    meanwhile.close();
    first.close();
    const second = cache.openIndex(OTHER, { reuse: true })!;
    const b = second.part(0);
    expect(b.buffer).toBe(a.buffer);
    expect(b.every((byte) => byte === 2)).toBe(true);
    second.close();
  });

  it('evicts the least recently used past its cap, a read counting as a use', () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const cache = fresh({ maxBytes: 3 * 1200, now: () => now });
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
