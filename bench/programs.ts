import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, YUEDU_BIN } from '../test/helpers/terminal.js';

export type ProgramName = 'yuedu' | 'less' | 'minimal-ink';

/** A reader the benchmark starts on a file. */
export interface Program {
  name: ProgramName;
  command: string;
  args(file: string): string[];
  /** Added to the benchmark's environment (a user's terminal: TERM, LANG, no CI). */
  env: Record<string, string | undefined>;
}

const MINIMAL_INK_READER = join(REPO_ROOT, 'bench', 'minimal-ink-reader.mjs');

export const PROGRAMS: readonly Program[] = [
  // By its first line, as a user starts it: that line carries a Node flag that bounds its memory.
  { name: 'yuedu', command: YUEDU_BIN, args: (file) => [file], env: {} },
  // LESSHISTFILE=-: no history file written by a benchmark.
  { name: 'less', command: 'less', args: (file) => [file], env: { LESSHISTFILE: '-' } },
  // Production React, as yuedu's bundle uses: the comparison is about architecture, not dev builds.
  { name: 'minimal-ink', command: process.execPath, args: (file) => [MINIMAL_INK_READER, file], env: { NODE_ENV: 'production' } },
];

/** True when the program can be started here (`less` may be missing). */
export function isAvailable(program: Program): boolean {
  return program.command === process.execPath || program.command === YUEDU_BIN || spawnSync(program.command, ['--version']).status === 0;
}
