/**
 * What built this yuedu, for the caches that keep what a text parses to (search indexes, the shelf's
 * file descriptions): a hash of every source file under `src/`, by path and content. The version in
 * package.json does not change with every change to the parser or the folding, and an index kept from
 * another build would give hits at references that no longer name the same paragraphs; a new build
 * rebuilds them once instead.
 *
 * `build.mjs` computes it and writes it into the bundle (`__YUEDU_SOURCES__`); run from the sources (the
 * tests), it is computed here from the same files, so a test and the bundle built from one tree agree.
 * Plain Node code without types to strip beyond annotations: build.mjs imports this file as it is.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __YUEDU_SOURCES__: string | undefined;

/** Hex digits kept: enough to tell builds apart, short enough for an index file's 40-byte stamp. */
const DIGITS = 12;

/** The hash of the files under `root`/src, in path order. */
export function sourcesId(root: string): string {
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = (readdirSync(src, { recursive: true, withFileTypes: true }) as { name: string; parentPath: string; isFile(): boolean }[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${relative(src, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, DIGITS);
}

/** This build's id (see the module comment). */
export const SOURCES_ID: string = typeof __YUEDU_SOURCES__ === 'string' ? __YUEDU_SOURCES__ : sourcesId(fileURLToPath(new URL('../..', import.meta.url)));
