/**
 * A first look at a long text file: its first screens and its whole outline, from a small part of its
 * bytes, drawn while the whole is decoded and parsed (the reader then opens the whole; see cli/formats.ts).
 *
 * A 10 MB GB18030 novel takes ~100 ms to decode and ~250 ms to parse; its first screen needs neither,
 * and its outline needs only the lines that may be headings. So the first look decodes
 *
 * - the start of the file (its first {@link PREFIX_BYTES} and more, cut after a line, so that it holds
 *   {@link PROSE_BYTES} of lines that are no headings past a contents block at the top), as the whole
 *   will read, for the title, the author, the contents block and the first screens;
 * - after it, only the lines that may be headings by the chapter rules' own quick test (chapters.ts's
 *   `mayBeHeading`: short, and starting with a character some rule starts with, or `学而第一`) and that
 *   do not end as a sentence: each line's characters are read from its bytes without decoding the
 *   rest (an ASCII byte is itself; a double-byte character is looked up in a table Node's own decoder
 *   made of every pair; UTF-8 by its bits), and the lines kept are decoded in one call;
 *
 * and parses them as one text with the text parser itself, each run of lines left out (the chapters'
 * prose) standing as one short sentence ({@link STAND_IN}), so every rule (chapters, volumes, numbered
 * runs, the contents block, site lines, title and author) reads them as it reads the whole. The sections
 * it finds after the start are kept without their text; the start keeps its own.
 *
 *   第1章 出发 / 　　他走了很久，……。 / 　　“走吧。” / 一个人。 / 第2章 归来
 *   → 第1章 出发 / 　　此文省略。 / 第2章 归来
 *
 * No first look (undefined) when it cannot be like the whole: a text that is not a book by the rules
 * (an interview, an article, a plain text, Markdown saved as text), one whose encoding the start does not settle (decode.ts's
 * `sampleEncoding`: not UTF-16), or one whose lines are mostly kept (the work of the whole again). The
 * whole may still differ (a bad byte far in, a rule that weighs every line): the reader then shows the
 * whole as it is, a moment later.
 */
import { endsAsSentence, headingStarts, isNumeral, isSentenceEnd, mayBeHeading, MAX_HEADING } from './chapters.js';
import { sampleEncoding } from './decode.js';
import { looksLikeMarkdown } from './markdown/sniff.js';
import type { Lines } from './line-table.js';
import { isSpace } from './space.js';
import { bareNumber, parseDocument } from './parse.js';
import { sanitizeText } from './sanitize.js';
import type { Document, Paragraph, Section } from './types.js';

/** The start read as it is: at least this much, and {@link PROSE_BYTES} of it text (~20,000 characters and more). */
export const PREFIX_BYTES = 64 * 1024;
/** Bytes of lines that are no headings the start holds: a contents block at the top makes it longer. */
const PROSE_BYTES = 48 * 1024;
/** The start looked at for the encoding (the whole text's choice looks at sixteen times as much). */
const SAMPLE_BYTES = 16 * 1024;
/** The least text the start must hold: more than a large terminal shows (300 x 100 cells, in Chinese). */
const MIN_TEXT = 16_000;
/** Short lines kept after a heading, and their most bytes: a title below it is at most 20 characters. */
const FOLLOWING = 2;
const FOLLOWING_BYTES = 20 * 3 + 4;
/**
 * What a run of lines left out reads as: a sentence, so never a heading, and short; written in the
 * file's encoding among the lines kept, so its characters are the same in both scripts (Big5 has
 * no 处 or 从).
 */
export const STAND_IN = '　　此文省略。';
/** Above this share of the file's bytes in lines kept, the first look is not worth its work. */
const MOST_KEPT = 0.3;
/** The most code units `mayBeHeading` takes (a heading and a site's stamp after it), and a few spaces. */
const MAX_UNITS = MAX_HEADING * 3 + 16;
const REPLACEMENT = 0xfffd;
/** The bytes of the longest `学而第一` (a name of eight, 第, six numerals) in UTF-8, with an indent. */
const NAMED_BYTES = 15 * 3 + 12;

type Encoding = 'utf-8' | 'gb18030' | 'big5';

