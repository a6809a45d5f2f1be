import { pinyin } from 'pinyin-pro';
import type { Range } from './types.js';

/**
 * The reading of one paragraph, one token per code point of its folded text: a Chinese character's
 * syllable (toneless, ü written v) or, for anything else, a one-character barrier that no query letter
 * can match, so a pinyin match never runs across punctuation, digits or Latin letters.
 */
export interface ParagraphPinyin {
  /** The folded text it reads. */
  text: string;
  /** All tokens concatenated, e.g. `chongqingribao\u0001…`. */
  full: string;
  /** First letter of every token (the barrier for non-Chinese tokens), one character per token. */
  initials: string;
  /** Offset of token t in `full`; one extra entry holds `full.length`. */
  tokenStart: Int32Array;
  /** Offset of token t in the folded text; one extra entry holds its length. `null` when token t is at t. */
  tokenUnit: Int32Array | null;
  /** Tokens at which a word starts (ICU's dictionary segmentation), found the first time initials match. */
  wordStarts?: Uint8Array;
}

const BARRIER = '\u0001';
const SEPARATOR = '\u0002';

/** pinyin-pro's reading of each code point of `text`, or null if it did not return one per code point. */
function readings(text: string, count: number): string[] | null {
  const joined = pinyin(text, { toneType: 'none', v: true, separator: SEPARATOR });
  const list = joined.split(SEPARATOR);
  return list.length === count ? list : null;
}

/**
 * Reads a folded paragraph with pinyin-pro. The whole paragraph goes in at once so that pinyin-pro's
 * word dictionary picks polyphonic readings from context (重庆 → chong qing, 银行 → yin hang).
 */
export function readPinyin(folded: string): ParagraphPinyin {
  const astral = /[\ud800-\udbff][\udc00-\udfff]/.test(folded);
  const chars = astral ? Array.from(folded) : null;
  const count = chars ? chars.length : folded.length;
  const read = (folded.includes(SEPARATOR) ? null : readings(folded, count)) ?? Array.from(chars ?? folded, (char) => pinyin(char, { toneType: 'none', v: true }));
  const tokenStart = new Int32Array(count + 1);
  const tokenUnit = chars ? new Int32Array(count + 1) : null;
  const tokens: string[] = [];
  let initials = '';
  let offset = 0;
  let unit = 0;
  for (let t = 0; t < count; t++) {
    const char = chars ? chars[t]! : folded[t]!;
    const reading = read[t]!;
    const first = reading.charCodeAt(0);
    // A syllable is lower-case letters that differ from the character itself.
    const token = reading !== char && first >= 0x61 && first <= 0x7a && /^[a-z]+$/.test(reading) ? reading : BARRIER;
    tokenStart[t] = offset;
    if (tokenUnit) tokenUnit[t] = unit;
    tokens.push(token);
    initials += token[0];
    offset += token.length;
    unit += char.length;
  }
  tokenStart[count] = offset;
  if (tokenUnit) tokenUnit[count] = unit;
  return { text: folded, full: tokens.join(''), initials, tokenStart, tokenUnit };
}

/** A query term typed as pinyin: its letters, and where the user put a space or apostrophe between them. */
export interface PinyinTerm {
  letters: string;
  /** Offsets into `letters` that must fall on syllable boundaries (`xi'an` → [2]). */
  breaks: number[];
}

/** How well a paragraph's reading matched: 0 whole syllables, 1 last syllable only begun, 2 initials. */
export interface PinyinMatch {
  penalty: number;
  count: number;
  first: number;
  /** In the folded text's code units. */
  ranges: Range[];
}

