/** White space as `\s`, `trim` and `trimEnd` see it, tested a code unit at a time (no copy of a long line). */

/** What `\s` (and so `trim`) matches: White_Space and line terminators, U+3000 among them. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
