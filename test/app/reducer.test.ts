import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/app/actions.js';
import { geometry } from '../../src/app/geometry.js';
import { reduce } from '../../src/app/reducer.js';
import { currentEntry, readingPosition, sidebarEntries, textFlow, topPosition, visibleRows } from '../../src/app/selectors.js';
import { initialState, type ReaderState } from '../../src/app/state.js';
import { interviewDocument, syntheticDocument } from '../helpers/documents.js';

const doc = interviewDocument();
const entries = sidebarEntries(doc);
const start = (columns = 80, rows = 24): ReaderState => initialState(doc, { columns, rows });

const run = (state: ReaderState, ...actions: Action[]): ReaderState => actions.reduce(reduce, state);
/** Presses keys through the key table, one at a time, as the UI does. */
const press = (state: ReaderState, ...keys: string[]): ReaderState => keys.reduce((s, key) => reduce(s, { type: 'keys', keys: [key] }), state);

const topRow = (state: ReaderState) => textFlow(state).row(topPosition(state));
const line = (state: ReaderState) => readingPosition(state).line;
const entryIndex = (section: number) => entries.findIndex((e) => e.kind === 'section' && e.section === section);

describe('scrolling', () => {
  it('starts at the title and returns the same state for moves that change nothing', () => {
    const s = start();
    expect(topRow(s)).toMatchObject({ kind: 'title', line: 0 });
    expect(press(s, 'k', 'up', 'g', 'home', 'b', 'ctrl+u', '[')).toBe(s);
    expect(run(s, { type: 'resize', columns: 80, rows: 24 })).toBe(s);
  });

  it('moves by lines, pages and half pages', () => {
    const s = start();
    const height = geometry(s).textHeight;
    expect(line(press(s, 'j', 'j', 'down'))).toBe(4);
    expect(line(press(s, 'j', 'j', 'down', 'k'))).toBe(3);
    expect(line(press(s, 'space'))).toBe(1 + height);
    expect(line(press(s, 'f', 'pagedown', 'b'))).toBe(1 + height);
    expect(line(press(s, 'ctrl+d'))).toBe(1 + Math.floor(height / 2));
    expect(line(press(s, 'ctrl+d', 'ctrl+d', 'ctrl+u'))).toBe(1 + Math.floor(height / 2));
  });

  it('stops with the last row at the bottom of the pane, and g goes back to the top', () => {
    for (const [columns, rows] of [[80, 24], [40, 12], [120, 40]] as const) {
      const bottom = press(start(columns, rows), 'G');
      const flow = textFlow(bottom);
      const shown = visibleRows(bottom);
      expect(shown).toHaveLength(geometry(bottom).textHeight);
      expect(shown.at(-1)).toBe(flow.row(flow.last()));
      expect(readingPosition(bottom).percent).toBe(100);
      expect(press(bottom, 'j', 'space', 'ctrl+d', 'end')).toBe(bottom);
      expect(line(press(bottom, 'g'))).toBe(1);
      expect(press(start(columns, rows), 'end')).toEqual(bottom);
    }
  });

  it('keeps the character at the top through resizes and comes back to the same row', () => {
    const s = press(start(), ...Array<string>(37).fill('j'));
    const before = topRow(s);
    for (const [columns, rows] of [[60, 20], [40, 12], [133, 50], [25, 7]] as const) {
      const resized = run(s, { type: 'resize', columns, rows });
      const row = topRow(resized);
      expect(row.blockId).toBe(before.blockId);
      expect(row.start <= before.start && before.start < Math.max(row.end, row.start + 1)).toBe(true);
      expect(topRow(run(resized, { type: 'resize', columns: 80, rows: 24 }))).toEqual(before);
    }
  });

  it('lays out only what it shows on a 100,000-paragraph document', () => {
    const big = syntheticDocument(1000, 100);
    let s = initialState(big, { columns: 80, rows: 24 });
    s = press(s, 'G', 'k', '1');
    expect(topRow(s)).toMatchObject({ kind: 'heading', section: 1 });
    expect(textFlow(s).laidOutCount).toBeLessThan(100);
    expect(readingPosition(s).exact).toBe(false);
  });
});

