/**
 * The parts of an EPUB that say what it holds: `META-INF/container.xml` names the package (OPF); the
 * package gives the metadata, the manifest and the spine (reading order); the table of contents is
 * `nav.xhtml` (EPUB 3, the manifest item with `properties="nav"`) or `toc.ncx` (EPUB 2, the spine's
 * `toc`), nested as written. XML is parsed by htmlparser2 in XML mode; names are matched without their
 * namespace prefix (`dc:title`, `opf:item` and `title`, `item` alike).
 *
 * DRM: `META-INF/encryption.xml` that encrypts anything with an algorithm other than the two font
 * obfuscations (IDPF's and Adobe's, which any reader undoes and which only touch fonts) is refused.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { writtenDay } from '../dateline.js';
import { sanitizeText } from '../sanitize.js';
import { EpubError, printable, resolvePath, type Archive } from './archive.js';

type Node = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.findAll>[number];

export interface SpineItem {
  /** Path in the archive. */
  path: string;
  mediaType: string;
}

export interface TocEntry {
  title: string;
  /** Path in the archive, or undefined for an entry without a link (a heading over its children). */
  path?: string;
  fragment?: string;
  depth: number;
}

export interface BookPackage {
  title?: string;
  author?: string;
  language?: string;
  date?: string;
  spine: SpineItem[];
  toc: TocEntry[];
}

const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);
const CONTAINER = 'META-INF/container.xml';

export function readPackage(archive: Archive): BookPackage {
  checkEncryption(archive);
  const container = archive.readText(CONTAINER);
  if (container === undefined) throw new EpubError(`it is not an EPUB (${CONTAINER} is missing)`);
  const rootfile = find(xml(container), 'rootfile');
  const opfPath = rootfile ? DomUtils.getAttributeValue(rootfile, 'full-path') : undefined;
  if (!opfPath) throw new EpubError(`its ${CONTAINER} names no package (OPF) file`);
  const opfText = archive.readText(resolvePath('', opfPath));
  if (opfText === undefined) throw new EpubError(`its package file ${printable(opfPath)} is missing`);
  const opf = xml(opfText);
  if (!find(opf, 'package')) throw new EpubError(`its package file ${printable(opfPath)} is broken (no <package>)`);

  const manifest = new Map<string, { path: string; mediaType: string; properties: string }>();
  for (const item of findAll(opf, 'item')) {
    const id = attr(item, 'id');
    const href = attr(item, 'href');
    if (id === undefined || href === undefined) continue;
    manifest.set(id, { path: resolvePath(opfPath, href), mediaType: attr(item, 'media-type') ?? '', properties: attr(item, 'properties') ?? '' });
  }
  const navItem = [...manifest.values()].find((item) => item.properties.split(/\s+/u).includes('nav'));
  // EPUB 2's contents page is named by the guide (`<reference type="toc">`). Not when it names a place in a file (`book.html#toc`: a one-file book's contents, its text after it).
  const contentsHref = findAll(opf, 'reference').find((ref) => (attr(ref, 'type') ?? '').toLowerCase() === 'toc')?.attribs.href;
  const contentsPage = contentsHref === undefined || contentsHref.includes('#') ? undefined : resolvePath(opfPath, contentsHref);
  const spineElement = find(opf, 'spine');
  if (!spineElement) throw new EpubError(`its package file ${printable(opfPath)} is broken (no spine)`);
  let spine: SpineItem[] = [];
  for (const ref of findAll(spineElement, 'itemref')) {
    const idref = attr(ref, 'idref') ?? '';
    const item = manifest.get(idref);
    if (!item) throw new EpubError(`its spine names an item the manifest lacks (${printable(idref)})`);
    if (!archive.has(item.path)) throw new EpubError(`its spine item ${printable(item.path)} is missing from the archive`);
    // Images and SVG in the spine (a cover page) carry no text.
    // The nav document in the spine is the table of contents again, which the sidebar already is, and
    // so is EPUB 2's contents page.
    if (item === navItem) continue;
    if (/html|xml/iu.test(item.mediaType) && !/svg/iu.test(item.mediaType)) spine.push({ path: item.path, mediaType: item.mediaType });
  }
  // A one-file book whose guide calls its one file the contents keeps it.
  if (spine.some((item) => item.path !== contentsPage)) spine = spine.filter((item) => item.path !== contentsPage);
  if (spine.length === 0) throw new EpubError(`its spine is empty: there is nothing to read`);

  const nav = navItem;
  const ncx = manifest.get(attr(spineElement, 'toc') ?? '') ?? [...manifest.values()].find((item) => /ncx/iu.test(item.mediaType));
  let toc: TocEntry[] = [];
  if (nav) toc = navToc(archive.readText(nav.path), nav.path);
  // A nav of one entry or none beside an NCX that lists the chapters (a book made EPUB 3 by a tool that
  // wrote its nav as a stub): the NCX's list.
  if (toc.length <= 1 && ncx) {
    const listed = ncxToc(archive.readText(ncx.path), ncx.path);
    if (listed.length > toc.length) toc = listed;
  }
  // A converter that made its contents of a chapter's links (Calibre's `1` and `↩` for a footnote and its
  // way back) lists notes, not chapters: such entries are left out.
  toc = toc.filter((e) => !(e.fragment !== undefined && NOTE_ANCHOR.test(e.fragment) && !/\p{L}{2}/u.test(e.title)));
  // Project Gutenberg's own entries (`THE FULL PROJECT GUTENBERG LICENSE`, its header's) name its
  // boilerplate, which is a note (content.ts), not the book's.
  toc = toc.filter((e) => !/project gutenberg/iu.test(e.title) && !(e.fragment !== undefined && /^pg-(?:header|footer)/u.test(e.fragment)));

  const metadata = find(opf, 'metadata') ?? opf;
  const texts = (name: string) => findAll(metadata, name).map((e) => clean(DomUtils.textContent(e))).filter((t) => t !== '');
  const title = texts('title')[0];
  // Calibre writes `Unknown` for a book without an author, and `0101-01-01T00:00:00+00:00` without a date.
  const creators = texts('creator').filter((name) => !UNKNOWN_AUTHOR.test(name));
  const language = texts('language')[0];
  const date = bookDate(texts('date')[0]);
  return {
    ...(title !== undefined && { title }),
    ...(creators.length > 0 && { author: creators.join('、') }),
    ...(language !== undefined && { language }),
    ...(date !== undefined && { date }),
    spine,
    toc,
  };
}

