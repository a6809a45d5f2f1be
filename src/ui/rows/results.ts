/** The rows of the search results list as rows of spans. */
import { cellWidth, truncateToWidth, type AmbiguousWidth } from '../../core/layout/width.js';
// The snippet module alone: the search engine itself is loaded only when a search runs.
import { snippet, snippetMargin } from '../../core/search/snippet.js';
import { nearFirst } from '../../core/search/hit-matches.js';
import type { SearchHit } from '../../core/search/types.js';
import { shownRanges, type Convert } from '../../core/script/convert.js';
import { paintRanges } from '../highlight.js';
import type { Style } from '../../terminal/style.js';
import { fit, padding, paint, type Line } from '../text.js';
import type { Theme } from '../theme.js';

export interface SearchResultsProps {
  /** Hits best first; undefined before the first answer (or for a blank query). */
  hits: readonly SearchHit[] | undefined;
  selected: number;
  query: string;
  /** A search for `query` is running (the hits shown, if any, are an earlier query's). */
  searching: boolean;
  /** Keys of the search line, shown before anything is typed. */
  hints: readonly { key: string; hint: string }[];
  width: number;
  height: number;
  theme: Theme;
  ambiguousWidth: AmbiguousWidth;
  /** The converter of the script the text is shown in: snippets quote what the reader shows. */
  convert?: Convert | undefined;
  /** What the text before the first heading is called (`leadTitle`). @default 导语 */
  leadTitle?: string;
}

/** From this width on, the section's heading is shown beside its number. */
const WIDE = 60;
/** Cells of a section heading in the list. */
const HEADING_CELLS = 10;

function where(hit: SearchHit, wide: boolean, ambiguousWidth: AmbiguousWidth, lead: string): string {
  // A heading hit's snippet is the heading itself: say what it is rather than repeat it.
  if (hit.kind === 'title') return '标题';
  if (hit.kind === 'heading') return wide ? `${hit.section} 标题` : `${hit.section}`;
  if (hit.section === 0) return lead;
  return wide ? `${hit.section} ${truncateToWidth(hit.sectionTitle, HEADING_CELLS, ambiguousWidth)}` : `${hit.section}`;
}

/** One result: a marker, where the paragraph is, who speaks, and a snippet around the match, exactly `width` cells. */
function resultLine(hit: SearchHit, column: number, chosen: boolean, props: SearchResultsProps): Line {
  const { width, theme, ambiguousWidth } = props;
  const base: Style | undefined = chosen ? theme.searchSelected : undefined;
  const place = where(hit, width >= WIDE, ambiguousWidth, props.leadTitle ?? '导语');
  let prefix = `${chosen ? '>' : ' '} ${place}${' '.repeat(Math.max(0, column - cellWidth(place, ambiguousWidth)))} `;
  const who = hit.speaker ? `${hit.speaker}：` : '';
  // The snippet needs a few cells to mean anything: the speaker goes first when it would not get them.
  if (width - cellWidth(prefix + who, ambiguousWidth) - 1 >= 8) prefix += who;
  const room = width - cellWidth(prefix, ambiguousWidth) - 1;
  if (room < 1) return paint(fit(prefix, width, ambiguousWidth), base);
  // Shown in another script: the snippet is converted and its matches moved onto the converted text.
  const converted = props.convert?.(hit.text);
  // Only the matches the snippet can show: a paragraph may hold hundreds of thousands.
  const near = nearFirst(hit, snippetMargin(room));
  const cut = converted ? snippet(converted.text, shownRanges(converted, near), room, ambiguousWidth) : snippet(hit.text, near, room, ambiguousWidth);
  const gap = padding(prefix + cut.text, width, ambiguousWidth);
  return [...paint(prefix, base), ...paintRanges(cut.text, base, cut.matches, theme.searchMatch), ...paint(gap, base)];
}

/** First entry shown so that the selected one is in view (near the middle when the list scrolls). */
function firstShown(count: number, selected: number, height: number): number {
  return Math.max(0, Math.min(selected - Math.floor(height / 2), count - height));
}

/**
 * The results of the search being typed, one line each, best first, the chosen one highlighted;
 * a line of its own says when there is nothing to list (no query yet, searching, no match).
 * Exactly `height` lines, each exactly `width` cells.
 */
export function resultsLines(props: SearchResultsProps): Line[] {
  const { hits, selected, query, searching, hints, width, height, theme, ambiguousWidth } = props;
  let lines: Line[];
  if (hits && hits.length > 0) {
    const first = firstShown(hits.length, selected, height);
    const shown = hits.slice(first, first + height);
    const column = Math.max(...shown.map((hit) => cellWidth(where(hit, width >= WIDE, ambiguousWidth, props.leadTitle ?? '导语'), ambiguousWidth)));
    lines = shown.map((hit, i) => resultLine(hit, column, first + i === selected, props));
  } else {
    const message =
      query.trim() === ''
        ? hints.map((h) => `${h.key} ${h.hint}`).join('  ')
        : searching
          ? 'searching…'
          : `no match for “${query}”`;
    lines = [paint(fit(` ${message}`, width, ambiguousWidth), theme.searchInfo)];
  }
  return Array.from({ length: height }, (_, i) => lines[i] ?? paint(' '.repeat(width)));
}
