/*
Line breaking for Chinese text in a terminal
============================================

A paragraph is cut into lines no wider than the terminal, counted in cells: CJK characters and
full-width forms take 2, Latin letters 1, combining marks and controls 0, and the East Asian
Ambiguous characters (“ ” ‘ ’ … · —) 1 or 2 depending on the terminal (`ambiguousWidth`). Widths
come from width.ts (East Asian Width, clusters terminals disagree on at their widest), memoised per grapheme.

The unit is the grapheme cluster (UAX #29, via Intl.Segmenter): an emoji ZWJ family, a flag, a
letter with its accents or a character with its variation selector is never cut.

Where may a line break?
-----------------------
Chinese has no spaces, so by default a line may break between any two graphemes. Three families
of rules take opportunities away (the character sets are data in kinsoku.ts):

1. Kinsoku (禁则), from W3C clreq "Prohibition rules for line start and line end":
   - no line starts with closing or pause punctuation: 、，。：；！？ ” ’ ）」』》】 … and the ASCII
     , . : ; ! ? ) ] } %, plus interpuncts · ・, wave dashes 〜 ～, small kana and iteration marks;
   - no line ends with an opening mark: “ ‘ （「『《〈【 ( [ {  (spaces after it do not help:
     `（ 中` cannot break after the space either);
   - connector marks - – ／ do not start a line when they connect (no space before them);
   - doubled marks —— and …… (also ⋯⋯, ――) are never split.
   Runs are handled naturally because every position is judged on its own: in `。”` the position
   before ” is prohibited, so the full stop and the quote stay together, and so do `”“`, `）。`
   and `。」」`.
2. Words (from UAX #14's AL/NU/IS/PR/PO/QU/GL ideas, simplified): letters and digits of
   alphabetic scripts, with the joiners around them (`. : / - ? = @ ’ %` …, and `,` only as a
   thousands separator, since this text uses `,` as a Chinese comma), form one run that stays whole:
   FPGA, 5G, 22.05.2020, 1,000.5, e-mail, https://example.com/a-b?c=1. A number keeps the Chinese
   character right after it as its unit (12吋, 10亿元 keeps 10亿, 28家); a currency sign keeps its
   number ($5); ASCII quotes stick to their non-space neighbours.
3. Spaces: a line breaks after a run of ASCII spaces, never inside or before it. At a break the run
   hangs past the line end and is dropped from the shown text — the only thing ever dropped. At
   the end of the paragraph, trailing spaces are kept as far as they fit. Leading spaces are no
   exception: if nothing fits after them, they form a line that shows empty.
   U+3000 (ideographic space, usually an indent) is a visible two-cell character and is kept, with
   a break allowed after it but not before (so a line does not start with an indent-like gap unless
   forced). TAB is a one-cell space that is kept, same rule. NBSP (and U+202F, U+2007, WORD JOINER)
   never allow a break after them, nor before them unless a space precedes.

A word run only stays whole while it can: when the run itself is wider than the whole width, its
inner positions become ordinary opportunities and it is broken by graphemes as late as possible
(still obeying kinsoku, so a URL is not cut before `.` or `?`).

Every position between graphemes therefore gets one of four levels:
   A  FREE          a legal break
   B  IN_WORD       legal for kinsoku, but splits a word, number+unit or glued pair
   C  PROHIBITED    breaks a kinsoku rule
   -  NEVER         before an ASCII space (spaces hang instead)

The algorithm
-------------
Greedy, one line at a time, linear in the paragraph (each grapheme is measured and classified
once up front; a line scan looks at no more graphemes than fit in one line, a run of spaces
counting as one step):
   walk from the line start adding widths (spaces never overflow: they may hang) until the next
   grapheme would not fit, remembering the latest A and B positions seen; then break at
     the latest A                        (the normal case; "push out", clreq 推出: the characters
                                          before a prohibited one move down with it), else
     the latest B                        (a word wider than what is left of the line, but the
                                          kinsoku rules still hold), else
     the overflow point                  (width wins: a grapheme break at the width).
   A grapheme wider than the whole width (a CJK character at width 1) is put on a line of its own:
   the one exception to "every line fits", since nothing can be dropped.
   `firstLineOffset` narrows only the first line. If nothing legal fits there (the offset leaves
   less room than the first word or character needs), the first line is EMPTY (start = end = 0)
   and the text starts on the second line, at full width, rather than being forced apart.

Worked examples (width in cells; each line shown between bars)
   中文中文。中文          width 8   |中文中|文。中文|
     中文中文 fills the line, but 。 may not start the next one: the latest free position is
     before the second 文, which moves down with the full stop (push out).
   他说：“好。”然后        width 10  |他说：|“好。”然后|
     The opening quote may not end a line, 。 and ” may not start one, so the quote travels with
     the words it opens.
   重庆日报:推动电子信息   width 8   |重庆日|报:推动|电子信息|
     The ASCII colon is treated like ：.
   工厂28家,有效提高       width 8   |工厂|28家,有|效|   and width 10  |工厂28家,|有效提高|
     28家 is a number with its unit, and the comma stays behind it.
   英特尔FPGA创新中心      width 8   |英特尔|FPGA创新|中心|
   甲乙——丙                width 5   |甲乙|——丙|      (—— is never split)
   见https://example.com/abcdefghij   width 10
                                     |见https://|example.co|m/abcdefgh|ij|
     The URL is wider than the line, so it is cut as late as possible — but never before `:` or `/`.
   “““““                   width 3   |“““|““|        no legal break at all: width wins.
*/
import { Flag, charFlags } from './kinsoku.js';
import { codeUnitWidth, graphemeWidth, segmentGraphemes, type AmbiguousWidth } from './width.js';

