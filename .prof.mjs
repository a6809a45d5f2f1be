import { registerHooks } from 'node:module';
registerHooks({ resolve(s, c, n) { try { return n(s, c); } catch (e) { if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\/.*\.js$/.test(s)) throw e; return n(s.replace(/\.js$/, '.ts'), c); } } });
const { startTerminal, disposeTerminals } = await import('./test/helpers/terminal.ts');
const [dist, file, waitText, prof] = process.argv.slice(2);
const args = prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--cpu-prof-interval=200'] : ['--max-semi-space-size=2'];
const times = [];
for (let i = 0; i < (prof ? 1 : 5); i++) {
  const t0 = performance.now();
  const term = await startTerminal({ command: process.execPath, args: [...args, dist, file], env: { CI: undefined } });
  await term.waitFor(waitText, { timeout: 30000 });
  times.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, prof ? 1500 : 200));
  term.write('q');
  await new Promise((r) => setTimeout(r, 1000));
}
await disposeTerminals();
times.sort((a, b) => a - b);
console.log('visible ms', times.map((t) => t.toFixed(0)).join(' '), 'median', times[times.length >> 1].toFixed(0));
