import { leadTitle, outlineOf } from '../../core/document/outline.js';
import type { Document, OutlineNode } from '../../core/document/types.js';
import { cellWidth } from '../../core/layout/width.js';
import type { Styles } from '../output.js';

/** The name the reader and `toc` give the lead, which has no heading of its own. */
/** The lead's name where no text is at hand (an article's): see `leadTitle`. */
export const LEAD_TITLE = '导语';

interface TocEntry {
  section: number;
  /** Outline depth, 1 at the top. */
  depth: number;
  title: string;
  paragraphs: number;
  /** Deep-link reference of the section's first paragraph. */
  ref: string;
}

/** A node of `toc --json`'s `outline`: a volume (no `section`) or a section, with what it holds. */
interface TocNode {
  title: string;
  section?: number;
  paragraphs?: number;
  ref?: string;
  generated?: true;
  children: TocNode[];
}

function entries(doc: Document): TocEntry[] {
  const lead = doc.lead.length > 0 ? [{ section: 0, depth: 1, title: leadTitle(doc), paragraphs: doc.lead.length, ref: 's0p1' }] : [];
  return [
    ...lead,
    ...doc.sections.map((s) => ({ section: s.index, depth: s.depth ?? 1, title: s.title, paragraphs: s.paragraphs.length, ref: `s${s.index}p1` })),
  ];
}

function tocNode(doc: Document, node: OutlineNode): TocNode {
  const children = node.children.map((child) => tocNode(doc, child));
  if (node.section === undefined) return { title: node.title, children };
  const section = doc.sections[node.section - 1];
  return {
    title: node.title,
    section: node.section,
    paragraphs: section?.paragraphs.length ?? 0,
    ref: `s${node.section}p1`,
    ...(node.generated && { generated: true as const }),
    children,
  };
}

/**
 * The outline for scripts: `sections` is every section in reading order (flat, as ever); `outline` is the
 * tree, volumes holding their chapters as `children`.
 */
export function tocJson(doc: Document): string {
  const lead: TocNode[] = doc.lead.length > 0 ? [{ title: leadTitle(doc), section: 0, paragraphs: doc.lead.length, ref: 's0p1', children: [] }] : [];
  const value = {
    title: doc.title,
    author: doc.author ?? null,
    shape: doc.shape ?? null,
    // Markdown and EPUB: what the file is and the rest of its metadata.
    ...(doc.format !== undefined && doc.format !== 'text' && { format: doc.format, date: doc.date ?? null, language: doc.language ?? null }),
    dateline: doc.dateline ?? null,
    originalTitle: doc.originalTitle ?? null,
    speakers: doc.speakers,
    sections: entries(doc),
    outline: [...lead, ...outlineOf(doc).map((node) => tocNode(doc, node))],
    notes: doc.notes,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** One printed row of the tree: a volume, or a section with its number and paragraph count. */
interface TocRow {
  depth: number;
  title: string;
  section?: number;
  paragraphs?: number;
}

function rows(doc: Document): TocRow[] {
  const list: TocRow[] = doc.lead.length > 0 ? [{ depth: 1, title: leadTitle(doc), section: 0, paragraphs: doc.lead.length }] : [];
  const walk = (node: OutlineNode) => {
    const section = node.section === undefined ? undefined : doc.sections[node.section - 1];
    list.push({ depth: node.depth, title: node.title, ...(section && { section: section.index, paragraphs: section.paragraphs.length }) });
    node.children.forEach(walk);
  };
  outlineOf(doc).forEach(walk);
  return list;
}

/**
 * The outline as text: the title (and author, dateline), then one row per entry, nested entries indented
 * two spaces a level. Sections are numbered (the number `--section` and `s3p1` use); volumes are not.
 */
export function tocText(doc: Document, style: Styles): string {
  const list = rows(doc);
  const numberWidth = Math.max(2, String(doc.sections.length).length);
  const indent = (row: TocRow) => '  '.repeat(Math.max(0, row.depth - 1));
  // A fold, not Math.max(...): a text can have more sections than a call takes arguments.
  const titleWidth = list.reduce((widest, row) => (row.section === undefined ? widest : Math.max(widest, cellWidth(indent(row) + row.title))), 0);
  const lines = [style.bold(doc.title)];
  const byline = [doc.author === undefined ? undefined : `作者：${doc.author}`, doc.date].filter((part) => part !== undefined).join('  ');
  if (byline !== '') lines.push(byline);
  if (doc.dateline) lines.push(doc.dateline.iso ? `${doc.dateline.raw}  (${doc.dateline.iso})` : doc.dateline.raw);
  lines.push('');
  for (const row of list) {
    const title = indent(row) + row.title;
    if (row.section === undefined) {
      lines.push(`${' '.repeat(numberWidth)}  ${style.bold(title)}`);
      continue;
    }
    const pad = ' '.repeat(Math.max(0, titleWidth - cellWidth(title)));
    const count = `${row.paragraphs} ${row.paragraphs === 1 ? 'paragraph' : 'paragraphs'}`;
    lines.push(`${String(row.section).padStart(numberWidth)}  ${title}${pad}  ${style.dim(count)}`);
  }
  return `${lines.join('\n')}\n`;
}
