import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, drawnCluster, graphemes } from '../../src/core/layout/width.js';
import { CONTINUATION, RowCache, sameRow, screenOf } from '../../src/terminal/screen.js';
import type { SpanRow } from '../../src/terminal/span.js';
import { cellStyle, styleTransition } from '../../src/terminal/style.js';
import { lineArb, plain } from './frames.js';

const row = (spans: SpanRow | string, columns = 10, ambiguousWidth: 1 | 2 = 1, hyperlinks = false) =>
  screenOf([typeof spans === 'string' ? [{ text: spans }] : spans], columns, 1, { ambiguousWidth, hyperlinks }).lines[0]!;

describe('screenOf', () => {
  it('puts a double-width character in two cells, the right one a continuation with the same style', () => {
    const r = row([{ text: 'a' }, { text: '中', style: { bold: true } }, { text: 'b' }]);
    expect(r.chars.slice(0, 5)).toEqual(['a', '中', CONTINUATION, 'b', ' ']);
    expect(r.styles.slice(0, 4)).toEqual(['', '1', '1', '']);
    expect(r.end).toBe(4);
  });

  it('uses the layout widths, including the ambiguous-width policy', () => {
    expect(row('“中”', 10, 1).chars.slice(0, 5)).toEqual(['“', '中', CONTINUATION, '”', ' ']);
    expect(row('“中”', 10, 2).chars.slice(0, 6)).toEqual(['“', CONTINUATION, '中', CONTINUATION, '”', CONTINUATION]);
  });

  it('cuts rows at the width; a double-width character that does not fit becomes a blank', () => {
    expect(row('abc中', 4).chars).toEqual(['a', 'b', 'c', ' ']);
    expect(row('abcdefg', 4).chars).toEqual(['a', 'b', 'c', 'd']);
    expect(row([{ text: 'ab' }, { text: 'cdef', style: { bold: true } }], 3).styles).toEqual(['', '', '1']);
  });

  it('cuts rows beyond the screen and fills missing ones with blanks', () => {
    const screen = screenOf([[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]], 3, 2);
    expect(screen.lines.map((line) => line.chars.join(''))).toEqual(['a  ', 'b  ']);
    const tall = screenOf([[{ text: 'a' }]], 3, 3);
    expect(tall.lines.map((line) => line.end)).toEqual([1, 0, 0]);
    expect(sameRow(tall.lines[1]!, tall.lines[2]!)).toBe(true);
  });

  it('keeps grapheme clusters (combining marks, emoji sequences, half-width voiced kana) in one cell run', () => {
    for (const text of ['e\u0301a', 'x👍🏽y', 'ｶﾞ中', '한\u1100\u1161글', '☺\ufe0f!', '중文']) {
      const r = row(text, 12);
      // A cluster some terminal draws wider than two cells (👍🏽: 4 in tmux) is drawn as its first character.
      const drawn = graphemes(text).map(({ segment }) => drawnCluster(segment)).join('');
      expect(r.chars.join('')).toBe(drawn + ' '.repeat(12 - cellWidth(text)));
      expect(r.end).toBe(cellWidth(text));
    }
  });

  it('turns a tab into one blank and drops control characters, ESC among them: a span cannot carry an escape sequence', () => {
    expect(row('a\tb\u0007c\u001bd\u009be').chars.slice(0, 6)).toEqual(['a', ' ', 'b', 'c', 'd', 'e']);
  });

  it('finds rows the same exactly when they look the same, however their spans were cut', () => {
    const bold = { bold: true, color: 'magenta' } as const;
    expect(sameRow(row([{ text: 'xy', style: bold }]), row([{ text: 'x', style: bold }, { text: 'y', style: { color: 'magenta', bold: true } }]))).toBe(true);
    expect(sameRow(row('x'), row([{ text: 'x', style: { bold: true } }]))).toBe(false);
    expect(sameRow(row('x'), row([{ text: 'x', style: {} }]))).toBe(true);
    expect(sameRow(row('x '), row('x'))).toBe(true);
    expect(sameRow(row([{ text: 'x' }, { text: ' ', style: { inverse: true } }]), row('x'))).toBe(false);
    expect(sameRow(row('中'), row('中 '))).toBe(true);
    expect(sameRow(row('中'), row('文'))).toBe(false);
  });

  it('keeps a link on its cells only when hyperlinks are sent, and only a web or mail address', () => {
    const link = (url: string): SpanRow => [{ text: 'ab', style: { underline: true, link: url } }];
    expect(row(link('https://example.com/'), 4, 1, false).styles[0]).toBe('4');
    expect(row(link('https://example.com/'), 4, 1, true).styles[0]).toBe(cellStyle({ underline: true }, 'https://example.com/'));
    expect(row(link('javascript:alert(1)'), 4, 1, true).styles[0]).toBe('4');
    expect(sameRow(row(link('https://a.example/'), 4, 1, true), row(link('https://b.example/'), 4, 1, true))).toBe(false);
  });

  it('puts every character of a fitting row in the column its width says', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const text = plain(line);
        const columns = cellWidth(text) + 2;
        const r = row(line, columns);
        expect(r.chars.join('')).toBe(text + ' '.repeat(columns - cellWidth(text)));
        // `end` is right after the last cell that is not a blank in the default style.
        expect(r.chars.slice(r.end).every((c) => c === ' ') && r.styles.slice(r.end).every((s) => s === '')).toBe(true);
        if (r.end > 0) expect(r.chars[r.end - 1] !== ' ' || r.styles[r.end - 1] !== '').toBe(true);
      }),
    );
  });

  it('with a row cache, makes screens as without one, reusing the rows the last frame had', () => {
    const cache = new RowCache();
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(lineArb, { minLength: 0, maxLength: 6 }), fc.integer({ min: 4, max: 30 }), fc.constantFrom<1 | 2>(1, 2), fc.boolean()), { minLength: 1, maxLength: 6 }),
        (frames) => {
          let last: { lines: readonly SpanRow[]; key: string; screen: ReturnType<typeof screenOf> } | undefined;
          for (const [lines, columns, ambiguousWidth, hyperlinks] of frames) {
            const screen = screenOf(lines, columns, 5, { ambiguousWidth, hyperlinks, cache });
            expect(screen).toEqual(screenOf(lines, columns, 5, { ambiguousWidth, hyperlinks }));
            const key = `${columns}/${ambiguousWidth}/${hyperlinks}`;
            if (last && last.key === key) {
              const before = last.lines.slice(0, 5).map((line) => JSON.stringify(line));
              lines.slice(0, 5).forEach((line, y) => {
                const at = before.indexOf(JSON.stringify(line));
                if (at >= 0) expect(screen.lines[y]).toBe(last!.screen.lines[at]);
              });
            }
            last = { lines, key, screen };
          }
        },
      ),
    );
  });

  it('with a row cache, never takes one row for another whatever their texts hold', () => {
    const cache = new RowCache();
    // Joined naively, the two rows' spans read the same; they show different cells.
    const a: SpanRow = [{ text: 'a\u00021\u0001b' }];
    const b: SpanRow = [{ text: 'a' }, { text: 'b', style: { bold: true } }];
    screenOf([a], 6, 1, { cache });
    expect(screenOf([b], 6, 1, { cache })).toEqual(screenOf([b], 6, 1));
    expect(screenOf([a, b], 6, 2, { cache })).toEqual(screenOf([a, b], 6, 2));
  });
});