export interface FirstLookOptions {
  /** The file's name, for a title as the whole text would take it. */
  name?: string;
}

/** The first look at `bytes` (a text file's, not consumed), or undefined (see the module comment). */
export function textFirstLook(bytes: Uint8Array, options: FirstLookOptions = {}): Document | undefined {
  // A NUL anywhere makes the file UTF-16 or binary (decode.ts): read whole, or refused before a look is drawn.
  // The bytes' own method, as decode.ts asks: a Buffer's (a file as the command line reads it) searches
  // with memchr, ~0.7 ms for a 10 MB novel where the typed array's took 4–8.
  if (bytes.length <= 2 * PREFIX_BYTES || bytes.includes(0)) return undefined;
  const encoding = sampleEncoding(bytes, SAMPLE_BYTES);
  if (encoding === undefined) return undefined;
  const classify = lineClassifier(encoding);
  const cut = startEnd(bytes, classify);
  // Most of the file in its start (a contents block of most of it, say): read whole at once.
  if (cut <= 0 || 2 * cut > bytes.length) return undefined;
  const decoder = new TextDecoder(encoding);
  const start = newlines(decoder.decode(bytes.subarray(0, cut)));
  // Markdown saved as text is read as Markdown (markdown/sniff.ts), which a first look does not do.
  if (looksLikeMarkdown(start)) return undefined;
  const rest = keptLines(bytes, cut, classify, decoder, encoding);
  if (rest === undefined) return undefined;

  const doc = parseDocument(sanitizeText(`${start}\n${rest}`), options.name === undefined ? {} : { name: options.name });
  if (doc.shape !== 'book') return undefined;
  // What the start holds of the book: its paragraphs, and the sections from it on without text yet.
  const before = (paragraphs: readonly Paragraph[]): Paragraph[] => {
    const kept: Paragraph[] = [];
    for (const paragraph of paragraphs) {
      if (paragraph.offset >= start.length) break;
      kept.push(paragraph);
    }
    return kept;
  };
  let unreadFrom = doc.sections.length + 1;
  const sections: Section[] = doc.sections.map((section) => {
    if (section.offset < start.length) return { ...section, paragraphs: before(section.paragraphs) };
    unreadFrom = Math.min(unreadFrom, section.index);
    return { ...section, paragraphs: [] };
  });
  if (unreadFrom > sections.length) return undefined;
  const lead = before(doc.lead);
  // A start that is mostly a long contents block holds too little text to fill a screen: the first
  // screen would show empty chapters until the whole is read.
  let text = 0;
  for (const paragraph of lead) text += paragraph.text.length;
  for (const section of sections.slice(0, unreadFrom - 1)) for (const paragraph of section.paragraphs) text += paragraph.text.length;
  if (text < MIN_TEXT) return undefined;
  return { ...doc, lead, sections, preview: { share: cut / bytes.length, unreadFrom } };
}

/**
 * Where the start ends: after {@link PREFIX_BYTES}, once it holds {@link PROSE_BYTES} of lines that are no
 * headings (a long contents block at the top does not count), at a line's end; 0 when the file has no
 * line end there.
 */
function startEnd(bytes: Uint8Array, classify: LineClassifier): number {
  let prose = 0;
  for (let at = 0; at < bytes.length; ) {
    const next = indexOf.call(bytes, 0x0a, at);
    if (next < 0) return 0;
    if (classify(bytes, at, next) === PROSE) prose += next - at;
    at = next + 1;
    if (at >= PREFIX_BYTES && prose >= PROSE_BYTES) return at;
  }
  return bytes.length;
}

/**
 * The lines after `from` that may be headings, decoded, a blank line between them and {@link STAND_IN}
 * where lines were left out; undefined when they are too many.
 */
function keptLines(bytes: Uint8Array, from: number, classify: LineClassifier, decoder: InstanceType<typeof TextDecoder>, encoding: Encoding): string | undefined {
  const kept = new KeptLines(Math.ceil((bytes.length - from) * MOST_KEPT), standIn(encoding));
  // The loop over every line of the book stays this small: V8 compiles it while it runs (on-stack
  // replacement), and compiling it took ~20 ms of a cold first look with the keeping written in it.
  for (let at = from; at < bytes.length; ) {
    const next = indexOf.call(bytes, 0x0a, at);
    const end = next < 0 ? bytes.length : next;
    const kind = classify(bytes, at, end);
    if (kind === PROSE && kept.follow === 0) kept.gap = true;
    else if (kind !== BLANK_LINE && !kept.line(bytes, at, end, kind)) return undefined;
    at = end + 1;
  }
  kept.end();
  return newlines(decoder.decode(kept.bytes.subarray(0, kept.used)));
}

