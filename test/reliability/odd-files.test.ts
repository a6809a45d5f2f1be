/**
 * Odd files through the built CLI: every encoding yuedu reads, damaged and undecodable bytes, binary,
 * empty and blank files, a 1 MB line without a break opportunity, 100,000 one-character paragraphs, a
 * file over the size limit, and awkward file names. Big files are generated here, in a temporary
 * folder, never committed. Each case ends with exit 0 and the text, or exit 2 and one clear line:
 * never a stack trace.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/layout/width.js';
import { MAX_INPUT_BYTES } from '../../src/cli/input.js';
import { FORBIDDEN } from '../fixtures/hostile.js';
import { runCli, type CliResult } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-odd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Exit 2, one message line naming the problem and at most a hint line: no stack trace. */
function expectRefused(r: CliResult, message: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^yuedu: cannot open /);
  expect(lines[0]).toMatch(message);
  expect(lines.length).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+|Error:/);
}

const TEXT = '标题\n\n电子信息产业作为我市重要支柱产业之一\n';
const BODY = '电子信息产业作为我市重要支柱产业之一';
const utf16 = (text: string, endian: 'le' | 'be'): Buffer => {
  const bytes = Buffer.from(text, 'utf16le');
  if (endian === 'be') bytes.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]);
};
// 标题, two newlines, then BODY in GB18030 (as `iconv -t gb18030` writes it); checked below against the WHATWG decoder.
const GB18030 = Buffer.from(
  'b1eacce20a0ab5e7d7d3d0c5cfa2b2fad2b5d7f7ceaaced2cad0d6d8d2aad6a7d6f9b2fad2b5d6aed2bb0a',
  'hex',
);

describe('encodings', () => {
  it('the GB18030 fixture is what it claims', () => {
    expect(new TextDecoder('gb18030').decode(GB18030)).toBe(TEXT);
  });

  it.each([
    ['UTF-8', Buffer.from(TEXT)],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['UTF-16 LE', utf16(TEXT, 'le')],
    ['UTF-16 BE', utf16(TEXT, 'be')],
    ['GB18030', GB18030],
    ['UTF-8 with CRLF', Buffer.from(TEXT.replace(/\n/g, '\r\n'))],
  ])('%s: print, toc and search read the same text', (name, bytes) => {
    const path = file(`${name}.txt`, bytes);
    const printed = runCli(['print', '--width', '80', path]);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe(`标题\n\n${BODY}\n`);
    expect(runCli(['toc', path]).stdout.split('\n')[0]).toBe('标题');
    expect(runCli(['search', '--json', '支柱产业', path]).status).toBe(0);
  });

  it.each([
    ['a multi-byte character cut off at the end', Buffer.from(`${TEXT}中`).subarray(0, -1), `${BODY}\n\n\ufffd`],
    ['a lone surrogate in UTF-16 LE', utf16('标题\n\n前\ud800后\n', 'le'), '前\ufffd后'],
    ['a lone surrogate in UTF-16 BE', utf16('标题\n\n前\udfff后\n', 'be'), '前\ufffd后'],
    ['a lone surrogate written as UTF-8 bytes (WTF-8)', Buffer.concat([Buffer.from('标题\n\n前'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('后\n')]), '前\ufffd后'],
    ['a stray invalid byte in long UTF-8', Buffer.concat([Buffer.from(`标题\n\n${BODY.repeat(4)}`), Buffer.from([0xff]), Buffer.from('后\n')]), '\ufffd后'],
  ])('%s: read, the damage shown as U+FFFD', (name, bytes, expected) => {
    const r = runCli(['print', '--width', '200', file(`${name}.txt`, bytes)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(expected);
    expect(r.stdout).not.toMatch(FORBIDDEN);
  });

  it('Latin-1 is refused with a hint to convert it', () => {
    const r = runCli(['print', file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x0a]))]);
    expectRefused(r, /not UTF-8, UTF-16 or GB18030/);
    expect(r.stderr).toMatch(/iconv/);
  });

  it('UTF-32 is refused by name', () => {
    const bytes = Buffer.alloc(4 + 4 * 2);
    bytes.set([0xff, 0xfe, 0, 0]);
    bytes.writeUInt32LE(0x4e2d, 4);
    bytes.writeUInt32LE(0x6587, 8);
    expectRefused(runCli(['toc', file('utf32.txt', bytes)]), /UTF-32/);
  });

  it.each([
    ['an ELF header', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0])],
    ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
  ])('a binary file (%s) is refused by every command', (name, bytes) => {
    const path = file(`${name}.bin`, bytes);
    for (const args of [['print', path], ['toc', path], ['wrap', path], ['search', 'x', path], [path]]) {
      expectRefused(runCli(args), /binary|not UTF-8/);
    }
  });
});

describe('empty and blank files', () => {
  it.each([
    ['empty', ''],
    ['only blank lines', '\n\n   \n\r\n\u3000\n\t\n'],
  ])('%s: print shows the placeholder title, toc an empty outline, search finds nothing', (name, content) => {
    const path = file(`${name}.txt`, content);
    const printed = runCli(['print', path]);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toBe('无标题\n');
    const toc = runCli(['toc', '--json', path]);
    expect(JSON.parse(toc.stdout)).toMatchObject({ title: '无标题', sections: [] });
    const search = runCli(['search', '标题', path]);
    expect(search).toMatchObject({ status: 1, stdout: '' });
    expect(runCli(['wrap', path]).status).toBe(0);
  });
});

