/**
 * Raw HTML in Markdown (`<div align="center">…</div>`, `<u>…</u>`, comments): the tags go, the text
 * stays, entities decoded. Parsed by htmlparser2, so a `>` inside an attribute or a comment cannot leak
 * markup into the text; scripts and styles are not text.
 */
import { Parser } from 'htmlparser2';
import { InlineText } from '../inline.js';

// A ruby's reading (`<rt>`) and fallback brackets (`<rp>`) are not the text's: its base is.
const SKIPPED = new Set(['script', 'style', 'template', 'rt', 'rp']);
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** `［图：alt］`, or `［图］` for an image without words. */
export function imagePlaceholder(alt: string | undefined): string {
  const words = (alt ?? '').replace(/\s+/gu, ' ').trim();
  return words === '' ? '［图］' : `［图：${words}］`;
}

/** The text of a fragment of HTML, tags dropped (see the module comment). */
export function htmlText(html: string): string {
  const out = new InlineText();
  let skipping = 0;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (SKIPPED.has(name)) skipping++;
      else if (BREAKS.has(name)) out.lineBreak();
      else if (name === 'img' && skipping === 0) out.append(imagePlaceholder(attribs.alt));
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
