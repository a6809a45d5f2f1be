/**
 * How the reader drives the search engine, with the engine replaced by a fake whose searches finish
 * only when the test says: loaded on the first `/` and not before, one search per query, each keystroke
 * aborting the search before it, and only the current query's answer shown; indexing progress on the
 * search line, and a query answered before indexing was done asked again once it is; and the rehearsal
 * once the index is built, a search for a query from the text whose frame is built but not shown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrepareOptions, SearchHit } from '../../src/core/search/types.js';
import { interviewDocument } from '../app/documents.js';
import { renderReader } from './render.js';

interface Pending {
  query: string;
  signal: AbortSignal;
  partial: boolean;
  /** `complete: false`: answered before the index was built (the pinyin readings of a long text). */
  resolve(hits: SearchHit[], complete?: boolean): void;
}

const engine = vi.hoisted(() => ({
  loaded: false,
  searches: [] as Pending[],
  prepare: (_options: PrepareOptions): Promise<void> => Promise.resolve(),
}));

vi.mock('../../src/core/search/index.js', () => {
  engine.loaded = true;
  return {
    createSearchIndex: () => ({
      search: () => [],
      prepare: (options: PrepareOptions) => engine.prepare(options),
      answerAsync: (query: string, options: { signal: AbortSignal; partial?: boolean }) =>
        new Promise<{ hits: SearchHit[]; complete: boolean }>((resolve, reject) => {
          engine.searches.push({ query, signal: options.signal, partial: options.partial === true, resolve: (hits, complete = true) => resolve({ hits, complete }) });
          options.signal.addEventListener('abort', () => reject(options.signal.reason));
        }),
      searchAsync: (query: string, options: { signal: AbortSignal; partial?: boolean }) =>
        new Promise<SearchHit[]>((resolve, reject) => {
          engine.searches.push({ query, signal: options.signal, partial: options.partial === true, resolve });
          options.signal.addEventListener('abort', () => reject(options.signal.reason));
        }),
    }),
  };
});

// Spied on to see the rehearsal's off-screen frame; it still builds every frame.
const frames = vi.hoisted(() => ({ built: [] as { query: string | undefined; line: string }[] }));
vi.mock('../../src/ui/rows/frame.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ui/rows/frame.js')>();
  return {
    ...original,
    readingFrame: (...args: Parameters<typeof original.readingFrame>) => {
      frames.built.push({ query: args[0].search.results?.query, line: args[0].search.line.text });
      return original.readingFrame(...args);
    },
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
    expect(ui.rows()[23]).toMatch(/hit 1 of 1 *$/);
    expect(ui.rows()[22]).toContain(paragraph.text.slice(0, 6));
    // The same query is not searched again on re-render, and a blank line searches nothing.
    await ui.press('\u007f', '\u007f', '\u007f');
    await tick();
    expect(engine.searches.map((s) => s.query)).toEqual(['集', '集成', '集成电', '集成', '集']);
    expect(engine.searches.slice(3).map((s) => s.signal.aborted)).toEqual([true, true]);
  });
});

