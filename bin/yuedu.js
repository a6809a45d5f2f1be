#!/usr/bin/env -S MALLOC_ARENA_MAX=1 GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=131072 node --max-semi-space-size=2 --min-semi-space-size=2 --v8-pool-size=1
// The flags make V8's young generation 2 MB a half from the start (it grows to 16 MB by default): a
// small text's garbage never needs more, and it keeps the reader's peak memory down. Starting at 2
// rather than 1 saves a collection of everything start-up made, all of it alive (`yuedu --version`
// 117 → 112 ms, the novel's first frame ~4–20 ms sooner in four comparisons of 20–30 runs each). MALLOC_ARENA_MAX has glibc keep
// one heap for all threads rather than one per V8 helper thread (about 6 MB of the interview's peak;
// other C libraries ignore it). The tunable has glibc (2.35 and later; older ones ignore it) ask for
// transparent huge pages for its large blocks, where the kernel gives them only when asked: a long
// book's bytes and decoded text are then faulted in 2 MB at a time, not 4 KB (the 10 MB GBK novel's
// first frame ~80 ms sooner on the benchmark's machine). Huge pages cost the interview ~1.3 MB at its
// peak with two heaps, nothing with one. The fixed mmap threshold keeps glibc from raising it (up to
// 32 MB) each time a large block is freed: large blocks (typed arrays' memory, the compiler's) then
// always come from their own mappings, given back when freed, not from the one heap, where the V8
// compiler's memory, freed between them on its helper thread, could not be given back (that heap
// measured 17–43 MiB at an EPUB's peak, 14–18 with the threshold fixed). One thread, not Node's
// four, runs V8's background work (its optimising compiler, concurrent marking, the scavenger's
// helpers): the reader's work is on its main thread, and on a machine of two cores four helpers took
// the main thread's core from it while it started (the 10 MB novel's first frame a median ~7–28 ms
// sooner in two runs of 30 and 40 in alternation; faster in 20 and 26 of them; a whole parse of it ~5 ms
// longer). All of these can only be
// set as Node starts, so `npm start` and the benchmark run this file by its first line too.
// Plain, old-Node-friendly code: an old Node must reach the version check, not fail on newer syntax.
import * as nodeModule from 'node:module';

// 22.12: the first 22 to require() an ES module (and to have util.getSystemErrorMessage).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`yuedu: needs Node.js 22.12 or newer (this is ${process.version})\n`);
  process.exit(1);
}
// Caches compiled bytecode between runs: start-up matters for a quick look-up over SSH.
nodeModule.enableCompileCache?.();
try {
  await import('../dist/yuedu.js');
} catch (error) {
  const hint = error?.code === 'ERR_MODULE_NOT_FOUND' ? ' (run `npm install` to build it)' : '';
  process.stderr.write(`yuedu: cannot start: ${error?.message ?? error}${hint}\n`);
  process.exit(70);
}
