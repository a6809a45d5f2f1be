import { initials, syllables } from './syllables.js';
import type { Range } from './types.js';

/** The reading of one folded paragraph: a syllable id per code unit (see syllables.ts). */
export interface ParagraphPinyin {
  /** The folded text it reads. */
  text: string;
  ids: Uint16Array;
  /** ICU's dictionary segmentation into words, made the first time initials match. */
  words?: Intl.Segments;
  /** Per code unit (and the end): 0 not known yet, WORD_START or INSIDE_WORD. */
  wordStarts?: Uint8Array;
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

// How a syllable fits the letters at some offset.
const NO = 1;
const FITS = 2; // whole, and letters remain
const ENDS = 3; // whole, and it uses the last letter
const BEGUN = 4; // the remaining letters only begin it
/**
 * Bits of `Matcher.start`, by syllable id: a full match may start with the syllable (it is the whole
 * match, complete or only begun, or more syllables must follow), or its initial is the first letter and
 * every letter is some syllable's initial.
 */
export const START_WHOLE = 1;
export const START_BEGUN = 2;
export const START_MORE = 4;
export const START_FULL = START_WHOLE | START_BEGUN | START_MORE;
export const START_INITIAL = 8;

/**
 * A term ready to be matched against syllable ids. A full match starts on a syllable, takes whole
 * syllables that spell the letters, and ends on a syllable's end (penalty 0) or inside the last one
 * (penalty 1, so that results keep up while `jichengd…` is typed); every break the user typed falls
 * between syllables. Which syllables fit at which offset is worked out once per syllable and offset.
 */
export class Matcher {
  readonly length: number;
  private readonly codes: Uint8Array;
  private readonly breakAt: Uint8Array;
  private capacity = 0;
  /** Per offset and syllable id: 0 not known yet, else NO, FITS, ENDS or BEGUN. */
  private fits = new Uint8Array(0);
  /** Per syllable id: START_* bits. */
  private startBits = new Uint8Array(0);

  constructor(readonly term: PinyinTerm) {
    const { letters, breaks } = term;
    this.length = letters.length;
    this.codes = Uint8Array.from(letters, (char) => char.charCodeAt(0));
    this.breakAt = new Uint8Array(letters.length + 1);
    for (const at of breaks) this.breakAt[at] = 1;
  }

  /** How each syllable id may start a match (START_* bits), indexed by id. */
  start(): Uint8Array {
    if (this.capacity < syllables.length) this.grow();
    return this.startBits;
  }

  private grow(): void {
    this.capacity = syllables.length + 64;
    this.fits = new Uint8Array((this.length + 1) * this.capacity);
    this.startBits = new Uint8Array(this.capacity);
    const known = new Set(initials.subarray(1, syllables.length));
    const spellable = this.codes.every((code) => known.has(code));
    const whole: Record<number, number> = { [NO]: 0, [FITS]: START_MORE, [ENDS]: START_WHOLE, [BEGUN]: START_BEGUN };
    for (let id = 1; id < syllables.length; id++) {
      this.startBits[id] = whole[this.fit(0, id)]! | (spellable && initials[id] === this.codes[0] ? START_INITIAL : 0);
    }
  }

  private fit(offset: number, id: number): number {
    if (id >= this.capacity) this.grow();
    const slot = offset * this.capacity + id;
    let fit = this.fits[slot]!;
    if (fit === 0) {
      fit = NO;
      const syllable = syllables[id]!;
      const { letters } = this.term;
      const end = offset + syllable.length;
      if (end <= this.length) {
        if (letters.startsWith(syllable, offset) && !this.breaksInside(offset, end)) fit = end === this.length ? ENDS : FITS;
      } else if (syllable.startsWith(letters.slice(offset)) && !this.breaksInside(offset, this.length)) {
        fit = BEGUN;
      }
      this.fits[slot] = fit;
    }
    return fit;
  }

  private breaksInside(from: number, to: number): boolean {
    for (let at = from + 1; at < to; at++) if (this.breakAt[at]) return true;
    return false;
  }

  /**
   * A full match starting at `ids[i]`: its length in syllables times 2, plus 1 if it ends inside the
   * last one; -1 for none. A barrier (0, also between paragraphs) ends any match.
   */
  fullAt(ids: Uint16Array, i: number): number {
    let offset = 0;
    for (let t = i; t < ids.length; t++) {
      const id = ids[t]!;
      if (id === 0) return -1;
      const fit = this.fit(offset, id);
      if (fit === NO) return -1;
      if (fit === ENDS) return (t - i + 1) * 2;
      if (fit === BEGUN) return (t - i + 1) * 2 + 1;
      offset += syllables[id]!.length;
    }
    return -1;
  }

