import { blockIndex, folded, locate, pieceAt, type Corpus } from './corpus.js';
import type { TermHit, TermHits } from './hits.js';
import { IntList } from './int-list.js';
import { matcherOf, matchPinyin, START_BEGUN, START_FULL, START_INITIAL, START_WHOLE, type Matcher, type ParagraphPinyin, type PinyinTerm } from './pinyin.js';
import { Shared, type Steps } from './steps.js';
import { initials, readInto } from './syllables.js';
import type { Range } from './types.js';

/** Code units read between two yields (a run with a polyphone costs pinyin-pro about 0.5 µs a character). */
const READ_STEP = 2048;
/** Candidate paragraphs matched between two yields. */
const MATCH_STEP = 512;
const LETTERS = 26;

/**
 * Where syllables starting with each letter are: for letter l (0 for a) and block b, the offsets in
 * block b are positions[l][from[l][b] … from[l][b + 1]). Every match starts on a syllable whose first
 * letter is the term's first letter, so a search visits those positions only, about a twentieth of the
 * text, instead of every character.
 */
interface LetterIndex {
  /** Offsets in a block: two bytes each while every block is shorter than 65,536 units (a block holds about 32,000). */
  positions: (Uint16Array | Int32Array)[];
  from: Int32Array[];
}

/**
 * Counts full matches and initials in one paragraph as matchPinyin does (without checking words), fed
 * the positions where a match may start, in order.
 */
class ParagraphScan {
  fullCount = 0;
  fullFirst = 0;
  complete = false;
  initialCount = 0;
  initialFirst = 0;
  private from = 0;
  private nextFull = 0;
  private nextInitial = 0;

  constructor(private readonly matcher: Matcher) {}

  /** Starts on the paragraph that begins at `from`. */
  begin(from: number): void {
    this.from = this.nextFull = this.nextInitial = from;
    this.fullCount = this.initialCount = 0;
    this.complete = false;
  }

  /** Position `i`, where the matcher's start bits for the syllable are `bits` (not 0). */
  visit(ids: Uint16Array, i: number, bits: number): void {
    if ((bits & START_FULL) !== 0 && i >= this.nextFull) {
      // A single-syllable match is settled by the bits, without a call.
      const length = bits & START_WHOLE ? 2 : bits & START_BEGUN ? 3 : this.matcher.fullAt(ids, i);
      if (length >= 0) {
        if (this.fullCount++ === 0) this.fullFirst = i - this.from;
        if ((length & 1) === 0) this.complete = true;
        this.nextFull = i + (length >> 1);
      }
    }
    // Initials count only in paragraphs without a full match.
    if ((bits & START_INITIAL) !== 0 && this.fullCount === 0 && i >= this.nextInitial && this.matcher.initialsAt(ids, i)) {
      if (this.initialCount++ === 0) this.initialFirst = i - this.from;
      this.nextInitial = i + this.matcher.length;
    }
  }

  get matched(): boolean {
    return this.fullCount > 0 || this.initialCount > 0;
  }
}

/**
 * Pinyin readings of the corpus: a syllable id per code unit, in one array per block of the folded
 * text, so a reading's offsets are the text's. Paragraphs are read in order by `prepare` (in the
 * background, or by a search that needs them all) or one by one when a term is matched inside a few
 * candidates.
 */
export class PinyinIndex {
  private readonly ids: (Uint16Array | undefined)[];
  private readonly read: Uint8Array;
  private unread: number;
  private cursor = 0;
  private readonly letters = new Shared(() => this.buildLetters());
  /** Word starts found so far (see startsWord in pinyin.ts), per block like `ids`. */
  private readonly words: (Uint8Array | undefined)[];
  /**
   * The last term searched in the whole document, and the paragraphs it matched in any way. Never
   * reused: a search paused half-way may still be going through them.
   */
  private last: { term: PinyinTerm; paragraphs: Int32Array } | null = null;

  /** Whether the readings came whole from a cache (see CorpusReadings). */
  private readonly kept: boolean;

  constructor(private readonly corpus: Corpus) {
    this.words = corpus.blocks.map(() => undefined);
    this.read = new Uint8Array(corpus.paragraphs.length);
    const cached = corpus.readings?.cached?.();
    this.kept = cached !== undefined;
    this.ids = cached ?? corpus.blocks.map(() => undefined);
    if (cached) this.read.fill(1);
    this.unread = cached ? 0 : corpus.paragraphs.length;
  }

  /** Share of the work done, 0–1: reading every paragraph, then indexing where syllables start. */
  get progress(): number {
    const total = this.corpus.paragraphs.length;
    if (this.letters.done || total === 0) return 1;
    return 0.99 * (1 - this.unread / total);
  }

  /** Whether a search in the whole document can run without building anything first. */
  get ready(): boolean {
    return this.letters.done;
  }

  private blockIds(b: number): Uint16Array {
    return (this.ids[b] ??= new Uint16Array(this.corpus.blocks[b]!.text.length));
  }

  /** Reads paragraph `p` if it is not read yet. */
  private readParagraph(p: number): void {
    if (this.read[p]) return;
    const { block, from, to } = locate(this.corpus, p);
    readInto(block.text, this.blockIds(blockIndex(this.corpus, p)), from, to);
    this.read[p] = 1;
    this.unread--;
  }

