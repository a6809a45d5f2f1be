/**
 * EPUB fixtures built in code: a minimal EPUB 3 (nav) or EPUB 2 (toc.ncx) zipped with fflate. Chapters
 * are XHTML bodies written by the test; `extra` adds or replaces entries (to break the book on purpose).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface EpubChapter {
  /** File name under OEBPS/Text/. */
  file: string;
  /** The XHTML inside <body>. */
  body: string;
}

export interface EpubTocEntry {
  title: string;
  /** `ch1.xhtml` or `ch1.xhtml#id`, relative to OEBPS/Text/; absent: a heading over its children. */
  href?: string;
  children?: EpubTocEntry[];
}

export interface EpubOptions {
  title?: string;
  creators?: string[];
  language?: string;
  chapters: EpubChapter[];
  toc?: EpubTocEntry[];
  /** EPUB 2 (toc.ncx, no nav). @default 3 */
  version?: 2 | 3;
  /** EPUB 3 with an NCX as well: the nav lists these entries, the NCX `toc`. */
  navToc?: EpubTocEntry[];
  /** Entries to add or replace (path → text or bytes; undefined removes). */
  extra?: Record<string, string | Uint8Array | undefined>;
}

export function xhtml(body: string, title = 'chapter'): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="zh-CN">\n<head><title>${title}</title><link rel="stylesheet" href="../Styles/s.css"/></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

export function buildEpub(options: EpubOptions): Uint8Array {
  const version = options.version ?? 3;
  const toc = options.toc ?? options.chapters.map((c) => ({ title: c.file, href: c.file }));
  const files: Record<string, string | Uint8Array | undefined> = {
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': `<?xml version="1.0"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    'OEBPS/content.opf': opf(options, version),
    'OEBPS/Styles/s.css': 'p { text-indent: 2em; }',
  };
  if (version === 3) files['OEBPS/nav.xhtml'] = xhtml(`<nav epub:type="toc"><h1>目录</h1>${navList(options.navToc ?? toc)}</nav>`, 'nav');
  if (version === 2 || options.navToc) files['OEBPS/toc.ncx'] = ncx(toc);
  for (const chapter of options.chapters) files[`OEBPS/Text/${chapter.file}`] = xhtml(chapter.body);
  for (const [path, value] of Object.entries(options.extra ?? {})) files[path] = value;
  const zippable: Zippable = {};
  for (const [path, value] of Object.entries(files)) {
    if (value === undefined) continue;
    const bytes = typeof value === 'string' ? strToU8(value) : value;
    zippable[path] = [bytes, { level: path === 'mimetype' || bytes.length === 0 ? 0 : 6 }];
  }
  return zipSync(zippable);
}

function opf(options: EpubOptions, version: 2 | 3): string {
  const meta = [
    `<dc:title>${options.title ?? '测试之书'}</dc:title>`,
    ...(options.creators ?? ['某作者']).map((c) => `<dc:creator>${c}</dc:creator>`),
    `<dc:language>${options.language ?? 'zh-CN'}</dc:language>`,
    `<dc:identifier id="uid">urn:uuid:0000</dc:identifier>`,
  ].join('');
  const items = options.chapters.map((c, i) => `<item id="c${i}" href="Text/${c.file}" media-type="application/xhtml+xml"/>`).join('');
  const withNcx = version === 2 || options.navToc !== undefined;
  const nav = `${version === 3 ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : ''}${withNcx ? '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>' : ''}`;
  const spine = options.chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<package xmlns="http://www.idpf.org/2007/opf" version="${version}.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${meta}</metadata><manifest>${nav}${items}<item id="css" href="Styles/s.css" media-type="text/css"/></manifest><spine${withNcx ? ' toc="ncx"' : ''}>${spine}</spine></package>`;
}

function navList(entries: EpubTocEntry[]): string {
  const items = entries.map((e) => {
    const label = e.href === undefined ? `<span>${e.title}</span>` : `<a href="Text/${e.href}">${e.title}</a>`;
    return `<li>${label}${e.children ? navList(e.children) : ''}</li>`;
  });
  return `<ol>${items.join('')}</ol>`;
}

function ncx(entries: EpubTocEntry[]): string {
  let order = 0;
  const points = (list: EpubTocEntry[]): string =>
    list
      .map((e) => `<navPoint id="n${++order}" playOrder="${order}"><navLabel><text>${e.title}</text></navLabel><content src="Text/${e.href ?? ''}"/>${e.children ? points(e.children) : ''}</navPoint>`)
      .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>t</text></docTitle><navMap>${points(entries)}</navMap></ncx>`;
}

/** Rewrites the uncompressed size of `name` in the central directory. */
export function patchUncompressedSize(bytes: Uint8Array, name: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = strToU8(name);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const entry = bytes.subarray(at + 46, at + 46 + length);
    if (length === wanted.length && entry.every((b, i) => b === wanted[i])) {
      view.setUint32(at + 24, size, true);
      return;
    }
  }
  throw new Error(`no central directory entry for ${name}`);
}
