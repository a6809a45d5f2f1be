import { useEffect, useState } from 'react';
import type { Flow } from '../../core/layout/flow.js';

/** Milliseconds of layout per slice: short enough that a key never waits behind one. */
const SLICE_MS = 8;
const BLOCKS_PER_STEP = 32;
/** How often the status bar hears about progress. */
const REPORT_MS = 250;

/**
 * Lays out the rest of a large document in the background, a slice at a time between keys, so the
 * position in the status bar becomes exact. Returns the share laid out (0–1) while work remains,
 * undefined once the flow is exact.
 */
export function useLayoutProgress(flow: Flow): number | undefined {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (flow.isExact()) return;
    let timer: NodeJS.Timeout | undefined;
    let reported = performance.now();
    const step = (): void => {
      const started = performance.now();
      while (!flow.isExact() && performance.now() - started < SLICE_MS) flow.layoutSome(BLOCKS_PER_STEP);
      const now = performance.now();
      if (flow.isExact() || now - reported >= REPORT_MS) {
        reported = now;
        setVersion((v) => v + 1);
      }
      if (!flow.isExact()) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [flow]);
  return flow.isExact() ? undefined : flow.laidOutCount / flow.blockCount;
}
