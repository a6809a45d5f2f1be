/**
 * A paragraph's text built piece by piece from inline markup (Markdown's or XHTML's), with the spans
 * it marks: what the Markdown and EPUB parsers share.
 *
 * Whitespace is the source's layout, not the text: a run of spaces, tabs and newlines becomes one space,
 * except a line break between two Chinese characters, which is dropped (`中文\n中文` is `中文中文`, as
 * the author meant; `word\nword` keeps its space). A hard break (`<br>`, two trailing spaces) is a `\n`
 * the layout honours. Leading and trailing blanks (spaces, U+3000 and NBSP indents) are trimmed at the
 * end, and the marks moved with the text.
 *
 *   append('中文\n'), append('中文 ') , open strong, append('ABC'), close  →  `中文中文 ABC`, strong [5, 8)
 */
import type { Mark } from './types.js';

const COLLAPSIBLE = /[ \t\n\r\f]+/gu;
const HAS_COLLAPSIBLE = /[ \t\n\r\f]/u;
const EDGE_BLANK = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu;
const BLANK = /[\s\u3000\u00a0]/u;

/** Characters from the CJK radicals up (and the full-width forms) count as Chinese for joining lines. */
function isWide(char: string | undefined): boolean {
  return char !== undefined && char.charCodeAt(0) >= 0x2e80;
}

export interface OpenMark {
  kind: Mark['kind'];
  start: number;
  url?: string;
  reading?: string;
}

export class InlineText {
  private text = '';
  private readonly marks: Mark[] = [];
  /** Whitespace seen since the last character: none, a space, or a run with a line break in it. */
  private pending: '' | 'space' | 'newline' = '';

  get length(): number {
    return this.text.length;
  }

  /** Text with its whitespace collapsed (see the module comment). */
  append(raw: string): void {
    // Most pieces of Chinese text hold no whitespace at all.
    if (!HAS_COLLAPSIBLE.test(raw)) {
      this.word(raw);
      return;
    }
    let at = 0;
    for (const match of raw.matchAll(COLLAPSIBLE)) {
      this.word(raw.slice(at, match.index));
      if (this.pending !== 'space') this.pending = match[0].includes('\n') ? 'newline' : 'space';
      at = match.index + match[0].length;
    }
    this.word(raw.slice(at));
  }

  /** Text exactly as written (inline code keeps its spaces). */
  appendVerbatim(raw: string): void {
    this.word(raw);
  }

  /** A hard line break. */
  lineBreak(): void {
    if (this.text.length > 0 && !this.text.endsWith('\n')) this.text += '\n';
    this.pending = '';
  }

  /**
   * Puts brackets around the text written since `start` when it is a bare number (a note reference set
   * as `<sup>1</sup>`), so that it does not run into the words around it: `注1文` would read as one.
   */
  bracketBareNumber(start: number): void {
    const tail = this.text.slice(start);
    const digits = /^(\s*)(\d{1,4})$/u.exec(tail);
    // Marks closed inside would have to move: left as written then (no book nests them in a reference).
    if (!digits || this.marks.some((mark) => mark.end > start)) return;
    this.text = `${this.text.slice(0, start)}${digits[1]}[${digits[2]}]`;
  }

  open(kind: Mark['kind'], extra: { url?: string; reading?: string } = {}): OpenMark {
    return { kind, start: this.text.length, ...extra };
  }

  close(open: OpenMark): void {
    let start = open.start;
    // The space before the marked words was written after the mark opened; it is not marked.
    while (start < this.text.length && /\s/u.test(this.text[start] ?? '')) start++;
    if (this.text.length <= start) return;
    const mark: Mark = { kind: open.kind, start, end: this.text.length };
    if (open.url !== undefined) mark.url = open.url;
    if (open.reading !== undefined) mark.reading = open.reading;
    this.marks.push(mark);
  }

  /** The text, trimmed, and its marks sorted by start (outer before inner). */
  finish(): { text: string; marks: Mark[] } {
    const { text: raw } = this;
    // Nothing to trim, nothing to move: the common case, without the regular expressions.
    if (raw === '' || (!BLANK.test(raw[0]!) && !BLANK.test(raw[raw.length - 1]!))) {
      return { text: raw, marks: this.marks.length === 0 ? this.marks : this.marks.filter((mark) => mark.end > mark.start).sort((a, b) => a.start - b.start || b.end - a.end) };
    }
    const lead = /^[\s\u3000\u00a0]*/u.exec(this.text)?.[0].length ?? 0;
    const text = this.text.replace(EDGE_BLANK, '');
    const marks = this.marks
      .map((mark) => ({ ...mark, start: Math.max(0, mark.start - lead), end: Math.min(text.length, mark.end - lead) }))
      .filter((mark) => mark.end > mark.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    return { text, marks };
  }

  private word(word: string): void {
    if (word === '') return;
    if (this.pending !== '' && this.text.length > 0 && !this.text.endsWith('\n')) {
      const joinsChinese = this.pending === 'newline' && isWide(this.text.at(-1)) && isWide(word[0]);
      if (!joinsChinese) this.text += ' ';
    }
    this.pending = '';
    this.text += word;
  }
}

/** The least average length of lines read as paragraphs (a poem's are shorter). */
const PROSE_LINE = 20;
/** The same without indents, where only their length and ends tell paragraphs from a poem's lines. */
const UNINDENTED_PROSE_LINE = 30;
/** Where a paragraph of prose ends: a sentence's end, or the quote closing after it. */
const PARAGRAPH_END = /[。！？!?…”」』）)]$/u;