describe('a first look at a long book', () => {
  it('counts the rows of the part it read for their share of the book, as an estimate', () => {
    const whole = start();
    const flow = textFlow(whole);
    // The first look read up to section 3: the rows before its heading are a quarter of the book.
    const read = flow.rowNumber({ block: flow.indexOf('s3'), row: 0 });
    const look = initialState({ ...doc, preview: { share: 0.25, unreadFrom: 3 } }, { columns: 80, rows: 24 });
    const position = readingPosition(look);
    expect(position.total).toBe(Math.round(read / 0.25));
    expect(position.exact).toBe(false);
    expect(position.percent).toBe(Math.floor((geometry(look).textHeight / position.total) * 100));
    expect(readingPosition(whole)).toMatchObject({ total: flow.rowCount(), exact: true });
  });
});

describe('sections', () => {
  it('jumps to section N with the heading at the top and marks it current', () => {
    for (const n of [1, 2, 3]) {
      const s = press(start(), String(n));
      expect(topRow(s)).toMatchObject({ kind: 'heading', blockId: `s${n}`, section: n });
      expect(currentEntry(s)).toBe(entryIndex(n));
    }
    const s = start();
    expect(press(s, '9')).toBe(s);
  });

  it('goes to the next and previous section with ] and [ (and } {)', () => {
    const s1 = press(start(), ']');
    expect(topRow(s1).blockId).toBe('s1');
    const s2 = press(s1, '}');
    expect(topRow(s2).blockId).toBe('s2');
    const s3 = press(s2, ']');
    expect(topRow(s3).blockId).toBe('s3');
    expect(press(s3, ']')).toBe(s3);
    expect(topRow(press(s3, '[')).blockId).toBe('s2');
    // Inside a section, [ goes back to its start first.
    expect(topRow(press(s2, 'j', 'j', '{')).blockId).toBe('s2');
    expect(topRow(press(s1, '[')).blockId).toBe(doc.lead[0]?.id);
  });

  it('keeps a short last section at the top after a jump: scrolling down does not pull it back', () => {
    const s = press(start(80, 40), '3');
    expect(topRow(s).blockId).toBe('s3');
    const down = press(s, 'j');
    expect(textFlow(down).compare(topPosition(down), topPosition(s))).toBeGreaterThanOrEqual(0);
    expect(currentEntry(down)).toBe(entryIndex(3));
  });

  it('marks the last section current once the end of the document is on screen', () => {
    const s = press(start(80, 40), 'G');
    expect(currentEntry(s)).toBe(entryIndex(3));
  });

  it('marks the section in view on a document of a thousand sections, going down section by section', () => {
    const big = syntheticDocument(1000, 3);
    const bigEntries = sidebarEntries(big);
    let s = initialState(big, { columns: 80, rows: 24 });
    expect(bigEntries[currentEntry(s)]?.kind).toBe('title');
    for (let n = 1; n <= 40; n++) {
      s = press(s, ']', 'j');
      const entry = bigEntries[currentEntry(s)];
      expect(entry).toMatchObject({ kind: 'section', section: n });
      expect(entry?.section).toBe(topRow(s).section);
    }
    s = press(s, 'G');
    expect(bigEntries[currentEntry(s)]).toMatchObject({ kind: 'section', section: 1000 });
  });

  it('opens at the lead for section 0', () => {
    expect(topRow(run(start(), { type: 'section', to: 0 })).paragraphId).toBe(doc.lead[0]?.id);
  });
});

