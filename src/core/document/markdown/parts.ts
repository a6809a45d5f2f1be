/**
 * Where a long Markdown file may be cut into parts that parse alone exactly as they would in the whole.
 *
 * Why: micromark keeps every event of a file, with its token and positions, until the tree is built, and
 * its work grows faster than the file: a 3.5 MB Markdown novel took 7 s and 380 MB parsed whole, 1.5 s
 * and ~110 MB parsed in parts of ~64 K characters (issue 20's memory budget is 100 MB + 6× the file).
 * The parts' trees are joined into one, so the walk over it sees the same tree as before.
 *
 * The rule: a part may start only at a line written in column 0 right after a blank line that opens a
 * heading (`#`) or a paragraph (not a list marker, quote, table, definition, HTML, fence or rule: a
 * blank line does not end a list, and the others open blocks of their own), outside a fenced code or
 * math block, an HTML block that runs to a closing tag (`<pre>`, `<script>`, `<style>`, `<textarea>`,
 * comments, `<?…?>`, `<!…>`) and front matter. Such a line closes every open block in CommonMark: a list
 * item or a footnote's continuation needs an indent, a quote's lazy lines only continue a paragraph, and
 * the blank line has closed paragraphs, tables and the other HTML blocks. So a Markdown novel whose
 * chapters are plain `第一章` lines is cut as well as one with `##` headings.
 *
 * The scan reads lines, not the grammar, and can be fooled (a setext underline that is really a lazy
 * line, say). A wrong cut always leaves the part before it ending inside a fence or such an HTML block,
 * which parse.ts checks on the part's tree: the file is then parsed whole. Definitions are gathered
 * loosely (in lists, quotes and notes too): a token-soup fuzz still finds contrived files where a line
 * read as a definition is not one (an empty item, a blank line, then indented `[^1]:`), which makes a
 * reference elsewhere a link; the 679 real Markdown files tried parse the same in parts as whole.
 *
 * What crosses parts is what a reference needs: CommonMark and GFM recognise `[text][label]` and `[^id]`
 * only when the label is defined somewhere in the file. So the definitions are gathered as the file is
 * scanned, and a part that refers to ones made elsewhere is parsed with stubs of them appended (see
 * parse.ts, which also takes the stubs' nodes off again).
 *
 *   "# 书\n\n正文[^1]\n\n## 第一章\n\n……\n\n[^1]: 注" with parts of 10 characters
 *   → cuts before `## 第一章`; the first part is parsed with the stub `[^1]: .` appended, so `[^1]` is
 *     a reference there, and the note's real definition comes from the second part.
 *   "```\n\n# 不是标题\n```\n\n# 标题" → the only cut is before `# 标题`.
 *   "甲\n\n- 项\n\n- 项\n\n> 引\n\n乙" → the only cut is before `乙`.
 */

export interface Definition {
  /** Where its line starts in the file. */
  offset: number;
  /** The label as matched: lower-cased, inner whitespace collapsed (how CommonMark compares labels). */
  label: string;
  /** The line as written (a link's), or undefined for a footnote's. */
  line?: string;
}

export interface MarkdownParts {
  /** Offsets where parts start, the first being 0; empty when the file is not to be cut. */
  starts: number[];
  /** Lines before each start, for the parts' positions. */
  lines: number[];
  links: Definition[];
  footnotes: Definition[];
  /** Whether the file ends outside any fence or HTML block (stubs can be appended to its last part). */
  closedAtEnd: boolean;
}

const BLANK = /^[ \t]*$/u;
/**
 * A line a part may start with, after a blank line: a heading, or a paragraph's first line (anything but
 * what opens another block or continues a list: markers, quotes, tables, definitions, HTML, fences).
 */
