/*
Does the text indent its paragraphs?
====================================

Most Chinese TXT novels start every paragraph with two ideographic spaces (`　　`), some with two to
four ASCII spaces or a tab; articles copied from the web usually do not indent at all and separate
paragraphs with blank lines instead. The parser trims the indent off (a paragraph's text never starts
with it, so nothing is ever indented twice); this module tells from the source whether it was there,
so the reader can show the text as it was written unless the user says otherwise (`--indent`,
`--no-indent`, the `i` key).

A paragraph's line counts as indented when the whitespace between the start of its line and its first
character holds an ideographic space, a tab, or at least two ASCII spaces (one stray space is noise).
The text indents when at least half of its paragraphs do, judged on the first 400 so a long text costs
no more than a short one. The line is read from its start, so `　　刘忠：…` is indented and `刘忠：…`
is not.

    "　　第一段。\n　　第二段。\n\n第三段。"   → 2 of 3 indented → indents
    "第一段。\n\n  第二段。\n\n第三段。"        → 1 of 3          → does not

A text that does not indent may still mark its paragraphs with blank lines, or not: 论语's sayings
stand a blank line apart, while 道德经's chapters run their lines together (the lines of a chapter,
or a poem's, belong together, and only the chapters are parted). `sourceSeparates` tells the two
apart the same way, on the paragraphs after each section's first: parted when at least half of them
follow a blank line. The reader shows a book without indents as its source does.

    "学而第一\n\n子曰：…\n\n有子曰：…"       → 1 of 1 parted   → separates
    "第一章\n道可道…\n无名…\n故常无欲…"        → 0 of 2          → does not

A book set tight without indents whose paragraphs are prose (a TXT novel that lost its indents, one
paragraph a line) would run its paragraphs together, told apart only by a short last row: such a
book is shown indented, as a printed book is (`indentsByDefault`). Prose is told from a poem's or
道德经's lines by length and ends (`readsAsProse`): {@link PROSE_PARAGRAPH} characters or more on
average, and four in five ending as a sentence does. A tight article or plain text of short lines (a
collection of poems under their titles) is shown as its source sets it, its lines together; one of
prose keeps the blank line between paragraphs, as web pages show them.

    "第一章\n他走了很久，…天黑了。\n她来了，…雨停了。"   → prose, tight  → indented
    "静夜思\n床前明月光，\n疑是地上霜。\n\n春晓\n…"       → verse, tight  → as the source
*/
import type { Document } from './types.js';

/** Paragraphs looked at: enough to judge, few enough that a 10 MB text costs nothing. */
const SAMPLE = 400;

/** True when at least half of the text's paragraphs were indented in its source. */
export function sourceIndents(doc: Document): boolean {
  // Markdown and EPUB have their own paragraph marks; an indented Markdown line is code, not a paragraph's start.
  if ((doc.format ?? 'text') !== 'text') return false;
  let seen = 0;
  let indented = 0;
  const look = (offset: number): void => {
    seen++;
    if (lineIndented(doc.source, offset)) indented++;
  };
  for (const paragraph of doc.lead) {
    if (seen >= SAMPLE) break;
    look(paragraph.offset);
  }
  for (const section of doc.sections) {
    for (const paragraph of section.paragraphs) {
      if (seen >= SAMPLE) break;
      look(paragraph.offset);
    }
    if (seen >= SAMPLE) break;
  }
  return seen > 0 && indented * 2 >= seen;
}

/** The least average length of a prose paragraph (a 七言 couplet is 16 characters, a poem's line less). */
const PROSE_PARAGRAPH = 30;
/** Where a paragraph of prose ends: a sentence's end, or the quote or bracket closing after it. */
const SENTENCE_END = /[。！？!?…”’」』）)]$/u;

/**
 * True when the text's paragraphs read as prose, not as a poem's lines: on the first {@link SAMPLE},
 * {@link PROSE_PARAGRAPH} characters or more on average, and four in five ending as sentences do.
 */
export function readsAsProse(doc: Document): boolean {
  let seen = 0;
  let length = 0;
  let ended = 0;
  const look = (paragraphs: readonly { text: string }[]): void => {
    for (let k = 0; k < paragraphs.length && seen < SAMPLE; k++) {
      const text = paragraphs[k]!.text.trimEnd();
      seen++;
      length += text.length;
      if (SENTENCE_END.test(text)) ended++;
    }
  };
  look(doc.lead);
  for (const section of doc.sections) {
    if (seen >= SAMPLE) break;
    look(section.paragraphs);
  }
  return seen > 0 && length >= PROSE_PARAGRAPH * seen && ended >= 0.8 * seen;
}

/**
 * Whether the text is shown indented when nothing says: as its source is, or, for a book of prose set
 * tight without indents, as a printed book is (see above).
 */
export function indentsByDefault(doc: Document): boolean {
  return sourceIndents(doc) || (doc.shape === 'book' && !sourceSeparates(doc) && readsAsProse(doc));
}

/** True when at least half of the text's paragraphs (after each section's first) follow a blank line in its source. */
export function sourceSeparates(doc: Document): boolean {
  // Markdown and EPUB mark paragraphs themselves; they are always shown parted.
  if ((doc.format ?? 'text') !== 'text') return true;
  let seen = 0;
  let parted = 0;
  const look = (paragraphs: readonly { offset: number }[]): void => {
    for (let k = 1; k < paragraphs.length && seen < SAMPLE; k++) {
      seen++;
      if (blankLineBefore(doc.source, paragraphs[k]!.offset)) parted++;
    }
  };
  look(doc.lead);
  for (const section of doc.sections) {
    if (seen >= SAMPLE) break;
    look(section.paragraphs);
  }
  return seen === 0 || parted * 2 >= seen;
}

/** Whether the line before the one holding `offset` holds nothing but spaces. */
export function blankLineBefore(source: string, offset: number): boolean {
  const end = source.lastIndexOf('\n', offset - 1);
  if (end <= 0) return false;
  // Read backwards from the line's end: the first character that is not blank answers, so the reader's
  // look at every line of a long book costs a character or two each, not the line before.
  for (let i = end - 1; i >= 0; i--) {
    const code = source.charCodeAt(i);
    if (code === 0x0a) return true;
    if (!isBlankChar(code)) return false;
  }
  return true;
}

function isBlankChar(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x3000 || code === 0xa0;
}

/** Whether the line holding `offset` starts with an indent (see above). */
function lineIndented(source: string, offset: number): boolean {
  let spaces = 0;
  for (let i = source.lastIndexOf('\n', offset - 1) + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\u3000' || c === '\t') return true;
    if (c === ' ') spaces++;
    else break;
  }
  return spaces >= 2;
}