describe('focus, sidebar and overlays', () => {
  it('Tab focuses the sidebar with the current section selected; j/k select, Enter opens and returns to the text', () => {
    const s = press(start(), '2', 'tab');
    expect(s.focus).toBe('sidebar');
    expect(s.selected).toBe(entryIndex(2));
    const selected = press(s, 'j');
    expect(selected.selected).toBe(entryIndex(3));
    expect(topRow(selected).blockId).toBe('s2');
    const opened = press(selected, 'enter');
    expect(opened.focus).toBe('text');
    expect(topRow(opened).blockId).toBe('s3');
    expect(press(s, 'tab').focus).toBe('text');
  });

  it('clamps the selection to the entries', () => {
    const s = press(start(), 'tab');
    expect(s.selected).toBe(0);
    expect(press(s, 'k')).toBe(s);
    const last = press(s, 'G');
    expect(last.selected).toBe(entries.length - 1);
    expect(press(last, 'j', 'down')).toBe(last);
    expect(press(last, 'g').selected).toBe(0);
  });

  it('Esc leaves the sidebar, closes the help, and quits only when nothing is open', () => {
    const sidebar = press(start(), 'tab', 'escape');
    expect(sidebar).toMatchObject({ focus: 'text', quit: false });
    const help = press(start(), '?');
    expect(help.overlay).toBe('help');
    expect(press(help, 'escape')).toMatchObject({ overlay: 'none', quit: false });
    expect(press(help, 'q')).toMatchObject({ overlay: 'none', quit: false });
    expect(press(help, '?').overlay).toBe('none');
    expect(press(start(), 'escape').quit).toBe(true);
    expect(press(start(), 'q').quit).toBe(true);
    expect(press(help, 'ctrl+c').quit).toBe(true);
  });

  it('keeps the text where it was while the help is open and scrolls the help instead', () => {
    const s = press(start(40, 12), 'j', '?');
    const scrolled = press(s, 'j', 'space');
    expect(scrolled.top).toEqual(s.top);
    expect(scrolled.helpScroll).toBeGreaterThan(1);
    expect(press(scrolled, 'escape', 'escape', '?').helpScroll).toBe(0);
    const far = press(s, ...Array<string>(200).fill('j'));
    expect(press(far, 'j')).toBe(far);
  });

  it('s hides and shows the docked sidebar, reflowing the text but keeping the top', () => {
    const s = press(start(), ...Array<string>(20).fill('j'));
    const hidden = press(s, 's');
    expect(hidden.sidebarHidden).toBe(true);
    expect(geometry(hidden).textWidth).toBeGreaterThan(geometry(s).textWidth);
    expect(topRow(hidden).blockId).toBe(topRow(s).blockId);
    expect(press(hidden, 's').sidebarHidden).toBe(false);
  });

  it('opens the sidebar as an overlay on narrow terminals', () => {
    const s = start(40, 12);
    expect(geometry(s).sidebar).toBe('none');
    const open = press(s, 's');
    expect(open.focus).toBe('sidebar');
    expect(geometry(open).sidebar).toBe('overlay');
    expect(geometry(open).textWidth).toBe(geometry(s).textWidth);
    expect(geometry(press(s, 'tab')).sidebar).toBe('overlay');
    expect(press(open, 's').focus).toBe('text');
  });
});

