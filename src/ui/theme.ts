/**
 * The reader's look, one style per role. Text stays in the terminal's default colour, so it reads on
 * dark and light backgrounds alike; colour only marks headings and speaker labels, and every
 * distinction also holds without it (NO_COLOR): headings and questions are bold, labels bold.
 */
import type { Mark } from '../core/document/types.js';
import type { Row } from '../core/layout/flow.js';
import type { Style } from '../terminal/style.js';

export interface Theme {
  /** Text of a row, by role. */
  text: Record<Row['role'], Style>;
  /** Inline marks of Markdown and EPUB text, by kind (`url`: a link's address after its text). */
  marks: Record<Mark['kind'], Style>;
  /** The frame of a list, quote, code block, table or rule (bars, markers, margins). */
  frame: Style;
  /** The text of code blocks and of notes. */
  code: Style;
  note: Style;
  /** Speaker label of a question, an answer, or the meta row. */
  questionLabel: Style;
  answerLabel: Style;
  metaLabel: Style;
  headerTitle: Style;
  headerDate: Style;
  sidebarTitle: Style;
  sidebarCurrent: Style;
  sidebarSelected: Style;
  /** A part a long plain text was cut into by position, not a heading of the text. */
  sidebarGenerated: Style;
  separator: Style;
  status: Style;
  statusKey: Style;
  helpTitle: Style;
  helpCategory: Style;
  helpKeys: Style;
  notice: Style;
  /** A search match in the text and in the results list; the matches of the hit gone to stand out more. */
  searchMatch: Style;
  searchCurrent: Style;
  /** The chosen entry of the search results. */
  searchSelected: Style;
  searchPrompt: Style;
  /** The search line's quiet parts: the count, the hint before anything is typed. */
  searchInfo: Style;
  /** The last query, shown again selected when the search line reopens. */
  searchQuerySelected: Style;
}

/** The theme for a terminal with colour (`color`) or without (attributes only). */
export function createTheme(color: boolean): Theme {
  const c = <T extends Style>(style: T, colour: Style['color']): Style => (color ? { ...style, color: colour } : style);
  return {
    text: {
      title: { bold: true },
      dateline: { dim: true },
      heading: color ? { bold: true, color: 'magenta' } : { bold: true, underline: true },
      lead: {},
      question: { bold: true },
      answer: {},
      plain: {},
      meta: { dim: true },
      blank: {},
    },
    marks: {
      strong: { bold: true },
      emphasis: { italic: true },
      code: color ? { color: 'cyan' } : {},
      strike: { strikethrough: true },
      // Obsidian's and Typora's ==highlight==, an EPUB's <mark>: yellow, or underlined without colour.
      highlight: color ? { color: 'yellow' } : { underline: true },
      link: { underline: true },
      url: { dim: true },
      ref: { dim: true },
      ruby: {},
      image: { dim: true },
    },
    frame: { dim: true },
    code: color ? { color: 'cyan' } : {},
    note: { dim: true },
    questionLabel: color ? { bold: true, color: 'blue' } : { bold: true, underline: true },
    answerLabel: c({ bold: true }, 'green'),
    metaLabel: { dim: true },
    headerTitle: { bold: true },
    headerDate: { dim: true },
    sidebarTitle: { bold: true },
    sidebarCurrent: c({ bold: true }, 'magenta'),
    sidebarSelected: { inverse: true },
    sidebarGenerated: { dim: true },
    separator: { dim: true },
    status: { inverse: true },
    statusKey: { inverse: true, bold: true },
    helpTitle: { bold: true },
    helpCategory: c({ bold: true }, 'magenta'),
    helpKeys: { bold: true },
    notice: { bold: true },
    searchMatch: color ? { bold: true, color: 'yellow' } : { underline: true },
    searchCurrent: color ? { inverse: true, bold: true, color: 'yellow' } : { inverse: true },
    searchSelected: { inverse: true },
    searchPrompt: { bold: true },
    searchInfo: { dim: true },
    searchQuerySelected: { inverse: true },
  };
}
