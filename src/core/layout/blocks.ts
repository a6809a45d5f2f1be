/**
 * The document in reading order as a flat list of blocks, independent of any width: what the reader
 * scrolls through and what `yuedu print` prints. Notes and boilerplate are not part of the flow.
 */
import { blankLineBefore, sourceSeparates } from '../document/indentation.js';
import { LineParagraph } from '../document/line-paragraph.js';
import { concatView, isView, mapView, reader } from '../document/list-view.js';
import type { Document, Mark, Paragraph, ParagraphForm, ParagraphKind, TableData } from '../document/types.js';

/** What a block is: `text` is a paragraph (lead, question, answer or plain); `meta` is the trailing `原标题` line. */
export type BlockKind = 'title' | 'dateline' | 'heading' | 'text' | 'meta';

/** How a block's text is meant to look; paragraphs carry their kind. */
export type TextRole = 'title' | 'dateline' | 'heading' | ParagraphKind | 'meta';

export interface Block {
  /**
   * Stable id, usable in an anchor: `title`, `dateline`, `s2` (heading of section 2), `v1` (heading of
   * the first volume), a paragraph id such as `s2p3`, or `original-title`.
   */
  id: string;
  kind: BlockKind;
  role: TextRole;
  /** 0 for the title, dateline and lead; the section number otherwise (the last one for `meta`). */
  section: number;
  /** Set on `text` blocks (paragraphs) only. */
  paragraphId?: string;
  /** Shown before the text on the first row (e.g. `重庆日报：`), or empty. */
  label: string;
  text: string;
  /** From a marked-up source (see `Paragraph`): inline styles, and the frame of lists, quotes, code, tables. */
  marks?: readonly Mark[];
  form?: ParagraphForm;
  list?: { marker: string; depth: number };
  quote?: number;
  table?: TableData;
  /**
   * A paragraph after a blank line in a source that is otherwise set tight (see {@link sourceBreaks}):
   * the break is kept, with spacing 0 too.
   */
  readonly breakBefore?: boolean;
}

/** The label a turn is displayed with: the speaker's name and a full-width colon. */
export function displayLabel(paragraph: Paragraph): string {
  if (paragraph.label === undefined) return '';
  const name = paragraph.speaker ?? paragraph.label.replace(/[:：]\s*$/u, '');
  return `${name}：`;
}

/**
 * A paragraph's block: what it shows, read from the paragraph when asked for. One small object per
 * paragraph, not a copy of its fields and text (a million one-line paragraphs are a million blocks).
 */
class ParagraphBlock implements Block {
  private readonly paragraph: Paragraph;
  /** The document's source when its breaks are kept (see {@link sourceBreaks}). */
  readonly breaks: string | undefined;

  constructor(paragraph: Paragraph, breaks?: string) {
    this.paragraph = paragraph;
    this.breaks = breaks;
  }

  get breakBefore(): boolean {
    return this.breaks !== undefined && this.paragraph.offset > 0 && blankLineBefore(this.breaks, this.paragraph.offset);
  }

  get id(): string {
    return this.paragraph.id;
  }

  get kind(): BlockKind {
    return 'text';
  }

  get role(): TextRole {
    return this.paragraph.kind;
  }

  get section(): number {
    return this.paragraph.section;
  }

  get paragraphId(): string {
    return this.paragraph.id;
  }

  get label(): string {
    return displayLabel(this.paragraph);
  }

  get text(): string {
    return this.paragraph.text;
  }

  get marks(): readonly Mark[] | undefined {
    return this.paragraph.marks;
  }

  get form(): ParagraphForm | undefined {
    return this.paragraph.form;
  }

  get list(): { marker: string; depth: number } | undefined {
    return this.paragraph.list;
  }

  get quote(): number | undefined {
    return this.paragraph.quote || undefined;
  }

  get table(): TableData | undefined {
    return this.paragraph.table;
  }

  measureText(measure: (text: string, start: number, end: number) => number): number {
    const paragraph = this.paragraph;
    if (paragraph instanceof LineParagraph) return measure(paragraph.source, paragraph.offset, paragraph.offset + paragraph.length);
    const text = paragraph.text;
    return measure(text, 0, text.length);
  }

  approximateCells(): number {
    const paragraph = this.paragraph;
    const label = paragraph.label === undefined ? 0 : approximateCells(this.label);
    if (paragraph instanceof LineParagraph) return label + approximateCells(paragraph.source, paragraph.offset, paragraph.offset + paragraph.length);
    return label + approximateCells(paragraph.text);
  }
}

/** A cheap width guess for estimates: characters from CJK radicals upwards count as two cells. */
export function approximateCells(text: string, start = 0, end = text.length): number {
  let cells = 0;
  for (let i = start; i < end; i++) cells += text.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return cells;
}

