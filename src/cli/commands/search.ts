import type { SearchHit } from '../../core/search/types.js';
import { snippet, snippetMargin } from '../../core/search/snippet.js';
import { nearFirst, offsetsOf } from '../../core/search/hit-matches.js';
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

/**
 * Output gathered up to about this many characters before it is handed on. Small: a piece being
 * gathered outlives young collections, and what it holds then waits for a full one (64 Ki characters
 * cost ~65 MB more at the peak on a million hits).
 */
const CHUNK = 8 * 1024;

/**
 * {@link searchJson} in pieces, a hit at a time: the same text as `JSON.stringify(rows, null, 2)`, without
 * an object per hit and the whole answer held as one string (a million hits are hundreds of megabytes).
 * A hit's text and matches are written in pieces too: one paragraph of ten million characters holds
 * hundreds of thousands of matches, and its row as one string was twice the text's size again.
 */
export function* searchJsonChunks(hits: Iterable<SearchHit>): Generator<string> {
  let out = '';
  let count = 0;
  for (const hit of hits) {
    const head = {
      ref: hit.paragraphId,
      section: hit.section,
      sectionTitle: hit.sectionTitle,
      paragraph: hit.paragraph,
      kind: hit.kind ?? 'paragraph',
      speaker: hit.speaker ?? null,
      score: hit.score,
      tier: hit.tier,
    };
    // A list of one, without its brackets and its closing brace, is the row's start indented as the
    // whole list indents it; the text and the matches, the last two fields, follow.
    out += `${count === 0 ? '[\n' : ',\n'}${JSON.stringify([head], null, 2).slice(2, -6)},\n    "text": "`;
    const { text } = hit;
    for (let at = 0; at < text.length; ) {
      let end = Math.min(text.length, at + CHUNK);
      // Never between the halves of a surrogate pair: alone, each would be escaped.
      if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      out += JSON.stringify(text.slice(at, end)).slice(1, -1);
      at = end;
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
    }
    out += '",\n    "matches": [';
    const offsets = offsetsOf(hit);
    for (let i = 0; i + 1 < offsets.length; i += 2) {
      out += `${i === 0 ? '' : ','}\n      [\n        ${offsets[i]},\n        ${offsets[i + 1]}\n      ]`;
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
    }
    out += `${offsets.length > 0 ? '\n    ]' : ']'}\n  }`;
    count++;
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
  }
  yield `${out}${count === 0 ? '[]' : '\n]'}\n`;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

export interface SearchTextOptions {
  width: number;
  ambiguousWidth: AmbiguousWidth;
  style: Styles;
  /** Highlight with SGR (a terminal) rather than 【】 markers (a pipe). */
  color: boolean;
  /** Hits found beyond the ones shown, to say so. */
  more: number;
  /** What the text before the first heading is called (`leadTitle`: a book's 卷首). @default 导语 */
  leadTitle?: string;
}

/** Two lines a hit: where it is (ref, section, paragraph, speaker, tier), then a snippet around the match. */
export function searchText(hits: SearchHit[], options: SearchTextOptions): string {
  return [...searchTextChunks(hits, options, () => options.more)].join('');
}

/**
 * {@link searchText} a hit at a time, for hits made as they are read; `more` is asked once the hits
 * are written (the count of those not shown is known only then).
 */
export function* searchTextChunks(hits: Iterable<SearchHit>, options: Omit<SearchTextOptions, 'more'>, more: () => number): Generator<string> {
  const { style } = options;
  for (const hit of hits) {
    const where = [
      style.bold(hit.paragraphId),
      hit.section === 0 ? (options.leadTitle ?? LEAD_TITLE) : hit.sectionTitle,
      hit.kind === 'title' ? '标题' : hit.kind === 'heading' ? '章节标题' : `第${hit.paragraph}段`,
      ...(hit.speaker ? [hit.speaker] : []),
      ...(hit.tier === 'exact' ? [] : [style.dim(hit.tier === 'pinyin' ? '(pinyin)' : '(fuzzy)')]),
    ];
    yield `${where.join('  ')}\n${INDENT}${highlightedSnippet(hit, options)}\n`;
  }
  const left = more();
  if (left > 0) yield `${style.dim(`… ${left} more; use --limit N to see them`)}\n`;
}

function highlightedSnippet(hit: SearchHit, options: Omit<SearchTextOptions, 'more'>): string {
  const room = Math.max(8, options.width - cellWidth(INDENT));
  const markerWidth = options.color ? 0 : cellWidth(OPEN + CLOSE, options.ambiguousWidth);
  const matches = nearFirst(hit, snippetMargin(room));
  // Markers take room the snippet did not know about: shrink until the marked line fits.
  for (let width = room; ; width -= 2) {
    const cut = snippet(hit.text, matches, Math.max(1, width), options.ambiguousWidth);
    const line = mark(cut.text, cut.matches, options);
    if (width <= 1 || cellWidth(cut.text, options.ambiguousWidth) + markerWidth * cut.matches.length <= room) return line;
  }
}

function mark(text: string, matches: Array<[number, number]>, options: Omit<SearchTextOptions, 'more'>): string {
  let out = '';
  let at = 0;
  for (const [start, end] of matches) {
    const match = text.slice(start, end);
    out += text.slice(at, start) + (options.color ? options.style.inverse(options.style.bold(match)) : OPEN + match + CLOSE);
    at = end;
  }
  return out + text.slice(at);
}
