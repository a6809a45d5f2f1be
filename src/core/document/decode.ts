/**
 * Bytes → text, for the encodings Chinese text files come in.
 *
 * Detection order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); then UTF-16 without one, when the bytes
 * have NULs and read plainly as text that way (see {@link bomlessUtf16}); otherwise strict UTF-8; otherwise the
 * double-byte encodings of Chinese, GB18030 (a superset of GBK and GB2312) and Big5 (with the HKSCS
 * characters, as the WHATWG decoder has them). Many files are valid in both, so the choice is by how
 * Chinese each reading looks (chinese-text.ts): the share of common characters, high for the right one and
 * near zero for mojibake. A reading with many ideographs but few common ones convinces nobody: the file is
 * refused (exit 2) with a pointer to `--encoding`, rather than shown as mojibake. Two forgiving cases keep damaged UTF-8 from being misread as
 * GB18030 mojibake, which a strict decoder would happily produce from UTF-8 bytes:
 * - a multi-byte sequence cut off at the very end (a truncated download or `head -c`) becomes U+FFFD;
 * - surrogates encoded as UTF-8 (WTF-8, CESU-8: lone surrogates from Java or JavaScript) become U+FFFD;
 * - a few invalid bytes among many valid multi-byte sequences (at most 1 per {@link LENIENT_RATIO}) become
 *   U+FFFD each.
 * GB18030 and Big5 get the same mercy: a text that reads as plainly Chinese in one of them, but for a rare
 * bad sequence (one per 500 ideographs; one at least, such as a last character cut off), is read with
 * each bad sequence as U+FFFD rather than refused (see {@link damagedDoubleByte}).
 * Newlines are normalised to `\n`. Nothing here sanitises controls: see sanitize.ts.
 */

import { chineseness } from './chinese-text.js';

/** Why bytes could not be read as text: `encoding` is an encoding name yuedu does not know. */
export type DecodeFailure = 'binary' | 'undecodable' | 'encoding';

/** Thrown by {@link decodeText}; its message completes "cannot open FILE: …". */
export class DecodeError extends Error {
  constructor(
    readonly reason: DecodeFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Valid UTF-8 multi-byte sequences needed per invalid byte before damaged UTF-8 is still read as UTF-8. */
export const LENIENT_RATIO = 50;

// How much of the start is sampled for control bytes, and the share of them that means "binary".
const SAMPLE = 4096;
const BINARY_SHARE = 0.3;

const REPLACEMENT = '\uFFFD';
const REPLACEMENT_UTF8 = new Uint8Array([0xef, 0xbf, 0xbd]);

/**
 * Decodes a text file's bytes (see the module comment for the detection rules) and normalises CRLF and CR
 * to `\n`. Throws {@link DecodeError} for binary data or bytes no supported encoding accepts.
 *
 * Consumes `bytes`: unless they are UTF-16 or an `encoding` is named, the newlines are normalised in
 * the bytes themselves before decoding (CR and LF bytes are never part of a character in UTF-8,
 * GB18030 or Big5), which spares a second copy of a long text. The caller must not use them after.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  return options.encoding === undefined ? decodeBytes(bytes) : normaliseNewlines(decodeAs(bytes, options.encoding));
}

/**
 * CRLF and lone CR become LF in `bytes` itself (see {@link decodeText}); returns the bytes up to their
 * new, shorter length.
 */
export function normaliseNewlineBytes(bytes: Uint8Array): Uint8Array {
  const from = bytes.indexOf(0x0d);
  if (from < 0) return bytes;
  let to = from;
  // One plain loop: a call per line (indexOf, copyWithin) costs more in a book of short lines.
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== 0x0d) bytes[to++] = byte;
    else {
      // A CR becomes the LF, and an LF after it is dropped.
      bytes[to++] = 0x0a;
      if (bytes[i + 1] === 0x0a) i++;
    }
  }
  return bytes.subarray(0, to);
}

export interface DecodeOptions {
  /** `--encoding NAME`: any WHATWG label (utf-8, gbk, gb18030, big5, big5-hkscs, utf-16le…); no detection. */
  encoding?: string;
}

