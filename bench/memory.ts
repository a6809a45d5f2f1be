/**
 * Peak memory on the shapes of input that once blew it up (issue 20): one million one-character lines,
 * a single 10 MB line, a single 64 MiB line (the input limit), a 60 MB book-like file, a 4 MB Markdown
 * novel and a 5 MB EPUB. Each plain command (print, wrap, toc, search --json) runs on each, as the bin runs it (MALLOC_ARENA_MAX=1, glibc's huge pages asked for, a 2 MB young
 * generation), its peak RSS read by GNU time; the reader is opened in a pseudo-terminal and its peak
 * (VmHWM) read once the first frame is up, and again after a search for QUERY. Every figure is printed beside its budget, 100 MB + 6× the
 * file's size, and written to bench/out/memory.json. The search's own speed is measured by the search benchmark.
 * Run alone: `node bench/run.mjs --memory-only` (after `npm run build`); `BENCH_SHAPE=Markdown` (a part of
 * a shape's name) measures that shape only.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT, startTerminal, YUEDU_BIN } from '../test/helpers/terminal.js';
import { BIN_ENV, BIN_NODE_FLAGS } from './bin-start.js';
import { writeBook } from './formats.js';

const OUT = join(REPO_ROOT, 'bench', 'out');
const DIR = join(OUT, 'memory');
const MB = 1_000_000;
const MiB = 1024 * 1024;

interface Shape {
  name: string;
  file: string;
  write(path: string): Promise<void>;
  /** The commands that read it (`wrap` folds a text file's lines: not an EPUB's). */
  commands?: readonly (typeof COMMANDS)[number][];
}

/** Writes `count` copies of `piece` in blocks, never holding the whole file. */
async function repeat(path: string, piece: string, count: number, tail = ''): Promise<void> {
  const out = createWriteStream(path);
  const block = piece.repeat(Math.max(1, Math.floor(MiB / piece.length)));
  const perBlock = Math.max(1, Math.floor(MiB / piece.length));
  let left = count;
  while (left > 0) {
    const text = left >= perBlock ? block : piece.repeat(left);
    left -= left >= perBlock ? perBlock : left;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end(tail);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
}

const SHAPES: Shape[] = [
  { name: '1M one-character lines', file: 'lines.txt', write: (p) => repeat(p, '字\n', 1_000_000) },
  { name: 'a single 10 MB line', file: 'line-10mb.txt', write: (p) => repeat(p, '中文字符，测试句子。', Math.floor((10 * MB) / 30)) },
  // Three bytes a character: the most characters that fit under the 64 MiB input limit.
  { name: 'a single 64 MiB line', file: 'line-64mib.txt', write: (p) => repeat(p, '中', Math.floor((64 * MiB - 1) / 3)) },
  {
    name: 'a 60 MB book',
    file: 'book-60mb.txt',
    write: async (p) => {
      const large = join(OUT, 'large.txt');
      if (!existsSync(large)) spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'gen-large.mjs'), large], { stdio: 'inherit' });
      const text = readFileSync(large, 'utf8');
      await repeat(p, text, Math.max(1, Math.round((60 * MB) / Buffer.byteLength(text))));
    },
  },
  // Markdown's parser keeps far more per character than the text parser: a long Markdown novel is a shape of its own.
  { name: 'a 4 MB Markdown novel', file: 'novel-4mb.md', write: (p) => writeMarkdownNovel(p, 4 * MB) },
  // The formats benchmark's book: its budget is by its compressed size, about half its text's.
  {
    name: 'a 5 MB EPUB',
    file: 'book.epub',
    write: async (p) => {
      writeBook(dirname(p));
    },
    commands: ['print', 'toc', 'search --json'],
  },
];

/** A Markdown novel of about `bytes`: chapters as `##` headings, paragraphs with emphasis, quotes, lists and footnotes defined at the end. */
async function writeMarkdownNovel(path: string, bytes: number): Promise<void> {
  const words = '他走在路上心里想着许多事情天色渐渐暗了下来远处传来几声犬吠村口的灯火一盏盏亮起字';
  let seed = 1;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const parts: string[] = ['---\ntitle: 长篇\nauthor: 某人\n---\n\n# 长篇\n\n'];
  let size = Buffer.byteLength(parts[0]!);
  let chapter = 0;
  while (size < bytes) {
    chapter++;
    let text = `## 第${chapter}章 风起${chapter}\n\n`;
    for (let p = 0; p < 30; p++) {
      let line = '';
      const length = 40 + Math.floor(next() * 120);
      for (let i = 0; i < length; i++) line += words[Math.floor(next() * words.length)]! + (next() < 0.08 ? '，' : '');
      if (p % 7 === 3) line += `**重点：**后文[^n${chapter}]`;
      if (p % 11 === 5) line = `> ${line}`;
      if (p % 13 === 6) line = `- ${line}\n- 另一项`;
      text += `${line}。\n\n`;
    }
    parts.push(text);
    size += Buffer.byteLength(text);
  }
  for (let i = 1; i <= chapter; i++) parts.push(`[^n${i}]: 注释${i}\n`);
  writeFileSync(path, parts.join(''));
}

