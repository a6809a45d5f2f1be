/**
 * Search benchmark: per-keystroke latency on the interview and on a generated corpus of 100,000 Chinese
 * paragraphs (~10 MB), typing each query one character at a time and timing every prefix.
 *
 *   esbuild bench/search.ts --bundle --platform=node --format=esm --outfile=bench/out/search.mjs && node bench/out/search.mjs
 *
 * Prints tables, then one JSON object (also written to bench/out/search.json). Options:
 *   --paragraphs N   corpus size (default 100000)     --limit N   hits asked per search (default 50)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/core/document/parse.js';
import type { Document } from '../src/core/document/types.js';
import { createSearchIndex, type SearchIndex } from '../src/core/search/index.js';
import { corpusDocument, prng } from './corpus.js';

// Run from source or from the bundle in bench/out: find the repository by its package.json.
let root = dirname(fileURLToPath(import.meta.url));
while (!existsSync(resolve(root, 'package.json')) && dirname(root) !== root) root = dirname(root);
const out = resolve(root, 'bench', 'out');
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const PARAGRAPHS = arg('--paragraphs', 100_000);
const LIMIT = arg('--limit', 50);

interface Stats {
  count: number;
  median: number;
  p95: number;
  max: number;
}

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { count: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? 0) };
}

const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
};

/** Types every query one character at a time; returns the time of each prefix by its length. */
function typeQueries(index: SearchIndex, queries: string[], limit: number): Map<number, number[]> {
  const byLength = new Map<number, number[]>();
  for (const query of queries) {
    const chars = Array.from(query);
    for (let n = 1; n <= chars.length; n++) {
      const [, ms] = time(() => index.search(chars.slice(0, n).join(''), { limit }));
      const list = byLength.get(n) ?? [];
      list.push(ms);
      byLength.set(n, list);
    }
  }
  return byLength;
}

function table(title: string, rows: Array<[string, Stats]>): void {
  console.log(`\n${title}`);
  console.log('  prefix      n   median ms    p95 ms    max ms');
  for (const [label, s] of rows) {
    console.log(`  ${label.padEnd(8)} ${String(s.count).padStart(4)} ${s.median.toFixed(2).padStart(11)} ${s.p95.toFixed(2).padStart(9)} ${s.max.toFixed(2).padStart(9)}`);
  }
}

function summarise(byLength: Map<number, number[]>): { perLength: Record<string, Stats>; twoToSix: Stats } {
  const perLength: Record<string, Stats> = {};
  for (const n of [...byLength.keys()].sort((a, b) => a - b)) perLength[String(n)] = stats(byLength.get(n)!);
  const twoToSix = stats([...byLength.entries()].filter(([n]) => n >= 2 && n <= 6).flatMap(([, t]) => t));
  return { perLength, twoToSix };
}

/** Queries drawn from the corpus itself: runs of 2–6 characters without punctuation, plus typos and absent words. */
function corpusQueries(doc: Document): { present: string[]; typos: string[]; absent: string[] } {
  const random = prng(7);
  const paragraphs = doc.sections.flatMap((section) => section.paragraphs);
  const present: string[] = [];
  while (present.length < 60) {
    const text = paragraphs[Math.floor(random() * paragraphs.length)]!.text;
    const length = 2 + Math.floor(random() * 5);
    const start = Math.floor(random() * Math.max(1, text.length - length));
    const candidate = text.slice(start, start + length);
    if (/^[\u4e00-\u9fff]+$/.test(candidate) && candidate.length === length) present.push(candidate);
  }
  const typos = present.slice(0, 20).filter((q) => q.length >= 4).map((q) => `${q.slice(0, -2)}錯${q.slice(-1)}`);
  const absent = ['量子计算机', '区块链技术', '特斯拉汽车', '北京冬奥会', '人工智能', '元宇宙'];
  return { present, typos, absent };
}

async function abortLatency(index: SearchIndex, query: string): Promise<{ abortedAfterMs: number; rejectedAfterMs: number }> {
  const controller = new AbortController();
  const start = performance.now();
  const pending = index.searchAsync(query, { signal: controller.signal, limit: LIMIT });
  await new Promise((resolve) => setTimeout(resolve, 30));
  const abortedAt = performance.now();
  controller.abort();
  try {
    await pending;
  } catch {
    // Expected: the stale search is dropped.
  }
  return { abortedAfterMs: Math.round(abortedAt - start), rejectedAfterMs: Math.round((performance.now() - abortedAt) * 100) / 100 };
}

/** Runs prepare() while a 1 ms timer measures how long the event loop is kept busy at a stretch. */
async function prepareInBackground(index: SearchIndex): Promise<{ totalMs: number; longestStallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  await index.prepare();
  const totalMs = Math.round(performance.now() - start);
  clearInterval(timer);
  return { totalMs, longestStallMs: Math.round(longest * 10) / 10 };
}