/** The encodings detection tries for bytes that are not UTF-8, in order of preference on a tie. */
export const DOUBLE_BYTE = ['gb18030', 'big5'] as const;
/** Ideographs from which a reading must look Chinese to be believed. */
const JUDGED_FROM = 40;
/** Least share of common characters in a believable reading (real prose: about a half). */
const CONVINCING = 0.2;
/** Ideographs per private-use character or C1 control tolerated in a reading. */
const ODD_PER_IDEOGRAPHS = 100;
/** Bytes decoded to compare the candidate encodings (the winner is then decoded whole). */
const SNIFF_BYTES = 256 * 1024;

function decodeAs(bytes: Uint8Array, label: string): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label.trim());
  } catch {
    throw new DecodeError('encoding', `'${label}' is not an encoding yuedu knows (try utf-8, gb18030, big5 or utf-16le)`);
  }
  return decoder.decode(bytes);
}

/** Strict GB18030 or Big5, whichever reads as more Chinese (see the module comment). */
function doubleByte(bytes: Uint8Array): string | undefined {
  // A sample cut after a newline: 0x0A is never part of a character in either encoding.
  const cut = bytes.length <= SNIFF_BYTES ? bytes.length : bytes.lastIndexOf(0x0a, SNIFF_BYTES) + 1 || SNIFF_BYTES;
  const sample = bytes.subarray(0, cut);
  const readings = DOUBLE_BYTE.map((encoding) => {
    const text = strict(encoding, sample);
    return { encoding, text, score: text === undefined ? undefined : chineseness(text) };
  })
    .filter((r) => r.score !== undefined)
    .sort((a, b) => (b.score?.common ?? 0) - (a.score?.common ?? 0));
  for (const { encoding, score } of readings) {
    if (!score || (score.ideographs >= JUDGED_FROM && score.common < CONVINCING)) continue;
    // Node's Big5 decoder, even when fatal, turns bytes it has no character for into private-use
    // characters and C1 controls: a few in a long text may be a rare glyph, more are not this encoding.
    if (score.odd > score.ideographs / ODD_PER_IDEOGRAPHS) continue;
    const whole = cut === bytes.length ? readings.find((r) => r.encoding === encoding)?.text : strict(encoding, bytes);
    if (whole !== undefined) return whole;
  }
  return damagedDoubleByte(bytes, sample);
}

/**
 * The encoding the start of a long file reads in, for a first look at it before it is decoded whole
 * (first-look.ts): UTF-8 when the sample is strict UTF-8, else GB18030 or Big5 as {@link doubleByte}
 * would choose from the same sample. Undefined for what a sample cannot settle or a first look has no
 * use for: UTF-16 (a NUL, or its byte-order mark), a sample with few ideographs, none convincing. The
 * whole file may still decode otherwise (a bad byte far in): the caller decodes it whole after.
 */
export function sampleEncoding(bytes: Uint8Array, size = SNIFF_BYTES): 'utf-8' | 'gb18030' | 'big5' | undefined {
  const cut = bytes.length <= size ? bytes.length : bytes.lastIndexOf(0x0a, size) + 1 || size;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const sample = bytes.subarray(bom, cut);
  if (sample.includes(0) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const utf8 = strict('utf-8', sample);
  if (utf8 !== undefined) return chineseness(utf8).ideographs >= JUDGED_FROM ? 'utf-8' : undefined;
  const readings = DOUBLE_BYTE.map((encoding) => {
    const text = strict(encoding, sample);
    return { encoding, score: text === undefined ? undefined : chineseness(text) };
  }).sort((a, b) => (b.score?.common ?? 0) - (a.score?.common ?? 0));
  for (const { encoding, score } of readings) {
    if (!score || score.ideographs < JUDGED_FROM || score.common < CONVINCING || score.odd > score.ideographs / ODD_PER_IDEOGRAPHS) continue;
    return encoding;
  }
  return undefined;
}

/**
 * A GBK or Big5 book with a few bad bytes (a download cut short, a stray byte from a careless edit): read
 * with each bad sequence as U+FFFD, when the reading is plainly Chinese (judged, however short) and the
 * bad sequences are rare, in the sample and in the whole. Refusing a 3 MB novel for one byte helps nobody;
 * mojibake never gets here, as it never reads as Chinese.
 */
function damagedDoubleByte(bytes: Uint8Array, sample: Uint8Array): string | undefined {
  const readings = DOUBLE_BYTE.map((encoding) => {
    const text = new TextDecoder(encoding).decode(sample);
    const bad = count(text, REPLACEMENT_CODE);
    return { encoding, bad, score: chineseness(text) };
  })
    .filter(({ bad, score }) => score.ideographs >= JUDGED_FROM && score.common >= CONVINCING && score.odd - bad <= score.ideographs / ODD_PER_IDEOGRAPHS)
    .filter(({ bad, score }) => rareDamage(bad, score.ideographs))
    .sort((a, b) => b.score.common - a.score.common);
  const best = readings[0];
  if (best === undefined) return undefined;
  const whole = sample.length === bytes.length ? new TextDecoder(best.encoding).decode(sample) : new TextDecoder(best.encoding).decode(bytes);
  return rareDamage(count(whole, REPLACEMENT_CODE), ideographCount(whole)) ? whole : undefined;
}

/** Ideographs per bad sequence tolerated in a damaged double-byte text (one is always forgiven). */
const IDEOGRAPHS_PER_DAMAGE = 500;
const REPLACEMENT_CODE = 0xfffd;

function rareDamage(bad: number, ideographs: number): boolean {
  return bad <= Math.max(1, ideographs / IDEOGRAPHS_PER_DAMAGE);
}

function count(text: string, code: number): number {
  let found = 0;
  for (let i = text.indexOf(String.fromCharCode(code)); i !== -1; i = text.indexOf(String.fromCharCode(code), i + 1)) found++;
  return found;
}

function ideographCount(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) found++;
  }
  return found;
}

