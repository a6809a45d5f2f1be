/** `print` of an EPUB with ruby: readings written after their base (`漢（hàn）`), or not; with a script too. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildEpub } from '../helpers/epub.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-readings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const epub = join(dir, 'ruby.epub');
writeFileSync(
  epub,
  buildEpub({
    title: '注音',
    chapters: [{ file: 'c1.xhtml', body: '<h2>第一章</h2><p><ruby>漢<rp>(</rp><rt>hàn</rt><rp>)</rp></ruby>字和<ruby>头发<rt>ㄊㄡˊㄈㄚˇ</rt></ruby>都在。</p>' }],
  }),
);

describe('yuedu print: ruby readings', () => {
  it('writes each reading after its base in full-width brackets', () => {
    const r = runCli(['print', '--width', '60', epub]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('漢（hàn）字和头发（ㄊㄡˊㄈㄚˇ）都在。');
  });

  it('leaves them out with --no-readings', () => {
    const r = runCli(['print', '--width', '60', '--no-readings', epub]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('漢字和头发都在。');
    expect(r.stdout).not.toContain('hàn');
  });

  it('converts the base and keeps the reading with --script', () => {
    const r = runCli(['print', '--width', '60', '--script', 'traditional', epub]);
    expect(r.stdout).toContain('漢（hàn）字和頭髮（ㄊㄡˊㄈㄚˇ）都在。');
  });

  it('finds the base text only: a search for a reading finds nothing', () => {
    expect(runCli(['search', '漢字和头发', epub]).status).toBe(0);
    // A zhuyin reading is no pinyin the search could take for the base's.
    expect(runCli(['search', 'ㄊㄡˊ', epub]).stdout).not.toContain('头发');
  });
});
