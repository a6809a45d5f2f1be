/**
 * The resume record kept for one document, and the pure rules for reading, merging and writing it.
 * No I/O here: `store.ts` does the files.
 *
 * Two readers open on the same text must lose nothing, so a save is an update, not a whole record:
 * only the fields it carries change, marks are merged letter by letter, and the last writer wins per
 * field. A reader therefore saves a mark when it is set, and its own position, measure and indent when
 * it leaves; another instance's marks stay.
 */
import type { Anchor, Spacing } from '../core/layout/flow.js';
import { SCRIPTS, type Script } from '../core/script/convert.js';

export type { Anchor } from '../core/layout/flow.js';

/** What is remembered about a document. */
export interface StateRecord {
  /** Where the reader was: the paragraph (block) and the character at the top of the view. */
  anchor?: Anchor;
  /** Marks set with `m` + letter, by letter. */
  marks: Record<string, Anchor>;
  /** Text measure in columns (0: no limit). */
  measure?: number;
  /** First-line indent of two full-width spaces. */
  indent?: boolean;
  /** Blank lines between paragraphs. */
  spacing?: Spacing;
  /** The script the text was shown in. */
  script?: Script;
  /** When the record was last written (ISO 8601). */
  updatedAt: string;
  /** What the shelf lists, cached here so listing never parses the text again (see `shelf.ts`). */
  title?: string;
  author?: string;
  /** Sections (chapters) of the text. */
  chapters?: number;
  /** 字数: characters of the text, whitespace not counted. */
  chars?: number;
  /** The furthest character (counted as `chars`) the bottom of the view has reached: progress. */
  furthest?: number;
  /** When the text was last open in the reader (ISO 8601). */
  lastRead?: string;
  /** Reading time in milliseconds, counted while keys come (see `reading-time.ts`). */
  readingMs?: number;
  /** Absolute paths the text was opened from, the latest first. */
  paths?: string[];
}

/** A change to a record: absent fields stay as they are; a mark set to `null` is removed. */
export interface StateUpdate {
  anchor?: Anchor;
  marks?: Record<string, Anchor | null>;
  measure?: number;
  indent?: boolean;
  spacing?: Spacing;
  script?: Script;
  title?: string;
  author?: string;
  chapters?: number;
  chars?: number;
  /** Raises `furthest` to this, never lowers it: going back to reread is not unreading. */
  furthest?: number;
  lastRead?: string;
  /** Added to `readingMs`: each reader adds its own session's time, so two at once both count. */
  addReadingMs?: number;
  /** Put first in `paths` (and removed further down). */
  path?: string;
}

/** The version written to disk, so a later format can tell old records apart. */
export const RECORD_VERSION = 1;

/** A mark is one ASCII letter, as in less. */
export const MARK_LETTER = /^[A-Za-z]$/;

/** Block ids are short words (`s12p345`, `original-title`); anything else did not come from yuedu. */
const BLOCK_ID = /^[A-Za-z0-9-]{1,64}$/;
const MAX_MEASURE = 10_000;
/** Paths kept per text: where it was opened from lately, not a history. */
export const MAX_PATHS = 5;
const MAX_META_CHARS = 500;

/**
 * The file name stem for a document: a SHA-256 prefix of its text, so the same text opened from another
 * path or standard input resumes, and an edited text starts afresh rather than at a stale position.
 */
export function documentKey(text: string): string {
  // The reader asks for the same text's key on opening, right after its first frame and on every save: a
  // 10 MB book's hash takes ~30 ms (most of it encoding the text as UTF-8), so the last answer is kept.
  // Comparing the strings is a pointer check for the same text and cheap beside hashing for another.
  if (text !== lastKeyed.text) lastKeyed = { text, key: sha256Utf8(text).slice(0, 32) };
  return lastKeyed.key;
}

/** Code units of the text encoded and hashed at a time by {@link sha256Utf8}. */
const HASHED_UNITS = 64 * 1024;

/**
 * The SHA-256 of `text` as UTF-8, in hex: a piece at a time, so a long book is never encoded whole. A
 * 10 MB GB18030 novel is 16 MB of UTF-8, and on a machine where fresh memory is slow to touch, making
 * that buffer cost twice what hashing it does (77 ms at once, 26 in pieces). A piece never ends
 * between the halves of a surrogate pair, so the bytes hashed are the text's UTF-8 as one string's.
 */
export function sha256Utf8(text: string): string {
  // node:crypto is loaded on first use, not by every start-up (~10 ms).
  const hash = process.getBuiltinModule('node:crypto').createHash('sha256');
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + HASHED_UNITS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    hash.update(start === 0 && end === text.length ? text : text.slice(start, end), 'utf8');
    start = end;
  }
  return hash.digest('hex');
}

let lastKeyed: { text: string | undefined; key: string } = { text: undefined, key: '' };

/** Tells {@link documentKey} the key of `text`, known without hashing it (kept with a parsed text, see cli/document-cache.ts). */
export function rememberDocumentKey(text: string, key: string): void {
  lastKeyed = { text, key };
}

