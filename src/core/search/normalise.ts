import { sanitizeText } from '../document/sanitize.js';
import { foldUnit } from './script.js';
import type { Range } from './types.js';

/**
 * Text folded for matching, with the way back to the original string.
 *
 * Folding: full-width ASCII (ＦＰＧＡ，５Ｇ) to ASCII, letters to lower case, compatibility forms by NFKC
 * (① → 1, ﬁ → fi, … → ...), every kind of space to one ASCII space with runs collapsed, control
 * characters to spaces, zero-width characters dropped, lone surrogates to U+FFFD. Chinese characters,
 * CJK punctuation (、。《》) and curly quotes pass through: a straight quote typed by the user is literal
 * text and does not stand for “ or ”. Traditional characters fold to simplified ones (script.ts), one
 * unit for one unit. Most folds are one unit for one unit,
 * so for most paragraphs the map is the identity and is not stored at all.
 */
export interface Normalised {
  text: string;
  /**
   * For each code unit of `text`, where the character it came from starts and ends in the original
   * string. `null` when the fold kept every code unit in place (the identity map).
   */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

const SPACE = 0x20;
const REPLACEMENT = 0xfffd;
const foldCache = new Map<number, string>();
/** Code units as a string, as they are (a byte-order mark too). */
const UNITS = new TextDecoder('utf-16le', { ignoreBOM: true });
/**
 * The folded units of the call under way (see `normalise`), kept for the next call up to
 * {@link SCRATCH_MAX} units: a text of one huge paragraph is folded in a buffer of its own, let go after.
 */
let scratch = new Uint16Array(1024);
const SCRATCH_MAX = 1 << 16;

/** A buffer for folding `length` units: the shared one, grown to hold them, or one of its own. */
function bufferFor(length: number): Uint16Array<ArrayBuffer> {
  if (length > SCRATCH_MAX) return new Uint16Array(length);
  if (scratch.length < length) scratch = new Uint16Array(Math.min(SCRATCH_MAX, Math.max(length, 2 * scratch.length)));
  return scratch;
}

/** Folds one code point outside the fast paths; cached because the same few characters recur. */
function foldSlow(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    const char = String.fromCodePoint(codePoint);
    if (/\s/u.test(char)) folded = ' ';
    else if (/^[\u00ad\u200b\u2060\ufeff]$/u.test(char)) folded = '';
    else folded = char.normalize('NFKC').toLowerCase();
    foldCache.set(codePoint, folded);
  }
  return folded;
}

