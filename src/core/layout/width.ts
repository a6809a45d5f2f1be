/**
 * Widths in terminal cells: the one module that measures, for the layout, the views, the screen writer
 * and the tests alike. The East Asian Ambiguous policy (“ ” … · — one cell or two) is a value passed in,
 * never a setting of the process.
 *
 * ## Simple text
 * Almost every row of a Chinese or Latin text is made of code units that are each a grapheme cluster of
 * their own ({@link SIMPLE_RANGES}: no combining marks, joiners, variation selectors, surrogates, Hangul
 * jamo or controls). Such a unit's width is its East Asian Width (2 for W and F, the policy for A, else
 * 1), read from a table filled on first use; a string of them is measured by adding up, without the
 * grapheme segmenter.
 *
 * ## Clusters terminals draw differently
 * Terminals do not agree on the rest. Some add up each code point's own width, as wcwidth does (tmux,
 * xterm, VTE): `aำ` is 2 (`ำ` U+0E33 is a letter of its own there), `☺️` is 1 (the text-style ☺ plus a
 * zero-width selector), `👍🏽` is 4. Others measure the cluster as one (kitty, WezTerm, Ghostty): `aำ` is
 * 1, `☺️` and `👍🏽` are 2. Emoji newer than a terminal's tables (U+1FAE8 🫨) may be 0, 1 or 2. Whatever
 * the reader assumes, some terminal draws the row wider, and a row drawn wider than its cells wraps onto
 * the next (45 × `aำ` in the search line pushed it onto the status row).
 *
 * So a cluster is measured at its widest: the larger of the two ways ({@link graphemeWidth}), and the
 * screen writer, after drawing a cluster terminals disagree on ({@link isDisputed}), erases what it may
 * not have covered and puts the cursor where the measured width ends, so the rest of the row stays in
 * place however the terminal drew it. A cluster wider than two cells either way is drawn as a placeholder
 * ({@link drawnCluster}): its base character alone, which every terminal draws in at most two. The text
 * itself (copied, searched) keeps the whole cluster.
 *
 * Worked examples (cluster way / code point way → measured):
 *   `中` 2/2 → 2      `e◌́` 1/1 → 1     `aำ` 1/2 → 2 (disputed)    `क्ष` 1/2 → 2 (disputed)
 *   `☺️` 2/1 → 2 (disputed)    `🫨` 2/2 → 2 (disputed: newer than some tables)
 *   `؀` (U+0600) 0/1 → 1       `🏻` alone 2/2 → 2       `👍🏽` 2/4 → 2, drawn as `👍`
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** Cells an East Asian Ambiguous character (“ ” ‘ ’ … · —) takes: 1 in most terminals, 2 in CJK-configured ones. */
export type AmbiguousWidth = 1 | 2;

let segmenter: Intl.Segmenter | undefined;

/**
 * Grapheme segments of `text` (UAX #29). The segmenter is made on first use: the first one a process
 * makes costs ~15 ms (ICU loads its rules), which `toc` and `print` of Chinese text never need. No
 * locale: grapheme rules have no tailoring, and another locale than the default costs ICU another load.
 */
export function segmentGraphemes(text: string): Intl.Segments {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text);
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

/**
 * Text in which every UTF-16 code unit is a grapheme of its own (a tab too: the layout takes it as a
 * one-cell space): split and measured without the segmenter. Built from {@link SIMPLE_RANGES}.
 */
export const SIMPLE_TEXT = new RegExp(`^[\\t${SIMPLE_RANGES.map(([from, to]) => `\\u${hex(from)}-\\u${hex(to)}`).join('')}]*$`);

function hex(code: number): string {
  return code.toString(16).padStart(4, '0');
}

/** Grapheme clusters with their offsets: the smallest units a line may be broken between. */
export function graphemes(text: string): { segment: string; index: number }[] {
  if (SIMPLE_TEXT.test(text)) return Array.from({ length: text.length }, (_, index) => ({ segment: text[index]!, index }));
  return Array.from(segmentGraphemes(text), ({ segment, index }) => ({ segment, index }));
}

/** {@link SIMPLE_RANGES} as one list of bounds, read by index: run for every character measured. */
const SIMPLE_BOUNDS = Int32Array.from(SIMPLE_RANGES.flat());

