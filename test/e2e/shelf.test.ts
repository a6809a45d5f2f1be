/**
 * The shelf in the built reader, in a pseudo-terminal: open a text, switch to another through the
 * shelf (`o`, a filter, Enter), come back to the first at the same place; `yuedu` with no file then
 * reopens the text read last. And `yuedu search` across three texts. Each test has its own state and
 * cache homes; the texts are generated here.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { saveState } from '../../src/storage/store.js';
import { disposeTerminals, keys, startTerminal, YUEDU_BIN, type TerminalSession } from '../helpers/terminal.js';
import { spawn } from 'node:child_process';

const READY = /\d+\/~?\d+ \d+%/;
const homes: string[] = [];
afterEach(async () => {
  await disposeTerminals();
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const NAMES = [
  ['甲书', 'alpha'],
  ['乙书', 'beta'],
  ['丙书', 'gamma'],
] as const;

/** A book of eight chapters; every paragraph says which book, chapter and paragraph it is. */
function book(title: string, name: string, extra: string): string {
  const lines = [`${title} ${name}`, ''];
  for (let c = 1; c <= 8; c++) {
    lines.push(`第${c}章 ${name}之${c}`, '');
    for (let p = 1; p <= 6; p++) lines.push(`${title}第${c}章第${p}段。${p === 3 && c === 2 ? extra : ''}这里是一些文字，用来占满一行又一行的屏幕空间。`, '');
  }
  return lines.join('\n');
}

function library(): { home: string; dir: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'yuedu-shelf-e2e-'));
  homes.push(home);
  const dir = join(home, 'books');
  mkdirSync(dir);
  const extras = ['凤凰', '凤凰凤凰', '麒麟'];
  NAMES.forEach(([title, name], i) => writeFileSync(join(dir, `${name}.txt`), book(title, name, extras[i]!)));
  return { home, dir, env: { XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') } };
}

async function open(env: Record<string, string>, args: string[]): Promise<TerminalSession> {
  const term = await startTerminal({ cols: 80, rows: 24, args, env });
  await term.waitFor((t) => t.isAlternateScreen() && READY.test(t.row(23)), { timeout: 15_000 });
  await term.settle();
  return term;
}

/** Everything but the status bar. */
const body = (term: TerminalSession): string => term.text().slice(0, term.rows - 1).join('\n');

describe('the shelf in the reader', () => {
  it('switches to another text and back, each at its own place; yuedu alone reopens the last', async () => {
    const { dir, env } = library();
    const term = await open(env, [join(dir, 'alpha.txt')]);
    await term.typeKeys([' ', ' ', ' '], { timeout: 10_000 });
    await term.settle();
    const place = body(term);
    expect(place).toContain('甲书第');

    await term.press('o', { timeout: 10_000 });
    await term.waitFor(/书架 Shelf/, { timeout: 10_000 });
    // The shelf lists the texts read before: only this one so far.
    expect(term.screen()).toContain('甲书 alpha');
    term.write(keys.esc);
    await term.waitFor((t) => READY.test(t.row(23)), { timeout: 10_000 });
    term.write('q');
    expect((await term.exit({ timeout: 10_000 })).exitCode).toBe(0);

    // The folder's texts join the shelf: open it on the folder, pick beta by typing.
    const shelf = await startTerminal({ cols: 80, rows: 24, args: [dir], env });
    await shelf.waitFor(/书架 Shelf\s+3 texts/, { timeout: 20_000 });
    // Not the note about the text behind the shelf (read last, and shown on Esc): the shelf is on screen.
    expect(shelf.screen()).not.toMatch(/read last|o shows the shelf/);
    await shelf.typeKeys(['b', 'e', 't', 'a'], { timeout: 10_000 });
    await shelf.waitFor(/1 of 3/, { timeout: 10_000 });
    shelf.write(keys.enter);
    await shelf.waitFor((t) => READY.test(t.row(23)) && t.screen().includes('乙书第'), { timeout: 15_000 });
    await shelf.settle();
    await shelf.typeKeys([' '], { timeout: 10_000 });
    // Back to alpha: it opens where it was left.
    await shelf.press('o', { timeout: 10_000 });
    await shelf.waitFor(/书架 Shelf/, { timeout: 10_000 });
    await shelf.typeKeys(['a', 'l', 'p', 'h', 'a'], { timeout: 10_000 });
    await shelf.waitFor(/1 of 3/, { timeout: 10_000 });
    shelf.write(keys.enter);
    await shelf.waitFor((t) => READY.test(t.row(23)) && t.screen().includes('甲书第'), { timeout: 15_000 });
    await shelf.settle();
    expect(body(shelf)).toBe(place);
    shelf.write('q');
    expect((await shelf.exit({ timeout: 10_000 })).exitCode).toBe(0);

    // Every text read has a record with its title, place, progress and time.
    const records = readdirSync(join(env.XDG_STATE_HOME!, 'yuedu'))
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(env.XDG_STATE_HOME!, 'yuedu', name), 'utf8')));
    const alpha = records.find((r) => r.title === '甲书 alpha');
    expect(alpha).toMatchObject({ paths: [join(dir, 'alpha.txt')], chapters: 8 });
    expect(alpha.furthest).toBeGreaterThan(0);
    expect(alpha.furthest).toBeLessThan(alpha.chars);
    expect(records.find((r) => r.title === '乙书 beta')?.paths).toEqual([join(dir, 'beta.txt')]);

    // No file: the text read last (alpha), at its place, and the status bar says so.
    const again = await open(env, []);
    expect(again.row(23)).toMatch(/the text read last/);
    expect(again.row(23)).toMatch(/o shows the shelf/);
    expect(body(again)).toBe(place);
    again.write('q');
    await again.exit({ timeout: 10_000 });

    // --interview opens the bundled interview whatever the history.
    const interview = await open(env, ['--interview']);
    expect(interview.screen()).toContain('刘忠');
    interview.write('q');
    await interview.exit({ timeout: 10_000 });
  }, 120_000);
});

