/**
 * Markdown → {@link Document}, through mdast-util-from-markdown (CommonMark, with GFM's tables,
 * strikethrough, autolinks, task lists and footnotes, and YAML front matter). Never throws: any text opens.
 *
 * What becomes what:
 * - Front matter is metadata (title, author, date), never text (see front-matter.ts).
 * - The title: the front matter's; else the first `#` heading. When that `#` is the only one it is the
 *   title and not a section (an article: `# 标题` then `##` parts); when there are several `#`, each is a
 *   section and the first also names the document. Without any, the first heading or the first words.
 * - Headings are sections, nested by level: depths count from the shallowest level used, so an article
 *   of `##` and `###` nests as 1 and 2. Paragraphs before the first heading are the lead.
 * - Inline: strong, emphasis, strike, code and links become marks on plain text; a link's address
 *   follows its text as ` (url)` (its own mark, drawn dimmed) unless the text is the address; images are
 *   `［图：alt］`; HTML tags are dropped and their text kept (`<br>` breaks the line); footnote
 *   references are `[1]`, numbered in the order they are first referred to.
 * - Blocks: list items carry their marker (`•`, `◦`, `▪` by depth, `3.`, `☐`/`☑` for tasks) and depth;
 *   block quotes their depth; code blocks, tables and thematic breaks are paragraphs of their own form.
 *   Footnotes are listed at the end of the section that first refers to them; unreferenced ones at the end.
 *
 *   ---\ntitle: 札记\n---\n## 一\n正文**重点**[^a]\n\n[^a]: 注文
 *   → title 札记; section 1 `一` (depth 1): `正文重点[1]` (strong [2, 4), ref [4, 7)), then note `[1]` `注文`
 */
import { matchHeading } from '../chapters.js';
import { ADMONITION, admonitionsAsQuotes } from './admonitions.js';
import { pandocTable, type PandocTable } from './pandoc-tables.js';
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { frontmatter } from 'micromark-extension-frontmatter';
import { cjkFriendlyExtension } from 'micromark-extension-cjk-friendly';
import { gfmStrikethroughCjkFriendly } from 'micromark-extension-cjk-friendly-gfm-strikethrough';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { DocumentBuilder, type DraftParagraph } from '../builder.js';
import { joinedIndentedParagraphs, imagePlaceholder, InlineText, type OpenMark } from '../inline.js';
import { nameTitle } from '../parse.js';
import type { Document, ParagraphForm } from '../types.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { readContent } from '../epub/content.js';
import { htmlBlockOpen, markdownParts, normalizeLabel, type Definition } from './parts.js';
import { htmlHeading, htmlText } from './html.js';

const BULLETS = ['•', '◦', '▪'];
const RUBY_TAG = /^<(\/?)(ruby|rt|rp)\b[^>]*>$/iu;
/**
 * A paragraph that only asks for a table of contents: `[TOC]` (Typora, many Chinese editors), `[[toc]]`
 * (VuePress), `@[toc](目录)` (CSDN), `${toc}`, `[[_TOC_]]` (GitLab).
 */
const TOC_DIRECTIVE = /^(?:\[toc\]|\[\[_?toc_?\]\]|@\[toc\](?:\([^)\n]*\))?|\$\{toc\})$/iu;
const FALLBACK_TITLE = 20;
export const UNTITLED_MARKDOWN = '无标题';

/** Where a block sits: inside how many quotes, which list item (whose marker the first paragraph takes). */
interface Context {
  quote: number;
  item?: { marker: string; depth: number };
  form?: ParagraphForm;
}

export interface MarkdownOptions {
  /** The file's name: the title of a text with neither front matter nor a heading, before its first words. */
  name?: string;
  /**
   * Called after each part of a long file is parsed (see parts.ts), the last too, before the walk over
   * their tree: where the runtime can, a full collection there keeps the parser's garbage from piling up
   * (measured on a 3.5 MB file, `toc`: after every part, 107 MB and 2.2 s; every fourth, 125 MB and
   * 1.6 s; never, 190 MB).
   */
  between?: () => void;
  /** The parts' size (parts.ts); tests make it small. Files of more than twice this are parsed in parts. */
  partSize?: number;
}

/** Files longer than this are parsed in parts of about this size (parts.ts). */
export const MARKDOWN_PART = 64 * 1024;
/** Link definitions repeated into every part that refers to ones elsewhere, up to this many characters in all. */
const STUBS_MAX = 64 * 1024;

export function parseMarkdown(source: string, options: MarkdownOptions = {}): Document {
  const size = options.partSize ?? MARKDOWN_PART;
  // Parsed with MkDocs' admonitions as quotes (the same length: every position is still the file's).
  const parsed = admonitionsAsQuotes(source);
  const tree = (parsed.length > 2 * size && parseInParts(parsed, size, options.between)) || parseTree(parsed);
  return new MarkdownWalker(source, tree, options.name).document();
}

function parseTree(source: string): Root {
  return fromMarkdown(source, {
    // TOML front matter (`+++`, Hugo's) is hidden too, though only YAML's is read for metadata.
    // CJK-friendly emphasis: `**重点：**后文` is strong, though CommonMark's flanking rules leave its `**`
    // as text when punctuation sits inside it and a Chinese character outside (the strikethrough rule
    // must come after gfm()).
    // Math (Typora's, Obsidian's): a `$$` block is shown as written, like code; inline only as `$$x$$`,
    // since a single `$` is as often a price (`$5 和 $10`) as a formula.
    // Strikethrough only as `~~x~~`: Chinese writes a single `~` for ranges and a drawl (`3~5点`, `好吗~`),
    // where GFM's single-tilde strike ate `3~5点，或者6~8点` into `35点，或者68点`.
    extensions: [gfm({ singleTilde: false }), cjkFriendlyExtension(), gfmStrikethroughCjkFriendly({ singleTilde: false }), frontmatter(['yaml', 'toml']), math({ singleDollarTextMath: false })],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml']), mathFromMarkdown()],
  });
}

/**
 * The tree of a long file parsed part by part (parts.ts) and joined: the same tree as parsed whole, with
 * positions in the whole file. Undefined when the file has no cut points, or when its references would
 * need more than the stubs allow: then it is parsed whole.
 */
