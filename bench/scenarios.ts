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
   * Whether the bottom row shows the key's answer: the key has settled only once it does and output
   * is then quiet, so that an answer coming after a pause longer than the quiet one is not missed.
   */
  answered?: (bottomRow: string) => boolean;
  /** Waits this long after `prepare` before the measured key, as a typist does between two keys. */
  pauseMs?: number;
  /**
   * Loads what a session without it never needs (pinyin-pro): the peak RSS is read before it, and the
   * peak at the end of the session is a row of its own.
   */
  loadsMore?: boolean;
}

/**
 * yuedu's search line (`/query`, then the chosen result and the count, `no match`, or `searching…`)
 * once the query has its answer. A bottom row that is not a search line, or a bare `/query` prompt
 * (less, the minimal Ink reader), has nothing more to wait for.
 */
const searchAnswered =
  (query: string) =>
  (bottomRow: string): boolean => {
    if (!bottomRow.startsWith(`/${query}`)) return true;
    const info = bottomRow.slice(query.length + 1).trim();
    return info === '' || (!info.includes('searching…') && /hit \d+ of \d+|no match/.test(info));
  };

// Each starts from the top (`g`) so that a short document does not run out of text to scroll.
export const SCENARIOS: readonly KeyScenario[] = [
  { name: 'j', prepare: 'g', key: 'j', presses: 25 },
  { name: 'space', prepare: 'g', key: ' ', presses: 1 },
  { name: 'G', prepare: 'g', key: 'G', presses: 1 },
  { name: 'held j (20 ms)', prepare: 'g', key: 'j', presses: 25, intervalMs: 20 },
  // It leaves the program in its search line. `/` opens it, the measured key is one character.
  { name: 'search key', prepare: '/', key: '电', presses: 1, answered: searchAnswered('电') },
  // The second letter of the first pinyin query: Ctrl-U empties the line, `d` is the first Latin letter.
  { name: 'pinyin key', prepare: '\x15d', key: 'i', presses: 1, pauseMs: 150, answered: searchAnswered('di'), loadsMore: true },
  // A chapter filter keystroke: Enter leaves the search line (at its hit), Tab focuses the sidebar and `第`
  // starts the filter (preparing the titles); the measured key narrows it to the chapters with a 3 in their
  // number. (Not Esc: sent with the next key in one write, a terminal reads ESC Tab as Alt-Tab.)
  { name: 'chapter filter key', prepare: '\r\t第', key: '3', presses: 1, pauseMs: 150 },
];
