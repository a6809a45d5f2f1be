/**
 * The shelf's benchmark (`npm run bench`, alone: `node bench/run.mjs --shelf-only`): a generated
 * library of 50 novels (~3 MB each by default; `--novels N`, `--novel-mb M`), listed and searched by
 * the built yuedu. Measured in one run, so the ratios hold on a shared machine:
 *   - `yuedu shelf --json DIR` with an empty cache (every novel read once) and again with it warm;
 *   - `yuedu DIR` in a pseudo-terminal: spawn to the shelf's first screen (`书架 … 50 texts`), warm,
 *     beside the bundled interview's first screen (`yuedu --interview`) as the yardstick;
 *   - `yuedu search QUERY DIR` over every novel the first time (no search index cached: every novel
 *     read, indexed and its index written) and again with the indexes cached: with `--json` (every
 *     hit, written at the end) and as a person sees it (five hits a text, best first, written once all are
 *     searched), where the first bytes are timed against the budget (1 s) as well as the whole answer; and
 *     `yuedu search QUERY` on one novel as the yardstick;
 *   - a pinyin query over every novel, once reading the pinyin (and keeping it with each index), once
 *     with the readings kept.
 * Writes bench/out/shelf.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, startTerminal, YUEDU_BIN } from '../test/helpers/terminal.js';
import { corpusTexts } from './corpus.js';
import { median as medianOf } from './stats.js';

const median = (values: readonly number[]): number => medianOf(values) ?? Number.NaN;

const OUT = join(REPO_ROOT, 'bench', 'out');
const PARAGRAPHS_PER_MB = 13_000;
const PER_CHAPTER = 300;
const QUERY = '集成电路';
const PINYIN_QUERY = 'jichengdianlu';
/** Issue 18: a cross-text search answers within 1 s once indexes are cached. */
const CACHED_SEARCH_BUDGET_MS = 1000;

export interface ShelfBenchOptions {
  novels?: number;
  novelMb?: number;
  runs?: number;
}

