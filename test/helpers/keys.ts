/**
 * Byte sequences an xterm-compatible terminal sends for named keys, for `Terminal.write`.
 * Cursor and Home/End keys are given in normal mode (`ESC [ A`); `Terminal.write` turns them into
 * application mode (`ESC O A`) when the program has asked for it (DECCKM), as a real terminal does.
 */
export const keys = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  insert: '\x1b[2~',
  delete: '\x1b[3~',
  enter: '\r',
  esc: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  space: ' ',
  /** Ctrl plus a letter or one of `@[\]^_`, e.g. `keys.ctrl('d')` → `\x04`. */
  ctrl(key: string): string {
    const code = key.toUpperCase().charCodeAt(0);
    if (key.length !== 1 || code < 0x40 || code > 0x5f) {
      throw new RangeError(`no control character for ${JSON.stringify(key)}`);
    }
    return String.fromCharCode(code & 0x1f);
  },
  /** Alt (meta) plus a key, sent as ESC followed by the key, as xterm does by default. */
  alt(key: string): string {
    return `\x1b${key}`;
  },
  /** Text as a terminal sends a paste when the program enabled bracketed paste (DECSET 2004). */
  paste(text: string): string {
    return `\x1b[200~${text}\x1b[201~`;
  },
} as const;

const NORMAL_MODE_CURSOR_KEY = /\x1b\[([ABCDHF])/g;

/** Rewrites cursor and Home/End keys for application cursor-key mode (DECCKM set). */
export function toApplicationCursorKeys(data: string): string {
  return data.replace(NORMAL_MODE_CURSOR_KEY, '\x1bO$1');
}
