/**
 * A long text file's first look (first-look.ts): the outline the whole text has, from its start and the
 * lines that may be headings; the start's paragraphs as the whole reads them; none when it cannot be
 * like the whole.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/document/decode.js';
import { pairTable, PREFIX_BYTES, STAND_IN, standIn, textFirstLook } from '../../../src/core/document/first-look.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import type { Document } from '../../../src/core/document/types.js';

const POOL = '山水之间风起云涌人来人往天地日月星辰江河湖海春夏秋冬东南西北长短高低快慢明暗冷暖远近新旧大小多少';
/** The same characters as Big5 has them. */
const TRADITIONAL: Record<string, string> = { 间: '間', 风: '風', 云: '雲', 涌: '湧', 来: '來', 东: '東', 长: '長', 远: '遠', 旧: '舊', 录: '錄', 个: '個', 目录: '目錄' };

function traditional(text: string): string {
  return text.replace(/目录/gu, '目錄').replace(/[间风云涌来东长远旧录个]/gu, (char) => TRADITIONAL[char]!);
}
const CN = '〇一二三四五六七八九';

/** A deterministic run of made-up words. */
function words(seed: number, length: number): string {
  let x = seed * 2654435761;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += POOL[(x >>> 8) % POOL.length];
  }
  return out;
}