export interface LayoutOptions {
  /** Cells for East Asian Ambiguous characters (“ ” ‘ ’ … · —). @default 1 */
  ambiguousWidth?: 1 | 2;
  /** Cells already taken on the first line (a speaker label, an indent). @default 0 */
  firstLineOffset?: number;
}

/** One terminal line of a paragraph. */
export interface LaidLine {
  /** What is shown; a space at the break may be dropped from it. */
  text: string;
  /** [start, end) of the line in the paragraph text, UTF-16 code units; dropped spaces fall inside. */
  start: number;
  end: number;
  /** Display width in cells (with the options' ambiguous width). */
  width: number;
}

const FREE = 0;
const IN_WORD = 1;
const PROHIBITED = 2;
const NEVER = 3;

/** The paragraph as graphemes: offsets, widths, flags (parallel typed arrays, no per-grapheme objects). */
interface Units {
  count: number;
  /**
   * start[i] = offset of grapheme i; start[count] = text.length. Undefined for simple text, where every
   * code unit is a grapheme and the offset is the index (4 bytes a character saved on a huge paragraph).
   */
  start: Int32Array | undefined;
  /** Cells per grapheme: 0, 1 or 2 (width.ts never measures more), a byte each for long paragraphs. */
  width: Uint8Array;
  flags: Uint16Array;
}

/**
 * The working arrays of one paragraph's layout, reused by the next: a novel is ~150,000 paragraphs,
 * and eight typed arrays made for each were most of the time its layout took. Views of the length
 * asked for; a paragraph longer than {@link SCRATCH_UNITS} gets arrays of its own, let go after.
 */
class Scratch {
  width = new Uint8Array(0);
  flags = new Uint16Array(0);
  start = new Int32Array(0);
  level = new Uint8Array(0);
  bound = new Uint8Array(0);
  runEnd = new Int32Array(0);
  solidEnd = new Int32Array(0);
  cum = new Int32Array(0);

