import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { REPO_ROOT, YUEDU_BIN } from '../test/helpers/terminal.js';

export type ProgramName = 'yuedu' | 'less' | 'minimal-ink' | 'minimal-ink-bundled';

/** A reader the benchmark starts on a file. */
export interface Program {
  name: ProgramName;
  command: string;
  args(file: string): string[];
  /** Added to the benchmark's environment (a user's terminal: TERM, LANG, no CI). */
  env: Record<string, string | undefined>;
}

const MINIMAL_INK_READER = join(REPO_ROOT, 'bench', 'minimal-ink-reader.mjs');
/** The same reader bundled for production, as the issue measured it too (~205 ms to its first frame there, ~395 ms unbundled). */
export const MINIMAL_INK_BUNDLE = join(REPO_ROOT, 'bench', 'out', 'minimal-ink', 'minimal-ink-reader.js');

export const PROGRAMS: readonly Program[] = [
  // By its first line, as a user starts it: that line carries a Node flag that bounds its memory.
  { name: 'yuedu', command: YUEDU_BIN, args: (file) => [file], env: {} },
  // LESSHISTFILE=-: no history file written by a benchmark.
  { name: 'less', command: 'less', args: (file) => [file], env: { LESSHISTFILE: '-' } },
  // Production React, as yuedu's bundle uses: the comparison is about architecture, not dev builds.
  { name: 'minimal-ink', command: process.execPath, args: (file) => [MINIMAL_INK_READER, file], env: { NODE_ENV: 'production' } },
  { name: 'minimal-ink-bundled', command: process.execPath, args: (file) => [MINIMAL_INK_BUNDLE, file], env: {} },
];

/** Bundles the minimal Ink reader as yuedu's build bundles yuedu: one file, production React, minified. */
export async function bundleMinimalInk(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [MINIMAL_INK_READER],
    outdir: dirname(MINIMAL_INK_BUNDLE),
    bundle: true,
    // Split, as yuedu's build is: Ink's devtools (and react-devtools-core, not installed) stay behind a dynamic import.
    splitting: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  });
}

/** True when the program can be started here (`less` may be missing). */
export function isAvailable(program: Program): boolean {
  return program.command === process.execPath || program.command === YUEDU_BIN || spawnSync(program.command, ['--version']).status === 0;
}
