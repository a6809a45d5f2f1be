import type { Paragraph, ParagraphKind } from './types.js';

/**
 * A plain text's paragraph that is nothing but a line of the source: no label, speaker, marks or form.
 * Its text is read from the source when asked for, and its reference is made when asked for, so a
 * million one-line paragraphs cost a small object each (five numbers and a pointer, ~32 bytes) instead
 * of an object and two strings (~130 bytes; issue 20's memory budget). Read-only: the parser makes a
 * plain object for a paragraph it has to change (a speaker's turn).
 */
export class LineParagraph implements Paragraph {
  private readonly source: string;
  readonly section: number;
  readonly index: number;
  readonly offset: number;
  private readonly length: number;

  constructor(source: string, section: number, index: number, offset: number, length: number) {
    this.source = source;
    this.section = section;
    this.index = index;
    this.offset = offset;
    this.length = length;
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
