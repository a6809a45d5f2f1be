/**
 * The ambiguous width the reader lays out with when no option and no setting says: the terminal's
 * answer to `probeAmbiguousWidth`, remembered per `TERM` (a terminal that did not answer as well, so a
 * slow link waits for the timeout once). Not asked with `TERM=dumb` or unset, or when either end is
 * not a terminal; then, and when nothing answered, one cell, the common case.
 */
import type { AmbiguousWidth } from '../core/layout/width.js';
import { rememberAnswer, rememberedAnswer } from '../storage/terminals.js';
import { probeAmbiguousWidth, PROBE_TIMEOUT_MS } from '../terminal/probe-ambiguous.js';

export async function detectAmbiguousWidth(input: NodeJS.ReadStream, output: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Promise<AmbiguousWidth> {
  const term = env.TERM ?? '';
  if (term === '' || term === 'dumb' || !input.isTTY || !output.isTTY) return 1;
  const remembered = rememberedAnswer(term, env);
  if (remembered !== undefined) return remembered === 'none' ? 1 : remembered;
  const answer = await probeAmbiguousWidth({ input, output }, waitFor(env));
  rememberAnswer(term, answer ?? 'none', env);
  return answer ?? 1;
}

/**
 * How long to wait for the terminal's answer: PROBE_TIMEOUT_MS, or `YUEDU_QUERY_WAIT_MS` (1–5000) for a
 * link slower than that (an SSH round trip over 100 ms would otherwise be remembered as no answer).
 */
function waitFor(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.YUEDU_QUERY_WAIT_MS);
  return Number.isInteger(asked) && asked >= 1 && asked <= 5000 ? asked : PROBE_TIMEOUT_MS;
}
