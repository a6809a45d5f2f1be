/** `t` (the script shown) and `r` (ruby readings) in the reducer: display only, the place stays. */
import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/app/reducer.js';
import { textFlow, topPosition, visibleRows } from '../../src/app/selectors.js';
import { initialState, type ReaderState } from '../../src/app/state.js';
import { parseEpub } from '../../src/core/document/epub/parse.js';
import { converterNow } from '../../src/core/script/convert.js';
import { buildEpub } from '../helpers/epub.js';
import { interviewDocument } from '../helpers/documents.js';

const press = (state: ReaderState, ...keys: string[]): ReaderState => keys.reduce((s, key) => reduce(s, { type: 'keys', keys: [key] }), state);
const shown = (state: ReaderState): string => visibleRows(state, textFlow(state)).map((row) => row.text).join('\n');

describe('t: the script shown', () => {
  it('cycles as written → 简体 → 繁體 → as written, keeping the top of the screen on the same place of the original', () => {
    converterNow('simplified');
    converterNow('traditional');
    let state = press(initialState(interviewDocument(), { columns: 80, rows: 24 }), 'j', 'j', 'j', 'j', 'j');
    const top = state.top;
    const written = shown(state);
    state = press(state, 't');
    expect(state.script).toBe('simplified');
    state = press(state, 't');
    expect(state.script).toBe('traditional');
    expect(state.notice).toContain('繁體');
    expect(state.top).toEqual(top);
    expect(shown(state)).not.toBe(written);
    expect(shown(state)).toContain('產業');
    const row = textFlow(state).row(topPosition(state));
    expect({ block: row.blockId, offset: row.start }).toEqual(top);
    state = press(state, 't');
    expect(state.script).toBe('original');
    expect(shown(state)).toBe(written);
  });
});

describe('r: ruby readings', () => {
  const doc = parseEpub(buildEpub({ title: '注音', chapters: [{ file: 'c1.xhtml', body: '<h2>第一章</h2><p><ruby>漢<rt>hàn</rt></ruby>字在此。</p>' }] }));

  it('shows readings after their base by default, hides them with r and shows them again', () => {
    let state = initialState(doc, { columns: 80, rows: 24 });
    expect(state.readings).toBe(true);
    expect(shown(state)).toContain('漢(hàn)字在此。');
    state = press(state, 'r');
    expect(state.readings).toBe(false);
    expect(state.notice).toBe('readings hidden');
    expect(shown(state)).toContain('漢字在此。');
    expect(shown(state)).not.toContain('hàn');
    state = press(state, 'r');
    expect(shown(state)).toContain('漢(hàn)字在此。');
  });

  it('starts without them when told (--no-readings)', () => {
    expect(shown(initialState(doc, { columns: 80, rows: 24, readings: false }))).not.toContain('hàn');
  });

  it('keeps row offsets on the original text: the reading takes no offset', () => {
    const state = initialState(doc, { columns: 80, rows: 24 });
    const row = visibleRows(state, textFlow(state)).find((r) => r.text.includes('漢(hàn)'))!;
    expect(row.start).toBe(0);
    expect(row.end).toBe('漢字在此。'.length);
    expect(row.readings).toEqual([[1, 6]]);
    // A match on 漢 lights 漢, not the reading; one on 字 lights 字.
    expect([row.toShown!(0), row.toShown!(1)]).toEqual([0, 1]);
    expect([row.toShown!(1, 'start'), row.toShown!(2)]).toEqual([6, 7]);
  });
});
