import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** Values of `YUEDU_STATE` that turn remembering off. */
const OFF = new Set(['off', '0', 'false', 'no']);

/**
 * The folder resume records live in: `$XDG_STATE_HOME/yuedu`, else `~/.local/state/yuedu` (the XDG Base
 * Directory default; a relative `XDG_STATE_HOME` is ignored, as the spec asks). Undefined when
 * `YUEDU_STATE=off` (or `0`, `false`, `no`) disables state, or no home folder is known.
 */
export function stateDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (OFF.has((env.YUEDU_STATE ?? '').trim().toLowerCase())) return undefined;
  const xdg = env.XDG_STATE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'yuedu');
  const home = env.HOME || safeHomedir();
  return home ? join(home, '.local', 'state', 'yuedu') : undefined;
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}