const COMMANDS = ['print', 'wrap', 'toc', 'search --json'] as const;
/** What `search` looks for: a character of every shape (none in the 64 MiB line of 中, so an empty answer there). */
const QUERY = '字';
/** The bin's own start-up settings (see bin/yuedu.js's first line). */
const NODE_FLAGS = BIN_NODE_FLAGS;
// No state: a text is parsed every time, never read from the cache of parsed texts (src/cli/document-cache.ts).
const ENV = { ...process.env, ...BIN_ENV, NO_COLOR: '1', YUEDU_STATE: 'off' };

export interface MemoryRow {
  shape: string;
  fileMB: number;
  what: string;
  peakMB?: number;
  budgetMB: number;
  exitCode: number | null;
}

function budget(bytes: number): number {
  return Math.round(100 + (6 * bytes) / MB);
}

/** A plain command's peak RSS in MB, from GNU time's maximum resident set size. */
const devNull = openSync('/dev/null', 'w');

function commandPeak(command: string, file: string): { peakMB?: number; exitCode: number | null } {
  const args = command === 'toc' ? ['toc', file] : command === 'search --json' ? ['search', '--json', QUERY, file] : [command, '--width', '80', file];
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...NODE_FLAGS, YUEDU_BIN, ...args], {
    env: ENV,
    // Written, write-only, to /dev/null: a read-write /dev/null (what 'ignore' gives) is how a closed
    // standard output looks to Node, which yuedu refuses (exit 74).
    stdio: ['ignore', devNull, 'pipe'],
    maxBuffer: 16 * MiB,
  });
  const kb = Number(run.stderr.toString().trim().split('\n').at(-1));
  return { ...(Number.isFinite(kb) ? { peakMB: Math.round((kb * 1024) / MB) } : {}), exitCode: run.status };
}

function vmHwmKiB(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
}

const toMB = (kib: number): { peakMB?: number } => (Number.isFinite(kib) ? { peakMB: Math.round((kib * 1024) / MB) } : {});

/**
 * The reader's peak RSS in MB (VmHWM of its process) once its first frame is up, and again after a
 * search (`/`, then QUERY) is answered and what the search line builds in the background is built:
 * read once the peak has not moved for two seconds.
 */
async function readerPeaks(file: string): Promise<{ first: { peakMB?: number }; searched: { peakMB?: number }; exitCode: number | null }> {
  const term = await startTerminal({ command: '/usr/bin/env', args: [...Object.entries(BIN_ENV).map(([name, value]) => `${name}=${value}`), process.execPath, ...NODE_FLAGS, YUEDU_BIN, file], cols: 80, rows: 24 });
  try {
    await term.waitFor((t) => t.isAlternateScreen() && t.row(23).includes('? help'), { timeout: 600_000 });
    await term.settle();
    const first = vmHwmKiB(term.pid);
    term.write('/');
    await term.settle();
    term.write(QUERY);
    await term.waitFor((t) => /hit \d+ of \d+|no match/.test(t.row(23)), { timeout: 600_000 });
    let searched = vmHwmKiB(term.pid);
    for (let still = 0; still < 8; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = vmHwmKiB(term.pid);
      still = now === searched ? still + 1 : 0;
      searched = now;
    }
    // Esc and q apart: in one write a terminal reads them as Alt-q.
    term.write('\x1b');
    await term.settle();
    term.write('q');
    const exit = await term.exit({ timeout: 120_000 });
    return { first: toMB(first), searched: toMB(searched), exitCode: exit.exitCode };
  } finally {
    await term.dispose();
  }
}

export async function memoryBenchmark(): Promise<MemoryRow[]> {
  if (!existsSync('/usr/bin/time') || !existsSync('/proc/self/status')) {
    process.stderr.write('memory benchmark: needs GNU time (/usr/bin/time) and /proc; left out\n');
    return [];
  }
  mkdirSync(DIR, { recursive: true });
  const rows: MemoryRow[] = [];
  const only = process.env.BENCH_SHAPE;
  for (const shape of SHAPES.filter((candidate) => only === undefined || candidate.name.includes(only))) {
    const path = join(DIR, shape.file);
    if (!existsSync(path)) await shape.write(path);
    const bytes = statSync(path).size;
    const fileMB = Math.round((bytes / MB) * 10) / 10;
    for (const command of shape.commands ?? COMMANDS) {
      rows.push({ shape: shape.name, fileMB, what: command, budgetMB: budget(bytes), ...commandPeak(command, path) });
      report(rows.at(-1)!);
    }
    const reader = await readerPeaks(path);
    for (const [what, peak] of [['reader, first frame', reader.first], ['reader, searched', reader.searched]] as const) {
      rows.push({ shape: shape.name, fileMB, what, budgetMB: budget(bytes), ...peak, exitCode: reader.exitCode });
      report(rows.at(-1)!);
    }
  }
  writeFileSync(join(OUT, 'memory.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
  return rows;
}

function report(row: MemoryRow): void {
  const peak = row.peakMB === undefined ? '?' : String(row.peakMB);
  const verdict = row.peakMB === undefined ? '' : row.peakMB <= row.budgetMB ? 'within' : 'OVER';
  process.stdout.write(
    `${row.shape.padEnd(24)} ${String(row.fileMB).padStart(6)} MB  ${row.what.padEnd(20)} peak ${peak.padStart(5)} MB  budget ${String(row.budgetMB).padStart(5)} MB  ${verdict}${row.exitCode === 0 ? '' : `  exit ${row.exitCode}`}\n`,
  );
}
