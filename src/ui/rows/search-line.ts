/** The search line's row as a row of spans, and where the cursor goes in it. */
import type { LineState } from '../../app/line-edit.js';
import { cellWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { lineView } from '../line-view.js';
import { padding, paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';

export interface SearchLineProps {
  line: LineState;
  /** Shown on the right: the chosen result and the count, or "searching…". */
  info: string;
  width: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

const PROMPT = '/';

/**
 * `/`, the query, and on the right how many results; `cursor`: the cell of the query's cursor,
 * counted with the reader's width rules, so it sits on the right cell after double-width characters.
 */
export function searchLine({ line, info, width, theme, ambiguousWidth }: SearchLineProps): { text: Line; cursor: number } {
  const infoText = info === '' ? '' : ` ${info} `;
  const infoWidth = cellWidth(infoText, ambiguousWidth);
  // The count gives way to the query on a narrow terminal.
  const showInfo = width - infoWidth >= PROMPT.length + 8;
  const room = width - PROMPT.length - (showInfo ? infoWidth : 0);
  const view = lineView(line.text, line.cursor, room, ambiguousWidth);
  const gap = padding(PROMPT + view.shown, width - (showInfo ? infoWidth : 0), ambiguousWidth);
  return {
    text: [
      ...paint(PROMPT, theme.searchPrompt),
      // The last query shown again, selected: the next key typed replaces it.
      ...(line.selected ? [...paint(view.shown, theme.searchQuerySelected), ...paint(gap)] : paint(view.shown + gap)),
      ...(showInfo ? paint(infoText, theme.searchInfo) : []),
    ],
    cursor: Math.min(width - 1, PROMPT.length + view.cursor),
  };
}