/** `yuedu DIR` at 100x30, then `/`, the query and Enter: a search across the shelf's texts under way. */
async function searchShelf(dir: string, env: Record<string, string>, query: string): Promise<TerminalSession> {
  const term = await startTerminal({ cols: 100, rows: 30, args: [dir], env });
  await term.waitFor(/书架 Shelf\s+3 texts/, { timeout: 20_000 });
  // Typed one key at a time, as a person does; the query goes in as pasted text would.
  await term.typeKeys(['/'], { timeout: 10_000 });
  term.write(query);
  await term.waitFor(/Enter searches every text/, { timeout: 10_000 });
  term.write(keys.enter);
  return term;
}

describe('searching every text from the shelf view', () => {
  it('/ then a query and Enter lists hits across the three texts; Enter opens one at its paragraph', async () => {
    const { home, dir, env } = library();
    const term = await searchShelf(dir, env, '麒麟');
    await term.waitFor(/1 paragraph in 3 texts/, { timeout: 30_000 });
    expect(term.screen()).toMatch(/丙书 gamma\s+s2p3\s+丙书第2章第3段。麒麟/);
    // Each text's index was cached on the way, by content.
    expect(readdirSync(join(home, 'cache', 'yuedu', 'search')).filter((name) => /^[0-9a-f]{32}\.idx$/.test(name))).toHaveLength(3);
    term.write(keys.enter);
    await term.waitFor((t) => READY.test(t.row(29)) && t.screen().includes('丙书第2章第3段'), { timeout: 15_000 });
    // The hit's paragraph is at the top of the text.
    const pane = term.text().map((row) => (row.includes('│') ? (row.split('│')[1] ?? '') : row).trim());
    expect(pane[1]).toMatch(/^丙书第2章第3段/);
    term.write('q');
    expect((await term.exit({ timeout: 10_000 })).exitCode).toBe(0);
  }, 90_000);

  it("Enter on a hit in a text's title opens the text at its top", async () => {
    const { dir, env } = library();
    const term = await searchShelf(dir, env, 'gamma');
    await term.waitFor(/paragraphs? in 3 texts/, { timeout: 30_000 });
    // The title's hit comes first, and is chosen.
    expect(term.screen()).toMatch(/丙书 gamma\s+title\s+丙书 gamma/);
    term.write(keys.enter);
    await term.waitFor((t) => READY.test(t.row(29)) && t.screen().includes('gamma之1'), { timeout: 15_000 });
    const pane = term.text().map((row) => (row.includes('│') ? (row.split('│')[1] ?? '') : row).trim());
    expect(pane.slice(0, 3)).toContain('丙书 gamma');
    term.write('q');
    expect((await term.exit({ timeout: 10_000 })).exitCode).toBe(0);
  }, 90_000);
});