/** Waits until `done` holds (the reader renders and runs effects on its own schedule), up to a second. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 1000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('indexing in the background', () => {
  it('shows its progress on the search line once it takes a while, then asks the query again', async () => {
    let preparing: { options: PrepareOptions; done(): void } | undefined;
    engine.prepare = (options) => new Promise<void>((resolve) => (preparing = { options, done: resolve }));
    engine.searches = [];
    ui = await renderReader(doc, { columns: 80, rows: 24 });
    await ui.press('/');
    await tick();
    await ui.press('j', 'c');
    await tick();
    expect(engine.searches.map((s) => [s.query, s.partial])).toEqual([
      ['j', true],
      ['jc', true],
    ]);
    // Answered from what is built, with nothing yet: still searching, not "no match".
    engine.searches[1]!.resolve([], false);
    await tick();
    expect(ui.rows()[23]).toMatch(/searching… *$/);
    expect(ui.rows()[23]).not.toContain('no match');

    // Indexing that has taken more than ~200 ms shows its progress (heard at most every 250 ms).
    await new Promise((resolve) => setTimeout(resolve, 250));
    preparing!.options.onProgress?.({ text: 0.5, pinyin: 0 });
    await until(() => ui!.rows()[23]!.includes('indexing'));
    expect(ui.rows()[23]).toContain('indexing 50%');
    // Folded, readings not begun (other parts being built, or a short text's readings left for later): no note.
    await new Promise((resolve) => setTimeout(resolve, 250));
    preparing!.options.onProgress?.({ text: 1, pinyin: 0 });
    await until(() => !ui!.rows()[23]!.includes('indexing'));
    expect(ui.rows()[23]).toMatch(/searching… *$/);
    await new Promise((resolve) => setTimeout(resolve, 250));
    preparing!.options.onProgress?.({ text: 1, pinyin: 0.4 });
    await until(() => ui!.rows()[23]!.includes('pinyin'));
    expect(ui.rows()[23]).toMatch(/searching… pinyin 40% *$/);

    // Done: the note goes, and the query answered from a partial index is asked again.
    preparing!.done();
    await until(() => engine.searches.length === 3);
    expect(ui.rows()[23]).not.toContain('pinyin');
    expect(engine.searches.map((s) => s.query)).toEqual(['j', 'jc', 'jc']);
    engine.searches[2]!.resolve([hit('jc')]);
    await until(() => /hit 1 of 1 *$/.test(ui!.rows()[23]!));
    expect(ui.rows()[23]).toMatch(/hit 1 of 1 *$/);
    // Answered in full: not asked again.
    await tick();
    expect(engine.searches).toHaveLength(3);
  });
});

describe('pinyin in the background', () => {
  it('is built once a Latin letter is typed, after the first prepare, and not for Chinese', async () => {
    const calls: PrepareOptions[] = [];
    let first: (() => void) | undefined;
    engine.prepare = (options) => {
      calls.push(options);
      return calls.length === 1 ? new Promise<void>((resolve) => (first = resolve)) : Promise.resolve();
    };
    engine.searches = [];
    ui = await renderReader(doc, { columns: 80, rows: 24 });
    await ui.press('/', '集');
    await tick();
    expect(calls.map((options) => options.pinyin ?? false)).toEqual([false]);
    await ui.press('d');
    await tick();
    // Still waiting for the first.
    expect(calls).toHaveLength(1);
    first!();
    await until(() => calls.length === 2);
    expect(calls.map((options) => options.pinyin ?? false)).toEqual([false, true]);
  });
});

describe('the rehearsal', () => {
  // The first two characters of the lead, as useSearch picks them.
  const sample = Array.from(doc.lead[0]!.text).slice(0, 2).join('');
  const layers: unknown[] = [];
  const draw = (layer: unknown) => layers.push(layer);

  it('searches a query from the text once the index is built, and builds its frame without showing it', async () => {
    engine.prepare = () => Promise.resolve();
    // The last test's reader, unmounted, may still ask for the search it had under way.
    await tick();
    engine.searches = [];
    ui = await renderReader(doc, { columns: 80, rows: 24, draw });
    await ui.press('/');
    await until(() => engine.searches.length > 0);
    expect(engine.searches.map((s) => s.query)).toEqual([sample]);
    const screen = JSON.stringify(layers.at(-1));
    const rehearsed = () => frames.built.filter((frame) => frame.query === sample);
    engine.searches[0]!.resolve([hit(sample)]);
    await until(() => rehearsed().length > 0);
    expect(rehearsed()).toEqual([{ query: sample, line: sample }]);
    // The screen is what it was, and the line still empty for the user's query.
    await tick();
    expect(JSON.stringify(layers.at(-1))).toBe(screen);
    await ui.press('集');
    await until(() => engine.searches.length > 1);
    expect(engine.searches.map((s) => s.query)).toEqual([sample, '集']);
    expect(frames.built.at(-1)).toEqual({ query: undefined, line: '集' });
  });

  it('is dropped when the user types first, and is not run without the screen writer', async () => {
    engine.searches = [];
    ui = await renderReader(doc, { columns: 80, rows: 24, draw });
    await ui.press('/');
    await until(() => engine.searches.length > 0);
    await ui.press('集');
    await until(() => engine.searches.length > 1);
    expect(engine.searches.map((s) => [s.query, s.signal.aborted])).toEqual([
      [sample, true],
      ['集', false],
    ]);
    ui.unmount();

    engine.searches = [];
    ui = await renderReader(doc, { columns: 80, rows: 24 });
    await ui.press('/');
    await tick();
    await tick();
    expect(engine.searches).toEqual([]);
  });
});
