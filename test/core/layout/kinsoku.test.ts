import { describe, expect, it } from 'vitest';
import {
  CONNECTORS,
  Flag,
  INSEPARABLE_GROUPS,
  LINE_END_PROHIBITED,
  LINE_START_PROHIBITED,
  charFlags,
  computeFlags,
  HAN_FIRST,
  HAN_LAST,
} from '../../../src/core/layout/kinsoku.js';

const flagsOf = (ch: string): number => charFlags(ch.codePointAt(0)!);

describe('kinsoku data', () => {
  it('forbids closing and pause punctuation at a line start, in full-width and ASCII form', () => {
    const required = '、，。：；！？”’）」』》〉】〕］｝…,.:;!?)]}%，．：；！？％・·〜ぁっャ々ー';
    expect([...required].filter((ch) => !LINE_START_PROHIBITED.has(ch))).toEqual([]);
  });

  it('forbids opening marks at a line end, in full-width and ASCII form', () => {
    const required = '“‘（「『《〈【〔［｛([{';
    expect([...required].filter((ch) => !LINE_END_PROHIBITED.has(ch))).toEqual([]);
  });

  it('gives every CJK Unified Ideograph the flags its classes derive: Han alone (the quick path)', () => {
    const differ: string[] = [];
    for (let cp = HAN_FIRST; cp <= HAN_LAST; cp++) if (computeFlags(cp) !== Flag.Han || charFlags(cp) !== Flag.Han) differ.push(cp.toString(16));
    expect(differ).toEqual([]);
    // Either side of the block, derived: not Han alone.
    expect(charFlags(HAN_FIRST - 1)).toBe(computeFlags(HAN_FIRST - 1));
    expect(charFlags(HAN_LAST + 1)).toBe(computeFlags(HAN_LAST + 1));
  });

  it('gives every ASCII character the flags the Unicode classes derive (read without them)', () => {
    const differ: string[] = [];
    for (let cp = 0; cp < 0x80; cp++) {
      const ch = String.fromCharCode(cp);
      const word = /[\p{L}\p{N}\p{M}]/u.test(ch) && !/[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]/u.test(ch);
      const flags = computeFlags(cp);
      if (((flags & Flag.Word) !== 0) !== word) differ.push(`${cp} word`);
      if (((flags & Flag.Digit) !== 0) !== (word && /\p{Nd}/u.test(ch))) differ.push(`${cp} digit`);
      if (((flags & Flag.Han) !== 0) !== /\p{Script=Han}/u.test(ch)) differ.push(`${cp} han`);
    }
    expect(differ).toEqual([]);
    // The classes do tell words from the rest here.
    expect(computeFlags(0x61) & Flag.Word).toBe(Flag.Word);
    expect(computeFlags(0x37) & (Flag.Word | Flag.Digit)).toBe(Flag.Word | Flag.Digit);
    expect(computeFlags(0x2c) & Flag.Word).toBe(0);
  });

  it('keeps the sets apart: no mark both opens and closes', () => {
    expect([...LINE_START_PROHIBITED].filter((ch) => LINE_END_PROHIBITED.has(ch))).toEqual([]);
  });

  it('lets Chinese characters, Latin letters and digits start and end lines', () => {
    for (const ch of '中文字A z09あ한') {
      expect(LINE_START_PROHIBITED.has(ch) || LINE_END_PROHIBITED.has(ch)).toBe(false);
    }
  });

  it('groups the doubled dashes and ellipses that may not be split', () => {
    expect(INSEPARABLE_GROUPS.some((g) => g.includes('—') && g.includes('―'))).toBe(true);
    expect(INSEPARABLE_GROUPS.some((g) => g.includes('…') && g.includes('⋯'))).toBe(true);
    expect(CONNECTORS.has('-')).toBe(true);
  });

  it('classifies characters for the breaking rules', () => {
    expect(flagsOf('A') & Flag.Word).toBeTruthy();
    expect(flagsOf('7') & Flag.Digit).toBeTruthy();
    expect(flagsOf('é') & Flag.Word).toBeTruthy();
    expect(flagsOf('中') & Flag.Word).toBe(0);
    expect(flagsOf('中') & Flag.Han).toBeTruthy();
    expect(flagsOf('ー') & Flag.Word).toBe(0);
    expect(flagsOf('ｰ') & Flag.Word).toBe(0);
    expect(flagsOf('ｱ') & Flag.Word).toBe(0);
    expect(flagsOf('あ') & Flag.Word).toBe(0);
    expect(flagsOf(' ') & Flag.Space).toBeTruthy();
    expect(flagsOf('\u3000') & Flag.Space).toBe(0);
    expect(flagsOf('\u3000') & Flag.KeptSpace).toBeTruthy();
    expect(flagsOf('\t') & Flag.KeptSpace).toBeTruthy();
    expect(flagsOf('\u00a0') & Flag.Glue).toBeTruthy();
    expect(flagsOf('。') & Flag.NoStart).toBeTruthy();
    expect(flagsOf('《') & Flag.NoEnd).toBeTruthy();
    expect(flagsOf('😀')).toBe(0);
  });
});
