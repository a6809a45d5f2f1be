/** `print` with the reading-comfort options: indent, spacing, script. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERVIEW, runCli } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'yuedu-comfort-'));
const novel = join(tmp, 'novel.txt');
writeFileSync(novel, ['小城故事', '', '第一章 出门', '', '　　清晨，他推开门。', '', '', '　　他想了想，还是出门了。', '　　路上没有人。'].join('\r\n'));

describe('yuedu print: indent and spacing', () => {
  it('keeps the source indent once by default, and collapses runs of blank lines', () => {
    const r = runCli(['print', '--width', '40', novel]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n　　清晨，他推开门。\n');
    expect(r.stdout).not.toContain('　　　　');
    expect(r.stdout).not.toContain('\n\n\n');
  });

  it('--no-indent removes it, --indent adds it to a text without one', () => {
    expect(runCli(['print', '--no-indent', novel]).stdout).not.toContain('　');
    const r = runCli(['print', '--indent', '--width', '60', INTERVIEW]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n　　重庆日报：/);
    expect(runCli(['print', '--width', '60', INTERVIEW]).stdout).not.toMatch(/\n　　重庆日报：/);
  });

  it("by default runs an indented book's paragraphs together, and an unindented one's as its source does", () => {
    const chapter = (name: string, sayings: string[]) => [name, '', ...sayings.flatMap((line) => [line, ''])];
    const book = join(tmp, 'book.txt');
    writeFileSync(book, ['小城故事', '', ...chapter('第一章 出门', ['　　清晨，他推开门。', '　　路上没有人。']), ...chapter('第二章 回家', ['　　天黑了。', '　　他回到家。'])].join('\n'));
    expect(runCli(['print', book]).stdout).toContain('他推开门。\n　　路上');
    const classic = join(tmp, 'classic.txt');
    writeFileSync(
      classic,
      ['论语', '', ...chapter('学而第一', ['子曰：“学而时习之。”', '有子曰：“其为人也孝弟。”']), ...chapter('为政第二', ['子曰：“为政以德。”', '子曰：“诗三百。”'])].join('\n'),
    );
    const r = runCli(['print', classic]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('学而时习之。”\n\n有子曰');
    expect(runCli(['print', '--spacing', '0', classic]).stdout).toContain('学而时习之。”\n有子曰');
    // Lines that run together in the source (a chapter of 道德经, a poem) stay together.
    const verse = join(tmp, 'verse.txt');
    writeFileSync(verse, ['道德经', '', '第一章', '道可道，非常道。', '无名天地之始。', '故常无欲。', '', '第二章', '天下皆知美之为美。', '皆知善之为善。', ''].join('\n'));
    const v = runCli(['print', verse]);
    expect(v.stdout).toContain('道可道，非常道。\n无名天地之始。\n故常无欲。\n\n第二章');
  });

  it('indents a book of prose set tight without indents, and keeps a collection of poems as its source sets it', () => {
    const line = (i: number) => `他在第${i}天的早上走过了那条很长很长的河，看见对岸的山上有人在喊他的名字。`;
    const tight = join(tmp, 'tight.txt');
    writeFileSync(tight, ['小城故事', '', '第一章 出门', line(1), line(2), line(3), '第二章 回家', line(4), line(5)].join('\n'));
    const r = runCli(['print', '--width', '200', tight]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`\n　　${line(1)}\n　　${line(2)}\n`);
    expect(runCli(['print', '--width', '200', '--no-indent', tight]).stdout).toContain(`\n${line(1)}\n${line(2)}\n`);
    const poems = join(tmp, 'poems.txt');
    writeFileSync(poems, ['诗选', '', '春山', '张三', '', '山高水又长，', '风来花自开。', '云中有归雁，', '夜半月明来。', '', '秋水', '李四', '', '江边人已远，', '雨后路犹长。', '青山留白日，', '红叶满归乡。', ''].join('\n'));
    const p = runCli(['print', poems]);
    expect(p.stdout).toContain('\n山高水又长，\n风来花自开。\n云中有归雁，\n夜半月明来。\n\n秋水');
  });

  it('--spacing 0 puts no blank line between paragraphs, 1 one', () => {
    expect(runCli(['print', '--spacing', '0', novel]).stdout).toContain('他想了想，还是出门了。\n　　路上');
    expect(runCli(['print', '--spacing', '1', novel]).stdout).toContain('他想了想，还是出门了。\n\n　　路上');
    const bad = runCli(['print', '--spacing', '2', novel]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--spacing needs a whole number from 0 to 1/);
  });
});

describe('yuedu print --script', () => {
  it('prints the text in traditional characters, at phrase level', () => {
    const r = runCli(['print', '--script', 'traditional', INTERVIEW]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('產業');
    expect(r.stdout).not.toContain('产业');
  });

  it('quotes a citation as shown and says so', () => {
    const r = runCli(['print', '--at', 's2p3', '--script', 'traditional-tw', INTERVIEW]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().endsWith('（繁体显示）')).toBe(true);
    expect(r.stdout).toContain('(s2p3)');
    const plain = runCli(['print', '--at', 's2p3', INTERVIEW]);
    expect(plain.stdout).not.toContain('显示');
  });

  it('refuses an unknown script in one line', () => {
    const r = runCli(['print', '--script', 'klingon', INTERVIEW]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')[0]).toMatch(/--script needs one of original, simplified, traditional/);
  });
});
