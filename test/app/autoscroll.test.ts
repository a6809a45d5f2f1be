/** Auto-scroll as state: `a` starts it, ticks scroll a line, `+`/`-` change the pace, any other key stops it. */
import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/ui/text.js';
import { keyHints } from '../../src/app/keymap.js';
import { reduce } from '../../src/app/reducer.js';
import { DEFAULT_PACE, initialState, modeOf, PACES } from '../../src/app/state.js';
import { screenView } from '../../src/ui/rows/frame.js';
import { createTheme } from '../../src/ui/theme.js';
import { interviewDocument } from '../helpers/documents.js';

const doc = interviewDocument();
const start = () => reduce(initialState(doc, { columns: 80, rows: 24 }), { type: 'keys', keys: ['a'] });

describe('auto-scroll', () => {
  it('starts with a, scrolls a line a tick, and shows its pace and keys in the status bar', () => {
    const state = start();
    expect(state.autoScroll).toBe(true);
    expect(modeOf(state)).toBe('autoscroll');
    const ticked = reduce(state, { type: 'autoStep' });
    expect(ticked.top).not.toEqual(state.top);
    expect(reduce(reduce(state, { type: 'scroll', rows: 1 }), { type: 'autoStep' }).top).toEqual(reduce(ticked, { type: 'scroll', rows: 1 }).top);
    const status = lineText(screenView(ticked, createTheme(false)).lines.at(-1)!);
    expect(status).toContain(`auto ${DEFAULT_PACE} lines/min`);
    expect(keyHints('autoscroll').map((h) => h.hint)).toEqual(['faster', 'slower', 'stop']);
    expect(status).toContain('faster');
  });

  it('changes the pace with + and - (and = as +) while it runs, within its bounds', () => {
    let state = start();
    state = reduce(state, { type: 'keys', keys: ['+'] });
    expect(state.autoPace).toBeGreaterThan(DEFAULT_PACE);
    expect(state.autoScroll).toBe(true);
    state = reduce(state, { type: 'keys', keys: ['-', '-'] });
    expect(state.autoPace).toBeLessThan(DEFAULT_PACE);
    state = reduce(state, { type: 'keys', keys: Array(30).fill('=') });
    expect(state.autoPace).toBe(PACES.at(-1));
    state = reduce(state, { type: 'keys', keys: Array(30).fill('-') });
    expect(state.autoPace).toBe(PACES[0]);
    // The measure is untouched: + and - are the pace's while it runs.
    expect(state.measure).toBe(start().measure);
  });

  it('stops on a, and on any other key, which then does what it does', () => {
    expect(reduce(start(), { type: 'keys', keys: ['a'] }).autoScroll).toBe(false);
    const moved = reduce(start(), { type: 'keys', keys: ['j'] });
    expect(moved.autoScroll).toBe(false);
    expect(moved.top).toEqual(reduce(initialState(doc, { columns: 80, rows: 24 }), { type: 'scroll', rows: 1 }).top);
    expect(reduce(start(), { type: 'keys', keys: ['q'] }).quit).toBe(true);
    const searching = reduce(start(), { type: 'keys', keys: ['/'] });
    expect(searching.autoScroll).toBe(false);
    expect(searching.search.editing).toBe(true);
    // A tick after it stopped does nothing.
    const stopped = reduce(start(), { type: 'keys', keys: ['a'] });
    expect(reduce(stopped, { type: 'autoStep' })).toBe(stopped);
  });

  it('stops by itself at the end, saying so', () => {
    let state = reduce(start(), { type: 'scrollTo', where: 'bottom' });
    state = reduce(state, { type: 'autoStep' });
    expect(state.autoScroll).toBe(false);
    expect(state.notice).toContain('end');
  });
});
