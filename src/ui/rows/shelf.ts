/**
 * The shelf view as the rows of the whole screen, a pure function of the state (and the time, for
 * "3 days ago"): a title row with the count, one row per text (the selected one in inverse), a status
 * row with a notice or the keys, and the filter line at the bottom where the cursor sits, as in fzf.
 */
import { keyHints } from '../../app/keymap.js';
import type { ReaderState } from '../../app/state.js';
import { acrossQuery, shownHits } from '../../app/shelf.js';
import { sanitizeLine } from '../../core/document/sanitize.js';
import { shelfLine } from '../../core/shelf/table.js';
import { cellWidth, truncateToWidth } from '../../core/layout/width.js';
import { lineView } from '../line-view.js';
import { fit, padding, paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';
import type { ScreenView } from './frame.js';

const PROMPT = '> ';

/** The rows of the list, given the screen's height: the title, status and filter rows take three. */
export function shelfListHeight(rows: number): number {
  return Math.max(0, rows - 3);
}

export function shelfFrame(state: ReaderState, theme: Theme, now: Date): ScreenView {
  const { shelf, columns: width, rows: height, ambiguousWidth } = state;
  const listHeight = shelfListHeight(height);
  const total = shelf.entries.length;
  const hits = shownHits(shelf);
  const across = acrossQuery(shelf.line.text);
  const filtered = hits
    ? `${hits.length} paragraph${hits.length === 1 ? '' : 's'} in ${total} texts`
    : across !== undefined
      ? `search all ${total} texts`
      : shelf.line.text === ''
        ? `${total} text${total === 1 ? '' : 's'}`
        : `${shelf.matches.length} of ${total}`;
  const lines: Line[] = [paint(fit(` 书架 Shelf  ${filtered}`, width, ambiguousWidth), theme.helpTitle)];
  // The selection stays in view: the list scrolls by whole pages.
  const first = listHeight === 0 ? 0 : Math.floor(shelf.selected / listHeight) * listHeight;
  for (let y = 0; hits && y < listHeight; y++) {
    const hit = hits[first + y];
    const line = hit ? fit(` ${sanitizeLine(hit.title)}  ${hit.ref}  ${sanitizeLine(hit.text)}`, width, ambiguousWidth) : ' '.repeat(width);
    lines.push(paint(line, hit && first + y === shelf.selected ? theme.sidebarSelected : undefined));
  }
  for (let y = 0; !hits && y < listHeight; y++) {
    const index = shelf.matches[first + y];
    const entry = index === undefined ? undefined : shelf.entries[index];
    if (!entry) {
      lines.push(paint(' '.repeat(width)));
      continue;
    }
    const line = ` ${shelfLine(entry, Math.max(0, width - 2), now, ambiguousWidth)} `;
    const selected = first + y === shelf.selected;
    lines.push(paint(line, selected ? theme.sidebarSelected : entry.missing ? { dim: true } : undefined));
  }
  const hints = keyHints('shelf')
    .map((h) => `${h.key} ${h.hint}`)
    .join('  ');
  // While a search across the texts runs, its progress is the status (the first time, every text is indexed).
  const status =
    shelf.searching !== undefined && shelf.progress !== undefined
      ? `searching… ${shelf.progress.done}/${shelf.progress.total} texts`
      : state.notice !== ''
      ? state.notice
      : across !== undefined && !hits
        ? 'Enter searches every text on the shelf'
        : shelf.matches.length === 0 && total > 0
          ? 'no text matches the filter'
          : hints;
  lines.push(paint(fit(` ${status}`, width, ambiguousWidth), theme.status));
  const room = Math.max(1, width - cellWidth(PROMPT, ambiguousWidth));
  const view = lineView(shelf.line.text, shelf.line.cursor, room, ambiguousWidth);
  const filter = truncateToWidth(`${PROMPT}${view.shown}`, width, ambiguousWidth, '');
  lines.push([...paint(PROMPT, theme.searchPrompt), ...paint(filter.slice(PROMPT.length) + padding(filter, width, ambiguousWidth))]);
  return { lines: lines.slice(0, height), cursor: { x: Math.min(width - 1, cellWidth(PROMPT, ambiguousWidth) + view.cursor), y: height - 1 } };
}