  /** Room for `n` units (and the one past the end each array may need). */
  fit(n: number): this {
    if (this.cum.length > n) return this;
    const size = n + 1;
    this.width = new Uint8Array(size);
    this.flags = new Uint16Array(size);
    // Grapheme offsets only for text that is not one unit a grapheme (see `analyse`).
    this.start = new Int32Array(0);
    this.level = new Uint8Array(size);
    this.bound = new Uint8Array(size);
    this.runEnd = new Int32Array(size);
    this.solidEnd = new Int32Array(size);
    this.cum = new Int32Array(size);
    return this;
  }
}

const SCRATCH_UNITS = 1 << 16;
const shared = new Scratch();

/** Working arrays for a paragraph of `n` code units (see {@link Scratch}). */
function scratchFor(n: number): Scratch {
  if (n > SCRATCH_UNITS) return new Scratch().fit(n);
  return shared.cum.length > n ? shared : shared.fit(Math.min(SCRATCH_UNITS, Math.max(n, 2 * shared.cum.length)));
}

/**
 * True for a code unit that is always a grapheme on its own (no combining, joining, surrogate or
 * Hangul-jamo behaviour): printable ASCII, tab, Latin-1 and Latin Extended, general punctuation,
 * CJK punctuation, kana, CJK ideographs, Hangul syllables and full-width forms. Text made only of
 * these needs no segmenter.
 */
function isSimpleUnit(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x09 ||
    (c >= 0xa0 && c <= 0x2ff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205f) ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0x3030 && c <= 0x3098) ||
    (c >= 0x309b && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xff01 && c <= 0xff9d)
  );
}

function analyse(text: string, ambiguousWidth: AmbiguousWidth, scratch: Scratch): Units {
  const n = text.length;
  let simple = true;
  for (let i = 0; i < n; i++) {
    if (!isSimpleUnit(text.charCodeAt(i))) {
      simple = false;
      break;
    }
  }
  if (simple) {
    const width = scratch.width.subarray(0, n);
    const flags = scratch.flags.subarray(0, n);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      width[i] = codeUnitWidth(c, ambiguousWidth);
      flags[i] = charFlags(c);
    }
    return { count: n, start: undefined, width, flags };
  }
  if (scratch.start.length < n + 1) scratch.start = new Int32Array(scratch.cum.length);
  const start = scratch.start.subarray(0, n + 1);
  const allWidth = scratch.width;
  const allFlags = scratch.flags;
  let count = 0;
  for (const { segment, index } of segmentGraphemes(text)) {
    start[count] = index;
    allWidth[count] = graphemeWidth(segment, ambiguousWidth);
    const f = charFlags(segment.codePointAt(0)!);
    // A space carrying a combining mark is a visible character, not a droppable break space.
    allFlags[count] = segment.length > 1 ? f & ~Flag.Space : f;
    count++;
  }
  start[count] = n;
  return { count, start, width: allWidth.subarray(0, count), flags: allFlags.subarray(0, count) };
}

const WORDISH = Flag.Word | Flag.Joiner;
const SPACELIKE = Flag.Space | Flag.KeptSpace;

/** A comma between a digit and exactly three digits (`1,000`), not the comma of `40%,2020`. */
function isThousandsSeparator(flags: Uint16Array, i: number): boolean {
  const digit = (k: number): boolean => k >= 0 && k < flags.length && (flags[k]! & Flag.Digit) !== 0;
  return digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
}

/**
 * Level of every position p (a break before grapheme p), for 1 <= p < count. `width` is the full
 * line width: a word run wider than it loses its protection.
 */
