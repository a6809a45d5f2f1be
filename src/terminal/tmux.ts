/**
 * What tmux will do with an OSC 52 clipboard write. tmux's `set-clipboard` option decides: `on` stores the
 * text as a paste buffer and forwards it to the outer terminal; `external` (the default) and `off` drop
 * what applications send. The reader asks tmux once, on the first copy (a few milliseconds), so that the
 * status bar says what really happened instead of claiming a copy that went nowhere.
 */
import { execFileSync } from 'node:child_process';

/** `set-clipboard` as tmux reports it, or undefined when tmux could not be asked. */
export type TmuxClipboard = 'on' | 'external' | 'off' | undefined;

/** Runs `tmux show -gv set-clipboard` with `env` (its PATH and TMUX); undefined on any failure. */
export function askTmuxClipboard(env: NodeJS.ProcessEnv): TmuxClipboard {
  try {
    const answer = execFileSync('tmux', ['show', '-gv', 'set-clipboard'], {
      env: env as Record<string, string>,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      // A server that does not answer must not freeze the key that asked.
      timeout: 1000,
    }).trim();
    return answer === 'on' || answer === 'external' || answer === 'off' ? answer : undefined;
  } catch {
    return undefined;
  }
}

const asked = new Map<string, TmuxClipboard>();

/** {@link askTmuxClipboard}, asked once per tmux server (`$TMUX`) for the life of the process. */
export function tmuxClipboard(env: NodeJS.ProcessEnv, ask: (env: NodeJS.ProcessEnv) => TmuxClipboard = askTmuxClipboard): TmuxClipboard {
  const key = env.TMUX ?? '';
  if (!asked.has(key)) asked.set(key, ask(env));
  return asked.get(key);
}
