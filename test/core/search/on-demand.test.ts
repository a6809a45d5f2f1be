/**
 * On a short text (the interview), pinyin-pro and the pinyin readings wait for the first pinyin term:
 * `prepare` leaves them out, and that term still gets a whole answer at once; `prepare({ pinyin: true })`
 * builds them. A file of its own, so no
 * other test has loaded pinyin-pro into this process first.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { createSearchIndex } from '../../../src/core/search/index.js';

const require = createRequire(import.meta.url);
const pinyinProLoaded = (): boolean => require.resolve('pinyin-pro') in require.cache;
const interview = parseDocument(readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8'));

describe('pinyin on demand on a short text', () => {
  it('prepare leaves pinyin-pro unloaded; Chinese terms do not load it; the first Latin term (pinyin, maybe) does and is answered in full', async () => {
    const index = createSearchIndex(interview);
    await index.prepare();
    expect(index.progress()).toEqual({ text: 1, pinyin: 0 });
    expect((await index.searchAsync('产业', { partial: true })).length).toBeGreaterThan(0);
    expect((await index.searchAsync('發展', { partial: true })).length).toBeGreaterThan(0);
    expect(pinyinProLoaded()).toBe(false);

    const hits = await index.searchAsync('chanye', { partial: true });
    expect(pinyinProLoaded()).toBe(true);
    expect(hits.some((hit) => hit.tier === 'pinyin')).toBe(true);
    expect(hits).toEqual(createSearchIndex(interview).search('chanye'));
  });

  it('prepare with pinyin builds every reading, and the answers are the same', async () => {
    const index = createSearchIndex(interview);
    await index.prepare();
    expect(index.progress().pinyin).toBe(0);
    await index.prepare({ pinyin: true });
    expect(index.progress()).toEqual({ text: 1, pinyin: 1 });
    expect(await index.searchAsync('jcdl', { partial: true })).toEqual(createSearchIndex(interview).search('jcdl'));
  });
});
