/**
 * What terminals answered when asked how wide they draw ambiguous characters, by `TERM`, so the
 * question is asked once per terminal type, not at every start (over a slow link each asking costs up
 * to the probe's timeout). `none` remembers a terminal that did not answer: it is not asked again.
 * One small JSON file in the state folder's `terminals/`; anything wrong with it is as if nothing were
 * remembered.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { stateDirectory } from './paths.js';

export type TerminalAnswer = 1 | 2 | 'none';

/** In a folder of its own, apart from the texts' records. */
const FOLDER = 'terminals';
const FILE = 'ambiguous-width.json';
const MAX_BYTES = 64 * 1024;

function read(folder: string): Record<string, unknown> {
  const path = join(folder, FILE);
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_BYTES) return {};
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The remembered answer of terminals of type `term`, if any. */
export function rememberedAnswer(term: string, env: NodeJS.ProcessEnv = process.env): TerminalAnswer | undefined {
  const state = stateDirectory(env);
  if (!state) return undefined;
  const folder = join(state, FOLDER);
  const answer = read(folder)[term];
  return answer === 1 || answer === 2 || answer === 'none' ? answer : undefined;
}

/** Remembers `answer` for `term`; a failure to write only means asking again next time. */
export function rememberAnswer(term: string, answer: TerminalAnswer, env: NodeJS.ProcessEnv = process.env): void {
  const state = stateDirectory(env);
  if (!state) return;
  const folder = join(state, FOLDER);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const answers = read(folder);
    answers[term] = answer;
    writeFileAtomic(join(folder, FILE), `${JSON.stringify(answers, null, 2)}\n`);
  } catch {
    // Not remembered: the next start asks again.
  }
}
