import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth, drawnCluster, graphemes } from '../../src/core/layout/width.js';
import { renderFull } from '../../src/terminal/diff.js';
import { CONTINUATION, FrameCache, parseFrame, sameRow, type Layer } from '../../src/terminal/screen.js';
import { applyStyle, styleTransition } from '../../src/terminal/style.js';
import { emulator, feed, snapshot } from './emulator.js';
import { lineArb } from './frames.js';

const SGR = /\u001b\[[0-9;]*m/g;
const row = (frame: string, columns = 10, ambiguousWidth: 1 | 2 = 1) => parseFrame(frame, columns, 1, { ambiguousWidth }).lines[0]!;

describe('parseFrame', () => {
  it('puts a double-width character in two cells, the right one a continuation with the same style', () => {
    const r = row('a\u001b[1m中\u001b[22mb');
    expect(r.chars.slice(0, 5)).toEqual(['a', '中', CONTINUATION, 'b', ' ']);
    expect(r.styles.slice(0, 4)).toEqual(['', '1', '1', '']);
    expect(r.end).toBe(4);
  });

  it('uses the layout widths, including the ambiguous-width policy', () => {
    expect(row('“中”', 10, 1).chars.slice(0, 5)).toEqual(['“', '中', CONTINUATION, '”', ' ']);
    expect(row('“中”', 10, 2).chars.slice(0, 6)).toEqual(['“', CONTINUATION, '中', CONTINUATION, '”', CONTINUATION]);
  });

  it('cuts lines at the width; a double-width character that does not fit becomes a blank', () => {
    expect(row('abc中', 4).chars).toEqual(['a', 'b', 'c', ' ']);
    expect(row('abcdefg', 4).chars).toEqual(['a', 'b', 'c', 'd']);
  });

  it('cuts rows beyond the screen and fills missing ones with blanks', () => {
    const screen = parseFrame('a\nb\nc', 3, 2);
    expect(screen.lines.map((line) => line.chars.join(''))).toEqual(['a  ', 'b  ']);
    const tall = parseFrame('a', 3, 3);
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

  it('turns a tab into one blank, drops other control characters and escape sequences that are not SGR', () => {
    expect(row('a\tb\u0007c\u001b]0;title\u0007d\u001b[?25le').chars.slice(0, 6)).toEqual(['a', ' ', 'b', 'c', 'd', 'e']);
  });

  it('finds rows the same exactly when they look the same, however their styles were written', () => {
    const spellings = ['\u001b[1m\u001b[35mx\u001b[39m\u001b[22m', '\u001b[35;1mx\u001b[0m', '\u001b[1;35mx\u001b[m', '\u001b[1;2;35m\u001b[22;1mx'];
    for (const spelling of spellings) expect(sameRow(row(spelling), row(spellings[0]!))).toBe(true);
    expect(sameRow(row('x'), row('\u001b[1mx'))).toBe(false);
    expect(sameRow(row('x '), row('x'))).toBe(true);
    expect(sameRow(row('x\u001b[7m \u001b[27m'), row('x'))).toBe(false);
    expect(sameRow(row('中'), row('中 '))).toBe(true);
    expect(sameRow(row('中'), row('文'))).toBe(false);
  });

  it('puts every character of a fitting line in the column its width says', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const plain = line.replace(SGR, '');
        const columns = cellWidth(plain) + 2;
        const r = row(line, columns);
        expect(r.chars.join('')).toBe(plain + ' '.repeat(columns - cellWidth(plain)));
        // `end` is right after the last cell that is not a blank in the default style.
        expect(r.chars.slice(r.end).every((c) => c === ' ') && r.styles.slice(r.end).every((s) => s === '')).toBe(true);
        if (r.end > 0) expect(r.chars[r.end - 1] !== ' ' || r.styles[r.end - 1] !== '').toBe(true);
      }),
    );
  });

  it('with a line cache, parses frames as without one, reusing the rows of lines the last frame had', () => {
    const cache = new FrameCache();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(lineArb, { minLength: 0, maxLength: 6 }), fc.integer({ min: 4, max: 30 }), fc.constantFrom<1 | 2>(1, 2)), { minLength: 1, maxLength: 6 }), (frames) => {
        let last: { lines: readonly string[]; columns: number; ambiguousWidth: 1 | 2; screen: ReturnType<typeof parseFrame> } | undefined;
        for (const [lines, columns, ambiguousWidth] of frames) {
          const frame = lines.join('\n');
          const screen = parseFrame(frame, columns, 5, { ambiguousWidth, cache });
          expect(screen).toEqual(parseFrame(frame, columns, 5, { ambiguousWidth }));
          if (last && last.columns === columns && last.ambiguousWidth === ambiguousWidth) {
            lines.slice(0, 5).forEach((line, y) => {
              const before = last!.lines.slice(0, 5).indexOf(line);
              if (before >= 0) expect(screen.lines[y]).toBe(last!.screen.lines[before]);
            });
          }
          last = { lines, columns, ambiguousWidth, screen };
        }
      }),
    );
  });
});