function parseInParts(source: string, size: number, between: (() => void) | undefined): Root | undefined {
  const { starts, lines, links, footnotes, closedAtEnd } = markdownParts(source, size);
  if (starts.length === 0) return undefined;
  const linkText = links.reduce((sum, link) => sum + (link.line?.length ?? 0), 0);
  if (linkText > STUBS_MAX) return undefined;
  const root: Root = { type: 'root', children: [] };
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? source.length;
    const text = source.slice(start, end);
    const stubs = stubsFor(text, start, end, links, footnotes);
    if (stubs.length > 0 && end === source.length && !closedAtEnd) return undefined;
    const tree = parseTree(stubs.length === 0 ? text : `${text}\n\n${stubs.join('\n\n')}\n`);
    const kept = tree.children.length - stubs.length;
    // The stubs come back as the last nodes, one each, or the part is not what parts.ts promised.
    if (tree.children.slice(kept).some((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition')) return undefined;
    // parts.ts reads block structure by lines, not as the parser does: a cut it got wrong, or stubs
    // appended after a fence still open (which they would close), show here.
    if ((end < source.length || stubs.length > 0) && endsOpen(tree.children[kept - 1], text)) return undefined;
    // A part with stubs was parsed from a copy of its text, which its text nodes are slices of.
    const shift: Shift = { offset: start, lines: lines[i]!, ...(stubs.length > 0 && { source }) };
    for (let k = 0; k < kept; k++) {
      const node = tree.children[k]!;
      shiftPositions(node, shift);
      root.children.push(node);
    }
    if (between) between();
  }
  if (root.children.length > 0) root.position = { start: { line: 1, column: 1, offset: 0 }, end: root.children[root.children.length - 1]!.position!.end };
  return root;
}

/**
 * Whether a part, parsed alone, ends inside a fenced code or math block or an HTML block that only its
 * closing tag ends, from its `last` block down: then the cut after it was inside that block in the whole
 * file. A fence counts as open unless its last line closes it, whatever else closed it (a stub).
 */
function endsOpen(last: Nodes | undefined, text: string): boolean {
  for (let node: Nodes | undefined = last; node; node = 'children' in node ? node.children.at(-1) : undefined) {
    if (node.type === 'html' && htmlBlockOpen(node.value)) return true;
    if ((node.type === 'code' || node.type === 'math') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const lines = text.slice(node.position.start.offset, node.position.end.offset).split('\n').map((line) => line.replace(/^[>\s]*/u, '').trimEnd());
      const open = /^(`{3,}|~{3,}|\${2,})/u.exec(lines[0]!);
      const close = lines.length > 1 ? /^(`{3,}|~{3,}|\${2,})$/u.exec(lines.at(-1)!) : null;
      if (open && !(close && close[1]![0] === open[1]![0] && close[1]!.length >= open[1]!.length)) return true;
    }
  }
  return false;
}

/**
 * Stubs of the definitions made outside [start, end) that `text` may refer to, even where the part seems
 * to make its own: a line read as a definition by parts.ts may be a paragraph's lazy line, and a stub
 * too many only defines a label (its node is taken off; the walk reads the real ones).
 */
function stubsFor(text: string, start: number, end: number, links: Definition[], footnotes: Definition[]): string[] {
  const inside = (definition: Definition) => definition.offset >= start && definition.offset < end;
  const stubs: string[] = [];
  if (footnotes.length > 0 && text.includes('[^')) {
    const wanted = new Set<string>();
    for (const match of text.matchAll(/\[\^([^\]\s]+)\]/gu)) wanted.add(normalizeLabel(match[1]!));
    const seen = new Set<string>();
    for (const note of footnotes) {
      if (inside(note) || !wanted.has(note.label) || seen.has(note.label)) continue;
      seen.add(note.label);
      stubs.push(`[^${note.label}]: .`);
    }
  }
  if (links.length > 0 && text.includes('[')) {
    // Every bracketed run may be a label: `[text][label]`, `[label][]` and `[label]` alike, on one line
    // or across lines (`[Build issue\ntracker][]`).
    const wanted = new Set<string>();
    for (const match of text.matchAll(/\[([^[\]]{1,999})\]/gu)) wanted.add(normalizeLabel(match[1]!));
    const seen = new Set<string>();
    for (const link of links) {
      if (inside(link) || !wanted.has(link.label) || seen.has(link.label)) continue;
      seen.add(link.label);
      stubs.push(link.line!);
    }
  }
  return stubs;
}

interface Shift {
  /** Where the part starts in the file, in characters and in lines. */
  offset: number;
  lines: number;
  /** The file, when the part was parsed from a copy of its text. */
  source?: string;
}

/** Shorter strings are copies, not slices of the text they were cut from. */
const SLICED_FROM = 13;

/**
 * Moves a part's positions to the whole file's, and makes the part's tree as small as it can be while
 * the other parts are parsed (measured on the 4 MB Markdown novel, its tree ~28 MB when joined, half
 * of it this slack):
 *
 * - Only blocks' positions are read (offsets, a paragraph's source): the phrasing inside paragraphs,
 *   headings and table cells loses its own, about half of a long file's tree. Set to undefined, not
 *   deleted: a node with a property deleted becomes a dictionary of ~250 bytes, where it was ~40.
 * - A node's children were pushed one by one, which leaves room for sixteen: copied to their size
 *   (~130 bytes a list).
 * - A text node cut from a copy of the part's text (a part with stubs) is cut from the file instead,
 *   where it reads the same: the copies (~130 KB a part) are not kept alive by their slices.
 */
function shiftPositions(node: Nodes, shift: Shift, phrasing = false): void {
  const position = node.position;
  if (phrasing) {
    if (position) {
      const { source } = shift;
      if (source !== undefined && node.type === 'text' && node.value.length >= SLICED_FROM && position.start.offset !== undefined) {
        const from = shift.offset + position.start.offset;
        const same = source.slice(from, from + node.value.length);
        if (same === node.value) node.value = same;
      }
      node.position = undefined;
    }
  } else if (position) {
    position.start.line += shift.lines;
    position.end.line += shift.lines;
    if (position.start.offset !== undefined) position.start.offset += shift.offset;
    if (position.end.offset !== undefined) position.end.offset += shift.offset;
  }
  const inner = phrasing || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
  if ('children' in node) {
    const children = node.children.slice();
    (node as { children: Nodes[] }).children = children;
    for (const child of children) shiftPositions(child, shift, inner);
  }
}

class MarkdownWalker {
  private readonly builder = new DocumentBuilder();
  private readonly definitions = new Map<string, string>();
  private readonly footnotes = new Map<string, Parent>();
  private readonly numbers = new Map<string, number>();
  /** Footnotes referred to in the section being read and not listed yet. */
  private sectionNotes: string[] = [];
  private readonly listed = new Set<string>();
  private meta: FrontMatter = {};
  private titleHeading: Nodes | undefined;
  /** The page's properties, set aside (see `properties`). */
  private readonly propertyNotes: string[] = [];
  private minDepth = 1;
  private title = '';
  /** Containers (`:::tips` … `:::`) open around the block being read: quote levels of their own. */
  private containers = 0;
  /** Inside an Obsidian comment (`%%`) that runs over paragraphs. */
  private commented = false;
  /** The open fences, inner last: a quote (a named container) or a wrapper (Pandoc's `::: {.class}`, shown as nothing). */
  private fences: ('quote' | 'wrapper')[] = [];
  /** The ruby being read in the paragraph being built, and whether inside its reading or fallback brackets. */
  private ruby: { mark: OpenMark; reading: string[]; inside?: 'rt' | 'rp' } | undefined;
  /** Whether the text is written in Chinese, once a callout asks (see `kindLabel`). */
  private chinese: boolean | undefined;

  private readonly source: string;
  private readonly tree: Root;
  /** Whether the last top-level paragraph was a definition list's term or definition (see `definition`). */
  private afterTerm = false;
  /** The `<video>` or `<audio>` open inline, whose fallback words are not read. */
  private inMedia: string | undefined;
  /** Pandoc's tables among the top-level nodes, by the index of their first node. */
  private readonly tables = new Map<number, PandocTable>();

  constructor(source: string, tree: Root, private readonly name?: string) {
    this.source = source;
    this.tree = tree;
  }

  document(): Document {
    this.prepare();
    const nodes = this.tree.children;
    for (let i = 0; i < nodes.length; i++) {
      // Pandoc's simple, grid and multiline tables, which CommonMark reads as rules and run-on paragraphs.
      const table = this.tables.get(i);
      if (table) {
        const text = table.rows.map((cells) => cells.join(' | ')).join('\n');
        const ctx: Context = { quote: 0 };
        this.emit({ text, offset: offsetOf(nodes[i]!), form: 'table', table: { rows: table.rows, align: [], ...(table.headerless && { headerless: true }) } }, ctx);
        if (table.fenced?.type === 'paragraph' && this.containerFences(table.fenced, ctx).closes) this.containers--;
        i += table.count - 1;
        continue;
      }
      // A page's properties under its title, as Notion exports them (`Created: …`, `Tags: …`): metadata.
      if (nodes[i]!.type === 'paragraph' && i > 0 && nodes[i - 1] === this.titleHeading && this.properties(this.sourceOf(nodes[i]!))) continue;
      if (this.definition(nodes[i]!, nodes[i + 1])) continue;
      this.block(nodes[i]!, { quote: 0 });
    }
    this.flushNotes();
    // Footnotes nobody refers to still belong to the text.
    this.sectionNotes = [...this.footnotes.keys()].filter((id) => !this.listed.has(id));
    this.flushNotes();
    // A contents written by hand (`## 目录`, then links to the headings): the sidebar is one.
    const notes = [...this.propertyNotes, ...this.builder.setAsideContents(this.source)];
    return this.builder.build(
      {
        title: this.title,
        ...(notes.length > 0 && { notes }),
        ...(this.meta.author !== undefined && { author: this.meta.author }),
        ...(this.meta.date !== undefined && { date: this.meta.date }),
        ...(this.meta.language !== undefined && { language: this.meta.language }),
        format: 'markdown',
        shape: 'article',
      },
      this.source,
    );
  }

  /**
   * Whether a paragraph is a page's properties (two lines or more, each `Key: value`): if so they are a
   * note, a date or an author among them the document's when the front matter gave none.
   */
  private properties(written: string): boolean {
    const lines = written.split('\n').map((line) => line.trim());
    if (lines.length < 2 || !lines.every((line) => PROPERTY.test(line))) return false;
    for (const line of lines) {
      const [, key = '', value = ''] = PROPERTY.exec(line) ?? [];
      if (this.meta.date === undefined && DATE_KEY.test(key.trim())) this.meta.date = value.trim();
      if (this.meta.author === undefined && AUTHOR_KEY.test(key.trim())) this.meta.author = value.trim();
    }
    this.propertyNotes.push(lines.join('\n'));
    return true;
  }

  /** Metadata, link definitions, footnotes, the title and the shallowest heading level, before the walk. */
  private prepare(): void {
    // Pandoc's tables first: what CommonMark made of their lines (a multiline table's last row and closing
    // dashes read as a setext heading) is no heading of the text.
    const nodes = this.tree.children;
    const inTables = new Set<Nodes>();
    for (let i = 0; i < nodes.length; i++) {
      const type = nodes[i]!.type;
      const table = type === 'paragraph' || type === 'thematicBreak' ? pandocTable(nodes, i, this.source) : undefined;
      if (!table) continue;
      this.tables.set(i, table);
      for (let k = i; k < i + table.count; k++) inTables.add(nodes[k]!);
      i += table.count - 1;
    }
    const headings: { node: Nodes; depth: number; text: string }[] = [];
    const visit = (node: Nodes) => {
      if (inTables.has(node)) return;
      // mdast's types know YAML front matter only; micromark reads TOML's (`+++`) into a node alike.
      const front = node as { type: string; value?: string };
      if ((front.type === 'yaml' || front.type === 'toml') && this.tree.children[0] === node) this.meta = readFrontMatter(front.value ?? '', front.type);
      else if (node.type === 'definition') this.definitions.set(node.identifier, node.url);
      else if (node.type === 'footnoteDefinition') this.footnotes.set(node.identifier, node);
      else if (node.type === 'heading') headings.push({ node, depth: node.depth, text: this.plain(node.children) });
      else if (node.type === 'html' && this.tree.children.includes(node)) {
        const heading = htmlHeading(node.value);
        if (heading) headings.push({ node, depth: heading.depth, text: heading.text });
      }
      if ('children' in node && node.type !== 'heading') for (const child of node.children) visit(child);
    };
    visit(this.tree);
    const tops = headings.filter((heading) => heading.depth === 1);
    const first = headings[0];
    if (this.meta.title !== undefined) {
      this.title = this.meta.title;
      if (first && first.depth === 1 && tops.length === 1 && same(first.text, this.meta.title)) this.titleHeading = first.node;
    } else if (tops[0] && !(tops.length > 1 && chapterHeading(tops[0].text) && nameTitle(this.name))) {
      this.title = tops[0].text;
      if (tops.length === 1 && first === tops[0]) this.titleHeading = first.node;
    } else {
      // A book's chapters as its headings (`# 第一章` … `# 第二章`): the first names its chapter, not the
      // book, and the file's name is the better title.
      this.title = (first && !chapterHeading(first.text) ? first.text : undefined) || nameTitle(this.name) || first?.text || this.firstWords();
    }
    const sectionDepths = headings.filter((heading) => heading.node !== this.titleHeading).map((heading) => heading.depth);
    // A fold, not Math.min(...): a long text has more headings than a call takes arguments.
    this.minDepth = sectionDepths.reduce((min, depth) => Math.min(min, depth), 6);
  }

  private block(node: RootContent, ctx: Context): void {
    if ((node as { type: string }).type === 'toml') return;
    switch (node.type) {
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'heading': {
        if (node === this.titleHeading) return;
        if (ctx.quote > 0 || ctx.item) {
          // A heading inside a quote or list is emphasis there, not a part of the outline.
          this.inlineParagraph(node.children, node, ctx, 'strong');
          return;
        }
        this.flushNotes();
        this.builder.heading(this.plain(node.children) || '＃', offsetOf(node), node.depth - this.minDepth + 1);
        return;
      }
      case 'paragraph': {
        const written = this.sourceOf(node);
        // `[TOC]` and its kin ask an editor to draw a table of contents there: the sidebar is one.
        if (TOC_DIRECTIVE.test(written)) return;
        // Obsidian's comments (`%%私人批注%%`) are hidden when the note is read; one may run over paragraphs.
        if (this.commented) {
          if (written.includes('%%')) this.commented = false;
          return;
        }
        // Only when a `%%` closes it further on: a stray one hides nothing.
        if (written.startsWith('%%') && written.indexOf('%%', 2) < 0 && this.source.includes('%%', node.position?.end.offset ?? this.source.length)) {
          this.commented = true;
          return;
        }
        const { closes } = this.containerFences(node, ctx);
        if (LINE_BLOCK.test(written)) this.lineBlock(node, ctx);
        else this.inlineParagraph(node.children, node, ctx);
        if (closes) this.containers--;
        return;
      }
      case 'math':
        this.emit({ text: node.value, offset: offsetOf(node), form: 'code' }, ctx);
        return;
      case 'blockquote': {
        const inner = { ...ctx, quote: ctx.quote + 1 };
        const callout = this.calloutTitle(node.children[0]);
        if (callout) this.inlineParagraph([{ type: 'text', value: callout }], node, inner, 'strong');
        for (const child of node.children) this.block(child, inner);
        return;
      }
      case 'list': {
        const depth = (ctx.item?.depth ?? 0) + 1;
        node.children.forEach((item, i) => {
          let marker = node.ordered ? `${(node.start ?? 1) + i}.` : (BULLETS[Math.min(depth, BULLETS.length) - 1] ?? '•');
          if (item.checked === true) marker = '☑';
          else if (item.checked === false) marker = '☐';
          const itemCtx: Context = { ...ctx, item: { marker, depth } };
          for (const child of item.children) this.block(child, itemCtx);
          // An item with nothing in it still shows its marker.
          if (itemCtx.item && itemCtx.item.marker !== '') this.emit({ text: '', offset: offsetOf(item) }, itemCtx);
        });
        return;
      }
      case 'code': {
        // Pandoc's raw blocks (```` ```{=html} ````) are markup for one output: HTML's read as HTML, the rest not shown.
        const raw = RAW_BLOCK.exec(node.lang ?? '');
        if (raw) {
          const text = raw[1]!.toLowerCase() === 'html' ? htmlText(node.value) : '';
          if (text !== '') this.emit({ text, offset: offsetOf(node) }, ctx);
          return;
        }
        this.emit({ text: node.value, offset: offsetOf(node), form: 'code' }, ctx);
        return;
      }
      case 'html': {
        // A heading written as HTML at the top level (`<h1 align="center">…</h1>`) is one.
        const heading = ctx.quote === 0 && !ctx.item ? htmlHeading(node.value) : undefined;
        if (heading && node !== this.titleHeading) {
          this.flushNotes();
          this.builder.heading(heading.text, offsetOf(node), heading.depth - this.minDepth + 1);
        }
        // A table written in HTML is a table, read as an EPUB's is (with what stands around it).
        if (!heading && TABLE_TAG.test(node.value)) {
          for (const event of readContent(node.value)) if (event.type === 'paragraph' && (event.draft.text !== '' || event.draft.form === 'rule')) this.emit({ ...event.draft, offset: offsetOf(node) }, ctx);
          return;
        }
        const text = htmlText(heading ? heading.rest : node.value);
        if (text !== '') this.emit({ text, offset: offsetOf(node) }, ctx);
        return;
      }
      case 'table':
        this.table(node, ctx);
        return;
      case 'thematicBreak':
        this.emit({ text: '', offset: offsetOf(node), form: 'rule' }, ctx);
        return;
      default:
        // TOML front matter: hidden, not read (mdast's types do not list it).
        if ((node.type as string) === 'toml') return;
        if ('children' in node) for (const child of node.children as RootContent[]) this.block(child, ctx);
        else if ('value' in node && typeof node.value === 'string' && node.value.trim() !== '') this.emit({ text: node.value.trim(), offset: offsetOf(node) }, ctx);
    }
  }

  /**
   * Pandoc's definition list: a term on a line of its own, then its definitions, each opening with `:`
   * (or `~`) and spaces, on the next line or after a blank one. The term is shown in bold and each
   * definition as a paragraph under it, as an EPUB's `<dt>` and `<dd>` are; the markers go (`~`, which
 * Pandoc takes too, is left: Chinese posts end with `~ 完 ~`). Handles
   * `node` (and returns true) when it is a term, or a definition.
   *
   *   朝天门\n:   长江与嘉陵江交汇处。   →  **朝天门**, then `长江与嘉陵江交汇处。`
   */
  private definition(node: RootContent, next: RootContent | undefined): boolean {
    const afterTerm = this.afterTerm;
    this.afterTerm = false;
    if (node.type !== 'paragraph' || node.children[0]?.type !== 'text') return false;
    const first = node.children[0];
    const ctx: Context = { quote: 0 };
    // A definition of the term before it (already shown), after a blank line.
    if (DEFINITION.test(first.value) && afterTerm) {
      first.value = first.value.replace(DEFINITION, '');
      this.inlineParagraph(node.children, node, ctx);
      this.afterTerm = true;
      return true;
    }
    const written = this.sourceOf(node);
    const lines = written.split('\n');
    const term = lines[0] ?? '';
    if (!TERM.test(term) || SENTENCE.test(term)) return false;
    const termOnly = lines.length === 1 && next?.type === 'paragraph' && next.children[0]?.type === 'text' && DEFINITION.test(next.children[0].value);
    const withDefinitions = lines.length > 1 && DEFINITION_LINE.test(lines[1]!) && !DEFINITION.test(term) && node.children.every((child) => child.type === 'text');
    if (!termOnly && !withDefinitions) return false;
    if (termOnly) {
      this.inlineParagraph(node.children, node, ctx, 'strong');
      this.afterTerm = true;
      return true;
    }
    // One text node: the term's line, then definitions, a line after a marker opening each.
    const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('').split('\n');
    this.inlineParagraph([{ type: 'text', value: text[0] ?? '' }], node, ctx, 'strong');
    let definition: string[] = [];
    const flush = () => {
      if (definition.length > 0) this.inlineParagraph([{ type: 'text', value: definition.join('\n') }], node, ctx);
      definition = [];
    };
    for (const line of text.slice(1)) {
      if (DEFINITION.test(line)) flush();
      definition.push(line.replace(DEFINITION, ''));
    }
    flush();
    this.afterTerm = true;
    return true;
  }

  /**
   * Pandoc's line block (`| 床前明月光，` then `| 疑是地上霜。`), as it writes a poem's lines: a verse, each
   * line on its own, its `| ` gone (the spaces after it kept: a line set in stays set in).
   */
  private lineBlock(node: Paragraph, ctx: Context): void {
    const children: PhrasingContent[] = [];
    for (const child of node.children) {
      if (child.type !== 'text') {
        children.push(child);
        continue;
      }
      child.value.split('\n').forEach((line, k) => {
        if (k > 0) children.push({ type: 'break' });
        const text = line.replace(/^\|(?: |$)/u, '').replace(/^ +/u, (spaces) => '\u00a0'.repeat(spaces.length));
        if (text !== '') children.push({ type: 'text', value: text });
      });
    }
    const out = new InlineText();
    this.inMedia = undefined;
    for (const child of children) this.inline(child, out);
    const { text, marks } = out.finish();
    if (text !== '') this.emit({ text, offset: offsetOf(node), form: 'verse', ...(marks.length > 0 && { marks }) }, ctx);
  }

  private inlineParagraph(children: PhrasingContent[], node: Nodes, ctx: Context, whole?: 'strong'): void {
    const out = new InlineText();
    this.ruby = undefined;
    // A media tag left open ends with its paragraph: the next paragraph's words are read.
    this.inMedia = undefined;
    const mark = whole ? out.open(whole) : undefined;
    if (children.some((child) => child.type === 'text' && child.value.includes('^'))) superscriptAround(children);
    for (const child of children) this.inline(child, out);
    if (mark) out.close(mark);
    const { text, marks } = out.finish();
    if (text === '' && !ctx.item?.marker) return;
    // A TXT's indented paragraphs written one under the other (`　　甲。` then `　　乙。`): Markdown joins
    // them, an author who indents each line means each a paragraph.
    if (!whole && node.type === 'paragraph' && !ctx.item) {
      const start = offsetOf(node);
      const lines = this.source.slice(start, node.position?.end.offset ?? start).split('\n');
      const pieces = joinedIndentedParagraphs(text, marks, lines);
      if (pieces) {
        const starts: number[] = [];
        lines.reduce((at, line) => (starts.push(at), at + line.length + 1), start);
        for (const piece of pieces) this.emit({ text: piece.text, offset: starts[piece.line] ?? start, ...(piece.marks.length > 0 && { marks: piece.marks }) }, ctx);
        return;
      }
    }
    this.emit({ text, offset: offsetOf(node), ...(marks.length > 0 && { marks }) }, ctx);
  }

  /** A `<ruby>`, `<rt>` or `<rp>` tag met inline (see `inline`). */
  private rubyTag(closing: boolean, name: string, out: InlineText): void {
    if (name === 'ruby') {
      if (!closing) this.ruby = { mark: out.open('ruby'), reading: [] };
      else if (this.ruby) {
        const reading = this.ruby.reading.filter((part) => part !== '').join(' ');
        if (reading !== '') this.ruby.mark.reading = reading;
        out.close(this.ruby.mark);
        this.ruby = undefined;
      }
      return;
    }
    if (!this.ruby) return;
    if (closing) delete this.ruby.inside;
    else this.ruby.inside = name as 'rt' | 'rp';
  }

  private sourceOf(node: Nodes): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : this.source.slice(start, end).trim();
  }

  /** Adds a paragraph with its place in lists and quotes; the first one of a list item takes its marker. */
  private emit(draft: DraftParagraph, ctx: Context): void {
    const paragraph: DraftParagraph = { ...draft };
    if (ctx.form && !paragraph.form) paragraph.form = ctx.form;
    if (ctx.item) {
      paragraph.list = { marker: ctx.item.marker, depth: ctx.item.depth };
      ctx.item.marker = '';
    }
    const quote = ctx.quote + this.containers;
    if (quote > 0) paragraph.quote = quote;
    this.builder.paragraph(paragraph);
  }

  /**
   * A container's fences (`:::tips`, `::: warning 注意` … `:::`, as 语雀, VuePress and Docusaurus write
   * them) in a paragraph: the opening line is taken out of its first words and opens a quote, shown with
   * its title (else its kind) in bold; a closing `:::` is taken out of its last words and closes it. An
   * opening line without a closing fence after it is left as text.
   */
  private containerFences(node: Paragraph, ctx: Context): { closes: boolean } {
    const first = node.children[0];
    const end = node.position?.end.offset ?? 0;
    const closedAhead = () => CONTAINER_CLOSE_AHEAD.test(this.source.slice(node.position?.start.offset ?? end, this.source.length));
    while (first?.type === 'text') {
      const wrapper = DIV_OPEN.exec(first.value);
      if (wrapper && closedAhead()) {
        first.value = first.value.slice(wrapper[0].length);
        this.fences.push('wrapper');
        continue;
      }
      const open = CONTAINER_OPEN.exec(first.value);
      if (open && closedAhead()) {
        first.value = first.value.slice(open[0].length);
        const title = open[2]!.trim() || this.kindLabel(open[1]!);
        this.containers++;
        this.fences.push('quote');
        if (title !== '') this.inlineParagraph([{ type: 'text', value: title }], node, ctx, 'strong');
        continue;
      }
      break;
    }
    const last = node.children.at(-1);
    let closes = false;
    while (this.fences.length > 0 && last?.type === 'text') {
      const close = CONTAINER_CLOSE.exec(last.value);
      if (!close) break;
      last.value = last.value.slice(0, close.index);
      // A quote closes after this paragraph (which is still inside it); a wrapper leaves nothing to close.
      if (this.fences.pop() === 'quote') {
        if (closes) this.containers--;
        closes = true;
      }
    }
    return { closes };
  }

  /**
   * An Obsidian or GitHub callout (`> [!note] 标题`, then its text): the marker line's title (else the
   * kind, `NOTE`) to show as the quote's first line, taking the marker line out of the first paragraph;
   * undefined for any other quote.
   */
  private calloutTitle(first: RootContent | undefined): string | undefined {
    if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return undefined;
    const text = first.children[0];
    const marker = CALLOUT.exec(text.value);
    if (!marker) {
      // MkDocs' `!!! note "标题"` (admonitions.ts made it a quote): `""` asks for no title at all.
      const admonition = ADMONITION.exec(text.value);
      if (!admonition) return undefined;
      text.value = text.value.slice(admonition[0].length);
      const title = admonition[2] ?? admonition[3];
      return title === undefined ? this.kindLabel(admonition[1]!) : title.trim();
    }
    text.value = text.value.slice(marker[0].length).replace(/^\r?\n/u, '');
    return marker[2]?.trim() || this.kindLabel(marker[1]!);
  }

  /**
   * A callout's kind as shown when it has no title: in Chinese in a text written in Chinese (more Chinese
   * characters than Latin words in its first pages), else in capitals (see {@link KIND_LABELS}).
   */
  private kindLabel(kind: string): string {
    if (this.chinese === undefined) {
      const sample = this.source.slice(0, KIND_SAMPLE);
      // Chinese characters against Latin words (a callout's own `[!NOTE]` is one of them).
      this.chinese = (sample.match(/\p{Script=Han}/gu)?.length ?? 0) > (sample.match(/[A-Za-z]+/gu)?.length ?? 0);
    }
    const label = KIND_LABELS[kind.toLowerCase()];
    return label !== undefined && this.chinese ? label : kind.toUpperCase();
  }

  private inline(node: PhrasingContent, out: InlineText): void {
    switch (node.type) {
      case 'text':
        if (this.inMedia !== undefined) return;
        if (this.ruby?.inside === 'rt') this.ruby.reading.push(node.value.trim());
        else if (this.ruby?.inside !== 'rp') this.text(node.value, out);
        return;
      case 'strong':
      case 'emphasis':
      case 'delete': {
        const mark = out.open(node.type === 'delete' ? 'strike' : node.type);
        for (const child of node.children) this.inline(child, out);
        out.close(mark);
        return;
      }
      case 'inlineMath':
      case 'inlineCode': {
        const mark = out.open('code');
        out.appendVerbatim(node.value);
        out.close(mark);
        return;
      }
      case 'break':
        out.lineBreak();
        return;
      case 'link':
        this.link(node.children, node.url, out);
        return;
      case 'linkReference':
        this.link(node.children, this.definitions.get(node.identifier), out);
        return;
      case 'image':
      case 'imageReference': {
        const mark = out.open('image');
        out.append(imagePlaceholder(node.alt ?? undefined));
        out.close(mark);
        return;
      }
      case 'footnoteReference': {
        let number = this.numbers.get(node.identifier);
        if (number === undefined) {
          number = this.numbers.size + 1;
          this.numbers.set(node.identifier, number);
        }
        if (this.footnotes.has(node.identifier) && !this.sectionNotes.includes(node.identifier)) this.sectionNotes.push(node.identifier);
        const mark = out.open('ref');
        out.appendVerbatim(`[${number}]`);
        out.close(mark);
        return;
      }
      case 'html': {
        // Inline tags are dropped (the words between them are text nodes of their own); a line break and
        // an image are all that show, and ruby is read as an EPUB's is: `<ruby>漢<rt>hàn</rt></ruby>` is
        // `漢` in the text with its reading kept (`<rp>`'s fallback brackets dropped).
        const tag = RUBY_TAG.exec(node.value.trim());
        if (tag) {
          this.rubyTag(tag[1] === '/', tag[2]!.toLowerCase(), out);
          return;
        }
        const media = MEDIA_TAG.exec(node.value.trim());
        if (media) {
          // A video or a sound is a placeholder; the words it holds are a fallback, not the text.
          const name = media[2]!.toLowerCase();
          if (media[1] === '/') {
            if (this.inMedia === name) this.inMedia = undefined;
          } else if (this.inMedia === undefined) {
            const mark = out.open('image');
            out.append(name === 'video' ? '［视频］' : '［音频］');
            out.close(mark);
            if (!media[3]) this.inMedia = name;
          }
          return;
        }
        if (/^<br\s*\/?>$/iu.test(node.value.trim())) out.lineBreak();
        else if (/^<img\b/iu.test(node.value.trim())) {
          const mark = out.open('image');
          out.append(htmlText(node.value));
          out.close(mark);
        }
        return;
      }
      default:
        for (const child of (node as { children?: PhrasingContent[] }).children ?? []) this.inline(child, out);
    }
  }

  /** Text, with an Obsidian wiki link (`[[红楼梦]]`, `[[三国演义|三国]]`) as its name and an embed (`![[封面.png]]`) as a placeholder. */
  private text(value: string, out: InlineText): void {
    // A static site's template tags on lines of their own (Hexo's and Jekyll's `{% note info %}` …
    // `{% endnote %}`) are the site's, not the text's: left out, what they wrap kept. An image tag
    // (`{% asset_img a.png 图说 %}`) is an image's placeholder.
    if (value.includes('{%')) value = value.replace(TEMPLATE_LINE, (_, tag: string, rest: string) => (IMAGE_TAGS.has(tag) ? imageTag(rest) : ''));
    // Hugo's shortcodes (`{{< figure src="a.jpg" title="图说" >}}`, `{{% notice tip %}}` … `{{% /notice %}}`)
    // alike: a figure is an image's placeholder; any other is left out, what a pair wraps kept.
    if (value.includes('{{')) value = value.replace(SHORTCODE, (_, _bracket: string, name: string, args: string) => (IMAGE_SHORTCODES.has(name) ? imageShortcode(args) : ''));
    if (value.includes('%%')) value = value.replace(OBSIDIAN_COMMENT, '');
    // Pandoc's superscript (`注释^1^`, `x^2^`): its text; never inside a TeX formula written between single
    // dollars (`$a^2+b^2=c^2$`), which stays as written.
    if (value.includes('^')) value = value.replace(SUPERSCRIPT_OR_TEX, (match: string, text: string | undefined) => text ?? match);
    // Pandoc's bracketed spans (`[文字]{.smallcaps}`), common in books converted by it: the text alone.
    if (value.includes(']{')) value = value.replace(BRACKETED_SPAN, '$1');
    // And the attributes Pandoc writes after a link, an image or code (`[目录](#toc){.toc}`): not text.
    if (value.startsWith('{')) value = value.replace(LEADING_ATTRIBUTES, '');
    // Obsidian's and Typora's `==highlight==`, within one run of text (CommonMark has no such mark).
    if (value.includes('==')) {
      let at = 0;
      for (const match of value.matchAll(HIGHLIGHT)) {
        this.wikiText(value.slice(at, match.index), out);
        const mark = out.open('highlight');
        this.wikiText(match[1]!, out);
        out.close(mark);
        at = match.index + match[0].length;
      }
      this.wikiText(value.slice(at), out);
      return;
    }
    this.wikiText(value, out);
  }

  private wikiText(value: string, out: InlineText): void {
    if (!value.includes('[[')) {
      out.append(value);
      return;
    }
    let at = 0;
    for (const match of value.matchAll(WIKI_LINK)) {
      out.append(value.slice(at, match.index));
      const [, embed = '', target = '', alias] = match;
      const mark = out.open(embed ? 'image' : 'link');
      out.append(wikiName(embed, target, alias));
      out.close(mark);
      at = match.index + match[0].length;
    }
    out.append(value.slice(at));
  }

  private link(children: PhrasingContent[], url: string | undefined, out: InlineText): void {
    const mark = out.open('link', url === undefined ? {} : { url });
    for (const child of children) this.inline(child, out);
    out.close(mark);
    // Only an address that leads somewhere from a terminal is shown: not `#anchor` or `./other.md`.
    if (url === undefined || !/^[a-z][a-z0-9+.-]*:/iu.test(url)) return;
    // An autolink's text is its address (`<https://…>` or a bare URL); say it once.
    const shown = this.plain(children);
    if (shown === url || `mailto:${shown}` === url) return;
    const address = out.open('url');
    out.appendVerbatim(` (${url})`);
    out.close(address);
  }

  private table(node: Table, ctx: Context): void {
    const rows = node.children.map((row) => row.children.map((cell) => this.plain(cell.children).replace(/\n/gu, ' ')));
    const text = rows.map((cells) => cells.join(' | ')).join('\n');
    this.emit({ text, offset: offsetOf(node), form: 'table', table: { rows, align: node.align ?? [] } }, ctx);
  }

  /** Lists the footnotes the section referred to, as its last paragraphs. */
  private flushNotes(): void {
    const ids = this.sectionNotes;
    this.sectionNotes = [];
    for (const id of ids) {
      if (this.listed.has(id)) continue;
      this.listed.add(id);
      const definition = this.footnotes.get(id);
      if (!definition) continue;
      let number = this.numbers.get(id);
      if (number === undefined) {
        number = this.numbers.size + 1;
        this.numbers.set(id, number);
      }
      const ctx: Context = { quote: 0, item: { marker: `[${number}]`, depth: 1 }, form: 'note' };
      for (const child of definition.children as RootContent[]) this.block(child, ctx);
      // Notes referred to inside this note come right after it.
      if (this.sectionNotes.length > 0) this.flushNotes();
    }
  }

  /** Inline content as one line of plain text (headings, table cells). */
  private plain(children: PhrasingContent[]): string {
    const out = new InlineText();
    const walk = (node: PhrasingContent) => {
      if (node.type === 'text') out.append(node.value.includes('[[') ? node.value.replace(WIKI_LINK, (_m, embed: string, target: string, alias?: string) => wikiName(embed, target, alias)) : node.value);
      else if (node.type === 'inlineCode') out.append(node.value);
      else if (node.type === 'image' || node.type === 'imageReference') out.append(imagePlaceholder(node.alt ?? undefined));
      // A line break, Markdown's or `<br>` (语雀 and Typora write them in table cells), is a space on one line.
      else if (node.type === 'break' || (node.type === 'html' && /^<br\s*\/?>$/iu.test(node.value.trim()))) out.append(' ');
      else if ("children" in node) (node.children as PhrasingContent[]).forEach(walk);
    };
    children.forEach(walk);
    // Pandoc's and kramdown's heading attributes (`# 第一章 {#ch1 .chapter}`, `{-}`) are not the title's.
    return out.finish().text.replace(HEADING_ATTRIBUTES, '');
  }

  private firstWords(): string {
    for (const node of this.tree.children) {
      if (node.type !== 'paragraph') continue;
      const text = this.plain(node.children);
      if (text === '') continue;
      const chars = Array.from(text).slice(0, FALLBACK_TITLE + 1);
      const pause = chars.findIndex((c) => /[，,。．！!？?；;：:、…]/u.test(c));
      if (pause > 0) return chars.slice(0, pause).join('');
      return chars.length > FALLBACK_TITLE ? `${chars.slice(0, FALLBACK_TITLE).join('')}…` : chars.join('');
    }
    return UNTITLED_MARKDOWN;
  }
}

