/**
 * Assembles a {@link Document} from a marked-up source (Markdown, EPUB) walked in reading order: the
 * parser says where headings are (with their depth) and hands over paragraphs; the builder numbers them,
 * keeps the lead apart and gives every paragraph its reference (`s2p3`) exactly as plain text does.
 *
 * A source without a single heading reads as a plain text would (parse.ts): its paragraphs that the
 * chapter rules take for headings (`第1章 …` lines in a Markdown file without `#`) open sections; else
 * one section with no heading row, titled like the document, or, when it is long, generated parts of
 * about {@link PART_CHARS} characters titled by their first words, rather than a lead and nothing else.
 */
import { CONTENTS_WORD, findChapters } from './chapters.js';
import { LineParagraph } from './line-paragraph.js';
import { lineAppender, lineLists, trimList } from './list-view.js';
import { fallbackTitle, PART_CHARS } from './parse.js';
import type { Document, Format, Paragraph, Preview, Section, Shape } from './types.js';

/** A printed contents' fewest lines, and the share of them that must be titles (see `setAsideContents`). */
const CONTENTS_MIN = 3;
const CONTENTS_SHARE = 0.8;

/** A title without its spaces, to compare titles set differently (`第一章　出发`, `第一章 出发`). */
export function squeezed(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}

interface DraftSection {
  title: string;
  offset: number;
  depth: number;
  paragraphs: Entry[];
  generated?: boolean;
}

/** A paragraph before it has a place: the builder fills `id`, `section`, `index` and `kind`. */
export type DraftParagraph = Omit<Paragraph, 'id' | 'section' | 'index' | 'kind'>;

/** A paragraph as the builder holds it: a draft, or a plain one's number in {@link DocumentBuilder.plain}'s list. */
type Entry = DraftParagraph | number;

export interface Metadata {
  title: string;
  author?: string;
  date?: string;
  language?: string;
  format: Format;
  shape: Shape;
  notes?: string[];
  preview?: Preview;
}

export class DocumentBuilder {
  private readonly lead: Entry[] = [];
  private readonly sections: DraftSection[] = [];
  /** The paragraphs of the section being filled, or the lead. */
  private current: Entry[] = this.lead;
  /** Where each plain paragraph's text stands in the source: its offset and length, one pair each. */
  private spans = new Uint32Array(1024);
  private spanCount = 0;

  /** Opens a section: what follows belongs to it until the next heading. */
  heading(title: string, offset: number, depth: number): void {
    this.current = [];
    this.sections.push({ title, offset, depth: Math.max(1, depth), paragraphs: this.current });
  }

  paragraph(draft: DraftParagraph): void {
    this.current.push(draft);
  }

