/**
 * A plain text's parsed document as bytes and back, so a book opened before opens without being
 * decoded or parsed again (the cache of `src/cli/document-cache.ts` frames the parts with a version,
 * a key and a checksum each). Decoding a 10 MB GB18030 novel and finding its 3,000 chapters is most of
 * its first frame; reading these parts back is a copy of its text and a pass over its paragraphs.
 *
 * Three parts:
 *
 *   meta        JSON (UTF-8): the document without its source and paragraphs, each list of
 *               paragraphs as its length, the turns' speakers as a table, and the text's content key
 *   text        the source, UTF-16 code units (decoding them is a copy; UTF-8 would be a transcoding)
 *   paragraphs  a text's (its paragraphs are lines of the source, `LineParagraph` and `TurnParagraph`):
 *               per paragraph in reading order (lead, then each section) its offset, length, and the
 *               turn it speaks in (an index into the meta's table, or -1), three 32-bit integers;
 *               a Markdown or EPUB document's ("rich" in the meta: marks, forms, lists, tables): JSON,
 *               a paragraph's offset, its text's length when the text is the source's there (an EPUB's
 *               are) or else the text, its kind and its other fields as the model has them
 *
 * `deserialiseDocument` checks every count, offset and length against the text and throws on anything
 * inconsistent: the bytes come from a file, which is never trusted.
 */
import { LineParagraph, TurnParagraph } from './line-paragraph.js';
import { lineLists, reader } from './list-view.js';
import { COMPACT_LINES } from './parse.js';
import type { Document, Paragraph, Role, Section } from './types.js';

/** Bumped whenever a part's layout or the meta's fields change. */
export const DOCUMENT_FORMAT = 2;

const PER_PARAGRAPH = 3;

interface Turn {
  label: string | null;
  speaker: string | null;
  role: Role | null;
}

interface Meta {
  version: number;
  key: string;
  /** The source's length in code units: a text part of another length is not this one's. */
  units: number;
  /** The document's own fields but source, lead and sections. */
  doc: Omit<Document, 'source' | 'lead' | 'sections'>;
  lead: number;
  sections: (Omit<Section, 'paragraphs'> & { paragraphs: number })[];
  turns: Turn[];
  /** The paragraphs part is JSON of {@link Rich} entries, not numbers. */
  rich?: boolean;
}

/** A paragraph of a Markdown or EPUB document: offset, text (or its length in the source there), kind, the rest. */
type Rich = [number, number | string, Paragraph['kind'], Partial<Paragraph>?];

