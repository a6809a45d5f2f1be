#!/usr/bin/env node
// Entry of `npm run bench` (see bench/main.ts). The benchmark is TypeScript, run by Node's own
// type stripping (Node >= 22.18); its imports end in `.js` as tsc requires, so this hook lets them
// find the `.ts` files.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\/.*\.js$/.test(specifier)) throw error;
      return nextResolve(specifier.replace(/\.js$/, '.ts'), context);
    }
  },
});

await import('./main.ts');
