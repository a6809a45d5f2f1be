import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutText, type LayoutOptions } from '../../../src/core/layout/linebreak.js';
import { checkAll, checkWordsWhole, measure } from './checkers.js';

const interview = readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8');
const paragraphs = interview.split('\n').filter((line) => line.trim() !== '');

const texts = (text: string, width: number, options?: LayoutOptions): string[] =>
  layoutText(text, width, options).map((line) => line.text);

/** Adversarial strings: every rule is asserted on each of them at many widths. */
const ADVERSARIAL: Record<string, string> = {
  'stop then closing marks': '他说：“好。”然后走了。」」下一句',
  'closing corner brackets': '「我说『好』。」」」结束',
  'quote pairs': '“智造重镇”“智慧名城”建设',
  'bracket then stop': '（见附表）。另外（注）',
  'em dash pairs': '建设——对话市经信委——副主任',
  'horizontal bar pairs': '甲――乙――丙',
  ellipses: '他说……好吧⋯⋯然后……',
  'ascii punctuation run': 'a,b.c:d;e!f?g)h]i}j%k',
  'ascii colon and comma between CJK': '重庆日报:推动电子信息,28家,有效提高',
  url: '网址是https://example.com/a-b?c=1，请访问',
  'long url': '见https://example.com/a/very/long/path/that/keeps/going?query=1&more=2#frag。',
  email: '联系someone.name@example.com。',
  numbers: '1,000.5元、22.05.2020、40%、10亿元、12吋、5G、2020年',
  'long number': '圆周率3.14159265358979323846264338327950288419716939937510。',
  'emoji ZWJ and skin tones': '家庭👨‍👩‍👧‍👦和👍🏽👍🏿以及❤️完',
  flags: '中国🇨🇳日本🇯🇵美国🇺🇸。',
  'combining marks': 'café naïve e\u0301\u0301 a\u0308\u0323 中文',
  'full-width spaces': '\u3000\u3000正文开始。\u3000中间\u3000\u3000空格',
  'nbsp and tab': 'a\u00a0b\u00a0c\td\te 中\u00a0文',
  'many spaces': 'word      word        中文          ，',
  'mixed Latin and CJK': 'IC设计-晶圆制造-封装测试及原材料配套SK海力士FPGA创新中心',
  'opening marks run': '“““““（（（《《《文',
  'closing marks run': '文。。。。，，，”””」」」',
  'only spaces': '          ',
  'zero width': 'a\u200bb\u200bc\u2060d\ufeffe',
  controls: 'a\u0001b\u001bc\u009bd',
  'lone surrogates': 'a\ud800b\udc00中',
  'ambiguous letters': 'αβγ абв ①②③ ·—…',
  'single wide': '中',
  'single narrow': 'a',
};

const WIDTHS = [1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 30, 40, 80];

describe('layoutText: every rule holds on adversarial strings', () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(name, () => {
      for (const width of WIDTHS) {
        for (const options of [{}, { ambiguousWidth: 2 as const }, { firstLineOffset: 3 }, { firstLineOffset: 9, ambiguousWidth: 2 as const }]) {
          const lines = layoutText(text, width, options);
          const problems = [...checkAll(text, width, options, lines), ...checkWordsWhole(text, width, options, lines)];
          expect(problems, `width ${width} ${JSON.stringify(options)}`).toEqual([]);
        }
      }
    });
  }
});

