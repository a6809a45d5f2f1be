/**
 * `npm run bench`: yuedu, less and the minimal Ink reader (as it is and bundled) on the same documents and sizes, in a
 * real pseudo-terminal read through a terminal emulator. Prints a table per document and size and
 * writes bench/out/results.json. Figures are medians; on a shared machine the ratios, measured in
 * the same run with the programs interleaved, are what count.
 * Then runs the search engine's benchmark (bench/search.ts) in a process of its own.
 * Then a 5 MB EPUB's first frame against the same text as TXT (bench/formats.ts; alone: --formats-only).
 * Then the novel's first frame with state on, opened first and again (bench/reopen.ts; alone: --reopen-only).
 * Then `t` (the script shown) on the 10 MB texts beside `j` (bench/script.ts; alone: --script-only).
 * Options: --quick (one run each), --runs N (default 5; keys are measured in the first 3),
 * --search-only (`npm run bench:search`); --document NAME (only interview.txt, large.txt or novel.txt, and
 * no other benchmark: a quick check of one document); --corpus, --paragraphs, --limit are the search benchmark's;
 * --memory-only: the peak memory of print, wrap, toc and the reader on the shapes of bench/memory.ts.
 * then the shelf's (bench/shelf.ts; alone: --shelf-only, with --novels N and --novel-mb M).
 */
import type { ReopenResult } from './reopen.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../test/helpers/terminal.js';
import { formatsBenchmark, formatsLine, type FormatsResult } from './formats.js';
import { memoryBenchmark } from './memory.js';
import { measureRun, type BenchDocument, type RunResult, type Size } from './measure.js';
import { PROGRAMS, bundleMinimalInk, isAvailable, type Program } from './programs.js';
import { formatTable, type CaseResult } from './report.js';
import { SCENARIOS } from './scenarios.js';
// @ts-expect-error: a JavaScript module run by Node as it is, without types.
import { NOVEL_TITLE } from './gen-novel.mjs';
import { metricLabels, ratios, summarise } from './summary.js';

