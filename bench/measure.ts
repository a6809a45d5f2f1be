import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTerminal, type TerminalSession } from '../test/helpers/terminal.js';
import type { Program } from './programs.js';
import type { KeyScenario } from './scenarios.js';

/** A document to open and the text that shows its first screen has arrived. */
export interface BenchDocument {
  name: string;
  path: string;
  /** The start of the first line: every reader shows it on its first screen. */
  probe: string;
  /** The same text in UTF-8, for the readers that cannot decode `path` (less and Ink on a GBK file). */
  utf8Path?: string;
}

export interface Size {
  cols: number;
  rows: number;
}

/** Samples of one scenario in one run. */
export interface KeySamples {
  bytes: number[];
  settleMs: number[];
  /** Set when the samples are incomplete and must not be summarised. */
  note?: string;
}

/** What one session measured; undefined fields could not be measured (n/a). */
export interface RunResult {
  /** Spawn → the probe is on screen and output has stopped. */
  firstFrameMs?: number;
  /** VmHWM before the first scenario that loads more (or before quitting), in KiB. */
  peakRssKiB?: number;
  /** VmHWM before quitting, when a scenario that loads more ran. */
  sessionPeakRssKiB?: number;
  keys: Record<string, KeySamples>;
  /** Why the run stopped early (the program exited, never showed the probe, never settled). */
  note?: string;
}

/**
 * After a key: wait for its first output (up to RESPONSE_TIMEOUT_MS: a key may change nothing),
 * then (for a scenario that says what its answer looks like, once it shows) output quiet for
 * KEY_QUIET_MS counts as "the screen stopped changing". Waiting for the
 * response first keeps a slow answer on a loaded machine from being taken for no answer.
 */
const RESPONSE_TIMEOUT_MS = 300;
const KEY_QUIET_MS = 50;
/** After start-up, longer: programs finish their set-up (terminal queries, first resize) in several writes. */
const FRAME_QUIET_MS = 150;
const FIRST_FRAME_TIMEOUT_MS = 20_000;
const SETTLE_TIMEOUT_MS = 5_000;

class NotApplicable extends Error {}

/**
 * Starts the program on the document at the size and measures the first frame; with scenarios,
 * also presses them in order and reads the peak RSS at the end (and before a scenario that loads more). Never throws for a program that
 * misbehaves: what could not be measured is left out and explained in `note`.
 */
export async function measureRun(program: Program, doc: BenchDocument, size: Size, scenarios: readonly KeyScenario[]): Promise<RunResult> {
  const result: RunResult = { keys: {} };
  const term = await startTerminal({ ...size, command: program.command, args: program.args(program.name === 'yuedu' ? doc.path : (doc.utf8Path ?? doc.path)), env: { CI: undefined, ...program.env } });
  try {
    await measureSession(term, doc, scenarios, result);
  } catch (error) {
    if (!(error instanceof NotApplicable)) throw error;
    result.note = error.message;
  } finally {
    // A reader runs until it is told to quit; one that ended by itself (it printed, or crashed on
    // a key) had no interactive first frame to measure.
    if (term.exited) delete result.firstFrameMs;
    await term.dispose();
  }
  return result;
}

/**
 * Spawn → the first frame (as {@link measureRun}), and spawn → the answer to a key pressed as soon as it
 * shows (`j`, a row down): when the text is read, not only shown (a first look at a long EPUB is drawn
 * while the rest is read, and keys wait for it).
 */
export async function measureReady(program: Program, doc: BenchDocument, size: Size): Promise<{ firstFrameMs?: number; readyMs?: number; note?: string }> {
  const term = await startTerminal({ ...size, command: program.command, args: program.args(doc.path), env: { CI: undefined, ...program.env } });
  try {
    await term.waitFor(doc.probe, { timeout: FIRST_FRAME_TIMEOUT_MS });
    await settle(term, FRAME_QUIET_MS);
    const firstFrameMs = term.lastOutputAt - term.startedAt;
    const before = stateKey(term);
    term.write('j');
    await term.waitFor((t) => stateKey(t) !== before, { timeout: FIRST_FRAME_TIMEOUT_MS });
    return { firstFrameMs, readyMs: term.lastOutputAt - term.startedAt };
  } catch (error) {
    return { note: error instanceof Error ? error.message : String(error) };
  } finally {
    await term.dispose();
  }
}

async function measureSession(term: TerminalSession, doc: BenchDocument, scenarios: readonly KeyScenario[], result: RunResult): Promise<void> {
  await term.waitFor(doc.probe, { timeout: FIRST_FRAME_TIMEOUT_MS }).catch(() => {
    throw new NotApplicable(term.exited ? `exited (code ${term.exited.exitCode}) without a first frame` : 'first frame never appeared');
  });
  await settle(term, FRAME_QUIET_MS);
  if (term.exited) throw new NotApplicable(`exited (code ${term.exited.exitCode}) after printing: not interactive`);
  result.firstFrameMs = term.lastOutputAt - term.startedAt;

  const frames = new Map<string, string[]>();
  for (const scenario of scenarios) {
    if (scenario.loadsMore) result.peakRssKiB ??= peakRss(term.pid);
    if (scenario.prepare) await press(term, scenario.prepare);
    if (scenario.pauseMs) await sleep(scenario.pauseMs);
    const framesKey = `${scenario.prepare ?? ''}|${scenario.key}`;
    result.keys[scenario.name] = scenario.intervalMs
      ? await holdKey(term, scenario, scenario.intervalMs, frames.get(framesKey) ?? [])
      : await pressKey(term, scenario, (recorded) => frames.set(framesKey, recorded));
  }
  if (scenarios.length === 0) return;
  if (result.peakRssKiB === undefined) result.peakRssKiB = peakRss(term.pid);
  else result.sessionPeakRssKiB = peakRss(term.pid);
}