/**
 * Lines that are paragraphs though none is indented (`第一段。<br/>第二段。`, a TXT converted without its
 * indents): three or more, long as prose runs ({@link UNINDENTED_PROSE_LINE} on average, where a poem's
 * lines, even a 七言 couplet, are half that), and nearly every one ends as a sentence does.
 */
function unindentedProse(lines: readonly string[], average: number): boolean {
  const full = lines.map((line) => line.trim()).filter((line) => line !== '');
  if (full.length < 3 || average < UNINDENTED_PROSE_LINE) return false;
  return full.filter((line) => PARAGRAPH_END.test(line)).length >= 0.8 * full.length;
}
/** What starts a paragraph's line in a book set as one: a full-width indent, NBSPs or spaces. */
const LINE_INDENT = /^[\u3000\u00a0 \t]+/u;

/**
 * A block whose hard-broken lines are indented paragraphs (`　　他走了。<br/>　　天黑了。`), as books converted
 * from TXT set a chapter in one `<div>` or `<p>`: its paragraphs, each trimmed, with its marks; undefined
 * when the block is not one (no break, or its lines are not indented: a poem's lines stay together).
 * The first line's indent was already trimmed, so the lines after it decide, all but one of them indented,
 * and they run as prose does, {@link PROSE_LINE} characters or more on average; or none indented, when they
 * read as paragraphs without ({@link unindentedProse}).
 *
 *   `甲。\n　　乙。\n　　丙。` → `甲。`, `乙。`, `丙。`      `床前明月光，\n疑是地上霜。` → undefined
 */
export function indentedParagraphs(text: string, marks: readonly Mark[]): { text: string; marks: Mark[] }[] | undefined {
  if (!text.includes('\n')) return undefined;
  const lines = text.split('\n');
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  if (rest.length === 0) return undefined;
  const indented = rest.filter((line) => LINE_INDENT.test(line)).length;
  // Paragraphs of prose, not a poem's lines set in with spaces: prose runs longer.
  const lengths = lines.map((line) => line.trim().length).filter((length) => length > 0);
  const average = lengths.reduce((sum, length) => sum + length, 0) / lengths.length;
  if (average < PROSE_LINE) return undefined;
  if (indented < Math.max(1, rest.length - 1) && !unindentedProse(lines, average)) return undefined;
  const pieces: { text: string; marks: Mark[] }[] = [];
  let at = 0;
  for (const line of lines) {
    const lead = LINE_INDENT.exec(line)?.[0].length ?? 0;
    const body = line.slice(lead).replace(/[\s\u3000\u00a0]+$/u, '');
    const start = at + lead;
    const end = start + body.length;
    at += line.length + 1;
    if (body === '') continue;
    pieces.push({ text: body, marks: marksWithin(marks, start, end) });
  }
  return pieces;
}

/**
 * A paragraph whose lines were joined (Markdown joins a paragraph's lines) cut again where its lines were
 * indented: `lines` are the source's lines, and the joined `text` still holds each indent after the first
 * line (`甲。　　乙。　　丙。`). Undefined unless the lines are indented paragraphs as
 * {@link indentedParagraphs} reads them and the text has exactly one indent for each line after the first.
 *
 *   lines `　　甲…。`, `　　乙…。`; text `甲…。　　乙…。` → `甲…。`, `乙…。`
 */
export function joinedIndentedParagraphs(text: string, marks: readonly Mark[], lines: readonly string[]): { text: string; marks: Mark[]; line: number }[] | undefined {
  if (lines.length < 2 || !INDENT_RUN.test(text)) return undefined;
  const rest = lines.slice(1).map((line) => line.replace(/^[ \t]+/u, ''));
  if (rest.some((line) => !/^[\u3000\u00a0]/u.test(line))) return undefined;
  if (indentedParagraphs([lines[0]!.trim(), ...rest].join('\n'), []) === undefined) return undefined;
  const runs = [...text.matchAll(INDENT_RUNS)];
  if (runs.length !== rest.length) return undefined;
  const cuts = [0, ...runs.map((run) => run.index), text.length];
  const pieces: { text: string; marks: Mark[]; line: number }[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const lead = k === 0 ? 0 : runs[k - 1]![0].length;
    const start = cuts[k]! + lead;
    const body = text.slice(start, cuts[k + 1]).replace(/[\s\u3000\u00a0]+$/u, '');
    const end = start + body.length;
    if (body !== '') pieces.push({ text: body, marks: marksWithin(marks, start, end), line: k });
  }
  return pieces;
}

/** The marks over [start, end) of a paragraph, cut to it and counted from its start: a piece's own. */
function marksWithin(marks: readonly Mark[], start: number, end: number): Mark[] {
  return marks.filter((mark) => mark.start < end && mark.end > start).map((mark) => ({ ...mark, start: Math.max(mark.start, start) - start, end: Math.min(mark.end, end) - start }));
}

/** A line's indent left inside a joined paragraph: ideographic spaces or NBSPs, a space or two around them. */
const INDENT_RUN = /[\u3000\u00a0]/u;
const INDENT_RUNS = /[ \u3000\u00a0]*[\u3000\u00a0][ \u3000\u00a0]*/gu;

/**
 * An image's placeholder: `［图：alt］`, or `［图］` for one without words. An alt that is only a file's name
 * as a tool left it (`image.png`, `IMG_1234.JPG`, `image-20230105.png`: Typora's, 语雀's) says nothing: `［图］`.
 * A name in words stays (`封面.png`).
 */
export function imagePlaceholder(alt: string | undefined): string {
  const words = (alt ?? '').replace(/\s+/gu, ' ').trim();
  return words === '' || FILE_NAME.test(words) ? '［图］' : `［图：${words}］`;
}

const FILE_NAME = /^[\w\-.~%()+ ]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?|heic|avif)$/iu;

