/** Ink's key events as the key names of the key table (`src/app/keymap.ts`). */
import type { Key } from 'ink';

/**
 * The key names in one input event: usually one; several when a held key or a fast typist delivers
 * characters in one chunk ("jjj"); none for keys the reader does not use (Alt combinations, F-keys).
 */
export function keyNames(input: string, key: Key): string[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.tab) return [key.shift ? 'shift+tab' : 'tab'];
  if (key.return) return ['enter'];
  if (key.escape) return ['escape'];
  if (key.backspace) return ['backspace'];
  if (key.delete) return ['delete'];
  if (key.ctrl) return input.length === 1 ? [`ctrl+${input.toLowerCase()}`] : [];
  if (key.meta) return [];
  return Array.from(input, (char) => (char === ' ' ? 'space' : char));
}
