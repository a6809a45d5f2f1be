/**
 * The keystrokes the benchmark measures, in the order it presses them in one session. Adding a
 * row to the table is adding an entry here.
 */
export interface KeyScenario {
  /** Row label in the table and key in the JSON. */
  name: string;
  /** Keys that bring the program to the state to measure from; not measured. */
  prepare?: string;
  /** The keystroke measured. */
  key: string;
  /** How many times it is pressed; every press is a sample. */
  presses: number;
  /**
   * Held down: pressed every `intervalMs` without waiting for the screen. Each press's latency is
   * found by matching the screens against those recorded when an earlier scenario pressed the same
   * key one at a time from the same `prepare` state, so that scenario must press it at least as often.
   */
  intervalMs?: number;
  /**
   * Output quiet this long after the key counts as settled (default 50 ms): longer for a key whose
   * answer may come after a pause, so that a slow answer is not missed.
   */
  quietMs?: number;
  /** Waits this long after `prepare` before the measured key, as a typist does between two keys. */
  pauseMs?: number;
  /**
   * Loads what a session without it never needs (pinyin-pro): the peak RSS is read before it, and the
   * peak at the end of the session is a row of its own.
   */
  loadsMore?: boolean;
}

// Each starts from the top (`g`) so that a short document does not run out of text to scroll.
export const SCENARIOS: readonly KeyScenario[] = [
  { name: 'j', prepare: 'g', key: 'j', presses: 25 },
  { name: 'space', prepare: 'g', key: ' ', presses: 1 },
  { name: 'G', prepare: 'g', key: 'G', presses: 1 },
  { name: 'held j (20 ms)', prepare: 'g', key: 'j', presses: 25, intervalMs: 20 },
  // It leaves the program in its search line. `/` opens it, the measured key is one character.
  { name: 'search key', prepare: '/', key: '电', presses: 1 },
  // The second letter of the first pinyin query: Ctrl-U empties the line, `d` is the first Latin letter.
  // Before yuedu read pinyin in the background, its answer came 110–150 ms after the echo.
  { name: 'pinyin key', prepare: '\x15d', key: 'i', presses: 1, pauseMs: 150, quietMs: 300, loadsMore: true },
];