describe('big files (generated)', () => {
  it.each([
    ['Latin letters', 'a'.repeat(1024 * 1024)],
    ['full stops, which may not start a line', '。'.repeat(Math.ceil((1024 * 1024) / 3))],
  ])('a single 1 MB line of %s: print --width 40 finishes, every line fits, nothing is lost', (name, line) => {
    const r = runCli(['print', '--width', '40', file(`${name}.txt`, line)]);
    expect(r.status).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    for (const l of lines) expect(cellWidth(l)).toBeLessThanOrEqual(40);
    // The fallback title repeats the start of the text; the body is the rest.
    expect(lines.join('').length).toBeGreaterThanOrEqual(line.length);
  });

  it.each([
    ['Latin letters', 'a'.repeat(1024 * 1024)],
    ['Chinese characters', '中'.repeat(Math.ceil((1024 * 1024) / 3))],
  ])('a single 1 MB line of %s at the narrowest width, --width 2: more rows than a call takes arguments, all fit', (name, line) => {
    const r = runCli(['print', '--width', '2', file(`narrow ${name}.txt`, line)]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.replace(/\n$/, '').split('\n');
    expect(lines.length).toBeGreaterThan(300_000);
    expect(lines.every((l) => cellWidth(l) <= 2)).toBe(true);
    // A guard against a hang, generous for a loaded machine; the speed is the benchmark's business.
  }, 90_000);

  it('search in a 1 MB paragraph: plain and --json answer in seconds, the snippet cut around the match', () => {
    const path = file('one paragraph.txt', `${'中文'.repeat(170_000)}集成电路${'中文'.repeat(100_000)}`);
    const plain = runCli(['search', '--width', '60', '集成电路', path]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('【集成电路】');
    for (const l of plain.stdout.trimEnd().split('\n')) expect(cellWidth(l)).toBeLessThanOrEqual(60);
    // Every character matches (hundreds of thousands of ranges), and a near miss matches everywhere.
    for (const query of ['中文', '中x中文']) {
      const json = runCli(['search', '--json', query, path]);
      expect(json.status, `${query}: ${json.stderr}`).toBe(0);
      expect((JSON.parse(json.stdout) as { matches: unknown[] }[])[0]?.matches.length).toBeGreaterThan(0);
    }
    // A guard against a hang, generous for a loaded machine; the speed is the benchmark's business.
  }, 90_000);

  it('--width below 2 is refused: no line could hold a Chinese character', () => {
    const r = runCli(['print', '--width', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--width needs a whole number from 2/);
  });

  it('150,000 sections: toc lists them all', () => {
    const text = `访谈\n\n${Array.from({ length: 150_000 }, (_, i) => `第${i + 1}节\n记者：问${i + 1}？`).join('\n')}\n`;
    const r = runCli(['toc', file('sections.txt', text)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^150000 {2}第150000节 +1 paragraph$/);
  }, 90_000);

  it('100,000 one-character paragraphs: print and toc finish', () => {
    const chars = '我你他她它';
    const path = file('many.txt', Array.from({ length: 100_000 }, (_, i) => chars[i % chars.length]).join('\n\n'));
    const printed = runCli(['print', '--width', '40', path]);
    expect(printed.status).toBe(0);
    // One row per paragraph and a blank row between them (the title is the first paragraph).
    expect(printed.stdout.split('\n').filter((l) => l !== '').length).toBe(100_000);
    const toc = runCli(['toc', '--json', path]);
    expect(toc.status).toBe(0);
    const outline = JSON.parse(toc.stdout) as { sections: { paragraphs: number }[] };
    expect(outline.sections.reduce((sum, s) => sum + s.paragraphs, 0)).toBe(99_999);
  }, 60_000);

  it(`a file over the size limit (${MAX_INPUT_BYTES / 1024 / 1024} MiB) is refused before it is read`, () => {
    const path = file('huge.txt', '');
    truncateSync(path, MAX_INPUT_BYTES + 1); // sparse: no disk, no time
    for (const args of [['print', path], ['toc', path], ['search', 'x', path], [path]]) {
      expectRefused(runCli(args), /too large to be a text \(the limit is 64 MiB\)/);
    }
  });
});

describe('file names', () => {
  const names = ['with spaces.txt', '中文 名字.txt', '-leading-dash.txt', '--double-dash.txt', '　全角空格.txt', "quote'and\"dq.txt"];

  it.each(names)('%j opens with print, toc and search (after --)', (name) => {
    const path = file(name, TEXT);
    expect(runCli(['print', '--', path]).stdout).toContain(BODY);
    expect(runCli(['toc', '--', path]).status).toBe(0);
    expect(runCli(['search', '--', '支柱产业', path]).status).toBe(0);
  });

  it('a relative name with a leading dash is an unknown option unless written after -- or as ./-name, and the hint says so', () => {
    file('-访谈 记录.txt', TEXT);
    const cwd = { cwd: dir };
    const bare = runCli(['print', '-访谈 记录.txt'], cwd);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^yuedu: unknown option -访\n.*'--'/);
    expect(runCli(['print', '--', '-访谈 记录.txt'], cwd).stdout).toContain(BODY);
    expect(runCli(['print', './-访谈 记录.txt'], cwd).stdout).toContain(BODY);
  });
});
