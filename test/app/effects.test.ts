/** What a state change asks of the world (`effectsOf`), as data: no runner, no React. */
import { describe, expect, it } from 'vitest';
import { effectsOf } from '../../src/app/effects.js';
import { createReaderState, reduce } from '../../src/app/reducer.js';
import type { ReaderState } from '../../src/app/state.js';
import { interviewDocument, syntheticDocument } from '../helpers/documents.js';

const doc = interviewDocument();
const start = (): ReaderState => createReaderState(doc, { columns: 80, rows: 24 });
const press = (state: ReaderState, ...keys: string[]): ReaderState => reduce(state, { type: 'keys', keys });
/** The types of the requests a key makes. */
const requests = (state: ReaderState, ...keys: string[]): string[] => effectsOf(state, press(state, ...keys)).map((effect) => effect.type);

describe('effectsOf', () => {
  it('asks nothing of a change that needs no work, and nothing of no change', () => {
    const s = start();
    expect(requests(s, 'j')).toEqual([]);
    expect(effectsOf(s, s)).toEqual([]);
  });

  it('y asks for a copy of the citation each time; m asks to save that mark only', () => {
    const s = start();
    const copied = press(s, 'y');
    expect(effectsOf(s, copied)).toEqual([{ type: 'copy', text: copied.copyRequest!.text, ref: copied.copyRequest!.ref }]);
    expect(requests(copied, 'y')).toEqual(['copy']);
    const marked = press(s, 'm', 'a');
    expect(effectsOf(s, marked)).toEqual([{ type: 'saveMark', letter: 'a', anchor: marked.marks.a }]);
    expect(requests(press(marked, 'j'), 'm', 'b').filter((type) => type === 'saveMark')).toHaveLength(1);
  });

  it('Ctrl-Z asks to suspend, q to quit', () => {
    expect(requests(start(), 'ctrl+z')).toEqual(['suspend']);
    expect(requests(start(), 'q')).toEqual(['quit']);
  });

  it('/ asks to prepare the search; a query without its answer asks for a search, once; the first Latin letter for pinyin', () => {
    const open = press(start(), '/');
    expect(effectsOf(start(), open)).toEqual([{ type: 'searchPrepare' }]);
    const typed = press(open, '集');
    expect(effectsOf(open, typed)).toEqual([{ type: 'search', query: '集' }]);
    // The state did not change the query: not asked again.
    expect(effectsOf(typed, press(typed, 'down'))).toEqual([]);
    // Answered: nothing more to ask.
    const answered = reduce(typed, { type: 'searchResults', query: '集', hits: [] });
    expect(effectsOf(typed, answered)).toEqual([]);
    expect(effectsOf(answered, press(answered, 'd'))).toEqual([{ type: 'searchPinyin' }, { type: 'search', query: '集d' }]);
  });

  it('--search asks for its search from the first state', () => {
    const s = createReaderState(doc, { columns: 80, rows: 24, search: '集成电路' });
    expect(effectsOf(undefined, s)).toEqual([{ type: 'searchPrepare' }, { type: 'search', query: '集成电路' }]);
  });

  it('a long text asks for the layout pass from its first state, and again for a new width', () => {
    const long = createReaderState(syntheticDocument(30, 100), { columns: 80, rows: 24 });
    expect(effectsOf(undefined, long).map((effect) => effect.type)).toEqual(['layoutPass']);
    const resized = reduce(long, { type: 'resize', columns: 60, rows: 24 });
    expect(effectsOf(long, resized).map((effect) => effect.type)).toEqual(['layoutPass']);
    expect(effectsOf(undefined, start())).toEqual([]);
  });

  it('a asks for the auto-scroll timer at its pace, + for the new pace, any other key to stop it', () => {
    const running = press(start(), 'a');
    expect(effectsOf(start(), running)).toEqual([{ type: 'autoScroll', pace: running.autoPace }]);
    const faster = press(running, '+');
    expect(effectsOf(running, faster)).toEqual([{ type: 'autoScroll', pace: faster.autoPace }]);
    expect(faster.autoPace).toBeGreaterThan(running.autoPace);
    // A tick scrolls and asks nothing: the timer runs on.
    expect(effectsOf(running, reduce(running, { type: 'autoStep' }))).toEqual([]);
    expect(effectsOf(faster, press(faster, 'j'))).toEqual([{ type: 'autoScroll', pace: undefined }]);
    expect(effectsOf(faster, press(faster, 'a'))).toEqual([{ type: 'autoScroll', pace: undefined }]);
  });

  it('t asks for the converter of the next script (as written: to stop building); --script from the first state', () => {
    const simplified = press(start(), 't');
    expect(effectsOf(start(), simplified)).toEqual([{ type: 'convertPrepare', script: 'simplified' }]);
    const traditional = press(simplified, 't');
    expect(effectsOf(simplified, traditional)).toEqual([{ type: 'convertPrepare', script: 'traditional' }]);
    expect(effectsOf(traditional, press(traditional, 't'))).toEqual([{ type: 'convertPrepare', script: 'original' }]);
    expect(effectsOf(undefined, start())).toEqual([]);
    const given = createReaderState(doc, { columns: 80, rows: 24, script: 'traditional-tw' });
    expect(effectsOf(undefined, given)).toEqual([{ type: 'convertPrepare', script: 'traditional-tw' }]);
  });

  it('a converter built asks for the layout pass of a long text again (its flow is a new one)', () => {
    const long = createReaderState(syntheticDocument(30, 100), { columns: 80, rows: 24, script: 'simplified' });
    const ready = reduce(long, { type: 'scriptReady', script: 'simplified' });
    expect(effectsOf(long, ready).map((effect) => effect.type)).toEqual(['layoutPass']);
  });
});
