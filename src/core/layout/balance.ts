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
*/
import { layoutText, type LaidLine, type LayoutOptions } from './linebreak.js';

/** `text` laid out in at most `width` cells, its lines balanced when the last would be short. */
export function balancedLines(text: string, width: number, options: LayoutOptions = {}): LaidLine[] {
  const greedy = layoutText(text, width, options);
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
