/**
 * EPUB (2 and 3) → {@link Document}. Throws {@link EpubError} (one line, no file name) for a book that
 * cannot be read; see archive.ts for the limits and package.ts for DRM.
 *
 * The spine's files are read in order (content.ts) into one flow. The table of contents decides the
 * sections: each entry starts a section where it points (a file, or an id in it), titled as the entry
 * and nested as the entries are (a part's chapters are depth 2). An entry without a link (a heading over
 * its children) starts where its first child does; one whose id is not found starts at its file's top.
 * What comes before the first entry (cover, title page) is the lead. A chapter's own heading right at
 * its start, saying what the entry says, is not repeated as text; other headings inside a chapter are
 * bold paragraphs, unless the table of contents is coarse (at least twice as many headings inside its
 * sections as it has entries: it names only the parts) and the headings then are sections under them.
 * A book without a usable table of contents takes its sections from its headings. Entries that all
 * point at the top of one file (their ids dropped by a converter) start at the headings that name them.
 * A TXT made into a book is read as its text, and the TXT's furniture is set aside (from-text.ts).
 *
 * `Document.source` is the book's text as the flow holds it (headings and paragraphs, a blank line
 * between them): what offsets, search and citations refer to. Nothing of the markup is kept.
 *
 *   nav: 第一部 (→ part1.xhtml) ─ 第一章 (→ ch1.xhtml), 第二章 (→ ch1.xhtml#c2)
 *   → sections 1 第一部 (depth 1), 2 第一章 (depth 2), 3 第二章 (depth 2, from the element id="c2")
 */
import { DocumentBuilder, squeezed, type DraftParagraph } from '../builder.js';
import { COMPACT_LINES } from '../parse.js';
import type { Document } from '../types.js';
import { Archive, EpubError, type EntryInflater } from './archive.js';
import { readContent, type ContentEvent } from './content.js';
import { readPackage, type BookPackage, type TocEntry } from './package.js';
import { SITE_WINDOW } from '../boilerplate.js';
import { asConverted, convertedText, furniture } from './from-text.js';

export { EpubError, type EntryInflater } from './archive.js';
export const UNTITLED_BOOK = '无标题';
/** Headings inside its sections, per section of the table of contents, from which it is too coarse. */
const COARSE_RATIO = 2;
const COARSE_MIN = 3;
/** The longest paragraph read as a heading that names a table-of-contents entry. */
const MAX_TITLE_PARAGRAPH = 40;

/** A book opened: its archive listed and checked, its package read. Read it with {@link readEpub}. */
export interface OpenedEpub {
  archive: Archive;
  book: BookPackage;
}

/** `inflater`: a faster way to inflate the entries than fflate's, from the caller (see archive.ts). */
export function openEpub(bytes: Uint8Array, inflater?: EntryInflater): OpenedEpub {
  const archive = new Archive(bytes, inflater);
  const book = readPackage(archive);
  const missing = book.spine.find((item) => !archive.has(item.path));
  if (missing !== undefined) throw new EpubError(`its spine item ${missing.path} could not be read`);
  archive.reserve([...new Set(book.spine.map((item) => item.path))]);
  return { archive, book };
}

/** The whole book. */
export function parseEpub(bytes: Uint8Array, inflater?: EntryInflater, options: ReadOptions = {}): Document {
  return readEpub(openEpub(bytes, inflater), undefined, options);
}

export interface ReadOptions {
  /** From how many paragraphs the plain ones are kept as numbers (list-view.ts). @default {@link COMPACT_LINES} */
  compactFrom?: number;
}

/**
 * A first look at a long book, drawn while the rest is read: its spine's files read until the text holds
 * `chars` characters, and every table-of-contents entry after them a section with its title and no text
 * yet, so the outline is the whole book's. `preview.share` says how much of the book's text was read (by
 * the files' inflated sizes). Undefined when the whole book may be outlined otherwise than its first files
 * say: no table of contents, or one of a single entry (the book's own rules decide), or one that names
 * only parts (headings inside its first sections would become the sections). The whole book itself (no
 * `preview`) when the files a first look would read are most of it (a book of one file, or a short one):
 * read once, not twice.
 *
 *   spine c1…c100, 5 MB; chars 32,000 → c1, c2 read (33,000 characters), sections 第1章 第2章 with their
 *   text, then 第3章 … 第100章 empty; share 0.02
 *   spine book.xhtml (the whole text) → the whole book
 */
export function previewEpub(opened: OpenedEpub, chars: number): Document | undefined {
  return readEpub(opened, chars);
}

