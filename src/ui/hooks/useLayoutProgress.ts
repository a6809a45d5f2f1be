import { useEffect, useState } from 'react';
import { layoutProgress } from '../../app/selectors.js';
import type { Flow } from '../../core/layout/flow.js';

/** Milliseconds of counting per slice: a key that arrives meanwhile waits at most this long. */
const SLICE_MS = 4;
const BLOCKS_PER_STEP = 32;
/**
 * How often the status bar hears about progress. Also when it starts to: a pass done sooner is never
 * mentioned (a shorter one is not worth a word, and the frames it would cost).
 */
const REPORT_MS = 250;
/** Quiet after a key before counting goes on: keys held down or typed in a row never wait for it. */
const QUIET_MS = 150;

/**
 * Counts the rows of the rest of a large document in the background, a slice at a time between
 * keys, so the position in the status bar becomes exact. The rows are counted, not kept (a pass that
 * kept them would hold the whole layout of a long text in memory, and every row would outlive the
 * young generation, which makes garbage collection slow). Counting pauses while keys come
 * (`lastInput`: when the last one did). Returns the share counted (0–1) while work remains and the
 * pass is long enough to mention (`layoutProgress`), else undefined.
 */
export function useLayoutProgress(flow: Flow, lastInput?: { readonly current: number }): number | undefined {
  const [, setVersion] = useState(0);
  // The flow whose pass has been reported on (a resize starts another pass, at first unreported).
  const [reported, setReported] = useState<Flow | undefined>(undefined);
  useEffect(() => {
    if (flow.isExact()) return;
    let timer: NodeJS.Timeout | undefined;
    let lastReport = performance.now();
    const step = (): void => {
      const sinceInput = performance.now() - (lastInput?.current ?? -Infinity);
      if (sinceInput < QUIET_MS) {
        timer = setTimeout(step, QUIET_MS - sinceInput);
        return;
      }
      const started = performance.now();
      while (!flow.isExact() && performance.now() - started < SLICE_MS) flow.countSome(BLOCKS_PER_STEP);
      const now = performance.now();
      if (flow.isExact() || now - lastReport >= REPORT_MS) {
        lastReport = now;
        setReported(flow);
        setVersion((v) => v + 1);
      }
      if (!flow.isExact()) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [flow, lastInput]);
  return layoutProgress(flow, reported === flow);
}
