/**
 * Short references (deep links) to a place in a document: `s2p3` is paragraph 3 of section 2, `s0p1`
 * the first lead paragraph, `s2` section 2 as a whole. The canonical form is the paragraph's `id`.
 *
 * Parsing is liberal about how people type a reference they read somewhere: case does not matter
 * (`S2P3`), full-width characters from a Chinese input method are folded (`ｓ２ｐ３`), a leading `#`
 * (copied from a URL fragment) is dropped, and the dotted form `2.3` (and `2` for a section) is
 * accepted. `title`, what a search calls a hit in the document's title, is `s0`; `original-title` (a
 * hit in a reprint's `原标题` line) resolves to that line, and `v2` (a hit in a volume's heading) to it. Nothing else is guessed: `s2 3`, `p3` or `2-3`
 * are not references.
 */
import { allParagraphs } from './paragraphs.js';
import { sanitizeLine } from './sanitize.js';
import type { Document, Paragraph } from './types.js';

/** A parsed reference: a section, and a paragraph within it (1-based) unless the whole section is meant. */
export interface Ref {
  section: number;
  paragraph?: number;
}

/** What a reference points at in a document. */
export interface RefTarget {
  /** The canonical reference, e.g. `s2p3` or `s2`. */
  ref: string;
  section: number;
  /** Set when the reference names a paragraph. */
  paragraph?: Paragraph;
  /**
   * The reading-flow block to open at (see `core/layout/blocks.ts`): the paragraph's id, a section's
   * heading `sN` (its first paragraph when it has no heading line), or `title` for `s0`.
   */
  block: string;
}

export type RefResolution = ({ ok: true } & RefTarget) | { ok: false; message: string };

/** The forms accepted, for error messages and help. */
export const REF_FORMS = 's2p3 (section 2, paragraph 3), 2.3, or s2 for a whole section; s0 is the lead';

/** The reading-flow blocks of the title and of a reprint's original title, which a search's hits may name. */
const TITLE_BLOCK = 'title';
const ORIGINAL_TITLE_BLOCK = 'original-title';
const MAX_NUMBER = 1_000_000;
const MAX_QUOTED = 24;
const LETTER_FORM = /^s(\d+)(?:p(\d+))?$/;
const VOLUME_BLOCK = /^v(\d{1,6})$/;
const DOTTED_FORM = /^(\d+)(?:\.(\d+))?$/;

/** Parses a reference in any accepted form; undefined when `input` is not one. */
export function parseRef(input: string): Ref | undefined {
  const text = input.normalize('NFKC').trim().toLowerCase().replace(/^#/, '');
  // What a search gives for a hit in the document's title (its reading-flow block): the top, as s0.
  if (text === TITLE_BLOCK) return { section: 0 };
  const match = LETTER_FORM.exec(text) ?? DOTTED_FORM.exec(text);
  if (!match) return undefined;
  const section = Number(match[1]);
  const paragraph = match[2] === undefined ? undefined : Number(match[2]);
  if (section > MAX_NUMBER) return undefined;
  if (paragraph !== undefined && (paragraph < 1 || paragraph > MAX_NUMBER)) return undefined;
  return paragraph === undefined ? { section } : { section, paragraph };
}

/** The canonical form of a reference: `s2p3`, or `s2` for a section. */
export function formatRef(ref: Ref): string {
  return ref.paragraph === undefined ? `s${ref.section}` : `s${ref.section}p${ref.paragraph}`;
}

/** Resolves `input` against `doc`; a malformed or unknown reference gives a message that says what exists. */
export function resolveRef(doc: Document, input: string): RefResolution {
  // A search's hit in the trailing `原标题:` line (its block): the line itself, after the last section.
  if (input.trim().toLowerCase() === ORIGINAL_TITLE_BLOCK && doc.originalTitle !== undefined) {
    return { ok: true, ref: ORIGINAL_TITLE_BLOCK, section: doc.sections.at(-1)?.index ?? 0, block: ORIGINAL_TITLE_BLOCK };
  }
  // A search's hit in a volume's heading (its block, `v1`): the heading, before the volume's first chapter.
  const volume = VOLUME_BLOCK.exec(input.normalize('NFKC').trim().toLowerCase());
  const number = volume ? Number(volume[1]) : 0;
  const found = number > 0 ? doc.volumes?.[number - 1] : undefined;
  if (found) return { ok: true, ref: `v${number}`, section: found.firstSection, block: `v${number}` };
  if (volume) {
    const count = doc.volumes?.length ?? 0;
    return { ok: false, message: `there is no volume ${number}: the document has ${count === 0 ? 'no volumes' : count === 1 ? 'volume 1' : `volumes 1–${count}`}` };
  }
  const ref = parseRef(input);
  if (!ref) return { ok: false, message: `'${quoted(input)}' is not a paragraph reference: write ${REF_FORMS}` };
  const paragraphs = ref.section === 0 ? doc.lead : doc.sections.find((s) => s.index === ref.section)?.paragraphs;
  if (paragraphs === undefined) return { ok: false, message: noSection(doc, ref.section) };
  if (ref.paragraph === undefined) return { ok: true, ref: formatRef(ref), section: ref.section, block: sectionBlock(doc, ref.section) };
  const paragraph = paragraphs[ref.paragraph - 1];
  if (paragraph === undefined) return { ok: false, message: noParagraph(ref, paragraphs.length) };
  return { ok: true, ref: paragraph.id, section: ref.section, paragraph, block: paragraph.id };
}

/**
 * The paragraph a reading-flow block belongs to, for "copy what is at the top of the view": a paragraph
 * block is itself, a heading gives its section's first paragraph, the title and dateline the first
 * paragraph of the document, the trailing `original-title` line the last one.
 */
export function paragraphAt(doc: Document, block: string): Paragraph | undefined {
  const paragraphs = allParagraphs(doc);
  const own = paragraphs.find((p) => p.id === block);
  if (own) return own;
  if (block === 'original-title') return paragraphs.at(-1);
  const heading = /^s(\d+)$/.exec(block);
  if (heading) return paragraphs.find((p) => p.section === Number(heading[1])) ?? paragraphs[0];
  return paragraphs[0];
}

/** What the user typed, safe to show on one line and short enough for a status bar. */
function quoted(input: string): string {
  const chars = [...sanitizeLine(input.trim())];
  return chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : chars.join('');
}

function sectionBlock(doc: Document, section: number): string {
  if (section === 0) return 'title';
  const found = doc.sections.find((s) => s.index === section);
  if (found && found.offset < 0) return found.paragraphs[0]?.id ?? 'title';
  return `s${section}`;
}

function noSection(doc: Document, section: number): string {
  const count = doc.sections.length;
  if (count === 0) return `there is no section ${section}: the document has no sections (s0 is the lead)`;
  const range = count === 1 ? 'section 1' : `sections 1–${count}`;
  return `there is no section ${section}: the document has ${range} (s0 is the lead)`;
}

function noParagraph(ref: Ref, count: number): string {
  const name = ref.section === 0 ? 'the lead (section 0)' : `section ${ref.section}`;
  const wanted = formatRef(ref);
  if (count === 0) return `there is no paragraph ${wanted}: ${name} has no paragraphs`;
  const range = count === 1 ? `s${ref.section}p1` : `s${ref.section}p1–s${ref.section}p${count}`;
  return `there is no paragraph ${wanted}: ${name} has ${count === 1 ? '1 paragraph' : `${count} paragraphs`} (${range})`;
}
