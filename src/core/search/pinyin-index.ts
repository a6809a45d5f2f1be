import { folded, locate, type Corpus } from './corpus.js';
import type { TermHit, TermHits } from './hits.js';
import { IntList } from './int-list.js';
import { Pool } from './pool.js';
import { matcherOf, matchPinyin, START_BEGUN, START_FULL, START_INITIAL, START_WHOLE, type Matcher, type ParagraphPinyin, type PinyinTerm } from './pinyin.js';
import type { Steps } from './steps.js';
import { readInto } from './syllables.js';
import type { Range } from './types.js';

/** Code units read between two yields (a run with a polyphone costs pinyin-pro about 0.5 µs a character). */
const READ_STEP = 2048;
/** Candidate paragraphs matched between two yields. */
const MATCH_STEP = 512;
const FULL_COUNT = 0;
const FULL_FIRST = 1;
const COMPLETE = 2;
const INITIAL_COUNT = 3;
const INITIAL_FIRST = 4;

/**
 * Pinyin readings of the corpus: a syllable id per code unit, in one array per block of the folded
 * text, so a reading's offsets are the text's. Paragraphs are read in order by `readAll` (the
 * background work of `prepare`, or a search that needs them all) or one by one when a term is
 * matched inside a few candidates.
 */
export class PinyinIndex {
  private readonly ids: (Uint16Array | undefined)[];
  private readonly read: Uint8Array;
  private unread: number;
  private cursor = 0;
  /** Word starts found so far (see startsWord in pinyin.ts), per block like `ids`. */
  private readonly words: (Uint8Array | undefined)[];
  /** The last term searched in the whole document, and the paragraphs it matched in any way. */
  private last: { term: PinyinTerm; list: IntList; paragraphs: Int32Array } | null = null;
  private readonly lists = new Pool(
    () => new IntList(),
    (list) => list.clear(),
    2,
  );

  constructor(private readonly corpus: Corpus) {
    this.ids = corpus.blocks.map(() => undefined);
    this.words = corpus.blocks.map(() => undefined);
    this.read = new Uint8Array(corpus.paragraphs.length);
    this.unread = corpus.paragraphs.length;
  }

  /** Share of paragraphs read, 0–1. */
  get progress(): number {
    const total = this.corpus.paragraphs.length;
    return total === 0 ? 1 : 1 - this.unread / total;
  }

  get ready(): boolean {
    return this.unread === 0;
  }

  private blockIds(b: number): Uint16Array {
    return (this.ids[b] ??= new Uint16Array(this.corpus.blocks[b]!.text.length));
  }

  /** Reads paragraph `p` if it is not read yet. */
  private readParagraph(p: number): void {
    if (this.read[p]) return;
    const { block, from, to } = locate(this.corpus, p);
    readInto(block.text, this.blockIds(this.corpus.blockOf[p]!), from, to);
    this.read[p] = 1;
    this.unread--;
  }

  /** Reads every paragraph not read yet, in order, a few thousand characters per step. */
  *readAll(): Steps<void> {
    const { paragraphs } = this.corpus;
    while (this.unread > 0) {
      let units = 0;
      while (this.cursor < paragraphs.length && units < READ_STEP) {
        if (!this.read[this.cursor]) units += paragraphs[this.cursor]!.text.length + 1;
        this.readParagraph(this.cursor++);
      }
      if (this.unread > 0) yield;
    }
  }

  /** The reading of paragraph `p`, read now if needed, with the word starts known so far. */
  private paragraph(p: number): ParagraphPinyin {
    this.readParagraph(p);
    const b = this.corpus.blockOf[p]!;
    const { block, from, to } = locate(this.corpus, p);
    const words = (this.words[b] ??= new Uint8Array(block.text.length + 1));
    return { text: folded(this.corpus, p), ids: this.blockIds(b).subarray(from, to), wordStarts: words.subarray(from, to + 1) };
  }