/** CRLF and lone CR become `\n`. */
export function normaliseNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function decodeBytes(input: Uint8Array): string {
  const [b0, b1, b2, b3] = input;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new DecodeError('undecodable', 'it is UTF-32 text, which is not supported');
  }
  // The WHATWG UTF-16 decoders turn lone surrogates and a dangling odd byte into U+FFFD. A CR byte
  // may be half of another character here: the newlines are normalised in the text.
  if (b0 === 0xff && b1 === 0xfe) return normaliseNewlines(new TextDecoder('utf-16le').decode(input.subarray(2)));
  if (b0 === 0xfe && b1 === 0xff) return normaliseNewlines(new TextDecoder('utf-16be').decode(input.subarray(2)));
  // One look for a NUL, for both questions it answers (a pass over a long book each).
  const nul = input.includes(0);
  const bomless = nul ? bomlessUtf16(input) : undefined;
  if (bomless !== undefined) return normaliseNewlines(bomless);
  const bytes = normaliseNewlineBytes(input);
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));

  if (nul || looksBinary(bytes)) throw new DecodeError('binary', 'it looks like a binary file, not a text');
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return utf8;
  // A start that is plainly not UTF-8 (a GBK or Big5 book) spares the rescues, each a pass over the file.
  if (!plainlyNotUtf8(bytes)) {
    const rescued = rescuedUtf8(bytes);
    if (rescued !== undefined) return rescued;
  }
  const chinese = doubleByte(bytes);
  if (chinese !== undefined) return chinese;
  throw new DecodeError('undecodable', 'it is not UTF-8, UTF-16 or GB18030 text (nor Big5)');
}

/** Bytes of the start looked at by {@link plainlyNotUtf8}. */
const UTF8_SAMPLE = 64 * 1024;

/** The first {@link UTF8_SAMPLE} bytes have more bad sequences than damaged UTF-8 may have in all. */
function plainlyNotUtf8(bytes: Uint8Array): boolean {
  if (bytes.length <= UTF8_SAMPLE) return false;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, UTF8_SAMPLE));
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f) multibyte++;
  }
  // Encoded surrogates (CESU-8) are three replacements each; a few are allowed for.
  return replaced > 3 * LENIENT_RATIO && replaced * LENIENT_RATIO > multibyte;
}

/** UTF-8 cut short, with encoded surrogates, or with a few bad bytes (see the module comment). */
function rescuedUtf8(bytes: Uint8Array): string | undefined {
  const truncated = truncatedUtf8(bytes);
  if (truncated !== undefined) return truncated;
  const surrogates = surrogateUtf8(bytes);
  if (surrogates !== undefined) return surrogates;
  return damagedUtf8(bytes);
}

