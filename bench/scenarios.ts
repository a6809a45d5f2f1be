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
}

// Each starts from the top (`g`) so that a short document does not run out of text to scroll.
export const SCENARIOS: readonly KeyScenario[] = [
  { name: 'j', prepare: 'g', key: 'j', presses: 25 },
  { name: 'space', prepare: 'g', key: ' ', presses: 1 },
  { name: 'G', prepare: 'g', key: 'G', presses: 1 },
  { name: 'held j (20 ms)', prepare: 'g', key: 'j', presses: 25, intervalMs: 20 },
  // Last: it leaves the program in its search line. `/` opens it, the measured key is one character.
  { name: 'search key', prepare: '/', key: '电', presses: 1 },
];
