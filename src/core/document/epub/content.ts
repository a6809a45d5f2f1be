/**
 * One XHTML file of the spine → a stream of events in reading order: paragraphs (with their marks,
 * list marker, quote depth and form), headings, and the ids met on the way (where the table of contents
 * points). Parsed with htmlparser2's streaming parser in HTML mode (every HTML entity, `&nbsp;` too, is
 * decoded; `<br/>` and `<p/>` are understood), so no markup can reach the text.
 *
 * Block elements (p, div, li, blockquote, h1–h6, pre, table, hr, aside …) end the paragraph being
 * built and start another; everything else is inline. Within a paragraph:
 *   <b>/<strong> strong · <i>/<em>/<cite> emphasis · <s>/<del> strike · <code> code · <br> a line break
 *   <ruby>漢<rt>hàn</rt></ruby>  →  `漢` in the text, a ruby mark with reading `hàn` (<rp> dropped)
 *   <img alt="地图">            →  `［图：地图］`
 *   <a epub:type="noteref">1</a> →  a `ref` mark on `[1]`; <aside epub:type="footnote|endnote"> → note paragraphs
 *   <a href="https://…">         →  a link; its address follows as ` (https://…)`
 * `<head>`, scripts and styles are skipped; CSS is not read. What entities decode to is made terminal-safe
 * as a file's text is (`&#27;` is an escape character too).
 */
import { Parser } from 'htmlparser2';
import type { DraftParagraph } from '../builder.js';
import { imagePlaceholder, indentedParagraphs, InlineText, type OpenMark } from '../inline.js';
import { sanitizeText } from '../sanitize.js';
import type { Mark, ParagraphForm } from '../types.js';

export type ContentEvent =
  | { type: 'anchor'; id: string }
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; draft: Omit<DraftParagraph, 'offset'> }
  /** A line of Project Gutenberg's header or licence: a note, not the book. */
  | { type: 'boilerplate'; text: string };

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'header', 'hgroup', 'li', 'main', 'nav', 'ol', 'p', 'section', 'td', 'th', 'tr', 'ul', 'table', 'pre', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'tbody', 'thead', 'tfoot', 'details', 'summary',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIPPED = new Set(['head', 'script', 'style', 'template', 'rp', 'svg:title', 'iframe']);
/** Media shown as a placeholder, their fallback content skipped. */
const MEDIA: Record<string, string> = { video: '［视频］', audio: '［音频］' };
const INLINE_MARKS: Record<string, Mark['kind']> = {
  b: 'strong', strong: 'strong', i: 'emphasis', em: 'emphasis', cite: 'emphasis', s: 'strike', strike: 'strike',
  del: 'strike', mark: 'highlight', code: 'code', tt: 'code', kbd: 'code', samp: 'code',
};
const NOTE_TYPES = /\b(footnotes?|endnotes?|rearnotes?|note)\b|\bdoc-(footnote|endnotes)\b/u;
/**
 * Notes marked by class rather than by type, as 多看 (Duokan) books and converters write them: the
 * reference `<a class="duokan-footnote">`, the notes `<ol class="duokan-footnote-content">`.
 */
const NOTE_REF_CLASS = /\b(?:duokan-footnote|footnote-?ref(?:erence)?|noteref)\b/iu;
const NOTES_CLASS = /\b(?:duokan-footnote-content|footnotes?|endnotes?)\b/iu;
/** Inside a note, a link back to where it was referred to (`#back_note_1`, `#fnref1`) whose arrow is not text. */
const BACK_TARGET = /#.*(?:back|ref)/iu;
const ARROWS = /[←↩↑⤴\ufe0e\ufe0f]/gu;
const BACK_WORDS = /^(?:返回|返回正文|回到正文|返回原文|back|return)$/iu;
/** A note's link back to where it was referred to (`↩`): navigation, not text. */
const BACKLINK = /\b(backlink|doc-backlink|footnote-back)\b/u;
const BULLETS = ['•', '◦', '▪'];
/** A paragraph's own bullet and the space after it. */
const BULLET_TEXT = /^([•◦▪●○■□◆◇])[\s\u3000]+/u;
/** Its first character's code, looked at before the expression is run on every paragraph of a book. */
const BULLET_FIRST = new Set([...'•◦▪●○■□◆◇'].map((char) => char.charCodeAt(0)));
/** The one thing of CSS read: a class that says its lines are a poem's. */
const VERSE = /\b(poem|poetry|verse|stanza|shi|ci)\b/iu;
/**
 * And a class that says a paragraph is a heading, as tools that set headings as `<p>` or `<div>` write
 * them (`<p class="title">`, `<div class="chapter-title">`, `<p class="h2">`): the level its digit says,
 * 2 for a subtitle, else 1.
 */