/** A definition's marker, `:` or `~` and the spaces after it (Pandoc's definition lists). */
const DEFINITION = /^:[ \t]+/u;
const DEFINITION_LINE = /^:[ \t]+\S/u;
/** A term: a word or a phrase, not a sentence. */
const TERM = /^[^\n]{1,40}$/u;
const SENTENCE = /[。！？；.!?;]$/u;

/** Every line of a paragraph starts with `|` and a space (or is `|` alone): a Pandoc line block. */
const LINE_BLOCK = /^\|(?: |$)[^\n]*(?:\n\|(?: |$)[^\n]*)*$/u;

/** An inline `<video …>` or `</audio>` tag: closing or not, the name, and whether it closes itself. */
const MEDIA_TAG = /^<(\/?)(video|audio)\b[^>]*?(\/?)>$/iu;

/** A `{% tag … %}` (or `{%- … -%}`) alone on its line, with the line's end. */
const TEMPLATE_LINE = /^[ \t]*\{%-?[ \t]*(\w+)([^\n]*?)-?%\}[ \t]*(?:\n|$)/gmu;
const IMAGE_TAGS = new Set(['asset_img', 'img', 'image']);

/** `{% asset_img a.png 图说 %}`'s placeholder: `［图：图说］`, or `［图］` with nothing but a path (and sizes). */
function imageTag(rest: string): string {
  const words = rest.trim().split(/\s+/u).filter((word) => !/^(?:\S+\.(?:png|jpe?g|gif|webp|svg)|\d+%?|https?:\/\/\S+|["']?)$/iu.test(word));
  const caption = words.join(' ').replace(/^["']|["']$/gu, '');
  return caption ? `［图：${caption}］\n` : '［图］\n';
}

/**
 * A Hugo shortcode, `{{< name args >}}` or `{{% name args %}}`, opening or closing (`{{< /name >}}`),
 * with the line's end when it stands alone on its line. `{{ 变量 }}` (a template's, with neither `<` nor
 * `%`) is not one and stays text.
 */
const SHORTCODE = /(?:^[ \t]*)?\{\{([<%])[ \t]*\/?([\w-]+)((?:[^>%}\n]|[>%](?!\}\})|\}(?!\}))*?)[ \t]*[>%]\}\}(?:[ \t]*(?:\n|$))?/gmu;
const IMAGE_SHORTCODES = new Set(['figure', 'img', 'image']);