describe('layoutText: the interview', () => {
  it('obeys every rule for every paragraph at many widths, both ambiguous widths', () => {
    for (const text of paragraphs) {
      for (const width of [...WIDTHS, 25, 33, 50, 60, 100, 120]) {
        for (const options of [{}, { ambiguousWidth: 2 as const }, { firstLineOffset: 10 }]) {
          const lines = layoutText(text, width, options);
          const problems = [...checkAll(text, width, options, lines), ...checkWordsWhole(text, width, options, lines)];
          expect(problems, `width ${width} ${JSON.stringify(options)}: ${text.slice(0, 20)}`).toEqual([]);
        }
      }
    }
  });

  for (const width of [40, 80]) {
    for (const ambiguousWidth of [1, 2] as const) {
      it(`at width ${width} (ambiguous ${ambiguousWidth}) no line starts with closing/pause punctuation or ends with an opening mark`, () => {
        const shown = paragraphs.flatMap((text) => texts(text, width, { ambiguousWidth }));
        const badStart = shown.filter((line) => /^[，。、,.:;!?：；！？」』”’）)》〉】…%]/u.test(line));
        const badEnd = shown.filter((line) => /[“‘《（(「『【〈]$/u.test(line));
        expect(badStart).toEqual([]);
        expect(badEnd).toEqual([]);
        expect(shown.every((line) => measure(line, ambiguousWidth) <= width)).toBe(true);
      });
    }
  }

  it('keeps the interview’s Latin words, numbers and units whole wherever they fit', () => {
    const units = ['FPGA', 'IC', 'SK', '5G', '12吋', '28家', '10亿', '40%', '10%', '22.05.2020', '08:02', '500强', 'LOGO'];
    for (const width of [6, 7, 8, 9, 10, 12, 14, 16, 20, 30, 40, 80]) {
      for (const text of paragraphs) {
        const lines = layoutText(text, width);
        const breaks = lines.slice(1).map((line) => line.start);
        // two cells of slack for a mark kinsoku keeps with the unit (“IC, 28家,)
        for (const unit of units.filter((u) => measure(u) + 2 <= width)) {
          for (let at = text.indexOf(unit); at >= 0; at = text.indexOf(unit, at + 1)) {
            const inside = breaks.filter((b) => b > at && b < at + unit.length);
            expect(inside, `${unit} at width ${width}`).toEqual([]);
          }
        }
      }
    }
  });
});

