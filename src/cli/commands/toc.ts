import type { Document } from '../../core/document/types.js';
import { cellWidth } from '../../core/layout/width.js';
import type { Styles } from '../output.js';

/** The name the reader and `toc` give the lead, which has no heading of its own. */
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

function entries(doc: Document): TocEntry[] {
  const lead = doc.lead.length > 0 ? [{ section: 0, depth: 1, title: LEAD_TITLE, paragraphs: doc.lead.length, ref: 's0p1' }] : [];
  return [
    ...lead,
    ...doc.sections.map((s) => ({ section: s.index, depth: s.depth ?? 1, title: s.title, paragraphs: s.paragraphs.length, ref: `s${s.index}p1` })),
  ];
}

export function tocJson(doc: Document): string {
  const value = {
    title: doc.title,
    // Markdown and EPUB: what the file is and its metadata.
    ...(doc.format !== undefined && doc.format !== 'text' && { format: doc.format, author: doc.author ?? null, date: doc.date ?? null, language: doc.language ?? null }),
    dateline: doc.dateline ?? null,
    originalTitle: doc.originalTitle ?? null,
    speakers: doc.speakers,
    sections: entries(doc),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function tocText(doc: Document, style: Styles): string {
  const list = entries(doc);
  // A fold, not Math.max(...): a text can have more sections than a call takes arguments.
  const shown = (e: TocEntry) => '  '.repeat(e.depth - 1) + e.title;
  const titleWidth = list.reduce((widest, e) => Math.max(widest, cellWidth(shown(e))), 0);
  const lines = [style.bold(doc.title)];
  const byline = [doc.author, doc.date].filter((part) => part !== undefined).join('  ');
  if (byline !== '') lines.push(byline);
  if (doc.dateline) lines.push(doc.dateline.iso ? `${doc.dateline.raw}  (${doc.dateline.iso})` : doc.dateline.raw);
  lines.push('');
  for (const entry of list) {
    const pad = ' '.repeat(titleWidth - cellWidth(shown(entry)));
    const count = `${entry.paragraphs} ${entry.paragraphs === 1 ? 'paragraph' : 'paragraphs'}`;
    lines.push(`${String(entry.section).padStart(2)}  ${shown(entry)}${pad}  ${style.dim(count)}`);
  }
  return `${lines.join('\n')}\n`;
}
