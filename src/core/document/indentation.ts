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
