import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/layout/width.js';
import { renderDiff, renderFull, utf8Length } from '../../src/terminal/diff.js';
import { screenOf, type Screen } from '../../src/terminal/screen.js';
import type { Span, SpanRow } from '../../src/terminal/span.js';
import type { Style } from '../../src/terminal/style.js';
import { emulator, feed, links, openLink, screenText, snapshot } from '../helpers/emulator.js';
import { applyChange, changeArb, frameArb, lineArb, plain, serialise, sizeArb, type Change } from './frames.js';

/** A row from plain strings and `[text, style]` pairs. */
const r = (...parts: (string | [string, Style])[]): SpanRow => parts.map((part): Span => (typeof part === 'string' ? { text: part } : { text: part[0], style: part[1] }));
/** Plain strings as a frame, one row each. */
const rows = (text: string): SpanRow[] => text.split('\n').map((line) => r(line));
const parse = (lines: readonly SpanRow[], columns: number, height: number, hyperlinks = false): Screen => screenOf(lines, columns, height, { hyperlinks });

/** What a terminal that was sent `updates` in order shows. */
async function shown(columns: number, rows: number, updates: { data: string; resize?: [number, number] }[]) {
  const term = emulator(columns, rows);
  for (const update of updates) {
    if (update.resize) term.resize(...update.resize);
    await feed(term, update.data);
    // Every update ends with its hyperlink closed: what is written next is not part of it.
    expect(openLink(term)).toBe('');
  }
  return term;
}

async function expectSameScreen(updates: { data: string; resize?: [number, number] }[], first: Screen, last: Screen): Promise<void> {
  const viaDiffs = await shown(first.columns, first.rows, updates);
  const fresh = await shown(last.columns, last.rows, [{ data: renderFull(last) }]);
  expect(screenText(viaDiffs)).toEqual(screenText(fresh));
  expect(snapshot(viaDiffs)).toEqual(snapshot(fresh));
  expect(links(viaDiffs)).toEqual(links(fresh));
}

/** A reader-like frame: a 24-cell sidebar with a few entries, a rule, the text pane of CJK text, a status bar. */
function readerFrame(top: number, columns = 80, rows = 24): SpanRow[] {
  const text = '重庆日报消息电子信息产业作为我市重要支柱产业之一既面临加快转型升级扩大核心竞争力等发展难题也面临新一轮科技革命';
  const sidebar = ['> 重庆市经信委副主任刘… ', '', '  导语', '  1 累计建成数字化车间…', '  2 推进成渝地区电子信…', '  3 既稳订单造新品又聚…'];
  const lines: SpanRow[] = [];
  for (let y = 0; y < rows - 1; y++) {
    const side = sidebar[y] ?? '';
    const pad = ' '.repeat(24 - cellWidth(side));
    const n = top + y;
    const body = y === 0 ? r(['重庆市经信委副主任刘忠:发展电子信息产业', { bold: true }]) : n % 5 === 0 ? [] : r(` ${[...text].slice(n % 7, (n % 7) + 27).join('')}`);
    lines.push([...(y === 0 ? r([side, { bold: true, color: 'magenta' }]) : r(side)), ...r(pad, ['│', { dim: true }]), ...body]);
  }
  const status = ` 第${top}行  Space page  ] section  q quit  ? help`;
  lines.push(r([`${status}${' '.repeat(columns - cellWidth(status))}`, { inverse: true }]));
  return lines;
}

