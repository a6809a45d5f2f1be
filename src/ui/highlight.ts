/** Painting parts of a string differently: search matches in the text pane and in the results list. */
import type { Range } from '../core/search/types.js';
import type { Style } from '../terminal/style.js';
import { paint, type Line } from './text.js';

/**
 * `text` painted in `base`, with each of `ranges` (sorted, non-overlapping, UTF-16 offsets into
 * `text`) painted in `base` and `mark` together.
 */
export function paintRanges(text: string, base: Style | undefined, ranges: readonly Range[], mark: Style): Line {
  if (ranges.length === 0) return paint(text, base);
  const out: Line = [];
  let at = 0;
  for (const [start, end] of ranges) {
    out.push(...paint(text.slice(at, start), base), ...paint(text.slice(start, end), { ...base, ...mark }));
    at = end;
  }
  out.push(...paint(text.slice(at), base));
  return out;
}
