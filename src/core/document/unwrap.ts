/*
Hard-wrapped text
=================

Some plain texts were broken into lines of a fixed width by whoever made them (old BBS and mailing-list
texts, files saved from a 76-column editor, scans run through OCR): every line of a paragraph is full,
its last one shorter, and the next paragraph starts on a line of its own (indented, or after a blank
line). Read line by line, each of those pieces would be a paragraph of its own, cut mid-sentence, and
the reader would lay out lines that were never meant to end there. This module finds such a text and
joins each paragraph's pieces back before the parser sees it; a text that was not wrapped is returned
as it came, untouched.

A text is hard-wrapped when its lines have a width nothing exceeds and a good share of them reach:

  - widths are counted as the wrapping tools count them, in columns: a Chinese character 2, ASCII 1
    (GBK's bytes; a terminal's cells);
  - the wrap width W is the widest line, leaving out the widest 1% (a URL, a line pasted in later);
  - at least 30% of the lines are full, within 4 columns (two characters) of W: a tool that will not
    split a character, or keeps a closing mark on its line, stops a little short;
  - W is at least 40 columns, so a book of verse, whose lines are all five or seven characters and
    all of a width, is never taken for one, and at most 200 (no tool wraps wider);
  - fewer than half of the full lines end a sentence (。！？… or a closing quote): a tool cuts
    wherever the width runs out, while a text of paragraphs that happen to be of a length (generated,
    or a list of entries) ends every line with its sentence;
  - at least 8 lines are looked at, among the first 4,000 that hold text (enough to judge, and a
    10 MB novel costs nothing when it is not wrapped).

Then a full line and the line after it are one paragraph when the next line holds text, is not
indented while the text indents its paragraphs, and is not a heading (`第二章 …`). An English word cut
at the line's end gets its space back.

Worked examples (W = 60):
  "　　他站在山顶上，……心中涌起一股说不出\n的感慨。"   → "　　他站在山顶上，……心中涌起一股说不出的感慨。"
  "……说不出\n　　风从山谷里吹上来"                      → kept: the next line is indented, a new paragraph
  "……说不出\n\n第二章 下山"                              → kept: a blank line
  "……the old\nroad"                                        → "……the old road"
  "床前明月光，\n疑是地上霜。" (a poem)                   → kept: W is under 40
*/
import { matchHeading } from './chapters.js';

/** Lines looked at to decide: the first ones that hold text. */
const SAMPLE_LINES = 4000;
/** Fewest lines to judge by. */
const MIN_LINES = 8;
/** Narrowest wrap width taken for one, in columns. */
const MIN_WIDTH = 40;
/** Widest wrap width taken for one, in columns. */
const MAX_WIDTH = 200;
/** What ends a sentence, at the end of a line (closing marks are looked through). */
const SENTENCE_END = /[。！？!?…]$/u;
const CLOSERS = /[”’」』）)》"'\s]+$/u;
/** A full line is within this many columns of the wrap width. */
const SLACK = 4;
/** Share of lines that must be full. */
const FULL_SHARE = 0.3;
/** Share of the widest lines left out when finding the wrap width. */
const OUTLIERS = 0.01;
/** Share of lines that must be indented for the text to count as indenting its paragraphs. */
const INDENT_SHARE = 0.1;

interface Span {
  start: number;
  /** End of the line's text: before trailing spaces and the CR of a CRLF. */
  end: number;
  /** Start of the next line (after the newline), or the text's length. */
  next: number;
}

/** `text` with the lines of each hard-wrapped paragraph joined; `text` itself when it is not hard-wrapped. */
export function unwrapHardLines(text: string): string {
  const sample = sampleLines(text);
  if (sample.length < MIN_LINES) return text;
  const widths = Int32Array.from(sample, (span) => columns(text, span.start, span.end));
  // Leaving the widest out: a URL or a line pasted in later does not set the width.
  const wrap = widths.slice().sort().reverse()[Math.floor(widths.length * OUTLIERS)] ?? 0;
  if (wrap < MIN_WIDTH || wrap > MAX_WIDTH) return text;
  let full = 0;
  for (const width of widths) if (width >= wrap - SLACK && width <= wrap) full++;
  if (full < sample.length * FULL_SHARE) return text;
  let ended = 0;
  for (const [i, span] of sample.entries()) {
    const width = widths[i]!;
    if (width < wrap - SLACK || width > wrap) continue;
    if (SENTENCE_END.test(text.slice(Math.max(span.start, span.end - 8), span.end).replace(CLOSERS, ''))) ended++;
  }
  if (ended * 2 >= full) return text;
  let indented = 0;
  for (const span of sample) if (indentedAt(text, span.start)) indented++;
  const indents = indented >= sample.length * INDENT_SHARE;
  return join(text, wrap, indents);
}

function join(text: string, wrap: number, indents: boolean): string {
  const out: string[] = [];
  let copied = 0;
  let line = lineAt(text, 0);
  while (line.next < text.length) {
    const following = lineAt(text, line.next);
    const blank = contentStart(text, following) >= following.end;
    const width = columns(text, line.start, line.end);
    const continues =
      line.end > line.start &&
      !blank &&
      width >= wrap - SLACK &&
      width <= wrap &&
      !(indents && indentedAt(text, following.start)) &&
      matchHeading(text.slice(following.start, following.end)) === undefined;
    if (continues) {
      out.push(text.slice(copied, line.end));
      const from = contentStart(text, following);
      if (latinLetter(text.charCodeAt(line.end - 1)) && latinLetter(text.charCodeAt(from))) out.push(' ');
      copied = from;
    }
    line = following;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function sampleLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  while (start < text.length && lines.length < SAMPLE_LINES) {
    const line = lineAt(text, start);
    if (contentStart(text, line) < line.end) lines.push(line);
    start = line.next;
  }
  return lines;
}

function lineAt(text: string, start: number): Span {
  let stop = text.indexOf('\n', start);
  if (stop === -1) stop = text.length;
  let end = stop;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end, next: Math.min(text.length, stop + 1) };
}

/** Where the line's text starts, after its indent. */
function contentStart(text: string, line: Span): number {
  let i = line.start;
  while (i < line.end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** An ideographic space or a tab at the start, or two ASCII spaces (as the parser's indent rule). */
function indentedAt(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 0x3000 || first === 0x09) return true;
  return first === 0x20 && text.charCodeAt(start + 1) === 0x20;
}

/** Columns as a wrapping tool counts them: ASCII 1, anything else 2 (a surrogate pair once). */
function columns(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) width++;
    else if (code < 0xdc00 || code > 0xdfff) width += 2;
  }
  return width;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000;
}

function latinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
