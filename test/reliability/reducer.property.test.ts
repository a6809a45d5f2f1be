/**
 * The reader's state under random use (fast-check): sequences of keys (every key of the key table, and
 * random text as typed into the search line), resizes from 1x1 to 300x100, and search results as the
 * UI would deliver them. After every step the state must be one a screen can show: the view inside
 * the document, the sidebar marking the section in view, the help overlay open exactly when asked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/app/actions.js';
import { geometry } from '../../src/app/geometry.js';
import { KEYMAP } from '../../src/app/keymap.js';
import { createReaderState, reduce } from '../../src/app/reducer.js';
import { currentEntry, readingPosition, sidebarEntries, textFlow, topPosition, visibleRows } from '../../src/app/selectors.js';
import { modeOf, type ReaderState } from '../../src/app/state.js';
import { parseDocument } from '../../src/core/document/parse.js';
import type { Document } from '../../src/core/document/types.js';
import { documentBlocks } from '../../src/core/layout/blocks.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import type { SearchIndex } from '../../src/core/search/types.js';
import { interviewDocument, syntheticDocument } from '../helpers/documents.js';

const RUNS = { numRuns: 100 };

const DOCUMENTS: [string, Document][] = [
  ['the interview', interviewDocument()],
  ['a synthetic interview of 12 sections', syntheticDocument(12, 6)],
  ['a text without structure', parseDocument('只有一段，没有标题也没有小节。\n\n第二段。')],
  ['an empty text', parseDocument('')],
];

/** Every key the key table knows, in any mode. */
const TABLE_KEYS = [...new Set(KEYMAP.flatMap((binding) => binding.keys))];
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TABLE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom('ctrl+z', 'x', 'Q', '0', '中', '　', 'left', 'right', 'delete', 'ctrl+a') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }) },
);

type Step = { kind: 'keys'; keys: string[] } | { kind: 'resize'; columns: number; rows: number } | { kind: 'answer' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.array(key, { minLength: 1, maxLength: 3 }).map((keys): Step => ({ kind: 'keys', keys })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ columns: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 300 })), rows: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 100 })) })
      .map((size): Step => ({ kind: 'resize', ...size })),
  },
  // The UI answers the query in the search line (asynchronously, so any time later).
  { weight: 2, arbitrary: fc.constant<Step>({ kind: 'answer' }) },
);

function toAction(state: ReaderState, s: Step, index: SearchIndex): Action | undefined {
  if (s.kind === 'keys') return { type: 'keys', keys: s.keys };
  if (s.kind === 'resize') return { type: 'resize', columns: s.columns, rows: s.rows };
  const query = state.search.line.text;
  return query.trim() === '' ? undefined : { type: 'searchResults', query, hits: index.search(query) };
}

