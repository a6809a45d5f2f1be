import { describe, expect, it } from 'vitest';
import { handleKey } from '../../src/app/commands.js';
import { reduce } from '../../src/app/reducer.js';
import { hitAnchor, hitCount, isSearching, rowHighlights, searchLineInfo, searchStatus } from '../../src/app/search.js';
import { textFlow, topPosition, visibleRows } from '../../src/app/selectors.js';
import { initialState, modeOf, type ReaderState } from '../../src/app/state.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import type { SearchHit } from '../../src/core/search/types.js';
import { interviewDocument } from '../helpers/documents.js';

const doc = interviewDocument();
const index = createSearchIndex(doc);
const start = (extra: { search?: string } = {}): ReaderState => initialState(doc, { columns: 80, rows: 24, ...extra });

/** Presses keys through the key table, as the UI does (a chunk of typed text is one key per character). */
const press = (state: ReaderState, ...keys: string[]): ReaderState => reduce(state, { type: 'keys', keys });
const type = (state: ReaderState, text: string): ReaderState => press(state, ...Array.from(text, (c) => (c === ' ' ? 'space' : c)));
/** What the UI does when a search finishes: hand the engine's hits for the line's query to the reducer. */
const answer = (state: ReaderState, query = state.search.line.text): ReaderState =>
  reduce(state, { type: 'searchResults', query, hits: index.search(query, { limit: 1000 }) });
const topRow = (state: ReaderState) => textFlow(state).row(topPosition(state));

/** Hits of `query` in reading order (section, then paragraph). */
const inReadingOrder = (query: string): SearchHit[] =>
  [...index.search(query)].sort((a, b) => a.section - b.section || a.paragraph - b.paragraph);

describe('the search line', () => {
  it('opens with /, and then letters are typed into it instead of running commands', () => {
    const opened = press(start(), '/');
    expect(modeOf(opened)).toBe('search');
    const typed = type(opened, 'qjGg ]?/n');
    expect(typed.search.line).toEqual({ text: 'qjGg ]?/n', cursor: 9 });
    expect(typed.quit).toBe(false);
    expect(typed.top).toEqual(start().top);
    expect(typed.overlay).toBe('none');
    expect(press(typed, 'ctrl+c').quit).toBe(true);
  });

  it('takes a chunk of Chinese committed by an input method, and Backspace removes whole characters', () => {
    let s = type(press(start(), '/'), '集成电路');
    expect(s.search.line).toEqual({ text: '集成电路', cursor: 4 });
    s = press(s, 'backspace');
    expect(s.search.line).toEqual({ text: '集成电', cursor: 3 });
    // A character outside the BMP is two UTF-16 units but one Backspace.
    s = press(type(s, '𠀋'), 'backspace');
    expect(s.search.line.text).toBe('集成电');
    s = press(s, 'left', 'left', 'delete', 'home');
    expect(s.search.line).toEqual({ text: '集电', cursor: 0 });
    s = press(s, 'end', 'ctrl+u');
    expect(s.search.line).toEqual({ text: '', cursor: 0 });
  });

  it('drops results for anything but the query on the line', () => {
    const s = type(press(start(), '/'), '集成电');
    expect(reduce(s, { type: 'searchResults', query: '集成', hits: index.search('集成') })).toBe(s);
    expect(answer(s).search.results?.query).toBe('集成电');
  });

  it('chooses results with ↓/↑ and Ctrl-n/Ctrl-p, within the list', () => {
    const s = answer(type(press(start(), '/'), '集成电路'));
    const count = s.search.results?.hits.length ?? 0;
    expect(count).toBeGreaterThan(2);
    expect(press(s, 'down', 'ctrl+n').search.selected).toBe(2);
    expect(press(s, 'down', 'ctrl+p').search.selected).toBe(0);
    expect(press(s, 'up')).toBe(s);
    expect(press(s, ...Array<string>(count + 3).fill('down')).search.selected).toBe(count - 1);
  });
});

