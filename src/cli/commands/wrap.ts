import { layoutText, type LayoutOptions } from '../../core/layout/linebreak.js';

/**
 * A CJK-aware `fold`: every input line is a paragraph, printed as its wrapped lines. Blank lines stay,
 * and a missing final newline stays missing, so `wrap` adds and removes nothing but line breaks.
 */
export function wrapText(text: string, width: number, options: LayoutOptions): string {
  return [...wrapChunks(text, width, options)].join('');
}

/** Output gathered up to about this many characters before it is handed on. */
const CHUNK = 64 * 1024;

/** {@link wrapText} in pieces, line by line, so a long text is never held twice over as output. */
export function* wrapChunks(text: string, width: number, options: LayoutOptions): Generator<string> {
  const endsWithNewline = text.endsWith('\n');
  const end = endsWithNewline ? text.length - 1 : text.length;
  if (end === 0 && !endsWithNewline) return;
  let out = '';
  for (let start = 0; start <= end; ) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    const lines = layoutText(text.slice(start, stop), width, options);
    for (let i = 0; i < lines.length; i++) {
      out += lines[i]!.text;
      if (i < lines.length - 1) out += '\n';
    }
    if (stop < end || endsWithNewline) out += '\n';
    if (out.length >= CHUNK) {
      yield out;
      out = '';
    }
    start = stop + 1;
  }
  if (out !== '') yield out;
}
