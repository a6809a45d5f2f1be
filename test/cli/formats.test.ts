import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildEpub } from '../helpers/epub.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MARKDOWN = '---\ntitle: 札记\nauthor: 某人\ndate: 2024-05-01\n---\n\n# 札记\n\n导语**重点**，见[官网](https://example.com)。\n\n## 第一节\n\n- 甲项\n- 乙项\n\n### 小节\n\n> 引用的话\n';
const md = join(dir, 'note.md');
writeFileSync(md, MARKDOWN);
const epub = join(dir, 'book.epub');
writeFileSync(
  epub,
  buildEpub({
    title: '书名',
    creators: ['作者甲'],
    chapters: [
      { file: 'c1.xhtml', body: '<h1>第一章</h1><p>正文<b>粗体</b>一段。</p>' },
      { file: 'c2.xhtml', body: '<h1>第二章</h1><p>春眠不觉晓。</p>' },
    ],
    toc: [{ title: '第一章', href: 'c1.xhtml' }, { title: '第二章', href: 'c2.xhtml' }],
  }),
);

describe('Markdown', () => {
  it('reads Markdown saved as a .txt file or piped in as Markdown, unless --format text says otherwise', () => {
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, MARKDOWN);
    for (const args of [['toc', txt], ['toc', '-']]) {
      const { status, stdout } = runCli(args, { input: MARKDOWN });
      expect(status).toBe(0);
      expect(stdout).toContain('札记');
      expect(stdout).toContain('第一节');
      expect(stdout).not.toContain('#');
    }
    expect(runCli(['print', txt]).stdout).toContain('导语重点，见官网');
    const raw = runCli(['print', '--format', 'text', txt]);
    expect(raw.status).toBe(0);
    expect(raw.stdout).toContain('## 第一节');
  });

  it('toc shows the title, byline and the nested outline', () => {
    const { status, stdout } = runCli(['toc', md]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^札记\n作者：某人 {2}2024-05-01\n/u);
    expect(stdout).toMatch(/ 1 {2}第一节/u);
    expect(stdout).toMatch(/ 2 {4}小节/u);
  });

  it('print writes the text without markup, links as text (url)', () => {
    const { status, stdout } = runCli(['print', '--width', '60', md]);
    expect(status).toBe(0);
    expect(stdout).toContain('导语重点，见官网 (https://example.com)。');
    // The front matter's author and date under the title, where a text's dateline goes.
    expect(stdout).toMatch(/^札记\n\n某人 {2}2024-05-01\n/u);
    expect(stdout).toContain('• 甲项\n• 乙项');
    expect(stdout).toContain('│ 引用的话');
    expect(stdout).not.toMatch(/\*\*|^#|^---/mu);
  });

  it('cites and searches the text, not the markup', () => {
    const cite = runCli(['print', '--at', 's0p1', md]);
    expect(cite.status).toBe(0);
    expect(cite.stdout).toBe('> 导语重点，见官网 (https://example.com)。\n—— 某人，《札记》，2024-05-01，导语第1段 (s0p1)\n');
    const found = runCli(['search', '--json', '重点', md]);
    expect(found.status).toBe(0);
    expect(JSON.parse(found.stdout)[0]).toMatchObject({ ref: 's0p1', text: '导语重点，见官网 (https://example.com)。' });
  });

  it('reads standard input as Markdown with --format markdown', () => {
    const { status, stdout } = runCli(['toc', '--format', 'markdown', '-'], { input: MARKDOWN });
    expect(status).toBe(0);
    expect(stdout).toMatch(/第一节/u);
    const plain = runCli(['toc', '-'], { input: MARKDOWN });
    expect(plain.stdout).not.toMatch(/^札记\n某人/u);
  });
});

describe('EPUB', () => {
  it('toc and print read the book', () => {
    const toc = runCli(['toc', epub]);
    expect(toc.status).toBe(0);
    expect(toc.stdout).toMatch(/^书名\n作者：作者甲\n/u);
    expect(toc.stdout).toMatch(/ 1 {2}第一章[\s\S]* 2 {2}第二章/u);
    const print = runCli(['print', '--width', '40', epub]);
    expect(print.stdout).toContain('正文粗体一段。');
    expect(print.stdout.match(/第一章/gu)).toHaveLength(1);
    expect(runCli(['search', '春眠', epub]).status).toBe(0);
  });

  it('refuses a bad book with one line and exit 2', () => {
    const bad = join(dir, 'bad.epub');
    writeFileSync(bad, 'not a zip at all');
    const { status, stderr } = runCli(['toc', bad]);
    expect(status).toBe(2);
    // One line saying what is wrong (the usual hint may follow it).
    expect(stderr.split('\n')[0]).toMatch(/^yuedu: cannot open ".*bad\.epub": it is not an EPUB \(not a zip archive\)$/u);
    expect(stderr).not.toMatch(/at .*\.js/u);
  });

  it('is chosen by --format as well as by extension, and refused by wrap', () => {
    const renamed = join(dir, 'book.bin');
    writeFileSync(renamed, buildEpub({ chapters: [{ file: 'a.xhtml', body: '<p>内容</p>' }] }));
    expect(runCli(['print', '--format', 'epub', renamed]).stdout).toContain('内容');
    expect(runCli(['wrap', epub]).status).toBe(2);
    const wrong = runCli(['toc', '--format', 'pdf', epub]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--format needs one of text, markdown, epub/u);
  });
});

describe('toc --json', () => {
  it('gives the format, metadata and each section depth', () => {
    const { stdout } = runCli(['toc', '--json', epub]);
    const toc = JSON.parse(stdout);
    expect(toc).toMatchObject({ title: '书名', format: 'epub', author: '作者甲', language: 'zh-CN', date: null });
    expect(toc.sections.map((s: { depth: number; title: string }) => [s.title, s.depth])).toEqual([['第一章', 1], ['第二章', 1]]);
    const md = JSON.parse(runCli(['toc', '--json', join(dir, 'note.md')]).stdout);
    expect(md.sections.map((s: { depth: number; title: string }) => [s.title, s.depth])).toEqual([['导语', 1], ['第一节', 1], ['小节', 2]]);
  });
});

describe('an EPUB without its extension', () => {
  it('is read as one when piped in or named otherwise (its first entry says so); wrap refuses it as before', () => {
    const bytes = buildEpub({ title: '无名之书', chapters: [{ file: 'c1.xhtml', body: '<h1>第一章</h1><p>正文。</p>' }, { file: 'c2.xhtml', body: '<h1>第二章</h1><p>又一段。</p>' }], toc: [{ title: '第一章', href: 'c1.xhtml' }, { title: '第二章', href: 'c2.xhtml' }] });
    const piped = runCli(['toc', '-'], { input: Buffer.from(bytes) });
    expect(piped.status).toBe(0);
    expect(piped.stdout).toContain('无名之书');
    expect(piped.stdout).toMatch(/第二章/);
    const named = join(dir, 'book.bin');
    writeFileSync(named, bytes);
    const fromFile = runCli(['print', named]);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toContain('又一段。');
    const wrap = runCli(['wrap', named]);
    expect(wrap.status).toBe(2);
    expect(wrap.stderr).toMatch(/wrap folds the lines of a text file/);
  });
});
