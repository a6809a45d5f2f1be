/** The rule between sidebar and text. */
import type { AmbiguousWidth } from '../../core/layout/width.js';
import { span } from '../text.js';
import type { Span } from '../../terminal/span.js';
import type { Theme } from '../theme.js';

/** One row of the one-cell rule: box-drawing `│` is ambiguous-width, so `|` where that means two cells. */
export function separatorRule(theme: Theme, ambiguousWidth: AmbiguousWidth): Span {
  return span(ambiguousWidth === 2 ? '|' : '│', theme.separator);
}
