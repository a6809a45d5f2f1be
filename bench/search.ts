/**
 * Search benchmark, the way the reader searches: `searchAsync` per keystroke (limit 1000, partial
 * answers while pinyin is still being read, the previous search aborted), `prepare()` in the
 * background, a 1 ms timer watching how long the event loop is kept busy.
 *
 *   npm run bench:search   (also the last part of `npm run bench`)
 *
 * Bundled by esbuild first: the engine uses `const enum`, which Node's type stripping cannot run.
 *
 * On the interview, then on bench/out/large.txt (~10 MB, ~100,000 paragraphs, made by
 * bench/gen-large.mjs when missing; `--corpus synthetic` uses bench/corpus.ts instead): Chinese, pinyin
 * and three-character typo queries typed a key at a time; then on a copy of it in traditional
 * characters (opencc-js), simplified queries; then the peak memory of a search on pathological shapes
 * of input (bench/search-memory.ts). Prints tables, and writes every figure to bench/out/search.json.
 * Options:
 *   --corpus large|synthetic   --paragraphs N (synthetic only, default 100000)   --limit N (default 1000)
 *   --no-memory (skip the shapes)   --memory (only the shapes)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/core/document/parse.js';
import type { Document } from '../src/core/document/types.js';
import { createSearchIndex, type SearchIndex } from '../src/core/search/index.js';
import { corpusDocument, prng } from './corpus.js';
import { measureShape, memoryShapes } from './search-memory.js';

// Run from source or from the bundle in bench/out: find the repository by its package.json.
let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(resolve(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
const out = resolve(root, 'bench', 'out');
const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const CORPUS = option('--corpus', 'large');
const PARAGRAPHS = Number(option('--paragraphs', '100000'));
const LIMIT = Number(option('--limit', '1000'));

interface Stats {
  count: number;
  median: number;
  p95: number;
  max: number;
}

const round = (x: number): number => Math.round(x * 10) / 10;

function stats(times: readonly number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { count: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
}

/** Milliseconds of CPU the main thread has used (the whole process's where Node cannot tell threads apart). */
function cpuMs(): number {
  const usage = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Watches the event loop with a 1 ms timer: the longest gap between two ticks is the longest block,
 * on the clock and in the main thread's CPU time. On a loaded machine the clock also counts the time
 * the scheduler left the process waiting; the CPU time counts only work (the search's, or garbage
 * collection's) done without a turn of the loop.
 */
class LoopWatch {
  private last = performance.now();
  private lastCpu = cpuMs();
  private longest = 0;
  private longestCpu = 0;
  private readonly timer = setInterval(() => this.tick(), 1);

  private tick(): void {
    const now = performance.now();
    const cpu = cpuMs();
    this.longest = Math.max(this.longest, now - this.last);
    this.longestCpu = Math.max(this.longestCpu, cpu - this.lastCpu);
    this.last = now;
    this.lastCpu = cpu;
  }

  /** The longest gaps since the last call, in ms: on the clock, and in CPU time. */
  take(): Block {
    this.tick();
    const block = { wall: round(this.longest), cpu: round(this.longestCpu) };
    this.longest = this.longestCpu = 0;
    return block;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

interface Block {
  wall: number;
  cpu: number;
}

const blockText = ({ wall, cpu }: Block): string => `${wall} ms (${cpu} ms of CPU)`;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Times of every prefix of every query, typed one character at a time, by prefix length. */
type ByLength = Map<number, number[]>;

async function typeQueries(index: SearchIndex, queries: readonly string[], limit: number): Promise<ByLength> {
  const byLength: ByLength = new Map();
  for (const query of queries) {
    const chars = Array.from(query);
    for (let n = 1; n <= chars.length; n++) {
      const start = performance.now();
      await index.searchAsync(chars.slice(0, n).join(''), { limit, partial: true });
      const list = byLength.get(n) ?? [];
      list.push(performance.now() - start);
      byLength.set(n, list);
      // A key later, as a typist would: background work gets its turn.
      await pause(5);
    }
  }
  return byLength;
}

function merge(...sources: ByLength[]): ByLength {
  const merged: ByLength = new Map();
  for (const source of sources) for (const [n, t] of source) merged.set(n, [...(merged.get(n) ?? []), ...t]);
  return merged;
}

function summarise(byLength: ByLength, from: number, to: number): { perLength: Record<string, Stats>; range: Stats } {
  const perLength: Record<string, Stats> = {};
  for (const n of [...byLength.keys()].sort((a, b) => a - b)) perLength[String(n)] = stats(byLength.get(n)!);
  return { perLength, range: stats([...byLength].filter(([n]) => n >= from && n <= to).flatMap(([, t]) => t)) };
}

function table(title: string, summary: { perLength: Record<string, Stats>; range: Stats }, rangeLabel: string, loop?: Block): void {
  console.log(`\n${title}`);
  console.log('  prefix      n   median ms    p95 ms    max ms');
  const row = (label: string, s: Stats): void =>
    console.log(`  ${label.padEnd(8)} ${String(s.count).padStart(4)} ${s.median.toFixed(1).padStart(11)} ${s.p95.toFixed(1).padStart(9)} ${s.max.toFixed(1).padStart(9)}`);
  for (const [n, s] of Object.entries(summary.perLength)) row(n, s);
  row(rangeLabel, summary.range);
  if (loop !== undefined) console.log(`  longest event-loop block while typing: ${blockText(loop)}`);
}

/** Chinese queries drawn from the document: runs of 2–6 characters, typos of some, and absent words. */
function chineseQueries(doc: Document): string[] {
  const random = prng(7);
  const paragraphs = doc.sections.flatMap((section) => section.paragraphs);
  const present: string[] = ['集成电路', '电子信息产业', '重庆', '笔电', '智能终端'];
  while (present.length < 40) {
    const text = paragraphs[Math.floor(random() * paragraphs.length)]!.text;
    const length = 2 + Math.floor(random() * 5);
    const start = Math.floor(random() * Math.max(1, text.length - length));
    const candidate = text.slice(start, start + length);
    if (/^[\u4e00-\u9fff]+$/.test(candidate) && candidate.length === length) present.push(candidate);
  }
  const typos = present.filter((q) => q.length >= 4).slice(0, 8).map((q) => `${q.slice(0, -2)}略${q.slice(-1)}`);
  return [...present, ...typos, '量子计算机', '区块链技术', '特斯拉汽车', '北京冬奥会', '元宇宙'];
}

/**
 * Three-character words of the interview (so of the large document, made of its clauses) with one
 * character wrong: a homophone (海力是, 英业打, 组合全, 大基今) or another character (物联冈).
 */
const TYPO_QUERIES = ['海力是', '英业打', '组合全', '大基今', '物联冈', '奥特丝'];

const PINYIN_QUERIES = ['chanye', 'jichengdianlu', 'zhineng', 'jcdl', 'cqrb', 'xinxi chanye', 'bidian', 'yanfa zhongxin', 'chongqing', 'dianzi', 'gongyinglian', 'zhzz', 'shouji', 'qiye'];

/** Types a query at `intervalMs` a key, aborting each search when the next key comes, as the reader does. */
async function typeFast(index: SearchIndex, query: string, intervalMs: number): Promise<{ aborted: number; lastMs: number }> {
  const chars = Array.from(query);
  let aborted = 0;
  let previous: AbortController | null = null;
  let last: Promise<unknown> = Promise.resolve();
  let typedLast = 0;
  for (let n = 1; n <= chars.length; n++) {
    previous?.abort();
    const controller = new AbortController();
    previous = controller;
    typedLast = performance.now();
    last = index.searchAsync(chars.slice(0, n).join(''), { limit: LIMIT, signal: controller.signal, partial: true }).catch(() => {
      aborted++;
    });
    if (n < chars.length) await pause(intervalMs);
  }
  await last;
  return { aborted, lastMs: round(performance.now() - typedLast) };
}

async function abortLatency(index: SearchIndex, query: string): Promise<number> {
  const controller = new AbortController();
  const pending = index.searchAsync(query, { signal: controller.signal, limit: Infinity });
  await pause(20);
  const abortedAt = performance.now();
  controller.abort();
  try {
    await pending;
  } catch {
    // Expected: the stale search is dropped.
  }
  return round(performance.now() - abortedAt);
}

/** `doc` with every paragraph in traditional characters as used in Taiwan (opencc-js; characters, not Taiwan's vocabulary). */
async function traditionalDocument(doc: Document): Promise<Document> {
  const { Converter } = await import('opencc-js');
  const convert = Converter({ from: 'cn', to: 'tw' });
  const paragraph = (p: Document['lead'][number]) => ({ ...p, text: convert(p.text) });
  return { ...doc, title: convert(doc.title), lead: doc.lead.map(paragraph), sections: doc.sections.map((section) => ({ ...section, title: convert(section.title), paragraphs: section.paragraphs.map(paragraph) })) };
}

function largeDocument(): { doc: Document; name: string } {
  if (CORPUS === 'synthetic') return { doc: corpusDocument({ paragraphs: PARAGRAPHS }), name: 'bench/corpus.ts' };
  const file = resolve(out, 'large.txt');
  if (!existsSync(file)) spawnSync(process.execPath, [resolve(root, 'bench', 'gen-large.mjs'), file], { stdio: 'inherit' });
  return { doc: parseDocument(readFileSync(file, 'utf8')), name: 'bench/out/large.txt' };
}

async function main(): Promise<void> {
  const watch = new LoopWatch();

  // The interview: every fixture query typed out.
  const interview = parseDocument(readFileSync(resolve(root, 'content/interview.txt'), 'utf8'));
  const fixture = JSON.parse(readFileSync(resolve(root, 'test/fixtures/search-queries.json'), 'utf8')) as { queries: Array<{ query: string }> };
  const small = createSearchIndex(interview);
  await small.prepare();
  watch.take();
  const interviewTimes = await typeQueries(small, fixture.queries.map((q) => q.query), LIMIT);
  const interviewSummary = summarise(interviewTimes, 1, 100);
  const interviewLoop = watch.take();
  table(`Interview: ${fixture.queries.length} queries typed one character at a time`, interviewSummary, 'all', interviewLoop);

  // The large document, from a cold index as the reader opens it.
  const { doc, name } = largeDocument();
  const paragraphs = doc.lead.length + doc.sections.reduce((n, section) => n + section.paragraphs.length, 0);
  const bytes = Buffer.byteLength(doc.source);
  console.log(`\nLarge document: ${name}, ${paragraphs} paragraphs, ${(bytes / 1e6).toFixed(1)} MB`);
  watch.take();
  const started = performance.now();
  const index = createSearchIndex(doc);
  let textReadyMs = NaN;
  let pinyinReadyMs = NaN;
  const onProgress = (progress: { text: number; pinyin: number }): void => {
    if (progress.text === 1 && Number.isNaN(textReadyMs)) textReadyMs = round(performance.now() - started);
    if (progress.pinyin === 1 && Number.isNaN(pinyinReadyMs)) pinyinReadyMs = round(performance.now() - started);
  };
  // With pinyin, as the reader asks once a Latin letter is typed (the queries below type some): without
  // it, prepare() leaves the readings for the first pinyin term, and "pinyin ready" was never reached.
  const prepared = index.prepare({ onProgress, pinyin: true });
  await index.searchAsync('产业', { limit: LIMIT, partial: true });
  const firstAnswerMs = round(performance.now() - started);
  const coldLoop = watch.take();
  const typedWhileIndexing = await typeQueries(index, ['集成电路', '电子信息', 'jcdl', 'chongqing'], LIMIT);
  const whileIndexing = stats([...typedWhileIndexing.values()].flat());
  const whileIndexingLoop = watch.take();
  await prepared;
  const prepareLoop = watch.take();
  console.log(`  first answer (folds the text on the way) ${firstAnswerMs} ms; exact tier ready ${textReadyMs} ms; pinyin ready ${pinyinReadyMs} ms`);
  console.log(`  longest event-loop block: cold start ${blockText(coldLoop)}, typing while indexing ${blockText(whileIndexingLoop)}, rest of prepare() ${blockText(prepareLoop)}`);
  console.log(`  typing while pinyin is read in the background: median ${whileIndexing.median} ms, p95 ${whileIndexing.p95} ms, max ${whileIndexing.max} ms`);

  const chinese = summarise(await typeQueries(index, chineseQueries(doc), LIMIT), 2, 6);
  const chineseLoop = watch.take();
  table(`Chinese queries typed one character at a time (limit ${LIMIT})`, chinese, '2–6', chineseLoop);
  const pinyin = summarise(await typeQueries(index, PINYIN_QUERIES, LIMIT), 2, 6);
  const pinyinLoop = watch.take();
  table(`Pinyin queries typed one letter at a time (limit ${LIMIT})`, pinyin, '2–6', pinyinLoop);

  const typoTimes = await typeQueries(index, TYPO_QUERIES, LIMIT);
  const typos = summarise(typoTimes, 3, 3);
  const typoLoop = watch.take();
  const typoFound = TYPO_QUERIES.filter((query) => index.search(query, { limit: 1 }).length > 0).length;
  table(`Three-character queries with one wrong character, typed one character at a time (${typoFound} of ${TYPO_QUERIES.length} find the word)`, typos, 'typo', typoLoop);

  const fast = await typeFast(index, '电子信息产业发展', 30);
  const fastPinyin = await typeFast(index, 'dianzixinxi', 30);
  const abortMs = await abortLatency(index, '的');
  const restLoop = watch.take();
  console.log(`\nTyping a key every 30 ms: 电子信息产业发展 ${fast.aborted} stale searches aborted, last answer ${fast.lastMs} ms after the last key; dianzixinxi ${fastPinyin.aborted} aborted, ${fastPinyin.lastMs} ms`);
  console.log(`Abort: a search for 的 with no limit rejects ${abortMs} ms after abort()`);
  // The same document in traditional characters (opencc-js, as a Taiwanese text prints them), searched in simplified ones.
  const traditional = await traditionalDocument(doc);
  const tradStarted = performance.now();
  const tradIndex = createSearchIndex(traditional);
  await tradIndex.prepare({});
  const tradReadyMs = round(performance.now() - tradStarted);
  watch.take();
  const queries = chineseQueries(doc);
  const simplifiedOnTraditional = summarise(await typeQueries(tradIndex, queries, LIMIT), 2, 6);
  const tradLoop = watch.take();
  const found = (search: SearchIndex): number => queries.filter((query) => search.search(query, { limit: 1 }).length > 0).length;
  const tradFound = { simplifiedText: found(index), traditionalText: found(tradIndex) };
  console.log(`\nTraditional copy of the document: index ready (folded, converters, postings) in ${tradReadyMs} ms`);
  table(`Simplified queries on the traditional copy (found on it ${tradFound.traditionalText}, on the simplified original ${tradFound.simplifiedText})`, simplifiedOnTraditional, '2–6', tradLoop);

  const phases = [coldLoop, whileIndexingLoop, prepareLoop, chineseLoop, pinyinLoop, typoLoop, restLoop, tradLoop];
  const longest = { wall: Math.max(...phases.map((b) => b.wall)), cpu: Math.max(...phases.map((b) => b.cpu)) };
  console.log(`Longest event-loop block on the large document, any phase: ${blockText(longest)}`);
  const load = loadavg()[0]!;
  console.log(`Load average during the run: ${load.toFixed(1)} on ${availableParallelism()} cores`);
  watch.stop();

  const report = {
    loadAverage: round(loadavg()[0]!),
    interview: { perKeystroke: interviewSummary.range, longestBlockMs: interviewLoop },
    large: {
      document: name,
      paragraphs,
      megabytes: round(bytes / 1e6),
      limit: LIMIT,
      firstAnswerMs,
      textReadyMs,
      pinyinReadyMs,
      typingWhileIndexing: whileIndexing,
      chinese: { perPrefixLength: chinese.perLength, twoToSix: chinese.range },
      pinyin: { perPrefixLength: pinyin.perLength, twoToSix: pinyin.range },
      typos: { queries: TYPO_QUERIES, found: typoFound, perPrefixLength: typos.perLength, threeCharacters: typos.range },
      traditional: { readyMs: tradReadyMs, found: tradFound, perPrefixLength: simplifiedOnTraditional.perLength, twoToSix: simplifiedOnTraditional.range },
      fastTyping: { chinese: fast, pinyin: fastPinyin },
      abortMs,
      longestBlockMs: { coldStart: coldLoop, typingWhileIndexing: whileIndexingLoop, prepare: prepareLoop, chinese: chineseLoop, pinyin: pinyinLoop, typos: typoLoop, traditional: tradLoop, rest: restLoop, any: longest },
    },
    memory: process.argv.includes('--no-memory') ? null : memoryShapes(fileURLToPath(import.meta.url)),
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, 'search.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`JSON: ${resolve(out, 'search.json')}`);
}

const shapeAt = process.argv.indexOf('--memory-shape');
if (shapeAt >= 0) await measureShape(process.argv[shapeAt + 1]!);
else if (process.argv.includes('--memory')) memoryShapes(fileURLToPath(import.meta.url));
else await main();