  /** Whether the letters are the initials of the syllables from `ids[i]` on. */
  initialsAt(ids: Uint16Array, i: number): boolean {
    if (i + this.length > ids.length) return false;
    for (let k = 0; k < this.length; k++) {
      const id = ids[i + k]!;
      if (id === 0 || initials[id] !== this.codes[k]) return false;
    }
    return true;
  }
}

const matchers = new WeakMap<PinyinTerm, Matcher>();

/** The matcher of `term`, made once per term. */
export function matcherOf(term: PinyinTerm): Matcher {
  let matcher = matchers.get(term);
  if (!matcher) matchers.set(term, (matcher = new Matcher(term)));
  return matcher;
}

/**
 * ICU's word segmenter, made on first need: making it reads ICU's break rules and locale data into
 * memory (~3 MB resident), which a search in Chinese characters never needs.
 */
let segmenter: Intl.Segmenter | undefined;

function words(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
}

/**
 * Makes ICU load its word dictionary now (a few tens of milliseconds, once per process) rather than
 * in the middle of the first search that checks initials.
 */
export function loadWordDictionary(): void {
  words().segment('重庆日报').containing(0);
}
const WORD_START = 1;
const INSIDE_WORD = 2;

/**
 * Whether a word starts at code unit `at` of the paragraph (or `at` is its end). ICU segments only
 * around the units asked about (`containing`), which on a long paragraph is several times cheaper than
 * segmenting all of it, and every answer marks a whole word, remembered for the next keystroke.
 */
function startsWord(py: ParagraphPinyin, at: number): boolean {
  const { text } = py;
  if (at >= text.length) return true;
  const known = (py.wordStarts ??= new Uint8Array(text.length + 1));
  if (known[at] === 0) {
    const word = (py.words ??= words().segment(text)).containing(at)!;
    const end = word.index + word.segment.length;
    known[word.index] = WORD_START;
    for (let unit = word.index + 1; unit < end; unit++) known[unit] = INSIDE_WORD;
    if (end < text.length) known[end] = WORD_START;
  }
  return known[at] === WORD_START;
}

/**
 * Matches full pinyin (`jichengdianlu`, `jicheng'dianlu`) on syllable boundaries (see Matcher). When no
 * full match exists, initials (`jcdl`) match one letter per consecutive character (penalty 2), and only
 * whole words: random letters hit some run of initials in any long text (xyz → 现有智 in 现有智能), but
 * rarely a run that starts and ends where words do (集成|电路, 重庆). `checkWords: false` skips that
 * check (word segmentation is the costly part) and over-reports initials.
 */
export function matchPinyin(py: ParagraphPinyin, term: PinyinTerm, checkWords = true): PinyinMatch | null {
  const matcher = matcherOf(term);
  const { ids } = py;
  const start = matcher.start();
  const ranges: Range[] = [];
  let complete = false;
  for (let i = 0; i < ids.length; ) {
    const found = start[ids[i]!]! & START_FULL ? matcher.fullAt(ids, i) : -1;
    if (found < 0) {
      i++;
      continue;
    }
    const end = i + (found >> 1);
    if ((found & 1) === 0) complete = true;
    ranges.push([i, end]);
    i = end;
  }
  if (ranges.length > 0) return { penalty: complete ? 0 : 1, count: ranges.length, first: ranges[0]![0], ranges };
  // Every initial stands for one syllable, so any break the user typed is on a boundary.
  const { length } = matcher;
  for (let i = 0; i < ids.length; ) {
    if (start[ids[i]!]! & START_INITIAL && matcher.initialsAt(ids, i) && (!checkWords || (startsWord(py, i) && startsWord(py, i + length)))) {
      ranges.push([i, i + length]);
      i += length;
    } else {
      i++;
    }
  }
  return ranges.length > 0 ? { penalty: 2, count: ranges.length, first: ranges[0]![0], ranges } : null;
}

const PINYIN_TERM = /^[a-z]+(?:'[a-z]+)*$/;

/** Letters that spell whole Mandarin syllables (toneless, ü as v), loosely: `fengqi`, `di`, `zhang`; not `iphone`, `mp`. */
export const SYLLABLES =
  /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|vn|a|e|i|o|u|v))+$/iu;

/** Pinyin written with tone numbers (`chong2qing4`, `lv3`): syllables, each followed by its tone, 0–5. */
const TONE_NUMBERS = /^(?:[a-z]+[0-5])+[a-z]*$/;

/**
 * `chong2qing4` as `chong'qing` (each tone number a break between syllables), when every run of letters
 * before a number spells whole syllables; anything else as it is (`mp3`, `5g` and `iphone12` are no pinyin).
 */
function toneNumbersAsBreaks(term: string): string {
  if (!TONE_NUMBERS.test(term)) return term;
  const runs = term.split(/[0-5]/u);
  const last = runs.pop()!;
  if (!runs.every((run) => SYLLABLES.test(run))) return term;
  return [...runs, ...(last === '' ? [] : [last])].join("'");
}

/** Whether `term` holds a character from CJK radicals upwards (a surrogate too). */
function holdsCjk(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/**
 * Reads folded query terms as one pinyin run (`jicheng dianlu` → `jichengdianlu` with a break at 7),
 * or returns null when any term is not made of letters a-z, ü or v, possibly with tone marks or tone
 * numbers (an apostrophe may separate syllables).
 * Needs at least two letters: one letter would match a third of all characters.
 */
export function pinyinTerm(terms: readonly string[]): PinyinTerm | null {
  // A term with a character from CJK radicals upwards stays one after any decomposition: never pinyin.
  // Told before the normalisation, which would bring in ICU's tables (~1.5 MB resident) for a query
  // in Chinese characters.
  if (terms.some(holdsCjk)) return null;
  // Tone marks are dropped (chóngqìng), so are tone numbers (chong2qing4), and ü is written v, as in the readings.
  const plain = terms.map((term) =>
    toneNumbersAsBreaks(
      term
        .normalize('NFD')
        .replace(/u\u0308/g, 'v')
        .replace(/[\u0300-\u036f]/g, ''),
    ),
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
