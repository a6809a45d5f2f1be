import type { Paragraph, ParagraphKind, Role } from './types.js';

/**
 * A plain text's paragraph that is nothing but a line of the source: no label, speaker, marks or form.
 * Its text is read from the source when asked for, and its reference is made when asked for, so a
 * million one-line paragraphs cost a small object each (four numbers and a pointer) instead of an object
 * and two strings (about twice that; issue 20's memory budget). The parser reads the text's lines as
 * offsets (line-table.ts) and makes one of these for each line that stays a paragraph, so a line is never
 * copied into a paragraph. Read-only once placed.
 */
export class LineParagraph implements Paragraph {
  readonly source: string;
  readonly offset: number;
  readonly length: number;
  section = 0;
  index = 0;

  constructor(source: string, offset: number, length: number) {
    this.source = source;
    this.offset = offset;
    this.length = length;
  }

  /** Gives the line its place in the outline; the parser's, once per line. */
  placed(section: number, index: number): this {
    this.section = section;
    this.index = index;
    return this;
  }

  get id(): string {
    return `s${this.section}p${this.index}`;
  }

  get kind(): ParagraphKind {
    return this.section === 0 ? 'lead' : 'plain';
  }

  get text(): string {
    return this.source.slice(this.offset, this.offset + this.length);
  }

  /** As the plain object it stands for, never the whole source. */
  toJSON(): Paragraph {
    return { id: this.id, section: this.section, index: this.index, kind: this.kind, text: this.text, offset: this.offset };
  }
}

/**
 * A paragraph of a speaker's turn: a line of the source (after its label, on the turn's first paragraph)
 * with its label, speaker and role, which the parser sets once it knows them. Labels and names are
 * shared strings (a few speakers say everything), so an interview of half a million paragraphs keeps
 * one small object each.
 */
export class TurnParagraph extends LineParagraph {
  label: string | undefined = undefined;
  speaker: string | undefined = undefined;
  role: Role | undefined = undefined;

  override get kind(): ParagraphKind {
    if (this.role === undefined) return super.kind;
    return this.role === 'interviewer' ? 'question' : 'answer';
  }

  override toJSON(): Paragraph {
    return {
      ...super.toJSON(),
      ...(this.speaker !== undefined && { speaker: this.speaker }),
      ...(this.role !== undefined && { role: this.role }),
      ...(this.label !== undefined && { label: this.label }),
    };
  }
}
