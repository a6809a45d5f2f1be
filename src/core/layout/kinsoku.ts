/**
 * The line-breaking character data, in one place: which characters may not start or end a line
 * (kinsoku, 禁则), which pairs may not be split, and which characters hold Latin words and numbers
 * together. `linebreak.ts` explains how the rules use these sets.
 *
 * Sources: W3C "Requirements for Chinese Text Layout" (clreq), section "Prohibition rules for line
 * start and line end" (行首行尾禁则); JIS X 4051 / jlreq character classes for the kana and iteration
 * marks; Unicode UAX #14 (line breaking) classes CL, CP, EX, IS, NS, PO, OP, PR, QU, GL, BA, IN, B2.
 * Every set lists both the full-width and the ASCII form, because real Chinese text mixes them
 * (`重庆日报:推动…`, `28家,有效`).
 */

import { eastAsianWidth } from 'get-east-asian-width';

/** Closing brackets and quotes (clreq 结束括号/结束引号; UAX #14 CL, CP). */
export const CLOSING_MARKS = '”’）」』》〉】〕］｝〗〙〛〞〟｠｣»›)]}﹚﹜﹞⦆❩❫❭❯❱❳❵⟧⟩';

/** Pause and stop punctuation (clreq 点号; UAX #14 EX, IS), full-width, ASCII and small forms. */
export const PAUSE_OR_STOP_MARKS = '、，。．：；！？,.:;!?｡､‼⁇⁈⁉﹐﹑﹒﹔﹕﹖﹗';

/** Ellipses (clreq 省略号; UAX #14 IN): never at a line start, so `……` is never split either. */
export const ELLIPSES = '…‥⋯︙︰';

/** Interpuncts (clreq 间隔号) and wave dashes used as range connectors (〜 ～). */
export const INTERPUNCTS_AND_WAVES = '·・‧･〜～';

/** Postfix signs that belong to the number before them (UAX #14 PO). */
export const POSTFIX_SIGNS = '%％‰‱°℃℉′″‴¢￠';

/** Iteration marks, the prolonged sound mark and small kana (jlreq cl-09, cl-10, cl-11; UAX #14 NS/CJ). */
export const SMALL_KANA_AND_ITERATION_MARKS =
  '々〻ゝゞヽヾーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ';

/** May not start a line (行首禁则). */
export const LINE_START_PROHIBITED: ReadonlySet<string> = new Set([
  ...CLOSING_MARKS,
  ...PAUSE_OR_STOP_MARKS,
  ...ELLIPSES,
  ...INTERPUNCTS_AND_WAVES,
  ...POSTFIX_SIGNS,
  ...SMALL_KANA_AND_ITERATION_MARKS,
]);

/** Opening brackets and quotes: may not end a line (行尾禁则; UAX #14 OP). */
export const LINE_END_PROHIBITED: ReadonlySet<string> = new Set([
  ...'“‘（「『《〈【〔［｛〖〘〚〝｟｢«‹([{﹙﹛﹝⦅❨❪❬❮❰❲❴⟦⟨',
]);

/**
 * Connector marks (clreq 连接号, 分隔号): may not start a line when they connect, that is when the
 * character before them is not a space. After a space `-5` or `/path` may start a line.
 */
export const CONNECTORS: ReadonlySet<string> = new Set([...'-‐‒–－﹣/／']);

/**
 * Marks that are written doubled and may never be split between lines: `——` (two em dashes, or
 * U+2015 pairs; U+2E3A/U+2E3B are already one character) and `……` / `⋯⋯` / `‥‥`. A break between two
 * marks of the same group is prohibited.
 */
export const INSEPARABLE_DASHES = '—―⸺⸻';
export const INSEPARABLE_ELLIPSES = '…‥⋯';
export const INSEPARABLE_GROUPS: readonly string[] = [INSEPARABLE_DASHES, INSEPARABLE_ELLIPSES];

/**
 * Characters that join Latin letters and digits into one unbreakable run when they stand between or
 * right after them: `22.05.2020`, `08:02`, `e-mail`, `don’t`, `C++`, `https://example.com/a-b?c=1`,
 * `a@b.cn`.
 */
export const WORD_JOINERS: ReadonlySet<string> = new Set([...".:/\\-_@&=?#+~'’*%^|‐‑"]);

/**
 * Joins digits only as a thousands separator (`1,000.5`, a comma followed by exactly three digits):
 * the interview uses the ASCII comma as a Chinese comma, and `40%,2020年` is two numbers.
 */
export const THOUSANDS_SEPARATOR = ',';

/** Currency signs that hold on to the number after them: `$5`, `￥100` (UAX #14 PR). */
export const NUMBER_PREFIXES: ReadonlySet<string> = new Set([...'$＄¥￥£￡€₩₹₽₿']);

/**
 * No break after them, and none before them unless a space precedes (UAX #14 GL, WJ, LB12a):
 * NO-BREAK SPACE, NARROW NO-BREAK SPACE, FIGURE SPACE, NON-BREAKING HYPHEN, WORD JOINER, ZERO WIDTH
 * NO-BREAK SPACE. Shown and kept like any character.
 */
export const GLUE: ReadonlySet<string> = new Set(['\u00a0', '\u202f', '\u2007', '\u2011', '\u2060', '\ufeff']);

