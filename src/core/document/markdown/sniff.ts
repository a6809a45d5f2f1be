/*
Markdown saved as a text file
=============================

Notes and essays written in Markdown are often saved or sent as `.txt` (a notes app's export, a post
copied out of an editor, a file piped in). Read as plain text they show their `##` and `**`, their list
items a paragraph each. Such a text is read as Markdown when its first {@link SAMPLE} characters are
written as Markdown is, and not as a TXT book is:

- two or more ATX headings (`#` to `######`, a space, then the title, at the start of a line),
  fenced code blocks or front matter; and
- its blocks parted by blank lines: of the lines of text that are not headings, list items, quotes,
  table rows or in fences, at least half have a blank line after them (Markdown joins the lines of a
  paragraph; a book set one paragraph a line would run together); and
- no more than one line in ten indented by four spaces or a tab (Markdown's indented code: a TXT book
  indented so would become one).

    "# 随笔\n\n## 一、出发\n\n这是**第一段**。\n\n- 列表\n"        → Markdown
    "# 第一章\n他走了。\n她来了。\n# 第二章\n……"                 → text (its lines run together)
    "    他走了很久。\n\n    她来了。\n\n# 注\n\n# 后记\n"        → text (indented by four spaces)
    "#1 楼主\n\n正文……\n\n#2 回复\n"                              → text (no space after #)

`--format` says otherwise when this guesses wrong.
*/

/** The characters looked at. */
const SAMPLE = 32 * 1024;
const HEADING = /^#{1,6}[ \t]+\S/u;
const FENCE = /^ {0,3}(?:```|~~~)/u;
/** Lines that stand alone in Markdown without a blank line after them. */
const BLOCK_LINE = /^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|\||#{1,6}[ \t]|[-*_=](?:[ \t]*[-*_=]){2,}[ \t]*$)/u;
const INDENTED = /^(?: {4}|\t)/u;

/** Whether `text` reads as Markdown (see the module comment). */
export function looksLikeMarkdown(text: string): boolean {
  if (!text.includes('#')) return false;
  const lines = text.slice(0, SAMPLE).split('\n');
  let headings = 0;
  let textLines = 0;
  let parted = 0;
  let indented = 0;
  let filled = 0;
  let fenced = false;
  let from = 0;
  // Front matter (`---` or `+++` fences of YAML or TOML at the very top) is a sign, not text.
  const fence = lines[0]?.replace(/\r$/u, '');
  if (fence === '---' || fence === '+++') {
    const end = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/u, '') === fence);
    if (end > 0) {
      headings++;
      from = end + 1;
    }
  }
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/u, '');
    if (FENCE.test(line)) {
      if (!fenced) headings++;
      fenced = !fenced;
      continue;
    }
    if (fenced || line.trim() === '') continue;
    filled++;
    if (HEADING.test(line)) headings++;
    if (INDENTED.test(line)) indented++;
    if (BLOCK_LINE.test(line) || INDENTED.test(line)) continue;
    textLines++;
    if ((lines[i + 1] ?? '').trim() === '') parted++;
  }
  return headings >= 2 && parted * 2 >= textLines && indented * 10 <= filled;
}
