import { concatView, isView } from './list-view.js';
import type { Document, Paragraph } from './types.js';

/** Every paragraph in reading order, lead first. */
export function allParagraphs(doc: Document): Paragraph[] {
  const lists = [doc.lead, ...doc.sections.map((section) => section.paragraphs)];
  // A text of very many lines keeps its paragraphs as numbers (list-view.ts): a view, not a copy.
  return lists.some(isView) ? concatView(lists) : lists.flat();
}

/** Finds a paragraph by its short reference (`s2p3`), case-insensitively. */
export function findParagraph(doc: Document, ref: string): Paragraph | undefined {
  const id = ref.trim().toLowerCase();
  return allParagraphs(doc).find((paragraph) => paragraph.id === id);
}