/** The book, or with `preview` its first look (see {@link previewEpub}). */
export function readEpub({ archive, book }: OpenedEpub, preview?: undefined, options?: ReadOptions): Document;
export function readEpub({ archive, book }: OpenedEpub, preview: number, options?: ReadOptions): Document | undefined;
export function readEpub({ archive, book }: OpenedEpub, look?: number, { compactFrom = COMPACT_LINES }: ReadOptions = {}): Document | undefined {
  const spine = book.spine.map((item) => item.path);
  let preview = look;
  const read = new Set(spine);

  // For an entry without a link, the next entry with one (found backwards in one pass, so a hostile table
  // of contents of unlinked entries costs no more than a real one).
  const nextLinked: (TocEntry | undefined)[] = new Array<TocEntry | undefined>(book.toc.length);
  for (let i = book.toc.length - 1, next: TocEntry | undefined; i >= 0; i--) {
    nextLinked[i] = next;
    const entry = book.toc[i];
    if (entry?.path !== undefined) next = entry;
  }
  // The entries each spine file starts, in table-of-contents order, with where they point.
  const targets = new Map<string, { entry: TocEntry; to: TocEntry }[]>();
  book.toc.forEach((entry, i) => {
    const candidate = nextLinked[i];
    const to = entry.path !== undefined ? entry : candidate && candidate.depth > entry.depth ? candidate : undefined;
    if (!to?.path || !read.has(to.path)) return;
    const list = targets.get(to.path) ?? [];
    list.push({ entry, to });
    targets.set(to.path, list);
  });
  let useToc = targets.size > 0;
  // The same book wholly read may take its outline from its text (see the function's note).
  const single = book.toc.length === 1;
  if (preview !== undefined && (!useToc || single)) return undefined;
  if (preview !== undefined) {
    // The files it would take to hold that much Chinese text (three bytes a character, markup aside):
    // more than half the book's, and the book is read whole at once.
    const sizes = spine.map((path) => archive.size(path));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    let needed = 0;
    for (let i = 0; i < sizes.length && needed < 3 * preview; i++) needed += sizes[i]!;
    if (2 * needed > total) preview = undefined;
  }

  const builder = new DocumentBuilder();
  const header: string[] = [];
  /** Whether any of the book's own words were read yet. */
  let bookBegun = false;
  const licence: string[] = [];
  const source = new SourceText();
  let sectionTitle: string | undefined;
  const open = (entries: TocEntry[] | undefined) => {
    for (const entry of entries ?? []) {
      builder.heading(entry.title, source.add(entry.title), entry.depth);
      sectionTitle = entry.title;
    }
  };
  let topLevel = 6;
  /** Headings inside the table of contents' sections, shown as bold paragraphs unless the contents is coarse. */
  const inner: { draft: DraftParagraph; level: number }[] = [];

  const handle = (starts: Map<string, TocEntry[]>, path: string, event: ContentEvent): void => {
    if (event.type === 'boilerplate') {
      // Project Gutenberg's header (before the book's first words) is one note, its licence another.
      (bookBegun ? licence : header).push(event.text);
      return;
    }
    if (event.type !== 'anchor') bookBegun = true;
    if (event.type === 'anchor') {
      if (useToc) open(starts.get(`${path}#${event.id}`));
      return;
    }
    if (event.type === 'heading') {
      if (!useToc) {
        builder.heading(event.text, source.add(event.text), event.level - topLevel + 1);
        return;
      }
      // The chapter's own heading, already the section's title.
      if (sectionTitle !== undefined && builder.sectionIsEmpty && builder.sectionCount > 0 && sameTitle(event.text, sectionTitle)) return;
      const paragraph: DraftParagraph = { text: event.text, offset: source.add(event.text), marks: [{ kind: 'strong', start: 0, end: event.text.length }] };
      builder.paragraph(paragraph);
      // A scene break set as a heading (`＊＊＊`) names nothing: never a section.
      if (builder.sectionCount > 0 && /[\p{L}\p{N}]/u.test(event.text)) inner.push({ draft: paragraph, level: event.level });
      return;
    }
    // A chapter title set as a paragraph (`<p class="title">`), or as an image of it (`<img alt="第一章">`,
    // as 多看's books draw them), the first thing in its section.
    if (useToc && sectionTitle !== undefined && builder.sectionIsEmpty && builder.sectionCount > 0 && !event.draft.form) {
      const text = squeezed(event.draft.text);
      if (text === squeezed(sectionTitle) || text === squeezed(`［图：${sectionTitle}］`)) return;
    }
    // The draft is this event's own: placed as it is rather than copied.
    const draft = event.draft as DraftParagraph;
    if (onlyText(draft)) builder.plain(source.add(draft.text), draft.text.length);
    else {
      draft.offset = source.add(draft.text, draft);
      builder.paragraph(draft);
    }
  };

  // Each file is read, parsed and placed before the next is inflated: a long book's events and markup
  // are never all held at once (holding them made most of an EPUB's opening time the collector's).
  // Without a table of contents, headings are levelled by the book's highest, so the events are kept.
  const kept: { path: string; events: ContentEvent[] }[] = [];
  // One entry may name the chapters' place (`正文`) or nothing (Calibre's `Start` over a converted TXT):
  // the events are kept to tell (`single`).
  const place = (path: string, events: ContentEvent[]) => {
    // Where each entry into this file starts: at the id it names when the file has it, else at the top
    // (known once the whole file is read).
    const found = new Set<string>();
    for (const event of events) if (event.type === 'anchor') found.add(event.id);
    const starts = new Map<string, TocEntry[]>();
    const atTop: TocEntry[] = [];
    for (const { entry, to } of targets.get(path) ?? []) {
      if (to.fragment === undefined || !found.has(to.fragment)) {
        atTop.push(entry);
        continue;
      }
      const key = `${path}#${to.fragment}`;
      const list = starts.get(key) ?? [];
      list.push(entry);
      starts.set(key, list);
    }
    // Several entries at the top of one file (a converter that dropped their ids: Calibre's `#一码头`):
    // each after the first starts at the heading that names it, and the rest stay in order after it.
    const later = new Map<number, TocEntry[]>();
    const top: TocEntry[] = [];
    let last: number | undefined;
    atTop.forEach((entry, k) => {
      const at = k === 0 ? -1 : events.findIndex((event, i) => i > (last ?? -1) && namesEntry(event, entry.title));
      // One not found starts just after the heading of the one before it.
      const start = at >= 0 ? at : last === undefined ? undefined : last + 1;
      if (at >= 0) last = at;
      if (start === undefined) top.push(entry);
      else later.set(start, [...(later.get(start) ?? []), entry]);
    });
    open(top);
    events.forEach((event, i) => {
      open(later.get(i));
      handle(starts, path, event);
    });
    open(later.get(events.length));
    source.seal();
  };
  // A file the spine names twice is read twice: the placed drafts are the events' own.
  /** Where a preview stopped reading: the spine's files from there are only outlined. */
  let unread = spine.length;
  for (const [i, path] of spine.entries()) {
    if (preview !== undefined && source.length >= preview) {
      unread = i;
      break;
    }
    const entries = targets.get(path) ?? [];
    if (useToc && !single && entries.length <= 1 && entries.every(({ to }) => to.fragment === undefined)) {
      // The file's one entry starts at its top (the common case, a file a chapter): its events are
      // placed as they are read, never held, so none lives long enough for the collector to copy it.
      const starts = new Map([[path, entries.map(({ entry }) => entry)]]);
      open(starts.get(path));
      readContent(readSpineItem(archive, path), (event) => handle(starts, path, event));
      source.seal();
      continue;
    }
    const events = readContent(readSpineItem(archive, path));
    if (!useToc || single) {
      for (const event of events) if (event.type === 'heading' && event.level < topLevel) topLevel = event.level;
      kept.push({ path, events });
      continue;
    }
    place(path, events);
  }
  let share: number | undefined;
  let unreadFrom = 0;
  if (unread < spine.length) {
    // Headings inside the first sections, as many as a contents of parts would have under it: the whole
    // book may make them its sections (below), so no first look.
    if (inner.length >= Math.max(COARSE_MIN, COARSE_RATIO * builder.sectionCount)) return undefined;
    const placed = new Set(spine.slice(0, unread));
    const size = (path: string): number => archive.size(path);
    const total = spine.reduce((sum, path) => sum + size(path), 0);
    share = total === 0 ? 1 : spine.slice(0, unread).reduce((sum, path) => sum + size(path), 0) / total;
    unreadFrom = builder.sectionCount + 1;
    for (const path of new Set(spine.slice(unread))) {
      if (placed.has(path)) continue;
      open(targets.get(path)?.map(({ entry }) => entry));
    }
  }
  if (kept.length > 0) {
    const converted = convertedText(kept);
    if (converted !== undefined) {
      const doc = asConverted(converted, book);
      // A one-entry contents keeps its say unless the text's own rules find more than one section.
      if (!useToc || doc.sections.length > 1) return doc;
    }
    // Calibre's one entry over a book it found no contents for (`Start`, at the cover page): it names
    // nothing, and the book's headings are its sections, as in a book without a table of contents.
    if (useToc && single && coverOnly(kept, book.toc[0]?.path)) useToc = false;
    for (const { path, events } of kept) {
      if (useToc) place(path, events);
      else for (const event of events) handle(new Map(), path, event);
    }
  }
  // A table of contents that names only the parts (`正文`, `第一卷`) of a book whose chapters have headings:
  // the headings are the parts' sections, nested under them as their levels say.
  if (inner.length >= Math.max(COARSE_MIN, COARSE_RATIO * builder.sectionCount)) {
    const top = inner.reduce((min, heading) => Math.min(min, heading.level), 6);
    builder.promote(new Map(inner.map(({ draft, level }) => [draft, level - top + 1])));
  }
  const flow = source.text();
  const notes = builder.setAside(flow, SITE_WINDOW, furniture);
  // A printed contents page among the chapters (a `目录` entry over the chapters' titles): the sidebar is it.
  notes.push(...builder.setAsideContents(flow, book.toc.map((entry) => entry.title)));
  if (header.length > 0) notes.unshift(header.join('\n'));
  if (licence.length > 0) notes.push(licence.join('\n'));
  // A title page (Pandoc's, a cover and the title under it): the header says it.
  notes.unshift(...builder.setAsideTitlePage(flow, [book.title ?? '', ...(book.author?.split('、') ?? []), book.author ?? '', book.date ?? '']));
  return builder.build(
    {
      title: book.title ?? book.toc[0]?.title ?? UNTITLED_BOOK,
      ...(notes.length > 0 && { notes }),
      ...(book.author !== undefined && { author: book.author }),
      ...(book.date !== undefined && { date: book.date }),
      ...(book.language !== undefined && { language: book.language }),
      format: 'epub',
      shape: 'book',
      ...(share !== undefined && { preview: { share, unreadFrom } }),
    },
    flow,
    { textsInSource: true, compactFrom },
  );
}

