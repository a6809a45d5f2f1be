/**
 * The outline tree, derived from the flat list of sections (each with a depth) and the volumes that
 * group them. Derived rather than stored, so a parser only says where headings are and how deep, and
 * the sidebar, `toc` and `toc --json` all nest the same way.
 *
 * Worked example: volumes `第一卷` (first section 1) and `第二卷` (first section 3), sections 1–4 at depth 2:
 *   第一卷 ─ 1 第一章, 2 第二章
 *   第二卷 ─ 3 第三章, 4 第四章
 * A Markdown text with `#` (1), `##` (2), `##` (3), `#` (4) nests 2 and 3 under 1. A section deeper than
 * the one before it by more than a level (`#` then `###`) nests directly under it.
 */
import type { Document, OutlineNode } from './types.js';

/**
 * What the text before the first heading is called: an article's 导语 (its lead), a book's 卷首 (the
 * front matter: a blurb, the author's notes, a title page), where 导语 would misname it. A text whose
 * parts are only numbered `一、` or `1.` (an official document, a report) keeps 导语 for its opening.
 */
export function leadTitle(doc: Pick<Document, 'shape' | 'format' | 'volumes' | 'sections'>): string {
  if (doc.shape !== 'book') return '导语';
  if (doc.format === 'epub' || (doc.volumes?.length ?? 0) > 0) return '卷首';
  const first = doc.sections[0]?.title ?? '';
  return /^[（(]?[0-9０-９一二三四五六七八九十]+[、.．)）:：\s]/u.test(first) ? '导语' : '卷首';
}

export function outlineOf(doc: Pick<Document, 'sections' | 'volumes'>): OutlineNode[] {
  const roots: OutlineNode[] = [];
  /** Open nodes from the root down; a new node closes every open node at its depth or deeper. */
  const open: OutlineNode[] = [];
  const volumes = doc.volumes ?? [];
  let nextVolume = 0;
  const place = (node: OutlineNode) => {
    while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= node.depth) open.pop();
    const parent = open[open.length - 1];
    (parent ? parent.children : roots).push(node);
    open.push(node);
  };
  for (const section of doc.sections) {
    while (nextVolume < volumes.length && (volumes[nextVolume]?.firstSection ?? Infinity) <= section.index) {
      const volume = volumes[nextVolume];
      if (volume) place({ title: volume.title, depth: 1, volume: nextVolume, children: [] });
      nextVolume++;
    }
    const depth = Math.max(1, section.depth ?? 1);
    place({
      title: section.title,
      depth,
      section: section.index,
      ...(section.generated && { generated: true }),
      children: [],
    });
  }
  // Volumes after the last section (a heading with nothing under it) still show.
  for (; nextVolume < volumes.length; nextVolume++) {
    const volume = volumes[nextVolume];
    if (volume) place({ title: volume.title, depth: 1, volume: nextVolume, children: [] });
  }
  return roots;
}
