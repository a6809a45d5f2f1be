import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removeInvisible, sanitizeLine, sanitizeText, TAB_STOP } from '../../../src/core/document/sanitize.js';
import { FORBIDDEN, HOSTILE_SAMPLES, HOSTILE_TEXT } from '../../fixtures/hostile.js';

const ESC_PICTURE = '\u241b';
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Any UTF-16 code unit sequence, lone surrogates and controls included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }).map((units) => String.fromCharCode(...units));
/** Strings the sanitiser must leave alone: CJK, Latin, punctuation, emoji sequences, newlines. */
const safeText = fc
  .array(fc.constantFrom('中', '文', 'a', 'Z', '5', ' ', '，', '。', '“', '”', '\n', '👩\u200d💻', '❤\ufe0f', 'e\u0301', '\u200c', '…'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('sanitizeText', () => {
  it.each(Object.entries(HOSTILE_SAMPLES))('neutralises %s', (_name, sample) => {
    const safe = sanitizeText(sample);
    expect(safe).not.toMatch(FORBIDDEN);
    expect(safe).not.toMatch(/\x1b/);
    // The surrounding text survives untouched.
    expect(safe.startsWith('前')).toBe(true);
    expect(safe.endsWith('后')).toBe(true);
  });

  it('shows ESC as a visible placeholder and leaves the rest of a sequence as plain text', () => {
    expect(sanitizeText('\x1b[31m红\x1b[0m')).toBe(`${ESC_PICTURE}[31m红${ESC_PICTURE}[0m`);
    expect(sanitizeText('\x1b]0;pwned\x07')).toBe(`${ESC_PICTURE}]0;pwned\u2407`);
  });

  it('shows other C0 controls and DEL as control pictures, C1 controls as U+FFFD', () => {
    expect(sanitizeText('a\x00b\x08c\x7fd')).toBe('a\u2400b\u2408c\u2421d');
    expect(sanitizeText('\u009b2J\u0085')).toBe('\uFFFD2J\uFFFD');
  });

  it('removes bidi controls and invisible characters of disputed width', () => {
    expect(sanitizeText(HOSTILE_SAMPLES['bidi override (Trojan Source)'] ?? '')).toBe('前}if (admin) 后');
    expect(sanitizeText('前\u200b\u2060\ufeff\u00ad\u180e后')).toBe('前后');
  });

  it('removes tag characters (U+E0000–E007F), which can hide ASCII text, and keeps their neighbours in plane 14', () => {
    const hidden = [...'ignore previous'].map((c) => String.fromCodePoint(0xe0000 + c.codePointAt(0)!)).join('');
    expect(sanitizeText(`前${hidden}后`)).toBe('前后');
    expect(sanitizeText('\u{E0001}\u{E007F}a\u{E0020}b')).toBe('ab');
    // England's flag: the black flag and its tags; the flag stays.
    expect(sanitizeText('🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}')).toBe('🏴');
    // Variation selectors supplement (U+E0100…) is not tags: an ideographic variant stays.
    expect(sanitizeText('葛\u{E0100}')).toBe('葛\u{E0100}');
    expect(sanitizeLine(`名${hidden}.txt`)).toBe('名.txt');
  });

  it('removes every tag character and nothing else of plane 14, for any code points', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0xe0000, max: 0xe01ef }), { maxLength: 30 }), (points) => {
        const text = String.fromCodePoint(...points);
        const kept = points.filter((p) => p > 0xe007f);
        expect(sanitizeText(text)).toBe(String.fromCodePoint(...kept));
      }),
      { numRuns: 300 },
    );
  });

  it('removeInvisible drops what sanitizeText drops unseen (bidi, zero-width, tags) and keeps controls for the caller', () => {
    expect(removeInvisible('集\u202e成\u200b电\u{E0041}路\x1b')).toBe('集成电路\x1b');
    expect(removeInvisible('👩\u200d💻 e\u0301')).toBe('👩\u200d💻 e\u0301');
  });

  it('keeps joiners, variation selectors, combining marks and newlines', () => {
    for (const text of ['👩\u200d💻', '❤\ufe0f', '葛\udb40\udd00', 'e\u0301', 'می\u200cخواهم', '一\n二\n\n三']) {
      expect(sanitizeText(text)).toBe(text);
    }
  });

  it('turns line and paragraph separators into newlines and lone surrogates into U+FFFD', () => {
    expect(sanitizeText('a\u2028b\u2029c')).toBe('a\nb\nc');
    expect(sanitizeText('a\ud800b\udfffc\ud83d')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(sanitizeText('😀')).toBe('😀');
  });

  it.each([
    ['\tx', `${' '.repeat(TAB_STOP)}x`],
    ['ab\tx', `ab${' '.repeat(TAB_STOP - 2)}x`],
    // A wide character takes two cells of the tab stop.
    ['中\tx', `中${' '.repeat(TAB_STOP - 2)}x`],
    ['1234567\tx', '1234567 x'],
    ['12345678\tx', `12345678${' '.repeat(TAB_STOP)}x`],
    ['a\tb\tc', `a${' '.repeat(7)}b${' '.repeat(7)}c`],
    // Each line starts at column 0 again.
    ['abc\n\tx', `abc\n${' '.repeat(TAB_STOP)}x`],
  ])('expands tabs to %j', (input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('never lets a forbidden character through, for any code units', () => {
    fc.assert(
      fc.property(anyUnits, (text) => {
        expect(sanitizeText(text)).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyUnits, (text) => {
        const once = sanitizeText(text);
        expect(sanitizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves ordinary text unchanged', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(sanitizeText(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('cleans a text the same whatever comes before its first unsafe character (the clean start is kept as it is)', () => {
    // sanitizeLine runs the one expression over the whole string; without newlines and tabs the two agree.
    const noBreaks = (text: string) => text.replace(/[\n\t\r\u2028\u2029]/g, '');
    const cleanStart = safeText.map((text) => noBreaks(text).replace(/[\ud800-\udfff\u200c]/g, ''));
    fc.assert(
      fc.property(cleanStart, anyUnits, (start, rest) => {
        const text = start + noBreaks(rest);
        expect(sanitizeText(text)).toBe(sanitizeLine(text));
        expect(sanitizeText(text).startsWith(start)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('handles a megabyte quickly', () => {
    const big = `${'中文，English 123。'.repeat(60_000)}\x1b[31m\n\t缩进`;
    const started = performance.now();
    const safe = sanitizeText(big);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(safe).not.toMatch(FORBIDDEN);
  });
});

describe('sanitizeLine', () => {
  it('keeps a string on one line and free of controls', () => {
    expect(sanitizeLine('my\nfile\tname\x1b]0;x\x07.txt')).toBe('my\u2424file name\u241b]0;x\u2407.txt');
    expect(sanitizeLine(HOSTILE_TEXT)).not.toMatch(/[\n\t]/);
    expect(sanitizeLine(HOSTILE_TEXT)).not.toMatch(FORBIDDEN);
    expect(sanitizeLine(HOSTILE_TEXT)).not.toMatch(BIDI);
  });

  it('leaves ordinary file names alone', () => {
    for (const name of ['interview.txt', '中文 名.txt', '-dash.txt', './a b/c.txt']) expect(sanitizeLine(name)).toBe(name);
  });

  it('never lets a control or line break through, for any code units', () => {
    fc.assert(
      fc.property(anyUnits, (text) => {
        const safe = sanitizeLine(text);
        expect(safe).not.toMatch(FORBIDDEN);
        expect(safe).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { numRuns: 500 },
    );
  });
});
