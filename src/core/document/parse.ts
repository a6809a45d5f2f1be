/**
 * Plain text → {@link Document}. Pure, linear in the text, and never throws: any text opens.
 *
 * Every non-blank line is a paragraph candidate, so blank-line-separated and one-line-per-paragraph files
 * read alike. Then, in order:
 * 1. Title: the first line, when it looks like one (short, not ending a sentence) and more text follows;
 *    otherwise a fallback made from the first words.
 * 2. Dateline: the next line, when it reads as a date (see dateline.ts).
 * 3. Boilerplate (see boilerplate.ts): `原标题:` becomes `originalTitle`, disclaimers and the trailing block
 *    of credits and stray page words become `notes`.
 * 4. Turns: `NAME:` / `NAME：` opens a speaker's turn; unlabelled paragraphs after it continue it until the
 *    next turn or heading. A label alone on its line labels the paragraph below it.
 * 5. Headings: a short line without sentence-final punctuation followed by a turn (or, in a text without
 *    turns, by a line that could not itself be a heading).
 * 6. Lead: the paragraphs before the first heading or turn. A text with neither is one section of plain
 *    paragraphs titled like the document.
 * 7. Roles come from what the speakers say (see turns.ts).
 */
import { matterAnywhere, matterAtEnd } from './boilerplate.js';
import { parseDateline } from './dateline.js';
import { assignRoles, matchTurn, type Turn, type TurnLabel } from './turns.js';
import type { Dateline, Document, Paragraph, Role, Section, Speaker } from './types.js';

/** Title of a text with no words at all. */
export const UNTITLED = '无标题';

const MAX_TITLE = 80;
const MAX_HEADING = 40;
const FALLBACK_TITLE = 20;
/** Closing quotes and brackets that may follow the punctuation that ends a sentence. */
const CLOSERS = /[”’」』）)》〉】\]"'\s]+$/u;
const SENTENCE_END = /[。．.！!？?；;：:，,、…]$/u;
const STATEMENT_END = /[。．.；;：:，,、…]$/u;

interface Line {
  /** Trimmed. */
  text: string;
  /** Offset of `text` in the source. */
  offset: number;
}

/** Parses decoded, sanitised, newline-normalised text into a document (see the module comment). */
export function parseDocument(text: string): Document {
  const lines = splitLines(text);
  let next = 0;

  const title = takeTitle(lines);
  if (title !== undefined) next++;
  let dateline: Dateline | undefined;
  const datelineLine = lines[next];
  if (datelineLine) {
    dateline = parseDateline(datelineLine.text);
    if (dateline) next++;
  }

  let end = lines.length;
  while (end > next && matterAtEnd(lines[end - 1]?.text ?? '')) end--;

  let originalTitle: string | undefined;
  const notes: string[] = [];
  const body: Line[] = [];
  for (let i = next; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const matter = i < end ? matterAnywhere(line.text) : matterAtEnd(line.text);
    if (matter?.kind === 'originalTitle' && originalTitle === undefined) originalTitle = matter.value;
    else if (matter) notes.push(line.text);
    else body.push(line);
  }

  const docTitle = title ?? fallbackTitle(body[0]?.text ?? '');
  const { lead, sections, speakers } = structure(body, docTitle);
  return {
    title: docTitle,
    ...(dateline && { dateline }),
    lead,
    sections,
    ...(originalTitle !== undefined && { originalTitle }),
    notes,
    speakers,
    source: text,
  };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let stop = text.indexOf('\n', start);
    if (stop === -1) stop = text.length;
    const raw = text.slice(start, stop);
    const trimmed = raw.trim();
    if (trimmed.length > 0) lines.push({ text: trimmed, offset: start + raw.length - raw.trimStart().length });
    start = stop + 1;
  }
  return lines;
}

function takeTitle(lines: Line[]): string | undefined {
  const [first, second] = lines;
  if (!first || !second) return undefined;
  if (codePoints(first.text, MAX_TITLE) > MAX_TITLE || STATEMENT_END.test(stripClosers(first.text))) return undefined;
  if (parseDateline(first.text) || matterAnywhere(first.text)) return undefined;
  // A turn-shaped first line (`刘忠:发展…`) is a title unless its speaker speaks again.
  const turn = matchTurn(first.text);
  if (turn && lines.some((line, i) => i > 0 && matchTurn(line.text)?.name === turn.name)) return undefined;
  return first.text;
}

/** The first words of the text, up to the first pause, for a text without a title line. */
function fallbackTitle(text: string): string {
  if (text.length === 0) return UNTITLED;
  const chars = Array.from(text.slice(0, FALLBACK_TITLE * 2)).slice(0, FALLBACK_TITLE + 1);
  const pause = chars.findIndex((c) => /[，,。．！!？?；;：:、…]/u.test(c));
  if (pause > 0) return chars.slice(0, pause).join('');
  return chars.length > FALLBACK_TITLE ? `${chars.slice(0, FALLBACK_TITLE).join('')}…` : chars.join('');
}