function isSimple(code: number): boolean {
  // By index, not for…of with a destructuring: until V8 optimises it, each step of that made an
  // iterator result and a pair (~1 MB of garbage in the novel's first frame).
  for (let k = 0; k < SIMPLE_BOUNDS.length; k += 2) {
    if (code < SIMPLE_BOUNDS[k]!) return false;
    if (code <= SIMPLE_BOUNDS[k + 1]!) return true;
  }
  return false;
}

// Unicode properties the cluster rules need. Built with `new RegExp` because the `v` flag (for
// \p{RGI_Emoji}, a property of strings) is newer than the language level the type checker targets.
// Built on the first cluster that needs it, not as the module loads: compiling it takes tens of
// milliseconds, a large part of the first frame of a text with no emoji (most of them).
// Every emoji sequence holds a code point with the Emoji property, a test that costs nothing to build.
let rgiEmoji: RegExp | undefined;
const EMOJI_PART = /\p{Emoji}/u;
const isRgiEmoji = (cluster: string): boolean => EMOJI_PART.test(cluster) && (rgiEmoji ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(cluster);
/** Code points a terminal draws nothing for: marks that combine, joiners, selectors, default-ignorables, controls. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}\p{Cc}\u1160-\u11ff\ud7b0-\ud7ff]$/u;
/** Format characters a terminal still gives a cell (prepended concatenation marks: U+0600 ؀, U+06DD, U+070F …). */
const PREPENDED = /^[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}]$/u;
const HANGUL_LEADING = /^[\u1100-\u115f\ua960-\ua97c]/;
const KEYCAP = /^[\d#*]\ufe0f?\u20e3$/;
const PICTOGRAPHICS = /\p{Extended_Pictographic}/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** What terminals draw differently (see the module comment): emoji of every kind, flags, format characters. */
const DISPUTED_PART = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Cf}\u{1f000}-\u{1faff}]/u;

/** One code point's own width, as wcwidth-style terminals add them up. */
function codePointWidth(code: number, char: string, ambiguousWidth: AmbiguousWidth): number {
  if (code === 0x09) return 1;
  if (PREPENDED.test(char)) return 1;
  if (ZERO_WIDTH.test(char)) return 0;
  return eastAsianWidth(code, { ambiguousAsWide: ambiguousWidth === 2 });
}

/** The cluster as one, the way grapheme-aware terminals measure it. */
function clusterWay(cluster: string, ambiguousWidth: AmbiguousWidth): number {
  if (isRgiEmoji(cluster) || KEYCAP.test(cluster)) return 2;
  if (cluster.includes('\u200d') && (cluster.match(PICTOGRAPHICS)?.length ?? 0) >= 2) return 2;
  // An emoji asked for in emoji presentation, even one outside the recommended set.
  if (cluster.includes('\ufe0f') && PICTOGRAPHIC.test(cluster)) return 2;
  if (HANGUL_LEADING.test(cluster)) return 2;
  for (const char of cluster) {
    const code = char.codePointAt(0)!;
    if (!ZERO_WIDTH.test(char) && !PREPENDED.test(char)) return eastAsianWidth(code, { ambiguousAsWide: ambiguousWidth === 2 });
  }
  return 0;
}

/** Each code point's width added up, the way wcwidth-style terminals measure a cluster. */
function codePointWay(cluster: string, ambiguousWidth: AmbiguousWidth): number {
  let sum = 0;
  for (const char of cluster) sum += codePointWidth(char.codePointAt(0)!, char, ambiguousWidth);
  return sum;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A cluster's measure: its widest, at most two cells (a wider one is drawn as a placeholder). */
function measure(cluster: string, ambiguousWidth: AmbiguousWidth): number {
  // A tab is taken as a one-cell space by the layout and the sanitiser.
  if (cluster === '\t') return 1;
  // A lone surrogate reaches the terminal as U+FFFD, which takes a cell.
  if (LONE_SURROGATE.test(cluster)) return 1;
  return Math.min(2, Math.max(clusterWay(cluster, ambiguousWidth), codePointWay(cluster, ambiguousWidth)));
}

// Per-grapheme memo: layout measures every grapheme of every paragraph. Single code units use a flat
// table per policy, longer clusters a map (bounded: a document may hold any number of distinct ones).
const UNKNOWN = 255;
const unitWidths = { 1: new Uint8Array(0x10000).fill(UNKNOWN), 2: new Uint8Array(0x10000).fill(UNKNOWN) };
const clusterWidths = { 1: new Map<string, number>(), 2: new Map<string, number>() };
const MEMO_LIMIT = 65_536;

/**
 * Cells taken by one UTF-16 code unit that is a grapheme on its own (the layout's fast path for
 * text without combining sequences).
 */
export function codeUnitWidth(code: number, ambiguousWidth: AmbiguousWidth = 1): number {
  const table = unitWidths[ambiguousWidth];
  let w = table[code]!;
  if (w === UNKNOWN) {
    w = isSimple(code) ? eastAsianWidth(code, { ambiguousAsWide: ambiguousWidth === 2 }) : measure(String.fromCharCode(code), ambiguousWidth);
    table[code] = w;
  }
  return w;
}

/** Cells taken by one grapheme cluster, at its widest (see the module comment). Tab counts 1, controls 0. */
export function graphemeWidth(grapheme: string, ambiguousWidth: AmbiguousWidth = 1): number {
  if (grapheme.length === 1) return codeUnitWidth(grapheme.charCodeAt(0), ambiguousWidth);
  const cache = clusterWidths[ambiguousWidth];
  let w = cache.get(grapheme);
  if (w === undefined) {
    w = measure(grapheme, ambiguousWidth);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(grapheme, w);
  }
  return w;
}

/** Sum of the code units' widths when every one is simple, else -1. */
function simpleWidth(text: string, ambiguousWidth: AmbiguousWidth): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x09 && !isSimpleUnit(code)) return -1;
    sum += codeUnitWidth(code, ambiguousWidth);
  }
  return sum;
}

