import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../../src/core/document/parse.js';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import { normalise } from '../../../src/core/search/normalise.js';
import { matchPinyin, pinyinTerm, type ParagraphPinyin } from '../../../src/core/search/pinyin.js';
import { readInto, syllables } from '../../../src/core/search/syllables.js';
import { createSearchIndex } from '../../../src/core/search/index.js';

/** A folded paragraph and its reading. */
function readPinyin(text: string): ParagraphPinyin {
  const ids = new Uint16Array(text.length);
  readInto(text, ids);
  return { text, ids };
}

const matched = (text: string, query: string): string[] => {
  const term = pinyinTerm(query.split(' '));
  if (!term) throw new Error(`not a pinyin query: ${query}`);
  return (matchPinyin(readPinyin(text), term)?.ranges ?? []).map(([s, e]) => text.slice(s, e));
};

/** Each code unit's syllable, `·` for the barrier. */
const spelled = (text: string): string[] => Array.from(readPinyin(text).ids, (id) => (id === 0 ? '·' : syllables[id]!));

/** pinyin-pro's reading of the whole text at once, toneless, one entry per code unit, `·` where it has none. */
const wholeText = (text: string): string[] =>
  pinyin(text, { type: 'array', toneType: 'none', v: true }).map((reading, i) => (/^[a-z]+$/.test(reading) && reading !== text[i] ? reading : '·'));

describe('readPinyin', () => {
  it('reads polyphonic characters from their context', () => {
    const spelling = spelled('重庆日报记者和银行行长重点谈').join(' ');
    expect(spelling.startsWith('chong qing ri bao')).toBe(true);
    expect(spelling).toContain('yin hang hang zhang');
    expect(spelling).toContain('zhong dian');
  });

  it('puts a barrier for every character that is not Chinese', () => {
    expect(spelled('5g、新型')).toEqual(['·', '·', '·', 'xin', 'xing']);
  });

  it('reads every paragraph of the interview as pinyin-pro reads it whole', () => {
    const doc = parseDocument(readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8'));
    for (const paragraph of allParagraphs(doc)) {
      const text = normalise(paragraph.text).text;
      if (/[\ud800-\udfff]/.test(text)) continue;
      expect(spelled(text)).toEqual(wholeText(text));
    }
  });

  it('keeps offsets right after characters outside the BMP', () => {
    const text = '𠀀集成电路';
    expect(matched(text, 'jichengdianlu')).toEqual(['集成电路']);
  });
});

describe('pinyinTerm', () => {
  it.each([
    [['jichengdianlu'], { letters: 'jichengdianlu', breaks: [] }],
    [['jicheng', 'dianlu'], { letters: 'jichengdianlu', breaks: [7] }],
    [["xi'an"], { letters: 'xian', breaks: [2] }],
    [['chóngqìng'], { letters: 'chongqing', breaks: [] }],
    [['lǜsè'], { letters: 'lvse', breaks: [] }],
    // Tone numbers, as some type pinyin: each a break after its syllable.
    [['chong2qing4'], { letters: 'chongqing', breaks: [5] }],
    [['xi1an1'], { letters: 'xian', breaks: [2] }],
    [['chong2', 'qing'], { letters: 'chongqing', breaks: [5] }],
    [['lv4se4'], { letters: 'lvse', breaks: [2] }],
    [['mp3'], null],
    [['iphone12'], null],
    [['abc123'], null],
    [['zhong1wen6'], null],
    [['j'], null],
    [['fpga5'], null],
    [["'jcdl"], null],
    [['集成'], null],
    // Nothing from CJK radicals upwards decomposes into letters: a compatibility ideograph, Hangul,
    // kana with a voicing mark, full-width letters, a letter outside the BMP.
    [['jicheng', '集成'], null],
    [['\uf900'], null],
    [['한글'], null],
    [['が'], null],
    [['ｊｉｃｈｅｎｇ'], null],
    [['\u{1d41a}bc'], null],
  ])('reads %j as %j', (terms, expected) => {
    expect(pinyinTerm(terms)).toEqual(expected);
  });
});

describe('matchPinyin', () => {
  const text = '当前,我市集成电路产业快速起步,重庆大学、西安和先进';

  it.each([
    ['full syllables', 'jichengdianlu', ['集成电路'], 0],
    ['syllables with a typed break', 'jicheng dianlu', ['集成电路'], 0],
    ['the last syllable begun', 'jichengd', ['集成电'], 1],
    ['initials', 'jcdl', ['集成电路'], 2],
    ['initials of a two-character word', 'cqdx', ['重庆大学'], 2],
  ])('%s', (_, query, expected, penalty) => {
    const term = pinyinTerm(query.split(' '))!;
    const match = matchPinyin(readPinyin(text), term)!;
    expect(match.ranges.map(([s, e]) => text.slice(s, e))).toEqual(expected);
    expect(match.penalty).toBe(penalty);
  });

  it('matches on syllable boundaries only', () => {
    // "ngdian" is inside cheng|dian, "ingda" inside qing|da.
    expect(matched(text, 'ngdian')).toEqual([]);
    expect(matched(text, 'ingda')).toEqual([]);
  });

  it('honours where the user broke syllables', () => {
    expect(matched(text, "xi'an")).toEqual(['西安']);
    expect(matched(text, 'xian')).toEqual(['西安', '先']);
  });

  it('does not run across punctuation', () => {
    // 路 and 产 are adjacent, but 步,重 are separated by a comma.
    expect(matched(text, 'luchan')).toEqual(['路产']);
    expect(matched(text, 'buchong')).toEqual([]);
  });

  it('matches initials only over whole words', () => {
    // x y z are the initials of 现有智 in 现有智能, which ends inside the word 智能.
    expect(matched('巩固现有智能终端产业制造优势', 'xyz')).toEqual([]);
    expect(matched('巩固现有智能终端产业制造优势', 'znzd')).toEqual(['智能终端']);
  });

  it('reads the polyphone of the phrase, not its most common reading', () => {
    expect(matched('让电子信息产业为智造重镇建设提供支撑', 'zhizaozhongzhen')).toEqual(['智造重镇']);
    expect(matched('重庆日报记者采访', 'zhongqing')).toEqual([]);
  });
});

describe('pinyin typed straight into numbers', () => {
  const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}章 风起${i + 1}\n\n　　他走在路上，天色渐渐暗了下来。`).join('\n\n');
  const index = createSearchIndex(parseDocument(text));
  const first = (query: string) => index.search(query, { limit: 3 }).map((hit) => hit.paragraphId);

  it('reads `fengqi31` and `di31zhang` as their pieces typed apart', () => {
    expect(first('fengqi31')[0]).toBe('s31');
    expect(first('di31zhang')[0]).toBe('s31');
    expect(first('fengqi31')).toEqual(first('fengqi 31'));
  });

  it('leaves letters that are not pinyin syllables as written: `iphone12`, `mp3` find nothing here', () => {
    expect(first('iphone12')).toEqual([]);
    expect(first('mp3')).toEqual([]);
  });
});
