/**
 * Hyperlinks (OSC 8): whether to send them, and the one form a link's target takes on the wire.
 *
 * A terminal that does not know OSC 8 usually ignores it, but not all do: the Linux console and GNU
 * screen print parts of it, Emacs' terminals and `dumb` ones show it raw, and output that is not a
 * terminal has no use for it. The user decides over the guess: `YUEDU_HYPERLINKS=0|1` first, then the
 * conventions other programs follow (`NO_HYPERLINKS`, `FORCE_HYPERLINK`).
 */

export interface HyperlinkEnvironment {
  readonly [name: string]: string | undefined;
}

/** True when the reader should wrap links in OSC 8 on an output that `isTTY` or not. */
export function hyperlinksSupported(env: HyperlinkEnvironment, isTTY: boolean): boolean {
  const own = env.YUEDU_HYPERLINKS;
  if (own === '0') return false;
  if (own === '1') return true;
  if (env.NO_HYPERLINKS !== undefined && env.NO_HYPERLINKS !== '' && env.NO_HYPERLINKS !== '0') return false;
  if (env.FORCE_HYPERLINK !== undefined && env.FORCE_HYPERLINK !== '' && env.FORCE_HYPERLINK !== '0') return true;
  if (!isTTY) return false;
  if (env.INSIDE_EMACS !== undefined) return false;
  const term = env.TERM ?? '';
  if (term === '' || term === 'dumb' || term === 'linux' || term.startsWith('screen') || term.startsWith('emacs')) return false;
  return true;
}

const SCHEMES = /^(?:https?:\/\/|mailto:)/i;
/** Characters kept as they are: printable ASCII. */
const PLAIN = /^[\x21-\x7e]$/;
const ESCAPE = /^%[0-9a-fA-F]{2}/;

/**
 * The target as sent in OSC 8, or undefined when it is not a web or mail address. Every byte outside
 * printable ASCII (controls, ESC, BEL, spaces, non-ASCII) is percent-encoded as UTF-8, and so is a `%`
 * that does not start an escape: nothing in the target can end the sequence or start another.
 */
export function hyperlinkTarget(url: string): string | undefined {
  const trimmed = url.trim();
  if (!SCHEMES.test(trimmed)) return undefined;
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i]!;
    if (char === '%' && ESCAPE.test(trimmed.slice(i, i + 3))) out += char;
    else if (char !== '%' && PLAIN.test(char)) out += char;
    else {
      const code = trimmed.codePointAt(i)!;
      const whole = code > 0xffff ? trimmed.slice(i, i + 2) : char;
      if (code > 0xffff) i++;
      // A lone surrogate has no UTF-8 form: Buffer writes U+FFFD for it.
      const bytes = Buffer.from(whole, 'utf8');
      for (const byte of bytes) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * This process's part of every link id: a terminal keeps ids for what is on screen and in its scrollback,
 * so two readers (or a reader and what ran before it) must not name different links alike.
 */
const SESSION = `yd${process.pid.toString(36)}`;

/** A link's OSC 8 `id` for `key` (unique among this reader's links): only letters, digits, `.` `_` `-`. */
export function hyperlinkId(key: string): string {
  return `${SESSION}-${key.replace(/[^A-Za-z0-9._-]/gu, '_')}`;
}
