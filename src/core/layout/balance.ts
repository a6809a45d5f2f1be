/*
Balanced lines for headings
===========================

A paragraph is broken greedily (linebreak.ts): each line as full as it may be, the last one taking
what is left. For running text that is right. For a title or a heading it can leave one character
alone on the last line, which reads like a mistake:

    重庆市经信委副主任刘忠：发展电子信息产业助力“智造重镇”“智慧名城”建      (width 72)
    设

A heading is instead laid out in the narrowest width that still gives it as many lines as the
greedy layout at the full width (CSS `text-wrap: balance`), so its lines are about as long as each
other and the last is no orphan:

    重庆市经信委副主任刘忠：发展电子信息产业助力“智造      (width 52, still two lines)
    重镇”“智慧名城”建设

The narrowest such width is found by bisection over widths (a heading fits in fewer lines as the
width grows), about seven layouts of a short line. It is only looked for when the last line is
shorter than half the width: a heading whose lines are already near even is left as it is, and a
text of thousands of headings pays for the few that need it.

Worked examples (cells): a 23-character heading at width 44 is 22 + 1 characters greedily and
12 + 11 balanced (width 24); at width 30 it is 15 + 8, already balanced enough, and left alone.

A heading written in parts with spaces between them breaks at those spaces first, when that takes no
more lines than the greedy layout and leaves no orphan: a classic novel's 回目 is a couplet, and cutting
one of its halves reads as badly as an orphan does.

    第一回　甄士隐梦幻识通      (balanced by width, 38 cells: 通灵 cut in two)
    灵　贾雨村风尘怀闺秀
    第一回　甄士隐梦幻识通灵    (at the spaces)
    贾雨村风尘怀闺秀
*/
import { cellWidth } from './width.js';
import { layoutText, type LaidLine, type LayoutOptions } from './linebreak.js';

export interface BalanceOptions extends LayoutOptions {
  /**
   * Break at the text's spaces first (see the module comment): for a section's heading, whose spaces part
   * its number from its title and a 回目's halves; not for a document's title, where a headline's space
   * (`发展电子信息产业 助力…`) is part of one phrase run and balancing by width reads better.
   */
  atSpaces?: boolean;
}

/** `text` laid out in at most `width` cells, its lines balanced when the last would be short. */
export function balancedLines(text: string, width: number, options: BalanceOptions = {}): LaidLine[] {
  const greedy = layoutText(text, width, options);
  if (options.atSpaces === true && greedy.length >= 2) {
    const parts = atSpaces(text, width, greedy.length, options);
    if (parts !== undefined) return parts;
  }
  const last = greedy.at(-1);
  if (greedy.length < 2 || !last || last.width * 2 >= width) return greedy;
  // Bisect for the narrowest width that keeps the line count; `high` always fits in that many lines.
  let low = 1;
  let high = width;
  let best = greedy;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    const lines = layoutText(text, mid, options);
    if (lines.length <= greedy.length) {
      high = mid;
      best = lines;
    } else {
      low = mid;
    }
  }
  return best;
}

/** Spaces a heading's parts are written between: ASCII and ideographic. */
const GAP = /[ \u3000]+/gu;

/**
 * The heading's parts packed into lines at its spaces (as many parts a line as fit), or undefined when
 * it has no spaces, a part is wider than a line, it would take more than `most` lines, or the last line
 * would be an orphan (under a quarter of the widest). A line's range takes in the spaces after it, which
 * are not shown.
 */
function atSpaces(text: string, width: number, most: number, options: LayoutOptions): LaidLine[] | undefined {
  const ambiguous = options.ambiguousWidth ?? 1;
  const gaps = [...text.matchAll(GAP)].map((m) => [m.index, m.index + m[0].length] as const).filter(([from, to]) => from > 0 && to < text.length);
  if (gaps.length === 0) return undefined;
  // Where each part ends and the next begins.
  const ends = [...gaps.map(([from]) => from), text.length];
  const starts = [0, ...gaps.map(([, to]) => to)];
  const lines: LaidLine[] = [];
  let first = 0;
  while (first < starts.length) {
    const room = width - (lines.length === 0 ? (options.firstLineOffset ?? 0) : 0);
    let last = first;
    if (cellWidth(text.slice(starts[first], ends[first]), ambiguous) > room) return undefined;
    while (last + 1 < starts.length && cellWidth(text.slice(starts[first], ends[last + 1]), ambiguous) <= room) last++;
    const shown = text.slice(starts[first], ends[last]);
    lines.push({ text: shown, start: starts[first]!, end: last + 1 < starts.length ? starts[last + 1]! : text.length, width: cellWidth(shown, ambiguous) });
    if (lines.length > most) return undefined;
    first = last + 1;
  }
  const widest = Math.max(...lines.map((line) => line.width));
  return lines.length > 1 && lines.at(-1)!.width * 4 >= widest ? lines : undefined;
}
