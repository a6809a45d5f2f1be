import { Text } from 'ink';
import type { LineState } from '../../app/line-edit.js';
import { cellWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { useTerminalCursor } from '../hooks/useTerminalCursor.js';
import { lineView } from '../line-view.js';
import { paint } from '../style.js';
import { padding } from '../text.js';
import type { Theme } from '../theme.js';

export interface SearchLineProps {
  line: LineState;
  /** Shown on the right: the chosen result and the count, or "searching…". */
  info: string;
  width: number;
  /** The screen row the line is on (0-based), for the terminal cursor. */
  y: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
}

const PROMPT = '/';

/**
 * The search line at the bottom of the screen: `/`, the query, and on the right how many results.
 * The terminal's own cursor is put in the query (shown while the line is open), so an input method
 * opens its candidate window there; cells are counted with the reader's width rules, so it sits on
 * the right cell after double-width characters.
 */
export function SearchLine({ line, info, width, y, theme, ambiguousWidth }: SearchLineProps) {
  const infoText = info === '' ? '' : ` ${info} `;
  const infoWidth = cellWidth(infoText, ambiguousWidth);
  // The count gives way to the query on a narrow terminal.
  const showInfo = width - infoWidth >= PROMPT.length + 8;
  const room = width - PROMPT.length - (showInfo ? infoWidth : 0);
  const view = lineView(line.text, line.cursor, room, ambiguousWidth);
  useTerminalCursor({ x: Math.min(width - 1, PROMPT.length + view.cursor), y });
  const left = PROMPT + view.shown;
  const gap = padding(left, width - (showInfo ? infoWidth : 0), ambiguousWidth);
  return (
    <Text wrap="truncate-end">
      {paint(PROMPT, theme.searchPrompt)}
      {view.shown}
      {gap}
      {showInfo ? paint(infoText, theme.searchInfo) : ''}
    </Text>
  );
}
