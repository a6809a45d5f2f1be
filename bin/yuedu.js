#!/usr/bin/env node
// Plain, old-Node-friendly code: an old Node must reach the version check, not fail on newer syntax.
import * as nodeModule from 'node:module';

// 22.12: the first 22 to require() an ES module, which loads string-width only when a text needs it.
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
