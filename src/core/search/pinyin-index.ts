import { pieceAt, type Corpus } from './corpus.js';
import { offerHit, type TermHit, type TermHits } from './hits.js';
import { matchPinyin, readPinyin, unitOf, type ParagraphPinyin, type PinyinTerm } from './pinyin.js';
import type { Range } from './types.js';

/** Paragraphs read with pinyin-pro between two yields (pinyin-pro takes 1–2 µs per character). */
const READ_CHUNK = 64;
/** Paragraphs matched between two yields when matching inside a candidate list. */
const MATCH_CHUNK = 2048;

interface Joined {
  text: string;
  /** Where paragraph i starts in `text`; one extra entry past the end. */
  starts: Int32Array;
}

function join(pieces: string[]): Joined {
  const starts = new Int32Array(pieces.length + 1);
  let offset = 0;
  pieces.forEach((piece, i) => {
    starts[i] = offset;
    offset += piece.length + 1;
  });
  starts[pieces.length] = offset;
  return { text: pieces.join('\u0000'), starts };
}

/** 1 where a syllable (or barrier, or paragraph separator) starts in the joined full readings. */
function syllableStarts(readings: ParagraphPinyin[], joined: Joined): Uint8Array {
  const marks = new Uint8Array(joined.text.length + 1);
  readings.forEach((py, p) => {
    const base = joined.starts[p]!;
    for (const start of py.tokenStart) marks[base + start] = 1;
  });
  marks[joined.text.length] = 1;
  return marks;
}

/**
 * Pinyin readings of the corpus, read lazily: a term searched inside a few candidate paragraphs reads
 * only those; a term searched in the whole document reads every paragraph once (in slices that yield),
 * then the readings are joined like the folded text so a search is one `indexOf` loop.
 */
export class PinyinIndex {
  private readonly readings: (ParagraphPinyin | undefined)[] = [];
  private unread: number;
  private full: Joined | null = null;
  private boundaries: Uint8Array | null = null;
  private initials: Joined | null = null;

  constructor(private readonly corpus: Corpus) {
    this.unread = corpus.paragraphs.length;
  }

  /** The reading of paragraph `p`, read now if needed. */
  reading(p: number): ParagraphPinyin {
    let py = this.readings[p];
    if (!py) {
      py = this.readings[p] = readPinyin(this.corpus.folded[p]!.text);
      this.unread--;
    }
    return py;
  }

  /** Reads every paragraph not read yet, yielding between chunks, then joins the readings. */
  *readAll(): Generator<void, void> {
    if (this.full) return;
    let read = 0;
    for (let p = 0; p < this.corpus.paragraphs.length && this.unread > 0; p++) {
      if (this.readings[p]) continue;
      this.reading(p);
      if (++read % READ_CHUNK === 0) yield;
    }
    // Another search may have finished the job while this one was paused.
    if (this.full) return;
    const all = this.corpus.paragraphs.map((_, p) => this.reading(p));
    const full = join(all.map((py) => py.full));
    yield;
    const boundaries = syllableStarts(all, full);
    yield;
    const initials = join(all.map((py) => py.initials));
    if (this.full) return;
    this.full = full;
    this.boundaries = boundaries;
    this.initials = initials;
  }

  /**
   * Records every paragraph (of `within`, or all) whose reading matches `term`; ranges wait for `ranges`.
   * Initials are recorded as pending: checking word boundaries needs ICU's segmenter on the paragraph,
   * which is left for `settle` to do on the hits that are about to be shown.
   */
  *find(term: PinyinTerm, within: readonly number[] | null, into: TermHits): Generator<void, void> {
    if (within) {
      for (let i = 0; i < within.length; i++) {
        if (i > 0 && i % MATCH_CHUNK === 0) yield;
        const p = within[i]!;
        const match = matchPinyin(this.reading(p), term, false);
        if (match) offerHit(into, p, { tier: 'pinyin', penalty: match.penalty, count: match.count, first: match.first, pinyin: term, pending: match.penalty === 2 });
      }
      return;
    }
    yield* this.readAll();
    const { letters, breaks } = term;
    const marks = this.boundaries!;
    // Whole syllables: start and every typed break on a syllable start; complete if the end is one too.
    const syllables = new Set<number>();
    this.scan(this.full!, letters, (at) => {
      if (!marks[at]) return -1;
      for (const offset of breaks) if (!marks[at + offset]) return -1;
      return marks[at + letters.length] ? 0 : 1;
    }, (p, penalty, count, firstAt) => {
      syllables.add(p);
      const py = this.readings[p]!;
      offerHit(into, p, { tier: 'pinyin', penalty, count, first: unitOf(py, tokenAt(py, firstAt)), pinyin: term });
    });
    yield;
    // Initials only where no syllables matched (the same rule as matchPinyin).
    this.scan(this.initials!, letters, () => 2, (p, penalty, count, firstAt) => {
      if (!syllables.has(p)) offerHit(into, p, { tier: 'pinyin', penalty, count, first: unitOf(this.readings[p]!, firstAt), pinyin: term, pending: true });
    });
  }

  /** The checked hit of `term` in paragraph `p`, or null. */
  settle(p: number, term: PinyinTerm): TermHit | null {
    const match = matchPinyin(this.reading(p), term);
    return match ? { tier: 'pinyin', penalty: match.penalty, count: match.count, first: match.first, pinyin: term } : null;
  }

  /** The ranges of `term` in paragraph `p`, in its folded text. */
  ranges(p: number, term: PinyinTerm): Range[] {
    return matchPinyin(this.reading(p), term)?.ranges ?? [];
  }

  /**
   * One `indexOf` loop over joined readings. `check` gives an occurrence's penalty, or -1 to skip it;
   * occurrences are counted per paragraph without overlap, and `record` gets the lowest penalty, the
   * count and the local offset of the first occurrence.
   */
  private scan(joined: Joined, letters: string, check: (at: number) => number, record: (p: number, penalty: number, count: number, firstAt: number) => void): void {
    let current = -1;
    let count = 0;
    let firstAt = 0;
    let penalty = 2;
    for (let at = joined.text.indexOf(letters); at >= 0; ) {
      const valid = check(at);
      if (valid < 0) {
        at = joined.text.indexOf(letters, at + 1);
        continue;
      }
      const p = pieceAt(joined.starts, at, Math.max(current, 0));
      if (p !== current) {
        if (count > 0) record(current, penalty, count, firstAt);
        current = p;
        count = 0;
        penalty = valid;
        firstAt = at - joined.starts[p]!;
      }
      penalty = Math.min(penalty, valid);
      count++;
      at = joined.text.indexOf(letters, at + letters.length);
    }
    if (count > 0) record(current, penalty, count, firstAt);
  }
}

/** The token starting at `offset` of `full` (offset is known to start one). */
function tokenAt(py: ParagraphPinyin, offset: number): number {
  let low = 0;
  let high = py.tokenStart.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (py.tokenStart[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
