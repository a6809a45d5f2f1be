/**
 * A text's search index for a search across texts, from the cache when it holds one
 * (`src/storage/search-cache.ts`), else built from the text and cached for next time.
 *
 * The cache is keyed by content, and finding a text's key needs no reading: the shelf's file cache
 * knows it by path, size and modification time (`shelf-cache.ts`). So a text searched before is
 * neither read nor parsed nor folded: its index file is opened, and the parts a query needs are read,
 * checked and searched. A text the file cache does not know, or whose index is missing or bad, is
 * loaded, and its corpus and postings are built at once (a search across texts needs both sooner or
 * later) and written.
 *
 * A part read during a search (the text as written, for a hit) may turn out damaged then: the search
 * throws, and the caller calls `discard` and opens the text again with `rebuild`.
 */
import pkg from '../../../package.json' with { type: 'json' };
import { statSync } from 'node:fs';
import type { Document } from '../../core/document/types.js';
import type { SearchIndex } from '../../core/search/types.js';
import type { BuiltIndex } from '../../core/search/serial.js';
import { FORMAT_VERSION } from '../../storage/search-cache.js';
import { SOURCES_ID } from '../../storage/build-id.js';
import type { IndexFile, SearchCache } from '../../storage/search-cache.js';
import type { FileCache } from '../../storage/shelf-cache.js';
import { metaOf } from './shelf.js';

/** What wrote an index: another build of yuedu may parse, fold or lay out differently (see build-id.ts). */
export const BUILD_STAMP = `yuedu ${pkg.version} f${FORMAT_VERSION} ${SOURCES_ID}`;

export interface IndexCaches {
  search: SearchCache;
  files: FileCache;
}

export interface TextIndex {
  title: string;
  index: SearchIndex;
  /** Whether it came from the cache. */
  cached: boolean;
  /** Done with it: its index file is closed (and, read with `reuse`, its memory given to the next). */
  close(): void;
  /** Its index file was inconsistent: removed, so that the next open rebuilds it. */
  discard(): void;
  /**
   * Keeps the pinyin readings a search read in full (seconds of work on a novel) in the index file,
   * so the next pinyin query over the text reads them instead; before `close`.
   */
  keep(): void;
}

export interface OpenTextOptions {
  /** Parts are read into memory the next text reuses: the index is not to be used after `close`. */
  reuse?: boolean;
  /** Never from the cache: built from the text and written again (the cached one was bad). */
  rebuild?: boolean;
}

const NOTHING = (): void => undefined;

function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function openTextIndex(path: string, load: (path: string) => Promise<Document>, caches: IndexCaches | undefined, options: OpenTextOptions = {}): Promise<TextIndex> {
  const [{ createSearchIndex }, { deserialise, serialise, serialiseReadings, PART }] = await Promise.all([import('../../core/search/index.js'), import('../../core/search/serial.js')]);
  /** Told of readings read in full, and writes them with `parts` (read when needed) once asked to keep them. */
  const keeper = (key: string, corpus: BuiltIndex['corpus'], parts: () => Uint8Array[]): (() => void) => {
    let read: readonly Uint16Array[] | undefined;
    corpus.readings = { ...corpus.readings, built: (ids) => (read = ids) };
    return () => {
      if (read === undefined || !caches) return;
      try {
        const all = parts();
        if (all.length === PART.pinyin) caches.search.write(key, [...all, serialiseReadings(read)]);
      } catch {
        // A part turned out damaged: the file is gone, and rebuilt with the next search.
      }
      read = undefined;
    };
  };
  const fromCache = (key: string): TextIndex | undefined => {
    if (options.rebuild) return undefined;
    const file: IndexFile | undefined = caches?.search.openIndex(key, { reuse: options.reuse ?? false });
    if (file === undefined) return undefined;
    try {
      const built = deserialise({ count: file.parts, part: (part) => file.part(part) });
      const keep = keeper(key, built.corpus, () => Array.from({ length: file.parts }, (_, i) => file.part(i)));
      return { title: built.corpus.title, index: createSearchIndex(built), cached: true, close: () => file.close(), discard: () => file.discard(), keep };
    } catch {
      // Whole (the checksums held) but not what this yuedu reads: rebuilt and rewritten below.
      file.discard();
      file.close();
      return undefined;
    }
  };
  let info: { size: number; mtimeMs: number } | undefined;
  if (caches) {
    try {
      info = statSync(path);
      const meta = caches.files.get(path, info.size, info.mtimeMs);
      const known = meta && fromCache(meta.key);
      if (known) return known;
    } catch {
      // Left for the loader, whose message says what is wrong with the file.
    }
  }
  const doc = await load(path);
  if (!caches) return { title: doc.title, index: createSearchIndex(doc), cached: false, close: NOTHING, discard: NOTHING, keep: NOTHING };
  const meta = metaOf(doc);
  if (info) caches.files.set(path, info.size, info.mtimeMs, meta);
  const known = fromCache(meta.key);
  if (known) return { ...known, title: doc.title };
  const [{ buildCorpus }, { buildPostings }] = await Promise.all([import('../../core/search/corpus.js'), import('../../core/search/postings.js')]);
  const corpus = finish(buildCorpus(doc, { folded: 0, total: 0 }));
  const built: BuiltIndex = { corpus, postings: finish(buildPostings(corpus)) };
  const parts = serialise(built);
  caches.search.write(meta.key, parts);
  const keep = keeper(meta.key, corpus, () => parts);
  return { title: doc.title, index: createSearchIndex(built), cached: false, close: NOTHING, discard: NOTHING, keep };
}