async function main(): Promise<void> {
  // The interview: every fixture query typed out.
  const interview = parseDocument(readFileSync(resolve(root, 'content/interview.txt'), 'utf8'));
  const fixture = JSON.parse(readFileSync(resolve(root, 'test/fixtures/search-queries.json'), 'utf8')) as { queries: Array<{ query: string }> };
  const small = createSearchIndex(interview);
  const [, interviewFirst] = time(() => small.search('集成电路'));
  const [, interviewFirstPinyin] = time(() => small.search('jcdl'));
  const [, interviewFirstFuzzy] = time(() => small.search('集成电略'));
  const interviewTimes = typeQueries(small, fixture.queries.map((q) => q.query), LIMIT);
  const interviewAll = stats([...interviewTimes.values()].flat());
  table(`Interview: ${fixture.queries.length} queries typed one character at a time (limit ${LIMIT})`, [
    ...Object.entries(summarise(interviewTimes).perLength).filter(([n]) => Number(n) <= 8).map(([n, s]): [string, Stats] => [n, s]),
    ['all', interviewAll],
  ]);
  console.log(`  first search ${interviewFirst.toFixed(1)} ms (folds the text, loads opencc), first pinyin ${interviewFirstPinyin.toFixed(1)} ms, first fuzzy ${interviewFirstFuzzy.toFixed(1)} ms`);

  // The generated corpus.
  const [doc, generateMs] = time(() => corpusDocument({ paragraphs: PARAGRAPHS }));
  const paragraphs = doc.sections.reduce((n, section) => n + section.paragraphs.length, 0);
  const bytes = Buffer.byteLength(doc.sections.flatMap((section) => section.paragraphs.map((p) => p.text)).join('\n'));
  const [index, createMs] = time(() => createSearchIndex(doc));
  const [, readyMs] = time(() => index.search('产业', { limit: LIMIT }));
  const queries = corpusQueries(doc);
  const [, firstFuzzyMs] = time(() => index.search(queries.typos[0]!, { limit: LIMIT }));

  const present = typeQueries(index, queries.present, LIMIT);
  const typos = typeQueries(index, queries.typos, LIMIT);
  const absent = typeQueries(index, queries.absent, LIMIT);
  const merged = new Map<number, number[]>();
  for (const source of [present, typos, absent]) for (const [n, t] of source) merged.set(n, [...(merged.get(n) ?? []), ...t]);
  const summary = summarise(merged);
  table(`Corpus: ${paragraphs} paragraphs, ${(bytes / 1e6).toFixed(1)} MB; ${queries.present.length} present, ${queries.typos.length} typo, ${queries.absent.length} absent queries typed (limit ${LIMIT})`, [
    ...Object.entries(summary.perLength).map(([n, s]): [string, Stats] => [n, s]),
    ['2–6', summary.twoToSix],
  ]);

  const unlimited = summarise(typeQueries(index, queries.present.slice(0, 20), Infinity)).twoToSix;
  console.log(`  same, all hits returned (the CLI): 2–6 median ${unlimited.median} ms, p95 ${unlimited.p95} ms`);

  // Pinyin: the first pinyin query reads every paragraph with pinyin-pro. A stale search is dropped at
  // its next slice; prepare() does the reading in the background while the event loop stays free.
  const cancel = await abortLatency(index, 'chanye');
  const background = await prepareInBackground(index);
  const pinyinTimes = typeQueries(index, ['chanye', 'jichengdianlu', 'zhineng', 'jcdl', 'cqrb', 'xinxi chanye', 'bidian', 'yanfa zhongxin'], LIMIT);
  const pinyinSummary = summarise(pinyinTimes);
  table('Pinyin queries typed after prepare() (limit ' + LIMIT + ')', Object.entries(pinyinSummary.perLength).filter(([n]) => Number(n) >= 2).map(([n, s]): [string, Stats] => [n, s]));

  console.log(`\nIndex: generate ${generateMs.toFixed(0)} ms, createSearchIndex ${createMs.toFixed(2)} ms, ready (first search folds the corpus) ${readyMs.toFixed(0)} ms`);
  console.log(`Lazy parts: first fuzzy search (char postings) ${firstFuzzyMs.toFixed(0)} ms; pinyin readings of ${paragraphs} paragraphs via prepare() ${background.totalMs} ms in the background, longest event-loop stall ${background.longestStallMs} ms`);
  console.log(`Cancellation: searchAsync aborted after ${cancel.abortedAfterMs} ms rejected ${cancel.rejectedAfterMs} ms later`);

  const report = {
    interview: { firstSearchMs: interviewFirst, firstPinyinMs: interviewFirstPinyin, firstFuzzyMs: interviewFirstFuzzy, perKeystroke: interviewAll },
    corpus: {
      paragraphs,
      megabytes: Math.round(bytes / 1e5) / 10,
      limit: LIMIT,
      createMs: createMs,
      readyMs,
      firstFuzzyMs,
      perPrefixLength: summary.perLength,
      twoToSixChars: summary.twoToSix,
      twoToSixCharsAllHits: unlimited,
      pinyin: { prepare: background, perPrefixLength: pinyinSummary.perLength, twoOrMoreLetters: stats([...pinyinTimes.entries()].filter(([n]) => n >= 2).flatMap(([, t]) => t)) },
      cancellation: cancel,
    },
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, 'search.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${JSON.stringify(report)}`);
}

await main();
