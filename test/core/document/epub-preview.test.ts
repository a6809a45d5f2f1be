/**
 * A long EPUB's first look (previewEpub): the start of its text, as the whole book reads it, and the
 * whole outline; or none when the whole book may be outlined otherwise than its first files say.
 */
import { describe, expect, it } from 'vitest';
import { openEpub, parseEpub, previewEpub } from '../../../src/core/document/epub/parse.js';
import type { Document } from '../../../src/core/document/types.js';
import { buildEpub, type EpubChapter, type EpubTocEntry } from '../../helpers/epub.js';

/** Chapter n's paragraphs: `paragraphs` lines of made-up words that name their chapter and place. */
function chapterText(n: number, paragraphs: number): string[] {
  return Array.from({ length: paragraphs }, (_, k) => `第${n}章第${k + 1}段，${'山水之间风起云涌人来人往'.repeat(4)}。`);
}

function chapters(count: number, paragraphs = 20, inner?: (n: number) => string): EpubChapter[] {
  return Array.from({ length: count }, (_, i) => ({
    file: `c${i + 1}.xhtml`,
    body: `<h1>第${i + 1}章</h1>\n${inner?.(i + 1) ?? ''}${chapterText(i + 1, paragraphs)
      .map((p) => `<p>${p}</p>`)
      .join('\n')}`,
  }));
}

function book(list: EpubChapter[], toc: EpubTocEntry[] = list.map((c, i) => ({ title: `第${i + 1}章`, href: c.file }))): Uint8Array {
  return buildEpub({ title: '长书', creators: ['某人'], chapters: list, toc });
}

function outline(doc: Document) {
  return doc.sections.map((s) => ({ title: s.title, depth: s.depth ?? 1 }));
}

const CHARS = 3_000;

describe('previewEpub', () => {
  it('reads the first files until it has the characters asked for, and outlines the rest', () => {
    const bytes = book(chapters(30));
    const whole = parseEpub(bytes);
    const preview = previewEpub(openEpub(bytes), CHARS);
    expect(preview).toBeDefined();
    expect(outline(preview!)).toEqual(outline(whole));
    expect(preview!.title).toBe(whole.title);
    expect(preview!.author).toBe(whole.author);
    const read = preview!.sections.filter((s) => s.paragraphs.length > 0);
    // Enough text for the first screens, and far from the whole book.
    const chars = read.reduce((sum, s) => sum + s.paragraphs.reduce((n, p) => n + p.text.length, 0), 0);
    expect(chars).toBeGreaterThanOrEqual(CHARS);
    expect(read.length).toBeLessThan(whole.sections.length / 2);
    // What it read is what the whole book holds there, paragraph for paragraph.
    read.forEach((section, i) => expect(section.paragraphs.map((p) => p.text)).toEqual(whole.sections[i]!.paragraphs.map((p) => p.text)));
    // The rest is outlined only, after the chapters read.
    expect(preview!.sections.slice(read.length).every((s) => s.paragraphs.length === 0)).toBe(true);
    // Its share is the part of the chapters' files read.
    expect(preview!.preview!.share).toBeGreaterThan((read.length - 1) / 30);
    expect(preview!.preview!.share).toBeLessThan((read.length + 1) / 30);
    expect(preview!.preview!.unreadFrom).toBe(read.length + 1);
    expect(whole.preview).toBeUndefined();
  });

  it('keeps a nested outline nested, parts over their chapters', () => {
    const list = chapters(24);
    const toc: EpubTocEntry[] = [0, 1, 2].map((part) => ({
      title: `第${part + 1}部`,
      children: list.slice(part * 8, part * 8 + 8).map((c) => ({ title: c.file.replace('.xhtml', ''), href: c.file })),
    }));
    const bytes = book(list, toc);
    const preview = previewEpub(openEpub(bytes), CHARS);
    expect(preview).toBeDefined();
    expect(outline(preview!)).toEqual(outline(parseEpub(bytes)));
    expect(outline(preview!).filter((s) => s.depth === 1).map((s) => s.title)).toEqual(['第1部', '第2部', '第3部']);
  });

  it('gives the whole book, read once, when the files a first look would read are most of it', () => {
    // A short book; a long one in one file; a long one whose first file holds most of it.
    const long = chapters(30);
    const oneFile: EpubChapter = { file: 'all.xhtml', body: long.map((c, i) => c.body.replace('<h1>', `<h1 id="c${i + 1}">`)).join('\n') };
    const firstHeavy: EpubChapter[] = [{ file: 'front.xhtml', body: long.slice(0, 25).map((c) => c.body).join('\n') }, ...long.slice(25)];
    for (const bytes of [
      book(chapters(2)),
      book([oneFile], long.map((_, i) => ({ title: `第${i + 1}章`, href: `all.xhtml#c${i + 1}` }))),
      book(firstHeavy, [{ title: '前二十五章', href: 'front.xhtml' }, ...long.slice(25).map((c, i) => ({ title: `第${i + 26}章`, href: c.file }))]),
    ]) {
      const first = previewEpub(openEpub(bytes), CHARS);
      expect(first?.preview).toBeUndefined();
      expect(first).toEqual(parseEpub(bytes));
    }
  });

  it('gives none when the text, not a table of contents, outlines the book', () => {
    // One entry over a whole book (Calibre's `Start`): the book's own rules may find its chapters.
    const list = chapters(30);
    expect(previewEpub(openEpub(book(list, [{ title: 'Start', href: list[0]!.file }])), CHARS)).toBeUndefined();
  });

  it('gives none when the table of contents names only parts over chapters with headings', () => {
    // Three parts, each a file of many chapters headed <h2>: the whole book makes those its sections.
    const parts: EpubChapter[] = [1, 2, 3].map((n) => ({
      file: `p${n}.xhtml`,
      body: Array.from({ length: 10 }, (_, k) => `<h2>第${(n - 1) * 10 + k + 1}章</h2>\n${chapterText(n * 100 + k, 8).map((p) => `<p>${p}</p>`).join('\n')}`).join('\n'),
    }));
    const bytes = book(parts, parts.map((p, i) => ({ title: `第${i + 1}卷`, href: p.file })));
    const whole = parseEpub(bytes);
    expect(whole.sections.length).toBeGreaterThan(3);
    expect(previewEpub(openEpub(bytes), CHARS)).toBeUndefined();
  });
});