describe('marks and jumps', () => {
  const letters = ['a', 'q', 'z'];

  it('m + letter waits for the letter, then remembers the top of the view under it', () => {
    const s = press(start(), '2', 'j', 'j');
    const waiting = press(s, 'm');
    expect(waiting.pending).toBe('mark');
    expect(waiting.top).toEqual(s.top);
    for (const letter of letters) {
      const marked = press(s, 'm', letter);
      expect(marked.pending).toBe('none');
      expect(marked.marks[letter]).toEqual(s.top);
      expect(marked.notice).toContain(letter);
    }
  });

  it("' + letter goes to the mark from anywhere, at any size, and '' goes back and forth", () => {
    const marked = press(start(), '2', 'j', 'j', 'j', 'm', 'b');
    const target = topRow(marked);
    const elsewhere = press(marked, 'G');
    for (const [columns, rows] of [[80, 24], [40, 12], [133, 50]] as const) {
      const back = press(run(elsewhere, { type: 'resize', columns, rows }), "'", 'b');
      expect(back.top).toEqual(marked.top);
      expect(topRow(back).blockId).toBe(target.blockId);
      expect(back.pending).toBe('none');
    }
    const there = press(elsewhere, "'", 'b');
    expect(there.previous).toEqual(elsewhere.top);
    expect(press(there, "'", "'").top).toEqual(elsewhere.top);
    expect(press(there, "'", "'", "'", "'").top).toEqual(there.top);
  });

  it('remembers the place before every kind of jump for \'\', but not plain scrolling', () => {
    const from = press(start(), ...Array<string>(9).fill('j'));
    const jumps: [string, Action | string[]][] = [
      ['g', ['g']],
      ['G', ['G']],
      ['section number', ['3']],
      ['next section', [']']],
      ['sidebar entry', ['tab', 'j', 'enter']],
      ['goto', { type: 'goto', anchor: { block: 's2p2', offset: 0 } }],
    ];
    for (const [name, how] of jumps) {
      const jumped = Array.isArray(how) ? press(from, ...how) : run(from, how);
      expect(jumped.top, name).not.toEqual(from.top);
      expect(jumped.previous, name).toEqual(from.top);
      expect(press(jumped, "'", "'").top, name).toEqual(from.top);
    }
    const scrolled = press(from, 'j', 'space', 'k', 'ctrl+d');
    expect(scrolled.previous).toBeUndefined();
  });

  it('says so for an unknown mark or nothing to go back to, and the notice goes with the next key', () => {
    const s = start();
    const unknown = press(s, "'", 'x');
    expect(unknown.top).toEqual(s.top);
    expect(unknown.pending).toBe('none');
    expect(unknown.notice).toMatch(/no mark x/);
    expect(press(unknown, 'j').notice).toBe('');
    expect(press(s, "'", "'").notice).not.toBe('');
  });

  it('ends a sequence on Esc or on a key that is no mark, without acting on that key', () => {
    const s = press(start(), '2');
    expect(press(s, 'm', 'escape')).toMatchObject({ pending: 'none', quit: false, marks: {} });
    for (const key of ['G', '1', "'", 'down']) {
      const after = press(s, 'm', key);
      expect(after.pending, key).toBe('none');
      expect(after.top, key).toEqual(s.top);
      expect(after.marks, key).toEqual({});
      expect(after.notice, key).not.toBe('');
    }
    expect(press(s, "'", 'G').top).toEqual(s.top);
    expect(press(s, 'm', 'ctrl+c').quit).toBe(true);
  });

  it('keeps marks given at the start and jumps to them', () => {
    const marks = { c: { block: 's3p2', offset: 0 } };
    const s = initialState(doc, { columns: 80, rows: 24, marks });
    expect(topRow(press(s, "'", 'c')).paragraphId).toBe('s3p2');
  });
});

