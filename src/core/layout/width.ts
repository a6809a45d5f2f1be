import stringWidth from 'string-width';

/** Cells an East Asian Ambiguous character (“ ” ‘ ’ … · —) takes: 1 in most terminals, 2 in CJK-configured ones. */
export type AmbiguousWidth = 1 | 2;

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

/** Grapheme clusters with their offsets: the smallest units a line may be broken between. */
export function graphemes(text: string): { segment: string; index: number }[] {
  return Array.from(segmenter.segment(text), ({ segment, index }) => ({ segment, index }));
}

/** Display width in terminal cells. */
export function cellWidth(text: string, ambiguousWidth: AmbiguousWidth = 1): number {
  return stringWidth(text, { ambiguousIsNarrow: ambiguousWidth === 1, countAnsiEscapeCodes: true });
}

/**
 * Cuts `text` to at most `width` cells, ending with `ellipsis` when something was cut.
 * Never splits a grapheme, so a wide character that does not fit is dropped whole.
 */
export function truncateToWidth(text: string, width: number, ambiguousWidth: AmbiguousWidth = 1, ellipsis = '…'): string {
  if (cellWidth(text, ambiguousWidth) <= width) return text;
  const room = width - cellWidth(ellipsis, ambiguousWidth);
  if (room < 0) return '';
  let used = 0;
  let out = '';
  for (const { segment } of graphemes(text)) {
    const w = cellWidth(segment, ambiguousWidth);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}