/** What every state must satisfy, whatever led to it. */
function checkState(state: ReaderState): void {
  const flow = textFlow(state);
  const g = geometry(state);
  // The view is inside the document: the top is a block of it, at a character of that block.
  const blockIndex = flow.indexOf(state.top.block);
  expect(blockIndex, `top block ${state.top.block}`).toBeGreaterThanOrEqual(0);
  expect(state.top.offset).toBeGreaterThanOrEqual(-1);
  expect(state.top.offset).toBeLessThanOrEqual(documentBlocks(state.doc)[blockIndex]?.text.length ?? -2);
  const top = topPosition(state, flow);
  expect(flow.compare(top, flow.first())).toBeGreaterThanOrEqual(0);
  expect(flow.compare(top, flow.last())).toBeLessThanOrEqual(0);
  const rows = visibleRows(state, flow);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(g.textHeight);
  for (const row of rows) expect(row.width).toBeLessThanOrEqual(g.textWidth);
  const position = readingPosition(state, flow);
  expect(position.line).toBeGreaterThanOrEqual(1);
  expect(position.line).toBeLessThanOrEqual(position.total);
  expect(position.percent).toBeGreaterThanOrEqual(0);
  expect(position.percent).toBeLessThanOrEqual(100);

  // The sidebar marks the section in view: the entry of the top row's section, or, once the end of
  // the document is on screen, an entry that starts on screen.
  const entries = sidebarEntries(state.doc);
  const current = entries[currentEntry(state, flow)];
  expect(current).toBeDefined();
  const topRow = rows[0]!;
  const endShown = rows.at(-1) === flow.row(flow.last());
  const startsOnScreen = rows.some((row) => row.blockId === current!.target);
  if (current!.kind === 'section') {
    expect(current!.section === topRow.section || (endShown && startsOnScreen), `marked ${current!.label}, top row in section ${topRow.section}`).toBe(true);
  } else {
    // The title or the lead: nothing of a section above the last row's section may be at the top.
    expect(topRow.section === 0 || (endShown && startsOnScreen), `marked ${current!.kind}, top row in section ${topRow.section}`).toBe(true);
  }
  const later = entries.slice(entries.indexOf(current!) + 1).find((entry) => flow.indexOf(entry.target) >= 0);
  if (later && !endShown) expect(flow.indexOf(later.target)).toBeGreaterThan(topRow.blockIndex);

  // The selection is an entry; the help scroll a line of the help.
  expect(state.selected).toBeGreaterThanOrEqual(0);
  expect(state.selected).toBeLessThan(entries.length);
  expect(state.helpScroll).toBeGreaterThanOrEqual(0);
  // The search line's cursor is inside its text.
  expect(state.search.line.cursor).toBeGreaterThanOrEqual(0);
  expect(state.search.line.cursor).toBeLessThanOrEqual(state.search.line.text.length);
  if (state.search.active) {
    const { hits } = state.search.active.results;
    expect(state.search.active.current).toBeGreaterThanOrEqual(0);
    expect(state.search.active.current).toBeLessThan(hits.length);
  }
}

describe.each(DOCUMENTS)('the reducer on %s (fast-check)', (_name, doc) => {
  const index = createSearchIndex(doc);

  it('any sequence of keys, resizes and search answers never throws and leaves a showable state', () => {
    fc.assert(
      fc.property(
        fc.record({ columns: fc.integer({ min: 1, max: 300 }), rows: fc.integer({ min: 1, max: 100 }) }),
        fc.array(step, { maxLength: 30 }),
        (size, steps) => {
          let state = createReaderState(doc, size);
          checkState(state);
          for (const s of steps) {
            const action = toAction(state, s, index);
            if (action === undefined) continue;
            const next = reduce(state, action);
            // The reducer makes new states; it never changes the one it was given.
            expect(reduce(state, { type: 'resize', columns: state.columns, rows: state.rows })).toBe(state);
            state = next;
            checkState(state);
          }
        },
      ),
      RUNS,
    );
  });

  it('? opens the help from the text or the sidebar, and Esc, ? or q close it, with the text where it was', () => {
    fc.assert(
      fc.property(
        fc.record({ columns: fc.integer({ min: 1, max: 300 }), rows: fc.integer({ min: 1, max: 100 }) }),
        fc.array(step, { maxLength: 20 }),
        fc.array(fc.constantFrom('j', 'k', 'space', 'b', 'down', 'pagedown', 'g', 'G'), { maxLength: 6 }),
        fc.constantFrom('escape', '?', 'q'),
        (size, steps, inHelp, close) => {
          let state = createReaderState(doc, size);
          for (const s of steps) {
            const action = toAction(state, s, index);
            if (action) state = reduce(state, action);
          }
          // Only from the text or the sidebar: the search line takes ? as text, a mark key as a mark name.
          if (state.quit || !['reader', 'sidebar'].includes(modeOf(state))) return;
          const opened = reduce(state, { type: 'keys', keys: ['?'] });
          expect(opened.overlay).toBe('help');
          expect(modeOf(opened)).toBe('help');
          const scrolled = reduce(opened, { type: 'keys', keys: inHelp });
          expect(scrolled.overlay).toBe('help');
          expect(scrolled.top).toEqual(state.top);
          const closed = reduce(scrolled, { type: 'keys', keys: [close] });
          expect(closed.overlay).toBe('none');
          expect(closed.quit).toBe(false);
          expect(closed.top).toEqual(state.top);
          expect(modeOf(closed)).toBe(modeOf(state));
          checkState(closed);
        },
      ),
      RUNS,
    );
  });
});