/** `{{< figure src="a.jpg" title="图说" >}}`'s placeholder: its alt, title or caption, or `［图］`. */
function imageShortcode(args: string): string {
  const named = new Map<string, string>();
  for (const match of args.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))/gu)) named.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  const caption = ['alt', 'title', 'caption'].map((key) => named.get(key)?.trim()).find((text) => text !== undefined && text !== '');
  return caption ? `［图：${caption}］\n` : '［图］\n';
}

/** `==text==`: text that neither starts nor ends with a space or `=`, on one line (`a == b` is no highlight). */
const OBSIDIAN_COMMENT = /%%[^]*?%%/gu;
const HIGHLIGHT = /==([^\s=](?:[^\n=]*[^\s=])?)==/gu;

/** `[[target]]`, `[[target|alias]]`, `[[target#heading]]`, and `![[…]]` embeds (Obsidian). */
const WIKI_LINK = /(!?)\[\[([^[\]|]+?)(?:\|([^[\]]+?))?\]\]/gu;
/**
 * The words a Chinese page shows for a callout's kind when it gives no title (GitHub's, VuePress's and
 * 语雀's own): `> [!TIP]` in a Chinese text reads `提示`, not `TIP`. In a text in another language, and
 * for a kind not listed, the kind in capitals.
 */
