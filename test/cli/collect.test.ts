import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/cli/collect.js';

describe('collectGarbage', () => {
  it('collects what nothing holds, without Node started with --expose-gc', async () => {
    let ref: WeakRef<object> | undefined;
    (() => {
      ref = new WeakRef({ big: new Array(1000).fill('x') });
    })();
    // A weak target stays alive to the end of the job that made it.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(ref!.deref()).toBeUndefined();
  });
});