/** The fields a paragraph has besides those {@link Rich} holds in place. */
function restOf(paragraph: Paragraph): Partial<Paragraph> | undefined {
  const { id: _id, section: _section, index: _index, kind: _kind, text: _text, offset: _offset, ...rest } = 'toJSON' in paragraph && typeof paragraph.toJSON === 'function' ? (paragraph.toJSON() as Paragraph) : paragraph;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function richParagraphs(doc: Document): Uint8Array {
  const entries: Rich[] = [];
  for (const list of [doc.lead, ...doc.sections.map((section) => section.paragraphs)]) {
    const read = reader(list);
    for (let i = 0; i < list.length; i++) {
      const paragraph = read(i)!;
      const { offset, text } = paragraph;
      const inSource = offset >= 0 && doc.source.startsWith(text, offset);
      const rest = restOf(paragraph);
      entries.push(rest ? [offset, inSource ? text.length : text, paragraph.kind, rest] : [offset, inSource ? text.length : text, paragraph.kind]);
    }
  }
  return new TextEncoder().encode(JSON.stringify(entries));
}

/** `doc`'s parts, with its content key; undefined for a document whose paragraphs are not lines of its source. */
export function serialiseDocument(doc: Document, key: string): Uint8Array[] {
  return linesOf(doc, key) ?? withRichParagraphs(doc, key);
}

function metaOf(doc: Document, key: string, turns: Turn[], rich: boolean): Uint8Array {
  const { source: _source, lead: _lead, sections: _sections, ...rest } = doc;
  const meta: Meta = {
    version: DOCUMENT_FORMAT,
    key,
    units: doc.source.length,
    doc: rest,
    lead: doc.lead.length,
    sections: doc.sections.map(({ paragraphs, ...section }) => ({ ...section, paragraphs: paragraphs.length })),
    turns,
    ...(rich && { rich }),
  };
  return new TextEncoder().encode(JSON.stringify(meta));
}

function withRichParagraphs(doc: Document, key: string): Uint8Array[] {
  return [metaOf(doc, key, [], true), utf16le(doc.source), richParagraphs(doc)];
}

/** A text's parts, its paragraphs as numbers; undefined when one is not a line of its source. */
function linesOf(doc: Document, key: string): Uint8Array[] | undefined {
  if ((doc.format ?? 'text') !== 'text') return undefined;
  const lists = [doc.lead, ...doc.sections.map((section) => section.paragraphs)];
  const count = lists.reduce((sum, list) => sum + list.length, 0);
  const numbers = new Int32Array(count * PER_PARAGRAPH);
  const turns: Turn[] = [];
  const turnIndex = new Map<string, number>();
  let at = 0;
  for (const list of lists) {
    const read = reader(list);
    for (let i = 0; i < list.length; i++) {
      const paragraph = read(i);
      if (!(paragraph instanceof LineParagraph) || paragraph.source !== doc.source) return undefined;
      let turn = -1;
      if (paragraph instanceof TurnParagraph) {
        const entry: Turn = { label: paragraph.label ?? null, speaker: paragraph.speaker ?? null, role: paragraph.role ?? null };
        const name = JSON.stringify(entry);
        turn = turnIndex.get(name) ?? -1;
        if (turn < 0) {
          turn = turns.push(entry) - 1;
          turnIndex.set(name, turn);
        }
      }
      numbers[at++] = paragraph.offset;
      numbers[at++] = paragraph.length;
      numbers[at++] = turn;
    }
  }
  return [metaOf(doc, key, turns, false), utf16le(doc.source), new Uint8Array(numbers.buffer)];
}

/** Thrown for parts that do not make a document. */
export class DamagedDocumentError extends Error {
  constructor(what: string) {
    super(`damaged document cache: ${what}`);
    this.name = 'DamagedDocumentError';
  }
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new DamagedDocumentError(what);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `text`'s code units as UTF-16LE bytes. */
function utf16le(text: string): Uint8Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    units[i] = LITTLE_ENDIAN ? unit : ((unit & 0xff) << 8) | (unit >> 8);
  }
  return new Uint8Array(units.buffer);
}

/**
 * UTF-16LE bytes as text. Node's Buffer copies the code units (~2 ms for a 10 MB novel's, in the bin's
 * huge pages); TextDecoder transcodes them through ICU (~45–70 ms), a third of reopening that novel.
 * Where there is no Buffer, the decoder. Neither checks the units: the caller does.
 */
function fromUtf16le(bytes: Uint8Array): string {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (NodeBuffer === undefined) return new TextDecoder('utf-16le').decode(bytes);
  return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
}

