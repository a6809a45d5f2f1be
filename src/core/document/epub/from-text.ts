/**
 * What a book made from a TXT keeps of it. A converter (Calibre's default) makes every line of a web
 * novel a `<p>` and finds no chapters: such a book is read as the text it was, by the text's rules. A
 * book made with care around a TXT's chapters still carries the TXT's furniture before the first
 * chapter and after the last: a download site's lines, and the contents as lines.
 *
 *   <p>本书来自 www.… 免费TXT小说下载站</p><p>山河行</p><p>作者：林某</p><p>第一卷 出门</p><p>第一章 路上</p>…
 *   → title 山河行, author 林某, 第一卷 出门 › 第一章 路上 …; the site's line a note
 */
import { SITE_WINDOW, siteLine } from '../boilerplate.js';
import { CONTENTS_WORD, matchHeading } from '../chapters.js';
import { parseDocument } from '../parse.js';
import type { Document } from '../types.js';
import type { ContentEvent } from './content.js';
import type { BookPackage } from './package.js';

/** Heading lines after a `目录` that make a contents block, and without the word. */
const CONTENTS_MIN = 3;
const CONTENTS_RUN = 5;

/**
 * A TXT made into a book by a converter (Calibre's default: every line a `<p>`, no headings, no table of
 * contents or one entry) is read as the text it was: its lines, the cover's image aside, or undefined
 * for a book with any heading or structure of its own. The text's rules then find its chapters and
 * volumes, its title and `作者：` lines, its contents block and a download site's lines, as in the TXT.
 */
export function convertedText(kept: { events: ContentEvent[] }[]): string | undefined {
  const lines: string[] = [];
  for (const { events } of kept) {
    for (const event of events) {
      if (event.type === 'heading') return undefined;
      if (event.type !== 'paragraph') continue;
      const { text, marks, form, list, quote, table } = event.draft;
      if (form !== undefined || quote !== undefined || table !== undefined) return undefined;
      if (marks?.some((mark) => mark.kind !== 'image')) return undefined;
      if (marks?.length === 1 && marks[0]!.start === 0 && marks[0]!.end === text.length) continue;
      // A line that starts with a bullet is read as its list's item: the bullet goes back.
      lines.push(list === undefined ? text : `${list.marker} ${text}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** A converted TXT's document, with the package's metadata where it has some. */
export function asConverted(text: string, book: BookPackage): Document {
  const doc = parseDocument(text, book.title === undefined ? {} : { name: book.title });
  const author = book.author ?? doc.author;
  return {
    ...doc,
    ...(author !== undefined && { author }),
    ...(book.date !== undefined && { date: book.date }),
    ...(book.language !== undefined && { language: book.language }),
    format: 'epub',
  };
}

/**
 * A web novel made into a book keeps its TXT's furniture before the first chapter and after the last: a
 * download site's lines (`本书来自 www.… 免费TXT小说下载站`) and the contents as lines (`目录`, then
 * `第一章 …` lines), which the table of contents already is. Each site line is a note, the block one.
 */
export function furniture(texts: string[], end: 'lead' | 'tail'): number[][] {
  const groups: number[][] = [];
  const window = end === 'lead' ? texts.slice(0, SITE_WINDOW) : texts;
  window.forEach((text, i) => {
    if (text !== '' && siteLine(text.trim())) groups.push([i]);
  });
  if (end === 'lead') {
    for (let i = 0; i < texts.length; i++) {
      let run = i + 1;
      while (run < texts.length && matchHeading(texts[run]!) !== undefined) run++;
      const word = CONTENTS_WORD.test(texts[i]!.trim());
      if ((word && run - i - 1 >= CONTENTS_MIN) || (!word && run - i >= CONTENTS_RUN && matchHeading(texts[i]!) !== undefined)) {
        groups.push(Array.from({ length: run - i }, (_, k) => i + k));
        i = run - 1;
      }
    }
  }
  return groups;
}
