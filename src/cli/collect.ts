/**
 * A full garbage collection, asked for where a text of very many lines has just been parsed: the
 * parser's tables of lines (typed arrays of a dozen megabytes for a million lines) are garbage then,
 * but V8 collects the old generation only once it has grown well past its size, so the flow and the
 * search index were built beside them and the peak was theirs together (issue 20's memory budget:
 * the reader at ~140 MB on a 4 MB file, 121 with this). Jest's `--logHeapUsage` reaches `gc` the same
 * way, without Node being started with `--expose-gc`. Never for an ordinary text: a collection of a
 * large heap costs tens of milliseconds, and there the garbage is small beside what is kept.
 *
 * For the reader too, since its count pass makes no rows for lines that fit (flow.ts, `oneRow`): one
 * million one-character lines, ten runs of the bench each, first frame 110–111 MB against 117–124, and
 * after a search 123–125 against 123–145 (when the pass laid every line out, a forced collection had
 * left V8 growing its heap through it: 258 MB against 170).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: ((options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void) | undefined;

/**
 * With `release`, V8's last-resort collection, once a long text is parsed: a full collection keeps the
 * pages it freed for the heap's later use (a pool, still resident), where the last resort gives them
 * back. What the reader and the search build next outside the heap (typed arrays, Ink's WebAssembly)
 * then takes pages the parse no longer holds, rather than adding to them.
 */
export function collectGarbage(release = false): void {
  try {
    if (!collect) {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as typeof collect;
    }
    if (release) collect!({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    else collect!();
  } catch {
    // A runtime without it: the collector runs when it will.
  }
}
