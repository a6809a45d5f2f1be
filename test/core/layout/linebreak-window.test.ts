import { describe, expect, it } from 'vitest';
import { eachLine, layoutText, LINE_WINDOW } from '../../../src/core/layout/linebreak.js';

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
