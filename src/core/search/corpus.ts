import type { Document, Paragraph } from '../document/types.js';
import { UNTITLED } from '../document/parse.js';
import { concatView, isView, reader } from '../document/list-view.js';
import { IntList } from './int-list.js';
import { normalise, type Normalised } from './normalise.js';
import type { Steps } from './steps.js';

/** Separates paragraphs in a block's text; folding turns control characters into spaces, so no term has it. */
export const PARAGRAPH_SEPARATOR = '\u0000';

/** Code units per block, about: one `indexOf` over a block takes a few tens of microseconds. */
const BLOCK_UNITS = 1 << 15;
/** Paragraphs up to this many code units are copied into their block's text as they are folded (see buildCorpus). */
const SHORT_UNITS = 256;
/** Paragraphs folded per step. */
const FOLD_STEP = 64;

/**
 * Consecutive folded paragraphs joined by PARAGRAPH_SEPARATOR, so that an exact term is found by one
 * native `indexOf` loop per block instead of one call per paragraph, and a scan can pause between blocks.
 */
export interface Block {
  /** Index of the block's first paragraph. */
  first: number;
  text: string;
  /**
   * Where the block's paragraph i starts in `text`; one extra entry holds `text.length + 1`. Two bytes an
   * entry when that fits (a block is ~32,000 units, unless a long paragraph makes it longer): a million
   * one-line paragraphs' took 4 MB of a search's peak, now 2.
   */
  starts: Int32Array | Uint16Array;
}

/**
 * Every paragraph folded once, in blocks. The folded text of a paragraph lives only in its block (see
 * `folded`): a hundred thousand strings and objects of their own would be copied by every young
 * garbage collection while the corpus is being built, pauses of tens of milliseconds.
 */
export interface Corpus {
  /** The headings (see `headingsOf`), then the paragraphs in reading order. */
  paragraphs: Paragraph[];
  /** How many of `paragraphs` are headings: they come first. */
  headings: number;
  /** What each heading is, by index. */
  headingKinds: HeadingKind[];
  /** Section headings by section number. */
  titles: Map<number, string>;
  /** The document's title, the heading of the lead. */
  title: string;
  /** In order; a block's paragraphs run from its `first` to the next block's (see {@link blockIndex}). */
  blocks: Block[];
  /** The way back to the original text of the few paragraphs whose folding moved code units. */
  maps: Map<number, Normalised>;
  /** Pinyin readings kept between runs (a cached index, see serial.ts), and where new ones are told. */
  readings?: CorpusReadings;
}

/**
 * Reading a long text's pinyin takes seconds, so a cache may keep the readings: `cached` gives them,
 * a syllable id per code unit of each block (see pinyin-index.ts), and may throw when the kept bytes
 * are bad; `built` is told of readings read in full, to be kept.
 */
export interface CorpusReadings {
  cached?: () => Uint16Array[];
  built?: (ids: readonly Uint16Array[]) => void;
}

/** The document's title and the `原标题` line are `title`s; chapter and section headings `heading`s. */
export type HeadingKind = 'title' | 'heading';

/**
 * The headings a reader may search for, as paragraphs whose id is the reading flow's block (`title`,
 * `s3`, `original-title`, see layout/blocks.ts), so that going to one opens the heading: the title
 * (unless it is only the text's first words, made up for a text without one), every volume's and section's
 * heading found in the text (not those made up by position), and the original title of a reprint.
 */
export function headingsOf(doc: Document): { paragraph: Paragraph; kind: HeadingKind }[] {
  const heading = (id: string, section: number, text: string, kind: HeadingKind) => ({ paragraph: { id, section, index: 0, kind: 'plain' as const, text, offset: -1 }, kind });
  const out: { paragraph: Paragraph; kind: HeadingKind }[] = [];
  const first = doc.lead[0] ?? doc.sections[0]?.paragraphs[0];
  // The placeholder of a text with no words (无标题) is not the text's, so it is no hit.
  const placeholder = doc.title === UNTITLED && first === undefined;
  if (doc.title.trim() !== '' && !placeholder && !(first && first.text.startsWith(doc.title))) out.push(heading('title', 0, doc.title, 'title'));
  // A volume's heading (`第一卷 风起`) is found as a chapter's is: its block is `v1`, its place its first chapter.
  const volumes = doc.volumes ?? [];
  let volume = 0;
  for (const section of doc.sections) {
    for (; volume < volumes.length && volumes[volume]!.firstSection <= section.index; volume++) {
      const { title } = volumes[volume]!;
      if (title.trim() !== '') out.push(heading(`v${volume + 1}`, section.index, title, 'heading'));
    }
    if (section.offset >= 0 && !section.generated && section.title.trim() !== '') out.push(heading(`s${section.index}`, section.index, section.title, 'heading'));
  }
  if (doc.originalTitle !== undefined && doc.originalTitle.trim() !== '') out.push(heading('original-title', doc.sections.at(-1)?.index ?? 0, doc.originalTitle, 'title'));
  return out;
}

/**
 * The headings, then every paragraph in reading order, in one array made at its size: spreading and
 * flattening the sections' lists grew it step by step, ~55 MB of copies for a million paragraphs.
 */