function strict(encoding: 'utf-8' | 'gb18030' | 'big5', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a byte-order mark (Windows tools write it so at times): its ASCII characters (newlines,
 * digits) and some others (`　` U+3000, `一` U+4E00) leave NULs among its bytes, which no UTF-8, GB18030
 * or Big5 text has. Read both ways, it is taken as the reading whose start is nearly all what texts are
 * made of (ASCII, CJK ideographs and punctuation, full-width forms), decoded without a bad sequence; the
 * other reading of the same bytes is a scatter of unrelated scripts, as is a binary file's. Else
 * undefined (and a NUL then means binary).
 *
 *   2c 7b 00 4e 0d 00 0a 00 → LE: `第一\r\n` (all plausible); BE: U+2C7B U+004E U+0D00 U+0A00 (not).
 */
function bomlessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 16) return undefined;
  const head = bytes.subarray(0, SAMPLE);
  for (const label of ['utf-16le', 'utf-16be'] as const) {
    const sample = new TextDecoder(label).decode(head);
    let plausible = 0;
    for (let i = 0; i < sample.length; i++) if (plausibleUnit(sample.charCodeAt(i))) plausible++;
    if (plausible < 0.95 * sample.length) continue;
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** What a text's UTF-16 units mostly are: ASCII text, CJK ideographs (and their surrogates), CJK and general punctuation, full-width forms. */
function plausibleUnit(code: number): boolean {
  return (
    (code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d ||
    (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x30ff) || (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2000 && code <= 0x206f) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffd
  );
}

/**
 * Text never contains NUL without a UTF-16 BOM (or a UTF-16 reading, above: the caller looks for NULs); other controls (except tab, newlines, form feed and ESC,
 * which hostile but real texts contain) are rare in text and common in binary formats.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  let controls = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f) {
      controls++;
    }
  }
  return sample.length > 0 && controls / sample.length > BINARY_SHARE;
}

/** Valid UTF-8 except for an incomplete sequence in the last 1–3 bytes: decode the rest, mark the cut. */
function truncatedUtf8(bytes: Uint8Array): string | undefined {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const lead = bytes[bytes.length - back] ?? 0;
    if (lead >= 0x80 && lead < 0xc0) continue;
    const needed = lead >= 0xf5 ? 0 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 ? 2 : 0;
    if (needed <= back) return undefined;
    const head = strict('utf-8', bytes.subarray(0, bytes.length - back));
    // The tail must itself be a valid prefix, or it is not truncation but damage.
    const tail = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(bytes.length - back));
    return head !== undefined && tail === REPLACEMENT ? head + REPLACEMENT : undefined;
  }
  return undefined;
}

/** A surrogate code point written as UTF-8 (ED A0–BF 80–BF), which strict UTF-8 forbids. */
function isEncodedSurrogate(bytes: Uint8Array, i: number): boolean {
  const second = bytes[i + 1] ?? 0;
  const third = bytes[i + 2] ?? 0;
  return bytes[i] === 0xed && second >= 0xa0 && second <= 0xbf && third >= 0x80 && third <= 0xbf;
}

/**
 * WTF-8 / CESU-8: UTF-8 whose only flaw is surrogates encoded one by one, as Java, JavaScript and
 * Windows tools write lone surrogates (or, in CESU-8, the halves of a pair). Each becomes one U+FFFD,
 * however few other characters the text has: such bytes are never GB18030.
 */
function surrogateUtf8(bytes: Uint8Array): string | undefined {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let i = bytes.indexOf(0xed); i !== -1; i = bytes.indexOf(0xed, i + 1)) {
    if (!isEncodedSurrogate(bytes, i)) continue;
    parts.push(bytes.subarray(from, i), REPLACEMENT_UTF8);
    from = i + 3;
    i += 2;
  }
  if (parts.length === 0) return undefined;
  parts.push(bytes.subarray(from));
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return strict('utf-8', joined);
}

/** UTF-8 with a few bad bytes among many good multi-byte sequences (see {@link LENIENT_RATIO}). */
function damagedUtf8(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replaced++;
    else if (code > 0x7f && (code < 0xdc00 || code > 0xdfff)) multibyte++;
  }
  // U+FFFD written in the file itself is valid UTF-8 (EF BF BD), not damage.
  const written = countReplacementBytes(bytes);
  replaced -= written;
  multibyte += written;
  return replaced > 0 && replaced * LENIENT_RATIO <= multibyte ? text : undefined;
}

function countReplacementBytes(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0xef); i !== -1 && i + 2 < bytes.length; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) count++;
  }
  return count;
}