/** Writes the library once per size (the files are the same bytes on every run). */
function generateLibrary(novels: number, novelMb: number): string {
  const dir = join(OUT, `shelf-${novels}x${novelMb}mb`);
  if (existsSync(join(dir, 'done'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let n = 0; n < novels; n++) {
    const texts = corpusTexts({ paragraphs: Math.round(novelMb * PARAGRAPHS_PER_MB), seed: 1000 + n });
    const lines = [`第${n + 1}部小说`, `作者：作者${n + 1}`, ''];
    texts.forEach((text, i) => {
      if (i % PER_CHAPTER === 0) lines.push(`第${i / PER_CHAPTER + 1}章 章名${i / PER_CHAPTER + 1}`, '');
      lines.push(`　　${text}`);
    });
    writeFileSync(join(dir, `novel-${String(n + 1).padStart(2, '0')}.txt`), `${lines.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'done'), '');
  return dir;
}

function timed(args: string[], env: NodeJS.ProcessEnv): number {
  // Output to /dev/null opened write-only, as a shell's `> /dev/null` does: Node's 'ignore' opens it
  // read-write, which is how yuedu recognises a standard output that was closed (exit 74).
  const sink = openSync('/dev/null', 'w');
  const started = performance.now();
  const result = spawnSync(process.execPath, [YUEDU_BIN, ...args], { env, stdio: ['ignore', sink, 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  closeSync(sink);
  if (result.status !== 0) throw new Error(`yuedu ${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 300)}`);
  return ms;
}

/** Spawn to the first bytes on standard output (a pipe), and to the exit. */
function streamed(args: string[], env: NodeJS.ProcessEnv): Promise<{ first: number; all: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first = Number.NaN;
    const child = spawn(process.execPath, [YUEDU_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => {
      if (Number.isNaN(first)) first = performance.now() - started;
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`yuedu ${args.join(' ')} exited ${code}: ${stderr.slice(0, 300)}`));
      else resolve({ first, all: performance.now() - started });
    });
  });
}

async function firstScreen(args: string[], env: Record<string, string>, probe: RegExp): Promise<number> {
  const term = await startTerminal({ cols: 120, rows: 40, args, env });
  try {
    await term.waitFor((t) => probe.test(t.screen()), { timeout: 120_000 });
    return term.lastOutputAt - term.startedAt;
  } finally {
    await term.dispose();
  }
}

export async function shelfBenchmark({ novels = 50, novelMb = 3, runs = 3 }: ShelfBenchOptions = {}): Promise<void> {
  const library = generateLibrary(novels, novelMb);
  const home = join(OUT, 'shelf-home');
  rmSync(home, { recursive: true, force: true });
  const env = { XDG_STATE_HOME: join(home, 'state'), XDG_CACHE_HOME: join(home, 'cache') };
  const full = { ...process.env, ...env };
  const cold = timed(['shelf', '--json', library], full);
  // The first search across the novels builds and caches every index (the shelf listing above
  // already knows their content keys, as a shelf that was shown does).
  const searchFirst = timed(['search', '--json', QUERY, library], full);
  const warm: number[] = [];
  const screen: number[] = [];
  const interview: number[] = [];
  const many: number[] = [];
  const plain: number[] = [];
  const plainFirst: number[] = [];
  const one: number[] = [];
  // From the second run on, the interview opened by the yardstick has a record: one text more.
  const probe = new RegExp(`书架 Shelf\\s+(${novels}|${novels + 1}) texts`);
  for (let run = 0; run < runs; run++) {
    warm.push(timed(['shelf', '--json', library], full));
    screen.push(await firstScreen([library], env, probe));
    interview.push(await firstScreen(['--interview'], env, /\d+\/~?\d+ \d+%/));
    many.push(timed(['search', '--json', QUERY, library], full));
    // What a person sees: five hits a text, each text written once searched (`--json` writes every
    // hit, 66,645 of them here, once all are searched).
    const seen = await streamed(['search', QUERY, library], full);
    plainFirst.push(seen.first);
    plain.push(seen.all);
    one.push(timed(['search', '--json', QUERY, join(library, 'novel-01.txt')], full));
  }
  // Once: reading fifty novels' pinyin takes tens of seconds.
  const pinyinFirst = await streamed(['search', PINYIN_QUERY, library], full);
  const pinyinKept = await streamed(['search', PINYIN_QUERY, library], full);
  const result = {
    date: new Date().toISOString(),
    // The machine is shared: what else ran says how far the figures are to be taken.
    loadAverage: loadavg(),
    library: { novels, novelMb, path: library },
    ms: {
      listCold: cold,
      listWarm: median(warm),
      shelfFirstScreen: median(screen),
      interviewFirstScreen: median(interview),
      searchAllFirstTime: searchFirst,
      searchAllCached: median(many),
      searchAllCachedFirst: median(plainFirst),
      searchAllCachedPlain: median(plain),
      searchOne: median(one),
      pinyinFirstTime: pinyinFirst.all,
      pinyinKeptFirst: pinyinKept.first,
      pinyinKept: pinyinKept.all,
    },
    ratios: {
      'shelf screen / interview screen': median(screen) / median(interview),
      'search all cached, first / budget 1 s': median(plainFirst) / CACHED_SEARCH_BUDGET_MS,
      'search all cached, plain / budget 1 s': median(plain) / CACHED_SEARCH_BUDGET_MS,
      'search all cached / search one': median(many) / median(one),
      'search all first / cached': searchFirst / median(many),
    },
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'shelf.json'), `${JSON.stringify(result, null, 2)}\n`);
  const load = result.loadAverage.map((n) => n.toFixed(2)).join(' ');
  const rows = Object.entries(result.ms).map(([name, ms]) => `  ${name.padEnd(22)} ${ms.toFixed(0).padStart(8)} ms${name === 'searchAllCachedFirst' ? `   (budget ${CACHED_SEARCH_BUDGET_MS} ms)` : ''}`);
  const ratios = Object.entries(result.ratios).map(([name, r]) => `  ${name.padEnd(32)} ${r.toFixed(2)}`);
  process.stdout.write(`\nShelf: ${novels} novels of ~${novelMb} MB (medians of ${runs}; load average ${load})\n${rows.join('\n')}\n${ratios.join('\n')}\nJSON: ${join(OUT, 'shelf.json')}\n`);
}