describe('parseFrame with a layer', () => {
  const plainWidth = (line: string) => cellWidth(line.replace(SGR, ''));
  const layerArb = (columns: number, rows: number) =>
    fc
      .record({ x: fc.nat({ max: columns - 2 }), y: fc.nat({ max: rows - 1 }), width: fc.integer({ min: 1, max: columns }), lines: fc.array(lineArb, { maxLength: rows }) })
      .map(({ x, y, width, lines }): Layer => {
        const w = Math.min(width, columns - x);
        // Layer lines fit their width, as the reader's laid-out rows do.
        return { x, y, width: w, lines: lines.slice(0, rows - y).map((line) => (plainWidth(line) <= w ? line : '')) };
      });

  it('shows the frame with each layer line written over it, padded to the width, as a terminal shows the two drawn in turn', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ columns: fc.integer({ min: 4, max: 30 }), rows: fc.integer({ min: 1, max: 8 }) }).chain(({ columns, rows }) =>
          fc.tuple(fc.constant(columns), fc.constant(rows), fc.array(lineArb, { minLength: rows, maxLength: rows }), layerArb(columns, rows)),
        ),
        async ([columns, rows, frameLines, layer]) => {
          const fitting = frameLines.map((line) => (plainWidth(line) <= columns ? line : ''));
          const screen = parseFrame(fitting.join('\n'), columns, rows, { layer });
          const drawn = fitting.map((line, y) => `\u001b[${y + 1}H\u001b[0m${line}`).join('');
          const over = layer.lines
            .map((line, i) => `\u001b[${layer.y + i + 1};${layer.x + 1}H\u001b[0m${line}\u001b[0m${' '.repeat(layer.width - plainWidth(line))}`)
            .join('');
          const direct = emulator(columns, rows);
          await feed(direct, drawn + over);
          const redrawn = emulator(columns, rows);
          await feed(redrawn, renderFull(screen));
          expect(snapshot(redrawn)).toEqual(snapshot(direct));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('with a cache, parses frames and layers as without one', () => {
    const cache = new FrameCache();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(lineArb, { maxLength: 6 }), layerArb(20, 6)), { minLength: 1, maxLength: 6 }), (frames) => {
        for (const [lines, layer] of frames) {
          expect(parseFrame(lines.join('\n'), 20, 6, { cache, layer })).toEqual(parseFrame(lines.join('\n'), 20, 6, { layer }));
        }
      }),
    );
  });
});

describe('styles', () => {
  it.each([
    ['', '1;35', '1;35'],
    ['1;35', '22', '35'],
    ['1;2', '22', ''],
    ['1;35', '0', ''],
    ['4', '24;7', '7'],
    ['', '38;5;208', '38;5;208'],
    ['', '38:5:208', '38;5;208'],
    ['', '38:2::10:20:30', '38;2;10;20;30'],
    ['31', '39;48;2;1;2;3', '48;2;1;2;3'],
    ['7;44', '49', '7'],
    ['', '4:3', '4'],
    ['4', '4:0', ''],
    ['', '53', ''],
  ])('%j then SGR %j is %j', (from, params, to) => {
    expect(applyStyle(from, params)).toBe(to);
  });

  it('writes the transition that leads to the target from any style', () => {
    const styles = ['', '1', '1;35', '7', '2;38;5;208', '44'];
    for (const from of styles) {
      for (const to of styles) {
        const sequence = styleTransition(from, to);
        if (from === to) expect(sequence).toBe('');
        else expect(applyStyle(from, sequence.slice(2, -1))).toBe(to);
      }
      expect(applyStyle(from, styleTransition(undefined, '1').slice(2, -1))).toBe('1');
    }
  });
});
