/**
 * A text's search index for a search across texts, from the cache when it holds one
 * (`src/storage/search-cache.ts`), else built from the text and cached for next time.
 *
 * The cache is keyed by content, and finding a text's key needs no reading: the shelf's file cache
 * knows it by path, size and modification time (`shelf-cache.ts`). So a text searched before is
 * neither read nor parsed nor folded: its index file is read, checked and searched. A text the file
 * cache does not know, or whose index is missing or bad, is loaded, and its corpus and postings are
 * built at once (a search across texts needs both sooner or later) and written.
 */
import pkg from '../../../package.json' with { type: 'json' };
import { statSync } from 'node:fs';
import type { Document } from '../../core/document/types.js';
import type { SearchIndex } from '../../core/search/types.js';
import type { BuiltIndex } from '../../core/search/serial.js';
import { FORMAT_VERSION } from '../../storage/search-cache.js';
import type { SearchCache } from '../../storage/search-cache.js';
import type { FileCache } from '../../storage/shelf-cache.js';
import { metaOf } from './shelf.js';

/** What wrote an index: another version of yuedu may fold or lay out differently. */
export const BUILD_STAMP = `yuedu ${pkg.version} f${FORMAT_VERSION}`;

export interface IndexCaches {
  search: SearchCache;
  files: FileCache;
}

export interface TextIndex {
  title: string;
  index: SearchIndex;
  /** Whether it came from the cache. */
  cached: boolean;
}

function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function openTextIndex(path: string, load: (path: string) => Promise<Document>, caches: IndexCaches | undefined): Promise<TextIndex> {
  const [{ createSearchIndex }, { deserialise, serialise }] = await Promise.all([import('../../core/search/index.js'), import('../../core/search/serial.js')]);
  const fromCache = (key: string): BuiltIndex | undefined => {
    const bytes = caches?.search.read(key);
    if (bytes === undefined) return undefined;
    try {
      return deserialise(bytes);
    } catch {
      // Whole (the checksum held) but not what this yuedu reads: rebuilt and rewritten below.
      return undefined;
    }
  };
  let info: { size: number; mtimeMs: number } | undefined;
  if (caches) {
    try {
      info = statSync(path);
      const meta = caches.files.get(path, info.size, info.mtimeMs);
      const built = meta && fromCache(meta.key);
      if (built) return { title: built.corpus.title, index: createSearchIndex(built), cached: true };
    } catch {
      // Left for the loader, whose message says what is wrong with the file.
    }
  }
  const doc = await load(path);
  if (!caches) return { title: doc.title, index: createSearchIndex(doc), cached: false };
  const meta = metaOf(doc);
  if (info) caches.files.set(path, info.size, info.mtimeMs, meta);
  const known = fromCache(meta.key);
  if (known) return { title: doc.title, index: createSearchIndex(known), cached: true };
  const [{ buildCorpus }, { buildPostings }] = await Promise.all([import('../../core/search/corpus.js'), import('../../core/search/postings.js')]);
  const corpus = finish(buildCorpus(doc, { folded: 0, total: 0 }));
  const built: BuiltIndex = { corpus, postings: finish(buildPostings(corpus)) };
  caches.search.write(meta.key, serialise(built));
  return { title: doc.title, index: createSearchIndex(built), cached: false };
}
