import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-books-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Two volumes of three chapters, in our own words, with a contents block and a site line. */
function book(script: 'simplified' | 'traditional' = 'simplified'): string {
  const t = script === 'traditional';
  const lines = ['更多精彩小说请访问 www.example.com', '长河', '作者：某某', '目录', '第一章 甲', '第二章 乙', '第三章 丙'];
  for (let c = 1; c <= 6; c++) {
    if (c === 1) lines.push('第一卷 春');
    if (c === 4) lines.push('第二卷 夏');
    lines.push(`　　第${'一二三四五六'[c - 1]}章 ${'甲乙丙丁戊己'[c - 1]}`);
    for (let p = 1; p <= 3; p++) lines.push(t ? `　　這是第${c}章的第${p}段，我們說了一個故事。` : `　　这是第${c}章的第${p}段，我们说了一个故事。`);
  }
  lines.push('（本章完）');
  const text = lines.join('\r\n');
  // Big5 has only traditional characters.
  return t ? text.replace(/[长说请访问录]/gu, (c) => ({ 长: '長', 说: '說', 请: '請', 访: '訪', 问: '問', 录: '錄' })[c] ?? c) : text;
}

describe('yuedu toc on a book', () => {
  it('prints the tree: volumes unnumbered, chapters numbered and indented, the author', () => {
    const r = runCli(['toc', file('长河.txt', book())]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['长河', '作者：某某']);
    expect(lines.filter((l) => /第.卷/.test(l)).map((l) => l.trim())).toEqual(['第一卷 春', '第二卷 夏']);
    expect(r.stdout).toMatch(/^ 1 {4}第一章 甲 +3 paragraphs$/m);
    expect(r.stdout).toMatch(/^ 6 {4}第六章 己 +3 paragraphs$/m);
    // The contents block is not listed twice.
    expect(r.stdout.match(/第一章 甲/g)).toHaveLength(1);
  });

  it('--json nests chapters as children of their volumes and shows the notes', () => {
    const r = runCli(['toc', '--json', file('长河.txt', book())]);
    const toc = JSON.parse(r.stdout) as { author: string; shape: string; outline: { title: string; children: { section: number; ref: string }[] }[]; notes: string[] };
    expect(toc.author).toBe('某某');
    expect(toc.shape).toBe('book');
    expect(toc.outline.map((v) => [v.title, v.children.map((c) => c.section)])).toEqual([['第一卷 春', [1, 2, 3]], ['第二卷 夏', [4, 5, 6]]]);
    expect(toc.outline[1]?.children[0]?.ref).toBe('s4p1');
    expect(toc.notes).toEqual(['更多精彩小说请访问 www.example.com', '作者：某某', '目录\n第一章 甲\n第二章 乙\n第三章 丙', '（本章完）']);
  });
});

describe('yuedu print on a book', () => {
  it('--section N prints that chapter', () => {
    const r = runCli(['print', '--section', '5', '--width', '80', file('长河.txt', book())]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('第五章 戊');
    expect(r.stdout).toContain('这是第5章的第3段');
    expect(r.stdout).not.toContain('第二卷');
  });

  it('--at cites author, book, volume and chapter by their headings', () => {
    const r = runCli(['print', '--at', 's5p2', file('长河.txt', book())]);
    expect(r.stdout).toBe('> 这是第5章的第2段，我们说了一个故事。\n—— 某某，《长河》，第二卷 夏，第五章 戊，第2段 (s5p2)\n');
  });

  it("search finds a volume's heading as v2, and --at v2 says what it names", () => {
    const path = file('长河-卷.txt', book());
    const found = runCli(['search', '夏', path]);
    expect(found.status).toBe(0);
    expect(found.stdout.split('\n')[0]).toMatch(/^v2 +第二卷 夏 +章节标题$/u);
    const at = runCli(['print', '--at', 'v2', path]);
    expect([at.status, at.stderr]).toEqual([2, "yuedu: --at v2 names a volume's heading; print cites one paragraph\nTry 'yuedu print --at s4p1', the volume's first paragraph.\n"]);
  });

  it('--notes prints what is kept out of the flow', () => {
    const r = runCli(['print', '--notes', file('长河.txt', book())]);
    expect(r.stdout).toContain('更多精彩小说请访问 www.example.com\n');
    expect(r.stdout).toContain('（本章完）\n');
  });
});

describe('encodings and rules on the command line', () => {
  it('reads the same book from Big5, GB18030 and UTF-8 files alike', () => {
    const text = book('traditional');
    const outputs = [iconv.encode(text, 'big5'), iconv.encode(text, 'gb18030'), Buffer.from(text, 'utf8')].map((bytes, i) => runCli(['toc', '--json', file(`b${i}.txt`, bytes)]).stdout);
    expect(outputs[0]).toBe(outputs[2]);
    expect(outputs[1]).toBe(outputs[2]);
    expect(outputs[2]).toContain('第二卷 夏');
  });

  it('--encoding overrides detection; an unknown name is a usage error', () => {
    const path = file('big5.txt', iconv.encode(book('traditional'), 'big5'));
    expect(runCli(['print', '--encoding', 'big5', '--section', '1', path]).stdout).toContain('這是第1章的第1段');
    const bad = runCli(['toc', '--encoding', 'klingon', path]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^yuedu: --encoding: 'klingon' is not an encoding/);
  });

  it('refuses bytes no encoding makes Chinese, naming --encoding', () => {
    const noise = Uint8Array.from({ length: 800 }, (_, i) => (i % 2 === 0 ? 0xb0 + ((i * 7) % 22) : 0xc0 + ((i * 13) % 62)));
    const r = runCli(['toc', file('noise.txt', noise)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^yuedu: cannot open ".*noise\.txt": it is not UTF-8, UTF-16 or GB18030 text \(nor Big5\)\n.*--encoding/);
  });

  it('--chapter and --volume replace detection', () => {
    const text = ['河', '上篇', '甲 一', '正文一。', '甲 二', '正文二。', '下篇', '甲 三', '正文三。'].join('\n');
    const toc = JSON.parse(runCli(['toc', '--json', '--chapter', '^甲 ', '--volume', '^[上下]篇$', file('rules.txt', text)]).stdout) as { outline: { title: string; children: { title: string }[] }[] };
    expect(toc.outline.map((v) => [v.title, v.children.map((c) => c.title)])).toEqual([['上篇', ['甲 一', '甲 二']], ['下篇', ['甲 三']]]);
  });

  it('a bad --chapter regex is a usage error that says why', () => {
    const r = runCli(['toc', '--chapter', '第(.+章', file('x.txt', book())]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^yuedu: --chapter is not a valid regular expression: .*(Unterminated group|missing \))/i);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