/**
 * Spaces that are shown and kept, with a break allowed after them but not before (UAX #14 BA, ZW):
 * TAB (treated like a one-cell space), IDEOGRAPHIC SPACE U+3000 (an indent or separator in Chinese
 * text; two cells), ZERO WIDTH SPACE and the typographic spaces U+2000–U+200A, U+1680, U+205F.
 */
export const KEPT_SPACES: ReadonlySet<string> = new Set([
  '\t', '\u3000', '\u200b', '\u1680', '\u205f',
  ...Array.from({ length: 11 }, (_, k) => String.fromCharCode(0x2000 + k)),
]);

/**
 * The only character ever dropped: an ASCII space where a line breaks. A run of them hangs past
 * the end of the line (it never pushes anything down) and disappears from the shown text.
 */
export const BREAK_SPACE = ' ';

/** ASCII quotes cannot tell opening from closing, so they stay with their non-space neighbours (UAX #14 QU). */
export const AMBIGUOUS_QUOTES: ReadonlySet<string> = new Set(['"', "'"]);

/** Bit flags of one grapheme, derived from its first code point. */
export const Flag = {
  Space: 1 << 0,
  KeptSpace: 1 << 1,
  Glue: 1 << 2,
  NoStart: 1 << 3,
  NoEnd: 1 << 4,
  Connector: 1 << 5,
  Word: 1 << 6,
  Digit: 1 << 7,
  Joiner: 1 << 8,
  Prefix: 1 << 9,
  Quote: 1 << 10,
  Han: 1 << 11,
  Dash: 1 << 12,
  Dots: 1 << 13,
  Thousands: 1 << 14,
} as const;

const LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/u;
const DECIMAL = /\p{Nd}/u;
const HAN = /\p{Script=Han}/u;
// Script_Extensions also catches the shared kana marks ー and ｰ, which belong to no single script.
const EAST_ASIAN_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]/u;
const FULLWIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/u;

function isAsciiAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** The flags of a code point, derived from the character classes above (see {@link charFlags}). */
export function computeFlags(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let flags = 0;
  if (ch === BREAK_SPACE) flags |= Flag.Space;
  if (KEPT_SPACES.has(ch)) flags |= Flag.KeptSpace;
  if (GLUE.has(ch)) flags |= Flag.Glue;
  if (LINE_START_PROHIBITED.has(ch)) flags |= Flag.NoStart;
  if (LINE_END_PROHIBITED.has(ch)) flags |= Flag.NoEnd;
  if (CONNECTORS.has(ch)) flags |= Flag.Connector;
  if (WORD_JOINERS.has(ch)) flags |= Flag.Joiner;
  if (ch === THOUSANDS_SEPARATOR) flags |= Flag.Thousands;
  if (NUMBER_PREFIXES.has(ch)) flags |= Flag.Prefix;
  if (AMBIGUOUS_QUOTES.has(ch)) flags |= Flag.Quote;
  if (INSEPARABLE_DASHES.includes(ch)) flags |= Flag.Dash;
  if (INSEPARABLE_ELLIPSES.includes(ch)) flags |= Flag.Dots;
  // ASCII is read without the Unicode classes: the first use of each compiles it (the large ones are
  // the costliest expressions of a first frame), and its letters and digits are the classes' ASCII
  // members (a test checks all 128). A wide character is never a word's: the letter class is not asked.
  const ascii = cp < 0x80;
  if (!ascii && HAN.test(ch)) flags |= Flag.Han;
  // Letters and digits of alphabetic scripts form words; CJK characters and kana break anywhere.
  const wide = eastAsianWidth(cp) === 2;
  const word = ascii ? isAsciiAlnum(cp) : (!wide && LETTER_OR_NUMBER.test(ch) && !EAST_ASIAN_SCRIPT.test(ch)) || FULLWIDTH_ALNUM.test(ch);
  if (word) {
    flags |= Flag.Word;
    if (ascii ? cp <= 0x39 : DECIMAL.test(ch)) flags |= Flag.Digit;
  }
  return flags;
}

/** CJK Unified Ideographs, every one assigned: no flag but {@link Flag.Han} (a test derives each). */
export const HAN_FIRST = 0x4e00;
export const HAN_LAST = 0x9fff;

// Flags are looked up once per grapheme; memoising per code point keeps a 1 MB paragraph cheap.
const bmpFlags = new Uint16Array(0x10000);
const bmpKnown = new Uint8Array(0x10000);
const astralFlags = new Map<number, number>();

/** The line-breaking flags of a code point (the first code point of a grapheme decides). */
export function charFlags(cp: number): number {
  if (cp < 0x10000) {
    if (bmpKnown[cp] === 0) {
      // A Chinese text's first screen holds hundreds of ideographs, each derived through five
      // regular expressions run for the first time (~3 ms of the first frame): the block is Han alone.
      bmpFlags[cp] = cp >= HAN_FIRST && cp <= HAN_LAST ? Flag.Han : computeFlags(cp);
      bmpKnown[cp] = 1;
    }
    return bmpFlags[cp]!;
  }
  let flags = astralFlags.get(cp);
  if (flags === undefined) {
    flags = computeFlags(cp);
    astralFlags.set(cp, flags);
  }
  return flags;
}