// Whether each code unit is simple, filled on first use (0 unknown, 1 simple, 2 not).
const simpleUnits = new Uint8Array(0x10000);

function isSimpleUnit(code: number): boolean {
  let known = simpleUnits[code]!;
  if (known === 0) {
    known = isSimple(code) ? 1 : 2;
    simpleUnits[code] = known;
  }
  return known === 1;
}

/**
 * Display width in terminal cells: the sum of its graphemes' widths, so it always agrees with the
 * `width` the layout reports for a line. Escape sequences are not stripped: ESC is a control (0) and
 * the rest of a sequence counts as the text it is.
 */
export function cellWidth(text: string, ambiguousWidth: AmbiguousWidth = 1): number {
  const simple = simpleWidth(text, ambiguousWidth);
  if (simple >= 0) return simple;
  let sum = 0;
  for (const { segment } of segmentGraphemes(text)) sum += graphemeWidth(segment, ambiguousWidth);
  return sum;
}

const disputed = new Map<string, boolean>();

/**
 * Whether terminals may draw `cluster` in another number of cells than {@link graphemeWidth} says, so
 * the writer must put the cursor back in place after it. Never true of simple code units.
 */
export function isDisputed(cluster: string): boolean {
  if (cluster.length === 1 && isSimpleUnit(cluster.charCodeAt(0))) return false;
  let answer = disputed.get(cluster);
  if (answer === undefined) {
    answer = DISPUTED_PART.test(cluster) || clusterWay(cluster, 1) !== codePointWay(cluster, 1) || clusterWay(cluster, 2) !== codePointWay(cluster, 2);
    if (disputed.size >= MEMO_LIMIT) disputed.clear();
    disputed.set(cluster, answer);
  }
  return answer;
}

/**
 * What the screen draws for `cluster`: the cluster itself, or, when some terminal would draw it wider
 * than two cells (`👍🏽` is 4 in tmux, a ZWJ family more), its first character, which none draws wider.
 */
export function drawnCluster(cluster: string, ambiguousWidth: AmbiguousWidth = 1): string {
  if (cluster.length === 1) return cluster;
  if (Math.max(clusterWay(cluster, ambiguousWidth), codePointWay(cluster, ambiguousWidth)) <= 2) return cluster;
  // Its base: the first character drawn for itself (not a mark, nor a prepended sign such as U+0600).
  for (const char of cluster) if (!ZERO_WIDTH.test(char) && !PREPENDED.test(char)) return char;
  return String.fromCodePoint(cluster.codePointAt(0)!);
}

/**
 * Cuts `text` to at most `width` cells, ending with `ellipsis` when something was cut.
 * Never splits a grapheme, so a wide character that does not fit is dropped whole.
 */
export function truncateToWidth(text: string, width: number, ambiguousWidth: AmbiguousWidth = 1, ellipsis = '…'): string {
  if (cellWidth(text, ambiguousWidth) <= width) return text;
  const room = width - cellWidth(ellipsis, ambiguousWidth);
  if (room < 0) return '';
  let used = 0;
  let out = '';
  for (const { segment } of graphemes(text)) {
    const w = graphemeWidth(segment, ambiguousWidth);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}
