/**
 * Raw HTML in Markdown (`<div align="center">…</div>`, `<u>…</u>`, comments): the tags go, the text
 * stays, entities decoded. Parsed by htmlparser2, so a `>` inside an attribute or a comment cannot leak
 * markup into the text; scripts and styles are not text.
 */
import { Parser } from 'htmlparser2';
import { InlineText } from '../inline.js';

const SKIPPED = new Set(['script', 'style', 'template']);
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function htmlText(html: string): string {
  const out = new InlineText();
  let skipping = 0;
  const parser = new Parser({
    onopentagname(name) {
      if (SKIPPED.has(name)) skipping++;
      else if (BREAKS.has(name)) out.lineBreak();
    },
    onclosetag(name) {
      if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
    },
    ontext(text) {
      if (skipping === 0) out.append(text);
    },
  });
  parser.write(html);
  parser.end();
  return out.finish().text;
}
