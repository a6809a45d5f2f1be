import { eachLine, type LayoutOptions } from '../../core/layout/linebreak.js';

/**
 * A CJK-aware `fold`: every input line is a paragraph, printed as its wrapped lines. Blank lines stay,
 * and a missing final newline stays missing, so `wrap` adds and removes nothing but line breaks.
 */
export function wrapText(text: string, width: number, options: LayoutOptions): string {
  return [...wrapChunks(text, width, options)].join('');
}

/** Output gathered up to about this many characters before it is handed on. */
const CHUNK = 64 * 1024;

/** {@link wrapText} in pieces, line by line, so a long text (or line) is never held twice over as output. */
export function* wrapChunks(text: string, width: number, options: LayoutOptions): Generator<string> {
  const endsWithNewline = text.endsWith('\n');
  const end = endsWithNewline ? text.length - 1 : text.length;
  if (end === 0 && !endsWithNewline) return;
  let out = '';
  for (let start = 0; start <= end; ) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    // A line of any length is laid out a window at a time and written as it goes.
    let firstLine = true;
    for (const line of eachLine(text.slice(start, stop), width, options)) {
      if (!firstLine) out += '\n';
      out += line.text;
      firstLine = false;
      if (out.length >= CHUNK) {
        yield out;
        out = '';
      }
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
