// PLACEHOLDER: greedy by grapheme, no line-breaking rules yet. The layout work replaces this file;
// the exported names and types are the contract other layers use.
import stringWidth from 'string-width';

export interface LayoutOptions {
  /** Cells for East Asian Ambiguous characters (“ ” ‘ ’ … · —). @default 1 */
  ambiguousWidth?: 1 | 2;
  /** Cells already taken on the first line (a speaker label, an indent). @default 0 */
  firstLineOffset?: number;
}

/** One terminal line of a paragraph. */
export interface LaidLine {
  /** What is shown; a space at the break may be dropped from it. */
  text: string;
  /** [start, end) of the line in the paragraph text, UTF-16 code units; dropped spaces fall inside. */
  start: number;
  end: number;
  /** Display width in cells (with the options' ambiguous width). */
  width: number;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export function layoutText(text: string, width: number, options: LayoutOptions = {}): LaidLine[] {
  const lines: LaidLine[] = [];
  let start = 0;
  let used = options.firstLineOffset ?? 0;
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    const w = stringWidth(segment, { ambiguousIsNarrow: options.ambiguousWidth !== 2 });
    if (used + w > width && end > start) {
      lines.push({ text: text.slice(start, end), start, end, width: used });
      start = end;
      used = 0;
    }
    used += w;
    end = index + segment.length;
  }
  if (end > start || lines.length === 0) lines.push({ text: text.slice(start, end), start, end, width: used });
  return lines;
}