/**
 * The text of the lines kept, as bytes of the file's encoding, written as it is to be read: the lines
 * a blank line apart, {@link STAND_IN} where lines were left out (one decoding makes the text: decoded
 * line by line and joined, it was ~8 ms of a cold first look).
 */
class KeptLines {
  /** Grown as lines are kept: most books keep a few percent of their bytes. */
  bytes = new Uint8Array(INITIAL_KEPT);
  used = 0;
  /** Whether lines were left out since the last line kept. */
  gap = false;
  /**
   * Short lines still to keep right after a heading that is its number alone: a title below it
   * (`第一章` / `风起`), and whether the text after it is prose or a poem's short lines (see the parser's
   * `titleBelow`).
   */
  follow = 0;
  /** The bytes of the lines kept, a line feed each, as the budget counts them. */
  private counted = 0;

  constructor(
    private readonly budget: number,
    private readonly standIn: Uint8Array,
  ) {}

  /** Takes a line that is not blank; false when the lines kept would be more than the budget. */
  line(bytes: Uint8Array, at: number, end: number, kind: number): boolean {
    if (kind === BARE_HEADING) this.follow = FOLLOWING;
    else if (kind === HEADING) this.follow = 0;
    else if (this.follow > 0 && end - at <= FOLLOWING_BYTES) this.follow--;
    else {
      this.follow = 0;
      this.gap = true;
      return true;
    }
    this.counted += end - at + 1;
    if (this.counted > Math.max(INITIAL_KEPT, this.budget)) return false;
    // A CRLF's CR is left with its line feed.
    const last = end > at && bytes[end - 1] === 0x0d ? end - 1 : end;
    if (this.used > 0) this.blankLine();
    if (this.gap) {
      this.write(this.standIn);
      this.blankLine();
      this.gap = false;
    }
    // Copied in place: a subarray of each line kept was an object (a Buffer's, ~3,000 for a novel).
    this.room(last - at);
    for (let k = at; k < last; k++) this.bytes[this.used++] = bytes[k]!;
    return true;
  }

  /** The stand-in for the lines left out after the last line kept. */
  end(): void {
    if (!this.gap) return;
    if (this.used > 0) this.blankLine();
    this.write(this.standIn);
  }

  private blankLine(): void {
    this.room(2);
    this.bytes[this.used++] = 0x0a;
    this.bytes[this.used++] = 0x0a;
  }

  private write(from: Uint8Array): void {
    this.room(from.length);
    this.bytes.set(from, this.used);
    this.used += from.length;
  }

  private room(size: number): void {
    if (this.used + size <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.used + size));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }
}

/** What the lines kept may always take: below it, no budget is looked at. */
const INITIAL_KEPT = 64 * 1024;

/** {@link STAND_IN} in `encoding`'s bytes: each of its characters a pair of GB18030 or Big5, or UTF-8. */
export function standIn(encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(STAND_IN);
  const table = pairTable(encoding);
  const out = new Uint8Array(2 * STAND_IN.length);
  for (let k = 0; k < STAND_IN.length; k++) {
    // The typed array's own search: a loop over the ~20,000 pairs before each character took ~5 ms cold.
    const found = table.indexOf(STAND_IN.charCodeAt(k), 0x8140);
    const pair = found < 0 ? 0x10000 : found;
    out[2 * k] = pair >> 8;
    out[2 * k + 1] = pair & 0xff;
  }
  return out;
}

