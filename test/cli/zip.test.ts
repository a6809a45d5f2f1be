/**
 * The command line's EPUB inflater (Node's zlib, entries found by yauzl): the same book as fflate reads,
 * the same refusals, and never more than an entry's declared size.
 */
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRIES, type EntryInflater } from '../../src/core/document/epub/archive.js';
import { EpubError, parseEpub } from '../../src/core/document/epub/parse.js';
import { zlibInflater } from '../../src/cli/zip.js';
import { buildEpub, patchUncompressedSize, type EpubOptions } from '../helpers/epub.js';

const BOOK: EpubOptions = {
  title: '压缩之书',
  chapters: [
    { file: 'c1.xhtml', body: `<h1>第一章</h1>${'<p>　　正文<b>重点</b>，<ruby>漢<rt>hàn</rt></ruby>字。</p>'.repeat(200)}` },
    { file: 'c2.xhtml', body: '<h1>第二章</h1><p>又一段。</p>' },
  ],
  extra: { 'OEBPS/Images/a.png': new Uint8Array([1, 2, 3]) },
};

/** `inflater`, counting the entries it inflated itself. */
function counted(inflater: EntryInflater): { inflater: EntryInflater; names: string[] } {
  const names: string[] = [];
  return {
    names,
    inflater: (name, entry) => {
      const data = inflater(name, entry);
      if (data !== undefined) names.push(name);
      return data;
    },
  };
}

function failure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(EpubError);
    return (error as Error).message;
  }
  throw new Error('the book was read');
}

describe('zlibInflater', () => {
  it('reads the book fflate reads, inflating every text entry itself', async () => {
    const bytes = buildEpub(BOOK);
    const { inflater, names } = counted((await zlibInflater(bytes))!);
    expect(parseEpub(bytes, inflater)).toEqual(parseEpub(bytes));
    expect(names).toEqual(expect.arrayContaining(['META-INF/container.xml', 'OEBPS/content.opf', 'OEBPS/nav.xhtml', 'OEBPS/Text/c1.xhtml', 'OEBPS/Text/c2.xhtml']));
  });

  it('reads a zip written as a stream, whose sizes follow each entry’s data (a data descriptor)', async () => {
    const files = unzipSync(buildEpub(BOOK));
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, data] of Object.entries(files)) {
      const entry = name === 'mimetype' ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const { inflater, names } = counted((await zlibInflater(bytes))!);
    expect(parseEpub(bytes, inflater)).toEqual(parseEpub(buildEpub(BOOK)));
    expect(names).toContain('OEBPS/Text/c1.xhtml');
  });

  it('refuses an entry that inflates past its declared size, and leaves the limits to the archive', async () => {
    const small = buildEpub(BOOK);
    patchUncompressedSize(small, 'OEBPS/Text/c1.xhtml', 100);
    const inflater = await zlibInflater(small);
    expect(failure(() => parseEpub(small, inflater))).toMatch(/damaged|declared size/u);
    const huge = buildEpub(BOOK);
    patchUncompressedSize(huge, 'OEBPS/Text/c1.xhtml', 0xfffffff0);
    const trusting = await zlibInflater(huge);
    expect(trusting).toBeDefined();
    expect(failure(() => parseEpub(huge, trusting))).toMatch(/MiB allowed/u);
  });

  it('leaves to the archive what is not a zip, a truncated one and one with too many entries', async () => {
    expect(await zlibInflater(strToU8('这不是压缩包'))).toBeUndefined();
    const bytes = buildEpub(BOOK);
    expect(await zlibInflater(bytes.subarray(0, bytes.length >> 1))).toBeUndefined();
    const many: Record<string, string> = {};
    for (let i = 0; i <= MAX_ENTRIES; i++) many[`OEBPS/x/${i}.txt`] = '';
    const crowded = buildEpub({ ...BOOK, extra: many });
    expect(await zlibInflater(crowded)).toBeUndefined();
    expect(failure(() => parseEpub(crowded))).toMatch(/more than 10000 entries/u);
  });

  it('either reads or refuses with an EpubError, whatever bytes are changed or cut', async () => {
    const good = buildEpub(BOOK);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), fc.option(fc.nat(good.length), { nil: undefined }), async (changes, cut) => {
        const bytes = good.slice(0, cut ?? good.length);
        for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
        const inflater = await zlibInflater(bytes);
        try {
          parseEpub(bytes, inflater);
        } catch (error) {
          expect(error).toBeInstanceOf(EpubError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
