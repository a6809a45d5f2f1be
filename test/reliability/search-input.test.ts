/**
 * What people type or paste as a search: regex and fuse.js metacharacters (literal text, never
 * operators), a 10,000-character paste, lone surrogates, only spaces (ASCII and the full-width IME
 * space). Through the core (search and searchAsync, as the reader calls it, fast-check) and the CLI.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { runCli } from '../helpers/cli.js';
import { expectValid } from '../helpers/hits.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-query-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Paragraphs that hold metacharacters as text, next to paragraphs that do not. */
const PARAGRAPHS = [
  '价格(含税)是[5]元*2，a.b?c+d^e$f|g\\h{3}。',
  "他说'FPGA'!和=号，还有\"引号\"与~波浪线。",
  '普通的一段话，没有任何特殊符号，讲集成电路产业。',
  '另一段讲智能工厂和数字化车间的建设。',
];
const LONG = '电子信息产业作为我市重要支柱产业之一'.repeat(560).slice(0, 10_000);
const TEXT = `符号测试\n\n${PARAGRAPHS.join('\n\n')}\n\n${LONG}\n`;
const FILE = join(dir, 'symbols.txt');
writeFileSync(FILE, TEXT);
const doc = parseDocument(TEXT);
const index = createSearchIndex(doc);


const METACHARACTERS = ['.*', '.', '*', '+?', '(', ')', '(含税)', '[5]', '[', '\\', '\\h', '^', '$', '^e$f', '|', 'f|g', '{3}', "'", "'FPGA", '!', '!和', '=', '=号', '"', '"引号"', '~', '$^', '(?=x)', '\\d+', '[^a]'];

describe('metacharacters are literal text', () => {
  it.each(METACHARACTERS)('%j finds only paragraphs that contain it (or a near miss of it), never all of them', (query) => {
    const hits = index.search(query);
    expectValid(hits);
    expect(hits.length).toBeLessThan(PARAGRAPHS.length + 1);
    // The two paragraphs without any symbol never match a query made only of symbols.
    if (!/[\p{L}\p{N}]/u.test(query)) {
      for (const hit of hits) expect(hit.text).not.toBe(PARAGRAPHS[2]);
    }
  });

  it.each(['(含税)', '[5]', 'a.b?c+d^e$f|g', '\\h{3}', "'FPGA'!", '"引号"'])('%j is found where it is written, with the match on it', (query) => {
    const [hit] = index.search(query);
    expect(hit).toBeDefined();
    const [start, end] = hit!.matches[0]!;
    expect(hit!.text.slice(start, end).toLowerCase()).toBe(query.toLowerCase());
    expect(hit!.tier).toBe('exact');
  });
});

describe('odd queries never throw and return valid ranges (fast-check)', () => {
  const anyQuery = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: fc.constantFrom(...'.*+?()[]{}^$|\\!\'"=~ 　集成电路价格含税'), maxLength: 30 }),
    fc.string({ unit: fc.constantFrom('\ud800', '\udfff', '𠀀', '😀', '\u200b', '\u0000', '\u001b', '\u202e', ' ', '　'), maxLength: 10 }),
  );

  it('search', () => {
    fc.assert(fc.property(anyQuery, (query) => expectValid(index.search(query))), { numRuns: 300 });
  });

  it('searchAsync (the reader’s way) agrees with search', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery, async (query) => {
        const hits = await index.searchAsync(query, { limit: 1000 });
        expectValid(hits);
        expect(hits.map((h) => h.paragraphId)).toEqual(index.search(query, { limit: 1000 }).map((h) => h.paragraphId));
      }),
      { numRuns: 100 },
    );
  });
});

describe('long, blank and broken queries', () => {
  it('a 10,000-character query: answered quickly, and found when it is a paragraph', async () => {
    const hits = index.search(LONG);
    expect(hits[0]?.text).toBe(LONG);
    expectValid(hits);
    for (const query of ['集成电路'.repeat(2500), 'a'.repeat(10_000), '.*'.repeat(5000), Array.from({ length: 10_000 }, (_, i) => '集 成　a.('[i % 7]).join('')]) {
      expectValid(index.search(query));
      expectValid(await index.searchAsync(query, { limit: 1000 }));
    }
    // No time bound here (a loaded machine is slow); a quadratic blow-up, minutes long, fails by the
    // test's timeout, and npm run bench measures the search's speed.
  }, 60_000);

  it.each(['', ' ', '　', ' 　 ', '\t', '\u3000\u3000'])('the blank query %j finds nothing', (query) => {
    expect(index.search(query)).toEqual([]);
  });

  it.each(['\ud800', '\udfff', '集\ud800成', '\udc00电路'])('a query with a lone surrogate (%j) is answered', (query) => {
    expectValid(index.search(query));
  });
});

describe('the CLI takes any query', () => {
  it.each(METACHARACTERS)('yuedu search %j: exit 0 or 1, valid JSON, nothing on stderr', (query) => {
    const r = runCli(['search', '--json', '--', query, FILE]);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
    if (r.status === 0) expectValid(JSON.parse(r.stdout) as never);
  });

  it('a 10,000-character query (plain and --json) is answered, and found when it is a paragraph', () => {
    const found = runCli(['search', '--json', LONG, FILE]);
    expect(found.status).toBe(0);
    expect((JSON.parse(found.stdout) as { text: string }[])[0]?.text).toBe(LONG);
    for (const query of ['集成电路'.repeat(2500), '(' .repeat(10_000)]) {
      const r = runCli(['search', query, FILE]);
      expect([0, 1]).toContain(r.status);
      expect(r.stderr).toBe('');
    }
  });

  it.each([' ', '　', ' 　 ', '\t'])('only spaces (%j) is a usage error, exit 2, for search and for --search', (query) => {
    const search = runCli(['search', query, FILE]);
    expect(search.status).toBe(2);
    expect(search.stderr).toMatch(/^yuedu: search needs something to search for/);
    const reader = runCli(['--search', query, FILE]);
    expect(reader.status).toBe(2);
    expect(reader.stderr).toMatch(/^yuedu: --search needs something to search for/);
  });

  it('a lone surrogate in the arguments arrives as U+FFFD and is answered', () => {
    const r = runCli(['search', '--json', '集\ud800成', FILE]);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
  });
});
