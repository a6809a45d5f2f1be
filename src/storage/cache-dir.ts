import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { stateDirectory } from './paths.js';

/**
 * The folder derived data lives in: `$XDG_CACHE_HOME/yuedu`, else `~/.cache/yuedu`. Everything in it can
 * be deleted at any time and is rebuilt. Undefined when `YUEDU_STATE=off` (nothing is written anywhere)
 * or no home folder is known.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (stateDirectory(env) === undefined) return undefined;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'yuedu');
  let home = env.HOME;
  if (!home) {
    try {
      home = homedir();
    } catch {
      return undefined;
    }
  }
  return home ? join(home, '.cache', 'yuedu') : undefined;
}
