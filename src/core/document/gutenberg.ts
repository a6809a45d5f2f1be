/**
 * Project Gutenberg's frame around a text: the classics people download first (紅樓夢, 三國演義, 論語 …)
 * come from it in UTF-8 TXT, and each opens with an English header (`The Project Gutenberg EBook of Hong
 * Lou Meng`, its terms, `Title:`, `Author:`, `Release Date:`) ending at a `*** START OF …` line, and ends
 * with an `End of the Project Gutenberg EBook` line, an `*** END OF …` line and some three hundred lines
 * of its licence. Neither is the book: both are notes (`print --notes`), kept in order, never lost.
 *
 *   The Project Gutenberg EBook of Hong Lou Meng …      ┐
 *   Title: Hong Lou Meng / Author: Xueqin Cao           │ notes; Title: and Author: kept as the
 *   *** START OF THIS PROJECT GUTENBERG EBOOK … ***     ┘ book's when its own lines give none
 *   紅樓夢 / 第一回　甄士隱夢幻識通靈 …                   the book
 *   End of the Project Gutenberg EBook of Hong Lou Meng ┐
 *   *** END OF THIS PROJECT GUTENBERG EBOOK … ***       │ notes
 *   (the licence)                                       ┘
 *
 * Only a text with the start line has a frame: a book that merely mentions Project Gutenberg keeps
 * every line. The older files' `*END*THE SMALL PRINT! …*END*` closes the header as the start line does.
 */
const START = /^(?:\*{3}[ \t]*START OF (?:THE |THIS )?PROJECT GUTENBERG E-?BOOK\b|\*END\*THE SMALL PRINT)[^\n]*(?:\n|$)/imu;
const END = /^[ \t]*(?:\*{3}[ \t]*END OF (?:THE |THIS )?PROJECT GUTENBERG E-?BOOK\b|End of (?:the )?Project Gutenberg(?:'s)?\b)/gimu;
const TITLE = /^Title:[ \t]*(\S[^\n]*?)[ \t]*$/mu;
const AUTHOR = /^Author:[ \t]*(\S[^\n]*?)[ \t]*$/mu;
/** Characters of the header the start line is looked for in (the header is some thirty lines; older ones longer). */
const HEADER_CHARS = 100_000;

export interface GutenbergFrame {
  /** Where the book starts: the text before it is the header. */
  from: number;
  /** Where the end matter starts (the text's length when there is none). */
  to: number;
  title?: string;
  author?: string;
}

/** The frame around `text`, as offsets into it, or undefined when it has no start line (see the module comment). */
export function gutenbergFrame(text: string): GutenbergFrame | undefined {
  const head = text.slice(0, HEADER_CHARS);
  const start = START.exec(head);
  if (!start) return undefined;
  const from = start.index + start[0].length;
  END.lastIndex = from;
  const end = END.exec(text);
  const frame: GutenbergFrame = { from, to: end ? end.index : text.length };
  const header = head.slice(0, start.index);
  const title = TITLE.exec(header)?.[1];
  const author = AUTHOR.exec(header)?.[1];
  if (title !== undefined) frame.title = title;
  if (author !== undefined) frame.author = author;
  return frame;
}