function readSpineItem(archive: Archive, path: string): string {
  const text = archive.readText(path);
  if (text === undefined) throw new EpubError(`its spine item ${path} could not be read`);
  return text;
}

/**
 * Whether the one entry's file (`to`) holds nothing but images (a cover page) and the files after it
 * hold two headings or more.
 *
 *   Start → titlepage.xhtml (<svg><image/></svg>), then files headed 第1章, 第2章 → true
 *   正文 → text.xhtml (paragraphs of text)                                       → false
 */
function coverOnly(kept: readonly { path: string; events: ContentEvent[] }[], to: string | undefined): boolean {
  const at = kept.findIndex((file) => file.path === to);
  if (at < 0) return false;
  const image = (event: ContentEvent): boolean => event.type === 'anchor' || (event.type === 'paragraph' && /^(?:［图(?:：[^］]*)?］)?$/u.test(event.draft.text));
  if (!kept[at]!.events.every(image)) return false;
  let headings = 0;
  for (const file of kept.slice(at + 1)) for (const event of file.events) if (event.type === 'heading') headings++;
  return headings >= 2;
}

/** A paragraph that is its text and nothing else (no marks, list, quote or form): the builder keeps it as numbers. */
function onlyText(draft: DraftParagraph): boolean {
  return draft.marks === undefined && draft.list === undefined && draft.quote === undefined && draft.form === undefined && draft.table === undefined && draft.label === undefined && draft.speaker === undefined && draft.role === undefined;
}

