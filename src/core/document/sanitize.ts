/**
 * Makes untrusted text safe to write to a terminal.
 *
 * A terminal obeys control characters, so a text file that reached it raw could move the cursor, recolour
 * the screen, set the window title (OSC 0/2), write the clipboard (OSC 52), plant links (OSC 8), or send
 * DCS/APC strings. Every such sequence starts with a C0 control (ESC, or BEL/ST as terminators) or a C1
 * control (U+009B is a one-character CSI), so none can form once those are gone; what is left of a sequence
 * (`[31m`, `]0;title`) is then ordinary, harmless text.
 *
 * - C0 controls and DEL become their visible Control Pictures (ESC → ␛, BEL → ␇), so a reader sees that
 *   something was there. `\n` stays; `\t` is expanded to spaces up to the next 8-cell tab stop, because a
 *   raw tab moves the cursor by an amount the layout cannot know.
 * - C1 controls (U+0080–U+009F) have no pictures: they become U+FFFD, visible too.
 * - Bidi overrides, embeddings, isolates and marks (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) are
 *   removed: they are invisible and can reorder what the reader sees.
 * - Invisible characters whose width terminals disagree on (zero-width space, word joiner, BOM, soft hyphen,
 *   invisible operators, deprecated format controls, interlinear annotation) are removed, so the layout's
 *   cell count matches the screen. ZWJ (emoji sequences), ZWNJ (joining scripts) and variation selectors stay.
 * - Tag characters (U+E0000–U+E007F) are removed: invisible copies of ASCII, they can carry hidden text
 *   through a citation onto a clipboard (`print`, `y`) or into a search. Their one honest use, the
 *   subdivision flags (🏴 + tags for England), falls back to the plain black flag 🏴.
 * - U+2028/U+2029 are line breaks by definition and become `\n`; lone surrogates become U+FFFD.
 */
import { cellWidth } from '../layout/width.js';

/** Cells between tab stops when a tab is expanded (as `less`, `fold` and terminals do). */
export const TAB_STOP = 8;

// Removed outright (see the module comment); kept as one string so the class below and the test of a
// single character cannot drift apart.
const REMOVED = '\u061C\u00AD\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB';
// Tag characters U+E0000–U+E007F, as UTF-16 (the classes here work on code units).
const TAGS = '\uDB40[\uDC00-\uDC7F]';
// Everything replaced or removed, in one class so the text is scanned once. No `u` flag: lone surrogates
// must be matched as code units.
const UNSAFE = new RegExp(
  `[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u2028\\u2029${REMOVED}]|${TAGS}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);
const IS_REMOVED = new RegExp(`^(?:[${REMOVED}]|${TAGS})$`);
const INVISIBLE = new RegExp(`[${REMOVED}]|${TAGS}`, 'g');

/** Code units that {@link UNSAFE} may match (every surrogate, paired or not) and the tab: 1 in this table. */
let unsafeCodes: Uint8Array | undefined;

function unsafeTable(): Uint8Array {
  if (unsafeCodes) return unsafeCodes;
  const table = new Uint8Array(0x10000);
  const mark = (from: number, to = from) => table.fill(1, from, to + 1);
  mark(0x00, 0x09);
  mark(0x0b, 0x1f);
  mark(0x7f, 0x9f);
  mark(0x2028, 0x2029);
  mark(0xd800, 0xdfff);
  // The removed characters, from the same string as the expression (ranges written `a-b`).
  for (const [, from, to] of REMOVED.matchAll(/(.)(?:-(.))?/gsu)) mark(from!.charCodeAt(0), (to ?? from!).charCodeAt(0));
  unsafeCodes = table;
  return table;
}

/** The index of the first code unit of `text` that may need a change, or -1. */
function firstUnsafe(text: string): number {
  const table = unsafeTable();
  for (let i = 0; i < text.length; i++) if (table[text.charCodeAt(i)] === 1) return i;
  return -1;
}

function replacement(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code === 0x2028 || code === 0x2029) return '\n';
  if (IS_REMOVED.test(char)) return '';
  // C1 controls and lone surrogates.
  return '\uFFFD';
}

/**
 * `text` without the invisible characters {@link sanitizeText} removes (bidi controls, zero-width and tag
 * characters), nothing else changed: for text typed or pasted by the user, such as a search query, so
 * that it is cleaned as the document was and a hidden character cannot make a query miss.
 */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Replaces each tab with spaces up to the next tab stop, measuring the line so far in terminal cells. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  const [first = '', ...rest] = line.split('\t');
  let out = first;
  let column = cellWidth(first);
  for (const part of rest) {
    const spaces = TAB_STOP - (column % TAB_STOP);
    out += ' '.repeat(spaces) + part;
    column += spaces + cellWidth(part);
  }
  return out;
}

/**
 * Returns `text` with every character that could act on a terminal replaced by a visible placeholder or
 * removed (see the module comment). Newlines are kept, tabs expanded. Idempotent.
 */
export function sanitizeText(text: string): string {
  // Nearly every text holds none of them: a look-up per code unit finds that in a tenth of the time the
  // expression takes to scan it. The part before the first one is kept as it is; it has no surrogate, so
  // the expression's look-behind cannot miss a pair split there.
  const first = firstUnsafe(text);
  if (first < 0) return text;
  const safe = text.slice(0, first) + text.slice(first).replace(UNSAFE, replacement);
  return safe.includes('\t') ? safe.split('\n').map(expandTabs).join('\n') : safe;
}

/**
 * Like {@link sanitizeText} for a string that must stay on one line, such as a file name quoted in an
 * error message: newlines become ␤ and tabs a single space.
 */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE, replacement).replace(/\n/g, '\u2424').replace(/\t/g, ' ');
}