/**
 * `measure` applied to a block's text as [start, end) of a string: a paragraph that is a line of the
 * source is measured there, in place, so a pass over a million blocks copies no text.
 */
export function measureBlockText(block: Block, measure: (text: string, start: number, end: number) => number): number {
  if (block instanceof ParagraphBlock) return block.measureText(measure);
  const text = block.text;
  return measure(text, 0, text.length);
}

/** {@link approximateCells} of a block's label and text; a line of the source is measured in place, not copied. */
export function approximateBlockCells(block: Block): number {
  if (block instanceof ParagraphBlock) return block.approximateCells();
  return approximateCells(block.label) + approximateCells(block.text);
}

const cellsMemo = new WeakMap<readonly Block[], Uint32Array>();

/**
 * {@link approximateBlockCells} of every block, made once per block list: they do not depend on the width,
 * so a resize's estimates need no second pass over a long book's text.
 */
export function blockCells(blocks: readonly Block[]): Uint32Array {
  let cells = cellsMemo.get(blocks);
  if (!cells) {
    cells = new Uint32Array(blocks.length);
    const read = reader(blocks);
    for (let i = 0; i < blocks.length; i++) cells[i] = approximateBlockCells(read(i)!);
    // Not kept for a text of very many lines (four bytes a line): a resize there measures again.
    if (!isView(blocks)) cellsMemo.set(blocks, cells);
  }
  return cells;
}

/** The source whose blank lines a paragraph block keeps (see {@link sourceBreaks}), if it is one. */
export function breakSource(block: Block | undefined): string | undefined {
  return block instanceof ParagraphBlock ? block.breaks : undefined;
}

/**
 * A text set tight (most of its paragraphs on the next line, as 道德经's lines or a poetry collection's
 * are) whose few blank lines part what belongs apart (one poem from the next, a scene from the next):
 * its source, whose blank lines then show with spacing 0 too. Undefined for a text parted throughout
 * (its spacing says how it is shown) and for Markdown and EPUB (their paragraphs are marked).
 *
 *     "静夜思\n床前明月光，\n疑是地上霜。\n\n春晓\n春眠不觉晓，" → the blank line shows: two poems
 */
export function sourceBreaks(doc: Document): string | undefined {
  return (doc.format ?? 'text') === 'text' && !sourceSeparates(doc) ? doc.source : undefined;
}

/** Builds the blocks of a document; prefer `documentBlocks`, which memoises. */
export function buildBlocks(doc: Document): Block[] {
  // Where each block is, learnt from the runs as they are joined: a pass over every block of a long
  // book to find them (each read of a view makes two objects) was a fifth of its first frame.
  const ids = new Map<string, number>();
  const firstParagraph = new Map<number, number>();
  let at = 0;
  const place = (run: Block | readonly Paragraph[]): void => {
    if (!Array.isArray(run)) ids.set((run as Block).id, at++);
    else {
      const list = run as readonly Paragraph[];
      // A run is one section's paragraphs (or the lead's), all of its number.
      const first = list.length > 0 ? reader(list)(0) : undefined;
      if (first !== undefined && !firstParagraph.has(first.section)) firstParagraph.set(first.section, at);
      at += list.length;
    }
  };
  let blocks: Block[];
  const breaks = sourceBreaks(doc);
  const paragraphBlock = (paragraph: Paragraph): Block => new ParagraphBlock(paragraph, breaks);
  // A text of very many lines keeps its paragraphs as numbers (document/list-view.ts): its blocks are
  // made as they are read too, a view over the sections' lists.
  if (doc.lead.length + doc.sections.length > 0 && [doc.lead, ...doc.sections.map((section) => section.paragraphs)].some(isView)) {
    const parts: (readonly Block[])[] = [];
    for (const run of blockRuns(doc)) {
      place(run);
      parts.push(Array.isArray(run) ? mapView(run as readonly Paragraph[], paragraphBlock) : [run as Block]);
    }
    blocks = concatView(parts);
  } else {
    blocks = [];
    // A run of paragraphs in one loop: a generator's step per paragraph was most of the time on a long text.
    // By index: a for…of steps through an iterator, an object a step until V8 optimises the loop.
    const runs = blockRuns(doc);
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      place(run);
      if (Array.isArray(run)) {
        const list = run as readonly Paragraph[];
        for (let k = 0; k < list.length; k++) blocks.push(new ParagraphBlock(list[k]!, breaks));
      } else blocks.push(run as Block);
    }
  }
  indexMemo.set(blocks, indexer(blocks, ids, firstParagraph));
  return blocks;
}

/** The blocks one at a time, kept by no one: for a single pass over a long document (`yuedu print`). */
export function* eachBlock(doc: Document): Generator<Block> {
  const breaks = sourceBreaks(doc);
  for (const run of blockRuns(doc)) {
    if (Array.isArray(run)) {
      // Read by index, not iterated: a view's iterator goes through its Proxy (see list-view.ts's `reader`).
      const list = run as readonly Paragraph[];
      const read = reader(list);
      for (let i = 0; i < list.length; i++) yield new ParagraphBlock(read(i)!, breaks);
    } else yield run as Block;
  }
}

