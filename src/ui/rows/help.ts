/** The help overlay's rows as rows of spans: every binding from the key table, by category. */
import { HELP_KEYS_CELLS, type HelpLine } from '../../app/help.js';
import { cellWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { fit, padding, paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';

export interface HelpProps {
  lines: readonly HelpLine[];
  /** Index of the first line shown. */
  scroll: number;
  width: number;
  height: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

/**
 * In place of the main pane: a title row (`↓ more` while lines are below), then the lines from
 * `scroll` on. Exactly `height` rows, each exactly `width` cells.
 */
export function helpRows({ lines, scroll, width, height, theme, ambiguousWidth }: HelpProps): Line[] {
  const keysColumn = Math.min(HELP_KEYS_CELLS, Math.max(0, ...lines.map((line) => (line.kind === 'binding' ? cellWidth(line.keys, ambiguousWidth) : 0))));
  const render = (line: HelpLine | undefined): Line => {
    if (!line || line.kind === 'blank') return paint(' '.repeat(width));
    if (line.kind === 'category') return paint(fit(` ${line.text}`, width, ambiguousWidth), theme.helpCategory);
    const keys = `  ${line.keys}${padding(line.keys, keysColumn, ambiguousWidth)}  `;
    const full = fit(`${keys}${line.text}`, width, ambiguousWidth);
    // The keys are styled only when they survived the cut whole.
    return full.startsWith(keys) ? [...paint(keys, theme.helpKeys), ...paint(full.slice(keys.length))] : paint(full);
  };
  if (height <= 0) return [];
  const more = scroll + height - 1 < lines.length ? '  ↓ more' : '';
  const title = paint(fit(` Keys (Esc closes)${more}`, width, ambiguousWidth), theme.helpTitle);
  return [title, ...Array.from({ length: height - 1 }, (_, i) => render(lines[scroll + i]))];
}