  /**
   * A paragraph that is nothing but the text at `offset` in the source the document is built with (an
   * EPUB's flow): held as two numbers until the build, which makes it a paragraph reading its text there.
   * A long book's paragraphs are nearly all such, and a draft and its string for each, held to the end,
   * were most of what its opening left the collector to copy (a 5 MB book opened ~0.1 s sooner).
   */
  plain(offset: number, length: number): void {
    if (2 * this.spanCount + 2 > this.spans.length) {
      const grown = new Uint32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[2 * this.spanCount] = offset;
    this.spans[2 * this.spanCount + 1] = length;
    this.current.push(this.spanCount++);
  }

  /**
   * Takes furniture out of the flow: `pick` is given the texts of the lead and of the book's last
   * `tail` paragraphs (a paragraph with a form, list, quote or marks, such as a link, as '') and names groups of them; each group
   * leaves the flow and its texts, a line each, are returned as one note. Only a book with sections.
   */
  setAside(source: string, tail: number, pick: (texts: string[], end: 'lead' | 'tail') => number[][]): string[] {
    const last = this.sections.at(-1)?.paragraphs;
    if (!last) return [];
    const notes: string[] = [];
    const take = (list: Entry[], from: number, end: 'lead' | 'tail') => {
      const texts = list.slice(from).map((entry) => (typeof entry === 'number' ? this.spanText(entry, source) : entry.form === undefined && entry.list === undefined && entry.quote === undefined && entry.marks === undefined ? entry.text : ''));
      const chosen = new Set<number>();
      for (const group of pick(texts, end)) {
        notes.push(group.map((i) => texts[i]).join('\n'));
        for (const i of group) chosen.add(from + i);
      }
      if (chosen.size === 0) return;
      const kept = list.filter((_, i) => !chosen.has(i));
      list.splice(0, list.length, ...kept);
    };
    take(this.lead, 0, 'lead');
    take(last, Math.max(0, last.length - tail), 'tail');
    return notes;
  }

  /**
   * Takes a printed contents out of the flow: a section titled `目录` (or Contents) whose paragraphs, three
   * or more, are nearly all the titles of the book's sections (or of `titles`, a table of contents').
   * Its lines become one note, and it leaves the outline: the
   * sidebar is the contents. Returns the notes.
   */
  setAsideContents(source: string, titles: Iterable<string> = []): string[] {
    const known = new Set([...titles, ...this.sections.map((section) => section.title)].map(squeezed));
    const notes: string[] = [];
    const kept = this.sections.filter((section) => {
      if (!CONTENTS_WORD.test(section.title.trim()) || section.paragraphs.length < CONTENTS_MIN) return true;
      const texts = section.paragraphs.map((entry) => (typeof entry === 'number' ? this.spanText(entry, source) : entry.text));
      // Only the text's own titles count: a list of chapters that are not the text's (an article's plan of a
      // book) is the article.
      const named = texts.filter((text) => known.has(squeezed(text))).length;
      if (named < CONTENTS_SHARE * texts.length) return true;
      notes.push([section.title, ...texts].join('\n'));
      return false;
    });
    if (notes.length === 0 || kept.length === 0) return [];
    this.sections.splice(0, this.sections.length, ...kept);
    this.current = this.sections.at(-1)?.paragraphs ?? this.lead;
    return notes;
  }

  /**
   * Takes a title page out of the flow: a lead (before the first section) of nothing but `names` (the
   * book's title, authors, date), bylines of them and image placeholders (a cover) says again what the
   * header says, and a reader opening the book would have to page past it. Its lines become one note;
   * a lead with anything else in it (a blurb, a copyright page) stays whole. Returns the notes.
   *
   *   names 诗与注, 某某:  ［图］ / 诗与注 / 某某 / 作者：某某  → a note;  诗与注 / 内容简介：…  → kept
   */
  setAsideTitlePage(source: string, names: readonly string[]): string[] {
    if (this.sections.length === 0 || this.lead.length === 0) return [];
    const known = new Set(names.map(squeezed).filter((name) => name !== ''));
    if (known.size === 0) return [];
    const texts = this.lead.map((entry) => (typeof entry === 'number' ? this.spanText(entry, source) : entry.text));
    const said = (text: string) => {
      const line = squeezed(text);
      if (/^［图(?:：[^］]*)?］$/u.test(line)) return true;
      return known.has(line) || known.has(line.replace(/^(?:作者|著者|文|撰文)[:：/／]?|(?:著|撰|编著|編著|译|譯)$/gu, ''));
    };
    if (!texts.every(said)) return [];
    this.lead.splice(0, this.lead.length);
    return [texts.join('\n')];
  }

  /** A plain paragraph's text, read from the source. */
  private spanText(entry: number, source: string): string {
    const offset = this.spans[2 * entry]!;
    return source.slice(offset, offset + this.spans[2 * entry + 1]!);
  }

  /**
   * Makes the given paragraphs headings after all: each opens a section a `depth` below the section it
   * was in, taking the paragraphs after it (the paragraph itself is not text any more).
   */
  promote(headings: ReadonlyMap<DraftParagraph, number>): void {
    const sections: DraftSection[] = [];
    for (const section of this.sections) {
      let current: DraftSection = { ...section, paragraphs: [] };
      sections.push(current);
      for (const draft of section.paragraphs) {
        const below = typeof draft === 'number' ? undefined : headings.get(draft);
        if (below === undefined || typeof draft === 'number') current.paragraphs.push(draft);
        else {
          current = { title: draft.text, offset: draft.offset, depth: section.depth + below, paragraphs: [] };
          sections.push(current);
        }
      }
    }
    this.sections.splice(0, this.sections.length, ...sections);
    this.current = this.sections.at(-1)?.paragraphs ?? this.lead;
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  /** Whether the section being filled (or the lead) has no paragraph yet. */
  get sectionIsEmpty(): boolean {
    return this.current.length === 0;
  }

  /** The sections of a source without headings, made from the lead (see the module comment). */
  private unheaded(title: string, source: string): DraftSection[] {
    const textOf = (entry: Entry): string => (typeof entry === 'number' ? this.spanText(entry, source) : entry.text);
    const offsetOf = (entry: Entry): number => (typeof entry === 'number' ? this.spans[2 * entry]! : entry.offset);
    // Only a plain paragraph may be a heading: code, tables, rules, notes, list items and quotes are read
    // as a sentence (so never a heading, and text between headings), not left out of the count.
    const plan = findChapters(
      this.lead.map((p) => (typeof p === 'number' ? textOf(p) : p.form === undefined && p.list === undefined && p.quote === undefined ? p.text : '。')),
    );
    if (plan !== undefined && plan.headings.size > 0) {
      const lead = this.lead.splice(0);
      const twoLevels = [...plan.headings.values()].includes('volume');
      const sections: DraftSection[] = [];
      lead.forEach((draft, i) => {
        const level = plan.headings.get(i);
        if (level !== undefined) {
          const depth = level === 'volume' ? 1 : (twoLevels ? 2 : 1) + (level === 'subchapter' ? 1 : 0);
          sections.push({ title: textOf(draft), offset: offsetOf(draft), depth, paragraphs: [] });
        } else if (sections.length > 0) sections.at(-1)!.paragraphs.push(draft);
        else this.lead.push(draft);
      });
      return sections;
    }
    const paragraphs = this.lead.splice(0);
    const lengthOf = (entry: Entry): number => (typeof entry === 'number' ? this.spans[2 * entry + 1]! : entry.text.length);
    const total = paragraphs.reduce((sum: number, p) => sum + lengthOf(p), 0);
    if (total <= 2 * PART_CHARS) return [{ title, offset: -1, depth: 1, paragraphs }];
    const parts: DraftSection[] = [];
    let size = 0;
    for (const draft of paragraphs) {
      if (parts.length === 0 || size >= PART_CHARS) {
        parts.push({ title: fallbackTitle(textOf(draft)), offset: -1, depth: 1, paragraphs: [], generated: true });
        size = 0;
      }
      parts.at(-1)!.paragraphs.push(draft);
      size += lengthOf(draft);
    }
    return parts;
  }

  /**
   * `textsInSource`: every paragraph's text stands in `source` at its offset (an EPUB's flow is made of
   * them). Each then takes its text from there, and lets go of the string it was read as, which may be
   * part of a whole file of markup (a parser's slice keeps what it was cut from).
   */
  build(meta: Metadata, source: string, { textsInSource = false, compactFrom }: { textsInSource?: boolean; compactFrom?: number } = {}): Document {
    const drafts = this.sections.length > 0 ? this.sections : this.lead.length > 0 ? this.unheaded(meta.title, source) : [];
    const spans = this.spans;
    const place = (draft: Entry, section: number, index: number): Paragraph =>
      typeof draft === 'number'
        ? new LineParagraph(source, spans[2 * draft]!, spans[2 * draft + 1]!).placed(section, index)
        : new PlacedParagraph(draft, section, index, textsInSource ? source.slice(draft.offset, draft.offset + draft.text.length) : draft.text);
    // A book of very many paragraphs keeps its plain ones as numbers, as a text of very many lines does
    // (see list-view.ts): 64 bytes an object, ~7 MB of a long EPUB's reader.
    let count = this.lead.length;
    for (const draft of drafts) count += draft.paragraphs.length;
    const lists = compactFrom !== undefined && count >= compactFrom ? lineLists(source, count) : undefined;
    const placeAll = (entries: readonly Entry[], section: number): Paragraph[] => {
      if (!lists) return entries.map((p, j) => place(p, section, j + 1));
      const list = lists();
      const append = lineAppender(list, section)!;
      for (const entry of entries) {
        if (typeof entry === 'number') append(spans[2 * entry]!, spans[2 * entry + 1]!);
        else list.push(place(entry, section, list.length + 1));
      }
      return list;
    };
    // In reading order, the lead first: the lists are filled one at a time.
    const lead = placeAll(this.lead, 0);
    const sections: Section[] = drafts.map((draft, i) => ({
      index: i + 1,
      title: draft.title,
      offset: draft.offset,
      ...(draft.depth > 1 && { depth: draft.depth }),
      ...(draft.generated === true && { generated: true }),
      paragraphs: placeAll(draft.paragraphs, i + 1),
    }));
    if (lists) trimList(sections.at(-1)?.paragraphs ?? lead);
    return {
      title: meta.title,
      ...(meta.author !== undefined && { author: meta.author }),
      ...(meta.date !== undefined && { date: meta.date }),
      ...(meta.language !== undefined && { language: meta.language }),
      format: meta.format,
      shape: meta.shape,
      lead,
      sections,
      notes: meta.notes ?? [],
      speakers: [],
      source,
      ...(meta.preview !== undefined && { preview: meta.preview }),
    };
  }
}

/**
 * A paragraph in its place: the draft's fields, and the reference and kind its place gives it, worked
 * out when read (a long book has a hundred thousand paragraphs, and a string for each reference adds up).
 */
class PlacedParagraph implements Paragraph {
  readonly section: number;
  readonly index: number;
  readonly text: string;
  readonly offset: number;
  readonly form?: Paragraph['form'];
  readonly list?: Paragraph['list'];
  readonly quote?: number;
  readonly marks?: Paragraph['marks'];
  readonly table?: Paragraph['table'];
  readonly speaker?: string;
  readonly role?: Paragraph['role'];
  readonly label?: string;

  constructor(draft: DraftParagraph, section: number, index: number, text: string) {
    this.section = section;
    this.index = index;
    this.text = text;
    this.offset = draft.offset;
    if (draft.form !== undefined) this.form = draft.form;
    if (draft.list !== undefined) this.list = draft.list;
    if (draft.quote !== undefined) this.quote = draft.quote;
    if (draft.marks !== undefined) this.marks = draft.marks;
    if (draft.table !== undefined) this.table = draft.table;
    if (draft.speaker !== undefined) this.speaker = draft.speaker;
    if (draft.role !== undefined) this.role = draft.role;
    if (draft.label !== undefined) this.label = draft.label;
  }

  get id(): string {
    return `s${this.section}p${this.index}`;
  }

  get kind(): Paragraph['kind'] {
    return this.section === 0 ? 'lead' : 'plain';
  }

  /** As the plain object it stands for. */
  toJSON(): Paragraph {
    const { section, index, ...rest } = this;
    return { id: this.id, section, index, kind: this.kind, ...rest };
  }
}