function classify(units: Units, width: number, scratch: Scratch): Uint8Array {
  const { count, flags, width: cells } = units;
  const level = scratch.level.subarray(0, count + 1).fill(FREE);
  const bound = scratch.bound.subarray(0, count + 1).fill(0);

  // Word runs: maximal runs of letters/digits/joiners that contain a letter or digit.
  let runStart = -1;
  let hasWord = false;
  for (let i = 0; i <= count; i++) {
    const f = i < count ? flags[i]! : 0;
    if (f & WORDISH || (f & Flag.Thousands && isThousandsSeparator(flags, i))) {
      if (runStart < 0) {
        runStart = i;
        hasWord = false;
      }
      if (f & Flag.Word) hasWord = true;
      continue;
    }
    if (runStart >= 0 && hasWord) for (let p = runStart + 1; p < i; p++) bound[p] = 1;
    runStart = -1;
  }

  for (let p = 1; p < count; p++) {
    const before = flags[p - 1]!;
    const after = flags[p]!;
    if (
      (before & Flag.Digit && after & Flag.Han) ||
      (before & Flag.Prefix && after & Flag.Digit) ||
      before & Flag.Glue ||
      after & Flag.KeptSpace ||
      (after & Flag.Glue && !(before & SPACELIKE)) ||
      (before & Flag.Quote && !(after & SPACELIKE)) ||
      (after & Flag.Quote && !(before & SPACELIKE))
    ) {
      bound[p] = 1;
    }
  }

  // A bound run wider than the whole line cannot stay whole: open it up.
  let chainStart = 0;
  let chainWidth = cells[0] ?? 0;
  for (let p = 1; p <= count; p++) {
    if (p < count && bound[p]) {
      chainWidth += cells[p]!;
      continue;
    }
    if (chainWidth > width) for (let q = chainStart + 1; q < p; q++) bound[q] = 0;
    chainStart = p;
    chainWidth = p < count ? cells[p]! : 0;
  }

  let lastSolid = -1; // last grapheme before p that is not an ASCII space: it would end the line
  for (let p = 1; p < count; p++) {
    const before = flags[p - 1]!;
    if (!(before & Flag.Space)) lastSolid = p - 1;
    const after = flags[p]!;
    if (after & Flag.Space) {
      level[p] = NEVER;
    } else if (
      after & Flag.NoStart ||
      (after & Flag.Connector && !(before & SPACELIKE)) ||
      (lastSolid >= 0 && flags[lastSolid]! & Flag.NoEnd) ||
      (before & after & (Flag.Dash | Flag.Dots))
    ) {
      level[p] = PROHIBITED;
    } else {
      level[p] = bound[p] ? IN_WORD : FREE;
    }
  }
  return level;
}

/**
 * Breaks one paragraph into terminal lines following the rules above.
 *
 * Guarantees: the lines tile the text (`lines[0].start === 0`, each `end` is the next `start`, the
 * last `end` is `text.length`); each line's `text` is `text.slice(start, end)` minus trailing ASCII
 * spaces that were dropped at the break; no grapheme is split; every line fits in `width` cells
 * (the first in `width - firstLineOffset`), except a lone grapheme wider than `width`. Empty text
 * gives one empty line; a width below 1 counts as 1. Never throws.
 */
export function layoutText(text: string, width: number, options: LayoutOptions = {}): LaidLine[] {
  return layoutFrom(text, 0, width, options);
}

/**
 * {@link layoutText}'s lines of `text` from `begin` on, which must be where a line starts: the text
 * before it is read only for the rules that look back (how wide the word run it cuts is, a mark that may
 * not end a line before a run of spaces), as a window of a longer paragraph needs.
 */