/** The ids tools give footnotes and their references (`fn1`, `fnref:1`, `_ftn2`, `note3`). */
const NOTE_ANCHOR = /^(?:fn|fnref|footnote|footnote-?ref|note|noteref|endnote|_ftn|_ftnref|_edn|_ednref)[-_:.]?\d*[a-z]?$/iu;
const UNKNOWN_AUTHOR = /^(?:unknown|未知|未知作者)$/iu;

/**
 * A date as a reader says it: the day of a date and time (what tools write: `2020-05-02T00:00:00+00:00`
 * for a day, the time a book was made), as written otherwise (`2020`, `2020年5月`).
 */
function bookDate(date: string | undefined): string | undefined {
  if (date === undefined || date.startsWith('0101-01-01')) return undefined;
  return writtenDay(date);
}

function checkEncryption(archive: Archive): void {
  const path = 'META-INF/encryption.xml';
  if (!archive.has(path)) return;
  const text = archive.readText(path) ?? '';
  const methods = findAll(xml(text), 'EncryptionMethod').map((e) => attr(e, 'Algorithm') ?? '');
  const data = findAll(xml(text), 'EncryptedData');
  if (data.length > methods.length || methods.some((method) => !FONT_OBFUSCATION.has(method))) {
    throw new EpubError('it is protected by DRM (META-INF/encryption.xml encrypts its content); yuedu reads only unencrypted books');
  }
}

/** EPUB 3: the `<nav epub:type="toc">` list, nested `ol > li > a|span (+ ol)`. */
function navToc(text: string | undefined, from: string): TocEntry[] {
  if (text === undefined) return [];
  const doc = parseDocument(text, { xmlMode: false, recognizeSelfClosing: true });
  const navs = DomUtils.findAll((e) => e.name === 'nav', doc.children);
  const nav = navs.find((e) => /\btoc\b/u.test(e.attribs['epub:type'] ?? '')) ?? navs[0];
  const list = nav && DomUtils.findOne((e) => e.name === 'ol' || e.name === 'ul', nav.children);
  const entries: TocEntry[] = [];
  const walk = (ol: Element, depth: number) => {
    for (const li of ol.children) {
      if (li.type !== 'tag' || li.name !== 'li') continue;
      const label = li.children.find((c): c is Element => c.type === 'tag' && (c.name === 'a' || c.name === 'span'));
      const child = li.children.find((c): c is Element => c.type === 'tag' && (c.name === 'ol' || c.name === 'ul'));
      if (label) entries.push(entry(clean(DomUtils.textContent(label)), label.attribs['href'], from, depth));
      if (child) walk(child, label ? depth + 1 : depth);
    }
  };
  if (list) walk(list, 1);
  return entries;
}

/** EPUB 2: `navMap > navPoint (navLabel > text, content@src, navPoint…)`. */
function ncxToc(text: string | undefined, from: string): TocEntry[] {
  if (text === undefined) return [];
  const map = find(xml(text), 'navMap');
  const entries: TocEntry[] = [];
  const walk = (parent: Element, depth: number) => {
    for (const point of parent.children) {
      if (point.type !== 'tag' || local(point.name) !== 'navPoint') continue;
      const label = DomUtils.findOne((e) => local(e.name) === 'text', point.children);
      const content = point.children.find((c): c is Element => c.type === 'tag' && local(c.name) === 'content');
      entries.push(entry(label ? clean(DomUtils.textContent(label)) : '', content ? attr(content, 'src') : undefined, from, depth));
      walk(point, depth + 1);
    }
  };
  if (map) walk(map, 1);
  return entries;
}

function entry(title: string, href: string | undefined, from: string, depth: number): TocEntry {
  const entry: TocEntry = { title: title || '…', depth };
  if (href !== undefined && href !== '' && !/^[a-z][a-z0-9+.-]*:/iu.test(href)) {
    entry.path = href.startsWith('#') ? from : resolvePath(from, href);
    const fragment = href.split('#')[1];
    if (fragment) entry.fragment = decodeFragment(fragment);
  }
  return entry;
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function xml(text: string): Node {
  return parseDocument(text, { xmlMode: true });
}

function local(name: string): string {
  const colon = name.lastIndexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function findAll(root: Node | Element, name: string): Element[] {
  return DomUtils.findAll((e) => local(e.name) === name, root.children);
}

function find(root: Node | Element, name: string): Element | undefined {
  return DomUtils.findOne((e) => local(e.name) === name, root.children) ?? undefined;
}

/** An attribute by its local name (`opf:role` and `role` alike). */
function attr(element: Element, name: string): string | undefined {
  for (const [key, value] of Object.entries(element.attribs)) if (local(key) === name) return value;
  return undefined;
}

/**
 * Layout whitespace collapsed; a full-width space inside a title (`第一部　春`) is the title's own. Made
 * terminal-safe after the parser decoded its entities (`&#27;` is an escape character).
 */
function clean(text: string): string {
  return sanitizeText(text).replace(/[ \t\n\r\f]+/gu, ' ').trim();
}