  /**
   * Records every paragraph (of `within`, or all) whose reading matches `term`; ranges wait for `ranges`.
   * Initials are recorded as pending: checking word boundaries needs ICU's segmenter on the paragraph,
   * which is left for `settle` to do on the hits that are about to be shown. A term typed further than
   * the last one searched in the whole document (`jic` after `ji`) is looked for only in the paragraphs
   * that one matched in any way, since every match of the longer term starts a match of the shorter.
   */
  *find(term: PinyinTerm, within: Int32Array | null, into: TermHits): Steps<void> {
    const full = into.addSource({ kind: 'pinyin', term });
    const initials = into.addSource({ kind: 'initials', term });
    const matcher = matcherOf(term);
    let candidates = within;
    if (!within) {
      yield* this.readAll();
      if (this.last && continues(this.last.term, term)) candidates = this.last.paragraphs;
    }
    const matched = within ? null : this.lists.acquire();
    const found = this.found;
    const record = (p: number): void => {
      if (found[FULL_COUNT]! > 0) into.offer(p, 1, found[COMPLETE] ? 0 : 1, found[FULL_COUNT]!, found[FULL_FIRST]!, full);
      else into.offer(p, 1, 2, found[INITIAL_COUNT]!, found[INITIAL_FIRST]!, initials);
      matched?.push(p);
    };
    if (candidates) {
      for (let i = 0; i < candidates.length; i++) {
        if (i % MATCH_STEP === MATCH_STEP - 1) yield;
        const p = candidates[i]!;
        this.readParagraph(p);
        const b = this.corpus.blockOf[p]!;
        const { starts, first } = this.corpus.blocks[b]!;
        if (this.scanRange(this.ids[b]!, starts[p - first]!, starts[p - first + 1]! - 1, matcher)) record(p);
      }
    } else {
      for (let b = 0; b < this.corpus.blocks.length; b++) {
        const { starts, first } = this.corpus.blocks[b]!;
        const ids = this.ids[b]!;
        for (let local = 0; local + 1 < starts.length; local++) {
          if (this.scanRange(ids, starts[local]!, starts[local + 1]! - 1, matcher)) record(first + local);
        }
        yield;
      }
    }
    if (matched) {
      if (this.last) this.lists.release(this.last.list);
      this.last = { term, list: matched, paragraphs: matched.values() };
    }
  }

  /** What `scanRange` found, at FULL_COUNT, FULL_FIRST, COMPLETE, INITIAL_COUNT, INITIAL_FIRST. */
  private readonly found = new Int32Array(5);

  /**
   * Counts full matches and initials in `ids[from, to)` (one paragraph) as matchPinyin does (without
   * checking words), into `this.found`; returns whether there was any. The loop every pinyin search
   * runs over the whole document: one table lookup per character, and a single-syllable match settled
   * without a call.
   */
  private scanRange(ids: Uint16Array, from: number, to: number, matcher: Matcher): boolean {
    const start = matcher.start();
    let fullCount = 0;
    let fullFirst = 0;
    let complete = 0;
    let initialCount = 0;
    let initialFirst = 0;
    let nextFull = from;
    let nextInitial = from;
    for (let i = from; i < to; i++) {
      const bits = start[ids[i]!]!;
      if (bits === 0) continue;
      if ((bits & START_FULL) !== 0 && i >= nextFull) {
        const length = bits & START_WHOLE ? 2 : bits & START_BEGUN ? 3 : matcher.fullAt(ids, i);
        if (length >= 0) {
          if (fullCount++ === 0) fullFirst = i - from;
          if ((length & 1) === 0) complete = 1;
          nextFull = i + (length >> 1);
        }
      }
      // Initials count only in paragraphs without a full match.
      if ((bits & START_INITIAL) !== 0 && fullCount === 0 && i >= nextInitial && matcher.initialsAt(ids, i)) {
        if (initialCount++ === 0) initialFirst = i - from;
        nextInitial = i + matcher.length;
      }
    }
    const found = this.found;
    found[FULL_COUNT] = fullCount;
    found[FULL_FIRST] = fullFirst;
    found[COMPLETE] = complete;
    found[INITIAL_COUNT] = initialCount;
    found[INITIAL_FIRST] = initialFirst;
    return fullCount > 0 || initialCount > 0;
  }

  /** The checked hit of `term` in paragraph `p`, or null. */
  settle(p: number, term: PinyinTerm): TermHit | null {
    const match = matchPinyin(this.paragraph(p), term);
    return match ? { tier: 'pinyin', penalty: match.penalty, count: match.count, first: match.first } : null;
  }

  /** The ranges of `term` in paragraph `p`, in its folded text. */
  ranges(p: number, term: PinyinTerm): Range[] {
    return matchPinyin(this.paragraph(p), term)?.ranges ?? [];
  }
}

/**
 * Whether every match of `next` starts a match of `earlier`: its letters begin with `earlier`'s and
 * it keeps every break `earlier` had (a full match of `jiche` begins one of `ji`, initials of `jcd` begin
 * those of `jc`).
 */
function continues(earlier: PinyinTerm, next: PinyinTerm): boolean {
  return next.letters.startsWith(earlier.letters) && earlier.breaks.every((at) => next.breaks.includes(at));
}