describe('Enter', () => {
  it('goes to the chosen hit with its match on the top row, highlighted, and commits the search', () => {
    const s = answer(type(press(start(), '/'), '集成电路'));
    const hit = s.search.results!.hits[1]!;
    const done = press(s, 'down', 'enter');
    expect(modeOf(done)).toBe('reader');
    expect(done.top).toEqual(hitAnchor(hit));
    const row = topRow(done);
    expect(row.paragraphId).toBe(hit.paragraphId);
    const [start0] = hit.matches[0]!;
    expect(row.start <= start0 && start0 < row.end).toBe(true);
    const marks = rowHighlights(done.search, visibleRows(done))[0];
    expect(marks?.current).toBe(true);
    expect(marks?.ranges.map(([a, b]) => row.text.slice(a, b)).join('')).toContain('集成');
    expect(hitCount(done.search)).toMatch(/^hit \d of 4$/);
  });

  it('highlights every match of every hit on screen, and only those', () => {
    const done = press(answer(type(press(start(), '/'), '重庆')), 'enter');
    const rows = visibleRows(done);
    const marks = rowHighlights(done.search, rows);
    rows.forEach((row, i) => {
      const expected = (row.text.match(/重庆/g) ?? []).length;
      // Headings are hits too (the title holds 重庆): a hit is known by its block.
      const isHit = done.search.active!.results.hits.some((hit) => hit.paragraphId === row.blockId);
      const found = marks[i]?.ranges.map(([a, b]) => row.text.slice(a, b)) ?? [];
      // A match cut by the end of a row shows as its part on each row.
      if (isHit) expect(found.join('').replaceAll('重庆', '')).toBe('');
      if (isHit) expect(found.filter((text) => text === '重庆').length).toBeGreaterThanOrEqual(expected - 1);
      else expect(found).toEqual([]);
    });
  });

  it('says it is still searching, never "no match", while the index is being built, and commits once the answer is whole', () => {
    const typed = type(press(start(), '/'), 'jcdl');
    const early = reduce(typed, { type: 'searchResults', query: 'jcdl', hits: [], complete: false });
    expect(isSearching(early.search)).toBe(true);
    expect(searchLineInfo(early.search, 'pinyin 31%')).toBe('searching… pinyin 31%');
    expect(searchLineInfo(early.search)).toBe('searching…');
    // Enter now waits for the whole answer instead of saying there is no match.
    const waiting = press(early, 'enter');
    expect(waiting.notice).toBe('');
    expect(waiting.search.submitPending).toBe(true);
    const done = answer(waiting);
    expect(done.search.active?.results.query).toBe('jcdl');
    expect(done.top).toEqual(hitAnchor(index.search('jcdl')[0]!));
    // A whole answer with nothing in it is "no match", with the note beside it while something is built.
    const none = reduce(type(press(start(), '/'), 'qqqq'), { type: 'searchResults', query: 'qqqq', hits: [], complete: true });
    expect(searchLineInfo(none.search, 'pinyin 31%')).toBe('no match  pinyin 31%');
  });

  it('goes to a heading that matched, and highlights it there', () => {
    const done = press(answer(type(press(start(), '/'), '对话')), 'enter');
    expect(done.top.block).toBe('original-title');
    const rows = visibleRows(done);
    const marks = rowHighlights(done.search, rows);
    const shown = rows.flatMap((row, i) => (marks[i]?.ranges ?? []).map(([a, b]) => row.text.slice(a, b)));
    expect(shown).toEqual(['对话']);
    expect(rows.find((row) => row.blockId === 'original-title')?.kind).toBe('meta');
  });

  it('gives the text the focus when the search began in the sidebar', () => {
    const fromSidebar = press(initialState(doc, { columns: 40, rows: 12 }), 'tab', '/');
    expect(fromSidebar.focus).toBe('sidebar');
    const done = press(answer(type(fromSidebar, '集成电路')), 'enter');
    expect(done.focus).toBe('text');
    expect(modeOf(done)).toBe('reader');
  });

  it('before the results are in, commits when they arrive', () => {
    const s = press(type(press(start(), '/'), '集成电路'), 'enter');
    expect(modeOf(s)).toBe('reader');
    expect(s.search.submitPending).toBe(true);
    const done = answer(s);
    expect(done.top).toEqual(hitAnchor(index.search('集成电路')[0]!));
    expect(done.search.submitPending).toBe(false);
  });

  it('with no match closes the line with a notice and stays put', () => {
    const done = press(answer(type(press(start(), '/'), 'zzzzqqq')), 'enter');
    expect(modeOf(done)).toBe('reader');
    expect(done.top).toEqual(start().top);
    expect(done.notice).toContain('no match');
    expect(done.search.active).toBeUndefined();
  });

  it('on a blank line just closes it', () => {
    const done = press(start(), '/', 'space', 'enter');
    expect(modeOf(done)).toBe('reader');
    expect(done.search.submitPending).toBe(false);
  });
});

