/**
 * Markdown and EPUB in the reading view, as rows: the outline nested in the sidebar, the frames of lists,
 * quotes and code, and inline marks drawn as attributes (kept without colour, as NO_COLOR asks).
 */
import { describe, expect, it } from 'vitest';
import { createReaderState } from '../../src/app/reducer.js';
import { parseEpub } from '../../src/core/document/epub/parse.js';
import { parseMarkdown } from '../../src/core/document/markdown/parse.js';
import type { Document } from '../../src/core/document/types.js';
import { hyperlinkId } from '../../src/terminal/hyperlinks.js';
import { screenOf, type Screen } from '../../src/terminal/screen.js';
import { cellStyle } from '../../src/terminal/style.js';
import { screenView } from '../../src/ui/rows/frame.js';
import { createTheme } from '../../src/ui/theme.js';
import { buildEpub } from '../helpers/epub.js';

const COLUMNS = 100;
const ROWS = 30;

function screen(doc: Document, color = false, hyperlinks = false): Screen {
  return screenOf(view(doc, color).lines, COLUMNS, ROWS, { hyperlinks });
}

function view(doc: Document, color = false) {
  return screenView(createReaderState(doc, { columns: COLUMNS, rows: ROWS }), createTheme(color));
}

/** The span that starts with `text`, and its style. */
function spanOf(doc: Document, text: string) {
  return view(doc)
    .lines.flat()
    .find((span) => span.text.startsWith(text));
}

const text = (s: Screen) => s.lines.map((row) => row.chars.join('').trimEnd());

/** The style of the cell where `needle` starts on the screen. */
function styleAt(s: Screen, needle: string): string {
  for (const row of s.lines) {
    // Cells, not code units: a wide character's right half is an empty cell.
    const cells = row.chars.map((c, i) => ({ c, i })).filter(({ c }) => c !== '');
    const line = cells.map(({ c }) => c).join('');
    const at = line.indexOf(needle);
    if (at >= 0) return row.styles[cells[at]?.i ?? 0] ?? '';
  }
  throw new Error(`${needle} is not on the screen`);
}

describe('a Markdown article', () => {
  const doc = parseMarkdown(
    '---\ntitle: 札记\nauthor: 某人\n---\n\n导语有**重点**和*强调*，见[官网](https://example.com)。\n\n## 第一节\n\n- 甲项\n- 乙项\n\n> 引用的话\n\n```\nconst a = 1;\n```\n\n### 小节\n\n正文。\n',
  );

  it('shows the outline nested in the sidebar and the blocks in their frames', () => {
    const lines = text(screen(doc));
    const sidebar = lines.join('\n');
    expect(sidebar).toMatch(/ 1 第一节/u);
    // Depth 2, two cells further in (`>` marks the entry in view).
    expect(sidebar).toMatch(/[> ] {3}2 小节/u);
    expect(lines.some((l) => l.includes('• 甲项'))).toBe(true);
    expect(lines.some((l) => l.includes('│ 引用的话'))).toBe(true);
    expect(lines.some((l) => l.includes('  const a = 1;'))).toBe(true);
    expect(lines.join('')).not.toMatch(/\*\*|\]\(|^#/mu);
  });

  it('draws strong bold, emphasis italic and the link address dimmed, without colour too', () => {
    const s = screen(doc, false);
    expect(styleAt(s, '重点').split(';')).toContain('1');
    expect(styleAt(s, '强调').split(';')).toContain('3');
    expect(styleAt(s, '(https://example.com)').split(';')).toContain('2');
    expect(styleAt(s, '官网').split(';')).toContain('4');
    expect(styleAt(s, '导语有')).toBe('');
  });

  it('carries a link’s target on its text, not on its address, for the writer to make it a hyperlink', () => {
    expect(spanOf(doc, '官网')?.style).toMatchObject({ underline: true, link: 'https://example.com' });
    expect(spanOf(doc, ' (https://example.com)')?.style?.link).toBeUndefined();
    expect(spanOf(doc, '官网')?.style?.linkId).toMatch(/^s0p1-\d+$/u);
    expect(styleAt(screen(doc, false, true), '官网')).toBe(cellStyle({ underline: true }, 'https://example.com', hyperlinkId(spanOf(doc, '官网')!.style!.linkId!)));
    expect(styleAt(screen(doc, false, false), '官网')).toBe('4');
  });
});

describe('an EPUB', () => {
  const doc = parseEpub(
    buildEpub({
      title: '书名',
      chapters: [
        { file: 'p1.xhtml', body: '<h1>第一部</h1>' },
        { file: 'c1.xhtml', body: '<h2>第一章</h2><p>正文<em>强调</em>。</p>' },
        { file: 'c2.xhtml', body: '<h2>第二章</h2><p>又一段，见<a href="https://example.org/书">网站</a>。</p>' },
      ],
      toc: [{ title: '第一部', href: 'p1.xhtml', children: [{ title: '第一章', href: 'c1.xhtml' }, { title: '第二章', href: 'c2.xhtml' }] }],
    }),
  );

  it('shows its table of contents as a tree in the sidebar', () => {
    const lines = text(screen(doc));
    const at = (needle: string) => lines.find((l) => l.includes(needle)) ?? '';
    const column = (line: string, needle: string) => line.indexOf(needle);
    expect(column(at('1 第一部'), '1 第一部') + 2).toBe(column(at('2 第一章'), '2 第一章'));
    expect(column(at('2 第一章'), '2 第一章')).toBe(column(at('3 第二章'), '3 第二章'));
    expect(styleAt(screen(doc), '强调').split(';')).toContain('3');
  });

  it('carries a link’s target on its text', () => {
    expect(spanOf(doc, '网站')?.style).toMatchObject({ link: 'https://example.org/书' });
  });
});
