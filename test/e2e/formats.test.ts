/**
 * A Markdown article and an EPUB in the real reader, in a pseudo-terminal: no markup on the screen,
 * the outline nested in the sidebar, inline styles as attributes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { buildEpub, patchUncompressedSize } from '../helpers/epub.js';
import { disposeTerminals, startTerminal, type TerminalSession } from '../helpers/terminal.js';

afterEach(disposeTerminals);
const dir = mkdtempSync(join(tmpdir(), 'yuedu-e2e-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TIMEOUT = { timeout: 30_000 };

/** Where `needle` is on the screen, in cells. */
function find(term: TerminalSession, needle: string): { x: number; y: number } | undefined {
  for (let y = 0; y < term.rows; y++) {
    let line = '';
    const columns: number[] = [];
    for (let x = 0; x < term.cols; x++) {
      const { chars, width } = term.cellAt(x, y);
      if (width === 0) continue;
      for (const _ of chars || ' ') columns.push(x);
      line += chars || ' ';
    }
    const at = line.indexOf(needle);
    if (at >= 0) return { x: columns[at] ?? 0, y };
  }
  return undefined;
}

it('shows a Markdown article with its outline, frames and styles, and no markup', async () => {
  const file = join(dir, 'article.md');
  writeFileSync(
    file,
    '---\ntitle: 台北札记\nauthor: 某人\n---\n\n# 台北札记\n\n开头有**重点**与*强调*，见[官网](https://example.com)。\n\n## 街道\n\n- 第一项\n- 第二项\n\n### 巷子\n\n> 一句引文\n\n| 名称 | 价格 |\n|---|--:|\n| 茶 | 30元 |\n',
  );
  const term = await startTerminal({ args: [file], cols: 90, rows: 24 });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('巷子') && t.screen().includes('一句引文'), TIMEOUT);
  await term.settle();
  const screen = term.screen();
  expect(screen).not.toMatch(/\*\*|\]\(|^---|title:/mu);
  expect(screen).toContain('• 第一项');
  expect(screen).toContain('│ 一句引文');
  expect(screen).toMatch(/茶 +│ +30元/u);
  // ### under ## : two cells further in in the sidebar.
  const street = find(term, '1 街道');
  const lane = find(term, '2 巷子');
  expect(street && lane && lane.x - street.x).toBe(2);
  const strong = find(term, '重点');
  const url = find(term, '(https://example.com)');
  expect(strong && term.attrsAt(strong.x, strong.y).bold).toBe(true);
  expect(url && term.attrsAt(url.x, url.y).dim).toBe(true);
  term.write('q');
  await term.waitFor((t) => !t.isAlternateScreen(), TIMEOUT);
}, 60_000);

it('shows an EPUB with its table of contents as a tree in the sidebar', async () => {
  const file = join(dir, 'book.epub');
  writeFileSync(
    file,
    buildEpub({
      title: '春夏之书',
      chapters: [
        { file: 'p1.xhtml', body: '<h1>上卷</h1>' },
        { file: 'c1.xhtml', body: '<h2>第一章 春</h2><p>春眠不觉晓，<ruby>處<rt>chù</rt></ruby>处闻啼鸟。</p>' },
        { file: 'c2.xhtml', body: '<h2>第二章 夏</h2><p>夏日的一段。</p>' },
      ],
      toc: [{ title: '上卷', href: 'p1.xhtml', children: [{ title: '第一章 春', href: 'c1.xhtml' }, { title: '第二章 夏', href: 'c2.xhtml' }] }],
    }),
  );
  const term = await startTerminal({ args: [file], cols: 90, rows: 24 });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('夏日的一段'), TIMEOUT);
  await term.settle();
  const screen = term.screen();
  expect(screen).toContain('春夏之书');
  // The ruby's reading is shown after its base (`r` hides it); no markup reaches the screen.
  expect(screen).toContain('春眠不觉晓，處(chù)处闻啼鸟。');
  expect(screen).not.toMatch(/<|rt>/u);
  const volume = find(term, '1 上卷');
  const first = find(term, '2 第一章 春');
  const second = find(term, '3 第二章 夏');
  expect(volume && first && first.x - volume.x).toBe(2);
  expect(first && second && second.x).toBe(first?.x);
  term.write('q');
  await term.waitFor((t) => !t.isAlternateScreen(), TIMEOUT);
}, 60_000);

it('opens a long EPUB at its first look with the whole outline; the keys then act on the whole book, and it reopens where it was left', async () => {
  const count = 200;
  const chapters = Array.from({ length: count }, (_, i) => ({
    file: `c${i + 1}.xhtml`,
    body: `<h1>第${i + 1}章</h1>\n${Array.from({ length: 12 }, (_, k) => `<p>第${i + 1}章第${k + 1}段，${'山水之间风起云涌'.repeat(6)}。</p>`).join('\n')}`,
  }));
  const file = join(dir, 'long.epub');
  writeFileSync(file, buildEpub({ title: '长书', chapters, toc: chapters.map((c, i) => ({ title: `第${i + 1}章`, href: c.file })) }));
  const home = mkdtempSync(join(tmpdir(), 'yuedu-e2e-look-'));
  const env = { XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') };
  try {
    const term = await startTerminal({ args: [file], cols: 80, rows: 24, env });
    await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('第1章第1段') && t.screen().includes('20 第20章'), TIMEOUT);
    // Pressed at once: the end of the whole book, not of the chapters the first look read.
    term.write('G');
    await term.waitFor((t) => t.screen().includes(`第${count}章第12段`) && /100%/u.test(t.row(23)), TIMEOUT);
    term.write('q');
    expect((await term.exit(TIMEOUT)).exitCode).toBe(0);
    // Opened again (not kept parsed): the first look at the top, then the book at its saved place.
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    const again = await startTerminal({ args: [file], cols: 80, rows: 24, env });
    await again.waitFor((t) => t.isAlternateScreen() && t.screen().includes(`第${count}章第12段`), TIMEOUT);
    again.write('g');
    await again.waitFor((t) => t.screen().includes('第1章第1段'), TIMEOUT);
    again.write('q');
    await again.waitFor((t) => !t.isAlternateScreen(), TIMEOUT);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}, 60_000);

it('gives the terminal back and says why when a long EPUB fails after its first look', async () => {
  const chapters = Array.from({ length: 120 }, (_, i) => ({
    file: `c${i + 1}.xhtml`,
    body: `<h1>第${i + 1}章</h1>\n${Array.from({ length: 12 }, (_, k) => `<p>第${i + 1}章第${k + 1}段，${'山水之间风起云涌'.repeat(6)}。</p>`).join('\n')}`,
  }));
  const bytes = buildEpub({ title: '坏书', chapters, toc: chapters.map((c, i) => ({ title: `第${i + 1}章`, href: c.file })) });
  // The last chapter inflates to more than the archive says: found only when the whole book is read.
  patchUncompressedSize(bytes, 'OEBPS/Text/c120.xhtml', 100);
  const file = join(dir, 'broken-late.epub');
  writeFileSync(file, bytes);
  const term = await startTerminal({ args: [file], cols: 80, rows: 24 });
  const { exitCode } = await term.exit(TIMEOUT);
  expect(exitCode).toBe(2);
  expect(term.isAlternateScreen()).toBe(false);
  expect(term.screen()).toMatch(/yuedu: cannot open ".*broken-late\.epub": the archive\s+is damaged/u);
  expect(term.screen()).not.toMatch(/\bat \S+ \(|node:internal/u);
}, 60_000);