function layoutFrom(text: string, begin: number, width: number, options: LayoutOptions): LaidLine[] {
  const full = Number.isNaN(width) ? 1 : Math.max(1, Math.floor(width));
  const rawOffset = options.firstLineOffset ?? 0;
  const offset = Number.isFinite(rawOffset) ? Math.max(0, Math.floor(rawOffset)) : 0;
  const ambiguousWidth: AmbiguousWidth = options.ambiguousWidth === 2 ? 2 : 1;

  if (text.length === 0) return [{ text: '', start: 0, end: 0, width: 0 }];

  const scratch = scratchFor(text.length);
  const units = analyse(text, ambiguousWidth, scratch);
  const { count, start: at, width: cells, flags } = units;
  const level = classify(units, full, scratch);

  // Spaces are skipped a run at a time and trimmed by lookup, so a huge run of spaces is walked
  // once, not once per line.
  const runEnd = scratch.runEnd; // for a space at i: the index after its run (set for spaces only)
  const solidEnd = scratch.solidEnd; // for a position p: the index after the last non-space before p
  // Cells of graphemes [0, i): at most 2 × 64 Mi, so 32 bits hold them (half of a Float64Array's memory).
  const cum = scratch.cum;
  cum[0] = 0;
  solidEnd[0] = 0;
  for (let i = count - 1; i >= 0; i--) {
    if (flags[i]! & Flag.Space) runEnd[i] = i + 1 < count && flags[i + 1]! & Flag.Space ? runEnd[i + 1]! : i + 1;
  }
  for (let i = 0; i < count; i++) {
    cum[i + 1] = cum[i]! + cells[i]!;
    solidEnd[i + 1] = flags[i]! & Flag.Space ? solidEnd[i]! : i + 1;
  }

  const lines: LaidLine[] = [];
  const push = (from: number, to: number, shownTo: number, w: number): void => {
    const begin = at ? at[from]! : from;
    lines.push({ text: text.slice(begin, at ? at[shownTo]! : shownTo), start: begin, end: at ? at[to]! : to, width: w });
  };

  let lineStart = at ? firstAtOrAfter(at, count, begin) : begin;
  let first = true;
  for (;;) {
    const room = first ? full - offset : full;
    let bestFree = -1;
    let bestInWord = -1;
    // With an offset, breaking before the first grapheme (an empty first line) is a legal choice.
    if (first && offset > 0 && !(flags[0]! & Flag.NoStart)) bestFree = 0;

    let used = 0; // cells of [lineStart, i), hanging spaces included
    let i = lineStart;
    while (i < count) {
      if (i > lineStart) {
        const lv = level[i]!;
        if (lv === FREE) bestFree = i;
        else if (lv === IN_WORD) bestInWord = i;
      }
      if (flags[i]! & Flag.Space) {
        const next = runEnd[i]!;
        used += cum[next]! - cum[i]!;
        i = next;
        continue;
      }
      const w = cells[i]!;
      if (used + w > room) break;
      used += w;
      i++;
    }

    // Cells of [lineStart, p) without the spaces that hang at its end.
    const shown = (p: number): number => Math.max(lineStart, solidEnd[p]!);
    const cellsTo = (p: number): number => cum[shown(p)]! - cum[lineStart]!;

    if (i >= count) {
      // Last line: trailing spaces are kept as far as they fit, the rest hang.
      let keepTo = shown(count);
      while (keepTo < count && cum[keepTo + 1]! - cum[lineStart]! <= room) keepTo++;
      push(lineStart, count, keepTo, cum[keepTo]! - cum[lineStart]!);
      return lines;
    }

    let p: number;
    if (bestFree >= 0) p = bestFree;
    else if (bestInWord >= 0) p = bestInWord;
    else if (i > lineStart || (first && offset > 0)) p = i;
    else {
      // A grapheme wider than the whole line: alone on its line, with any spaces after it hanging.
      const after = i + 1;
      p = after < count && flags[after]! & Flag.Space ? runEnd[after]! : after;
      push(lineStart, p, after, cells[i]!);
      lineStart = p;
      first = false;
      if (p >= count) return lines;
      continue;
    }
    push(lineStart, p, shown(p), cellsTo(p));
    lineStart = p;
    first = false;
  }
}

