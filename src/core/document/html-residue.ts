/*
A web page's markup left in a text file
=======================================

Many TXT novels were scraped from web pages, and some kept the page's line breaks and spaces as HTML:
every paragraph opens with `&nbsp;&nbsp;&nbsp;&nbsp;` (four spaces, the page's indent) and ends with
`<br />` or `<br><br>`, and quotes and dashes come as `&ldquo;` or `&#8212;`. Shown as written, the reader
is full of markup, and a paragraph broken only by a `<br />` runs on into the next. Such a text is read
as the page showed it: `<br>` (any spelling: `<br/>`, `<BR />`) and `<p>`, `</p>` break the line, `&nbsp;`
is a space, and every other entity is decoded by the `entities` library (htmlparser2's own; strictly, so
`&copy` without its semicolon stays as written).

Only a text that shows the residue is touched: among its first {@link SAMPLE} characters, at least
{@link LEAST} such marks, on at least one line in {@link SHARE} of those that hold text. A text that
mentions `<br>` or `&amp;` now and then (an article about HTML, a recipe's `R&D`) is left as it is;
nothing else of HTML (other tags, comments) is read, as a TXT file is not a page.

    "&nbsp;&nbsp;&nbsp;&nbsp;他走了。<br />\n&nbsp;&nbsp;&nbsp;&nbsp;&ldquo;走吧。&rdquo;<br />"
      → "    他走了。\n\n    “走吧。”\n"           (indented by spaces: the parser trims them)
    "第一章 出发<br><br>　　天黑了。<br>"  → "第一章 出发\n\n　　天黑了。\n"   (with other such lines)
    "在 HTML 里换行写 <br>。"              → unchanged (one mark in a text of lines without)
*/
import { decodeHTMLStrict } from 'entities/decode';
import { sanitizeText } from './sanitize.js';

/** The characters looked at to decide (a text's residue is everywhere in it, from its start). */
const SAMPLE = 32 * 1024;
/** The fewest marks in the sample. */
const LEAST = 5;
/** The least share of the sample's lines of text that hold a mark. */
const SHARE = 0.2;

/** A line break or paragraph tag, or an entity: what a scraped page leaves. */
const MARK = /<br\s*\/?>|<\/?p\s*>|&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/giu;
/** The tags that end a line. */
const BREAK = /<br\s*\/?>|<\/?p\s*>/giu;
/** A non-breaking space: a space here, so that four of them indent a paragraph as four spaces do. */
const NBSP = /&nbsp;?/giu;

/** The text with its web page's markup read (see the module comment), or the text itself. */
export function withoutHtmlResidue(text: string): string {
  if (!text.includes('&') && !text.includes('<')) return text;
  if (!showsResidue(text.slice(0, SAMPLE))) return text;
  // Made safe again: `&#27;` is an escape, `&#8238;` a bidi override (sanitize.ts).
  return sanitizeText(decodeHTMLStrict(text.replace(BREAK, '\n').replace(NBSP, ' ')));
}

function showsResidue(sample: string): boolean {
  let marks = 0;
  let marked = 0;
  let lines = 0;
  for (const line of sample.split('\n')) {
    if (line.trim() === '') continue;
    lines++;
    const found = line.match(MARK)?.length ?? 0;
    marks += found;
    if (found > 0) marked++;
  }
  return marks >= LEAST && marked >= SHARE * lines;
}
