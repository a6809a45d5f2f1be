/**
 * Background work (counting the layout, building the search's pinyin readings) gives way to keys: it
 * waits until the keyboard has been quiet this long. A key that comes while a slice of it runs waits
 * for that slice, and so does the frame the key asked for (the screen writer's turn of the event loop
 * comes after the slice queued before it), so a key typed in a row must find none running.
 */
export const KEY_QUIET_MS = 150;

/** Null when the keys have been quiet long enough (go on now), else a promise of the moment they will have been. */
export function afterKeys(lastInput: number, now: number): Promise<void> | null {
  const quietFor = now - lastInput;
  if (quietFor >= KEY_QUIET_MS) return null;
  return new Promise((resolve) => setTimeout(resolve, KEY_QUIET_MS - quietFor));
}