/** What a line is to the first look: blank, one that may be a heading, or any other. */
const BLANK_LINE = 0;
const HEADING = 1;
const PROSE = 2;
/** A heading that is its number alone (`第一章`, `12`), whose title may be on the next line. */
const BARE_HEADING = 3;
/** The most code units of such a line, indents and CR included. */
const BARE_UNITS = 24;
/** What such a line ends with: a numeral, a chapter's unit, a closing bracket or a mark after the number. */
const BARE_ENDS = new Set([...'0123456789０１２３４５６７８９〇零一二两兩三四五六七八九十百千万萬壹贰貳叁參肆伍陆陸柒捌玖拾佰仟章回节節)）、.．'].map((char) => char.charCodeAt(0)));
type LineClassifier = (bytes: Uint8Array, at: number, end: number) => number;

/**
 * The line in bytes [at, end) tested as chapters.ts's `mayBeHeading` tests a line, and not ending as a
 * sentence: looked at whole only when its first character could start a heading or its last is a
 * numeral (`学而第一`); most lines are neither.
 */
function lineClassifier(encoding: Encoding): LineClassifier {
  const units = new Uint16Array(MAX_UNITS);
  let size = 0;
  const line: Lines = { count: 1, text: () => String.fromCharCode.apply(null, units.subarray(0, size) as unknown as number[]), size: () => size, code: (_line, k) => units[k]!, holds: () => false };
  const chars = charReader(encoding);
  const flags = unitFlags();
  const pairs = encoding === 'utf-8' ? undefined : pairTable(encoding);
  const classify: LineClassifier = (bytes, at, end) => {
    // The first character that is not a space, read from its bytes (not the line's decoding).
    let first = BLANK;
    if (pairs !== undefined) {
      // Every line of a long GB18030 or Big5 book passes here: its first character read from its
      // bytes in place, without the reader's calls. With the small loop in `keptLines`, the text
      // written as bytes and this, the scan of a 10 MB novel's 156,000 lines ~48–51 → ~39–41 ms cold
      // (in-process, twenty runs in alternation).
      for (let i = at; i < end; ) {
        const byte = bytes[i]!;
        let flag: number;
        if (byte < 0x80) {
          flag = flags[byte]!;
          i++;
        } else {
          // A pair that is no character, or the start of a four-byte one, reads U+FFFD: OTHER.
          flag = i + 1 < end ? flags[pairs[(byte << 8) | bytes[i + 1]!]!]! : OTHER;
          i += 2;
        }
        if (flag !== SPACE) {
          first = flag;
          break;
        }
      }
    } else {
      for (let i = at; i < end; i += chars.width) {
        const flag = flags[chars.code(bytes, i, end)]!;
        if (flag !== SPACE) {
          first = flag;
          break;
        }
      }
    }
    if (first === BLANK) return BLANK_LINE;
    // `学而第一` is at most fifteen characters: only a line that short is read from its end.
    if (first !== START && !(end - at <= NAMED_BYTES && isNumeral(chars.last(bytes, at, end)))) return PROSE;
    return mayBe(bytes, at, end);
  };
  /** The rest, for the lines that start as a heading may: apart, so that the test above compiles small. */
  const mayBe = (bytes: Uint8Array, at: number, end: number): number => {
    // A tenth of a novel's prose starts as a heading may (`一个`, `后来`, `正是`): most of it ends in
    // `。` or `，`, which no heading does (`endsAsSentence`), told before the line is read.
    if (chars.endsSentence(bytes, at, end)) return PROSE;
    size = readUnits(chars, bytes, at, end, units);
    if (size < 0 || !mayBeHeading(line, 0) || endsAsSentence(line, 0)) return PROSE;
    // Most headings have their title: told by their last character before a string is made.
    let last = size - 1;
    while (last > 0 && isSpace(units[last]!)) last--;
    if (size > BARE_UNITS || !BARE_ENDS.has(units[last]!)) return HEADING;
    return bareNumber(line.text(0).replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/gu, '')) ? BARE_HEADING : HEADING;
  };
  return classify;
}

/**
 * Characters read from bytes one at a time: `code` reads the one at `i` as a code unit (U+FFFD for one
 * it cannot tell: no rule starts or ends with it) and leaves its length in bytes in `width`; `last` reads
 * the last one before `end`, spaces and CR aside (U+FFFD when it cannot be told from the end).
 */