const KIND_LABELS: Record<string, string> = {
  note: '注', tip: '提示', tips: '提示', hint: '提示', info: '信息', important: '重要', warning: '警告', caution: '注意',
  attention: '注意', danger: '危险', error: '错误', success: '成功', check: '成功', done: '完成', question: '问题', help: '帮助',
  faq: '常见问题', example: '示例', quote: '引用', cite: '引用', abstract: '摘要', summary: '摘要', tldr: '摘要', todo: '待办',
  bug: '缺陷', failure: '失败', fail: '失败', missing: '缺失', details: '详情',
};

/** How much of a text is read for the language its callouts' kinds are shown in. */
const KIND_SAMPLE = 20_000;

/** A callout's marker line: `[!note]`, `[!TIP]- 标题`. */
const CALLOUT = /^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*([^\n]*)/u;
/** A container's opening fence at a paragraph's start (`:::tips`, `::: warning 注意`), its kind and title. */
const CONTAINER_OPEN = /^:{3,}[ \t]*([A-Za-z][\w-]*)[ \t]*([^\n]*)(?:\n|$)/u;
/** Pandoc's fenced div with attributes only (`::: {.section}`, `:::: {#id}`): a wrapper, not a note. */
const DIV_OPEN = /^:{3,}[ \t]*\{[^{}\n]*\}[ \t]*:*[ \t]*(?:\n|$)/u;
/** A closing fence ending a paragraph, and one somewhere after an opening fence. */
const CONTAINER_CLOSE = /(?:^|\n):{3,}[ \t]*$/u;
const CONTAINER_CLOSE_AHEAD = /\n[ \t]{0,3}:{3,}[ \t]*(?:\n|$)/u;
/**
 * Pandoc's superscript around a link or code (`注释^[1](#fn1){#r1}^`): its carets are in the text nodes on
 * either side, left out of both.
 */
