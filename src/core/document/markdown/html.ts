/**
 * Raw HTML in Markdown (`<div align="center">…</div>`, `<u>…</u>`, comments): the tags go, the text
 * stays, entities decoded. Parsed by htmlparser2, so a `>` inside an attribute or a comment cannot leak
 * markup into the text; scripts and styles are not text.
 */
import { imagePlaceholder } from '../inline.js';
import { Parser } from 'htmlparser2';
import { InlineText } from '../inline.js';

// A ruby's reading (`<rt>`) and fallback brackets (`<rp>`) are not the text's: its base is.
const SKIPPED = new Set(['script', 'style', 'template', 'rt', 'rp']);
// Blocks: their text starts, and what follows them starts, on a line of its own
// (`<details><summary>展开</summary>内容</details>` is two lines, not 展开内容).
const BREAKS = new Set([
  'br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'details', 'summary', 'blockquote', 'ul', 'ol', 'dl', 'dt',
  'dd', 'table', 'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'center', 'pre', 'hr', 'aside', 'nav',
]);
/** Media shown as a placeholder, their fallback content skipped. */
const MEDIA: Record<string, string> = { video: '［视频］', audio: '［音频］' };
/** The players of the sites Chinese posts embed videos from (an `<iframe>` of any other page is left out). */
const VIDEO_SITE = /^(?:https?:)?\/\/(?:[\w-]+\.)*(?:bilibili\.com|youtube(?:-nocookie)?\.com|youku\.com|qq\.com\/txp|v\.qq\.com|ixigua\.com|vimeo\.com|douyin\.com)\//iu;
/** Table cells: apart by a space, so that 甲</td><td>乙 do not read as one word. */
const CELLS = new Set(['td', 'th']);


/**
 * A lazy-loading page's stand-in for an image (知乎's `src="data:image/svg+xml…"` beside the real `<img>`
 * in a `<noscript>`, a 1×1 GIF): not an image of the text, and read as one it doubled every picture.
 */
const STAND_IN = /^data:image\/(?:svg\+xml|gif;base64,R0lGODlhAQABA)/iu;

/**
 * The text of a fragment of HTML, tags dropped (see the module comment). A `<figure>` of one image and
 * its `<figcaption>` is one placeholder, `［图：朝天门夜景］`, the caption naming an image without an alt.
 */
export function htmlText(html: string): string {
  const out = new InlineText();
  let skipping = 0;
  /** The figure being read: its images' alts, and its caption, written when it closes. */
  let figure: { alts: (string | undefined)[]; caption: InlineText | undefined; inCaption: boolean } | undefined;
  const closeFigure = () => {
    if (!figure) return;
    const { alts, caption } = figure;
    figure = undefined;
    const words = caption?.finish().text.trim() ?? '';
    if (alts.length === 1 && (alts[0] ?? '').trim() === '' && words !== '') {
      out.append(imagePlaceholder(words));
      return;
    }
    for (const alt of alts) out.append(imagePlaceholder(alt));
    if (words !== '') {
      out.lineBreak();
      out.append(words);
    }
  };
  const parser = new Parser({
    onopentag(name, attribs) {
      // A video or a sound is a placeholder, its fallback words not the text's; so is a video site's player.
      const media = name === 'iframe' ? (VIDEO_SITE.test(attribs.src ?? '') ? '［视频］' : '') : MEDIA[name];
      if (media !== undefined) {
        if (skipping === 0 && media !== '') out.append(media);
        skipping++;
      } else if (SKIPPED.has(name)) skipping++;
      else if (name === 'figure' && !figure) {
        out.lineBreak();
        figure = { alts: [], caption: undefined, inCaption: false };
      } else if (name === 'figcaption' && figure) {
        figure.caption ??= new InlineText();
        figure.inCaption = true;
      }
      else if (BREAKS.has(name)) out.lineBreak();
      else if (name === 'img' && skipping === 0 && !STAND_IN.test(attribs.src ?? '')) {
        if (figure) figure.alts.push(attribs.alt);
        else out.append(imagePlaceholder(attribs.alt));
      }
    },
    onclosetag(name) {
      if (SKIPPED.has(name) || name === 'iframe' || MEDIA[name] !== undefined) skipping = Math.max(0, skipping - 1);
      else if (name === 'figure' && figure) {
        closeFigure();
        out.lineBreak();
      } else if (name === 'figcaption' && figure) figure.inCaption = false;
      else if (BREAKS.has(name) && name !== 'br') out.lineBreak();
      else if (CELLS.has(name)) out.append(' ');
    },
    ontext(text) {
      if (skipping > 0) return;
      if (figure?.inCaption) figure.caption?.append(text);
      else if (!figure || text.trim() !== '') out.append(text);
    },
  });
  parser.write(html);
  parser.end();
  closeFigure();
  return out.finish().text;
}

/**
 * A block of HTML that opens with a heading (`<h1 align="center">我的项目</h1>`, as READMEs centre their
 * title, often with a `<p>` under it in the same block): its level and text, and the HTML after it;
 * undefined for any other HTML.
 */
export function htmlHeading(html: string): { depth: number; text: string; rest: string } | undefined {
  const match = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>([\s\S]*)$/iu.exec(html);
  if (!match || /<\/?h[1-6]\b/iu.test(match[2]!)) return undefined;
  // A logo beside the title is not part of its name.
  const text = htmlText(match[2]!).replace(/［图(?:：[^］]*)?］/gu, '').replace(/\s+/gu, ' ').trim();
  return text === '' ? undefined : { depth: Number(match[1]), text, rest: match[3]! };
}