/** Index of the last token starting at or before `offset` of `full`. */
function tokenAtOrBefore(py: ParagraphPinyin, offset: number): number {
  const starts = py.tokenStart;
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

const startsToken = (py: ParagraphPinyin, offset: number): boolean => py.tokenStart[tokenAtOrBefore(py, offset)] === offset;

/** Offset in the folded text of token `t`. */
export const unitOf = (py: ParagraphPinyin, token: number): number => (py.tokenUnit ? py.tokenUnit[token]! : token);

const words = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whether a word starts at token `t` (or `t` is the end of the text). */
function startsWord(py: ParagraphPinyin, t: number): boolean {
  if (!py.wordStarts) {
    const starts = new Uint8Array(py.tokenStart.length);
    const tokenOfUnit = new Int32Array(py.text.length + 1);
    for (let token = 0; token < py.tokenStart.length; token++) tokenOfUnit[unitOf(py, token)] = token;
    for (const { index } of words.segment(py.text)) starts[tokenOfUnit[index]!] = 1;
    starts[py.tokenStart.length - 1] = 1;
    py.wordStarts = starts;
  }
  return py.wordStarts[t] === 1;
}

/** The span of a full-pinyin match of `term` at `at` in `full` as [first token, end token, penalty], or null. */
function fullMatchAt(py: ParagraphPinyin, term: PinyinTerm, at: number): [number, number, number] | null {
  if (!startsToken(py, at)) return null;
  for (const offset of term.breaks) if (!startsToken(py, at + offset)) return null;
  const end = at + term.letters.length;
  const last = tokenAtOrBefore(py, end - 1);
  return [tokenAtOrBefore(py, at), last + 1, py.tokenStart[last + 1] === end ? 0 : 1];
}

/** Whether initials matched at token `at` cover whole words. */
function initialsMatchAt(py: ParagraphPinyin, term: PinyinTerm, at: number): boolean {
  return startsWord(py, at) && startsWord(py, at + term.letters.length);
}

/**
 * Matches full pinyin (`jichengdianlu`, `jicheng'dianlu`) on syllable boundaries: the match must start
 * where a syllable starts, every break the user typed must fall between syllables, and it must end at a
 * syllable's end, or inside the last syllable (penalty 1) so that results keep up while typing `jichengd…`.
 * When no full match exists, initials (`jcdl`) match one letter per consecutive character (penalty 2),
 * and only whole words: random letters hit some run of initials in any long text (xyz → 现有智 in
 * 现有智能), but rarely a run that starts and ends where words do (集成|电路, 重庆). `checkWords: false`
 * skips that check (word segmentation is the costly part) and over-reports initials.
 */
export function matchPinyin(py: ParagraphPinyin, term: PinyinTerm, checkWords = true): PinyinMatch | null {
  const { letters } = term;
  const ranges: Range[] = [];
  let complete = false;
  for (let at = py.full.indexOf(letters); at >= 0; ) {
    const span = fullMatchAt(py, term, at);
    if (span) {
      if (span[2] === 0) complete = true;
      ranges.push([unitOf(py, span[0]), unitOf(py, span[1])]);
      at = py.full.indexOf(letters, at + letters.length);
    } else {
      at = py.full.indexOf(letters, at + 1);
    }
  }
  if (ranges.length > 0) return { penalty: complete ? 0 : 1, count: ranges.length, first: ranges[0]![0], ranges };
  // Every initial stands for one syllable, so any break the user typed is on a boundary.
  for (let at = py.initials.indexOf(letters); at >= 0; ) {
    if (!checkWords || initialsMatchAt(py, term, at)) {
      ranges.push([unitOf(py, at), unitOf(py, at + letters.length)]);
      at = py.initials.indexOf(letters, at + letters.length);
    } else {
      at = py.initials.indexOf(letters, at + 1);
    }
  }
  return ranges.length > 0 ? { penalty: 2, count: ranges.length, first: ranges[0]![0], ranges } : null;
}

const PINYIN_TERM = /^[a-z]+(?:'[a-z]+)*$/;

/**
 * Reads folded query terms as one pinyin run (`jicheng dianlu` → `jichengdianlu` with a break at 7),
 * or returns null when any term is not made of letters a-z, ü or v, possibly with tone marks (an
 * apostrophe may separate syllables).
 * Needs at least two letters: one letter would match a third of all characters.
 */
export function pinyinTerm(terms: readonly string[]): PinyinTerm | null {
  // Tone marks are dropped (chóngqìng) and ü is written v, as in the readings.
  const plain = terms.map((term) =>
    term
      .normalize('NFD')
      .replace(/u\u0308/g, 'v')
      .replace(/[\u0300-\u036f]/g, ''),
  );
  if (plain.length === 0 || !plain.every((term) => PINYIN_TERM.test(term))) return null;
  let letters = '';
  const breaks: number[] = [];
  for (const term of plain) {
    for (const part of term.split("'")) {
      if (letters.length > 0) breaks.push(letters.length);
      letters += part;
    }
  }
  return letters.length >= 2 ? { letters, breaks } : null;
}
