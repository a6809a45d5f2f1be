/**
 * A paragraph as a citation to paste into notes, shared by `yuedu print --at` and the reader's copy key:
 *
 * ```
 * > 其中，在优化存量方面，我们将全程跟进重点项目……
 * —— 刘忠，《重庆市经信委副主任刘忠:发展电子信息产业……》，2020-05-22，第2节「推进成渝地区电子信息产业协同发展」第3段 (s2p3)
 * ```
 *
 * The quote is a Markdown/e-mail quote (`> `) so note tools render it as one; the attribution follows
 * Chinese convention (破折号 `——`, full-width commas, 《》 around the title with nested 《》 turned into
 * 〈〉) and ends with the short reference, so the reader can get back with `yuedu --at s2p3`. Parts the
 * document lacks (speaker, date, heading) are left out rather than filled with placeholders. A book is
 * cited by its author (front matter and an EPUB's creators name one too; without a dateline, the metadata's date is
 * used) and its own headings: `—— 某某，《长河》，第一卷 春，第三章 丙，第2段 (s3p2)`.
 */
import { leadTitle } from './outline.js';
import type { Document, Paragraph } from './types.js';

export interface CitationParts {
  /** The paragraph text, without the speaker label (the attribution names the speaker). */
  quote: string;
  /** `—— speaker，《title》，date，place (ref)`. */
  attribution: string;
}

/** The quote and attribution lines of a citation, for callers that lay them out themselves. */
export function citationParts(doc: Document, paragraph: Paragraph): CitationParts {
  // A speaker says the words; in a book without speakers, its author wrote them.
  const fields = [paragraph.speaker ?? doc.author, bookTitle(doc.title), citedDate(doc), ...(doc.shape === 'book' ? bookPlace(doc, paragraph) : [place(doc, paragraph)])];
  const attribution = `—— ${fields.filter((f): f is string => f !== undefined && f !== '').join('，')} (${paragraph.id})`;
  return { quote: paragraph.text, attribution };
}

/** The citation as plain text: each quote line behind `> `, then the attribution; no trailing newline. */
export function citation(doc: Document, paragraph: Paragraph): string {
  const { quote, attribution } = citationParts(doc, paragraph);
  return [...quote.split('\n').map((line) => `> ${line}`), attribution].join('\n');
}

function bookTitle(title: string): string | undefined {
  const plain = title.trim();
  return plain === '' ? undefined : `《${plain.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}

/** The calendar date when the dateline was read, else the dateline as written. */
function citedDate(doc: Document): string | undefined {
  const { dateline } = doc;
  if (!dateline) return doc.date?.trim() || undefined;
  return dateline.iso?.slice(0, 10) ?? (dateline.raw.trim() || undefined);
}

/**
 * Where a paragraph is in a book, as a Chinese reader cites it: the volume and the chapter by their own
 * headings (`第一卷 少年游，第十二章 风起，第3段`), never by our section numbers.
 */
function bookPlace(doc: Document, paragraph: Paragraph): string[] {
  const nth = `第${paragraph.index}段`;
  if (paragraph.section === 0) return [`${leadTitle(doc)}${nth}`];
  const section = doc.sections[paragraph.section - 1];
  if (!section) return [nth];
  const volume = doc.volumes?.findLast((v) => v.firstSection <= section.index);
  const chapter = section.offset >= 0 || section.title !== volume?.title ? [section.title] : [];
  // A chapter's section (第一节) is cited under its chapter: the nearest shallower heading before it.
  const depth = section.depth ?? 1;
  const holder = depth > (volume ? 2 : 1) ? doc.sections.findLast((s) => s.index < section.index && (s.depth ?? 1) < depth && (!volume || s.index >= volume.firstSection)) : undefined;
  return [...(volume ? [volume.title] : []), ...(holder ? [holder.title] : []), ...chapter, nth];
}

function place(doc: Document, paragraph: Paragraph): string {
  const nth = `第${paragraph.index}段`;
  if (paragraph.section === 0) return `导语${nth}`;
  const section = doc.sections.find((s) => s.index === paragraph.section);
  // A section without a heading line is a fallback for an unstructured text: its "title" is not a heading.
  if (section?.generated) return `第${paragraph.section}部分${nth}`;
  if (section === undefined || section.offset < 0) return doc.sections.length > 1 ? `第${paragraph.section}节${nth}` : nth;
  return `第${paragraph.section}节「${section.title}」${nth}`;
}
