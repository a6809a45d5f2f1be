/**
 * A Markdown article and an EPUB in the real reader, in a pseudo-terminal: no markup on the screen,
 * the outline nested in the sidebar, inline styles as attributes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { buildEpub } from '../helpers/epub.js';
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