async function settle(term: TerminalSession, quietMs: number): Promise<void> {
  await term.settle(quietMs, { timeout: SETTLE_TIMEOUT_MS }).catch(() => {
    throw new NotApplicable(`output did not stop for ${quietMs} ms within ${SETTLE_TIMEOUT_MS} ms`);
  });
}

async function press(term: TerminalSession, keys: string, answered?: (bottomRow: string) => boolean): Promise<{ bytes: number; settleMs: number }> {
  if (term.exited) throw new NotApplicable(`exited (code ${term.exited.exitCode}) during the keys`);
  const bytesBefore = term.bytes;
  const responded = firstOutput(term, RESPONSE_TIMEOUT_MS);
  const writtenAt = performance.now();
  term.write(keys);
  await responded;
  if (answered) {
    await term.waitFor((t) => answered(t.row(t.rows - 1)), { timeout: SETTLE_TIMEOUT_MS }).catch(() => {
      throw new NotApplicable(`no answer to ${JSON.stringify(keys)} within ${SETTLE_TIMEOUT_MS} ms`);
    });
  }
  await settle(term, KEY_QUIET_MS);
  // No output at all (already at the end, say): the screen was right at once.
  return { bytes: term.bytes - bytesBefore, settleMs: Math.max(0, term.lastOutputAt - writtenAt) };
}

/** Resolves at the next output, or after `timeout` ms for a key that changes nothing. */
function firstOutput(term: TerminalSession, timeout: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      stop();
      resolve();
    };
    const timer = setTimeout(done, timeout);
    const stop = term.onOutput(done);
  });
}

/**
 * What identifies the state a key led to: the screen without its bottom row, where readers keep a
 * status line that may change by itself (yuedu's layout progress, say).
 */
function stateKey(term: TerminalSession): string {
  return term.text().slice(0, -1).join('\n');
}

/** One press at a time, each after the screen settled; records the state after each press. */
async function pressKey(term: TerminalSession, scenario: KeyScenario, record: (frames: string[]) => void): Promise<KeySamples> {
  const samples: KeySamples = { bytes: [], settleMs: [] };
  const frames: string[] = [];
  for (let i = 0; i < scenario.presses; i++) {
    const { bytes, settleMs } = await press(term, scenario.key, scenario.answered);
    samples.bytes.push(bytes);
    samples.settleMs.push(settleMs);
    frames.push(stateKey(term));
  }
  record(frames);
  return samples;
}

/**
 * Presses every `intervalMs` regardless of the screen. Press i has settled at the first screen
 * in the state recorded after i single presses (or a later one): before that, the user does not
 * see the effect of that key yet. Bytes: the total over the burst, per press.
 */
async function holdKey(term: TerminalSession, scenario: KeyScenario, intervalMs: number, singleFrames: string[]): Promise<KeySamples> {
  if (singleFrames.length < scenario.presses) throw new Error(`${scenario.name}: no single-press frames to compare with`);
  const stateOf = new Map<string, number>();
  singleFrames.forEach((frame, i) => stateOf.set(frame, i + 1)); // a repeated frame (at the end) keeps its last state
  const reached: { at: number; state: number }[] = [];
  const stop = term.onOutput((_chunk, arrivedAt) => reached.push({ at: arrivedAt, state: stateOf.get(stateKey(term)) ?? 0 }));
  const bytesBefore = term.bytes;
  const writtenAt: number[] = [];
  const start = performance.now();
  try {
    for (let i = 0; i < scenario.presses; i++) {
      const wait = start + i * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      if (term.exited) throw new NotApplicable('exited during the held keys');
      writtenAt.push(performance.now());
      term.write(scenario.key);
    }
    // Quiet output alone does not mean the last presses were handled: a busy program may not have
    // answered them yet. Wait for the screen of all presses (if it never comes, presses were lost).
    const final = singleFrames[scenario.presses - 1];
    await term.waitFor((t) => stateKey(t) === final, { timeout: SETTLE_TIMEOUT_MS }).catch(() => undefined);
    await settle(term, KEY_QUIET_MS);
  } finally {
    stop();
  }
  const settleMs: number[] = [];
  writtenAt.forEach((at, i) => {
    const shown = reached.find((entry) => entry.state >= i + 1);
    if (shown) settleMs.push(Math.max(0, shown.at - at));
  });
  const samples = { bytes: [(term.bytes - bytesBefore) / scenario.presses], settleMs };
  if (settleMs.length === scenario.presses) return samples;
  return { ...samples, note: `only ${settleMs.length}/${scenario.presses} presses showed (keys lost, or screens unlike those of single presses)` };
}

function peakRss(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}
