import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editLine, lineText, type LineEdit, type LineState } from '../../src/app/line-edit.js';
import { graphemes } from '../../src/core/layout/width.js';

/** Text made of the pieces that make editing hard: wide characters, astral characters, combining marks, emoji sequences. */
const piece = fc.constantFrom('a', 'Z', ' ', '集', '成', '电', '𠀋', '😀', 'e\u0301', '👩‍💻', '，', '“');
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const edit: fc.Arbitrary<LineEdit> = fc.oneof(
  piece.map((t): LineEdit => ({ type: 'insert', text: t })),
  fc.constantFrom<LineEdit>(
    { type: 'deleteBackward' },
    { type: 'deleteForward' },
    { type: 'deleteToStart' },
    { type: 'left' },
    { type: 'right' },
    { type: 'home' },
    { type: 'end' },
  ),
);
const boundaries = (t: string): number[] => [...graphemes(t).map((g) => g.index), t.length];

describe('editing a line', () => {
  it('keeps the cursor on a grapheme boundary whatever the keys', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        let line: LineState = { text: '', cursor: 0 };
        for (const e of edits) {
          line = editLine(line, e);
          expect(boundaries(line.text)).toContain(line.cursor);
        }
      }),
    );
  });

  it('Backspace after typing a text removes it grapheme by grapheme, back to where it started', () => {
    fc.assert(
      fc.property(text, text, (before, typed) => {
        const start: LineState = { text: before, cursor: before.length };
        let line = editLine(start, { type: 'insert', text: typed });
        // The pieces never join across their edges, so the clusters added are the typed text's own.
        for (let i = 0; i < graphemes(typed).length; i++) line = editLine(line, { type: 'deleteBackward' });
        expect(line).toEqual(start);
      }),
    );
  });

  it('moves over a double-width or astral character in one step', () => {
    const line = { text: '集𠀋😀', cursor: 0 };
    const steps = [editLine(line, { type: 'right' })];
    steps.push(editLine(steps[0]!, { type: 'right' }));
    steps.push(editLine(steps[1]!, { type: 'right' }));
    expect(steps.map((s) => s.cursor)).toEqual([1, 3, 5]);
    expect(editLine({ text: '集𠀋😀', cursor: 5 }, { type: 'deleteBackward' })).toEqual({ text: '集𠀋', cursor: 3 });
    expect(editLine({ text: '集𠀋😀', cursor: 1 }, { type: 'deleteForward' })).toEqual({ text: '集😀', cursor: 1 });
  });

  it('returns the same object when nothing changes', () => {
    const line = { text: '集成', cursor: 0 };
    for (const e of [{ type: 'left' }, { type: 'home' }, { type: 'deleteBackward' }, { type: 'deleteToStart' }] as LineEdit[]) {
      expect(editLine(line, e)).toBe(line);
    }
    expect(editLine({ text: '集成', cursor: 2 }, { type: 'deleteForward' }).cursor).toBe(2);
  });

  it('keeps one line: controls in a paste become spaces', () => {
    expect(lineText('集成\r\n电路\t\u001b[31m')).toBe('集成 电路 [31m');
    // Pasted invisibles are dropped, as they were from the text: a hidden tag or bidi control cannot ride along.
    expect(lineText('集\u{E0068}\u{E0069}成\u202e电\u200b路')).toBe('集成电路');
    expect(editLine({ text: '', cursor: 0 }, { type: 'insert', text: 'a\nb' })).toEqual({ text: 'a b', cursor: 3 });
  });
});