const PART_START = /^(?:#{1,6}(?:[ \t]|$)|[^\s\-+*>|[<:$~`=#!_\d\\])/u;
const ATX = /^#{1,6}(?:[ \t]|$)/u;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const SETEXT_EQUALS = /^ {0,3}=+[ \t]*$/u;
const CONTAINER = /^ {0,3}(?:>[ \t]?|[-+*](?:[ \t]{1,4}|$)|\d{1,9}[.)](?:[ \t]{1,4}|$))/u;
const LIST_MARKER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/u;
const FENCE = /^ {0,3}(`{3,}|~{3,}|\${2,})(.*)$/u;
const HTML_OPEN: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^ {0,3}<!--/u, /-->/u],
  [/^ {0,3}<\?/u, /\?>/u],
  [/^ {0,3}<!\[CDATA\[/u, /\]\]>/u],
  [/^ {0,3}<![A-Za-z]/u, />/u],
];
const HTML_BLOCK_TAGS =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
/** CommonMark's HTML blocks 6 (a block tag: may interrupt a paragraph) and 7 (a lone tag: may not), both ended by a blank line. */
const HTML_TO_BLANK = new RegExp(`^ {0,3}</?(?:${HTML_BLOCK_TAGS})(?:[\\s>]|/>|$)`, 'iu');
const HTML_LONE_TAG = /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/u;
const LINK_DEFINITION = /^ {0,3}\[((?:[^\\\]\n^]|\\.)(?:[^\\\]\n]|\\.){0,998})\]:[ \t]*(.*)$/u;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:/u;

export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Scans `source` once; parts start at heading lines (the rule above), each at least `size` characters after the last. */
export function markdownParts(source: string, size: number): MarkdownParts {
  const starts = [0];
  const lines = [0];
  const links: Definition[] = [];
  const footnotes: Definition[] = [];
  let at = frontMatterEnd(source);
  let line = countLines(source, 0, at);
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  /** Inside an HTML block that runs to a blank line, where nothing else starts. */
  let htmlToBlank = false;
  let afterBlank = true;
  // Whether a block may start on this line without a blank one before it: after a heading, a
  // definition, a thematic break or a closed fence (where a definition may follow directly).
  let fresh = true;
  // Link definitions are read off a paragraph's start in CommonMark: after one, another may follow, but
  // the paragraph goes on for anything else (a lone HTML tag, indented code).
  let definitionsGoOn = false;
  // In a list item or a footnote, whose indented lines (after blank ones too) are its content, not code.
  let inItem = false;
  /**
   * A fence opened in a quote or an item and not closed: the container's end closes it, and the line that
   * ends it starts a block; a part must not end there (micromark keeps the fence's blank lines at the end
   * of a file).
   */
  let innerFence: InnerFence | undefined;
  // The definitions a block's first line opens with, inside notes, lists and quotes as deep as they go
  // (`[^1]: - [a]: /u`); gathered loosely, as a stub too many only defines a label.
  const gather = (content: string, offset: number): void => {
    let rest = content;
    for (let note = FOOTNOTE_DEFINITION.exec(rest); note; note = FOOTNOTE_DEFINITION.exec(rest)) {
      footnotes.push({ offset, label: normalizeLabel(note[1]!) });
      rest = insideContainers(rest.slice(note[0].length).trimStart());
    }
    const link = LINK_DEFINITION.exec(rest);
    if (link && link[2]!.trim() !== '') links.push({ offset, label: normalizeLabel(link[1]!), line: link[0].trim() });
  };
  while (at < source.length) {
    const newline = source.indexOf('\n', at);
    const end = newline < 0 ? source.length : newline;
    const text = source.charCodeAt(end - 1) === 13 ? source.slice(at, end - 1) : source.slice(at, end);
    const start = at;
    at = end + 1;
    line++;
    if (fence) {
      const close = FENCE.exec(text);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && BLANK.test(close[2]!)) {
        fence = undefined;
        fresh = true;
      }
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(text)) {
        htmlEnd = undefined;
        fresh = true;
      }
      continue;
    }
    if (BLANK.test(text)) {
      htmlToBlank = false;
      // A blank line ends a quote, and a fence in it; an item's fence goes on.
      if (innerFence?.owner === 'quote') innerFence = undefined;
      afterBlank = true;
      fresh = true;
      continue;
    }
    if (htmlToBlank) continue;
    const indented = /^(?: {2}|\t)/u.test(text);
    const content = insideContainers(text);
    const container = content !== text && !THEMATIC_BREAK.test(text);
    const innerOpen = innerFence !== undefined;
    if (!indented && !container) {
      inItem = false;
      innerFence = undefined;
    }
    // A quote or an item's marker at the margin ends the item before (and its fence): a quote's fence
    // goes on on the quote's lines.
    if (!indented && container) {
      if (!LIST_MARKER.test(text)) inItem = false;
      if (LIST_MARKER.test(text) || innerFence?.owner === 'item') innerFence = undefined;
    }
    // A line that closes a container with an open fence closes the fence too: it starts a block.
    const canStart = fresh || (innerOpen && !indented && !container);
    const cut = afterBlank;
    const afterDefinition = definitionsGoOn;
    const definitionMayStart = canStart || definitionsGoOn;
    afterBlank = false;
    fresh = false;
    definitionsGoOn = false;
    if (cut && !innerOpen && PART_START.test(text) && start - starts[starts.length - 1]! >= size) {
      starts.push(start);
      lines.push(line - 1);
    }
    if (ATX.test(text.trimStart()) && text.length - text.trimStart().length < 4) {
      fresh = true;
      continue;
    }
    if (THEMATIC_BREAK.test(text) || SETEXT_EQUALS.test(text)) {
      fresh = true;
      continue;
    }
    const open = FENCE.exec(text);
    if (open && inItem && indented) {
      innerFence = toggle(innerFence, open, 'item');
      continue;
    }
    // A backtick or dollar fence's info cannot hold its own character: `$$x$$` is a paragraph's math.
    if (open && !(open[1]![0] !== '~' && open[2]!.includes(open[1]![0]!))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    const html = HTML_OPEN.find(([opens]) => opens.test(text));
    if (html) {
      // The end may be on the opening line itself, after the opening.
      const rest = text.slice((html[0].exec(text)?.[0].length ?? 0));
      if (!html[1].test(rest)) htmlEnd = html[1];
      else fresh = true;
      continue;
    }
    if (HTML_TO_BLANK.test(text) || (canStart && HTML_LONE_TAG.test(text))) {
      htmlToBlank = true;
      continue;
    }
    // A footnote's definition may interrupt a paragraph; its text is a paragraph, so a link's may not follow it.
    // An item's indented line is read as the item's own content, its indent dropped.
    const own = inItem && indented ? text.replace(/^[ \t]+/u, '') : text;
    const footnote = FOOTNOTE_DEFINITION.exec(own);
    if (footnote) {
      gather(own, start);
      inItem = true;
      // A note whose text is no paragraph (nothing, an empty item) leaves none for the next line to continue.
      fresh = !leavesParagraph(own.slice(footnote[0].length).trimStart());
      // A note may open with a fence, which ends with the note (as an item's does).
      const noteFence = FENCE.exec(own.slice(footnote[0].length).trimStart());
      if (noteFence) innerFence = toggle(undefined, noteFence, 'item');
      continue;
    }
    if (container) {
      if (LIST_MARKER.test(text)) inItem = true;
      const inner = FENCE.exec(content);
      if (inner) innerFence = toggle(innerFence, inner, LIST_MARKER.test(text) ? 'item' : 'quote');
      // A quote's or list item's line: the next line starts a block unless this one's content is a
      // paragraph, which lazy lines continue.
      fresh = innerFence !== undefined || inner !== null || !leavesParagraph(content);
      // Definitions count inside a quote or a list item too (`1. [^1]: 注`, `> [a]: /u`); gathered
      // loosely here, as a stub too many only defines a label.
      // An item's marker with five spaces after it, or a quote's with four, opens indented code: no
      // definitions there.
      const after = /^ {0,3}(?:>|[-+*]|\d{1,9}[.)])([ \t]*)\S/u.exec(text)?.[1] ?? '';
      const code = after.replaceAll('\t', '    ').length >= 5;
      if (innerFence === undefined && !code) gather(content.trimStart(), start);
      continue;
    }
    if (canStart && !inItem && /^(?: {4}|\t)/u.test(text)) {
      // Indented code (four spaces where a block may start) is no paragraph: a definition may follow it.
      fresh = true;
      continue;
    }
    if (!definitionMayStart) continue;
    const link = LINK_DEFINITION.exec(own);
    if (link) {
      // The destination may be on the next line (`[长]:` then the address): the stub takes both on one.
      let line: string | undefined = text.trim();
      if (link[2]!.trim() === '') {
        const next = source.indexOf('\n', at);
        const following = source.slice(at, next < 0 ? source.length : next).trim();
        line = following === '' ? undefined : `${line} ${following}`;
      }
      if (line !== undefined) links.push({ offset: start, label: normalizeLabel(link[1]!), line });
      definitionsGoOn = true;
    } else if (afterDefinition && /^(?:\s|["'(<])/u.test(text)) {
      // A definition's address or title on a line of its own: another definition may still follow.
      definitionsGoOn = true;
    }
  }
  return { starts: starts.length > 1 ? starts : [], lines, links, footnotes, closedAtEnd: !fence && !htmlEnd && !innerFence };
}

/** Whether an HTML block's text opens one that runs to a closing tag (`<pre>`, a comment…) and lacks it. */
export function htmlBlockOpen(html: string): boolean {
  const kind = HTML_OPEN.find(([opens]) => opens.test(html));
  return kind !== undefined && !kind[1].test(html.slice(kind[0].exec(html)?.[0].length ?? 0));
}

/** A fence opened inside a quote or a list item (or a footnote, alike), which ends with it. */
interface InnerFence {
  char: string;
  length: number;
  owner: 'quote' | 'item';
}

/** A fence line met in a container: opens one when none is open, closes the open one when it matches. */
function toggle(fence: InnerFence | undefined, line: RegExpExecArray, owner: InnerFence['owner']): InnerFence | undefined {
  const char = line[1]![0]!;
  if (!fence) return { char, length: line[1]!.length, owner };
  return char === fence.char && line[1]!.length >= fence.length && BLANK.test(line[2]!) ? undefined : fence;
}

/** Whether a container's content (its markers taken off) is a paragraph's line, which the next line may continue lazily. */
function leavesParagraph(content: string): boolean {
  const inner = insideContainers(content);
  return !(
    BLANK.test(inner) || ATX.test(inner) || THEMATIC_BREAK.test(inner) || SETEXT_EQUALS.test(inner) || FENCE.test(inner) ||
    HTML_OPEN.some(([opens]) => opens.test(inner)) || HTML_TO_BLANK.test(inner) || HTML_LONE_TAG.test(inner) || /^(?: {4}|\t)/u.test(inner)
  );
}

/** A line without the quote markers and list markers that open it. */
function insideContainers(text: string): string {
  let content = text;
  for (let marker = CONTAINER.exec(content); marker; marker = CONTAINER.exec(content)) content = content.slice(marker[0].length);
  return content;
}

/** The end of YAML (`---`) or TOML (`+++`) front matter at the very start, or 0. */
function frontMatterEnd(source: string): number {
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/u.exec(source);
  if (!fence) return 0;
  const close = fence[1] === '---' ? /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/mu : /^\+\+\+[ \t]*(?:\r?\n|$)/mu;
  const rest = source.slice(fence[0].length);
  const found = close.exec(rest);
  return found ? fence[0].length + found.index + found[0].length : 0;
}

function countLines(source: string, from: number, to: number): number {
  let count = 0;
  for (let i = source.indexOf('\n', from); i >= 0 && i < to; i = source.indexOf('\n', i + 1)) count++;
  return count;
}
