/*
A text's lines as offsets, not objects
======================================

The parser looks at every line of a text several times (site lines, metadata, turns, chapter rules)
before it knows which lines become paragraphs. A line object and a copy of its text each time made a
million one-character lines cost hundreds of megabytes and a 10 MB novel a tenth of a second in the
collector. So the lines are two typed arrays of offsets into the decoded text (where each non-blank
line starts and ends once its surrounding white space is trimmed, as `trim` trims), eight bytes a line;
a line's text is made only when a rule has to read it, and most rules first look at a line's length
and first code units, which need no copy.

    "　　第一章 起\n\n正文。\n"  →  starts [2, 9], ends [7, 12]   (line 0: `第一章 起`, line 1: `正文。`)

Some downloaded books lost their line breaks and kept only the indents: a chapter is one line whose
paragraphs are joined by the two ideographic spaces that opened each (`……坐着一个人。　　她来了……`).
Such a run of two or more U+3000 right after a sentence's end (。！？!?… and closing quotes) starts a
line of its own, as a line break would have; elsewhere (`姓名：　　张三`, a 回目's single space) it stays.

    "　　他走了。　　她来了。\n"  →  starts [2, 8], ends [6, 12]   (`他走了。`, `她来了。`)

Such a book's chapter headings were lines of their own, unindented, so they end up glued after the last
sentence of the chapter before and before the indent of the next paragraph (`……热汤。第二章 风起　　天色渐
晚……`): a heading there (第, a number, a unit) is a line of its own too.

`Lines` is what the shape and chapter rules read: either such a table (or some of its lines) or an array
of strings (the rules' tests, and callers with strings in hand). Its lines need not be trimmed.
*/
import { isSpace } from './space.js';

/** Two ideographic spaces: an indent, which inside a line after a sentence's end starts a paragraph. */
const INDENT = '\u3000\u3000';
/**
 * A chapter heading such a book glued between two paragraphs (`……热汤。第二章 风起　　天色渐晚……`): `第`,
 * a number and a unit, at the line's start or right after a sentence's end, at most {@link HEADING_REACH}
 * before the indent; and a paragraph after the indent, longer than a heading (`第一章　　初入江湖` is one
 * heading written with a wide space). Where it starts, or -1.
 */
const GLUED_HEADING = /第[0-9０-９〇零一二两兩三四五六七八九十百千万萬壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]{1,8}[章回节節卷部集篇]/y;
const HEADING_REACH = 40;
const DI = '第'.charCodeAt(0);

function gluedHeading(text: string, from: number, indent: number, to: number): number {
  if (to - indent <= HEADING_REACH) return -1;
  for (let at = indent - 2; at >= Math.max(from, indent - HEADING_REACH); at--) {
    if (text.charCodeAt(at) !== DI || (at !== from && !SENTENCE_ENDS.has(text.charCodeAt(at - 1)))) continue;
    GLUED_HEADING.lastIndex = at;
    if (GLUED_HEADING.test(text)) return at;
  }
  return -1;
}

/** What ends a sentence before such an indent: the stops, and the closing quotes and brackets after them. */
const SENTENCE_ENDS = new Set([...'。！？!?…”’」』）)》'].map((char) => char.charCodeAt(0)));

function grow(array: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(size);
  grown.set(array);
  return grown;
}

/** Lines as the shape and chapter rules read them: the count, each line's text, and its code units without a copy. */
export interface Lines {
  readonly count: number;
  text(i: number): string;
  /** The line's length in UTF-16 code units. */
  size(i: number): number;
  /** The code unit at `k` of line `i` (0 ≤ k < size(i)). */
  code(i: number, k: number): number;
  /** Whether line `i` holds `code` (or `other`) among its first `limit` code units: one pass for two characters. */
  holds(i: number, code: number, limit?: number, other?: number): boolean;
}

/** An array of strings as {@link Lines}. */
export class StringLines implements Lines {
  readonly count: number;
  private readonly lines: readonly string[];

  constructor(lines: readonly string[]) {
    this.lines = lines;
    this.count = lines.length;
  }

  text(i: number): string {
    return this.lines[i] ?? '';
  }

  size(i: number): number {
    return (this.lines[i] ?? '').length;
  }

  code(i: number, k: number): number {
    return (this.lines[i] ?? '').charCodeAt(k);
  }