function superscriptAround(children: PhrasingContent[]): void {
  for (let i = 0; i + 2 < children.length; i++) {
    const before = children[i];
    const after = children[i + 2];
    if (before?.type !== 'text' || after?.type !== 'text' || children[i + 1]?.type === 'text') continue;
    if (!before.value.endsWith('^')) continue;
    const rest = after.value.replace(LEADING_ATTRIBUTES, '');
    if (!rest.startsWith('^')) continue;
    before.value = before.value.slice(0, -1);
    after.value = rest.slice(1);
  }
}

/** A page's property line (Notion's, in English or Chinese): its key and value. */
const PROPERTY =
  /^((?:Created|Last edited)(?: time| by)?|Tags|Status|Type|Date|Author|URL|Category|Source|Published|Updated|创建时间|更新时间|修改时间|创建日期|标签|状态|日期|作者|分类|类型|来源)[ \t]*[:：][ \t]*(\S.{0,80})$/iu;
const DATE_KEY = /^(?:created|created time|date|创建时间|创建日期|日期)$/iu;
const AUTHOR_KEY = /^(?:author|created by|作者)$/iu;

/**
 * Pandoc's `^text^` (a short run without spaces or carets between them), or a TeX formula between single
 * dollars as Pandoc reads one (no space inside either dollar, no digit after the closing one: `$5 and $10`
 * is none), matched to be left alone.
 */
