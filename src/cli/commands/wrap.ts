import { eachLine, type LayoutOptions } from '../../core/layout/linebreak.js';
import { Chunks } from '../chunks.js';

/**
 * A CJK-aware `fold`: every input line is a paragraph, printed as its wrapped lines. Blank lines stay,
 * and a missing final newline stays missing, so `wrap` adds and removes nothing but line breaks.
 */
export function wrapText(text: string, width: number, options: LayoutOptions): string {
  return [...wrapChunks(text, width, options)].join('');
}


/** {@link wrapText} in pieces, line by line, so a long text (or line) is never held twice over as output. */
export function* wrapChunks(text: string, width: number, options: LayoutOptions): Generator<string> {
  const endsWithNewline = text.endsWith('\n');
  const end = endsWithNewline ? text.length - 1 : text.length;
  if (end === 0 && !endsWithNewline) return;
  const out = new Chunks();
  for (let start = 0; start <= end; ) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    // A line of any length is laid out a window at a time and written as it goes.
    let firstLine = true;
    for (const line of eachLine(text.slice(start, stop), width, options)) {
      const full = out.add(firstLine ? line.text : `\n${line.text}`);
      if (full !== undefined) yield full;
      firstLine = false;
    }
    if (stop < end || endsWithNewline) {
      const full = out.add('\n');
      if (full !== undefined) yield full;
    }
    start = stop + 1;
  }
  const rest = out.take();
  if (rest !== '') yield rest;
}
