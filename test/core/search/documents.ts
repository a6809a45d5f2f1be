/** Small documents built by hand for the search tests, independent of the parser. */
import type { Document, Paragraph, Section } from '../../../src/core/document/types.js';

export type ParagraphSpec = string | { text: string; speaker?: string };

/** A document whose lead and sections hold the given paragraphs; `source` is their texts joined. */
export function documentOf(spec: { lead?: ParagraphSpec[]; sections?: Array<{ title: string; paragraphs: ParagraphSpec[] }> }): Document {
  let source = '';
  const make = (section: number, specs: ParagraphSpec[]): Paragraph[] =>
    specs.map((item, i) => {
      const { text, speaker } = typeof item === 'string' ? { text: item, speaker: undefined } : item;
      const offset = source.length;
      source += `${text}\n\n`;
      const paragraph: Paragraph = { id: `s${section}p${i + 1}`, section, index: i + 1, kind: section === 0 ? 'lead' : 'plain', text, offset };
      if (speaker !== undefined) paragraph.speaker = speaker;
      return paragraph;
    });
  const lead = make(0, spec.lead ?? []);
  const sections: Section[] = (spec.sections ?? []).map((section, i) => ({
    index: i + 1,
    title: section.title,
    offset: -1,
    paragraphs: make(i + 1, section.paragraphs),
  }));
  return { title: '测试文档', lead, sections, notes: [], speakers: [], source };
}

/** One section titled 正文 holding the given paragraphs (ids s1p1, s1p2, …). */
export function paragraphsDocument(...texts: ParagraphSpec[]): Document {
  return documentOf({ sections: [{ title: '正文', paragraphs: texts }] });
}