const SUPERSCRIPT_OR_TEX = /\$[^\s$](?:[^$\n]*[^\s$])?\$(?!\d)|\^([^\s^]{1,10})\^/gu;
/** An HTML block holding a table. */
const TABLE_TAG = /<table[\s>]/iu;
/** Pandoc's `[文字]{.smallcaps}`: its text. */
const BRACKETED_SPAN = /\[([^[\]\n]*)\]\{(?:[#.]|[A-Za-z][\w-]*=)[^{}\n]*\}/gu;
/** A heading's trailing attributes (`{#id .class key=value}`, `{number="1"}`, `{-}`), after a space. */
const HEADING_ATTRIBUTES = /[ \t]+\{(?:[#.][^{}\n]*|[A-Za-z][\w-]*=[^{}\n]*|-)\}[ \t]*$/u;
/** Attributes at the start of a text node, after the link, image or code they belong to. */
const LEADING_ATTRIBUTES = /^\{(?:[#.][\w:.-]+|[A-Za-z][\w-]*="[^"\n]*")(?:\s+[^{}]*)?\}/u;
/** A fenced block's info string that makes it one of Pandoc's raw blocks: `{=html}`, `{=latex}`. */
const RAW_BLOCK = /^\{=([\w-]+)\}$/u;

/** What a wiki link shows: its alias, else its target without a `#heading`; an embed as a placeholder. */
function wikiName(embed: string, target: string, alias: string | undefined): string {
  const name = (alias ?? target.replace(/#.*$/u, '')).trim() || target.trim();
  return embed ? imagePlaceholder(name) : name;
}

/** A numbered chapter's or volume's heading (`第一章 起`, `Chapter 3`), by the text rules. */
function chapterHeading(text: string): boolean {
  return matchHeading(text)?.kind === 'strong';
}

function offsetOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

function same(a: string, b: string): boolean {
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');
}
