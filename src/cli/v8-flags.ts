/**
 * Two of V8's own settings, each changed for the part of yuedu it was measured on.
 *
 * **Compile jobs, in the plain commands and while the reader reads a long book whole.** V8's Maglev
 * compiler hands each compile job it has finished with to a helper thread to be destroyed, so that the
 * main thread does not spend the time. While a long book is parsed, the main thread is never idle and
 * the helper threads are busy compiling. The finished jobs then wait with their memory (the compiler's
 * zones, ~20 MB of the C heap at the 5.5 MB EPUB's peak, by heaptrack), and whether they are destroyed
 * before the parse's peak is a matter of timing. `yuedu print` of that EPUB measured 111–143 MB across
 * fifteen runs (budget 133). With the jobs destroyed by the main thread as it finishes them, fifteen
 * runs measured 114–128, and in twelve runs in alternation the times were alike. Not before the
 * reader's first frame, which was ~25 ms later with it.
 *
 * **Pretenuring, in the reader once its first frame is drawn.** V8 watches where objects are made;
 * when most made at one place in the code outlive the young generation, it makes the rest there in
 * the old generation at once ("pretenuring"), which saves copying them. Opening a book teaches it
 * that of the layout's rows (the first screen's are kept) and of an EPUB's page trees. The background
 * pass that then counts every row of the book makes rows by the million and drops each at once, but
 * made in the old generation they are garbage that only a full collection takes back: the 5.5 MB
 * EPUB's old generation grew from 9 to 36 MB in half a second, and stayed there. With pretenuring
 * stopped at the first frame (and the compile jobs above destroyed at once during the whole read), that
 * reader's peak after a search measured 109–122 MiB in twelve runs, against 136–141. The plain
 * commands' peaks and times did not change without it, so they keep it.
 *
 * Both flags are V8's own, not documented options: each is set only on the V8 it was measured on. An
 * unknown flag would print an error line for every command.
 */
const MEASURED_ON_V8 = 13;

async function setV8Flag(flag: string): Promise<void> {
  if (Number.parseInt(process.versions.v8, 10) !== MEASURED_ON_V8) return;
  try {
    (await import('node:v8')).setFlagsFromString(flag);
  } catch {
    // A runtime without it: V8 does as it chooses.
  }
}

/** For the plain commands, as they start, and for the reader while it reads a long book whole (`false` after). */
export function destroyCompileJobsAtOnce(atOnce = true): Promise<void> {
  return setV8Flag(atOnce ? '--no-maglev-destroy-on-background' : '--maglev-destroy-on-background');
}

/** For the reader, once its first frame is drawn. */
export function stopPretenuring(): Promise<void> {
  return setV8Flag('--no-allocation-site-pretenuring');
}
