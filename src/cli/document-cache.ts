/**
 * Texts opened before, kept parsed: under `$XDG_CACHE_HOME/yuedu/documents/`, one file per text, Markdown
 * or EPUB file as it was (its path, size, times and inode, its format and the options that change what it
 * parses to), holding
 * `src/core/document/serial.ts`'s parts in the search cache's checked file format. Reopening a novel to
 * go on reading, the common case, then skips decoding and parsing, most of the first frame (a 10 MB
 * GB18030 novel: ~300 ms of work becomes a read of its parts).
 *
 * A file that changed has another size or time and so another key: it is parsed again, and the old
 * entry ages out (the folder is capped, least recently used first). Only a reader that has drawn its
 * first frame writes an entry (`keepDocument`), so the plain commands never pay for writing one;
 * they read one when it is there. A text under a megabyte is never kept: it parses in a few
 * milliseconds; nor one over 16 MiB (see {@link KEEP_UP_TO_BYTES}). Nothing here throws: a cache that cannot be read or written is no cache.
 */
import { basename, join } from 'node:path';
import { realpathSync, statSync, type Stats } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { DOCUMENT_FORMAT, deserialiseDocument, serialiseDocument } from '../core/document/serial.js';
import type { Document, Format } from '../core/document/types.js';
import { SOURCES_ID } from '../storage/build-id.js';
import { cacheDirectory } from '../storage/cache-dir.js';
import { documentKey, rememberDocumentKey } from '../storage/record.js';
import { SearchCache } from '../storage/search-cache.js';
import type { TextArgs } from './formats.js';
import { KEEP_FROM_BYTES, KEEP_UP_TO_BYTES, whenClosed } from './kept.js';

export { KEEP_FROM_BYTES, KEEP_UP_TO_BYTES } from './kept.js';
/** Parsed texts kept, in bytes (a 10 MB novel's entry is about 13 MB). */
const MAX_BYTES = 256 * 1024 * 1024;
const STAMP = `yuedu ${pkg.version} d${DOCUMENT_FORMAT} ${SOURCES_ID}`;

/** The file as it was read, for the entry written later: its key is taken before reading. */
const keys = new WeakMap<Document, string>();

function cache(env: NodeJS.ProcessEnv): SearchCache | undefined {
  const base = cacheDirectory(env);
  return base === undefined ? undefined : SearchCache.open({ stamp: STAMP, env, folder: join(base, 'documents'), maxBytes: MAX_BYTES });
}

/** The entry's key for `path` as it is now, or undefined (not a file, too small, gone). */
function keyOf(path: string, format: Format, args: TextArgs, keepFrom: number): string | undefined {
  let info: Stats;
  let real: string;
  try {
    real = realpathSync(path);
    info = statSync(real);
  } catch {
    return undefined;
  }
  if (!info.isFile() || info.size < keepFrom || info.size > KEEP_UP_TO_BYTES) return undefined;
  const identity = [format, real, basename(path), info.size, info.mtimeMs, info.ctimeMs, info.ino, info.dev, args.encoding ?? '', String(args.chapter ?? ''), String(args.volume ?? '')];
  // node:crypto is loaded on first use: ~7 ms of a long novel's first frame.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

export interface CachedText {
  /** The document kept for the file, when there is one and it is whole. */
  doc?: Document;
  /** Hands the document parsed from the file to {@link keepDocument} (its key taken before the file was read). */
  parsed(doc: Document): Document;
}

/**
 * Looks up `path` (a text file, read with `args`) before it is read: the document kept for it, or a
 * way to mark the one about to be parsed for keeping.
 */
export function cachedText(path: string, format: Format, args: TextArgs, env: NodeJS.ProcessEnv = process.env, keepFrom = KEEP_FROM_BYTES): CachedText {
  // With no cache (`YUEDU_STATE=off`) the file is not even looked at.
  const key = cacheDirectory(env) === undefined ? undefined : keyOf(path, format, args, keepFrom);
  const store = key === undefined ? undefined : cache(env);
  const parsed = (doc: Document): Document => {
    if (key !== undefined) {
      keys.set(doc, key);
      whenClosed(doc, () => keepDocument(doc, env));
    }
    return doc;
  };
  if (key === undefined || store === undefined) return { parsed };
  const parts = store.read(key);
  if (!parts) return { parsed };
  try {
    const { doc, key: contentKey } = deserialiseDocument(parts);
    // Its content key is known: the reader's state for it is found without hashing the text.
    rememberDocumentKey(doc.source, contentKey);
    return { doc, parsed };
  } catch {
    store.openIndex(key)?.discard();
    return { parsed };
  }
}

/**
 * Keeps `doc` (parsed from a file by way of {@link cachedText}) for the next time that file is
 * opened, unless it came from the cache or is not a text's. A warning when it could not be written.
 */
export function keepDocument(doc: Document, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const key = keys.get(doc);
  if (key === undefined) return undefined;
  keys.delete(doc);
  const store = cache(env);
  if (!store) return undefined;
  return store.write(key, serialiseDocument(doc, documentKey(doc.source)))?.replace('search index', 'parsed text');
}
