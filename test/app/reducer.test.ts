import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/app/actions.js';
import { actionForKey } from '../../src/app/commands.js';
import { geometry } from '../../src/app/geometry.js';
import { reduce } from '../../src/app/reducer.js';
import { currentEntry, readingPosition, sidebarEntries, textFlow, topPosition, visibleRows } from '../../src/app/selectors.js';
import { initialState, type ReaderState } from '../../src/app/state.js';
import { interviewDocument, syntheticDocument } from './documents.js';

const doc = interviewDocument();
const entries = sidebarEntries(doc);
const start = (columns = 80, rows = 24): ReaderState => initialState(doc, { columns, rows });

const run = (state: ReaderState, ...actions: Action[]): ReaderState => actions.reduce(reduce, state);
/** Presses keys through the key table, as the UI does. */
const press = (state: ReaderState, ...keys: string[]): ReaderState =>
  keys.reduce((s, key) => {
    const action = actionForKey(s, key);
    return action ? reduce(s, action) : s;
  }, state);

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
