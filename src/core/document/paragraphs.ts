import type { Document, Paragraph } from './types.js';

/** Every paragraph in reading order, lead first. */
export function allParagraphs(doc: Document): Paragraph[] {
  return [...doc.lead, ...doc.sections.flatMap((section) => section.paragraphs)];
}

/** Finds a paragraph by its short reference (`s2p3`), case-insensitively. */
export function findParagraph(doc: Document, ref: string): Paragraph | undefined {
  const id = ref.trim().toLowerCase();
  return allParagraphs(doc).find((paragraph) => paragraph.id === id);
}