interface CharReader {
  code(bytes: Uint8Array, i: number, end: number): number;
  width: number;
  last(bytes: Uint8Array, at: number, end: number): number;
  /**
   * Whether the last character before `end`, spaces and CR aside, ends a sentence: false where it
   * cannot be told for sure (`last` may misread a double-byte character whose second byte looks like ASCII).
   */
  endsSentence(bytes: Uint8Array, at: number, end: number): boolean;
}

/** What a character is to the first test of a line. */
const OTHER = 0;
const START = 1;
const SPACE = 2;
const BLANK = 3;

let unitTable: Uint8Array | undefined;

/** {@link START}, {@link SPACE} or {@link OTHER} for every code unit. */
function unitFlags(): Uint8Array {
  if (unitTable) return unitTable;
  unitTable = new Uint8Array(65536);
  for (const unit of headingStarts()) unitTable[unit] = START;
  // Every space is at most U+3000, but for the byte-order mark.
  for (let unit = 0; unit <= 0x3000; unit++) if (isSpace(unit)) unitTable[unit] = SPACE;
  unitTable[0xfeff] = SPACE;
  return unitTable;
}

/** The line's code units into `units`: how many, or -1 for a line longer than a heading can be. */
function readUnits(chars: CharReader, bytes: Uint8Array, at: number, end: number, units: Uint16Array): number {
  let n = 0;
  for (let i = at; i < end; n++) {
    if (n === units.length) return -1;
    units[n] = chars.code(bytes, i, end);
    i += chars.width;
  }
  return n;
}

/**
 * Where the line ends once its trailing spaces are cut: ASCII ones, and the full-width space, whose
 * bytes end in `b` after `a` (and after `lead` in UTF-8, which has three).
 */
function trimmedEnd(bytes: Uint8Array, at: number, end: number, a: number, b: number, lead = -1): number {
  let e = end;
  for (;;) {
    while (e > at && (bytes[e - 1] === 0x0d || bytes[e - 1] === 0x20 || bytes[e - 1] === 0x09)) e--;
    const width = lead < 0 ? 2 : 3;
    if (e - width >= at && bytes[e - 1] === b && bytes[e - 2] === a && (lead < 0 || bytes[e - 3] === lead)) e -= width;
    else return e;
  }
}

function charReader(encoding: Encoding): CharReader {
  const table = encoding === 'utf-8' ? undefined : pairTable(encoding);
  const gb = encoding === 'gb18030';
  const reader: CharReader = {
    width: 1,
    code(bytes, i, end) {
      const byte = bytes[i]!;
      reader.width = 1;
      if (byte < 0x80) return byte;
      return table === undefined ? utf8Code(reader, bytes, i, end) : pairCode(reader, table, gb, bytes, i, end);
    },
    last(bytes, at, end) {
      if (table === undefined) {
        const e = trimmedEnd(bytes, at, end, 0x80, 0x80, 0xe3);
        if (e === at) return REPLACEMENT;
        let s = e - 1;
        // Continuation bytes (10xxxxxx) belong to the character that starts before them.
        while (s > at && (bytes[s]! & 0xc0) === 0x80 && e - s < 4) s--;
        return reader.code(bytes, s, e);
      }
      const e = trimmedEnd(bytes, at, end, 0xa1, gb ? 0xa1 : 0x40);
      if (e === at) return REPLACEMENT;
      // A last byte that may be a second byte, after one that may be a first: a pair. (In Big5 a second
      // byte may look like ASCII; read wrong, a line is looked at whole or not for nothing more.)
      if (e - 2 >= at && bytes[e - 2]! >= 0x81 && bytes[e - 2]! <= 0xfe && bytes[e - 1]! >= 0x40) return table[(bytes[e - 2]! << 8) | bytes[e - 1]!]!;
      return bytes[e - 1]!;
    },
    endsSentence(bytes, at, end) {
      if (table === undefined) return isSentenceEnd(reader.last(bytes, at, end));
      // A second byte of 0x80 or more is never a character of its own, nor the last of a four-byte one.
      const e = trimmedEnd(bytes, at, end, 0xa1, gb ? 0xa1 : 0x40);
      return e - 2 >= at && bytes[e - 1]! >= 0x80 && bytes[e - 2]! >= 0x81 && isSentenceEnd(table[(bytes[e - 2]! << 8) | bytes[e - 1]!]!);
    },
  };
  return reader;
}

