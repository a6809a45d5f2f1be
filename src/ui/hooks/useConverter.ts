import { useEffect } from 'react';
import type { Action } from '../../app/actions.js';
import { converterPending, prepareConverter, type Script } from '../../core/script/convert.js';

/** Milliseconds of dictionary loading per slice: a key that arrives meanwhile waits at most this long. */
const SLICE_MS = 4;

/**
 * Builds the converter of the script the text is to be shown in, a slice at a time between keys, and
 * says when it is ready (`scriptReady`); until then the text is drawn as written. Building takes
 * about a second of work (tens of thousands of dictionary entries), which a key must never wait for.
 */
export function useConverter(script: Script, dispatch: (action: Action) => void): void {
  useEffect(() => {
    if (!converterPending(script)) return;
    const steps = prepareConverter(script);
    let timer: NodeJS.Timeout | undefined;
    const slice = (): void => {
      const started = performance.now();
      while (performance.now() - started < SLICE_MS) {
        if (steps.next().done) {
          dispatch({ type: 'scriptReady' });
          return;
        }
      }
      timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [script, dispatch]);
}
