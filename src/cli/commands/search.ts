import type { SearchHit } from '../../core/search/types.js';
import { snippet } from '../../core/search/snippet.js';
import { cellWidth, type AmbiguousWidth } from '../../core/layout/width.js';
import { LEAD_TITLE } from './toc.js';
import type { Styles } from '../output.js';

/** Plain output shows this many hits unless `--limit` says otherwise; scripts get all of them as JSON. */
export const DEFAULT_PLAIN_LIMIT = 20;

const INDENT = '  ';
const OPEN = '【';
const CLOSE = '】';

export function searchJson(hits: SearchHit[]): string {
  return [...searchJsonChunks(hits)].join('');
}

/** Output gathered up to about this many characters before it is handed on. */
const CHUNK = 64 * 1024;

/**
 * {@link searchJson} in pieces, a hit at a time: the same text as `JSON.stringify(rows, null, 2)`, without
 * an object per hit and the whole answer held as one string (a million hits are hundreds of megabytes).
 */
export function* searchJsonChunks(hits: Iterable<SearchHit>): Generator<string> {
  let out = '';
  let count = 0;
  for (const hit of hits) {
    const row = {
      ref: hit.paragraphId,
      section: hit.section,
      sectionTitle: hit.sectionTitle,
      paragraph: hit.paragraph,
      kind: hit.kind ?? 'paragraph',
      speaker: hit.speaker ?? null,
      score: hit.score,
      tier: hit.tier,
      text: hit.text,
      matches: hit.matches,
    };
    // A list of one, without its brackets, is the element indented as the whole list indents it.
    const element = JSON.stringify([row], null, 2);
    out += `${count === 0 ? '[\n' : ',\n'}${element.slice(2, -2)}`;
    count++;
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  yield `${out}${count === 0 ? '[]' : '\n]'}\n`;
}

export interface SearchTextOptions {
  width: number;
  ambiguousWidth: AmbiguousWidth;
  style: Styles;
  /** Highlight with SGR (a terminal) rather than 【】 markers (a pipe). */
  color: boolean;
  /** Hits found beyond the ones shown, to say so. */
  more: number;
}

/** Two lines a hit: where it is (ref, section, paragraph, speaker, tier), then a snippet around the match. */
export function searchText(hits: SearchHit[], options: SearchTextOptions): string {
  const { style } = options;
  const out: string[] = [];
  for (const hit of hits) {
    const where = [
      style.bold(hit.paragraphId),
      hit.section === 0 ? LEAD_TITLE : hit.sectionTitle,
      hit.kind === 'title' ? '标题' : hit.kind === 'heading' ? '章节标题' : `第${hit.paragraph}段`,
      ...(hit.speaker ? [hit.speaker] : []),
      ...(hit.tier === 'exact' ? [] : [style.dim(hit.tier === 'pinyin' ? '(pinyin)' : '(fuzzy)')]),
    ];
    out.push(where.join('  '));
    out.push(INDENT + highlightedSnippet(hit, options));
  }
  if (options.more > 0) out.push(style.dim(`… ${options.more} more; use --limit N to see them`));
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function highlightedSnippet(hit: SearchHit, options: SearchTextOptions): string {
  const room = Math.max(8, options.width - cellWidth(INDENT));
  const markerWidth = options.color ? 0 : cellWidth(OPEN + CLOSE, options.ambiguousWidth);
  // Markers take room the snippet did not know about: shrink until the marked line fits.
  for (let width = room; ; width -= 2) {
    const cut = snippet(hit.text, hit.matches, Math.max(1, width), options.ambiguousWidth);
    const line = mark(cut.text, cut.matches, options);
    if (width <= 1 || cellWidth(cut.text, options.ambiguousWidth) + markerWidth * cut.matches.length <= room) return line;
  }
}

function mark(text: string, matches: Array<[number, number]>, options: SearchTextOptions): string {
  let out = '';
  let at = 0;
  for (const [start, end] of matches) {
    const match = text.slice(start, end);
    out += text.slice(at, start) + (options.color ? options.style.inverse(options.style.bold(match)) : OPEN + match + CLOSE);
    at = end;
  }
  return out + text.slice(at);
}
