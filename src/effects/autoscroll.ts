/**
 * The auto-scroll's timer (`autoScroll` requests): while a pace (lines a minute) is set, a line down
 * (`autoStep`) every 60 000 / pace ms; the reducer stops it at the end or on a key, and the change
 * asks for no pace. A timer, not a loop: between ticks the reader waits for nothing and draws nothing.
 */
import type { Action } from '../app/actions.js';

export interface AutoScrollTimers {
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

const NODE_TIMERS: AutoScrollTimers = {
  setInterval: (tick, ms) => setInterval(tick, ms),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
};

export class AutoScrollRunner {
  private timer: unknown;
  private pace: number | undefined;

  constructor(
    private readonly dispatch: (action: Action) => void,
    private readonly timers: AutoScrollTimers = NODE_TIMERS,
  ) {}

  /** Scrolls at `pace` lines a minute from now on, or stops (undefined). */
  set(pace: number | undefined): void {
    const wanted = pace !== undefined && pace > 0 ? pace : undefined;
    if (wanted === this.pace) return;
    this.close();
    this.pace = wanted;
    if (wanted !== undefined) this.timer = this.timers.setInterval(() => this.dispatch({ type: 'autoStep' }), Math.round(60_000 / wanted));
  }

  close(): void {
    if (this.timer !== undefined) this.timers.clearInterval(this.timer);
    this.timer = undefined;
    this.pace = undefined;
  }
}