/** 1 → 一, 12 → 十二, 305 → 三百零五 (enough for a test's chapters). */
function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN[n % 10]}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN[n % 10]}`;
  const rest = n % 100;
  return `${CN[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${chinese(rest)}` : chinese(rest)}`;
}

interface NovelOptions {
  chapters: number;
  /** Chapters per volume (none: one level). */
  perVolume?: number;
  heading?: (n: number) => string;
  volume?: (n: number) => string;
  eol?: string;
  indent?: string;
  /** A contents block of the first 30 chapters, or of them all. */
  contents?: boolean | 'all';
  site?: boolean;
  seed?: number;
}

/**
 * A web novel as download sites give it: site lines, title and author, a contents block, volumes and
 * chapters, paragraphs that start with the characters headings start with (一个, 上, 第二天), some long, and
 * short lines of dialogue.
 */
function novel(options: NovelOptions): string {
  const { chapters, perVolume, eol = '\n', indent = '　　', seed = 1 } = options;
  const heading = options.heading ?? ((n: number) => `第${chinese(n)}章 ${words(seed + n, 2 + (n % 4))}`);
  const volume = options.volume ?? ((n: number) => `第${chinese(n)}卷 ${words(seed + 900 + n, 3)}`);
  const lines: string[] = [];
  if (options.site) lines.push('本书来自 www.example.com 免费TXT小说下载站', '更多精彩小说请访问 www.example.com');
  lines.push('长河夜行录', '作者：林某', '');
  if (options.contents) {
    lines.push('目录');
    for (let n = 1; n <= (options.contents === 'all' ? chapters : Math.min(chapters, 30)); n++) lines.push(heading(n));
    lines.push('');
  }
  for (let n = 1; n <= chapters; n++) {
    if (perVolume !== undefined && (n - 1) % perVolume === 0) lines.push(volume(Math.floor((n - 1) / perVolume) + 1), '');
    lines.push(heading(n), '');
    for (let k = 0; k < 12; k++) {
      const s = seed * 1000 + n * 17 + k;
      const text =
        k % 5 === 1
          ? `“${words(s, 4)}。”`
          : k % 5 === 2
            ? `一个${words(s, 30)}，${words(s + 1, 20)}。`
            : k % 5 === 3
              ? `第二天${words(s, 25)}！`
              : k % 5 === 4
                ? `上${words(s, 90)}，${words(s + 3, 60)}！`
                : `${words(s, 40)}，${words(s + 2, 30)}。`;
      lines.push(`${indent}${text}`, '');
    }
  }
  if (options.site) lines.push('（全书完）', '更多精彩小说请访问 www.example.com');
  return lines.join(eol);
}

function outline(doc: Document) {
  return {
    title: doc.title,
    author: doc.author,
    shape: doc.shape,
    sections: doc.sections.map((s) => [s.title, s.depth ?? 1]),
    volumes: (doc.volumes ?? []).map((v) => [v.title, v.firstSection]),
  };
}

function lookAndWhole(bytes: Uint8Array, name = 'novel.txt') {
  const look = textFirstLook(bytes, { name });
  // Decoding consumes the bytes it is given: a copy.
  const whole = parseDocument(decodeText(new Uint8Array(bytes)), { name });
  return { look, whole };
}

describe('textFirstLook', () => {
  const cases: [string, () => Uint8Array][] = [
    ['GB18030, CRLF, volumes, a contents block and site lines', () => iconv.encode(novel({ chapters: 400, perVolume: 40, eol: '\r\n', contents: true, site: true }), 'gb18030')],
    [
      'Big5, traditional volumes and chapters',
      () =>
        iconv.encode(traditional(novel({ chapters: 400, perVolume: 50, contents: true, seed: 7 })), 'big5'),
    ],
    ['UTF-8, unindented, one level', () => Buffer.from(novel({ chapters: 500, indent: '', seed: 3 }), 'utf8')],
    ['UTF-8, a classic named 学而第一', () => Buffer.from(novel({ chapters: 300, heading: (n) => `${words(n, 2)}第${chinese(n)}`, seed: 5 }), 'utf8')],
    // Read from their last pair's bytes in a double-byte file, CR and trailing full-width spaces aside.
    ['GB18030, CRLF, a classic named 学而第一, some followed by spaces', () => iconv.encode(novel({ chapters: 300, heading: (n) => `${words(n, 2)}第${chinese(n)}${n % 3 === 0 ? '　' : n % 3 === 1 ? ' ' : ''}`, eol: '\r\n', seed: 6 }), 'gb18030')],
    // Headings indented as their paragraphs are: the first character is read past full-width and ASCII spaces.
    ['GB18030, CRLF, headings indented with full-width and ASCII spaces', () => iconv.encode(novel({ chapters: 300, perVolume: 30, heading: (n) => `${n % 2 === 0 ? '　　' : ' \t'}第${chinese(n)}章 ${words(n, 3)}`, eol: '\r\n', seed: 14 }), 'gb18030')],
    ['Big5, headings indented with full-width spaces', () => iconv.encode(traditional(novel({ chapters: 300, heading: (n) => `　　第${chinese(n)}章 ${words(n, 3)}`, seed: 15 })), 'big5')],
    ['Big5, a classic named 學而第一', () => iconv.encode(traditional(novel({ chapters: 300, heading: (n) => `${words(n, 2)}第${chinese(n)}`, seed: 8 })), 'big5')],
    // The title on the line below the number: kept with its heading, whatever character it starts with.
    ['GB18030, 第N章 with its title on the next line', () => iconv.encode(novel({ chapters: 300, heading: (n) => `第${chinese(n)}章\n${words(n + 50, 3)}`, seed: 10 }), 'gb18030')],
    ['UTF-8, numbered 1 2 3 with their titles on the next line', () => Buffer.from(novel({ chapters: 300, heading: (n) => `${n}\n\n${words(n + 70, 4)}`, seed: 11 }), 'utf8')],
    ['GB18030, numbered 一、 headings', () => iconv.encode(novel({ chapters: 300, heading: (n) => `${chinese(n)}、${words(n, 4)}`, seed: 9 }), 'gb18030')],
    [
      // 一、 under 第N章 are the chapters' sections when text stands between them: the lines left out do.
      "UTF-8, a textbook's chapters and their numbered points",
      () => {
        const lines = ['教程', ''];
        for (let n = 1; n <= 300; n++) {
          lines.push(`第${n}章 ${words(n, 3)}`, '');
          for (let k = 1; k <= 3; k++) {
            lines.push(`${CN[k]}、${words(n * 10 + k, 4)}`, '');
            for (let j = 0; j < 4; j++) lines.push(`　　${words(n * 100 + k * 10 + j, 50)}。`, '');
          }
        }
        return Buffer.from(lines.join('\n'), 'utf8');
      },
    ],
    // The contents block then lists 900 chapters, each found again after it with its text.
    ['GB18030, a contents block of every chapter', () => iconv.encode(novel({ chapters: 900, perVolume: 90, contents: 'all', indent: '', seed: 13 }), 'gb18030')],
    // Its 2,500 entries are 80 KB: the start grows past them to hold the first chapters' text.
    ['GB18030, a contents block longer than the start', () => iconv.encode(novel({ chapters: 2500, contents: 'all', heading: (n) => `第${n}章 ${words(n, 12)}`, seed: 23 }), 'gb18030')],
  ];

  for (const [name, make] of cases) {
    it(`has the whole text's outline, title and author: ${name}`, () => {
      const bytes = make();
      expect(bytes.length).toBeGreaterThan(2 * PREFIX_BYTES);
      const { look, whole } = lookAndWhole(bytes);
      expect(whole.shape).toBe('book');
      expect(look).toBeDefined();
      expect(outline(look!)).toEqual(outline(whole));
      // The start's paragraphs are the whole text's; the sections after it wait for their text.
      const { unreadFrom, share } = look!.preview!;
      expect(unreadFrom).toBeGreaterThan(1);
      expect(unreadFrom).toBeLessThan(whole.sections.length / 4);
      look!.sections.slice(0, unreadFrom - 2).forEach((section, i) => expect(section.paragraphs.map((p) => p.text)).toEqual(whole.sections[i]!.paragraphs.map((p) => p.text)));
      expect(look!.sections.slice(unreadFrom - 1).every((section) => section.paragraphs.length === 0)).toBe(true);
      expect(look!.lead.map((p) => p.text)).toEqual(whole.lead.map((p) => p.text));
      expect(share).toBeCloseTo(PREFIX_BYTES / bytes.length, 1);
      // It read the start and a few lines more, not the book.
      expect(look!.source.length - look!.sections[unreadFrom - 1]!.offset).toBeLessThan(whole.source.length / 6);
      // The bytes are the caller's still: the whole text is read from them after.
      expect(decodeText(new Uint8Array(bytes)).length).toBe(whole.source.length);
    });
  }

  it('has the whole outline for books made at random', () => {
    for (let seed = 11; seed < 17; seed++) {
      const perVolume = seed % 2 === 0 ? 20 + seed : undefined;
      const text = novel({ chapters: 250 + seed * 10, ...(perVolume === undefined ? {} : { perVolume }), contents: seed % 3 === 0, site: seed % 2 === 1, seed });
      const bytes = seed % 2 === 0 ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
      const { look, whole } = lookAndWhole(bytes);
      expect(outline(look!)).toEqual(outline(whole));
    }
  });

  it('gives none when it cannot be like the whole, or is not worth it', () => {
    // Short: read whole at once.
    expect(textFirstLook(Buffer.from(novel({ chapters: 20 }), 'utf8'))).toBeUndefined();
    // A NUL far in: the whole text is refused as binary, so nothing is drawn first.
    const bytes = Buffer.from(novel({ chapters: 300 }), 'utf8');
    bytes[bytes.length - 100] = 0;
    expect(textFirstLook(bytes)).toBeUndefined();
    // A contents block of most of the file: its start would be most of it.
    const listed = Array.from({ length: 12000 }, (_, n) => `第${n + 1}章 ${words(n, 12)}`).join('\n') + novel({ chapters: 50, seed: 22 });
    expect(textFirstLook(iconv.encode(listed, 'gb18030'))).toBeUndefined();
    // UTF-16: the start does not settle it.
    expect(textFirstLook(Buffer.from(`\ufeff${novel({ chapters: 300 })}`, 'utf16le'))).toBeUndefined();
    // No chapters: an article or a plain text is outlined otherwise.
    const plain = Array.from({ length: 4000 }, (_, i) => `　　${words(i, 40)}，${words(i + 1, 30)}。`).join('\n');
    expect(textFirstLook(Buffer.from(plain, 'utf8'))).toBeUndefined();
    // An interview (speakers' turns under short headings): outlined by its turns, not by chapter rules.
    const talk = Array.from({ length: 3000 }, (_, i) => (i % 40 === 0 ? `第${chinese(i / 40 + 1)}部分 ${words(i, 4)}\n` : '') + `${i % 2 === 0 ? '记者' : '张三'}：${words(i, 40)}。`).join('\n\n');
    expect(parseDocument(talk).shape).toBe('interview');
    expect(textFirstLook(Buffer.from(talk, 'utf8'))).toBeUndefined();
    // Headings and nothing else: the first look would be the whole work again.
    const list = Array.from({ length: 20000 }, (_, i) => `第${i + 1}章 ${words(i, 6)}`).join('\n');
    expect(textFirstLook(Buffer.from(list, 'utf8'))).toBeUndefined();
    // Not Chinese enough to settle an encoding.
    expect(textFirstLook(Buffer.from('Chapter 1\n\nWords of a book.\n\n'.repeat(20000), 'utf8'))).toBeUndefined();
  });
});

describe('the table of double-byte characters', () => {
  it.each(['gb18030', 'big5'] as const)('reads every pair of %s as its decoder reads the pair alone', (encoding) => {
    const table = pairTable(encoding);
    const decoder = new TextDecoder(encoding);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const read = decoder.decode(Uint8Array.of(lead, trail));
        const expected = read.length === 1 && read !== '\ufffd' ? read.charCodeAt(0) : 0xfffd;
        if (table[(lead << 8) | trail] !== expected) expect([lead, trail, table[(lead << 8) | trail]]).toEqual([lead, trail, expected]);
      }
    }
  });
});

describe('the stand-in for the lines left out', () => {
  it.each(['utf-8', 'gb18030', 'big5'] as const)('is written in %s as the decoder reads it back', (encoding) => {
    expect(new TextDecoder(encoding).decode(standIn(encoding))).toBe(STAND_IN);
  });

  it('is an indented sentence, which no rule takes for a heading', () => {
    expect(STAND_IN).toMatch(/^　　\p{Script=Han}+。$/u);
    expect(parseDocument(`第一章 风起\n\n${STAND_IN}\n\n第二章 云涌\n\n${STAND_IN}\n\n第三章 雨落\n\n${STAND_IN}`).sections.map((s) => s.title)).toEqual(['第一章 风起', '第二章 云涌', '第三章 雨落']);
  });
});
