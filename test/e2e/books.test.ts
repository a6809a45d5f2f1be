/**
 * A GBK novel with volumes in the built reader, in a pseudo-terminal: the sidebar's tree, folding a
 * volume, finding a chapter by typing in the sidebar and going there, the status bar's `N/total`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disposeTerminals, keys, startTerminal } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-e2e-books-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(disposeTerminals);

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const chinese = (n: number): string => (n < 10 ? CN[n]! : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${CN[n % 10]}`);

/** Sixty chapters under three volumes, GBK with CRLF, indented with `　　`, a site line on top. */
function bookFile(): string {
  const lines = ['本书来自 www.example.com 免费TXT小说下载', '长河', '作者：某某'];
  for (let c = 1; c <= 60; c++) {
    if ((c - 1) % 20 === 0) lines.push(`第${chinese((c - 1) / 20 + 1)}卷 卷名${c}`);
    lines.push(`　　第${chinese(c)}章 ${c === 42 ? '火山口' : '山路'}${c}`);
    for (let p = 1; p <= 6; p++) lines.push(`　　这是第${c}章的第${p}段，天色渐晚，他停下脚步听了一会儿远处的钟声。`);
  }
  const path = join(dir, 'book.txt');
  writeFileSync(path, iconv.encode(lines.join('\r\n'), 'gbk'));
  return path;
}

const sidebar = (rows: string[]): string[] => rows.map((row) => (row.split('│')[0] ?? '').trimEnd());

describe('a book in the reader', () => {
  it('shows the tree, folds a volume, finds 第42章 by typing and goes there', async () => {
    const term = await startTerminal({ cols: 100, rows: 30, args: [bookFile()] });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'), { timeout: 20_000 });
    await term.settle();
    let side = sidebar(term.text());
    expect(side.some((row) => row.includes('▾ 第一卷 卷名1'))).toBe(true);
    expect(side.some((row) => /^\s+1 第一章 山路1/.test(row))).toBe(true);
    expect(side.some((row) => row.includes('www.example.com'))).toBe(false);

    // Focus the sidebar (on the title), go to the first volume and fold it.
    await term.typeKeys([keys.tab, 'j', 'h'], { timeout: 5000 });
    await term.waitFor((t) => sidebar(t.text()).some((row) => row.includes('▸ 第一卷 卷名1')), { timeout: 5000 });
    side = sidebar(term.text());
    expect(side.some((row) => row.includes('第一章 山路1'))).toBe(false);
    expect(side.some((row) => row.includes('▾ 第二卷 卷名21'))).toBe(true);

    // Type to find: the filter line shows what is typed; the chapter found is chosen.
    await term.typeKeys(['第', '4', '2'], { timeout: 5000 });
    await term.waitFor((t) => sidebar(t.text()).some((row) => row.includes('/第42')), { timeout: 5000 });
    await term.waitFor((t) => sidebar(t.text()).some((row) => row.includes('第四十二章 火山口42')), { timeout: 5000 });
    await term.typeKeys([keys.enter], { timeout: 5000 });
    await term.waitFor((t) => t.row(t.rows - 1).includes('42/60'), { timeout: 5000 });
    const pane = term.text().map((row) => (row.split('│')[1] ?? '').trim());
    expect(pane[1]).toBe('第四十二章 火山口42');
    expect(term.row(term.rows - 1)).toContain('第四十二章 火山口42');
  });

  it('Ctrl-f then pinyin initials find a chapter; Esc goes back to the outline', async () => {
    const term = await startTerminal({ cols: 100, rows: 30, args: [bookFile()] });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('? help'), { timeout: 20_000 });
    await term.settle();
    await term.typeKeys([keys.tab, keys.ctrl('f'), 'h', 's', 'k'], { timeout: 5000 });
    await term.waitFor((t) => sidebar(t.text()).some((row) => row.includes('/hsk')), { timeout: 10_000 });
    await term.waitFor((t) => sidebar(t.text()).some((row) => row.includes('第四十二章 火山口42')), { timeout: 10_000 });
    expect(sidebar(term.text()).some((row) => row.includes('第一章 山路1'))).toBe(false);
    await term.typeKeys([keys.esc], { timeout: 5000 });
    await term.waitFor((t) => sidebar(t.text()).some((row) => row.includes('第一章 山路1')), { timeout: 5000 });
  });
});

describe('a long book opened for the first time', () => {
  it('shows its first look with its chapters in the sidebar, then acts on the whole book, and reopens where it was left', async () => {
    // Over 2 MB of GBK: read by its first look (first-look.ts) while the whole is decoded and parsed.
    const chapters = 2000;
    const lines = ['长夜行', '作者：某某', ''];
    for (let c = 1; c <= chapters; c++) {
      lines.push(`第${c}章 夜路${c}`);
      for (let p = 1; p <= 12; p++) lines.push(`　　这是第${c}章的第${p}段，天色渐晚，他停下脚步听了一会儿远处的钟声，又往前走。`);
    }
    const path = join(dir, 'long.txt');
    writeFileSync(path, iconv.encode(lines.join('\r\n'), 'gbk'));
    const home = mkdtempSync(join(tmpdir(), 'yuedu-e2e-look-'));
    const env = { XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') };
    try {
      const term = await startTerminal({ cols: 100, rows: 30, args: [path], env });
      await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('第1章的第1段'), { timeout: 20_000 });
      expect(sidebar(term.text()).some((row) => /^\s+2 第2章 夜路2/u.test(row))).toBe(true);
      term.write('G');
      await term.waitFor((t) => t.screen().includes(`这是第${chapters}章的第12段`) && t.row(t.rows - 1).includes(`${chapters}/${chapters}`), { timeout: 20_000 });
      term.write('q');
      expect((await term.exit({ timeout: 20_000 })).exitCode).toBe(0);
      // Not kept parsed: the first look again, then the book at its saved place.
      rmSync(join(home, 'cache'), { recursive: true, force: true });
      const again = await startTerminal({ cols: 100, rows: 30, args: [path], env });
      await again.waitFor((t) => t.isAlternateScreen() && t.screen().includes(`这是第${chapters}章的第12段`), { timeout: 20_000 });
      again.write('q');
      expect((await again.exit({ timeout: 20_000 })).exitCode).toBe(0);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});