const HEADING_CLASS = /^(?:h([1-6])|heading([1-6])?|title|chapter-?title|chapter-?head(?:ing)?|ct|part-?title|(sub-?title))$/iu;
/** A heading by its class is a line, not a paragraph: longer text under such a class stays a paragraph. */
const MAX_CLASS_HEADING = 40;

/** The level a block's `class` gives it as a heading, if it names one. */
function headingClass(classes: string): number | undefined {
  for (const name of classes.split(/\s+/u)) {
    const match = HEADING_CLASS.exec(name);
    if (match) return match[3] !== undefined ? 2 : Number(match[1] ?? match[2] ?? 1);
  }
  return undefined;
}

interface Frame {
  name: string;
  close?: () => void;
  /** Run after `close`: leaves a frame that another rule also closes (Project Gutenberg's boilerplate). */
  after?: () => void;
}

/**
 * A figure's events, its image and caption made one placeholder when the image has no words of its own:
 * `<figure><img src="a.jpg"/><figcaption>朝天门夜景</figcaption></figure>` reads `［图：朝天门夜景］`, not
 * `［图］` over a line of caption. Anything else in the figure (an alt, two images, a table) is left as read.
 */
function captioned(events: ContentEvent[]): ContentEvent[] {
  const paragraphs = events.filter((event): event is Extract<ContentEvent, { type: 'paragraph' }> => event.type === 'paragraph');
  const [image, ...caption] = paragraphs;
  if (!image || caption.length === 0 || events.some((event) => event.type === 'heading' || event.type === 'boilerplate')) return events;
  const plain = (draft: Omit<DraftParagraph, 'offset'>) => draft.form === undefined && draft.list === undefined && draft.table === undefined;
  if (image.draft.text !== '［图］' || !plain(image.draft) || !caption.every((event) => plain(event.draft) && event.draft.text !== '')) return events;
  const text = imagePlaceholder(caption.map((event) => event.draft.text).join(' '));
  const draft: Omit<DraftParagraph, 'offset'> = { ...image.draft, text, marks: [{ kind: 'image', start: 0, end: text.length }] };
  return [...events.filter((event) => event.type === 'anchor'), { type: 'paragraph', draft }];
}

/** Project Gutenberg's header and licence in its EPUBs (`<section class="pg-boilerplate" id="pg-header">`). */
const BOILERPLATE_CLASS = /(?:^|\s)(?:pg-boilerplate|pgheader)(?:\s|$)/u;
const BOILERPLATE_ID = /^pg-(?:header|footer)$/u;

/**
 * The file's events, in order: handed to `emit` as they are read when it is given (so a long chapter's
 * paragraphs are placed, and their drafts let go, while the next are read), else returned.
 */
