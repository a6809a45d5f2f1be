/**
 * Asking the terminal how wide it draws East Asian Ambiguous characters (“ ” ‘ ’ … · —): one cell in
 * most Western set-ups, two in terminals configured for CJK. Guessing wrong misplaces every cell after
 * a quotation mark, so the reader asks instead of guessing, once per terminal type.
 *
 * The question: save the cursor, ask where it is (CSI 6n), write an ambiguous character (“), ask
 * again, restore the cursor and clear what was written. The two cursor position reports differ by the
 * character's width. Nothing is left on the screen, and the answer does not depend on where the
 * cursor was. A terminal that does not answer (some serial consoles, a very slow link) costs at most
 * `timeoutMs`; the caller remembers that too, so it is asked only once.
 *
 *     sent      ESC 7  ESC[6n  “  ESC[6n  ESC 8  ESC[K
 *     answer    ESC[12;1R  ESC[12;2R    → 1 cell (narrow)
 *               ESC[12;1R  ESC[12;3R    → 2 cells (wide)
 */
import type { ReadStream, WriteStream } from 'node:tty';

/** The longest the reader waits for an answer before it starts. */
export const PROBE_TIMEOUT_MS = 100;

const QUESTION = '\u001b7\u001b[6n\u201c\u001b[6n\u001b8\u001b[K';
// eslint-disable-next-line no-control-regex
const REPORT = /\u001b\[(\d+);(\d+)R/g;

export interface ProbeStreams {
  input: NodeJS.ReadStream | ReadStream;
  output: NodeJS.WriteStream | WriteStream;
}

/**
 * The cells the terminal gives an ambiguous character (1 or 2), or undefined when it did not answer in
 * `timeoutMs` (or answered something else). Keys typed meanwhile are given back to the input stream.
 */
export function probeAmbiguousWidth({ input, output }: ProbeStreams, timeoutMs = PROBE_TIMEOUT_MS): Promise<1 | 2 | undefined> {
  return new Promise((resolve) => {
    const tty = input as ReadStream;
    const wasRaw = tty.isTTY ? tty.isRaw : false;
    let received = '';
    let done = false;
    const finish = (width: 1 | 2 | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      input.removeListener('data', onData);
      for (const signal of SIGNALS) process.removeListener(signal, onSignal);
      // Whatever is not an answer was typed: it goes back for the reader to read.
      const rest = received.replace(REPORT, '');
      input.pause();
      if (rest !== '') input.unshift(Buffer.from(rest, 'utf8'));
      if (tty.isTTY && !wasRaw) tty.setRawMode(false);
      resolve(width);
    };
    const onData = (chunk: Buffer | string): void => {
      received += chunk.toString();
      const reports = [...received.matchAll(REPORT)];
      if (reports.length < 2) return;
      const [before, after] = reports;
      const width = Number(after![2]) - Number(before![2]);
      finish(width === 1 || width === 2 ? width : undefined);
    };
    // A signal while the terminal is raw must not leave it raw.
    const onSignal = (signal: NodeJS.Signals): void => {
      finish(undefined);
      process.kill(process.pid, signal);
    };
    // The timer gives up one turn of the event loop after it fires, not at once: the reader builds its
    // first frame while the terminal answers, and an answer that came meanwhile is read in that turn
    // (timers run before the loop reads input).
    const timer = setTimeout(() => setImmediate(() => finish(undefined)), timeoutMs);
    for (const signal of SIGNALS) process.once(signal, onSignal);
    if (tty.isTTY) tty.setRawMode(true);
    input.on('data', onData);
    input.resume();
    output.write(QUESTION);
  });
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
