/** Ink's key events as the key names of the key table (`src/app/keymap.ts`). */
import type { Key } from 'ink';

/** A character of a multi-character chunk as a key name: controls by name, the rest as themselves. */
function charName(char: string): string {
  if (char === ' ') return 'space';
  if (char === '\r' || char === '\n') return 'enter';
  if (char === '\t') return 'tab';
  const code = char.charCodeAt(0);
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return char;
}

/**
 * The key names in one input event: usually one; several when a held key or a fast typist delivers
 * characters in one chunk ("jjj", "j\r"); none for keys the reader does not use (Alt combinations, F-keys).
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
  return Array.from(input, charName);
}
