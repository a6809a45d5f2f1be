import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Every test, and every yuedu it starts, sees a home of its own: the developer's shelf, places, caches
// and settings are never read (a bare `yuedu` would open their last text) nor written.
const home = mkdtempSync(join(tmpdir(), 'yuedu-test-home-'));

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.{ts,tsx}'],
    // The pty end-to-end tests start real processes; two cores cannot run many at once.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    env: {
      HOME: home,
      XDG_STATE_HOME: join(home, '.local/state'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_CONFIG_HOME: join(home, '.config'),
    },
  },
});