const OUT = join(REPO_ROOT, 'bench', 'out');
const SIZES: readonly Size[] = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 40 },
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'search-only': { type: 'boolean', default: false },
    'formats-only': { type: 'boolean', default: false },
    'reopen-only': { type: 'boolean', default: false },
    'memory-only': { type: 'boolean', default: false },
    'shelf-only': { type: 'boolean', default: false },
    'script-only': { type: 'boolean', default: false },
    novels: { type: 'string' },
    'novel-mb': { type: 'string' },
    corpus: { type: 'string' },
    paragraphs: { type: 'string' },
    limit: { type: 'string' },
    document: { type: 'string' },
  },
});
const runs = values.runs ? Number(values.runs) : values.quick ? 1 : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs needs a positive integer, got ${values.runs}`);
/** Keys are pressed in the first runs only: each gives dozens of key samples, and time is short. */
const keyRuns = Math.min(runs, 3);

if (values['formats-only']) await formatsOnly();
else if (values['reopen-only']) await reopenOnly();
else if (values['script-only']) await scriptOnly();
else if (values['memory-only']) await memoryBenchmark();
else {
  if (!values['search-only'] && !values['shelf-only']) await terminalBenchmark();
  // One document is a quick check of the terminal scenarios: the other benchmarks are left out.
  const all = values.document === undefined;
  if (!values['shelf-only'] && all) await searchBenchmark();
  if (!values['search-only'] && !values['shelf-only'] && all) await memoryBenchmark();
  if (!values['search-only'] && all) {
    const { shelfBenchmark } = await import('./shelf.js');
    await shelfBenchmark({
      ...(values.novels === undefined ? {} : { novels: Number(values.novels) }),
      ...(values['novel-mb'] === undefined ? {} : { novelMb: Number(values['novel-mb']) }),
      runs: Math.min(runs, 3),
    });
  }
}

/** `t` on the 10 MB texts beside `j` (bench/script.ts); also part of the full run. */
async function scriptOnly(): Promise<void> {
  const yuedu = PROGRAMS.find((program) => program.name === 'yuedu');
  if (!yuedu) return;
  const large = join(OUT, 'large.txt');
  const novel = join(OUT, 'novel.txt');
  if (spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'gen-large.mjs'), large], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('bench/gen-large.mjs failed');
  if (spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'gen-novel.mjs'), novel], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('bench/gen-novel.mjs failed');
  const docs = [documentAt(large), { name: 'novel.txt', path: novel, probe: NOVEL_TITLE as string }];
  const { scriptBenchmark, scriptLines } = await import('./script.js');
  const results = await scriptBenchmark(yuedu, docs, keyRuns, SIZES[1] as Size);
  process.stdout.write(`\n${scriptLines(results)}\n`);
}

/** The novel's first frame opened for the first time and again, with state on (bench/reopen.ts); also part of the full run. */
async function reopenOnly(): Promise<ReopenResult | undefined> {
  const yuedu = PROGRAMS.find((program) => program.name === 'yuedu');
  if (!yuedu) return undefined;
  const novel = join(OUT, 'novel.txt');
  if (spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'gen-novel.mjs'), novel], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) throw new Error('bench/gen-novel.mjs failed');
  const { reopenBenchmark, reopenLine } = await import('./reopen.js');
  const result = await reopenBenchmark(yuedu, { name: 'novel.txt', path: novel, probe: NOVEL_TITLE as string }, runs, SIZES[0] as Size);
  process.stdout.write(`\n${reopenLine(result)}\n`);
  return result;
}

/** The EPUB's first frame against the same text as TXT (bench/formats.ts); also part of the full run. */
async function formatsOnly(): Promise<FormatsResult | undefined> {
  const yuedu = PROGRAMS.find((program) => program.name === 'yuedu');
  if (!yuedu) return undefined;
  mkdirSync(OUT, { recursive: true });
  const result = await formatsBenchmark(yuedu, OUT, runs, SIZES[0] as Size);
  process.stdout.write(`\n${formatsLine(result)}\n`);
  return result;
}

async function terminalBenchmark(): Promise<void> {
  const generated = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'gen-large.mjs'), join(OUT, 'large.txt')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (generated.status !== 0) throw new Error('bench/gen-large.mjs failed');
  const novel = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'gen-novel.mjs'), join(OUT, 'novel.txt')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (novel.status !== 0) throw new Error('bench/gen-novel.mjs failed');
  await bundleMinimalInk();
  const documents = [join(REPO_ROOT, 'content', 'interview.txt'), join(OUT, 'large.txt')].map(documentAt);
  // The GBK novel: yuedu reads it as it is; less and the Ink reader, which cannot decode GBK, its UTF-8
  // copy. Its first line is a site line, the first frame shows its title.
  const novelPath = join(OUT, 'novel.txt');
  const utf8Path = join(OUT, 'novel-utf8.txt');
  writeFileSync(utf8Path, new TextDecoder('gbk').decode(readFileSync(novelPath)));
  documents.push({ name: 'novel.txt', path: novelPath, utf8Path, probe: NOVEL_TITLE });
  const only = values.document;
  if (only !== undefined) documents.splice(0, documents.length, ...documents.filter((doc) => doc.name === only));

  const programs = PROGRAMS.filter(isAvailable);
  const missing = PROGRAMS.filter((program) => !programs.includes(program)).map((program) => program.name);
  if (missing.length > 0) process.stderr.write(`not installed, left out: ${missing.join(', ')}\n`);

  const scenarioNames = SCENARIOS.map((scenario) => scenario.name);
  const labels = metricLabels(scenarioNames);
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const cases: CaseResult[] = [];
  for (const doc of documents) {
    for (const size of SIZES) {
      const results = await measureCase(programs, doc, size);
      const summaries = programs.map((program) => summarise(program.name, results.get(program) ?? [], scenarioNames));
      const byName = (name: string) => summaries.find((summary) => summary.program === name);
      const result: CaseResult = {
        document: doc.name,
        size: `${size.cols}x${size.rows}`,
        programs: summaries,
        ratios: {
          'yuedu/less': ratios(byName('yuedu'), byName('less')),
          'yuedu/minimal-ink': ratios(byName('yuedu'), byName('minimal-ink')),
          'yuedu/bundled': ratios(byName('yuedu'), byName('minimal-ink-bundled')),
        },
      };
      cases.push(result);
      process.stdout.write(`\n${formatTable(result, labels)}\n`);
    }
  }

  const formats = await formatsOnly();
  const reopen = values.document === undefined || values.document === 'novel.txt' ? await reopenOnly() : undefined;
  if (values.document === undefined) await scriptOnly();
  mkdirSync(OUT, { recursive: true });
  const machine = { cpu: cpus()[0]?.model, cores: cpus().length, loadAverage: { start: loadAtStart, end: loadavg() }, node: process.version, platform: process.platform };
  const report = { date: startedAt.toISOString(), seconds: (Date.now() - startedAt.getTime()) / 1000, machine, runs, keyRuns, scenarios: SCENARIOS, cases, formats, reopen };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${report.seconds.toFixed(0)} s; JSON: ${join(OUT, 'results.json')}\n`);
}

/** bench/search.ts, bundled: the engine uses `const enum`, which Node's type stripping cannot run. */
async function searchBenchmark(): Promise<void> {
  const bundle = join(OUT, 'search.mjs');
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(REPO_ROOT, 'bench', 'search.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  // A process of its own: the terminal benchmark's heap and timers must not disturb its clock.
  const { corpus, paragraphs, limit } = values;
  const options = Object.entries({ corpus, paragraphs, limit }).flatMap(([name, value]) => (value === undefined ? [] : [`--${name}`, value]));
  const searched = spawnSync(process.execPath, [bundle, ...options], { stdio: 'inherit' });
  if (searched.status !== 0) throw new Error('bench/search.ts failed');
}

/** Runs every program `runs` times, interleaved so machine noise falls on all of them alike. */
async function measureCase(programs: readonly Program[], doc: BenchDocument, size: Size): Promise<Map<Program, RunResult[]>> {
  const results = new Map<Program, RunResult[]>(programs.map((program) => [program, []]));
  for (let run = 0; run < runs; run++) {
    for (const program of programs) {
      const previous = results.get(program) ?? [];
      // A program that showed no first frame (it exits, say) will not show one next time either.
      if (previous.some((result) => result.firstFrameMs === undefined)) continue;
      progress(`${doc.name} ${size.cols}x${size.rows}: run ${run + 1}/${runs} ${program.name}`);
      previous.push(await measureRun(program, doc, size, run < keyRuns ? SCENARIOS : []));
    }
  }
  progress('');
  return results;
}

function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${message}`);
}

function documentAt(path: string): BenchDocument {
  const firstLine = readFileSync(path, 'utf8').slice(0, 200).split('\n')[0] ?? '';
  return { name: path.slice(path.lastIndexOf('/') + 1), path, probe: [...firstLine].slice(0, 6).join('') };
}
