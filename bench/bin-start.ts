/**
 * How the bin starts Node, read from its first line (`#!/usr/bin/env -S NAME=value … node --flag …`):
 * the benchmarks that start Node themselves (to read a command's peak, or one shape's) start it the same
 * way, from this one source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bin/yuedu.js, looked for upwards from here: this module also runs bundled into bench/out/. */
function binPath(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const bin = join(dir, 'bin', 'yuedu.js');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) throw new Error('bin/yuedu.js not found above bench/');
  }
}

const words = readFileSync(binPath(), 'utf8').split('\n')[0]!.replace(/^#!\/usr\/bin\/env -S /u, '').split(/\s+/u);
const node = words.indexOf('node');

/** The variables the bin sets (`MALLOC_ARENA_MAX`, `GLIBC_TUNABLES`). */
export const BIN_ENV: Record<string, string> = Object.fromEntries(words.slice(0, node).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]));
/** The flags the bin gives Node. */
export const BIN_NODE_FLAGS: readonly string[] = words.slice(node + 1);
