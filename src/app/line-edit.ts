/**
 * A one-line text field as data: the text and a cursor, edited by grapheme cluster so that
 * Backspace removes a whole double-width character (or emoji, or letter with its accent) and the
 * cursor never lands inside one. Pure; the search line is its only user so far.
 */
import { removeInvisible } from '../core/document/sanitize.js';
import { graphemes } from '../core/layout/width.js';

export interface LineState {
  readonly text: string;
  /** UTF-16 offset of the cursor, always on a grapheme boundary (0 … text.length). */
  readonly cursor: number;
  /**
   * The whole text is selected, as a find bar shows the last query again: what is typed first replaces
   * it, a deletion clears it, a cursor move keeps it to edit (and ends the selection).
   */
  readonly selected?: boolean;
}

/** What a key does to the line. */
export type LineEdit =
  | { type: 'insert'; text: string }
  | { type: 'deleteBackward' }
  | { type: 'deleteForward' }
  /** Delete from the start of the line to the cursor (Ctrl-U in a shell). */
  | { type: 'deleteToStart' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' };

/** The grapheme boundaries of `text`: 0, each cluster's start, and text.length. */
function boundaries(text: string): number[] {
  return [...graphemes(text).map((g) => g.index), text.length];
}

function before(text: string, cursor: number): number {
  let found = 0;
  for (const at of boundaries(text)) if (at < cursor) found = at;
  return found;
}

function after(text: string, cursor: number): number {
  return boundaries(text).find((at) => at > cursor) ?? text.length;
}

/**
 * Control characters a paste or a key may carry; a line keeps one line's worth of printable text
 * (a pasted newline or tab becomes a space).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** `text` cleaned for a one-line field: controls to single spaces, invisibles (bidi, tags) gone as from the text. */
export function lineText(text: string): string {
  return removeInvisible(text).replace(CONTROLS, ' ');
}

/** The line after `edit`; the same object when nothing changes. */
export function editLine(line: LineState, edit: LineEdit): LineState {
  if (line.selected) {
    const kept = { text: line.text, cursor: line.cursor };
    if (edit.type === 'insert') return editLine({ text: '', cursor: 0 }, edit);
    if (edit.type === 'deleteBackward' || edit.type === 'deleteForward' || edit.type === 'deleteToStart') return { text: '', cursor: 0 };
    return editLine(kept, edit);
  }
  const { text, cursor } = line;
  const next = (t: string, c: number): LineState => (t === text && c === cursor ? line : { text: t, cursor: c });
  switch (edit.type) {
    case 'insert': {
      const inserted = lineText(edit.text);
      const joined = text.slice(0, cursor) + inserted + text.slice(cursor);
      // Inserting can join clusters (a combining mark after a letter): keep the cursor on a boundary.
      const target = cursor + inserted.length;
      const snapped = boundaries(joined).includes(target) ? target : after(joined, target);
      return next(joined, snapped);
    }
    case 'deleteBackward': {
      if (cursor === 0) return line;
      const from = before(text, cursor);
      return next(text.slice(0, from) + text.slice(cursor), from);
    }
    case 'deleteForward': {
      if (cursor === text.length) return line;
      return next(text.slice(0, cursor) + text.slice(after(text, cursor)), cursor);
    }
    case 'deleteToStart':
      return next(text.slice(cursor), 0);
    case 'left':
      return next(text, before(text, cursor));
    case 'right':
      return next(text, after(text, cursor));
    case 'home':
      return next(text, 0);
    case 'end':
      return next(text, text.length);
  }
}
