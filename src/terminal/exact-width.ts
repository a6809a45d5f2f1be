/**
 * string-width 8's general path (MIT, Sindre Sorhus), rewritten so that nothing is built before it
 * is needed: string-width's module builds its expressions, `\p{RGI_Emoji}` among them (about 20 ms
 * when the code comes from Node's compile cache), and a grapheme segmenter as it loads, before a
 * reader's first frame, which never needs them for plain Chinese text. Here they wait for the first
 * string that does. test/terminal/string-width.test.ts holds this to the package's answers.
 *
 * Rules, as in string-width: clusters that print nothing count 0 (default-ignorable, controls,
 * format characters, non-spacing and enclosing marks, lone surrogates); emoji clusters count 2;
 * modern Hangul jamo that make up a syllable count 2; anything else counts the East Asian Width of
 * its first visible code point, plus that of trailing spacing marks and half- or full-width forms.
 */
import { eastAsianWidth } from 'get-east-asian-width';

interface Patterns {
  /** ansi-regex 6.6's pattern: what string-width strips before measuring. */
  ansi: RegExp;
  printableAscii: RegExp;
  visible: RegExp;
  spacingMark: RegExp;
  rgiEmoji: RegExp;
  unqualifiedKeycap: RegExp;
  pictographic: RegExp;
}

let patterns: Patterns | undefined;
let segmenter: Intl.Segmenter | undefined;

function built(): Patterns {
  if (patterns) return patterns;
  const st = String.raw`(?:\u001B\u005C|\u009C)`;
  const stringControls = String.raw`\u0018\u001A\u001B\u0080-\u009F`;
  const osc = String.raw`(?:\u001B\]|\u009D)[^\u0007${stringControls}]*(?:\u0007|${st})`;
  const controlString = String.raw`(?:\u001B[PX^_k]|[\u0090\u0098\u009E\u009F])[^${stringControls}]*${st}`;
  const linuxPalette = String.raw`\u001B\](?:P[\dA-Fa-f]{7}|R)(?:\u0007|${st})?`;
  const csi = String.raw`(?:\u001B\[|\u009B)[\u0030-\u003F]*[\u0020-\u002F]*[\u0040-\u007E]`;
  const escape = String.raw`\u001B(?:[\u0020-\u002F]+[\u0030-\u007E]|[\dA-PR-TZcf-oq-uy=><~|}])`;
  patterns = {
    ansi: new RegExp(`${linuxPalette}|${osc}|${controlString}|${csi}|${escape}`, 'g'),
    printableAscii: /^[\u0020-\u007E]*$/,
    // One negated class, no quantifier: anything more backtracks badly on clusters of many marks.
    visible: new RegExp(String.raw`[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]`, 'v'),
    spacingMark: new RegExp(String.raw`\p{Spacing_Mark}`, 'v'),
    rgiEmoji: new RegExp(String.raw`^\p{RGI_Emoji}$`, 'v'),
    unqualifiedKeycap: /^[\d#*]\u20E3$/,
    pictographic: /\p{Extended_Pictographic}/gu,
  };
  return patterns;
}

/** Emoji sequences without their qualifying VS16 that terminals still draw two cells wide. */
function isDoubleWidthNonRgiEmojiSequence(segment: string, p: Patterns): boolean {
  // Real emoji clusters are shorter than 30 code units; this guards against pathological input.
  if (segment.length > 50) return false;
  if (p.unqualifiedKeycap.test(segment)) return true;
  // ZWJ sequences of two or more pictographs.
  if (segment.includes('\u200D')) {
    const pictographs = segment.match(p.pictographic);
    return pictographs !== null && pictographs.length >= 2;
  }
  return false;
}

/** The cluster from its first visible character, or undefined when it prints nothing. */
function baseVisible(segment: string, p: Patterns): string | undefined {
  const index = segment.search(p.visible);
  return index === -1 ? undefined : segment.slice(index);
}

const isLeadingJamo = (c: number): boolean => (c >= 0x1100 && c <= 0x115f) || (c >= 0xa960 && c <= 0xa97c);
const isVowelJamo = (c: number): boolean => (c >= 0x1160 && c <= 0x11a7) || (c >= 0xd7b0 && c <= 0xd7c6);
const isTrailingJamo = (c: number): boolean => (c >= 0x11a8 && c <= 0x11ff) || (c >= 0xd7cb && c <= 0xd7fb);
const isJamo = (c: number): boolean => isLeadingJamo(c) || isVowelJamo(c) || isTrailingJamo(c);

/** Width of a cluster that starts with Hangul jamo, or undefined when it does not. */
function hangulClusterWidth(visibleSegment: string, ambiguousAsWide: boolean, p: Patterns): number | undefined {
  const codePoints: number[] = [];
  for (const character of visibleSegment) {
    if (p.visible.test(character)) codePoints.push(character.codePointAt(0)!);
  }
  if (codePoints.length === 0) return undefined;
  let width = 0;
  for (let index = 0; index < codePoints.length; index++) {
    const codePoint = codePoints[index]!;
    if (!isJamo(codePoint)) {
      if (width === 0) return undefined;
      // A jamo followed by something else (a precomposed syllable, say): East Asian Width for the rest.
      for (let rest = index; rest < codePoints.length; rest++) width += eastAsianWidth(codePoints[rest]!, { ambiguousAsWide });
      return width;
    }
    // L+V(+T) make one syllable block; unmatched jamo stay additive, as the terminals targeted draw them.
    if (isLeadingJamo(codePoint) && isVowelJamo(codePoints[index + 1] ?? 0)) {
      width += 2;
      index += isTrailingJamo(codePoints[index + 2] ?? 0) ? 2 : 1;
      continue;
    }
    width += eastAsianWidth(codePoint, { ambiguousAsWide });
  }
  return width;
}

/** Widths of trailing spacing marks and half- or full-width forms within a cluster (ﾞ, ﾟ, ｰ). */
function trailingWidth(visibleSegment: string, ambiguousAsWide: boolean, p: Patterns): number {
  let extra = 0;
  let first = true;
  for (const character of visibleSegment) {
    if (first) {
      first = false;
      continue;
    }
    if (p.spacingMark.test(character) || (character >= '\uFF00' && character <= '\uFFEF')) {
      extra += eastAsianWidth(character.codePointAt(0)!, { ambiguousAsWide });
    }
  }
  return extra;
}

/** Cells `text` takes, exactly as string-width 8.3 counts them (same options and defaults). */
export function exactStringWidth(text: string, options: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean } = {}): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const { ambiguousIsNarrow = true, countAnsiEscapeCodes = false } = options;
  const p = built();
  let string = text;
  if (!countAnsiEscapeCodes && (string.includes('\u001B') || string.includes('\u009B'))) string = string.replace(p.ansi, '');
  if (string.length === 0) return 0;
  if (p.printableAscii.test(string)) return string.length;
  const ambiguousAsWide = !ambiguousIsNarrow;
  let width = 0;
  for (const { segment } of (segmenter ??= new Intl.Segmenter()).segment(string)) {
    const visibleSegment = baseVisible(segment, p);
    if (visibleSegment === undefined) continue;
    if (p.rgiEmoji.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment, p)) {
      width += 2;
      continue;
    }
    const hangul = hangulClusterWidth(visibleSegment, ambiguousAsWide, p);
    if (hangul !== undefined) {
      width += hangul;
      continue;
    }
    width += eastAsianWidth(visibleSegment.codePointAt(0)!, { ambiguousAsWide });
    width += trailingWidth(visibleSegment, ambiguousAsWide, p);
  }
  return width;
}