describe('copy', () => {
  it('y asks for the citation of the paragraph at the top of the view, a new request each time', () => {
    const s = press(start(), '2', 'j', 'j');
    const paragraphId = topRow(s).paragraphId ?? doc.sections[1]?.paragraphs[0]?.id;
    const once = press(s, 'y');
    expect(once.copyRequest?.ref).toBe(paragraphId);
    const paragraph = doc.sections.flatMap((section) => section.paragraphs).find((p) => p.id === paragraphId);
    expect(once.copyRequest?.text.split('\n')[0]).toBe(`> ${paragraph?.text.split('\n')[0]}`);
    expect(once.copyRequest?.text.endsWith(`(${paragraphId})`)).toBe(true);
    const twice = press(once, 'y');
    expect(twice.copyRequest?.serial).toBe((once.copyRequest?.serial ?? 0) + 1);
  });

  it('copies the first paragraph of a section when its heading is at the top, and the lead from the title', () => {
    expect(press(start(), '3', 'y').copyRequest?.ref).toBe('s3p1');
    expect(press(start(), 'y').copyRequest?.ref).toBe(doc.lead[0]?.id);
  });

  it('Ctrl-y in the search line copies the chosen result; after Enter, y copies the hit gone to', async () => {
    const { createSearchIndex } = await import('../../src/core/search/index.js');
    const hits = createSearchIndex(doc).search('集成电路', { limit: 1000 });
    expect(hits.length).toBeGreaterThan(1);
    let s = press(start(), '/', ...'集成电路');
    s = reduce(s, { type: 'searchResults', query: '集成电路', hits });
    const chosen = press(s, 'down');
    const copied = press(chosen, 'ctrl+y');
    expect(copied.copyRequest?.ref).toBe(hits[1]?.paragraphId);
    expect(copied.search.line.text).toBe('集成电路');
    expect(press(press(chosen, 'enter'), 'y').copyRequest?.ref).toBe(hits[1]?.paragraphId);
  });
});

describe('measure and indent', () => {
  it('caps the text width at the measure and centres it in a wider pane', () => {
    for (const measure of [0, 20, 40, 80, 200]) {
      for (const [columns, rows] of [[80, 24], [200, 50], [45, 12]] as const) {
        const g = geometry({ ...start(columns, rows), measure });
        const available = g.paneWidth - 2;
        expect(g.textWidth).toBe(measure === 0 ? available : Math.min(available, measure));
        const right = g.paneWidth - g.textLeft - g.textWidth;
        expect(g.textLeft).toBeGreaterThanOrEqual(1);
        expect(Math.abs(g.textLeft - right)).toBeLessThanOrEqual(1);
        for (const row of visibleRows({ ...start(columns, rows), measure })) expect(row.width).toBeLessThanOrEqual(g.textWidth);
      }
    }
  });

  it('= and - change the measure in steps from the width shown; = up to the pane means no limit', () => {
    const wide = initialState(doc, { columns: 200, rows: 40, measure: 80 });
    expect(geometry(wide).textWidth).toBe(80);
    expect(press(wide, '-').measure).toBe(76);
    expect(press(wide, '=').measure).toBe(84);
    expect(press(wide, '+', '-').measure).toBe(80);
    const narrowest = press(wide, ...Array<string>(30).fill('-'));
    expect(press(narrowest, '-')).toBe(narrowest);
    const unlimited = press(wide, ...Array<string>(30).fill('='));
    expect(unlimited.measure).toBe(0);
    expect(press(unlimited, '=')).toBe(unlimited);
    expect(press(unlimited, '-').measure).toBe(geometry(unlimited).textWidth - 4);
  });

  it('keeps the character at the top when the measure or the indent changes', () => {
    const s = press(initialState(doc, { columns: 200, rows: 40 }), '2', ...Array<string>(6).fill('j'));
    const before = topRow(s);
    for (const changed of [press(s, '-', '-', '-'), press(s, 'i'), press(s, '=', 'i', '-')]) {
      const row = topRow(changed);
      expect(row.blockId).toBe(before.blockId);
      expect(row.start <= before.start && before.start < Math.max(row.end, row.start + 1)).toBe(true);
    }
  });

  it('i indents the first row of each paragraph on screen and toggles back', () => {
    const s = press(start(), '2');
    const indented = press(s, 'i');
    expect(indented.indent).toBe(true);
    const firsts = visibleRows(indented).filter((row) => row.kind === 'text' && row.line === 0);
    expect(firsts.length).toBeGreaterThan(0);
    for (const row of firsts) expect(row.indent).toBe('\u3000\u3000');
    expect(visibleRows(press(indented, 'i')).every((row) => row.indent === '')).toBe(true);
  });
});
