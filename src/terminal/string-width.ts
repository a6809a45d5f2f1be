/**
 * `string-width`, fast: the bundle aliases the package to this module (package.json, scripts.build),
 * so Ink and the layout measure through it. The answers are string-width's own; only the cost differs.
 *
 * Ink measures every character of every frame again (its width cache lives for one frame), and
 * string-width's general path (a grapheme segmenter, emoji and Hangul rules per cluster) costs
 * about a microsecond per character once warm, and its module builds a `\p{RGI_Emoji}` expression
 * (tens of milliseconds) as it loads. Most text in a Chinese document needs none of that: a code
 * unit from the ranges below is always a grapheme cluster of its own (no combining marks, joiners,
 * variation selectors, prepended marks, Hangul jamo, controls or surrogates there), and its width is
 * its East Asian Width. A string made only of such code units is measured by adding those widths
 * up; any other string goes to the string-width package itself, remembered by string.
 * test/terminal/string-width.test.ts checks every code unit of the ranges, and random strings,
 * against the string-width package.
 *
 * The package is loaded on the first string that needs it, not with the bundle: loading it costs
 * ~50 ms (its Unicode-property expressions are parsed and ICU's segmenter is set up), a third of the
 * reader's start-up, and a Chinese text's first screen rarely needs it.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { createRequire } from 'node:module';

type StringWidth = (text: string, options?: StringWidthOptions) => number;

let packageWidth: StringWidth | undefined;

/**
 * string-width itself, required at run time (require of an ES module, Node >= 22.12) from
 * node_modules: bundled, its load would run with the bundle's, and the bundle's alias sends the name
 * `string-width` to this file.
 */
function exactStringWidth(text: string, options: StringWidthOptions): number {
  packageWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  return packageWidth(text, options);
}

/** string-width's options. */
export interface StringWidthOptions {
  /** Count East Asian Ambiguous characters as one cell. @default true */
  ambiguousIsNarrow?: boolean;
  /** Measure ANSI escape codes as text instead of stripping them. @default false */
  countAnsiEscapeCodes?: boolean;
}

/** Code units (inclusive ranges) that are always a visible grapheme cluster of their own. */
export const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xac], // Latin-1 (U+00AD, the soft hyphen, is invisible)
  [0xae, 0x2ff], // Latin-1, Latin Extended, IPA, spacing modifier letters
  [0x370, 0x482], // Greek, Cyrillic (U+0483–U+0489 combine)
  [0x48a, 0x52f],
  [0x2000, 0x200a], // spaces (U+200B–U+200F are invisible)
  [0x2010, 0x2027], // dashes, quotation marks, …
  [0x2030, 0x205e],
  [0x2070, 0x20cf], // super- and subscripts, currency (U+20D0 onwards combine)
  [0x2100, 0x2bff], // letterlike, arrows, mathematical, technical, box drawing, shapes, symbols
  [0x2e80, 0x3029], // CJK radicals, ideographic description, CJK punctuation (U+302A–U+302F combine)
  [0x3030, 0x303f],
  [0x3041, 0x3096], // Hiragana (U+3099, U+309A combine)
  [0x309b, 0x30ff], // Katakana
  [0x3100, 0x3163], // Bopomofo, Hangul compatibility jamo (U+3164, the Hangul filler, is invisible)
  [0x3165, 0x4dbf], // …, CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff01, 0xff9d], // full-width forms, half-width Katakana (U+FF9E, U+FF9F combine)
  [0xffa1, 0xffdc], // half-width Hangul
  [0xffe0, 0xffee],
];

const UNKNOWN = 255;
const NOT_SIMPLE = 254;
/** Per ambiguous policy (narrow, wide): each code unit's width, or NOT_SIMPLE, filled in on first use. */
const unitWidths = [new Uint8Array(0x10000).fill(UNKNOWN), new Uint8Array(0x10000).fill(UNKNOWN)] as const;

function isSimple(code: number): boolean {
  for (const [from, to] of SIMPLE_RANGES) {
    if (code < from) return false;
    if (code <= to) return true;
  }
  return false;
}

function learn(table: Uint8Array, code: number, ambiguousAsWide: boolean): number {
  const width = isSimple(code) ? eastAsianWidth(code, { ambiguousAsWide }) : NOT_SIMPLE;
  table[code] = width;
  return width;
}

/** Sum of the code units' widths, or -1 when one of them is not simple. */
function simpleWidth(text: string, ambiguousAsWide: boolean): number {
  const table = unitWidths[ambiguousAsWide ? 1 : 0];
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let width = table[code]!;
    if (width === UNKNOWN) width = learn(table, code, ambiguousAsWide);
    if (width === NOT_SIMPLE) return -1;
    sum += width;
  }
  return sum;
}

// Ink's rows and the layout's strings repeat from frame to frame; bounded, as documents are not.
const MEMO_LIMIT = 4096;
const memos = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];

function remembered(text: string, options: StringWidthOptions, ambiguousAsWide: boolean): number {
  const memo = memos[(ambiguousAsWide ? 2 : 0) + (options.countAnsiEscapeCodes ? 1 : 0)]!;
  let width = memo.get(text);
  if (width === undefined) {
    width = exactStringWidth(text, { ...options, ambiguousIsNarrow: !ambiguousAsWide });
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, width);
  }
  return width;
}

/**
 * How callers that pass no policy count East Asian Ambiguous characters: Ink, which measures with
 * string-width's defaults. The reader sets its own policy here, so that Ink places what follows a
 * character such as “…” where a terminal drawing it two cells wide shows it.
 */
let ambiguousDefaultWide = false;

/** Sets the policy for callers that pass none (1: narrow, as string-width's default; 2: wide). */
export function setDefaultAmbiguousWidth(width: 1 | 2): void {
  ambiguousDefaultWide = width === 2;
}

/** Select Graphic Rendition sequences, which are all the escape codes Ink's frames and our styles hold. */
const SGR = /\u001b\[[0-9;]*m/g;

/** Cells `text` takes in a terminal, exactly as string-width 8 counts them. */
export default function stringWidth(text: string, options: StringWidthOptions = {}): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const ambiguousAsWide = options.ambiguousIsNarrow === undefined ? ambiguousDefaultWide : !options.ambiguousIsNarrow;
  let width = simpleWidth(text, ambiguousAsWide);
  if (width >= 0) return width;
  // string-width strips escape codes before measuring; when SGR is all there is, the rest may be simple.
  if (!options.countAnsiEscapeCodes && text.includes('\u001b[')) {
    const stripped = text.replace(SGR, '');
    width = stripped.length < text.length ? simpleWidth(stripped, ambiguousAsWide) : -1;
    if (width >= 0) return width;
  }
  return remembered(text, options, ambiguousAsWide);
}
