/**
 * Escape injection through every plain command of the built CLI (stdout a pipe): a file whose title,
 * headings, turns and lead carry terminal control sequences, and file names, options and queries that
 * do. Asserted on the raw bytes written: no ESC, no C1 control, no other forbidden character, and none
 * of the attacks' payloads with their introducer; the text around them is still there, visibly.
 * (The same file in the reader and in a terminal with colour: test/e2e/hostile.test.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_DOCUMENT, HOSTILE_WORDS, RAW_PAYLOADS } from '../fixtures/hostile-document.js';
import { FORBIDDEN } from '../fixtures/hostile.js';
import { runCli, type CliResult } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FILE = join(dir, 'hostile.txt');
writeFileSync(FILE, HOSTILE_DOCUMENT);

/** Nothing in `bytes` can act on a terminal. */
function expectInert(bytes: Buffer | string, what: string): void {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  expect(buffer.includes(0x1b), `${what}: a raw ESC byte`).toBe(false);
  const text = buffer.toString('utf8');
  expect(text, what).not.toMatch(FORBIDDEN);
  for (const payload of RAW_PAYLOADS) expect(text.includes(payload), `${what}: ${JSON.stringify(payload)}`).toBe(false);
}

function expectInertRun(result: CliResult, what: string): void {
  expectInert(result.stdoutBytes, `${what} (stdout)`);
  expectInert(result.stderr, `${what} (stderr)`);
}

describe('a hostile file through every plain command', () => {
  it.each([
    ['print', ['print', FILE]],
    ['print --width 20', ['print', '--width', '20', FILE]],
    ['print --section 1', ['print', '--section', '1', FILE]],
    ['print --at s1p1 (a citation: title, speaker, heading)', ['print', '--at', 's1p1', FILE]],
    ['print --at s0p9', ['print', '--at', 's0p9', FILE]],
    ['wrap', ['wrap', '--width', '30', FILE]],
    ['toc', ['toc', FILE]],
    ['the reader without a terminal', [FILE]],
    ['the reader with --at, without a terminal', ['--at', 's1p2', FILE]],
  ])('%s writes nothing a terminal would obey, and keeps the text visible', (what, args) => {
    const r = runCli(args);
    expect(r.status, r.stderr).toBe(0);
    expectInertRun(r, what);
    // The sequences are shown as text: their introducer as a visible picture (␛ for ESC, � for C1).
    expect(r.stdout).toMatch(/␛|\ufffd/);
  });

  it('toc shows the hostile title and heading as visible text', () => {
    const r = runCli(['toc', FILE]);
    expect(r.stdout.split('\n')[0]).toBe('恶意␛]0;PWNED␇标题␛]2;PWNED␛\\测试');
    expect(r.stdout).toContain('小节␛]8;;http://evil.example/');
  });

  it.each([
    ['toc --json', ['toc', '--json', FILE]],
    ['search --json', ['search', '--json', HOSTILE_WORDS.lead, FILE]],
  ])('%s: valid JSON, no raw ESC, and no escaped control either (the text was sanitised before)', (what, args) => {
    const r = runCli(args);
    expect(r.status).toBe(0);
    expectInertRun(r, what);
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    // JSON may write a control as \u001b; there is none to write.
    expect(r.stdout).not.toMatch(/\\u00[01][0-9a-f]|\\u009[0-9a-f]|\\u200[ef]|\\u202[a-e]|\\u206[6-9]/i);
  });

  it.each(Object.entries(HOSTILE_WORDS))('search for the %s (%s), plain and --json, and --search without a terminal', (_part, word) => {
    for (const args of [['search', word, FILE], ['search', '--json', word, FILE], ['search', '--width', '24', word, FILE], ['--search', word, FILE]]) {
      const r = runCli(args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(word);
      if (word !== HOSTILE_WORDS.lead) expect(r.stdout).toContain('小节␛]8;;http://evil.example/');
      expectInertRun(r, args.join(' '));
    }
  });

  it('search for the payload text itself finds it as text and shows it inert', () => {
    for (const query of ['PWNED', ']52;c;', '[2J', 'APC payload']) {
      const r = runCli(['search', query, FILE]);
      expect(r.status, query).toBe(0);
      expectInertRun(r, `search ${query}`);
    }
  });

  it('standard input carries the same file just as safely', () => {
    const r = runCli(['print', '-'], { input: HOSTILE_DOCUMENT });
    expect(r.status).toBe(0);
    expectInertRun(r, 'print -');
  });
});

describe('error messages quoting what the user named', () => {
  const evil = `evil${'\x1b'}]0;PWNED${'\x07'}${'\x1b'}[2J${'\u009b'}31m\u202eexe`;

  it.each([
    ['a missing file', () => ['print', join(dir, `${evil}.txt`)], /no such file/],
    ['a folder', () => {
      const folder = join(dir, `${evil}-folder`);
      mkdirSync(folder, { recursive: true });
      return ['toc', folder];
    }, /directory/],
    ['a binary file', () => {
      const path = join(dir, `${evil}.bin`);
      writeFileSync(path, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
      return ['search', 'x', path];
    }, /binary/],
    ['an unknown option', () => [`--${evil}`], /unknown option/],
    ['an unexpected argument', () => ['print', FILE, evil], /unexpected argument/],
    ['a bad --at reference', () => ['print', '--at', evil, FILE], /--at needs a paragraph reference/],
    ['a bad --width', () => ['print', '--width', evil, FILE], /--width needs a whole number/],
  ])('%s: one line, the name shown inert, exit 2', (_what, args, message) => {
    const r = runCli(args());
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expectInertRun(r, 'stderr');
    // The message stays on its line: a hint line at most follows it.
    expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('a hostile query that matches nothing says nothing but the exit code', () => {
    const r = runCli(['search', evil, FILE]);
    expect(r.status).toBe(1);
    expectInertRun(r, 'search');
  });
});