describe('n and N', () => {
  const committed = () => press(answer(type(press(start(), '/'), '集成电路')), 'enter');

  it('walk the hits in reading order, wrapping around with a notice', () => {
    const order = inReadingOrder('集成电路').map((hit) => hit.paragraphId);
    let s = committed();
    const first = order.indexOf(s.top.block);
    const seen = [s.top.block];
    for (let i = 1; i <= order.length; i++) {
      s = press(s, 'n');
      seen.push(s.top.block);
      const wrapped = first + i >= order.length && first + i - 1 < order.length;
      expect(s.notice, `step ${i}`).toBe(wrapped ? 'wrapped around to the first hit' : '');
      expect(searchStatus(s)).toBe(wrapped ? hitCount(s.search) : `${hitCount(s.search)}  /集成电路`);
      expect(hitCount(s.search)).toBe(`hit ${((first + i) % order.length) + 1} of ${order.length}`);
    }
    expect(seen).toEqual([...order.slice(first), ...order.slice(0, first + 1)]);
    // Back again with N, wrapping the other way.
    const back = press(press(s, 'g'), ...Array<string>(order.length).fill('N'));
    expect(back.top.block).toBe(s.top.block);
    expect(press(press(s, 'g'), 'N', 'N').top.block).toBe(order[(first - 2 + order.length) % order.length]);
  });

  it('say so when there is no search yet', () => {
    const s = press(start(), 'n');
    expect(s.top).toEqual(start().top);
    expect(s.notice).toContain('/');
  });

  it("are jumps: '' goes back to where the view was", () => {
    const s = committed();
    const moved = press(s, 'n');
    expect(press(moved, "'", "'").top).toEqual(s.top);
  });
});

