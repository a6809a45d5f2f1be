/**
 * An EPUB's entries inflated by Node's zlib rather than fflate's JavaScript inflate (a 5 MB book's text
 * in about a quarter of the time). The book is still read, listed and held to its limits by
 * `core/document/epub/archive.ts`; this only finds, with yauzl, where each entry's compressed data
 * starts (its local header), and inflates it into at most the size the archive declares.
 *
 * Anything this does not handle is left to fflate, entry by entry: a zip yauzl will not open (core then
 * says what is wrong with it), more entries than the limit, a name yauzl reads otherwise, a compression
 * other than deflate or none, an encrypted entry.
 */
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { MAX_ENTRIES, type EntryInflater } from '../core/document/epub/archive.js';

/** Entries a book never needs as text: their local headers are not looked up. */
const MEDIA = /\.(?:jpe?g|png|gif|webp|bmp|svg|ttf|otf|woff2?|mp3|m4a|mp4|ogg|css)$/iu;
const STORED = 0;
const DEFLATED = 8;

export async function zlibInflater(bytes: Uint8Array): Promise<EntryInflater | undefined> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts = new Map<string, number>();
  try {
    const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
    if (zip.entryCount > MAX_ENTRIES) {
      zip.close();
      return undefined;
    }
    for await (const entry of zip.eachEntry()) {
      if (MEDIA.test(entry.fileName) || entry.isEncrypted()) continue;
      if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) continue;
      starts.set(entry.fileName, (await zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart);
    }
  } catch {
    return undefined;
  }
  return (name, entry) => {
    const start = starts.get(name);
    if (start === undefined || entry.size < 0 || start + entry.size > buffer.length) return undefined;
    const data = buffer.subarray(start, start + entry.size);
    if (entry.compression === STORED) return entry.size === entry.originalSize ? new Uint8Array(data) : undefined;
    if (entry.compression !== DEFLATED) return undefined;
    if (entry.originalSize === 0) return new Uint8Array(0);
    // zlib stops with an error past the declared size: a lying header cannot make the entry grow. One
    // output buffer of that size (and a little, to see the end) rather than 16 KiB pieces joined.
    return inflateRawSync(data, { maxOutputLength: entry.originalSize, chunkSize: entry.originalSize + 64 });
  };
}