/** What the unit `c` (after `previous`) folds to when it folds to one unit in its place, else -1. */
function foldInPlace(c: number, previous: number, script: boolean): number {
  if (c >= 0x4e00 && c <= 0x9fff) return script ? foldUnit(c) : c;
  if ((c >= 0x3001 && c <= 0x303f) || (c >= 0x61 && c <= 0x7a) || (c >= 0x21 && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if (c >= 0xff01 && c <= 0xff5e) {
    const ascii = c - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  // A space after a space collapses; after anything else that folds to one, the full pass sees it.
  if (c === 0x20 && previous !== 0x20) return c;
  return -1;
}

/**
 * The fold of `text` when every code unit folds to one unit in its place (Chinese characters, CJK
 * punctuation, ASCII, full-width forms, single spaces: a novel's paragraphs with their full-width
 * commas): the text itself when nothing changes (nothing allocated: a whole book on one line is read
 * once), else made from the shared buffer by one decoder call; undefined for a text that needs the full pass.
 */
function foldedInPlace(text: string, script: boolean): string | undefined {
  const length = text.length;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const folded = foldInPlace(c, text.charCodeAt(i - 1), script);
    if (folded < 0) return undefined;
    if (folded !== c) break;
  }
  if (i === length) return text;
  const out = bufferFor(length);
  for (let k = 0; k < i; k++) out[k] = text.charCodeAt(k);
  for (; i < length; i++) {
    const folded = foldInPlace(text.charCodeAt(i), text.charCodeAt(i - 1), script);
    if (folded < 0) return undefined;
    out[i] = folded;
  }
  return UNITS.decode(out.subarray(0, length));
}

/**
 * Folds `text` for matching and records where each folded code unit came from.
 * Runs in one pass; callers fold whole paragraphs once and queries once per search.
 */
export function normalise(text: string, { script = true }: { script?: boolean } = {}): Normalised {
  // Most paragraphs fold to themselves, or unit for unit: no map (a million one-line paragraphs made
  // ~100 MB of garbage here), and no string made for one that folds to itself.
  const length = text.length;
  const simple = foldedInPlace(text, script);
  if (simple !== undefined) return { text: simple, starts: null, ends: null };
  // One buffer for every call (its units become a string before the next): a paragraph's own was
  // garbage a paragraph.
  let out = bufferFor(length + 16);
  const fold = script ? foldUnit : (unit: number): number => unit;
  let size = 0;
  let starts: Int32Array | null = null;
  let ends: Int32Array | null = null;

  // Leaves identity mode: from here on every emitted unit records its source explicitly (sized for this
  // text, not for the shared buffer, which a longer one may have grown).
  const materialise = (): void => {
    starts = new Int32Array(Math.max(length, size) + 16);
    ends = new Int32Array(starts.length);
    for (let j = 0; j < size; j++) {
      starts[j] = j;
      ends[j] = j + 1;
    }
  };
  const grow = (): void => {
    const bigger = new Uint16Array(out.length * 2);
    bigger.set(out);
    out = bigger;
  };
  const growMap = (): void => {
    const s = new Int32Array(starts!.length * 2);
    const e = new Int32Array(s.length);
    s.set(starts!);
    e.set(ends!);
    starts = s;
    ends = e;
  };
  const emit = (unit: number, from: number, to: number): void => {
    if (unit === SPACE && size > 0 && out[size - 1] === SPACE) {
      // A collapsed space: the previous space now stands for this one too.
      if (!starts) materialise();
      ends![size - 1] = to;
      return;
    }
    if (size === out.length) grow();
    if (!starts && (from !== size || to !== from + 1)) materialise();
    out[size] = unit;
    if (starts && ends) {
      if (size === (starts as Int32Array).length) growMap();
      starts![size] = from;
      ends![size] = to;
    }
    size++;
  };

  for (let i = 0; i < length; ) {
    const c = text.charCodeAt(i);
    // Fast paths first: the bulk of a Chinese text is CJK ideographs, ASCII and CJK punctuation.
    if (c >= 0x4e00 && c <= 0x9fff) {
      emit(fold(c), i, i + 1);
      i++;
    } else if ((c >= 0x3001 && c <= 0x303f) || (c >= 0x61 && c <= 0x7a) || (c >= 0x21 && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e)) {
      emit(c, i, i + 1);
      i++;
    } else if (c >= 0x41 && c <= 0x5a) {
      emit(c + 32, i, i + 1);
      i++;
    } else if (c >= 0xff01 && c <= 0xff5e) {
      const ascii = c - 0xfee0;
      emit(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii, i, i + 1);
      i++;
    } else if (c <= 0x20 || c === 0x7f || c === 0x3000) {
      emit(SPACE, i, i + 1);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const codePoint = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        // CJK extension planes pass through; other astral characters (math letters, emoji) are folded.
        const folded = codePoint >= 0x20000 && codePoint <= 0x3ffff ? null : foldSlow(codePoint);
        if (folded === null || folded === text.slice(i, i + 2)) {
          emit(c, i, i + 1);
          emit(next, i + 1, i + 2);
        } else {
          for (let k = 0; k < folded.length; k++) emit(folded.charCodeAt(k), i, i + 2);
        }
        i += 2;
      } else {
        emit(REPLACEMENT, i, i + 1);
        i++;
      }
    } else {
      const folded = foldSlow(c);
      for (let k = 0; k < folded.length; k++) emit(fold(folded.charCodeAt(k)), i, i + 1);
      if (folded.length === 0 && !starts) materialise();
      i++;
    }
  }
  if (!starts && size !== length) materialise();

  // One decoder call (the units are well formed: lone surrogates became U+FFFD above); a plain array of
  // them for String.fromCharCode made the folding of a novel ~10 times slower.
  const folded = UNITS.decode(out.subarray(0, size));
  if (out.length > scratch.length && out.length <= SCRATCH_MAX) scratch = out;
  const finalStarts = starts as Int32Array | null;
  const finalEnds = ends as Int32Array | null;
  return {
    text: folded,
    starts: finalStarts ? finalStarts.slice(0, size) : null,
    ends: finalEnds ? finalEnds.slice(0, size) : null,
  };
}

/** Maps `[start, end)` in the folded text back to the original string. */
export function toOriginal(normalised: Normalised, start: number, end: number): Range {
  const { starts, ends } = normalised;
  if (!starts || !ends) return [start, end];
  if (end <= start) {
    const at = start < starts.length ? starts[start]! : ends.length > 0 ? ends[ends.length - 1]! : 0;
    return [at, at];
  }
  return [starts[start]!, ends[end - 1]!];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Cleans a query as the text was cleaned when it was read (sanitize.ts: bidi controls and invisible
 * characters removed, controls shown as their pictures, so `\u202e电子` is 电子), folds it the same way as
 * the text except for the script (the caller folds that, after the traditional converters have read
 * the term as typed), and splits it into terms on any kind of space (ASCII, the IME's full-width 　,
 * tabs). Lone surrogates count as spaces: they cannot match anything.
 */
export function queryTerms(query: string): string[] {
  const folded = normalise(sanitizeText(query.replace(LONE_SURROGATE, ' ')), { script: false }).text;
  return folded.split(' ').filter((term) => term.length > 0);
}