describe('layoutText: specific expectations', () => {
  it('lays out empty text as one empty line', () => {
    expect(layoutText('', 10)).toEqual([{ text: '', start: 0, end: 0, width: 0 }]);
    expect(layoutText('', 0, { firstLineOffset: 5 })).toEqual([{ text: '', start: 0, end: 0, width: 0 }]);
  });

  it('treats a width below 1 (or NaN) as 1', () => {
    expect(texts('abc', 0)).toEqual(['a', 'b', 'c']);
    expect(texts('abc', -5)).toEqual(['a', 'b', 'c']);
    expect(texts('abc', Number.NaN)).toEqual(['a', 'b', 'c']);
  });

  it('fills lines of plain Chinese completely', () => {
    const text = '电子信息产业作为我市重要支柱产业之一';
    for (const width of [4, 6, 9, 10, 13]) {
      const lines = layoutText(text, width);
      for (const line of lines.slice(0, -1)) expect(line.width).toBeGreaterThan(width - 2);
    }
  });

  it('moves the character before a closing mark down with it (push out) instead of starting a line with it', () => {
    // 4 characters fill width 8; 。 may not start the next line, so 文 goes down with it.
    expect(texts('中文中文。中文', 8)).toEqual(['中文中', '文。中文']);
    // an opening mark does not stay at the end of a line
    expect(texts('中文中“文中文', 8)).toEqual(['中文中', '“文中文']);
  });

  it('keeps runs of punctuation together: 。” ”“ ）。 。」」', () => {
    expect(texts('他说好。”我们', 8)).toEqual(['他说', '好。”我', '们']);
    expect(texts('他说：“好”“对”', 10)).toEqual(['他说：“好”', '“对”']);
    expect(texts('他说：“好”“对”', 8)).toEqual(['他说：', '“好”“对”']);
    expect(texts('甲乙丙（丁）。', 12)).toEqual(['甲乙丙', '（丁）。']);
    expect(texts('我说了好。」」」', 10)).toEqual(['我说了', '好。」」」']);
  });

  it('never splits —— or ……', () => {
    expect(texts('甲乙——丙', 5)).toEqual(['甲乙', '——丙']);
    expect(texts('甲乙……丙', 5)).toEqual(['甲', '乙……', '丙']);
  });

  it('treats ASCII punctuation in Chinese text like its full-width form', () => {
    expect(texts('重庆日报:推动', 8)).toEqual(['重庆日', '报:推动']);
    expect(texts('工厂28家,有效', 8)).toEqual(['工厂', '28家,有', '效']);
  });

  it('keeps Latin words, numbers with their unit, and URLs whole', () => {
    expect(texts('英特尔FPGA创新中心', 8)).toEqual(['英特尔', 'FPGA创新', '中心']);
    expect(texts('资金突破10亿元', 10)).toEqual(['资金突破', '10亿元']);
    expect(texts('华润12吋功率', 5)).toEqual(['华润', '12吋', '功率']);
    expect(texts('日期22.05.2020号', 12)).toEqual(['日期', '22.05.2020号']);
    expect(texts('见 https://example.com/a-b?c=1 网址', 30)).toEqual(['见 https://example.com/a-b?c=1', '网址']);
  });

  it('breaks a run wider than the line by graphemes, as late as possible', () => {
    const url = 'https://example.com/abcdefghij';
    const lines = layoutText(`见${url}`, 10);
    expect(lines.map((line) => line.text).join('')).toBe(`见${url}`);
    // every line but the last is full (kinsoku may cost one cell before `.`/`/`)
    for (const line of lines.slice(0, -1)) expect(line.width).toBeGreaterThanOrEqual(9);
    expect(texts('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  it('drops ASCII spaces at a break and nothing else', () => {
    const lines = layoutText('hello world foo', 5);
    expect(lines.map((line) => line.text)).toEqual(['hello', 'world', 'foo']);
    expect(lines.map((line) => [line.start, line.end])).toEqual([[0, 6], [6, 12], [12, 15]]);
    // a long run of spaces hangs at the break instead of producing blank lines
    expect(texts('ab          cd', 4)).toEqual(['ab', 'cd']);
    // full-width spaces are kept, and the break comes after them
    expect(texts('甲乙\u3000\u3000丙丁', 8)).toEqual(['甲乙\u3000\u3000', '丙丁']);
  });

  it('does not break at a no-break space', () => {
    expect(texts('aaa bb\u00a0cc', 6)).toEqual(['aaa', 'bb\u00a0cc']);
  });

  it('treats a tab as a one-cell space that allows a break after it', () => {
    const lines = layoutText('ab\tcd\tef', 5);
    expect(lines.map((line) => line.text)).toEqual(['ab\t', 'cd\tef']);
    expect(lines.map((line) => line.width)).toEqual([3, 5]);
  });

  it('never splits an emoji sequence, a flag or a combining sequence', () => {
    expect(texts('👨‍👩‍👧‍👦👨‍👩‍👧‍👦', 2)).toEqual(['👨‍👩‍👧‍👦', '👨‍👩‍👧‍👦']);
    expect(texts('🇨🇳🇯🇵', 3)).toEqual(['🇨🇳', '🇯🇵']);
    expect(texts('e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301e\u0301', 'e\u0301']);
  });

  it('puts a character wider than the whole width on a line of its own', () => {
    expect(layoutText('中文', 1)).toEqual([
      { text: '中', start: 0, end: 1, width: 2 },
      { text: '文', start: 1, end: 2, width: 2 },
    ]);
  });

  it('counts ambiguous characters as two cells when asked', () => {
    expect(layoutText('“好”', 10, { ambiguousWidth: 2 })[0]!.width).toBe(6);
    expect(layoutText('“好”', 10)[0]!.width).toBe(4);
    expect(texts('甲乙——丙', 6, { ambiguousWidth: 2 })).toEqual(['甲乙', '——丙']);
    expect(texts('甲乙——丙', 5, { ambiguousWidth: 2 })).toEqual(['甲乙', '——', '丙']);
  });

  it('narrows only the first line by firstLineOffset', () => {
    const lines = layoutText('电子信息产业作为我市重要', 10, { firstLineOffset: 4 });
    expect(lines.map((line) => line.text)).toEqual(['电子信', '息产业作为', '我市重要']);
  });

  it('leaves the first line empty when the offset leaves no room for anything legal', () => {
    expect(layoutText('FPGA中心', 10, { firstLineOffset: 8 })).toEqual([
      { text: '', start: 0, end: 0, width: 0 },
      { text: 'FPGA中心', start: 0, end: 6, width: 8 },
    ]);
    expect(texts('中文', 4, { firstLineOffset: 4 })).toEqual(['', '中文']);
    expect(texts('中文', 4, { firstLineOffset: 40 })).toEqual(['', '中文']);
  });

  it('lets width win when no legal break exists, without losing characters', () => {
    expect(texts('“““““', 3)).toEqual(['“““', '““']);
    expect(texts('。。。。', 4)).toEqual(['。。', '。。']);
  });

  it('lays out a 1 MB paragraph without a break opportunity', () => {
    const text = '“'.repeat(1_000_000);
    const lines = layoutText(text, 80);
    expect(lines).toHaveLength(12_500);
    expect(lines.every((line) => line.width === 80)).toBe(true);
  });
});
