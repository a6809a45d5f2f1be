/**
 * Building the converter of the script the text is to be shown in (`convertPrepare` requests), a
 * slice at a time between keys, then `scriptReady`; until then the text is drawn as written. Building
 * takes about a second of work (tens of thousands of dictionary entries), which a key must never wait
 * for. A request for another script replaces the one before; a half-built converter is taken up where
 * it was left when its script is asked for again (see `prepareConverter`).
 */
import type { Action } from '../app/actions.js';
import { converterPending, prepareConverter, type Script } from '../core/script/convert.js';

/** Milliseconds of dictionary loading per slice: a key that arrives meanwhile waits at most this long. */
const SLICE_MS = 4;

export interface ConvertRunnerOptions {
  dispatch(action: Action): void;
  /** @default performance.now */
  now?(): number;
}

export class ConvertRunner {
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ConvertRunnerOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  prepare(script: Script): void {
    this.close();
    if (!converterPending(script)) return;
    const steps = prepareConverter(script);
    const slice = (): void => {
      const started = this.now();
      do {
        if (steps.next().done) {
          this.timer = undefined;
          this.options.dispatch({ type: 'scriptReady', script });
          return;
        }
      } while (this.now() - started < SLICE_MS);
      this.timer = setTimeout(slice, 0);
    };
    this.timer = setTimeout(slice, 0);
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
