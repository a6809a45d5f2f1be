import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachLine, eachWindow, layoutText, LINE_WINDOW, windowLines } from '../../../src/core/layout/linebreak.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { Flow } from '../../../src/core/layout/flow.js';

/** A deterministic paragraph longer than two windows: Chinese, punctuation, words, numbers, spaces. */
function longParagraph(length: number): string {
  const pieces = ['中文字符', '，', '测试句子', '。', '“好”', 'FPGA', ' ', '28家', 'https://example.com/a-b?c=1', '——', '  ', '（注）', '…', '1,000.5', '\u3000', 'e\u0301'];
  let seed = 7;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += pieces[seed % pieces.length];
  }
  return text;
}

describe('eachLine', () => {
  const text = longParagraph(2 * LINE_WINDOW + 100_000);

  it('lays out a paragraph longer than its window exactly as the whole layout does', () => {
    for (const [width, firstLineOffset] of [[80, 4], [7, 0], [300, 12]] as const) {
      const whole = layoutText(text, width, { firstLineOffset });
      const windowed = [...eachLine(text, width, { firstLineOffset })];
      expect(windowed.length).toBe(whole.length);
      expect(windowed).toEqual(whole);
    }
  });

  it('starts on the second line when the first line has no room, as the whole layout does', () => {
    const whole = layoutText(text, 10, { firstLineOffset: 9 });
    expect([...eachLine(text, 10, { firstLineOffset: 9 })]).toEqual(whole);
  });

  it('lays out a short paragraph whole', () => {
    expect([...eachLine('中文中文。中文', 8)]).toEqual(layoutText('中文中文。中文', 8));
  });
});

describe('a streamed flow of a paragraph longer than the window', () => {
  it('has the rows the reader lays out whole', async () => {
    const { parseDocument } = await import('../../../src/core/document/parse.js');
    const { Flow, flowRows } = await import('../../../src/core/layout/flow.js');
    const doc = parseDocument(`标题\n\n${longParagraph(2 * LINE_WINDOW + 50_000)}\n`);
    const options = { width: 60, indent: true };
    const flow = new Flow(doc, options);
    const whole = Array.from({ length: flow.blockCount }, (_, i) => flow.rows(i)).flat();
    expect(flowRows(doc, options)).toEqual(whole);
  });
});

/** Random paragraphs of tens of thousands of units, made of every kind of piece the layout distinguishes. */
const pieces = fc.constantFrom(
  '中文字符', '电子信息产业', '，', '。', '：', '“好”', '（注）', '《书》', 'FPGA', 'supercalifragilisticexpialidocious',
  '28家', '1,000.5', 'https://example.com/a-b?c=1', '——', '……', ' ', '      ', '\u3000', '\u00a0', '\t', 'e\u0301',
  '👨‍👩‍👧', '🇨🇳', '$5', 'don’t', '。”', '、', 'x'.repeat(300), ' '.repeat(500), '中'.repeat(2000),
);
const longText = fc.tuple(fc.array(pieces, { minLength: 20, maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 10_000, max: 24_000 })).map(([parts, seed, length]) => {
  let text = '';
  let state = seed;
  while (text.length < length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += parts[state % parts.length];
  }
  return text;
});
const layoutOptions = fc.record({ ambiguousWidth: fc.constantFrom(1 as const, 2 as const), firstLineOffset: fc.integer({ min: 0, max: 30 }) });

describe('eachWindow properties (fast-check)', () => {
  it('its windows, and each laid out again alone, give the whole layout', () => {
    fc.assert(
      fc.property(longText, fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 200 })), layoutOptions, fc.integer({ min: 256, max: 4096 }), (text, width, options, size) => {
        const whole = layoutText(text, width, options);
        const windows = [...eachWindow(text, width, options, size)];
        expect(windows.flatMap(([, lines]) => lines)).toEqual(whole);
        expect(windows.flatMap(([window]) => windowLines(text, width, options, window))).toEqual(whole);
      }),
      { numRuns: Number(process.env.RUNS ?? 20) },
    );
  }, 120_000);
});

describe('the reader\'s flow of a paragraph longer than the window (fast-check)', () => {
  const text = longParagraph(2 * LINE_WINDOW + 30_000);
  const doc = parseDocument(`标题\n\n${text}\n`);
  const block = new Flow(doc, { width: 80 }).blocks.findIndex((candidate) => candidate.text === text);

  it('has the whole layout\'s rows, found by offset and read in any order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 120 }), fc.boolean(), fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (width, indent, picks) => {
        const flow = new Flow(doc, { width, indent });
        expect(block).toBeGreaterThan(0);
        const lines = layoutText(text, flow.width, { firstLineOffset: indent ? 4 : 0 });
        // The blank row before the paragraph, then a row per line.
        expect(flow.move({ block, row: 0 }, Number.MAX_SAFE_INTEGER)).toEqual({ block, row: lines.length });
        for (const pick of picks) {
          const line = pick % lines.length;
          const row = flow.row({ block, row: line + 1 });
          expect([row.text, row.start, row.end, row.line]).toEqual([lines[line]!.text, lines[line]!.start, lines[line]!.end, line]);
          const offset = (pick * 7919) % text.length;
          const holding = lines.findLastIndex((laid) => laid.start <= offset);
          expect(flow.locate({ block: flow.blocks[block]!.id, offset })).toEqual({ block, row: holding + 1 });
        }
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