/** The index of the first of `at[0..count]` (ascending) at or after `value`. */
function firstAtOrAfter(at: Int32Array, count: number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (at[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A paragraph longer than twice this (UTF-16 code units) is laid out a window at a time by {@link eachWindow}. */
export const LINE_WINDOW = 1 << 18;

/** One window of {@link eachWindow}: enough to lay its lines out again with {@link windowLines}. */
export interface LineWindow {
  /** Its first kept line starts at `from`; the text laid out was [from, to), read from `context` on. */
  readonly from: number;
  readonly to: number;
  readonly context: number;
  /** Laid out with the options' first-line offset (the first window); the others at full width. */
  readonly first: boolean;
  /** How many of its lines were kept: the rest are laid out again by the next window. */
  readonly kept: number;
}

/**
 * {@link layoutText}'s lines a window at a time, for a paragraph of any length in the memory of a
 * window: laying out a 64 MiB line whole takes about 17 bytes a character. A long paragraph is laid
 * out `size` code units at a time from the start of a line; of each window's lines only those ending
 * well before the window's end are kept (the margin is far more than a line's breaking looks ahead: a
 * line, a word run, a run of spaces), and the next window starts where they stop, at full width. A
 * paragraph up to twice `size` is one window, laid out whole exactly as layoutText does. Each window
 * comes with its kept lines (offsets in the whole paragraph).
 */
export function* eachWindow(text: string, width: number, options: LayoutOptions = {}, size = LINE_WINDOW): Generator<[LineWindow, LaidLine[]]> {
  if (text.length <= 2 * size) {
    const lines = layoutText(text, width, options);
    yield [{ from: 0, to: text.length, context: 0, first: true, kept: lines.length }, lines];
    return;
  }
  const full = Number.isNaN(width) ? 1 : Math.max(1, Math.floor(width));
  const margin = Math.max(4096, 64 * full);
  let from = 0;
  let first = true;
  let span = size;
  while (from < text.length) {
    const to = Math.min(text.length, from + span);
    const context = contextStart(text, from, margin);
    const lines = layoutFrom(text.slice(context, to), from - context, width, first ? options : { ...options, firstLineOffset: 0 });
    let kept = lines.length;
    if (to < text.length) {
      kept = 0;
      while (kept < lines.length && lines[kept]!.end <= to - context - margin) kept++;
    }
    // Not one line ends early enough (a run wider than the window): a wider window.
    if (kept === 0) {
      span *= 2;
      continue;
    }
    lines.length = kept;
    const next = context + lines[kept - 1]!.end;
    yield [{ from, to, context, first, kept }, shifted(lines, context)];
    from = next;
    first = false;
    span = size;
  }
}

/**
 * Where the text read before a window starts: `margin` units before the window (a word run cut there is
 * still wider than any line), moved back to a unit that is a grapheme of its own, so that the window's
 * graphemes are the paragraph's (a pair of regional indicators is not split). None found: the window alone.
 */
function contextStart(text: string, from: number, margin: number): number {
  if (from <= margin) return 0;
  for (let i = from - margin; i >= from - 2 * margin && i > 0; i--) if (isSimpleUnit(text.charCodeAt(i))) return i;
  return from - 2 * margin <= 0 ? 0 : from;
}

/** The kept lines of a window of {@link eachWindow} laid out again, as they came then. */
export function windowLines(text: string, width: number, options: LayoutOptions, window: LineWindow): LaidLine[] {
  const lines = layoutFrom(text.slice(window.context, window.to), window.from - window.context, width, window.first ? options : { ...options, firstLineOffset: 0 });
  lines.length = Math.min(lines.length, window.kept);
  return shifted(lines, window.context);
}

/** Lines of a window, their offsets moved from the window's to the paragraph's. */
function shifted(lines: LaidLine[], from: number): LaidLine[] {
  if (from !== 0) {
    for (const line of lines) {
      line.start += from;
      line.end += from;
    }
  }
  return lines;
}

/** {@link layoutText}'s lines one at a time, a window at a time (see {@link eachWindow}). */
export function* eachLine(text: string, width: number, options: LayoutOptions = {}): Generator<LaidLine> {
  for (const [, lines] of eachWindow(text, width, options)) yield* lines;
}