/** A heading, or a paragraph set as one (short, plain), that says what a table-of-contents entry says. */
function namesEntry(event: ContentEvent, title: string): boolean {
  if (event.type === 'heading') return sameTitle(event.text, title);
  if (event.type !== 'paragraph' || event.draft.form !== undefined || event.draft.text.length > MAX_TITLE_PARAGRAPH) return false;
  const text = squeezed(event.draft.text);
  return text !== '' && text === squeezed(title);
}

/** A chapter heading and its entry name the same thing when one holds the other, spaces aside. */
function sameTitle(heading: string, title: string): boolean {
  const a = squeezed(heading);
  const b = squeezed(title);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/**
 * The flow's text, paragraph by paragraph, with a blank line between. Each file's paragraphs are
 * joined once the file is read, and their drafts take their text from the joined string: the strings
 * they were read as (pieces glued together, slices of the file's markup, which they keep whole) then
 * die young instead of living on to the end of the book.
 */
class SourceText {
  private readonly chunks: string[] = [];
  private parts: string[] = [];
  private holders: ({ text: string } | undefined)[] = [];
  private size = 0;

  /** Characters in the text so far. */
  get length(): number {
    return this.size;
  }

  add(text: string, holder?: { text: string }): number {
    const offset = this.size;
    this.parts.push(text);
    this.holders.push(holder);
    this.size += text.length + 2;
    return offset;
  }

  seal(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('\n\n');
    let at = 0;
    this.parts.forEach((text, i) => {
      const holder = this.holders[i];
      if (holder) holder.text = chunk.slice(at, at + text.length);
      at += text.length + 2;
    });
    this.chunks.push(chunk);
    this.parts = [];
    this.holders = [];
  }

  text(): string {
    this.seal();
    return this.chunks.join('\n\n');
  }
}
