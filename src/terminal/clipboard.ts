/**
 * Copy to the clipboard of the terminal the user sits at, through OSC 52 (`ESC ] 52 ; c ; <base64> BEL`).
 * The terminal, not this machine, owns the clipboard, so it works over SSH with no X server or helper.
 *
 * Multiplexers sit between us and that terminal:
 * - tmux understands OSC 52 itself: with `set-clipboard on` it stores the text as a paste buffer and
 *   forwards it to the outer terminal. We send the plain sequence. The alternative, tmux's DCS passthrough
 *   (`ESC P tmux; …`), is disabled by default since tmux 3.3 (`allow-passthrough off`) and bypasses tmux's
 *   buffers, so it would work for fewer people; tmux's default `set-clipboard external` ignores
 *   applications, which the README tells users to change. tmux is asked (tmux.ts), and with the option
 *   `off` or `external` nothing is sent and the status says why, rather than claiming a copy.
 * - GNU screen does not understand OSC 52 and passes DCS strings through, but only up to 768 bytes each,
 *   so the sequence goes out split over several `ESC P … ESC \` strings.
 *
 * Many terminals drop OSC 52 payloads beyond about 100 kB, silently, so longer texts are refused with a
 * message rather than truncated: a silently cut quote is worse than none.
 */
import { tmuxClipboard, type TmuxClipboard } from './tmux.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** The most UTF-8 bytes copied at once: 75,000 bytes encode to exactly 100,000 base64 characters. */
export const MAX_CLIPBOARD_BYTES = 75_000;

/** Bytes of the sequence inside each GNU screen DCS string; screen's limit is 768. */
const SCREEN_CHUNK = 256;

export interface Osc52Options {
  /** Wrap for GNU screen (DCS passthrough in chunks). @default false */
  screen?: boolean;
}

/** The exact characters (all ASCII) that ask the terminal to put `text` on its clipboard. */
export function osc52(text: string, options: Osc52Options = {}): string {
  const sequence = `${ESC}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${BEL}`;
  if (!options.screen) return sequence;
  const chunks: string[] = [];
  for (let i = 0; i < sequence.length; i += SCREEN_CHUNK) chunks.push(`${ESC}P${sequence.slice(i, i + SCREEN_CHUNK)}${ST}`);
  return chunks.join('');
}

/** Where the sequence has to go through, read from the environment the reader runs in. */
export interface ClipboardEnvironment {
  /** `$TMUX` is set: tmux handles OSC 52 itself (see the module comment). */
  tmux: boolean;
  /** `$STY` is set and not inside tmux: GNU screen needs passthrough. */
  screen: boolean;
}

/** Reads {@link ClipboardEnvironment} from `env`; the innermost tmux wins over an outer screen. */
export function clipboardEnvironment(env: NodeJS.ProcessEnv = process.env): ClipboardEnvironment {
  const tmux = Boolean(env.TMUX);
  return { tmux, screen: !tmux && Boolean(env.STY) };
}

export type ClipboardCopy =
  /** Write `bytes` to the terminal, then show `status`. */
  | { ok: true; bytes: string; status: string }
  /** Nothing to write; show `status`. */
  | { ok: false; status: string };

/**
 * Decides how to copy `text`: the bytes to write and a one-line status for the status bar, or the reason
 * nothing is written. `what` names the text in the status (e.g. `s2p3`).
 */
export function clipboardCopy(
  text: string,
  what: string,
  env: NodeJS.ProcessEnv = process.env,
  askTmux: (env: NodeJS.ProcessEnv) => TmuxClipboard = tmuxClipboard,
): ClipboardCopy {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_CLIPBOARD_BYTES) {
    const kb = (bytes: number) => `${Math.ceil(bytes / 1000)} kB`;
    return { ok: false, status: `not copied: ${what} is ${kb(size)}, more than terminals accept (${kb(MAX_CLIPBOARD_BYTES)})` };
  }
  const where = clipboardEnvironment(env);
  if (where.tmux) {
    const setting = askTmux(env);
    if (setting === 'off' || setting === 'external') return { ok: false, status: "not copied: tmux's set-clipboard is off (set -g set-clipboard on)" };
  }
  const via = where.tmux ? ' via tmux' : where.screen ? ' via screen' : '';
  return { ok: true, bytes: osc52(text, { screen: where.screen }), status: `copied ${what} to the terminal clipboard${via}` };
}