function searchedParagraphs(headings: Paragraph[], doc: Document): Paragraph[] {
  // A text of very many lines keeps its paragraphs as numbers (document/list-view.ts): a view over them.
  if ([doc.lead, ...doc.sections.map((section) => section.paragraphs)].some(isView)) return concatView([headings, doc.lead, ...doc.sections.map((section) => section.paragraphs)]);
  let count = headings.length + doc.lead.length;
  for (const section of doc.sections) count += section.paragraphs.length;
  const out = new Array<Paragraph>(count);
  let at = 0;
  for (const list of [headings, doc.lead]) for (let i = 0; i < list.length; i++) out[at++] = list[i]!;
  for (const section of doc.sections) {
    const list = section.paragraphs;
    for (let i = 0; i < list.length; i++) out[at++] = list[i]!;
  }
  return out;
}

/** Code units as a string, as they are. */
const UNITS = new TextDecoder('utf-16le', { ignoreBOM: true });

/** How far the corpus is built. */
export interface CorpusProgress {
  folded: number;
  total: number;
}

/**
 * Folds the document's headings and paragraphs (lead first, then sections, in reading order) in steps, counting
 * them in `progress` as it goes.
 */
export function* buildCorpus(doc: Document, progress: CorpusProgress): Steps<Corpus> {
  const headings = headingsOf(doc);
  const paragraphs = searchedParagraphs(headings.map((entry) => entry.paragraph), doc);
  const titles = new Map(doc.sections.map((section) => [section.index, section.title]));
  progress.total = paragraphs.length;
  yield;
  const blocks: Block[] = [];
  const maps = new Map<number, Normalised>();
  let first = 0;
  let units = 0;
  // A block's text is gathered as pieces: a long paragraph as it is (never copied), and runs of short
  // ones copied into `run`, joined by the separator. A string kept per short paragraph until its block
  // was joined outlived the young generation: ~20 MB of garbage in a text of a million short lines.
  let pieces: string[] = [];
  const lengths = new IntList();
  const run = new Uint16Array(BLOCK_UNITS + 2 * SHORT_UNITS);
  let runSize = -1;
  const endRun = (): void => {
    if (runSize < 0) return;
    // One decoder call: the run holds folded text (well formed) and separators.
    pieces.push(UNITS.decode(run.subarray(0, runSize)));
    runSize = -1;
  };
  const add = (text: string): void => {
    lengths.push(text.length);
    if (text.length > SHORT_UNITS) {
      endRun();
      pieces.push(text);
      return;
    }
    if (runSize < 0) runSize = 0;
    else run[runSize++] = 0;
    for (let i = 0; i < text.length; i++) run[runSize++] = text.charCodeAt(i);
  };
  const close = (end: number): void => {
    endRun();
    const sizes = lengths.values();
    let total = 0;
    for (let p = first; p < end; p++) total += sizes[p - first]! + 1;
    const starts = total <= 0xffff ? new Uint16Array(end - first + 1) : new Int32Array(end - first + 1);
    let offset = 0;
    for (let p = first; p < end; p++) {
      starts[p - first] = offset;
      offset += sizes[p - first]! + 1;
    }
    starts[end - first] = offset;
    blocks.push({ first, text: pieces.join(PARAGRAPH_SEPARATOR), starts });
    pieces = [];
    lengths.clear();
    first = end;
    units = 0;
  };
  const read = reader(paragraphs);
  for (let p = 0; p < paragraphs.length; p++) {
    const entry = normalise(read(p)!.text);
    if (entry.starts) maps.set(p, entry);
    add(entry.text);
    units += entry.text.length + 1;
    if (units >= BLOCK_UNITS) close(p + 1);
    progress.folded = p + 1;
    if ((p + 1) % FOLD_STEP === 0) yield;
  }
  if (first < paragraphs.length || blocks.length === 0) close(paragraphs.length);
  return { paragraphs, headings: headings.length, headingKinds: headings.map((entry) => entry.kind), titles, title: doc.title, blocks, maps };
}

/**
 * The index of the block holding paragraph `p`, by binary search of where each block's paragraphs start:
 * a text has a block per ~32,000 code units, a few hundred at most, where an array of each paragraph's
 * block was four bytes a paragraph (four megabytes for a million lines).
 */
export function blockIndex(corpus: Corpus, p: number): number {
  const { blocks } = corpus;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (blocks[middle]!.first <= p) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where paragraph `p`'s folded text is: its block, and its start and end in the block's text. */
export function locate(corpus: Corpus, p: number): { block: Block; from: number; to: number } {
  const block = corpus.blocks[blockIndex(corpus, p)]!;
  const at = p - block.first;
  return { block, from: block.starts[at]!, to: block.starts[at + 1]! - 1 };
}

/** Paragraph `p`'s folded text. */
export function folded(corpus: Corpus, p: number): string {
  const { block, from, to } = locate(corpus, p);
  return block.text.slice(from, to);
}

/** Paragraph `p` folded, with the way back to its original text. */
export function normalised(corpus: Corpus, p: number): Normalised {
  return corpus.maps.get(p) ?? { text: folded(corpus, p), starts: null, ends: null };
}

/**
 * For pieces joined into one string, with `starts[i]` where piece i starts (and one extra entry past the
 * end): the piece holding `offset`. Offsets arrive in increasing order during a scan, so the neighbourhood
 * of `hint` is tried before bisecting.
 */
export function pieceAt(starts: Int32Array | Uint16Array, offset: number, hint = 0): number {
  const last = starts.length - 2;
  if (hint <= last && starts[hint]! <= offset && starts[hint + 1]! > offset) return hint;
  if (hint + 1 <= last && starts[hint + 1]! <= offset && starts[hint + 2]! > offset) return hint + 1;
  let low = 0;
  let high = last;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
