/**
 * What the cache of parsed texts (document-cache.ts) needs at start-up, without loading it: which files
 * it keeps, and the work a reader's close does for a document it parsed. The cache itself (its file
 * format, hashing, the serialiser) is loaded only for a file it may keep: the bundled interview and short
 * texts start without it.
 */
import { accessSync, constants, statSync } from 'node:fs';
import type { Document } from '../core/document/types.js';
import { cacheDirectory } from '../storage/cache-dir.js';

/** Texts smaller than this are parsed each time. */
export const KEEP_FROM_BYTES = 1024 * 1024;
/**
 * Nor larger than this: an entry is written as one buffer holding the text twice over (UTF-16), which for
 * a 60 MB book would pass issue 20's memory budget on the way out; a novel is a few megabytes.
 */
export const KEEP_UP_TO_BYTES = 16 * 1024 * 1024;

/**
 * Whether `path` names a file of a size the cache keeps, and one this user may read: a file made
 * unreadable since is refused as it would be uncached, not shown from the cache (false for anything it
 * cannot tell), and false when there is no cache to keep it in.
 */
export function mayKeep(path: string, keepFrom = KEEP_FROM_BYTES, env: NodeJS.ProcessEnv = process.env): boolean {
  // No cache (`YUEDU_STATE=off`): nothing to load it for.
  if (cacheDirectory(env) === undefined) return false;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size < keepFrom || info.size > KEEP_UP_TO_BYTES) return false;
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

const onClose = new WeakMap<Document, () => void>();

/** Asks for `work` when the reader that shows `doc` closes (see {@link closing}). */
export function whenClosed(doc: Document, work: () => void): void {
  onClose.set(doc, work);
}

/** The reader showing `doc` has closed: does what was asked for it, once. */
export function closing(doc: Document): void {
  const work = onClose.get(doc);
  onClose.delete(doc);
  work?.();
}
