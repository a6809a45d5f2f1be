/**
 * A search index's built parts (the folded corpus and the character postings) as bytes and back, so
 * a text searched before is searched again without being read, parsed or folded (the cache of
 * `src/storage/search-cache.ts` frames these parts with a version, a key and a checksum each).
 *
 * The bytes are in parts (PART), each read only when a search first needs it: every query needs the
 * meta and the folded text; only a hit needs the text as written (and the maps back to it, for its
 * matches); only a phrase across punctuation or a near miss needs the postings (a query found as
 * typed never does); only a pinyin query the pinyin readings, a part added once a search has read
 * them all. A novel's exact query with hits so reads 4.5 of its 6.3 MB.
 *
 * A part's layout: a little-endian sequence of sections, each a u32 byte length then its bytes padded
 * to 4, so every typed array is a view of the buffer read, not a copy (the index is valid as long as
 * the buffers are). Strings are UTF-16 code units (the folded text is searched as JS strings:
 * decoding UTF-16 is a copy, UTF-8 would be a transcoding). Paragraphs are made only when asked for
 * (a hit, a pinyin reading): 40,000 objects a novel, fifty novels, would cost more than the search.
 *
 * `deserialise` checks every length and offset it relies on and throws on anything inconsistent: the
 * bytes come from a file, which is never trusted. A part read late (by a search, to make a hit) is
 * checked then, so a search over such an index may throw: its caller drops the index and rebuilds it.
 */
import { reader } from '../document/list-view.js';
import type { Paragraph, ParagraphKind } from '../document/types.js';
import { folded, type Block, type Corpus, type HeadingKind } from './corpus.js';
import type { Normalised } from './normalise.js';
import type { Postings } from './postings.js';
import { syllableIdsOf, syllables } from './syllables.js';

/** The parts a search index can start from. */
export interface BuiltIndex {
  corpus: Corpus;
  postings?: Postings;
}

/**
 * The parts, in the order written. The postings are left out when they were not built; the pinyin
 * readings (only after the postings) are added once a search has read them all (see `serialiseReadings`).
 */
export const PART = { meta: 0, blocks: 1, text: 2, maps: 3, postings: 4, pinyin: 5 } as const;

/** An index's parts: all of them, or how many there are and each read on demand (it may throw when its bytes are bad). */
export type PartSource = readonly Uint8Array[] | { count: number; part: (part: number) => Uint8Array };

const KINDS: readonly ParagraphKind[] = ['lead', 'question', 'answer', 'plain'];
const UNITS = 0x10000;

class Writer {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  private push(bytes: Uint8Array): void {
    const head = new Uint8Array(4);
    new DataView(head.buffer).setUint32(0, bytes.byteLength, true);
    this.parts.push(head, bytes);
    this.size += 4 + bytes.byteLength;
    const pad = (4 - (bytes.byteLength % 4)) % 4;
    if (pad > 0) {
      this.parts.push(new Uint8Array(pad));
      this.size += pad;
    }
  }

  array(values: Int32Array | Uint8Array | Uint16Array): void {
    this.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  string(text: string): void {
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    this.array(units);
  }

  json(value: unknown): void {
    this.push(new TextEncoder().encode(JSON.stringify(value)));
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  }
}

class Reader {
  private at = 0;

  constructor(private readonly data: Uint8Array) {
    // Typed views need their element size's alignment; a buffer read from a file normally has it.
    if (data.byteOffset % 4 !== 0) this.data = data.slice();
  }

  private next(): Uint8Array {
    const { data } = this;
    if (this.at + 4 > data.byteLength) throw new Error('truncated');
    const length = new DataView(data.buffer, data.byteOffset + this.at, 4).getUint32(0, true);
    const from = this.at + 4;
    if (from + length > data.byteLength) throw new Error('truncated');
    this.at = from + length + ((4 - (length % 4)) % 4);
    return data.subarray(from, from + length);
  }

  int32(length?: number): Int32Array {
    const bytes = this.next();
    if (bytes.byteLength % 4 !== 0) throw new Error('misaligned section');
    const values = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    if (length !== undefined && values.length !== length) throw new Error('wrong section length');
    return values;
  }

  uint8(): Uint8Array {
    return this.next();
  }

  string(): string {
    return utf16.decode(this.units());
  }

  /** UTF-16 code units, not decoded: a text decoded only where it is read. */
  units(): Uint16Array {
    const bytes = this.next();
    if (bytes.byteLength % 2 !== 0) throw new Error('misaligned text');
    return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
  }

  json(): unknown {
    return JSON.parse(new TextDecoder().decode(this.next()));
  }

  get finished(): boolean {
    return this.at === this.data.byteLength;
  }
}

const utf16 = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });

