/**
 * Assembles a {@link Document} from a marked-up source (Markdown, EPUB) walked in reading order: the
 * parser says where headings are (with their depth) and hands over paragraphs; the builder numbers them,
 * keeps the lead apart and gives every paragraph its reference (`s2p3`) exactly as plain text does.
 *
 * A source without a single heading reads like an unstructured plain text: one section with no heading
 * row, titled like the document, rather than a lead and nothing else.
 */
import type { Document, Format, Paragraph, Section, Shape } from './types.js';

/** A paragraph before it has a place: the builder fills `id`, `section`, `index` and `kind`. */
export type DraftParagraph = Omit<Paragraph, 'id' | 'section' | 'index' | 'kind'>;

export interface Metadata {
  title: string;
  author?: string;
  date?: string;
  language?: string;
  format: Format;
  shape: Shape;
  notes?: string[];
}

export class DocumentBuilder {
  private readonly lead: DraftParagraph[] = [];
  private readonly sections: { title: string; offset: number; depth: number; paragraphs: DraftParagraph[] }[] = [];
  /** The paragraphs of the section being filled, or the lead. */
  private current: DraftParagraph[] = this.lead;

  /** Opens a section: what follows belongs to it until the next heading. */
  heading(title: string, offset: number, depth: number): void {
    this.current = [];
    this.sections.push({ title, offset, depth: Math.max(1, depth), paragraphs: this.current });
  }

  paragraph(draft: DraftParagraph): void {
    this.current.push(draft);
  }

  get sectionCount(): number {
    return this.sections.length;
  }

  /** Whether the section being filled (or the lead) has no paragraph yet. */
  get sectionIsEmpty(): boolean {
    return this.current.length === 0;
  }

  build(meta: Metadata, source: string): Document {
    const drafts = this.sections.length > 0 ? this.sections : this.lead.length > 0 ? [{ title: meta.title, offset: -1, depth: 1, paragraphs: this.lead.splice(0) }] : [];
    const place = (draft: DraftParagraph, section: number, index: number): Paragraph => ({
      id: `s${section}p${index}`,
      section,
      index,
      kind: section === 0 ? 'lead' : 'plain',
      ...draft,
    });
    const sections: Section[] = drafts.map((draft, i) => ({
      index: i + 1,
      title: draft.title,
      offset: draft.offset,
      ...(draft.depth > 1 && { depth: draft.depth }),
      paragraphs: draft.paragraphs.map((p, j) => place(p, i + 1, j + 1)),
    }));
    return {
      title: meta.title,
      ...(meta.author !== undefined && { author: meta.author }),
      ...(meta.date !== undefined && { date: meta.date }),
      ...(meta.language !== undefined && { language: meta.language }),
      format: meta.format,
      shape: meta.shape,
      lead: this.lead.map((p, j) => place(p, 0, j + 1)),
      sections,
      notes: meta.notes ?? [],
      speakers: [],
      source,
    };
  }
}