export type ParsedRecord = { ok: true; record: StateRecord } | { ok: false; reason: string };

/**
 * Reads a record from the file's text. Invalid JSON or a non-object is refused with a reason (worded to follow the file name); within an
 * object, fields of the wrong shape are dropped one by one, so one bad mark does not cost the position.
 */
export function parseRecord(text: string): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'is not valid JSON' };
  }
  if (!isObject(value)) return { ok: false, reason: 'does not hold a record' };
  const record: StateRecord = { marks: {}, updatedAt: typeof value.updatedAt === 'string' ? value.updatedAt : '' };
  const anchor = toAnchor(value.anchor);
  if (anchor) record.anchor = anchor;
  if (isObject(value.marks)) {
    for (const [letter, raw] of Object.entries(value.marks)) {
      const mark = toAnchor(raw);
      if (mark && MARK_LETTER.test(letter)) record.marks[letter] = mark;
    }
  }
  if (isMeasure(value.measure)) record.measure = value.measure;
  if (typeof value.indent === 'boolean') record.indent = value.indent;
  if (isSpacing(value.spacing)) record.spacing = value.spacing;
  if (isScript(value.script)) record.script = value.script;
  copyMeta(value, record);
  if (isCount(value.furthest)) record.furthest = value.furthest;
  if (isDate(value.lastRead)) record.lastRead = value.lastRead;
  if (isCount(value.readingMs)) record.readingMs = value.readingMs;
  if (Array.isArray(value.paths)) {
    const paths = value.paths.filter(isPath).slice(0, MAX_PATHS);
    if (paths.length > 0) record.paths = paths;
  }
  return { ok: true, record };
}

/** Applies `update` to `record` (or to nothing), stamped with `now`; invalid parts of the update are ignored. */
export function applyUpdate(record: StateRecord | undefined, update: StateUpdate, now: Date): StateRecord {
  const next: StateRecord = { ...record, marks: { ...record?.marks }, updatedAt: now.toISOString() };
  const anchor = toAnchor(update.anchor);
  if (anchor) next.anchor = anchor;
  for (const [letter, raw] of Object.entries(update.marks ?? {})) {
    if (!MARK_LETTER.test(letter)) continue;
    if (raw === null) {
      delete next.marks[letter];
    } else {
      const mark = toAnchor(raw);
      if (mark) next.marks[letter] = mark;
    }
  }
  if (isMeasure(update.measure)) next.measure = update.measure;
  if (typeof update.indent === 'boolean') next.indent = update.indent;
  if (isSpacing(update.spacing)) next.spacing = update.spacing;
  if (isScript(update.script)) next.script = update.script;
  copyMeta(update as Record<string, unknown>, next);
  if (isCount(update.furthest)) next.furthest = Math.max(next.furthest ?? 0, update.furthest);
  if (isDate(update.lastRead)) next.lastRead = update.lastRead;
  if (isCount(update.addReadingMs) && update.addReadingMs > 0) next.readingMs = (next.readingMs ?? 0) + update.addReadingMs;
  if (isPath(update.path)) next.paths = [update.path, ...(next.paths ?? []).filter((p) => p !== update.path)].slice(0, MAX_PATHS);
  return next;
}

/** Title, author and counts: strings of a sane length, counts as whole numbers; anything else is left out. */
function copyMeta(from: Record<string, unknown>, to: StateRecord): void {
  if (isMeta(from.title)) to.title = from.title;
  if (isMeta(from.author)) to.author = from.author;
  if (isCount(from.chapters)) to.chapters = from.chapters;
  if (isCount(from.chars)) to.chars = from.chars;
}

/** The file's text for a record: one JSON object with a version, keys in a fixed order, a final newline. */
export function serializeRecord(record: StateRecord): string {
  const { anchor, marks, measure, indent, spacing, script, updatedAt, title, author, chapters, chars, furthest, lastRead, readingMs, paths } = record;
  const sortedMarks = Object.fromEntries(Object.entries(marks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const fields = { version: RECORD_VERSION, anchor, marks: sortedMarks, measure, indent, spacing, script, updatedAt, title, author, chapters, chars, furthest, lastRead, readingMs, paths };
  return `${JSON.stringify(fields, null, 2)}\n`;
}

function toAnchor(value: unknown): Anchor | undefined {
  if (!isObject(value)) return undefined;
  const { block, offset } = value;
  if (typeof block !== 'string' || !BLOCK_ID.test(block)) return undefined;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < -1) return undefined;
  return { block, offset };
}

function isMeasure(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_MEASURE;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isMeta(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_META_CHARS;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

function isPath(value: unknown): value is string {
  // Only absolute paths: a relative one means nothing once the reader is started from another folder.
  return typeof value === 'string' && value.startsWith('/') && value.length <= 4096 && !value.includes('\0');
}

function isSpacing(value: unknown): value is Spacing {
  return value === 0 || value === 1;
}

function isScript(value: unknown): value is Script {
  return typeof value === 'string' && (SCRIPTS as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