/** The document and its content key from `serialiseDocument`'s parts; throws DamagedDocumentError. */
export function deserialiseDocument(parts: readonly Uint8Array[]): { doc: Document; key: string } {
  check(parts.length === 3, 'parts');
  const [metaBytes, textBytes, numberBytes] = parts as [Uint8Array, Uint8Array, Uint8Array];
  let meta: Meta;
  try {
    meta = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(metaBytes)) as Meta;
  } catch {
    throw new DamagedDocumentError('meta');
  }
  check(typeof meta === 'object' && meta !== null && meta.version === DOCUMENT_FORMAT, 'version');
  check(typeof meta.key === 'string' && Array.isArray(meta.sections) && Array.isArray(meta.turns) && Number.isInteger(meta.lead), 'meta');
  check(textBytes.byteLength % 2 === 0, 'lengths');
  // The source was made safe before it was kept: a lone surrogate is damage.
  const source = fromUtf16le(textBytes);
  check(source.length * 2 === textBytes.byteLength && source.length === meta.units && source.isWellFormed(), 'text');
  if (meta.rich === true) return { doc: richDocument(meta, source, numberBytes), key: meta.key };
  check(numberBytes.byteLength % (4 * PER_PARAGRAPH) === 0, 'lengths');
  const numbers = new Int32Array(numberBytes.byteLength / 4);
  new Uint8Array(numbers.buffer).set(numberBytes);
  const counts = [meta.lead, ...meta.sections.map((section) => section.paragraphs)];
  check(counts.every((n) => Number.isInteger(n) && n >= 0), 'counts');
  const total = counts.reduce((sum, n) => sum + n, 0);
  check(total * PER_PARAGRAPH === numbers.length, 'paragraph count');
  // As the parser keeps them: a text of very many lines as numbers (list-view.ts), else objects.
  const compact = total >= COMPACT_LINES;
  let at = 0;
  const lists = compact ? lineLists(source, total) : () => [];
  const paragraphsOf = (section: number, n: number): Paragraph[] => {
    const list: Paragraph[] = lists();
    for (let i = 0; i < n; i++) {
      const offset = numbers[at++]!;
      const length = numbers[at++]!;
      const turn = numbers[at++]!;
      check(offset >= 0 && length >= 0 && offset + length <= source.length && turn >= -1 && turn < meta.turns.length, 'paragraph');
      if (turn < 0) {
        list.push(new LineParagraph(source, offset, length).placed(section, i + 1));
        continue;
      }
      const { label, speaker, role } = meta.turns[turn]!;
      const paragraph = new TurnParagraph(source, offset, length).placed(section, i + 1);
      if (label !== null) paragraph.label = label;
      if (speaker !== null) paragraph.speaker = speaker;
      if (role !== null) paragraph.role = role;
      list.push(paragraph);
    }
    return list;
  };
  const lead = paragraphsOf(0, meta.lead);
  const sections: Section[] = meta.sections.map(({ paragraphs, ...section }) => {
    check(Number.isInteger(section.index) && typeof section.title === 'string', 'section');
    return { ...section, paragraphs: paragraphsOf(section.index, paragraphs) };
  });
  return { doc: { ...meta.doc, lead, sections, source }, key: meta.key };
}

/** A Markdown or EPUB document from its parts: paragraphs as plain objects of the model. */
function richDocument(meta: Meta, source: string, bytes: Uint8Array): Document {
  let entries: unknown;
  try {
    entries = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new DamagedDocumentError('paragraphs');
  }
  check(Array.isArray(entries), 'paragraphs');
  const counts = [meta.lead, ...meta.sections.map((section) => section.paragraphs)];
  check(counts.every((n) => Number.isInteger(n) && n >= 0) && counts.reduce((sum, n) => sum + n, 0) === entries.length, 'paragraph count');
  let at = 0;
  const paragraphsOf = (section: number, n: number): Paragraph[] => {
    const list: Paragraph[] = [];
    for (let i = 0; i < n; i++) {
      const entry = entries[at++] as Rich;
      check(Array.isArray(entry) && Number.isInteger(entry[0]) && typeof entry[2] === 'string' && (entry[3] === undefined || (typeof entry[3] === 'object' && entry[3] !== null)), 'paragraph');
      const [offset, held, kind, rest] = entry;
      let text: string;
      if (typeof held === 'number') {
        check(Number.isInteger(held) && offset >= 0 && held >= 0 && offset + held <= source.length, 'paragraph text');
        text = source.slice(offset, offset + held);
      } else {
        check(typeof held === 'string', 'paragraph text');
        text = held;
      }
      list.push({ ...rest, id: `s${section}p${i + 1}`, section, index: i + 1, kind, text, offset });
    }
    return list;
  };
  const lead = paragraphsOf(0, meta.lead);
  const sections: Section[] = meta.sections.map(({ paragraphs, ...section }) => {
    check(Number.isInteger(section.index) && typeof section.title === 'string', 'section');
    return { ...section, paragraphs: paragraphsOf(section.index, paragraphs) };
  });
  return { ...meta.doc, lead, sections, source };
}
