/** The rule between sidebar and text. */
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { paint } from '../style.js';
import type { Theme } from '../theme.js';

/** One row of the one-cell rule: box-drawing `│` is ambiguous-width, so `|` where that means two cells. */
export function separatorRule(theme: Theme, ambiguousWidth: AmbiguousWidth): string {
  return paint(ambiguousWidth === 2 ? '|' : '│', theme.separator);
}