describe('Esc', () => {
  it('in the search line closes it, keeps the position and the committed search', () => {
    const committed = press(answer(type(press(start(), '/'), '集成电路')), 'enter');
    const retyped = answer(type(press(committed, '/', 'ctrl+u'), '重庆'));
    const closed = press(retyped, 'escape');
    expect(modeOf(closed)).toBe('reader');
    expect(closed.top).toEqual(committed.top);
    expect(closed.search.active).toBe(committed.search.active);
    expect(closed.quit).toBe(false);
  });

  it('in the text ends the committed search (highlights off); only the next Esc quits', () => {
    const committed = press(answer(type(press(start(), '/'), '集成电路')), 'enter');
    const ended = press(committed, 'escape');
    expect(ended.search.active).toBeUndefined();
    expect(ended.top).toEqual(committed.top);
    expect(ended.quit).toBe(false);
    expect(rowHighlights(ended.search, visibleRows(ended)).every((mark) => mark === undefined)).toBe(true);
    expect(press(ended, 'escape').quit).toBe(true);
  });

  it('/ again reopens the line on the committed query, selected, with its hit chosen', () => {
    const committed = press(answer(type(press(start(), '/'), '集成电路')), 'down', 'enter');
    const reopened = press(committed, '/');
    expect(reopened.search.line).toEqual({ text: '集成电路', cursor: 4, selected: true });
    expect(reopened.search.selected).toBe(1);
    expect(answer(reopened).search.selected).toBe(1);
    // Enter goes on with the same query: to the hit chosen.
    expect(press(answer(reopened), 'enter').top).toEqual(committed.top);
  });

  it('replaces the reopened query with what is typed, as a find bar does; a deletion clears it, a cursor move keeps it', () => {
    const reopened = press(press(answer(type(press(start(), '/'), '集成电路')), 'enter'), '/');
    expect(type(reopened, '重庆').search.line).toEqual({ text: '重庆', cursor: 2 });
    expect(press(reopened, 'backspace').search.line).toEqual({ text: '', cursor: 0 });
    expect(press(reopened, 'ctrl+u').search.line).toEqual({ text: '', cursor: 0 });
    const moved = press(reopened, 'left');
    expect(moved.search.line).toEqual({ text: '集成电路', cursor: 3 });
    expect(type(moved, '的').search.line).toEqual({ text: '集成电的路', cursor: 4 });
    expect(type(press(reopened, 'end'), '们').search.line).toEqual({ text: '集成电路们', cursor: 5 });
  });

  it('opens empty when nothing was searched', () => {
    expect(press(start(), '/').search.line).toEqual({ text: '', cursor: 0 });
  });
});

describe('--search', () => {
  it('goes to the best hit as soon as the results are in, with the search committed', () => {
    const s = start({ search: '集成电路' });
    expect(modeOf(s)).toBe('reader');
    const done = answer(s);
    expect(done.top).toEqual(hitAnchor(index.search('集成电路')[0]!));
    expect(hitCount(done.search)).toMatch(/of 4$/);
  });

  it('finds pinyin initials too', () => {
    const done = answer(start({ search: 'jcdl' }));
    expect(done.top.block).toBe(index.search('集成电路')[0]!.paragraphId);
  });

  it('stays at the start with a notice when nothing matches', () => {
    const done = answer(start({ search: 'zzzzqqq' }));
    expect(done.top).toEqual(start().top);
    expect(done.notice).toBe('no match for “zzzzqqq”');
  });
});

describe('keys outside the search line', () => {
  it('are not typed anywhere: an unbound letter in the text does nothing', () => {
    const s = start();
    expect(handleKey(s, 'x')).toBeUndefined();
    expect(handleKey(press(s, '/'), 'x')?.search.line.text).toBe('x');
  });
});

describe('a hit of very many matches', () => {
  it('is highlighted and gone to from its flat offsets: its matches are never made arrays', () => {
    const s = answer(type(press(start(), '/'), '集成电路'));
    const shown = s.search.results!.hits.map((hit) => {
      // The engine's own offsets kept; `matches` (an array per match) must not be read.
      const offsets = hit.matchOffsets!;
      const copy = { ...hit } as SearchHit;
      delete (copy as Partial<SearchHit>).matches;
      Object.defineProperty(copy, 'matchOffsets', { value: offsets });
      Object.defineProperty(copy, 'matches', {
        get() {
          throw new Error('matches read');
        },
      });
      return copy;
    });
    const flat = reduce(type(press(start(), '/'), '集成电路'), { type: 'searchResults', query: '集成电路', hits: shown });
    const done = press(flat, 'enter');
    const plain = press(s, 'enter');
    expect(done.top).toEqual(plain.top);
    const rows = visibleRows(done);
    expect(rowHighlights(done.search, rows)).toEqual(rowHighlights(plain.search, visibleRows(plain)));
    expect(rowHighlights(done.search, rows).some((marks) => marks !== undefined)).toBe(true);
  });
});
