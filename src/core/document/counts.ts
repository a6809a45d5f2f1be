/**
 * Counts a reader and a shelf show: chapters, 字数 (characters, as Chinese sites and readers count
 * them: every character but whitespace, a Latin letter or digit one each) and how far into them a
 * place in the reading flow is. `charsThrough` is what progress is measured in, so progress does not
 * depend on the terminal's width as a row count would.
 *
 * Example: a title `标题` and one paragraph `第一段 ok。` count 2 + 6 = 8; the place
 * `{ block: 's0p1', offset: 3 }` (after `第一段`) is 2 + 3 = 5 characters through.
 */
import { reader } from './list-view.js';
import { blockIndexer, documentBlocks, measureBlockText } from '../layout/blocks.js';
import type { Anchor } from '../layout/flow.js';
import type { Document } from './types.js';

export interface TextCounts {
  /** Sections; a text without headings has one. */
  chapters: number;
  /** Characters but whitespace, in the reading flow (title, headings, paragraphs). */
  chars: number;
}

/** Characters of `text` up to `end` (code units), whitespace not counted. */
export function countChars(text: string, end = text.length): number {
  return countCharsIn(text, 0, end);
}

/** {@link countChars} of the part [start, end) of `text`, without a copy of it. */
function countCharsIn(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end && i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair belongs to the character already counted.
    if (code >= 0xdc00 && code <= 0xdfff && i > start) continue;
    if (code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029) continue;
    count++;
  }
  return count;
}

/**
 * Blocks between two kept prefixes: a place's count adds up at most this many blocks' characters
 * (a few microseconds), and a million one-line paragraphs keep 125 KB of prefixes, not 4 MB.
 */
const STRIDE = 32;

interface Prefix {
  /** A block's index by its id (see `blockIndexer`): no map of every paragraph's id. */
  indexOf: (id: string) => number;
  /** Characters before every STRIDE-th block (a text is at most 64 MiB: four bytes do). */
  before: Uint32Array;
  total: number;
}

const memo = new WeakMap<Document, Prefix>();

function prefix(doc: Document): Prefix {
  let found = memo.get(doc);
  if (found) return found;
  const blocks = documentBlocks(doc);
  const before = new Uint32Array(Math.ceil(blocks.length / STRIDE));
  const read = reader(blocks);
  let total = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (i % STRIDE === 0) before[i / STRIDE] = total;
    total += measureBlockText(read(i)!, countCharsIn);
  }
  found = { indexOf: blockIndexer(blocks), before, total };
  memo.set(doc, found);
  return found;
}

export function textCounts(doc: Document): TextCounts {
  return { chapters: doc.sections.length, chars: prefix(doc).total };
}

/**
 * Characters from the start through `anchor` (a block and an offset in its text; an offset of -1, the
 * block's end). A block the document lacks counts as nothing read.
 */
export function charsThrough(doc: Document, anchor: Anchor): number {
  const { indexOf, before } = prefix(doc);
  const index = indexOf(anchor.block);
  if (index < 0) return 0;
  const blocks = documentBlocks(doc);
  const read = reader(blocks);
  const from = index - (index % STRIDE);
  let count = before[from / STRIDE]!;
  for (let i = from; i < index; i++) count += measureBlockText(read(i)!, countCharsIn);
  const text = read(index)!.text;
  const offset = anchor.offset < 0 ? text.length : anchor.offset;
  return count + countChars(text, offset);
}