describe('styles', () => {
  it('writes attributes in SGR order, then the colour', () => {
    expect(cellStyle({ color: 'magenta', bold: true })).toBe('1;35');
    expect(cellStyle({ strikethrough: true, inverse: true, underline: true, italic: true, dim: true, bold: true })).toBe('1;2;3;4;7;9');
    expect(cellStyle({})).toBe('');
    expect(cellStyle(undefined)).toBe('');
  });

  it('writes the transition between styles: SGR, then OSC 8 opened, changed or closed', () => {
    const link = cellStyle({ underline: true }, 'https://a.example/');
    expect(styleTransition('', '1;35')).toBe('\u001b[1;35m');
    expect(styleTransition('1', '')).toBe('\u001b[m');
    expect(styleTransition('1', '7')).toBe('\u001b[0;7m');
    expect(styleTransition(undefined, '1')).toBe('\u001b[0;1m');
    expect(styleTransition('', link)).toBe('\u001b[4m\u001b]8;;https://a.example/\u001b\\');
    expect(styleTransition(link, '4')).toBe('\u001b]8;;\u001b\\');
    expect(styleTransition(link, '')).toBe('\u001b[m\u001b]8;;\u001b\\');
    expect(styleTransition(link, cellStyle({ underline: true }, 'https://b.example/'))).toBe('\u001b]8;;https://b.example/\u001b\\');
    // After an update every hyperlink is closed: an unknown pen has none open.
    expect(styleTransition(undefined, '')).toBe('\u001b[m');
  });

  it('sends a link’s id as OSC 8’s id parameter, so its pieces on several rows are one link', () => {
    const named = cellStyle({ underline: true }, 'https://a.example/', 'yd1-s1p2-5');
    expect(styleTransition('', named)).toBe('\u001b[4m\u001b]8;id=yd1-s1p2-5;https://a.example/\u001b\\');
    expect(styleTransition(named, '')).toBe('\u001b[m\u001b]8;;\u001b\\');
    // Another id is another link, even to the same target.
    expect(styleTransition(named, cellStyle({ underline: true }, 'https://a.example/', 'yd1-s1p2-9'))).toBe('\u001b]8;id=yd1-s1p2-9;https://a.example/\u001b\\');
  });
});
