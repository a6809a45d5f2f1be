/**
 * Where a near miss sits in a paragraph, and whether it is a sensible one.
 *
 * fuse.js answers "is this paragraph within k edits of the query?" but its match indices only mark the
 * query's characters inside a window, so this module aligns the query itself (Sellers' variant of the
 * edit distance: the query must be used whole, the text may start and end anywhere) and judges each
 * window it finds.
 */

/** A window of the text that is within the allowed number of edits of the pattern. */
export interface Window {
  start: number;
  end: number;
  errors: number;
  /** The characters swapped inside the window, as pairs of code units: the pattern's, then the text's. */
  swaps?: number[];
}

/** Fewest pattern characters a window must match literally. */
const MIN_MATCHED = 3;

/** Punctuation, symbols and spaces: a near miss may not run across one the query does not contain. */
const PUNCTUATION = /[\p{P}\p{S}\p{Z}]/u;

// Tables reused across calls: the fuzzy tier aligns hundreds of candidates per keystroke.
let costs = new Int32Array(4096);
let gains = new Int32Array(4096);
function tables(size: number): [Int32Array, Int32Array] {
  if (costs.length < size) {
    costs = new Int32Array(Math.max(size, costs.length * 2));
    gains = new Int32Array(costs.length);
  }
  return [costs, gains];
}

const enum Step {
  Match,
  Substitute,
  SkipText,
  SkipPattern,
}

/**
 * Finds non-overlapping windows of `text` within `maxErrors` edits (substitution, insertion, deletion)
 * of `pattern`, best first within each stretch of candidate end positions, left to right.
 *
 * A window is kept only if
 *  - it contains no punctuation, symbol or space that `pattern` lacks (人工智能 must not match 人、智能);
 *  - at least three of the pattern's characters match: two are too little evidence (特斯拉 must not
 *    match 奥特斯), so a 3-character pattern only tolerates a character missing from it (集电路 → 集成电路);
 *  - it keeps most of the pattern in one piece: a run of at least max(2, ⌈(m − k) / 2⌉) characters that
 *    match consecutively in both pattern and text (so 集成电略 matches 集成电路, but a pattern's
 *    characters scattered one by one over a sentence do not);
 *  - every punctuation mark or symbol of the pattern matches literally: they are text, not operators,
 *    and not typos (`!集成电路` finds nothing rather than what fuse.js's `'` or `!` operators would).
 * Substitutions by punctuation at the ends of a window are trimmed into deletions, which cost the same,
 * so the window does not take in a neighbouring comma.
 */
export function nearMisses(text: string, pattern: string, maxErrors: number): Window[] {
  if (text.length <= CHUNK) return nearMissesIn(text, pattern, maxErrors);
  // A long paragraph (a whole book on one line) is aligned a chunk at a time, so the tables stay small:
  // chunks overlap by the longest window, and each keeps the windows that start before the next one.
  const overlap = pattern.length + maxErrors;
  const step = CHUNK - overlap;
  const windows: Window[] = [];
  let lastEnd = 0;
  for (let from = 0; from < text.length; from += step) {
    const last = from + CHUNK >= text.length;
    for (const window of nearMissesIn(text.slice(from, from + CHUNK), pattern, maxErrors)) {
      const start = window.start + from;
      if (start < lastEnd || (!last && window.start >= step)) continue;
      windows.push({ ...window, start, end: window.end + from });
      lastEnd = window.end + from;
    }
    if (last) break;
  }
  return windows;
}

/** Code units of text aligned at once: the tables take (pattern length + 1) × this many entries. */
const CHUNK = 4096;

