// Builds the bundle bin/yuedu.js loads: dist/yuedu.js and its lazily loaded chunks.
// Run with `npm run build` (also on `npm install`, through `prepare`).
//
// The bundle is built into dist.next and then put in place of dist, so a reader started during a
// build never loads half of one.
import { renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
// The caches of what texts parse to are stamped with a hash of the sources (see the module).
import { sourcesId } from './src/storage/build-id.ts';

const OUT = 'dist';
const NEXT = 'dist.next';

rmSync(NEXT, { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: NEXT,
  entryNames: 'yuedu',
  bundle: true,
  minify: true,
  // Chunks load on first use: `yuedu print` never loads Ink and React, the reader loads the search
  // engine only when a search starts (dynamic imports become chunks of their own).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // Ink imports the React devtools only when DEV is set; they are not installed.
  external: ['react-devtools-core'],
  define: {
    // React's production build: no development checks on every render.
    'process.env.NODE_ENV': '"production"',
    // Nothing in the reader fetches; a bundled library that checks for fetch finds none.
    fetch: 'undefined',
    __YUEDU_SOURCES__: JSON.stringify(sourcesId(import.meta.dirname)),
  },
  // Node 22 has these; without them esbuild rewrites the Unicode regular expressions of the layout
  // and the search (property escapes, the v flag's set notation) into slow, huge equivalents.
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
  // Bundled CommonJS packages call require(); an ES module has none, so one is made for them.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
});
rmSync(OUT, { recursive: true, force: true });
renameSync(NEXT, OUT);