function stripClosers(text: string): string {
  return text.replace(CLOSERS, '');
}

/** Code points in `text`, counting no further than just past `limit` (long lines stay cheap). */
function codePoints(text: string, limit: number): number {
  if (text.length > limit * 2) return limit + 1;
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function headingShaped(text: string): boolean {
  return codePoints(text, MAX_HEADING) <= MAX_HEADING && !SENTENCE_END.test(stripClosers(text));
}

/** What each body line is, before paragraphs are numbered. */
type LineRole = { kind: 'heading' } | { kind: 'turn'; turn: TurnLabel } | { kind: 'labelOnly'; turn: TurnLabel } | { kind: 'text' };

function classify(body: Line[]): LineRole[] {
  const roles: LineRole[] = body.map(({ text }) => {
    const turn = matchTurn(text);
    if (!turn) return { kind: 'text' };
    return turn.textStart >= text.length ? { kind: 'labelOnly', turn } : { kind: 'turn', turn };
  });
  // A label alone on its line opens the turn of the plain paragraph below it; otherwise it is plain text.
  roles.forEach((role, i) => {
    if (role.kind === 'labelOnly' && roles[i + 1]?.kind !== 'text') roles[i] = { kind: 'text' };
  });
  const opensTurn = (i: number) => {
    const kind = roles[i]?.kind;
    return kind === 'turn' || kind === 'labelOnly';
  };
  const hasTurns = roles.some((_, i) => opensTurn(i));
  roles.forEach((role, i) => {
    if (role.kind !== 'text' || roles[i - 1]?.kind === 'labelOnly') return;
    const line = body[i];
    const following = body[i + 1];
    if (!line || !following || !headingShaped(line.text)) return;
    const followedByBody = hasTurns ? opensTurn(i + 1) : !headingShaped(following.text);
    if (followedByBody) roles[i] = { kind: 'heading' };
  });
  return roles;
}

interface Draft {
  paragraph: Paragraph;
  turn: Turn | undefined;
}

function structure(body: Line[], docTitle: string): { lead: Paragraph[]; sections: Section[]; speakers: Speaker[] } {
  const roles = classify(body);
  const firstStructure = roles.findIndex((role) => role.kind !== 'text');
  if (firstStructure === -1) {
    const paragraphs = body.map((line, i) => plain(line, 1, i + 1));
    return { lead: [], sections: paragraphs.length > 0 ? [{ index: 1, title: docTitle, offset: -1, paragraphs }] : [], speakers: [] };
  }

  const lead = body.slice(0, firstStructure).map((line, i): Paragraph => ({ ...plain(line, 0, i + 1), kind: 'lead' }));
  const sections: Section[] = [];
  const drafts: Draft[] = [];
  const turns: Turn[] = [];
  let section: Section | undefined;
  let turn: Turn | undefined;
  let pending: TurnLabel | undefined;

  for (let i = firstStructure; i < body.length; i++) {
    const line = body[i];
    const role = roles[i];
    if (!line || !role) continue;
    if (role.kind === 'heading') {
      section = { index: sections.length + 1, title: line.text, offset: line.offset, paragraphs: [] };
      sections.push(section);
      turn = undefined;
      continue;
    }
    if (role.kind === 'labelOnly') {
      pending = role.turn;
      continue;
    }
    if (!section) {
      section = { index: sections.length + 1, title: docTitle, offset: -1, paragraphs: [] };
      sections.push(section);
    }
    const paragraph = plain(line, section.index, section.paragraphs.length + 1);
    const label = role.kind === 'turn' ? role.turn : pending;
    pending = undefined;
    if (label) {
      turn = { speaker: label.name, section: section.index, paragraphs: [] };
      turns.push(turn);
      paragraph.label = label.label;
      if (role.kind === 'turn') {
        paragraph.text = line.text.slice(label.textStart);
        paragraph.offset = line.offset + label.textStart;
      }
    }
    turn?.paragraphs.push(paragraph.text);
    section.paragraphs.push(paragraph);
    drafts.push({ paragraph, turn });
  }

  const roleOf = assignRoles(turns);
  for (const { paragraph, turn: owner } of drafts) {
    if (!owner) continue;
    const speakerRole: Role = roleOf.get(owner.speaker) ?? 'interviewee';
    paragraph.speaker = owner.speaker;
    paragraph.role = speakerRole;
    paragraph.kind = speakerRole === 'interviewer' ? 'question' : 'answer';
  }
  const speakers = [...roleOf].map(([name, role]): Speaker => ({ name, role }));
  return { lead, sections, speakers };
}

function plain(line: Line, section: number, index: number): Paragraph {
  return { id: `s${section}p${index}`, section, index, kind: 'plain', text: line.text, offset: line.offset };
}