/** A UTF-8 character of more than one byte at `i`. */
function utf8Code(reader: CharReader, bytes: Uint8Array, i: number, end: number): number {
  const byte = bytes[i]!;
  if (byte >= 0xe0 && byte < 0xf0 && i + 2 < end) {
    reader.width = 3;
    return ((byte & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  }
  if (byte >= 0xc0 && byte < 0xe0 && i + 1 < end) {
    reader.width = 2;
    return ((byte & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  }
  // Four bytes (outside the BMP) or a stray one: one character.
  reader.width = byte >= 0xf0 ? 4 : 1;
  return REPLACEMENT;
}

/** A GB18030 or Big5 character of more than one byte at `i`. */
function pairCode(reader: CharReader, table: Uint16Array, gb: boolean, bytes: Uint8Array, i: number, end: number): number {
  const byte = bytes[i]!;
  if (byte === 0x80 || byte === 0xff || i + 1 >= end) return REPLACEMENT;
  if (gb && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39) {
    // GB18030's four-byte characters: rare, and none a heading's first or last.
    reader.width = 4;
    return REPLACEMENT;
  }
  reader.width = 2;
  return table[(byte << 8) | bytes[i + 1]!]!;
}

/** The typed array's own search: a Buffer's `indexOf` checks its arguments in JavaScript on every call, once a line. */
const indexOf = Uint8Array.prototype.indexOf;

const tables = new Map<Encoding, Uint16Array>();

/**
 * Every double-byte character of `encoding` by its two bytes, as Node's decoder reads each pair alone
 * (a pair it does not take, or one that makes two code units, is U+FFFD): one decoder call, ~24,000 pairs.
 */
export function pairTable(encoding: Encoding): Uint16Array {
  const known = tables.get(encoding);
  if (known) return known;
  const table = new Uint16Array(65536).fill(REPLACEMENT);
  if (encoding === 'gb18030' && everyPair(table)) {
    tables.set(encoding, table);
    return table;
  }
  const TRAILS = 0xfe - 0x40 + 1;
  const bytes = new Uint8Array((0xfe - 0x81 + 1) * TRAILS * 3);
  let n = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      bytes[n++] = lead;
      bytes[n++] = trail;
      bytes[n++] = 0x0a;
    }
  }
  const read = new TextDecoder(encoding).decode(bytes);
  // Each pair's reading ends at its newline: one unit between two newlines is the pair's character.
  let pair = 0;
  let from = 0;
  for (let at = read.indexOf('\n'); at >= 0; at = read.indexOf('\n', from)) {
    const lead = 0x81 + Math.floor(pair / TRAILS);
    const trail = 0x40 + (pair % TRAILS);
    if (at - from === 1 && read.charCodeAt(from) !== 0xfffd) table[(lead << 8) | trail] = read.charCodeAt(from);
    pair++;
    from = at + 1;
  }
  tables.set(encoding, table);
  return table;
}

/**
 * GB18030's pairs (a lead 0x81–0xFE, a trail 0x40–0x7E or 0x80–0xFE) each make one character, so all
 * of them decoded in one run, without a newline after each, read back one unit a pair: a third of the
 * bytes, and no search for the newlines (the table was ~10 ms of a first look). False, the table
 * untouched, if the decoder made anything else of them.
 */
function everyPair(table: Uint16Array): boolean {
  // Made and read in the same nested loops: a list of the pairs pushed one by one cost ~6 ms cold.
  const bytes = new Uint8Array(2 * (0xfe - 0x81 + 1) * (0xfe - 0x40));
  let n = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes[n++] = lead;
      bytes[n++] = trail;
    }
  }
  const read = new TextDecoder('gb18030').decode(bytes);
  if (read.length !== n / 2) return false;
  let k = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const unit = read.charCodeAt(k++);
      // A surrogate would be half a character: the run did not read one unit a pair.
      if (unit >= 0xd800 && unit <= 0xdfff) {
        table.fill(REPLACEMENT);
        return false;
      }
      table[(lead << 8) | trail] = unit;
    }
  }
  return true;
}

/** CRLF and CR as LF (the whole text's are). */
function newlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/gu, '\n') : text;
}
