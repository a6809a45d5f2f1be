/**
 * The script key's budget (issue 19): `t` on the 10 MB texts settles within a key's budget, as `j` does.
 * yuedu alone, in a real pseudo-terminal: `j` first (the reference), then the first `t` and the
 * second (each waits for its converter to be built, which takes about a second of background work
 * and is not the key's cost), then `t` pressed round the three scripts with both converters built,
 * then `j` in the converted text. Medians of the settle times; a ratio to `j` in the same session is
 * what counts on a shared machine. Alone: `node bench/run.mjs --script-only`.
 */
import type { BenchDocument, Size } from './measure.js';
import { measureRun } from './measure.js';
import type { Program } from './programs.js';
import type { KeyScenario } from './scenarios.js';
import { median } from './stats.js';

/** The status bar says so while a converter is being built; the key has its answer once it does not. */
const converted = (bottomRow: string): boolean => !bottomRow.includes('preparing the conversion');

export const SCRIPT_SCENARIOS: readonly KeyScenario[] = [
  { name: 'j', prepare: 'g', key: 'j', presses: 25 },
  { name: 'first t (builds 简体)', key: 't', presses: 1, answered: converted },
  { name: 'second t (builds 繁體)', key: 't', presses: 1, answered: converted },
  // Nine presses go round the three scripts three times and end where they started (繁體).
  { name: 't', key: 't', presses: 9, answered: converted },
  { name: 'j in 繁體', key: 'j', presses: 25 },
];

export interface ScriptResult {
  document: string;
  /** Median settle per scenario, in ms. */
  settleMs: Record<string, number | undefined>;
}

export async function scriptBenchmark(yuedu: Program, docs: readonly BenchDocument[], runs: number, size: Size): Promise<ScriptResult[]> {
  const results: ScriptResult[] = [];
  for (const doc of docs) {
    const samples = new Map<string, number[]>(SCRIPT_SCENARIOS.map((scenario) => [scenario.name, []]));
    for (let run = 0; run < runs; run++) {
      const result = await measureRun(yuedu, doc, size, SCRIPT_SCENARIOS);
      for (const [name, keys] of Object.entries(result.keys)) if (!keys.note) samples.get(name)?.push(...keys.settleMs);
      if (result.note) process.stderr.write(`${doc.name}: ${result.note}\n`);
    }
    results.push({ document: doc.name, settleMs: Object.fromEntries([...samples].map(([name, values]) => [name, median(values)])) });
  }
  return results;
}

/** One line per document: each scenario's median and `t` against `j`. */
export function scriptLines(results: readonly ScriptResult[]): string {
  const ms = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
  return results
    .map(({ document, settleMs }) => {
      const parts = SCRIPT_SCENARIOS.map((scenario) => `${scenario.name} ${ms(settleMs[scenario.name])}`);
      const t = settleMs.t;
      const j = settleMs.j;
      const ratio = t !== undefined && j ? `  t/j ${(t / j).toFixed(2)}×` : '';
      return `${document}: ${parts.join(', ')}${ratio} (budget 16 ms)`;
    })
    .join('\n');
}