/**
 * The blocks in reading order, a block or a run of paragraphs (each a block) at a time. A list, not a
 * generator: a long book's thousands of chapters made two steps each, every step an object, before V8
 * optimised the generator (its first frame).
 */
function blockRuns(doc: Document): (Block | readonly Paragraph[])[] {
  const runs: (Block | readonly Paragraph[])[] = [];
  runs.push({ id: 'title', kind: 'title', role: 'title', section: 0, label: '', text: doc.title });
  if (doc.dateline) {
    runs.push({ id: 'dateline', kind: 'dateline', role: 'dateline', section: 0, label: '', text: doc.dateline.raw });
  } else {
    // The metadata's author and date (`作者：`, front matter, the package) under the title, where a dateline goes.
    const byline = [doc.author, doc.date].filter((part) => part !== undefined && part !== '').join('  ');
    if (byline !== '') runs.push({ id: 'byline', kind: 'dateline', role: 'dateline', section: 0, label: '', text: byline });
  }
  runs.push(doc.lead);
  const volumes = doc.volumes ?? [];
  let volume = 0;
  const volumeBlock = (index: number, section: number): Block => ({
    id: `v${index + 1}`,
    kind: 'heading',
    role: 'heading',
    section,
    label: '',
    text: volumes[index]?.title ?? '',
  });
  for (const section of doc.sections) {
    // A volume's heading (`v1`) comes before its first section; it is no section of its own.
    for (; volume < volumes.length && (volumes[volume]?.firstSection ?? Infinity) <= section.index; volume++) runs.push(volumeBlock(volume, section.index));
    // A section without a heading line (an unstructured text) gets no heading row: its title is a fallback.
    if (section.offset >= 0) {
      runs.push({
        id: `s${section.index}`,
        kind: 'heading',
        role: 'heading',
        section: section.index,
        label: '',
        text: section.title,
      });
    }
    runs.push(section.paragraphs);
  }
  for (; volume < volumes.length; volume++) runs.push(volumeBlock(volume, doc.sections.at(-1)?.index ?? 0));
  if (doc.originalTitle !== undefined) {
    runs.push({
      id: 'original-title',
      kind: 'meta',
      role: 'meta',
      section: doc.sections.at(-1)?.index ?? 0,
      label: '原标题：',
      text: doc.originalTitle,
    });
  }
  return runs;
}

const memo = new WeakMap<Document, readonly Block[]>();

/** The document's blocks in reading order, built once per document. */
export function documentBlocks(doc: Document): readonly Block[] {
  let blocks = memo.get(doc);
  if (!blocks) {
    blocks = buildBlocks(doc);
    memo.set(doc, blocks);
  }
  return blocks;
}

const indexMemo = new WeakMap<readonly Block[], (id: string) => number>();

/**
 * Finds a block's index by its id (-1 for none), as the flow does: blocks that are not paragraphs (a few
 * per chapter) by a map, paragraphs (`s2p3`) from where their section's paragraphs start, so a million
 * one-line paragraphs are not a million keys. Made once per block list.
 */
export function blockIndexer(blocks: readonly Block[]): (id: string) => number {
  let found = indexMemo.get(blocks);
  if (found) return found;
  // Blocks not made by buildBlocks (a test's own list): one pass to learn where they are.
  const ids = new Map<string, number>();
  const firstParagraph = new Map<number, number>();
  const read = reader(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const block = read(i)!;
    if (block.kind !== 'text') ids.set(block.id, i);
    else if (!firstParagraph.has(block.section)) firstParagraph.set(block.section, i);
  }
  found = indexer(blocks, ids, firstParagraph);
  indexMemo.set(blocks, found);
  return found;
}

/** The finder of {@link blockIndexer}, from the index of each block that is no paragraph and of each section's first paragraph. */
function indexer(blocks: readonly Block[], ids: ReadonlyMap<string, number>, firstParagraph: ReadonlyMap<number, number>): (id: string) => number {
  const read = reader(blocks);
  return (id: string): number => {
    const known = ids.get(id);
    if (known !== undefined) return known;
    const paragraph = /^s(\d+)p(\d+)$/.exec(id);
    const first = paragraph ? firstParagraph.get(Number(paragraph[1])) : undefined;
    if (paragraph && first !== undefined) {
      const i = first + Number(paragraph[2]) - 1;
      if (read(i)?.id === id) return i;
    }
    for (let i = 0; i < blocks.length; i++) {
      const block = read(i)!;
      if (block.kind === 'text' && block.id === id) return i;
    }
    return -1;
  };
}
