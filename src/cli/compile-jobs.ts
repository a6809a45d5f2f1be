/**
 * V8's Maglev compiler hands each compile job it has finished with to a helper thread to be destroyed,
 * so that the main thread does not spend the time. While a command parses a long book, the main thread
 * is never idle and the helper threads are busy compiling. The finished jobs then wait with their
 * memory (the compiler's zones, ~20 MB of the C heap at the 5.5 MB EPUB's peak, by heaptrack), and
 * whether they are destroyed before the parse's peak is a matter of timing. `yuedu print` of that EPUB
 * measured 111–143 MB across fifteen runs (budget 133). With the jobs destroyed by the main thread as it
 * finishes them, fifteen runs measured 114–128, and in twelve runs in alternation the times were alike.
 *
 * This is for the plain commands only. The reader's first frame was ~25 ms later with the jobs destroyed
 * on the main thread, and the reader's peak, after a search, was no lower.
 *
 * The flag is V8's own, not a documented option: it is set only on the V8 it was measured on. An
 * unknown flag would print an error line for every command.
 */
const MEASURED_ON_V8 = 13;

export async function destroyCompileJobsAtOnce(): Promise<void> {
  if (Number.parseInt(process.versions.v8, 10) !== MEASURED_ON_V8) return;
  try {
    (await import('node:v8')).setFlagsFromString('--no-maglev-destroy-on-background');
  } catch {
    // A runtime without it: the jobs are destroyed as V8 chooses.
  }
}
