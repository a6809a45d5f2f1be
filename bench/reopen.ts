/**
 * The novel's first frame as a reader meets it with yuedu's state on (the terminal benchmark runs with
 * `YUEDU_STATE=off`): opened for the first time (nothing kept: decoded, parsed, its content hashed), and
 * opened again (its parsed text read from the cache of src/cli/document-cache.ts, written by the first
 * open). The two interleaved, each with a state and a cache folder of its own; medians of `runs`.
 * Alone: `node bench/run.mjs --reopen-only`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureRun, type BenchDocument, type Size } from './measure.js';
import type { Program } from './programs.js';
import { median } from './stats.js';

export interface ReopenResult {
  firstFrameMs: { first?: number; again?: number };
}

export async function reopenBenchmark(yuedu: Program, novel: BenchDocument, runs: number, size: Size): Promise<ReopenResult> {
  const times = { first: [] as number[], again: [] as number[] };
  for (let run = 0; run < runs; run++) {
    const home = mkdtempSync(join(tmpdir(), 'yuedu-bench-reopen-'));
    try {
      const program = { ...yuedu, env: { ...yuedu.env, XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') } };
      for (const kind of ['first', 'again'] as const) {
        const result = await measureRun(program, novel, size, []);
        if (result.firstFrameMs !== undefined) times[kind].push(result.firstFrameMs);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  return { firstFrameMs: { first: median(times.first), again: median(times.again) } };
}

export function reopenLine(result: ReopenResult): string {
  const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
  return `novel.txt first frame with state on: first open ${ms(result.firstFrameMs.first)}, opened again ${ms(result.firstFrameMs.again)} (budget 300 ms)`;
}
