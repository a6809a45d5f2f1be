/**
 * Peak memory of a search on pathological shapes of input (issue 20: peak RSS ≤ 100 MB + 6× the file's
 * size on every shape up to the size limit). Each shape runs in a process of its own (a peak is per
 * process): the text is generated, parsed, indexed (prepare with pinyin, as a long text gets), and
 * searched for an exact term, a phrase without punctuation, a three-character typo, pinyin and
 * initials; the child prints its peak RSS before and after the search, the parent a table beside the
 * budget. Run by bench/search.ts (`npm run bench:search`); alone: node bench/out/search.mjs --memory.
 */
import { spawnSync } from 'node:child_process';
import { parseDocument } from '../src/core/document/parse.js';
import { createSearchIndex } from '../src/core/search/index.js';
import { BIN_ENV, BIN_NODE_FLAGS } from './bin-start.js';
import { corpusTexts } from './corpus.js';

export interface MemoryShape {
  name: string;
  megabytes: number;
  /** After the text is parsed: the document model's share, not the search's. */
  peakAfterParseMb: number;
  /** After the index is built (prepare, with pinyin). */
  peakBeforeSearchMb: number;
  peakMb: number;
  budgetMb: number;
  hits: number;
}

const SHAPES: Record<string, () => string> = {
  // 4 MB: one million lines of one character each.
  'one-character lines (4 MB)': () => '字\n'.repeat(1_000_000),
  // 10 MB: one line, no break anywhere.
  'a single 10 MB line': () => corpusTexts({ paragraphs: 100_000 }).join('').slice(0, 3_400_000),
  // 60 MB: a long book of ordinary paragraphs.
  'a 60 MB file': () => corpusTexts({ paragraphs: 600_000 }).join('\n\n'),
};

const mb = (bytes: number): number => Math.round(bytes / 1e5) / 10;
const peak = (): number => mb(process.resourceUsage().maxRSS * 1024);

/** In the child: one shape, its figures as JSON on stdout. */
export async function measureShape(name: string): Promise<void> {
  let text: string | undefined = SHAPES[name]!();
  const bytes = Buffer.byteLength(text);
  const doc = parseDocument(text);
  text = undefined;
  const parsed = peak();
  const index = createSearchIndex(doc);
  await index.prepare({ pinyin: true });
  const before = peak();
  let hits = 0;
  for (const query of ['集成电路', '字', '高质量发展我市', '电子信息产业发展', '林黛王', 'jichengdianlu', 'jcdl', '产业 重庆']) {
    hits += (await index.searchAsync(query, { limit: 1000, partial: true })).length;
  }
  const shape: MemoryShape = { name, megabytes: mb(bytes), peakAfterParseMb: parsed, peakBeforeSearchMb: before, peakMb: peak(), budgetMb: Math.round(100 + (6 * bytes) / 1e6), hits };
  process.stdout.write(`${JSON.stringify(shape)}\n`);
}

/** In the parent: every shape in a child process (`script`: this bundle). */
export function memoryShapes(script: string): MemoryShape[] {
  const shapes: MemoryShape[] = [];
  for (const name of Object.keys(SHAPES)) {
    const child = spawnSync(process.execPath, [...BIN_NODE_FLAGS, script, '--memory-shape', name], { encoding: 'utf8', env: { ...process.env, ...BIN_ENV }, maxBuffer: 1 << 20 });
    const line = child.stdout.trim().split('\n').at(-1);
    if (child.status !== 0 || !line) throw new Error(`memory shape ${name} failed: ${child.stderr.slice(0, 2000)}`);
    shapes.push(JSON.parse(line) as MemoryShape);
  }
  console.log('\nPeak RSS after a search, each shape in a process of its own (budget: 100 MB + 6 × the file)');
  console.log('  shape                          file MB   parsed MB   indexed MB   searched MB   budget MB');
  for (const s of shapes) {
    console.log(`  ${s.name.padEnd(30)} ${s.megabytes.toFixed(1).padStart(7)} ${s.peakAfterParseMb.toFixed(1).padStart(11)} ${s.peakBeforeSearchMb.toFixed(1).padStart(12)} ${s.peakMb.toFixed(1).padStart(13)} ${String(s.budgetMb).padStart(11)}${s.peakMb > s.budgetMb ? '  OVER' : ''}`);
  }
  return shapes;
}