describe('renderDiff', () => {
  it('writes nothing when nothing changed', () => {
    const screen = parse(readerFrame(3), 80, 24);
    expect(renderDiff(screen, parse(readerFrame(3), 80, 24))).toBe('');
  });

  it('draws the first screen and a new size in full', () => {
    const screen = parse(readerFrame(3), 80, 24);
    expect(renderDiff(undefined, screen)).toBe(renderFull(screen));
    const smaller = parse(readerFrame(3, 60, 20), 60, 20);
    expect(renderDiff(screen, smaller)).toBe(renderFull(smaller));
  });

  it('scrolls a reader-like 80x24 screen by one line for well under 1,000 bytes, and shows what a redraw shows', async () => {
    const before = parse(readerFrame(10), 80, 24);
    for (const by of [1, -1]) {
      const after = parse(readerFrame(10 + by), 80, 24);
      const diff = renderDiff(before, after);
      expect(utf8Length(diff)).toBeLessThan(400);
      expect(utf8Length(diff)).toBeLessThan(utf8Length(renderFull(after)) / 5);
      expect(diff).toMatch(by > 0 ? /\u001b\[2;23r\u001b\[1S\u001b\[r/ : /\u001b\[2;23r\u001b\[1T\u001b\[r/);
      await expectSameScreen([{ data: renderFull(before) }, { data: diff }], before, after);
    }
  });

  it.each([1, 2, 3, 5, 11, 21])('scrolls by %i lines up and down and never costs more than a redraw', async (by) => {
    const before = parse(readerFrame(30), 80, 24);
    for (const sign of [1, -1]) {
      const after = parse(readerFrame(30 + sign * by), 80, 24);
      const diff = renderDiff(before, after);
      expect(utf8Length(diff)).toBeLessThanOrEqual(utf8Length(renderFull(after)));
      await expectSameScreen([{ data: renderFull(before) }, { data: diff }], before, after);
    }
  });

  it('finds the scroll of a text pane beside a sidebar that has an entry on every row', async () => {
    const side = (y: number): [string, Style] => [`${String(y).padStart(3)} entry`, { dim: true }];
    const frame = (top: number) => Array.from({ length: 12 }, (_, y) => r(side(y), ` │ ${'阅读重庆日报记者采访'.slice((top + y) % 10)}${top + y}`));
    const before = parse(frame(0), 40, 12);
    const after = parse(frame(1), 40, 12);
    const diff = renderDiff(before, after);
    expect(diff).toContain('\u001b[1S');
    await expectSameScreen([{ data: renderFull(before) }, { data: diff }], before, after);
  });

  it('scrolls and erases in the default colours even when the last cell written had a background', async () => {
    // Terminals fill scrolled-in and erased cells with the current background colour.
    const frame = (top: number, tail: string) => [...Array.from({ length: 5 }, (_, y) => r(`行${top + y}`)), r([tail, { inverse: true }])];
    const before = parse(frame(0, 'status 0'), 20, 6);
    const after = parse(frame(1, 'st'), 20, 6);
    const first = renderFull(before);
    const diff = renderDiff(before, after);
    expect(diff).toContain('\u001b[1S');
    await expectSameScreen([{ data: first }, { data: diff }], before, after);
  });

  it('rewrites only the changed cells of a row, jumping over long unchanged runs', () => {
    const row = '重庆日报记者采访了市经信委副主任刘忠电子信息产业';
    const before = parse(rows(`${row}\n${row}`), 60, 2);
    const after = parse(rows(`${row.replace('记', '纪')}\n${row.replace('业', '叶')}`), 60, 2);
    const diff = renderDiff(before, after);
    expect(diff.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')).toBe('纪叶');
    expect(utf8Length(diff)).toBeLessThan(25);
  });

  it('repairs rows that got shorter, wide characters replaced by narrow ones and the reverse, and styles', async () => {
    const cases: [SpanRow, SpanRow][] = [
      [r('重庆日报记者'), r('重庆')],
      [r('重庆日报记者'), r('a重庆日报记')],
      [r('a重庆日报记'), r('重庆日报记者')],
      [r('abcdef'), r('a中cdef')],
      [r('a中cdef'), r('abcdef')],
      [r([' 状态 ', { inverse: true }]), r(' 状态')],
      [r(['标题', { bold: true, color: 'magenta' }]), r(['标题', { bold: true, color: 'blue' }])],
      [r('中文中文中文'), r(' 文中文中文中')],
    ];
    for (const [from, to] of cases) {
      const before = parse([from], 12, 1);
      const after = parse([to], 12, 1);
      await expectSameScreen([{ data: renderFull(before) }, { data: renderDiff(before, after) }], before, after);
    }
  });

  describe('hyperlinks', () => {
    const link = (url: string): Style => ({ underline: true, link: url });
    const A = 'https://a.example/';
    const B = 'https://b.example/';

    it('draws a link on exactly its cells, closing it where its row ends', async () => {
      // The link fills the first row to its end and goes on at the start of the next.
      const screen = parse([r('ab', ['cdef', link(A)]), r(['gh', link(A)], 'ij')], 6, 2, true);
      const full = renderFull(screen);
      const term = await shown(6, 2, [{ data: full }]);
      expect(links(term)).toEqual([
        ['', '', A, A, A, A],
        [A, A, '', '', '', ''],
      ]);
      expect(screenText(term)).toEqual(['abcdef', 'ghij  ']);
      // Opened once per row, closed once per row.
      expect(full.split(`\u001b]8;;${A}\u001b\\`)).toHaveLength(3);
      expect(full.split('\u001b]8;;\u001b\\')).toHaveLength(3);
    });

    it('names a link wrapped across rows by one id on every row, so the terminal joins the pieces', async () => {
      const named: Style = { underline: true, link: A, linkId: 's1p1-2' };
      const screen = parse([r('ab', ['cdef', named]), r(['gh', named], 'ij')], 6, 2, true);
      const full = renderFull(screen);
      const opened = [...full.matchAll(/\u001b\]8;([^;\u001b]*);([^\u001b]*)\u001b\\/gu)].filter((m) => m[2] !== '');
      expect(opened).toHaveLength(2);
      expect(opened[0]![1]).toMatch(/^id=yd[0-9a-z]+-s1p1-2$/);
      expect(opened[1]![1]).toBe(opened[0]![1]);
      expect(links(await shown(6, 2, [{ data: full }]))).toEqual([
        ['', '', A, A, A, A],
        [A, A, '', '', '', ''],
      ]);
    });

    it('re-opens a link when a diff rewrites only part of it, and closes it before the cells after', async () => {
      const before = parse([r('x ', ['一二三四', link(A)], ' y')], 20, 1, true);
      const after = parse([r('x ', ['一二五四', link(A)], ' z')], 20, 1, true);
      const diff = renderDiff(before, after);
      expect(diff).toContain(`\u001b]8;;${A}\u001b\\五`);
      await expectSameScreen([{ data: renderFull(before) }, { data: diff }], before, after);
    });

    it('changes the target where one link gives way to another, and drops links when they are off', async () => {
      const lines = [r(['one', link(A)], ['two', link(B)], ' three')];
      const on = parse(lines, 20, 1, true);
      expect(links(await shown(20, 1, [{ data: renderFull(on) }]))[0]!.slice(0, 7)).toEqual([A, A, A, B, B, B, '']);
      const off = renderFull(parse(lines, 20, 1, false));
      expect(off).not.toContain('\u001b]8');
    });

    it('never lets a target end the sequence or start another', async () => {
      const hostile = 'https://e.example/\u001b\\\u0007\u001b]8;;https://evil.example/\u001b\\ 中';
      const full = renderFull(parse([r(['text', link(hostile)])], 20, 1, true));
      const term = await shown(20, 1, [{ data: full }]);
      expect(links(term)[0]!.slice(0, 5)).toEqual(Array(4).fill('https://e.example/%1B\\%07%1B]8;;https://evil.example/%1B\\%20%E4%B8%AD').concat(''));
      expect(screenText(term)[0]!.trimEnd()).toBe('text');
    });
  });

  it('KEY PROPERTY: full redraw then diffs shows, cell for cell, what a full redraw of the last frame shows', async () => {
    await fc.assert(
      fc.asyncProperty(sizeArb, fc.integer({ min: 0, max: 1 << 30 }), fc.array(changeArb, { minLength: 1, maxLength: 6 }), fc.boolean(), async (size, seed, changes, hyperlinks) => {
        let { columns, rows } = size;
        let lines = fc.sample(frameArb(rows), { numRuns: 1, seed })[0]!;
        const first = parse(lines, columns, rows, hyperlinks);
        const updates: { data: string; resize?: [number, number] }[] = [{ data: renderDiff(undefined, first) }];
        let screen = first;
        for (const change of changes as Change[]) {
          const next = applyChange(lines, change);
          lines = next.lines;
          let resize: [number, number] | undefined;
          if (next.resized) {
            ({ columns, rows } = next.resized);
            resize = [columns, rows];
          }
          const nextScreen = parse(lines, columns, rows, hyperlinks);
          updates.push({ data: renderDiff(screen, nextScreen), ...(resize ? { resize } : {}) });
          screen = nextScreen;
        }
        await expectSameScreen(updates, first, screen);
      }),
      { numRuns: 150 },
    );
  });

  it('a full redraw draws the frame as the terminal draws the frame itself (widths and styles agree)', async () => {
    await fc.assert(
      fc.asyncProperty(sizeArb, fc.array(lineArb, { minLength: 12, maxLength: 12 }), async ({ columns, rows }, lines) => {
        const fitting = lines.slice(0, rows).filter((line) => cellWidth(plain(line)) <= columns);
        const screen = parse(fitting, columns, rows);
        const direct = await shown(columns, rows, [{ data: fitting.map((line, y) => `\u001b[${y + 1}H\u001b[0m${serialise(line)}`).join('') }]);
        const redrawn = await shown(columns, rows, [{ data: renderFull(screen) }]);
        expect(snapshot(redrawn)).toEqual(snapshot(direct));
      }),
      { numRuns: 100 },
    );
  });
});