  /** Reads every paragraph not read yet, in order, and indexes where syllables start. */
  *prepare(): Steps<void> {
    yield* this.letters.get();
  }

  private *buildLetters(): Steps<LetterIndex> {
    const { paragraphs, blocks } = this.corpus;
    while (this.unread > 0) {
      let units = 0;
      while (this.cursor < paragraphs.length && units < READ_STEP) {
        if (!this.read[this.cursor]) {
          const { from, to } = locate(this.corpus, this.cursor);
          units += to - from + 1;
        }
        this.readParagraph(this.cursor++);
      }
      yield;
    }
    if (!this.kept) this.corpus.readings?.built?.(blocks.map((_, b) => this.blockIds(b)));
    const from = Array.from({ length: LETTERS }, () => new Int32Array(blocks.length + 1));
    for (let b = 0; b < blocks.length; b++) {
      const ids = this.blockIds(b);
      for (let i = 0; i < ids.length; i++) if (ids[i]) from[initials[ids[i]!]! - 97]![b + 1]!++;
      yield;
    }
    for (const counts of from) for (let b = 0; b < blocks.length; b++) counts[b + 1]! += counts[b]!;
    const narrow = blocks.every((block) => block.text.length <= 0xffff);
    const positions = from.map((counts) => (narrow ? new Uint16Array(counts[blocks.length]!) : new Int32Array(counts[blocks.length]!)));
    const fill = from.map((counts) => counts.slice());
    for (let b = 0; b < blocks.length; b++) {
      const ids = this.blockIds(b);
      for (let i = 0; i < ids.length; i++) {
        if (!ids[i]) continue;
        const letter = initials[ids[i]!]! - 97;
        positions[letter]![fill[letter]![b]!++] = i;
      }
      yield;
    }
    return { positions, from };
  }

  /** The reading of paragraph `p`, read now if needed, with the word starts known so far. */
  private paragraph(p: number): ParagraphPinyin {
    this.readParagraph(p);
    const b = blockIndex(this.corpus, p);
    const { block, from, to } = locate(this.corpus, p);
    const words = (this.words[b] ??= new Uint8Array(block.text.length + 1));
    return { text: folded(this.corpus, p), ids: this.blockIds(b).subarray(from, to), wordStarts: words.subarray(from, to + 1) };
  }

  /**
   * Records every paragraph (of `within`, or all) whose reading matches `term`; ranges wait for `ranges`.
   * Initials are recorded as pending: checking word boundaries needs ICU's segmenter on the paragraph,
   * which is left for `settle` to do on the hits that are about to be shown. In the whole document
   * only positions where a syllable starts with the term's first letter are visited (see LetterIndex),
   * and a term typed further than the last one searched there (`jic` after `ji`) only in the
   * paragraphs that one matched in any way, since every match of the longer term starts a match of the
   * shorter.
   */
  *find(term: PinyinTerm, within: Int32Array | null, into: TermHits): Steps<void> {
    const full = into.addSource({ kind: 'pinyin', term });
    const initialsOnly = into.addSource({ kind: 'initials', term });
    const matcher = matcherOf(term);
    const scan = new ParagraphScan(matcher);
    const matched = within ? null : new IntList();
    const record = (p: number): void => {
      if (scan.fullCount > 0) into.offer(p, 1, scan.complete ? 0 : 1, scan.fullCount, scan.fullFirst, full);
      else into.offer(p, 1, 2, scan.initialCount, scan.initialFirst, initialsOnly);
      matched?.push(p);
    };
    const letters = within ? null : yield* this.letters.get();
    const candidates = within ?? (this.last && continues(this.last.term, term) ? this.last.paragraphs : null);
    if (candidates) {
      for (let i = 0; i < candidates.length; i++) {
        if (i % MATCH_STEP === MATCH_STEP - 1) yield;
        const p = candidates[i]!;
        this.readParagraph(p);
        const b = blockIndex(this.corpus, p);
        const { starts, first } = this.corpus.blocks[b]!;
        const ids = this.ids[b]!;
        const start = matcher.start();
        const to = starts[p - first + 1]! - 1;
        scan.begin(starts[p - first]!);
        for (let at = starts[p - first]!; at < to; at++) {
          const bits = start[ids[at]!]!;
          if (bits !== 0) scan.visit(ids, at, bits);
        }
        if (scan.matched) record(p);
      }
    } else if (letters) {
      const start = matcher.start();
      const letter = term.letters.charCodeAt(0) - 97;
      const positions = letters.positions[letter]!;
      const from = letters.from[letter]!;
      for (let b = 0; b < this.corpus.blocks.length; b++) {
        const { starts, first } = this.corpus.blocks[b]!;
        const ids = this.ids[b]!;
        let current = -1;
        for (let k = from[b]!; k < from[b + 1]!; k++) {
          const at = positions[k]!;
          const bits = start[ids[at]!]!;
          if (bits === 0) continue;
          const local = pieceAt(starts, at, Math.max(current, 0));
          if (local !== current) {
            if (current >= 0 && scan.matched) record(first + current);
            current = local;
            scan.begin(starts[local]!);
          }
          scan.visit(ids, at, bits);
        }
        if (current >= 0 && scan.matched) record(first + current);
        yield;
      }
    }
    if (matched) this.last = { term, paragraphs: matched.values() };
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