  holds(i: number, code: number, limit = Infinity, other = code): boolean {
    const line = this.lines[i] ?? '';
    const end = Math.min(line.length, limit);
    for (let k = 0; k < end; k++) {
      const unit = line.charCodeAt(k);
      if (unit === code || unit === other) return true;
    }
    return false;
  }
}

/** `lines` as {@link Lines}: strings are wrapped, a table or a view of one is taken as it is. */
export function asLines(lines: readonly string[] | Lines): Lines {
  return Array.isArray(lines) ? new StringLines(lines as readonly string[]) : (lines as Lines);
}

/** The trimmed, non-blank lines of a text (see the module comment). */
export class LineTable implements Lines {
  readonly source: string;
  readonly count: number;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  private constructor(source: string, starts: Uint32Array, ends: Uint32Array, count: number) {
    this.source = source;
    this.starts = starts;
    this.ends = ends;
    this.count = count;
  }

  /** Splits `text` at `\n`, and at indents inside a line (see the module comment), into its trimmed, non-blank lines. */
  static split(text: string): LineTable {
    let breaks = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
    let starts = new Uint32Array(breaks + 1);
    let ends = new Uint32Array(breaks + 1);
    let count = 0;
    const push = (from: number, to: number): void => {
      if (count === starts.length) {
        // Indents inside lines add lines: rare, so the arrays grow only then.
        const grown = Math.max(16, starts.length * 2);
        starts = grow(starts, grown);
        ends = grow(ends, grown);
      }
      starts[count] = from;
      ends[count] = to;
      count++;
    };
    // The next run of two ideographic spaces, looked for once through the text (most are the indents
    // that open lines, passed over below).
    let indent = text.indexOf(INDENT);
    let start = 0;
    while (start <= text.length) {
      let stop = text.indexOf('\n', start);
      if (stop === -1) stop = text.length;
      let from = start;
      let to = stop;
      while (from < to && isSpace(text.charCodeAt(from))) from++;
      while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
      if (indent !== -1 && indent < from) indent = text.indexOf(INDENT, from);
      while (indent !== -1 && indent < to) {
        const head = SENTENCE_ENDS.has(text.charCodeAt(indent - 1)) ? -1 : gluedHeading(text, from, indent, to);
        if (head !== -1 && head > from) push(from, head);
        if (head !== -1 || SENTENCE_ENDS.has(text.charCodeAt(indent - 1))) {
          push(head === -1 ? from : head, indent);
          from = indent;
          while (from < to && isSpace(text.charCodeAt(from))) from++;
        }
        indent = text.indexOf(INDENT, Math.max(from, indent + 1));
      }
      if (to > from) push(from, to);
      start = stop + 1;
    }
    return new LineTable(text, starts, ends, count);
  }

  /** Offset of line `i`'s first character in the source. */
  start(i: number): number {
    return this.starts[i]!;
  }

  size(i: number): number {
    return this.ends[i]! - this.starts[i]!;
  }

  text(i: number): string {
    return this.source.slice(this.starts[i], this.ends[i]);
  }

  code(i: number, k: number): number {
    return this.source.charCodeAt(this.starts[i]! + k);
  }

  holds(i: number, code: number, limit = Infinity, other = code): boolean {
    const start = this.starts[i]!;
    const end = Math.min(this.ends[i]!, start + limit);
    const source = this.source;
    for (let at = start; at < end; at++) {
      const unit = source.charCodeAt(at);
      if (unit === code || unit === other) return true;
    }
    return false;
  }

  /** Some of the lines, by their numbers in this table, as {@link Lines} numbered from 0. */
  view(numbers: ArrayLike<number>): Lines {
    return new LineView(this, numbers);
  }
}

/** Some lines of a table, renumbered from 0 (the parser's body, without notes and metadata). */
class LineView implements Lines {
  readonly count: number;
  private readonly table: LineTable;
  private readonly numbers: ArrayLike<number>;

  constructor(table: LineTable, numbers: ArrayLike<number>) {
    this.table = table;
    this.numbers = numbers;
    this.count = numbers.length;
  }

  text(i: number): string {
    return this.table.text(this.numbers[i]!);
  }

  size(i: number): number {
    return this.table.size(this.numbers[i]!);
  }

  code(i: number, k: number): number {
    return this.table.code(this.numbers[i]!, k);
  }

  holds(i: number, code: number, limit?: number, other?: number): boolean {
    return this.table.holds(this.numbers[i]!, code, limit, other);
  }
}
