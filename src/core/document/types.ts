/**
 * The document model every other layer reads: the parser fills it, layout and search consume it.
 * Offsets are UTF-16 code units into `Document.source` (the decoded, newline-normalised text),
 * so a search hit or a reading position can always be traced back to the file.
 */

/** Who asks and who answers is derived from the text, never from known names. */
export type Role = 'interviewer' | 'interviewee';

export interface Speaker {
  /** The name as written before the colon, e.g. `重庆日报`. */
  name: string;
  role: Role;
}

/** `lead`: before the first section; `question`/`answer`: a speaker's turn; `plain`: anything else. */
export type ParagraphKind = 'lead' | 'question' | 'answer' | 'plain';

/**
 * A span of a paragraph's text drawn differently, from a marked-up source (Markdown, EPUB): [start, end)
 * in UTF-16 code units of `Paragraph.text`. The text itself never holds markup, so search, citations and
 * references read it as they read plain text.
 */
export interface Mark {
  /**
   * `url`: the address shown after a link's text (` (https://…)`, part of the text, so `print` writes it);
   * `ref`: a footnote reference such as `[1]`; `ruby`: a base text whose reading is `reading`.
   */
  kind: 'strong' | 'emphasis' | 'code' | 'strike' | 'highlight' | 'link' | 'url' | 'ref' | 'ruby' | 'image';
  start: number;
  end: number;
  /** The link's target, on `link` marks. */
  url?: string;
  /** The ruby reading (`<rt>`), on `ruby` marks. */
  reading?: string;
}

/**
 * What a paragraph is when it is not prose wrapped by the Chinese rules (absent: prose).
 * `code`: shown as written, lines cut by cell width, never reflowed; `table`: see `Paragraph.table`;
 * `rule`: a thematic break (empty text); `note`: a footnote, listed at the end of its section; `verse`: a
 * line of a poem (an EPUB's `class="poem"`), set under the line before it without a blank row.
 */
export type ParagraphForm = 'code' | 'table' | 'rule' | 'note' | 'verse';

export interface TableData {
  /** Each row's cells as plain text; the first row is the header, unless `headerless`. */
  rows: string[][];
  /** Per column. */
  align: ('left' | 'right' | 'center' | null)[];
  /** A table written without a header (Pandoc's can be): every row is the body's. */
  headerless?: true;
}

export interface Paragraph {
  /** Stable short reference `s{section}p{index}` (`s0p1` is the first lead paragraph); used for deep links. */
  id: string;
  /** Section number: 0 for the lead, 1.. for the document's sections. */
  section: number;
  /** 1-based position within its section. */
  index: number;
  kind: ParagraphKind;
  /** Speaker name; paragraphs that continue an answer inherit it. */
  speaker?: string;
  role?: Role;
  /** The `NAME:` / `NAME：` prefix exactly as written; only on the paragraph that opens a turn. */
  label?: string;
  /** The paragraph text, without the label and without surrounding whitespace. */
  text: string;
  /** Offset of `text` in `Document.source`. */
  offset: number;
  /** Absent for prose (every plain-text paragraph). */
  form?: ParagraphForm;
  /**
   * A list item's paragraph: its marker (`•`, `3.`, `[1]` for a note; empty on an item's later paragraphs,
   * which hang under the first) and nesting depth, 1 at the top.
   */
  list?: { marker: string; depth: number };
  /** Block-quote nesting, 1 inside one `>`. */
  quote?: number;
  /** Inline styles, sorted by start; may nest (a link inside strong). */
  marks?: Mark[];
  /** On `form: 'table'`; `text` then holds the cells, ` | ` between them and a line per row. */
  table?: TableData;
}

export interface Section {
  /** 1-based, in reading order whatever the volumes; the lead is not a section (see `Document.lead`). */
  index: number;
  /** The heading as written; for a document without structure, the document title or a fallback. */
  title: string;
  /** Offset of the heading in `Document.source` (-1 when the section has no heading line). */
  offset: number;
  paragraphs: Paragraph[];
  /**
   * Nesting depth in the outline, 1 at the top. A book's chapters under volumes are 2; a Markdown `###`
   * under `#` and `##` is 3. Absent means 1.
   */
  depth?: number;
  /** Made by position for a text without structure (titled by its first words), not found in the text. */
  generated?: boolean;
}

/**
 * A heading that groups sections without being one (a book's `第一卷`): it has no paragraphs of its own
 * and no section number, so chapters keep their reading-order numbers whatever the volumes.
 */
export interface Volume {
  title: string;
  /** Offset of the heading line in `Document.source`. */
  offset: number;
  /** The first section it holds (1-based); it holds every section up to the next volume. */
  firstSection: number;
}

/**
 * One entry of the outline tree the sidebar and `toc` show. A node is a section (`section` set) or a
 * volume (`volume` set); children are the entries nested under it.
 */
export interface OutlineNode {
  title: string;
  depth: number;
  section?: number;
  volume?: number;
  generated?: boolean;
  children: OutlineNode[];
}

/**
 * What the text is, decided from the whole text: an interview (dialogue turns), a book (chapter rules),
 * an article (short headings between paragraphs), or plain (no structure found).
 */
export type Shape = 'interview' | 'book' | 'article' | 'plain';

export type Format = 'text' | 'markdown' | 'epub';

export interface Dateline {
  /** As written, e.g. `22.05.2020  08:02`. */
  raw: string;
  /** ISO 8601 local date-time, e.g. `2020-05-22T08:02`, when the dateline could be read. */
  iso?: string;
}

export interface Document {
  title: string;
  /** From `作者：`, front matter or the package metadata. */
  author?: string;
  /** A date from the metadata (front matter, EPUB), as written. */
  date?: string;
  /** A BCP 47 language tag from the metadata. */
  language?: string;
  /** Absent means `'text'`. */
  format?: Format;
  /** Absent means decided by the old rules (an interview when it has speakers). */
  shape?: Shape;
  /** Volumes grouping sections; empty or absent for one level. */
  volumes?: Volume[];
  dateline?: Dateline;
  /** Paragraphs between the dateline and the first section (section 0). */
  lead: Paragraph[];
  sections: Section[];
  /** From a trailing `原标题:` line. */
  originalTitle?: string;
  /** Site boilerplate (disclaimers, stray page words): kept, but out of the reading flow. */
  notes: string[];
  /** Speakers in order of first appearance. */
  speakers: Speaker[];
  /** The decoded, newline-normalised source all offsets refer to. */
  source: string;
  /** Set on a first look at a long book, drawn while the rest is read (see epub/parse.ts): never the book itself. */
  preview?: Preview;
}

/** What a first look holds of its book. */
export interface Preview {
  /** The part of the book's text read, 0–1 (by its files' sizes): the rest is only outlined. */
  share: number;
  /** The first section (1-based) without its text yet: it and those after it are only outlined. */
  unreadFrom: number;
}