describe('yuedu search across texts', () => {
  it('answers the same from its cached indexes, rebuilds a damaged one, and two at once leave whole files', async () => {
    const { home, dir, env } = library();
    const cached = join(home, 'cache', 'yuedu', 'search');
    const first = runCli(['search', '--json', '凤凰', dir], { env });
    expect(first.status).toBe(0);
    const files = readdirSync(cached).filter((name) => name.endsWith('.idx'));
    expect(files).toHaveLength(3);
    expect(runCli(['search', '--json', '凤凰', dir], { env }).stdout).toBe(first.stdout);
    // A damaged index is not trusted: the answer is the same, and the file is whole again. Parts are
    // read when a query needs them: the folded text by every one, the text as written by a hit.
    const { partTable } = await import('../../src/storage/search-cache.js');
    const { PART } = await import('../../src/core/search/serial.js');
    for (const part of [PART.blocks, PART.text]) {
      const damaged = join(cached, files[0]!);
      const bytes = readFileSync(damaged);
      const { offset, length } = partTable(bytes)[part]!;
      bytes[offset + (length >> 1)]! ^= 0xff;
      writeFileSync(damaged, bytes);
      expect(runCli(['search', '--json', '凤凰', dir], { env }).stdout).toBe(first.stdout);
      expect(readFileSync(damaged).equals(bytes), `part ${part}`).toBe(false);
    }

    // Two searches at once, each writing every index, on an empty cache.
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    const run = (): Promise<number | null> =>
      new Promise((resolve) => {
        // Standard output a pipe: 'ignore' looks like a closed one to yuedu (exit 74).
        const child = spawn(process.execPath, [YUEDU_BIN, 'search', '麒麟', dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.resume();
        child.stderr.resume();
        child.on('close', (code) => resolve(code));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const left = readdirSync(cached);
    expect(left.filter((name) => !name.endsWith('.idx'))).toEqual([]);
    const { SearchCache } = await import('../../src/storage/search-cache.js');
    const { BUILD_STAMP } = await import('../../src/cli/commands/text-index.js');
    const cache = SearchCache.open({ stamp: BUILD_STAMP, folder: cached })!;
    for (const name of left) expect(cache.read(name.slice(0, 32)), name).toBeDefined();
  }, 60_000);

  it('groups hits by text, best first, with refs; --json adds the file; exit codes as for one file', () => {
    const { dir, env } = library();
    const plain = runCli(['search', '凤凰', dir], { env });
    expect(plain.status).toBe(0);
    const groups = plain.stdout.split('\n').filter((line) => line.startsWith('== '));
    expect(groups.map((g) => g.split('  ')[0])).toEqual(expect.arrayContaining(['== 甲书 alpha', '== 乙书 beta']));
    expect(groups).toHaveLength(2);
    expect(plain.stdout).toMatch(/^s2p3 /m);
    // The texts in the order of --json's, best hit first, not the order they were searched in.
    const ranked = JSON.parse(runCli(['search', '--json', '凤凰', dir], { env }).stdout) as { title: string }[];
    expect(groups.map((g) => g.slice(3).split('  ')[0])).toEqual([...new Set(ranked.map((hit) => hit.title))]);

    const json = runCli(['search', '--json', 'qilin', join(dir, 'alpha.txt'), join(dir, 'gamma.txt')], { env });
    expect(json.status).toBe(0);
    const hits = JSON.parse(json.stdout) as { file: string; ref: string; title: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]).toMatchObject({ file: join(dir, 'gamma.txt'), ref: 's2p3', title: '丙书 gamma' });

    expect(runCli(['search', '没有的词语', dir], { env }).status).toBe(1);
    expect(runCli(['search', '  ', dir], { env }).status).toBe(2);
    const empty = join(dir, '..', 'empty');
    mkdirSync(empty);
    const none = runCli(['search', '凤凰', empty], { env });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no \.txt, \.md or \.epub file/);
  });

  it('yuedu shelf --json lists the folder, never read yet, with counts', () => {
    const { dir, env } = library();
    const result = runCli(['shelf', '--json', dir], { env });
    expect(result.status).toBe(0);
    const rows = JSON.parse(result.stdout) as { title: string; chapters: number; chars: number; progress: number; file: string; missing: boolean }[];
    expect(rows.map((r) => r.title)).toEqual(['丙书 gamma', '乙书 beta', '甲书 alpha'].sort());
    for (const row of rows) expect(row).toMatchObject({ chapters: 8, progress: 0, missing: false });
    expect(runCli(['shelf', join(dir, 'alpha.txt')], { env }).status).toBe(2);
  });

  it('yuedu DIR without a terminal prints the shelf; an empty shelf says how texts get there', () => {
    const { dir, env } = library();
    const empty = runCli(['shelf'], { env });
    expect(empty.status).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/the shelf is empty/);
    const listed = runCli([dir], { env });
    expect(listed.status).toBe(0);
    expect(listed.stdout.split('\n').filter(Boolean).map((line) => line.split(/\s{2,}/)[0])).toEqual(['丙书 gamma', '乙书 beta', '甲书 alpha'].sort());
    expect(listed.stdout).toMatch(/8章/);
    // A folder's texts are not "read": reopening with no FILE still gives the interview.
    expect(runCli([], { env }).stdout).toContain('刘忠');
    // Once one is read, yuedu with no FILE gives it (printed here, without a terminal) while it is unchanged.
    const beta = join(dir, 'beta.txt');
    saveState(parseDocument(readFileSync(beta, 'utf8')).source, { title: '乙书 beta', lastRead: new Date().toISOString(), path: beta }, { env });
    expect(runCli([], { env }).stdout).toContain('乙书第1章第1段');
    expect(runCli(['--interview'], { env }).stdout).toContain('刘忠');
    writeFileSync(beta, `${readFileSync(beta, 'utf8')}\n多了一段。\n`);
    expect(runCli([], { env }).stdout).toContain('刘忠');
  });
});