function nearMissesIn(text: string, pattern: string, maxErrors: number): Window[] {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || n === 0) return [];
  // cost[i * (n + 1) + j]: fewest edits turning pattern[0, i) into some text[s, j); gain: the most
  // matching characters among such cheapest alignments (so 集电路 aligns with 集成电路 by skipping 成,
  // three matches, rather than as 成电路 with one substitution, two matches).
  const width = n + 1;
  const [cost, gain] = tables((m + 1) * width);
  cost.fill(0, 0, width);
  gain.fill(0, 0, width);
  for (let i = 1; i <= m; i++) {
    cost[i * width] = i;
    gain[i * width] = 0;
    for (let j = 1; j <= n; j++) {
      const same = pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1);
      let c = cost[(i - 1) * width + j - 1]! + (same ? 0 : 1);
      let g = gain[(i - 1) * width + j - 1]! + (same ? 1 : 0);
      const skipText = cost[i * width + j - 1]! + 1;
      if (skipText < c || (skipText === c && gain[i * width + j - 1]! > g)) {
        c = skipText;
        g = gain[i * width + j - 1]!;
      }
      const skipPattern = cost[(i - 1) * width + j]! + 1;
      if (skipPattern < c || (skipPattern === c && gain[(i - 1) * width + j]! > g)) {
        c = skipPattern;
        g = gain[(i - 1) * width + j]!;
      }
      cost[i * width + j] = c;
      gain[i * width + j] = g;
    }
  }
  const minRun = Math.max(2, Math.ceil((m - maxErrors) / 2));
  const patternChars = new Set(pattern);
  const windows: Window[] = [];
  let lastEnd = 0;
  for (let j = 1; j <= n; ) {
    if (cost[m * width + j]! > maxErrors) {
      j++;
      continue;
    }
    // A stretch of adjacent end positions describes one place in the text: keep its best valid window.
    let best: Window | null = null;
    let bestGain = 0;
    let stretchEnd = j;
    while (stretchEnd <= n && cost[m * width + stretchEnd]! <= maxErrors) stretchEnd++;
    for (let end = j; end < stretchEnd; end++) {
      const candidate = traceWindow(text, pattern, cost, gain, width, end, minRun, patternChars);
      if (!candidate || candidate.start < lastEnd) continue;
      const earned = gain[m * width + end]!;
      // Fewest edits, then most matching characters, then the length closest to the pattern's.
      const better =
        !best ||
        candidate.errors < best.errors ||
        (candidate.errors === best.errors && (earned > bestGain || (earned === bestGain && Math.abs(candidate.end - candidate.start - m) < Math.abs(best.end - best.start - m))));
      if (better) {
        best = candidate;
        bestGain = earned;
      }
    }
    if (best) {
      windows.push(best);
      lastEnd = best.end;
    }
    j = stretchEnd;
  }
  return windows;
}

function traceWindow(text: string, pattern: string, cost: Int32Array, gain: Int32Array, width: number, end: number, minRun: number, patternChars: Set<string>): Window | null {
  const steps: Step[] = [];
  let i = pattern.length;
  let j = end;
  while (i > 0) {
    const here = cost[i * width + j]!;
    const earned = gain[i * width + j]!;
    const same = j > 0 && pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1);
    const diagonal = (i - 1) * width + j - 1;
    if (j > 0 && here === cost[diagonal]! + (same ? 0 : 1) && earned === gain[diagonal]! + (same ? 1 : 0)) {
      steps.push(same ? Step.Match : Step.Substitute);
      i--;
      j--;
    } else if (here === cost[(i - 1) * width + j]! + 1 && earned === gain[(i - 1) * width + j]!) {
      steps.push(Step.SkipPattern);
      i--;
    } else {
      steps.push(Step.SkipText);
      j--;
    }
  }
  steps.reverse();
  const from = j;
  // Punctuation and symbols the user typed are literal: a window must match each of them, so `!集成电路`
  // or `“集成电路` is not a near miss of 集成电路 (that would read ! or ' as fuse.js's operators do).
  for (let k = 0, p = 0; k < steps.length; k++) {
    if (steps[k] === Step.SkipText) continue;
    if (steps[k] !== Step.Match && PUNCTUATION.test(pattern[p]!)) return null;
    p++;
  }
  let start = j;
  let stop = end;
  // A deleted pattern character at either end takes no text; a substitution by punctuation at either end
  // becomes such a deletion, which costs the same, so the window does not take in the punctuation.
  const trimmable = (step: Step, textChar: string): boolean => step === Step.SkipPattern || (step === Step.Substitute && PUNCTUATION.test(textChar));
  let head = 0;
  while (head < steps.length && trimmable(steps[head]!, text[start] ?? '')) {
    if (steps[head] === Step.Substitute) start++;
    head++;
  }
  let tail = steps.length - 1;
  while (tail > head && trimmable(steps[tail]!, text[stop - 1] ?? '')) {
    if (steps[tail] === Step.Substitute) stop--;
    tail--;
  }
  let run = 0;
  let longest = 0;
  let matched = 0;
  for (let k = head; k <= tail; k++) {
    run = steps[k] === Step.Match ? run + 1 : 0;
    if (run > 0) matched++;
    longest = Math.max(longest, run);
  }
  if (longest < minRun || matched < MIN_MATCHED) return null;
  for (let k = start; k < stop; k++) {
    const char = text[k]!;
    if (PUNCTUATION.test(char) && !patternChars.has(char)) return null;
  }
  const swaps: number[] = [];
  for (let k = 0, p = 0, t = from; k < steps.length; k++) {
    if (steps[k] === Step.Substitute && k >= head && k <= tail) swaps.push(pattern.charCodeAt(p), text.charCodeAt(t));
    if (steps[k] !== Step.SkipText) p++;
    if (steps[k] !== Step.SkipPattern) t++;
  }
  return { start, end: stop, errors: cost[pattern.length * width + end]!, ...(swaps.length > 0 && { swaps }) };
}
