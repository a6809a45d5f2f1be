/**
 * The background layout pass (`layoutPass` requests): counts the rows of the rest of a large text a
 * slice at a time between keys, so the position in the status bar becomes exact. The rows are
 * counted, not kept (a pass that kept them would hold the whole layout of a long text in memory, and
 * every row would outlive the young generation, which makes garbage collection slow). Counting
 * pauses while keys come; progress is reported as `layoutCounted` actions a few times a second.
 */
import type { Action } from '../app/actions.js';
import type { Flow } from '../core/layout/flow.js';
import { KEY_QUIET_MS } from './give-way.js';

/** Milliseconds of counting per slice: a key that arrives meanwhile waits at most this long. */
const SLICE_MS = 4;
const BLOCKS_PER_STEP = 32;
/**
 * How often the status bar hears about progress. Also when it starts to: a pass done sooner is never
 * mentioned (a shorter one is not worth a word, and the frames it would cost).
 */
const REPORT_MS = 250;

export interface LayoutRunnerOptions {
  dispatch(action: Action): void;
  /** When the last key came (in `now`'s time). */
  lastInput(): number;
  /** @default performance.now */
  now?(): number;
}

export class LayoutRunner {
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: LayoutRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Counts `flow` to its end in the background, instead of the flow counted before (a new width). */
  run(flow: Flow): void {
    this.close();
    let lastReport = this.now();
    const step = (): void => {
      const sinceInput = this.now() - this.options.lastInput();
      if (sinceInput < KEY_QUIET_MS) {
        this.timer = setTimeout(step, KEY_QUIET_MS - sinceInput);
        return;
      }
      const started = this.now();
      while (!flow.isExact() && this.now() - started < SLICE_MS) flow.countSome(BLOCKS_PER_STEP);
      const now = this.now();
      if (flow.isExact() || now - lastReport >= REPORT_MS) {
        lastReport = now;
        this.options.dispatch({ type: 'layoutCounted', flow });
      }
      this.timer = flow.isExact() ? undefined : setTimeout(step, 0);
    };
    this.timer = setTimeout(step, 0);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