interface Meta {
  title: string;
  headings: number;
  headingKinds: HeadingKind[];
  titles: [number, string][];
  speakers: string[];
  /** Paragraphs whose id is not `s{section}p{index}` (headings). */
  ids: [number, string][];
  paragraphs: number;
  blocks: number;
  maps: number;
  postings: boolean;
}

/** The corpus (and the postings, when built) as bytes, one array per part (see PART). */
export function serialise({ corpus, postings }: BuiltIndex): Uint8Array[] {
  const { paragraphs, blocks } = corpus;
  const count = paragraphs.length;
  const speakers = new Map<string, number>();
  const numbers = new Int32Array(count * 5);
  // The text as written is mostly the folded text with a few units changed in place (，for , …):
  // only those units are kept; a paragraph whose folding moved units is kept whole.
  const whole = new Uint8Array(count);
  const wholeStarts = new Int32Array(count + 1);
  const wholes: string[] = [];
  const changedFrom = new Int32Array(count + 1);
  const changedAt: number[] = [];
  const changedUnit: number[] = [];
  const ids: [number, string][] = [];
  const read = reader(paragraphs);
  for (let p = 0; p < count; p++) {
    const paragraph = read(p)!;
    let speaker = -1;
    if (paragraph.speaker !== undefined) {
      speaker = speakers.get(paragraph.speaker) ?? speakers.size;
      speakers.set(paragraph.speaker, speaker);
    }
    numbers.set([paragraph.section, paragraph.index, paragraph.offset, KINDS.indexOf(paragraph.kind), speaker], p * 5);
    if (paragraph.id !== `s${paragraph.section}p${paragraph.index}`) ids.push([p, paragraph.id]);
    const { text } = paragraph;
    const fold = folded(corpus, p);
    if (corpus.maps.has(p) || fold.length !== text.length) {
      whole[p] = 1;
      wholes.push(text);
    } else {
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === fold.charCodeAt(i)) continue;
        changedAt.push(i);
        changedUnit.push(text.charCodeAt(i));
      }
    }
    wholeStarts[p + 1] = wholeStarts[p]! + (whole[p] ? text.length : 0);
    changedFrom[p + 1] = changedAt.length;
  }
  const maps = [...corpus.maps];
  const meta: Meta = {
    title: corpus.title,
    headings: corpus.headings,
    headingKinds: corpus.headingKinds,
    titles: [...corpus.titles],
    speakers: [...speakers.keys()],
    ids,
    paragraphs: count,
    blocks: blocks.length,
    maps: maps.length,
    postings: postings !== undefined,
  };
  const head = new Writer();
  head.json(meta);
  // Every block's text in one run, and its starts in another: read back, the text is decoded into one
  // string that each block's is a slice of (no copy), where a string a block would be copied by the
  // young garbage collector, fifty novels' folded text over again.
  const folds = new Writer();
  folds.array(Int32Array.from(blocks, (block) => block.first));
  folds.array(Int32Array.from(blocks, (block) => block.text.length));
  const starts = new Int32Array(blocks.reduce((sum, block) => sum + block.starts.length, 0));
  let at = 0;
  for (const block of blocks) {
    starts.set(block.starts, at);
    at += block.starts.length;
  }
  folds.array(starts);
  folds.string(blocks.map((block) => block.text).join(''));
  const texts = new Writer();
  texts.array(numbers);
  texts.array(whole);
  texts.array(wholeStarts);
  texts.string(wholes.join(''));
  texts.array(changedFrom);
  texts.array(Int32Array.from(changedAt));
  texts.array(Uint16Array.from(changedUnit));
  const back = new Writer();
  back.array(Int32Array.from(maps, ([p]) => p));
  for (const [, map] of maps) {
    back.string(map.text);
    back.array(map.starts ?? new Int32Array(0));
    back.array(map.ends ?? new Int32Array(0));
  }
  const parts = [head.bytes(), folds.bytes(), texts.bytes(), back.bytes()];
  if (postings) {
    const lists = new Writer();
    lists.array(postings.bytes);
    lists.array(postings.offsets);
    lists.array(postings.counts);
    parts.push(lists.bytes());
  }
  return parts;
}

/**
 * Pinyin readings (a syllable id per code unit of each block) as the part PART.pinyin. Ids are this
 * process's (see syllableIdsOf): the part names the syllables it uses, and its ids index that list.
 */
export function serialiseReadings(ids: readonly Uint16Array[]): Uint8Array {
  const local = new Map<number, number>([[0, 0]]);
  const out = new Writer();
  const blocks = ids.map((block) => {
    const mapped = new Uint16Array(block.length);
    for (let i = 0; i < block.length; i++) {
      const id = block[i]!;
      let to = local.get(id);
      if (to === undefined) local.set(id, (to = local.size));
      mapped[i] = to;
    }
    return mapped;
  });
  out.json([...local.keys()].map((id) => syllables[id] ?? ''));
  for (const block of blocks) out.array(block);
  return out.bytes();
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`inconsistent index: ${what}`);
}

