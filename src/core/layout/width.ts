import stringWidth from 'string-width';

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

/**
 * Text in which every UTF-16 code unit is a grapheme of its own (no combining marks, joiners,
 * variation selectors, surrogates, Hangul jamo, controls): almost every row of Chinese or Latin text,
 * split and measured without the (slow) grapheme segmenter.
 */
export const SIMPLE_TEXT =
  /^[\t\u0020-\u007e\u00a0-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u2bff\u2e80-\u3029\u3030-\u3096\u309b-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff9d\uffa0-\uffef]*$/;

/** Grapheme clusters with their offsets: the smallest units a line may be broken between. */
export function graphemes(text: string): { segment: string; index: number }[] {
  if (SIMPLE_TEXT.test(text)) return Array.from({ length: text.length }, (_, index) => ({ segment: text[index]!, index }));
  return Array.from(segmentGraphemes(text), ({ segment, index }) => ({ segment, index }));
}

const TAB = 0x09;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NEEDS_CORRECTION = /[\t\ud800-\udfff]/;

function measure(grapheme: string, ambiguousWidth: AmbiguousWidth): number {
  // string-width counts a tab as 0; the layout treats it as a one-cell space.
  if (grapheme === '\t') return 1;
  // A lone surrogate reaches the terminal as U+FFFD, which takes a cell; string-width says 0.
  if (LONE_SURROGATE.test(grapheme)) return 1;
  return stringWidth(grapheme, { ambiguousIsNarrow: ambiguousWidth === 1, countAnsiEscapeCodes: true });
}

// Per-grapheme memo: layout measures every grapheme of every paragraph, so a 1 MB paragraph must not
// call string-width a million times. Single code units use a flat table, longer clusters a map.
const UNKNOWN = 255;
const unitWidths = { 1: new Uint8Array(0x10000).fill(UNKNOWN), 2: new Uint8Array(0x10000).fill(UNKNOWN) };
const clusterWidths = { 1: new Map<string, number>(), 2: new Map<string, number>() };

/**
 * Cells taken by one UTF-16 code unit that is a grapheme on its own (the layout's fast path for
 * text without combining sequences).
 */
export function codeUnitWidth(code: number, ambiguousWidth: AmbiguousWidth = 1): number {
  const table = unitWidths[ambiguousWidth];
  let w = table[code]!;
  if (w === UNKNOWN) {
    w = measure(String.fromCharCode(code), ambiguousWidth);
    table[code] = w;
  }
  return w;
}

/** Cells taken by one grapheme cluster (memoised). Tab counts 1, control characters 0. */
export function graphemeWidth(grapheme: string, ambiguousWidth: AmbiguousWidth = 1): number {
  if (grapheme.length === 1) return codeUnitWidth(grapheme.charCodeAt(0), ambiguousWidth);
  const cache = clusterWidths[ambiguousWidth];
  let w = cache.get(grapheme);
  if (w === undefined) {
    w = measure(grapheme, ambiguousWidth);
    cache.set(grapheme, w);
  }
  return w;
}

/**
 * Display width in terminal cells: the sum of its graphemes' widths, so it always agrees with the
 * `width` the layout reports for a line.
 */
export function cellWidth(text: string, ambiguousWidth: AmbiguousWidth = 1): number {
  if (!NEEDS_CORRECTION.test(text)) {
    return stringWidth(text, { ambiguousIsNarrow: ambiguousWidth === 1, countAnsiEscapeCodes: true });
  }
  let sum = 0;
  for (const { segment } of segmentGraphemes(text)) sum += graphemeWidth(segment, ambiguousWidth);
  return sum;
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
