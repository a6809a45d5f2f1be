import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { nearMisses } from '../../../src/core/search/align.js';
import { allowedErrors, fuseOptions } from '../../../src/core/search/fuzzy.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { paragraphsDocument } from '../../helpers/documents.js';

// A long unspaced paragraph with the phrase only at its very end, and one holding a single character
// of a two-character query.
const filler = '我市坚持一手抓疫情防控一手抓复工复产打好挖潜能补链条抓创新优服务等组合拳'.repeat(6);
const farPhrase = `${filler}建设提供有力支撑`;
const oneChar = `${filler}芯`;

describe('fuse.js configuration for long Chinese paragraphs', () => {
  it('fuse.js defaults miss a phrase far into a paragraph; ours find it', () => {
    expect(new Fuse([farPhrase]).search('建设提供有力支撑')).toHaveLength(0);
    const ours = new Fuse([farPhrase], fuseOptions(8)).search('建设提供有力支撑');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.score).toBeLessThan(0.01);
  });

  it('fuse.js defaults let a 2-character query match one of its characters; ours do not', () => {
    expect(new Fuse([oneChar], { ignoreLocation: true }).search('芯片')).toHaveLength(1);
    expect(new Fuse([oneChar], fuseOptions(2)).search('芯片')).toHaveLength(0);
  });

  it('admits exactly the allowed number of edits, anywhere in the paragraph', () => {
    const text = `${filler}集成电路`;
    const search = (pattern: string): number => new Fuse([text], fuseOptions(pattern.length)).search(pattern).length;
    expect(search('集成电略')).toBe(1);
    expect(search('集成电路x')).toBe(1);
    expect(search('集成略略')).toBe(0);
  });

  it('treats extended-search operators as text', () => {
    // With extended search, !term means "does not contain term" and matches this paragraph.
    expect(new Fuse([filler], { useExtendedSearch: true }).search('!集成电路')).toHaveLength(1);
    expect(new Fuse([filler], fuseOptions(5)).search('!集成电路')).toHaveLength(0);
    expect(new Fuse([filler], fuseOptions(2)).search('^我')).toHaveLength(0);
  });

  it.each([
    [3, 1],
    [7, 1],
    [8, 2],
    [32, 2],
  ])('allows %i characters %i edit(s)', (length, errors) => {
    expect(allowedErrors(length)).toBe(errors);
  });
});

describe('nearMisses', () => {
  const windows = (text: string, pattern: string): string[] => nearMisses(text, pattern, allowedErrors(pattern.length)).map((w) => text.slice(w.start, w.end));

  it.each([
    ['wrong character', '我市集成电路产业快速起步', '集成电略', ['集成电路']],
    ['missing character', '我市集成电路产业快速起步', '集电路', ['集成电路']],
    ['extra character', '累计建成数字化车间和智能工厂28家', '智能工工厂', ['智能工厂']],
    ['every place, left to right', '集成电路、集成电路', '集成电略', ['集成电路', '集成电路']],
    ['exact text', '智能工厂', '智能工厂', ['智能工厂']],
  ])('%s', (_, text, pattern, expected) => {
    expect(windows(text, pattern)).toEqual(expected);
  });

  it.each([
    ['punctuation the query lacks', '人、智能', '人工智能'],
    ['only two characters in common', '及时跟进奥特斯技改', '特斯拉'],
    ['characters scattered one by one', '集 成 电 路', '集成电路'],
    ['two edits in four characters', '集成电路', '集略电略'],
  ])('rejects %s', (_, text, pattern) => {
    expect(windows(text, pattern)).toEqual([]);
  });

  it('matches the punctuation and symbols of the query literally', () => {
    expect(windows('国家集成电路产业', '“集成电路')).toEqual([]);
    expect(windows('国家集成电路产业', '集成电路。')).toEqual([]);
    expect(windows('国家集成电路产业', '!集成电路')).toEqual([]);
    expect(windows('新基建、新材料', '新基建、新材')).toEqual(['新基建、新材']);
    expect(windows('新基建、新材料', '新基建、新才料')).toEqual(['新基建、新材料']);
  });

  it('does not take a neighbouring comma into a window', () => {
    expect(windows('集成电,产业', '集成电路')).toEqual(['集成电']);
  });

  it('reports the edits of each window', () => {
    expect(nearMisses('集成电路', '集成电路', 1)[0]!.errors).toBe(0);
    expect(nearMisses('集成电路', '集成电略', 1)[0]!.errors).toBe(1);
  });
});

describe('near misses in a very long paragraph', () => {
  it('are found wherever they are, across the chunks it is aligned in, each once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 2400 }), { minLength: 1, maxLength: 6 }), (slots) => {
        // Planted every 5 units at most, so they never touch; the filler shares no character with the pattern.
        const places = slots.map((slot) => slot * 5).sort((a, b) => a - b);
        let text = '';
        for (const at of places) text += '的'.repeat(at - text.length) + '集成电略';
        text += '的'.repeat(12_500 - text.length);
        const found = nearMisses(text, '集成电路', 1).map((w) => [w.start, w.end, w.errors]);
        expect(found).toEqual(places.map((at) => [at, at + 4, 1]));
      }),
      { numRuns: 60 },
    );
  });
});

describe('a near miss that swaps a character for one that sounds the same', () => {
  const ids = (query: string, ...texts: string[]): string[] => createSearchIndex(paragraphsDocument(...texts)).search(query).map((hit) => hit.paragraphId);

  it('ranks above one that swaps it for another character, wherever each stands', () => {
    // 场 and 厂 are both chang; 作 is zuo.
    expect(ids('智能工场', '首段', '建设智能工作', '后来建设智能工厂')).toEqual(['s1p3', 's1p2']);
  });

  it('ranks above one that lacks a character of the query', () => {
    expect(ids('智能工场', '首段', '智能工', '后来的智能工厂')).toEqual(['s1p3', 's1p2']);
  });

  it('is found at the looseness of typo.ts’s corrections: one for a sound-alike, two for another edit', () => {
    const index = createSearchIndex(paragraphsDocument('首段', '建设智能工作', '建设智能工厂'));
    const [alike, other] = index.search('智能工场');
    expect(alike!.score).toBeLessThan(other!.score);
    expect(other!.score - alike!.score).toBeCloseTo(0.1, 5);
  });

  it('records the swapped characters of a window, the query’s then the text’s', () => {
    expect(nearMisses('建设智能工厂', '智能工场', 1)).toEqual([{ start: 2, end: 6, errors: 1, swaps: ['场'.charCodeAt(0), '厂'.charCodeAt(0)] }]);
    expect(nearMisses('建设集成电路', '集电路', 1)).toEqual([{ start: 2, end: 6, errors: 1 }]);
  });
});