function isMeta(value: unknown): value is Meta {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const count = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return (
    typeof m.title === 'string' &&
    count(m.headings) &&
    count(m.paragraphs) &&
    count(m.blocks) &&
    count(m.maps) &&
    typeof m.postings === 'boolean' &&
    Array.isArray(m.headingKinds) &&
    m.headingKinds.every((k) => k === 'title' || k === 'heading') &&
    Array.isArray(m.speakers) &&
    m.speakers.every((s) => typeof s === 'string') &&
    Array.isArray(m.ids) &&
    m.ids.every((t) => Array.isArray(t) && t.length === 2 && count(t[0]) && typeof t[1] === 'string') &&
    Array.isArray(m.titles) &&
    m.titles.every((t) => Array.isArray(t) && t.length === 2 && count(t[0]) && typeof t[1] === 'string')
  );
}

/** Paragraphs made when first read, as an array to the engine. */
function lazyParagraphs(count: number, make: (p: number) => Paragraph): Paragraph[] {
  const made: (Paragraph | undefined)[] = new Array(count);
  return new Proxy(made as Paragraph[], {
    get(target, property, receiver) {
      if (typeof property === 'string') {
        const p = property.charCodeAt(0) - 48;
        if (p >= 0 && p <= 9) {
          const index = Number(property);
          if (Number.isInteger(index) && index < count) return (made[index] ??= make(index));
        }
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** Computed on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

/** A part's sections, checked to be exactly the part. */
function readPart<T>(bytes: Uint8Array, read: (input: Reader) => T): T {
  const input = new Reader(bytes);
  const value = read(input);
  check(input.finished, 'trailing bytes');
  return value;
}

/**
 * The parts `serialise` wrote. The meta and the folded text are read and checked now; the text as
 * written, the maps and the postings when first used, which is when they are checked and may throw.
 */
export function deserialise(source: PartSource): BuiltIndex {
  const parts = 'count' in source ? source.count : source.length;
  const part =
    'count' in source
      ? source.part
      : (i: number): Uint8Array => {
          const bytes = source[i];
          check(bytes !== undefined, `part ${i}`);
          return bytes;
        };
  const meta = readPart(part(PART.meta), (input) => input.json());
  check(isMeta(meta), 'meta');
  check(meta.postings ? parts === PART.pinyin || parts === PART.pinyin + 1 : parts === PART.postings, 'parts');
  const count = meta.paragraphs;
  check(meta.headings <= count && meta.headingKinds.length === meta.headings, 'headings');
  const blocks = readPart(part(PART.blocks), (input) => {
    const firsts = input.int32(meta.blocks);
    const lengths = input.int32(meta.blocks);
    const allStarts = input.int32();
    const all = input.string();
    const blocks: Block[] = [];
    let from = 0;
    let startsFrom = 0;
    for (let b = 0; b < meta.blocks; b++) {
      const first = firsts[b]!;
      const end = b + 1 < meta.blocks ? firsts[b + 1]! : count;
      check(first === (b === 0 ? 0 : blocks[b - 1]!.first + blocks[b - 1]!.starts.length - 1) && end >= first && end <= count, 'blocks');
      const length = lengths[b]!;
      check(length >= 0 && from + length <= all.length && startsFrom + end - first + 1 <= allStarts.length, 'block length');
      const text = all.slice(from, from + length);
      const starts = allStarts.subarray(startsFrom, startsFrom + end - first + 1);
      from += length;
      startsFrom += end - first + 1;
      check(starts[0] === 0 && starts[end - first] === text.length + 1, 'block starts');
      for (let i = 0; i < end - first; i++) check(starts[i]! < starts[i + 1]!, 'block order');
      blocks.push({ first, text, starts });
    }
    check(from === all.length && startsFrom === allStarts.length, 'block texts');
    check(count === 0 ? meta.blocks <= 1 : meta.blocks > 0 && firsts[meta.blocks - 1]! + blocks[meta.blocks - 1]!.starts.length - 1 === count, 'block cover');
    return blocks;
  });
  const ids = new Map(meta.ids);
  // The text as written is read for hits only: made paragraph by paragraph when one is shown.
  const texts = once(() =>
    readPart(part(PART.text), (input) => {
      const numbers = input.int32(count * 5);
      const whole = input.uint8();
      check(whole.length === count, 'whole');
      const wholeStarts = input.int32(count + 1);
      const wholeText = input.units();
      check(wholeStarts[0] === 0 && wholeStarts[count] === wholeText.length, 'texts');
      const changedFrom = input.int32(count + 1);
      const changedAt = input.int32();
      const changedUnits = input.units();
      check(changedFrom[0] === 0 && changedFrom[count] === changedAt.length && changedUnits.length === changedAt.length, 'changes');
      for (let p = 0; p < count; p++) {
        check(wholeStarts[p]! <= wholeStarts[p + 1]! && changedFrom[p]! <= changedFrom[p + 1]!, 'text order');
        const kind = numbers[p * 5 + 3]!;
        const speaker = numbers[p * 5 + 4]!;
        check(kind >= 0 && kind < KINDS.length && speaker >= -1 && speaker < meta.speakers.length, 'paragraph');
      }
      return { numbers, whole, wholeStarts, wholeText, changedFrom, changedAt, changedUnits };
    }),
  );
  const maps = once(() =>
    readPart(part(PART.maps), (input) => {
      const mapped = input.int32(meta.maps);
      const maps = new Map<number, Normalised>();
      for (let m = 0; m < meta.maps; m++) {
        const p = mapped[m]!;
        check(p >= 0 && p < count, 'map');
        const text = input.string();
        const starts = input.int32();
        const ends = input.int32();
        check(starts.length === ends.length, 'map lengths');
        maps.set(p, { text, starts: starts.length === 0 ? null : starts, ends: ends.length === 0 ? null : ends });
      }
      return maps;
    }),
  );
  const lists = once(() =>
    readPart(part(PART.postings), (input): Postings => {
      const bytes = input.uint8();
      const offsets = input.int32(UNITS + 1);
      const counts = input.int32(UNITS);
      check(offsets[0] === 0 && offsets[UNITS] === bytes.byteLength, 'postings');
      for (let u = 0; u < UNITS; u++) check(offsets[u]! <= offsets[u + 1]! && counts[u]! >= 0 && counts[u]! <= count && counts[u]! <= offsets[u + 1]! - offsets[u]!, 'posting lists');
      return { bytes, offsets, counts };
    }),
  );
  // Set below: asWritten reads the folded text through it.
  // eslint-disable-next-line prefer-const
  let corpus: Corpus;
  const { speakers } = meta;
  const asWritten = (p: number): string => {
    const { changedFrom, changedAt, changedUnits } = texts();
    const fold = folded(corpus, p);
    if (changedFrom[p] === changedFrom[p + 1]) return fold;
    const units = new Uint16Array(fold.length);
    for (let i = 0; i < fold.length; i++) units[i] = fold.charCodeAt(i);
    for (let k = changedFrom[p]!; k < changedFrom[p + 1]!; k++) {
      const at = changedAt[k]!;
      check(at >= 0 && at < units.length, 'change');
      units[at] = changedUnits[k]!;
    }
    return utf16.decode(units);
  };
  const paragraphs = lazyParagraphs(count, (p) => {
    const { numbers, whole, wholeText, wholeStarts } = texts();
    const speaker = numbers[p * 5 + 4]!;
    const paragraph: Paragraph = {
      id: ids.get(p) ?? `s${numbers[p * 5]!}p${numbers[p * 5 + 1]!}`,
      section: numbers[p * 5]!,
      index: numbers[p * 5 + 1]!,
      kind: KINDS[numbers[p * 5 + 3]!]!,
      text: whole[p] ? utf16.decode(wholeText.subarray(wholeStarts[p]!, wholeStarts[p + 1]!)) : asWritten(p),
      offset: numbers[p * 5 + 2]!,
    };
    if (speaker >= 0) paragraph.speaker = speakers[speaker]!;
    return paragraph;
  });
  corpus = {
    paragraphs,
    headings: meta.headings,
    headingKinds: meta.headingKinds,
    titles: new Map(meta.titles),
    title: meta.title,
    blocks,
    get maps() {
      return maps();
    },
  };
  if (parts > PART.pinyin) {
    const readings = once(() =>
      readPart(part(PART.pinyin), (input) => {
        const names = input.json();
        check(Array.isArray(names) && names[0] === '' && names.every((name) => typeof name === 'string' && /^[a-z]*$/.test(name)) && new Set(names).size === names.length, 'syllables');
        const ids = syllableIdsOf(names as string[]);
        return blocks.map((block) => {
          const kept = new Uint16Array(input.units());
          check(kept.length === block.text.length, 'readings');
          for (let i = 0; i < kept.length; i++) {
            const id = ids[kept[i]!];
            check(id !== undefined, 'reading');
            kept[i] = id;
          }
          return kept;
        });
      }),
    );
    corpus.readings = { cached: readings };
  }
  if (!meta.postings) return { corpus };
  const postings: Postings = {
    get bytes() {
      return lists().bytes;
    },
    get offsets() {
      return lists().offsets;
    },
    get counts() {
      return lists().counts;
    },
  };
  return { corpus, postings };
}
