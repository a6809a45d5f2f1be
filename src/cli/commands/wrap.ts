import { layoutText, type LayoutOptions } from '../../core/layout/linebreak.js';

/**
 * A CJK-aware `fold`: every input line is a paragraph, printed as its wrapped lines. Blank lines stay,
 * and a missing final newline stays missing, so `wrap` adds and removes nothing but line breaks.
 */
export function wrapText(text: string, width: number, options: LayoutOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const body = endsWithNewline ? text.slice(0, -1) : text;
  if (body === '' && !endsWithNewline) return '';
  const out = body.split('\n').map((line) => layoutText(line, width, options).map((l) => l.text).join('\n'));
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
