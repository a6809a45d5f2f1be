import { useEffect } from 'react';
import type { Action } from '../../app/actions.js';

/**
 * The auto-scroll's timer: while `pace` (lines a minute) is set, a line down (`autoStep`) every
 * 60 000 / pace ms; the reducer stops it at the end or on a key. A timer, not a loop: between ticks
 * the reader waits for nothing and draws nothing.
 */
export function useAutoScroll(pace: number | undefined, dispatch: (action: Action) => void): void {
  useEffect(() => {
    if (pace === undefined || pace <= 0) return;
    const timer = setInterval(() => dispatch({ type: 'autoStep' }), Math.round(60_000 / pace));
    return () => clearInterval(timer);
  }, [pace, dispatch]);
}