export function readContent(xhtml: string, emit?: (event: ContentEvent) => void): ContentEvent[] {
  const entities = xhtml.includes('&');
  const events: ContentEvent[] = [];
  const deliver = emit ?? ((event: ContentEvent) => void events.push(event));
  /** Inside Project Gutenberg's boilerplate: its words are one note's, its anchors nobody's. */
  let boiler = 0;
  const pass = (event: ContentEvent): void => {
    if (boiler === 0) deliver(event);
    else if (event.type === 'heading') deliver({ type: 'boilerplate', text: event.text });
    else if (event.type === 'paragraph' && event.draft.text !== '') deliver({ type: 'boilerplate', text: event.draft.text });
  };
  /** The events of the `<figure>` being read, held until it closes (see {@link captioned}). */
  let figure: ContentEvent[] | undefined;
  const send = (event: ContentEvent): void => {
    if (figure) figure.push(event);
    else pass(event);
  };
  const stack: Frame[] = [];
  let current: InlineText | undefined;
  let skipping = 0;
  let quote = 0;
  let note = 0;
  /** Links back from a note open (their arrows dropped: `[←1]` reads `[1]`). */
  let backLinks = 0;
  /** Note references open, and the note icons read in this file (each becomes its number). */
  let refs = 0;
  let noteIcons = 0;
  let verse = 0;
  /** Inside a definition list's term (`<dt>`). */
  let term = 0;
  const lists: { ordered: boolean; next: number }[] = [];
  let marker: { marker: string; depth: number } | undefined;
  let heading: { level: number; text: InlineText } | undefined;
  let pre: string | undefined;
  /** The table being read; `header` once a `<th>` or a `<thead>` says its first row is its header. */
  let table: { rows: string[][]; row?: string[]; cell?: InlineText; header?: true } | undefined;
  let reading: string[] | undefined;
  /** The readings of the ruby being read (one per <rt>). */
  let rubyReadings: string[] = [];
  /** The level of the innermost block opened with a heading's class, while no block has opened inside it. */
  let classHeading: number | undefined;

  const flush = () => {
    const text = current;
    current = undefined;
    if (!text) return;
    const { text: value, marks } = text.finish();
    if (value === '') return;
    if (classHeading !== undefined && !marker && quote === 0 && note === 0 && value.length <= MAX_CLASS_HEADING && !value.includes('\n')) {
      send({ type: 'heading', level: classHeading, text: value });
      return;
    }
    // A chapter set as indented lines in one block is its paragraphs (not in a poem, whose lines are its own).
    const pieces = verse > 0 ? undefined : indentedParagraphs(value, marks);
    for (const piece of pieces ?? [{ text: value, marks }]) {
      // A list set as paragraphs that start with a bullet (`<div>• 朝天门</div>`, as Calibre makes of a
      // Word file's): its items, one under the other, as a list's.
      const bullet = marker || quote > 0 || note > 0 || !BULLET_FIRST.has(piece.text.charCodeAt(0)) ? null : BULLET_TEXT.exec(piece.text);
      const text = bullet ? piece.text.slice(bullet[0].length) : piece.text;
      const shift = bullet ? bullet[0].length : 0;
      const pieceMarks = shift === 0 ? piece.marks : piece.marks.filter((m) => m.end > shift).map((m) => ({ ...m, start: Math.max(0, m.start - shift), end: m.end - shift }));
      const draft: Omit<DraftParagraph, 'offset'> = { text };
      if (term > 0 && note === 0 && text !== '') pieceMarks.unshift({ kind: 'strong', start: 0, end: text.length });
      if (pieceMarks.length > 0) draft.marks = pieceMarks;
      if (bullet && text !== '') draft.list = { marker: bullet[1]!, depth: 1 };
      if (marker) {
        draft.list = { ...marker };
        marker.marker = '';
      }
      if (quote > 0) draft.quote = quote;
      if (note > 0) draft.form = 'note' satisfies ParagraphForm;
      else if (verse > 0) draft.form = 'verse';
      send({ type: 'paragraph', draft });
    }
  };
  const target = (): InlineText => {
    if (table?.cell) return table.cell;
    if (heading) return heading.text;
    current ??= new InlineText();
    return current;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const frame: Frame = { name };
        stack.push(frame);
        if ((attribs.class !== undefined && BOILERPLATE_CLASS.test(attribs.class)) || (attribs.id !== undefined && BOILERPLATE_ID.test(attribs.id))) {
          // What was being read before it is the book's.
          flush();
          boiler++;
          frame.after = () => {
            flush();
            boiler--;
          };
        }
        if (name === 'figure' && figure === undefined && skipping === 0) {
          flush();
          figure = [];
          const outer = frame.after;
          frame.after = () => {
            flush();
            const held = figure ?? [];
            figure = undefined;
            for (const event of captioned(held)) pass(event);
            outer?.();
          };
        }
        // A video or a sound is a placeholder; what it holds is the fallback a reader without it shows
        // (`您的阅读器不支持视频`), not the book's words.
        const media = skipping > 0 ? undefined : MEDIA[name];
        if (media !== undefined) {
          const out = target();
          const mark = out.open('image');
          out.append(media);
          out.close(mark);
        }
        if (
          skipping > 0 ||
          media !== undefined ||
          SKIPPED.has(name) ||
          // Hidden from a screen reader, as a caption that repeats its image's alt (Pandoc's): so from us.
          attribs['aria-hidden'] === 'true' ||
          (name === 'a' && BACKLINK.test(`${attribs['epub:type'] ?? ''} ${attribs.role ?? ''} ${attribs.class ?? ''}`))
        ) {
          skipping++;
          frame.close = () => skipping--;
          return;
        }
        // A block ends the paragraph before it, so an id on it marks where the next one starts.
        if (pre === undefined && !table?.cell && !heading && (BLOCKS.has(name) || HEADINGS.has(name))) flush();
        if (attribs.id) send({ type: 'anchor', id: attribs.id });
        if (name === 'rt') {
          const collected: string[] = [];
          const outer = reading;
          reading = collected;
          frame.close = () => {
            reading = outer;
            rubyReadings.push(collected.join(''));
          };
          return;
        }
        if (pre !== undefined) {
          if (name === 'br') pre += '\n';
          return;
        }
        if (table && (name === 'thead' || (name === 'th' && table.rows.length === 0))) table.header = true;
        if (table && (name === 'td' || name === 'th')) {
          table.cell = new InlineText();
          frame.close = () => {
            if (table?.cell) (table.row ??= []).push(table.cell.finish().text.replace(/\n/gu, ' '));
            if (table) table.cell = undefined;
          };
          return;
        }
        if (table && name === 'tr') {
          table.row = [];
          frame.close = () => {
            if (table?.row && table.row.length > 0) table.rows.push(table.row);
            if (table) table.row = undefined;
          };
          return;
        }
        if (HEADINGS.has(name) && !heading && !table) {
          flush();
          heading = { level: Number(name[1]), text: new InlineText() };
          frame.close = () => {
            const text = heading?.text.finish().text.replace(/\n/gu, ' ') ?? '';
            const level = heading?.level ?? 1;
            heading = undefined;
            if (text !== '') send({ type: 'heading', level, text });
          };
          return;
        }
        if (BLOCKS.has(name) && !table?.cell && !heading) {
          flush();
          // Most blocks are plain paragraphs: they only end the paragraph when they close.
          const closers: (() => void)[] = [];
          // Only the text of the block itself is its heading: a block inside (a chapter's paragraphs in a
          // `<div class="title">`) ends the chance.
          classHeading = attribs.class === undefined || (name !== 'p' && name !== 'div') ? undefined : headingClass(attribs.class);
          if (classHeading !== undefined) closers.push(() => (classHeading = undefined));
          if (name === 'blockquote') {
            quote++;
            closers.push(() => quote--);
          } else if (name === 'ul' || name === 'ol') {
            lists.push({ ordered: name === 'ol', next: Number(attribs.start ?? '1') || 1 });
            closers.push(() => lists.pop());
          } else if (name === 'li') {
            const list = lists.at(-1);
            const depth = Math.max(1, lists.length);
            const value = list?.ordered ? `${list.next++}.` : (BULLETS[Math.min(depth, BULLETS.length) - 1] ?? '•');
            const outer = marker;
            marker = { marker: value, depth };
            closers.push(() => (marker = outer));
          } else if (name === 'pre') {
            pre = '';
            closers.push(() => {
              const text = (pre ?? '').replace(/^\n/u, '').replace(/\s+$/u, '');
              pre = undefined;
              if (text !== '') send({ type: 'paragraph', draft: { text, form: 'code', ...(quote > 0 && { quote }) } });
            });
          } else if (name === 'table') {
            const outer = table;
            table = { rows: [] };
            closers.push(() => {
              const rows = table?.rows ?? [];
              // A table of `<td>` only has no header: its first row is the body's, as the others are.
              const headerless = table?.header !== true;
              table = outer;
              if (rows.length > 0) {
                const text = rows.map((cells) => cells.join(' | ')).join('\n');
                send({ type: 'paragraph', draft: { text, form: 'table', table: { rows, align: [], ...(headerless && { headerless: true }) }, ...(quote > 0 && { quote }) } });
              }
            });
          } else if (name === 'hr') {
            send({ type: 'paragraph', draft: { text: '', form: 'rule' } });
          } else if (name === 'dt') {
            // A definition list's term is shown in bold, as Markdown's are.
            term++;
            closers.push(() => term--);
          }
          if (attribs.class !== undefined && VERSE.test(attribs.class)) {
            verse++;
            closers.push(() => verse--);
          }
          if (
            ((attribs['epub:type'] !== undefined || attribs.role !== undefined) && NOTE_TYPES.test(`${attribs['epub:type'] ?? ''} ${attribs.role ?? ''}`)) ||
            NOTES_CLASS.test(attribs.class ?? '')
          ) {
            note++;
            closers.push(() => note--);
          }
          frame.close =
            closers.length === 0
              ? flush
              : () => {
                  flush();
                  for (const close of closers) close();
                };
          return;
        }
        // Inline.
        if (name === 'br') {
          target().lineBreak();
          return;
        }
        if (name === 'img' || name === 'image') {
          const out = target();
          // A note's icon (多看's `<a class="duokan-footnote"><img …/></a>`) reads as its number, `[1]`.
          if (refs > 0) {
            out.append(String(++noteIcons));
            return;
          }
          const mark = out.open('image');
          const alt = sanitizeText(attribs.alt ?? '').trim();
          out.append(imagePlaceholder(alt));
          out.close(mark);
          return;
        }
        if (name === 'ruby') {
          const out = target();
          const mark = out.open('ruby');
          const outer = rubyReadings;
          rubyReadings = [];
          frame.close = () => {
            const readings = rubyReadings.join(' ').trim();
            rubyReadings = outer;
            if (readings !== '') mark.reading = readings;
            out.close(mark);
          };
          return;
        }
        let kind: Mark['kind'] | undefined = INLINE_MARKS[name];
        let url: string | undefined;
        if (name === 'a' && note > 0 && BACK_TARGET.test(attribs.href ?? '')) {
          backLinks++;
          frame.close = () => backLinks--;
          return;
        }
        if (name === 'a') {
          if (/\bnoteref\b/u.test(`${attribs['epub:type'] ?? ''} ${attribs.role ?? ''}`) || NOTE_REF_CLASS.test(attribs.class ?? '')) kind = 'ref';
          else if (/^(https?|mailto):/iu.test(attribs.href ?? '')) {
            kind = 'link';
            url = sanitizeText(attribs.href ?? '');
          }
        }
        if (kind !== undefined) {
          const out = target();
          const mark: OpenMark = out.open(kind, url === undefined ? {} : { url });
          if (kind === 'ref') refs++;
          frame.close = () => {
            // A note reference that is a bare number (`<sup>1</sup>`) reads `[1]`, as Markdown's do.
            if (kind === 'ref') {
              refs--;
              out.bracketBareNumber(mark.start);
            }
            out.close(mark);
            if (url !== undefined && out.length > mark.start) {
              const address = out.open('url');
              out.appendVerbatim(` (${url})`);
              out.close(address);
            }
          };
        }
      },
      ontext(raw) {
        if (skipping > 0) return;
        // Entities are decoded by now, and `&#27;` is an escape character like any other (a file without
        // any `&` was made safe whole, before it was parsed).
        let text = entities ? sanitizeText(raw) : raw;
        // A note's way back is navigation: its arrow, or its word (`返回`), is not the note's text.
        if (backLinks > 0) text = BACK_WORDS.test(text.trim()) ? '' : text.replace(ARROWS, '');
        if (reading) reading.push(text.trim());
        else if (pre !== undefined) pre += text;
        else if (table && !table.cell) return;
        else if (current || heading || text.trim() !== '') target().append(text);
      },
      onclosetag(name) {
        // HTML mode closes what the file left open; unwind to the matching frame.
        for (let i = stack.length - 1; i >= 0; i--) {
          if (stack[i]?.name !== name) continue;
          while (stack.length > i) {
            const frame = stack.pop();
            frame?.close?.();
            frame?.after?.();
          }
          return;
        }
      },
    },
    // Without a `&` there is nothing to decode, and the tokenizer then skips through text to the next `<`.
    { xmlMode: false, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: entities },
  );
  parser.write(xhtml);
  parser.end();
  while (stack.length > 0) {
    const frame = stack.pop();
    frame?.close?.();
    frame?.after?.();
  }
  flush();
  return events;
}
