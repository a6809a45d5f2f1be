/**
 * Independent checks of every layout rule, applied to all lines of a result. Each returns a list of
 * human-readable violations (empty when the rule holds), so a failing case says which line broke
 * which rule. They re-derive everything from the text with Intl.Segmenter and graphemeWidth (per grapheme) and use
 * only the character sets from kinsoku.ts, not the layout's own classification.
 */
import { graphemeWidth } from '../../../src/core/layout/width.js';
import {
  CONNECTORS,
  GLUE,
  INSEPARABLE_GROUPS,
  KEPT_SPACES,
  LINE_END_PROHIBITED,
  LINE_START_PROHIBITED,
  WORD_JOINERS,
} from '../../../src/core/layout/kinsoku.js';
import type { LaidLine, LayoutOptions } from '../../../src/core/layout/linebreak.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export interface Grapheme {
  text: string;
  start: number;
  end: number;
}

export function splitGraphemes(text: string): Grapheme[] {
  return Array.from(segmenter.segment(text), ({ segment, index }) => ({
    text: segment,
    start: index,
    end: index + segment.length,
  }));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Cells of a string as a terminal shows it: the one width rule per grapheme, a tab as one space, and a
 * grapheme holding a lone surrogate as the one-cell U+FFFD the terminal receives instead.
 */
export function measure(text: string, ambiguousWidth: 1 | 2 = 1): number {
  let sum = 0;
  for (const g of splitGraphemes(text)) {
    if (g.text === '\t' || LONE_SURROGATE.test(g.text)) sum += 1;
    else sum += graphemeWidth(g.text, ambiguousWidth);
  }
  return sum;
}

const firstChar = (g: string): string => String.fromCodePoint(g.codePointAt(0)!);
const isBreakSpace = (g: string | undefined): boolean => g === ' ';
const isSpaceLike = (g: string | undefined): boolean => g !== undefined && (g === ' ' || KEPT_SPACES.has(g));
const startProhibited = (g: string): boolean => LINE_START_PROHIBITED.has(firstChar(g));
const endProhibited = (g: string): boolean => LINE_END_PROHIBITED.has(firstChar(g));
const sameInseparableGroup = (a: string, b: string): boolean =>
  a !== '' && b !== '' && INSEPARABLE_GROUPS.some((group) => group.includes(firstChar(a)) && group.includes(firstChar(b)));

/** Lines tile the text; each shows its slice minus only trailing ASCII spaces. */
export function checkReproduces(text: string, lines: LaidLine[]): string[] {
  const problems: string[] = [];
  if (lines.length === 0) return ['no lines at all'];
  if (lines[0]!.start !== 0) problems.push(`first line starts at ${lines[0]!.start}`);
  if (lines.at(-1)!.end !== text.length) problems.push(`last line ends at ${lines.at(-1)!.end}, text has ${text.length}`);
  lines.forEach((line, k) => {
    if (k > 0 && line.start !== lines[k - 1]!.end) problems.push(`line ${k} starts at ${line.start}, previous ended at ${lines[k - 1]!.end}`);
    const slice = text.slice(line.start, line.end);
    if (!slice.startsWith(line.text) || !/^ *$/.test(slice.slice(line.text.length))) {
      problems.push(`line ${k} shows ${JSON.stringify(line.text)} for slice ${JSON.stringify(slice)}`);
    }
  });
  return problems;
}

/** Every line boundary, and the end of every shown text, is a grapheme boundary. */
export function checkGraphemes(text: string, lines: LaidLine[]): string[] {
  const boundaries = new Set([0, ...splitGraphemes(text).map((g) => g.end)]);
  const problems: string[] = [];
  lines.forEach((line, k) => {
    for (const at of [line.start, line.end, line.start + line.text.length]) {
      if (!boundaries.has(at)) problems.push(`line ${k} cuts a grapheme at ${at}`);
    }
  });
  return problems;
}

/**
 * `width` is the measured width of the shown text and fits the room: `width - firstLineOffset` on
 * the first line, `width` after. The one exception is a single grapheme wider than the whole width.
 */
export function checkFits(text: string, width: number, options: LayoutOptions, lines: LaidLine[]): string[] {
  const amb = options.ambiguousWidth ?? 1;
  const full = Math.max(1, Math.floor(width));
  const problems: string[] = [];
  lines.forEach((line, k) => {
    const measured = measure(line.text, amb);
    if (measured !== line.width) problems.push(`line ${k} ${JSON.stringify(line.text)} reports width ${line.width}, measures ${measured}`);
    const room = k === 0 ? Math.max(0, full - (options.firstLineOffset ?? 0)) : full;
    if (measured <= room) return;
    const graphemes = splitGraphemes(line.text);
    const loneWide = graphemes.length === 1 && measured > full;
    if (!loneWide) problems.push(`line ${k} ${JSON.stringify(line.text)} is ${measured} cells, room ${room}`);
  });
  return problems;
}

/** Is a break before grapheme index `i` (in `gs`) legal for the kinsoku rules? */
function legalBreak(gs: Grapheme[], i: number, lineStartIndex: number): boolean {
  const next = gs[i]!.text;
  const prev = gs[i - 1]?.text;
  if (isBreakSpace(next)) return false;
  if (startProhibited(next)) return false;
  if (CONNECTORS.has(firstChar(next)) && !isSpaceLike(prev)) return false;
  if (prev !== undefined && sameInseparableGroup(prev, next)) return false;
  let j = i - 1;
  while (j >= lineStartIndex && isBreakSpace(gs[j]!.text)) j--;
  if (j >= lineStartIndex && endProhibited(gs[j]!.text)) return false;
  return true;
}

/**
 * No line starts with closing/pause punctuation or a connecting connector, none ends with an opening
 * mark, no `——`/`……` is split — unless the line offered no legal break at all (then width wins).
 */
export function checkKinsoku(text: string, options: LayoutOptions, lines: LaidLine[]): string[] {
  const gs = splitGraphemes(text);
  const indexAt = new Map(gs.map((g, i) => [g.start, i]));
  const problems: string[] = [];
  for (let k = 0; k + 1 < lines.length; k++) {
    const line = lines[k]!;
    const breakIndex = indexAt.get(lines[k + 1]!.start);
    const startIndex = indexAt.get(line.start) ?? gs.length;
    if (breakIndex === undefined) continue; // reported by checkGraphemes
    const violated = breakIndex > 0 && !legalBreak(gs, breakIndex, startIndex);
    if (!violated) continue;
    const alternatives: number[] = [];
    if (k === 0 && (options.firstLineOffset ?? 0) > 0 && !startProhibited(gs[0]!.text)) alternatives.push(0);
    for (let q = startIndex + 1; q < breakIndex; q++) if (legalBreak(gs, q, startIndex)) alternatives.push(q);
    if (alternatives.length > 0) {
      problems.push(
        `break after line ${k} ${JSON.stringify(line.text)} | ${JSON.stringify(lines[k + 1]!.text)} breaks a kinsoku rule, ` +
          `though graphemes ${alternatives.join(',')} were legal`,
      );
    }
  }
  return problems;
}

/** All rule checks at once. */
export function checkAll(text: string, width: number, options: LayoutOptions, lines: LaidLine[]): string[] {
  return [
    ...checkReproduces(text, lines),
    ...checkGraphemes(text, lines),
    ...checkFits(text, width, options, lines),
    ...checkKinsoku(text, options, lines),
  ];
}

/**
 * Latin words and numbers no wider than the line are not split. A word is a run of Latin, Greek or
 * Cyrillic letters and digits with the joiners of kinsoku.ts between and around them (`e-mail`, `22.05.2020`, `1,000.5`, `40%`). It
 * must stay on one line together with what kinsoku glues to it — opening marks before it, closing
 * or pause marks after it (across spaces too), the character a leading `.` or `-` sticks to, the
 * Chinese unit after a number, and the other half of a doubled mark (`——?40%`: the line may not start
 * with `?`, nor split `——`) — so the width compared with the line is that whole cluster's.
 * No-break spaces glue too. Meant for text without tabs, U+3000 or ASCII quotes, which glue further.
 */
export function checkWordsWhole(text: string, width: number, options: LayoutOptions, lines: LaidLine[]): string[] {
  const amb = options.ambiguousWidth ?? 1;
  const gs = splitGraphemes(text);
  const breaks = new Set(lines.slice(1).map((line) => line.start));
  const problems: string[] = [];
  // One letter per grapheme, so the word pattern works on grapheme indices: a letter, d digit,
  // j joiner, "," comma, x anything else.
  const shadow = gs
    .map(({ text: g }) => {
      const base = firstChar(g);
      if (/\p{Nd}/u.test(base)) return 'd';
      if (/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(base) && /\p{L}/u.test(base)) return 'a';
      if (WORD_JOINERS.has(base)) return 'j';
      return base === ',' ? ',' : 'x';
    })
    .join('');
  const word = /j*[ad]+(?:(?:j+|(?<=d),(?=ddd(?!d)))[ad]+)*j*/g;
  const at = (i: number): string => gs[i]?.text ?? '';
  const isSpace = (i: number): boolean => at(i) === ' ';
  const sticksLeft = (i: number): boolean =>
    startProhibited(at(i)) || (CONNECTORS.has(at(i)) && !isSpaceLike(at(i - 1)));
  const matches = [...shadow.matchAll(word)];
  // Words glued to a word through kinsoku join its cluster whole.
  const wordOf = new Int32Array(gs.length).fill(-1);
  matches.forEach((m, k) => wordOf.fill(k, m.index, m.index + m[0].length));
  for (const match of matches) {
    const first = match.index;
    const last = first + match[0].length - 1;
    const shown = text.slice(gs[first]!.start, gs[last]!.end);
    let from = first;
    let to = last + 1; // grapheme indices [from, to)
    for (let grown = true; grown; ) {
      grown = false;
      let back = from - 1;
      while (back >= 0 && isSpace(back)) back--;
      const pairedBack = back === from - 1 && (GLUE.has(at(back)) || sameInseparableGroup(at(back), at(from)));
      if (back >= 0 && (endProhibited(at(back)) || sticksLeft(from) || pairedBack)) {
        from = wordOf[back]! >= 0 ? matches[wordOf[back]!]!.index : back;
        grown = true;
      }
      let ahead = to;
      while (ahead < gs.length && isSpace(ahead)) ahead++;
      const digitUnit = ahead === to && shadow[to - 1] === 'd' && /\p{Script=Han}/u.test(firstChar(at(to) || ' '));
      const glued = ahead === to && (GLUE.has(at(to)) || GLUE.has(at(to - 1)) || sameInseparableGroup(at(to - 1), at(to)));
      if (ahead < gs.length && (sticksLeft(ahead) || digitUnit || glued)) {
        const other = wordOf[ahead]! >= 0 ? matches[wordOf[ahead]!]! : undefined;
        to = other ? other.index + other[0].length : ahead + 1;
        grown = true;
      }
    }
    const cluster = text.slice(gs[from]!.start, gs[to - 1]!.end);
    if (measure(cluster, amb) > Math.max(1, Math.floor(width))) continue;
    for (let k = first + 1; k <= last; k++) {
      if (breaks.has(gs[k]!.start)) problems.push(`word ${JSON.stringify(shown)} split before grapheme ${k}`);
    }
  }
  return problems;
}
