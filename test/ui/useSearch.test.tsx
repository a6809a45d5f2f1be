/**
 * How the reader drives the search engine, with the engine replaced by a fake whose searches finish
 * only when the test says: loaded on the first `/` and not before, one search per query, each keystroke
 * aborting the search before it, and only the current query's answer shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../src/core/search/types.js';
import { interviewDocument } from '../app/documents.js';
import { renderReader } from './render.js';

interface Pending {
  query: string;
  signal: AbortSignal;
  resolve(hits: SearchHit[]): void;
}

const engine = vi.hoisted(() => ({ loaded: false, searches: [] as Pending[] }));

vi.mock('../../src/core/search/index.js', () => {
  engine.loaded = true;
  return {
    createSearchIndex: () => ({
      search: () => [],
      prepare: () => Promise.resolve(),
      searchAsync: (query: string, options: { signal: AbortSignal }) =>
        new Promise<SearchHit[]>((resolve, reject) => {
          engine.searches.push({ query, signal: options.signal, resolve });
          options.signal.addEventListener('abort', () => reject(options.signal.reason));
        }),
    }),
  };
});

const doc = interviewDocument();
const paragraph = doc.sections[1]!.paragraphs[1]!;
const hit = (query: string): SearchHit => ({
  paragraphId: paragraph.id,
  section: paragraph.section,
  sectionTitle: doc.sections[1]!.title,
  paragraph: paragraph.index,
  score: 0,
  tier: 'exact',
  text: paragraph.text,
  matches: [[0, Math.min(paragraph.text.length, query.length)]],
  ...(paragraph.speaker === undefined ? {} : { speaker: paragraph.speaker }),
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

let ui: Awaited<ReturnType<typeof renderReader>> | undefined;
afterEach(() => ui?.unmount());

describe('searching as you type', () => {
  it('loads the engine on the first /, aborts the search of every earlier keystroke, shows only the last answer', async () => {
    ui = await renderReader(doc, { columns: 80, rows: 24 });
    await ui.press('j', 'k');
    expect(engine.loaded).toBe(false);
    await ui.press('/');
    await tick();
    expect(engine.loaded).toBe(true);
    await ui.press('集', '成', '电');
    await tick();
    expect(engine.searches.map((s) => s.query)).toEqual(['集', '集成', '集成电']);
    expect(engine.searches.map((s) => s.signal.aborted)).toEqual([true, true, false]);
    expect(ui.rows()[23]).toContain('searching…');

    // A stale answer arriving late changes nothing.
    engine.searches[0]!.resolve([hit('集')]);
    await tick();
    expect(ui.rows()[23]).toContain('searching…');

    engine.searches[2]!.resolve([hit('集成电')]);
    await tick();
    expect(ui.rows()[23]).toMatch(/1\/1 *$/);
    expect(ui.rows()[22]).toContain(paragraph.text.slice(0, 6));
    // The same query is not searched again on re-render, and a blank line searches nothing.
    await ui.press('\u007f', '\u007f', '\u007f');
    await tick();
    expect(engine.searches.map((s) => s.query)).toEqual(['集', '集成', '集成电', '集成', '集']);
    expect(engine.searches.slice(3).map((s) => s.signal.aborted)).toEqual([true, true]);
  });
});
