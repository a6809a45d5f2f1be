/**
 * The effect runner driven as the app drives it — each action reduced, the requests of the change
 * (`effectsOf`) run — with the search engine replaced by a fake whose searches finish only when the
 * test says, and a clock the test moves. No sleeps: the tests wait for what they expect to happen.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/app/actions.js';
import { effectsOf } from '../../src/app/effects.js';
import { createReaderState, reduce } from '../../src/app/reducer.js';
import { textFlow } from '../../src/app/selectors.js';
import type { ReaderState } from '../../src/app/state.js';
import type { Document } from '../../src/core/document/types.js';
import type { PrepareOptions, SearchHit, SearchIndex } from '../../src/core/search/types.js';
import { EffectRunner, type EffectRunnerOptions } from '../../src/effects/runner.js';
import { indexingNote, sampleQuery } from '../../src/effects/search.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { interviewDocument, syntheticDocument } from '../helpers/documents.js';

interface Pending {
  query: string;
  signal: AbortSignal;
  partial: boolean;
  /** Answers; `complete: false` as the engine answers while the pinyin readings are still being built. */
  resolve(hits: SearchHit[], complete?: boolean): void;
}

/** A search index whose searches and prepares finish when the test says. */
function fakeEngine() {
  const engine = {
    created: 0,
    searches: [] as Pending[],
    prepares: [] as { options: PrepareOptions; done(): void }[],
    createIndex: async (): Promise<SearchIndex> => {
      engine.created++;
      return {
        search: () => [],
        prepare: (options: PrepareOptions) => new Promise<void>((resolve) => engine.prepares.push({ options, done: resolve })),
        answerAsync: (query: string, options: { signal?: AbortSignal; partial?: boolean }) =>
          new Promise<{ hits: SearchHit[]; complete: boolean }>((resolve, reject) => {
            const signal = options.signal!;
            engine.searches.push({ query, signal, partial: options.partial === true, resolve: (hits, complete = true) => resolve({ hits, complete }) });
            signal.addEventListener('abort', () => reject(signal.reason));
          }),
      } as unknown as SearchIndex;
    },
  };
  return engine;
}

/** The app's loop without React: reduce, then run the change's requests. */
function drive(doc: Document, options: Partial<EffectRunnerOptions> = {}) {
  let state: ReaderState = createReaderState(doc, { columns: 80, rows: 24 });
  const notices: string[] = [];
  const dispatch = (action: Action): void => {
    const next = reduce(state, action);
    const effects = effectsOf(state, next);
    state = next;
    if (action.type === 'notice') notices.push(action.text);
    runner.run(effects);
  };
  const runner = new EffectRunner({ doc, dispatch, getState: () => state, ...options });
  runner.run(effectsOf(undefined, state));
  return {
    get state() {
      return state;
    },
    notices,
    dispatch,
    keys: (...keys: string[]) => dispatch({ type: 'keys', keys }),
    runner,
  };
}

/** Waits until `holds`, a turn of the event loop at a time, failing after a generous timeout. */
async function until(holds: () => boolean, what: string): Promise<void> {
  const started = performance.now();
  while (!holds()) {
    if (performance.now() - started > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

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
});

describe('searching as you type', () => {
  it('loads the engine on the first / and not before; each query aborts the one before; only the last answer counts', async () => {
    const engine = fakeEngine();
    const app = drive(doc, { createIndex: engine.createIndex });
    app.keys('j', 'j');
    await until(() => true, 'a turn');
    expect(engine.created).toBe(0);
    app.keys('/');
    await until(() => engine.created === 1, 'the engine to load');
    // One key at a time, as a typist's keys come (keys delivered together make one state, one search).
    for (const key of ['集', '成', '电']) app.keys(key);
    await until(() => engine.searches.length === 3, 'three searches');
    expect(engine.searches.map((s) => [s.query, s.signal.aborted, s.partial])).toEqual([
      ['集', true, true],
      ['集成', true, true],
      ['集成电', false, true],
    ]);
    engine.searches[2]!.resolve([hit('集成电')]);
    await until(() => app.state.search.results !== undefined, 'the answer');
    expect(app.state.search.results?.query).toBe('集成电');
    // Enter commits it; nothing more is asked.
    app.keys('enter');
    expect(app.state.search.active?.results.query).toBe('集成电');
    expect(engine.searches).toHaveLength(3);
    app.runner.close();
  });

  it('says when the search failed', async () => {
    const failing = async (): Promise<SearchIndex> =>
      ({ prepare: () => Promise.resolve(), answerAsync: () => Promise.reject(new Error('no dictionary')) }) as unknown as SearchIndex;
    const app = drive(doc, { createIndex: failing });
    app.keys('/', '集', 'enter');
    await until(() => app.state.notice !== '', 'the notice');
    expect(app.state.notice).toBe('search failed: no dictionary');
    app.runner.close();
  });
});

describe('indexing in the background', () => {
  it('reports its progress once it takes a while, then asks a query answered from a partial index again', async () => {
    const engine = fakeEngine();
    let now = 0;
    const app = drive(doc, { createIndex: engine.createIndex, now: () => now });
    app.keys('/');
    await until(() => engine.prepares.length === 1, 'prepare');
    const { options, done } = engine.prepares[0]!;
    // Not within the first 200 ms: a short indexing is not worth a word.
    now = 100;
    options.onProgress?.({ text: 0.3, pinyin: 0 });
    expect(app.state.background.indexing).toBeUndefined();
    now = 300;
    options.onProgress?.({ text: 0.5, pinyin: 0 });
    expect(app.state.background.indexing).toBe('indexing 50%');
    // At most every 250 ms.
    now = 400;
    options.onProgress?.({ text: 0.6, pinyin: 0 });
    expect(app.state.background.indexing).toBe('indexing 50%');
    now = 600;
    options.onProgress?.({ text: 1, pinyin: 0.4 });
    expect(app.state.background.indexing).toBe('pinyin 40%');

    app.keys('j');
    app.keys('c');
    await until(() => engine.searches.length === 2, 'two searches');
    engine.searches[1]!.resolve([]);
    await until(() => app.state.search.results?.query === 'jc', 'the partial answer');
    done();
    await until(() => engine.searches.length === 3, 'the query asked again');
    expect(engine.searches.map((s) => s.query)).toEqual(['j', 'jc', 'jc']);
    engine.searches[2]!.resolve([hit('jc')]);
    await until(() => app.state.search.results?.hits.length === 1, 'the full answer');
    // The letters asked for pinyin, still being read: its note stays until that is done.
    await until(() => engine.prepares.length === 2, 'the pinyin prepare');
    expect(app.state.background.indexing).toBe('pinyin 40%');
    engine.prepares[1]!.done();
    await until(() => app.state.background.indexing === undefined, 'the note cleared');
    // Answered in full: not asked again.
    await until(() => true, 'a turn');
    expect(engine.searches).toHaveLength(3);
    app.runner.close();
  });

  it('asks an answer left incomplete again once the pinyin readings are built, and has them built for it', async () => {
    const engine = fakeEngine();
    const app = drive(doc, { createIndex: engine.createIndex });
    // A query answered incomplete though no letter was typed (one given with --search, say).
    app.keys('/', '集');
    await until(() => engine.searches.length === 1, 'the search');
    engine.searches[0]!.resolve([], false);
    await until(() => app.state.search.results?.query === '集', 'the incomplete answer');
    expect(engine.prepares).toHaveLength(1);
    engine.prepares[0]!.done();
    // Asked again once the index is prepared: still incomplete, as pinyin is not read yet.
    await until(() => engine.searches.length === 2, 'asked again after the first prepare');
    engine.searches[1]!.resolve([], false);
    await until(() => engine.prepares.length === 2, 'the pinyin prepare');
    expect(engine.prepares.map((p) => p.options.pinyin ?? false)).toEqual([false, true]);
    await until(() => true, 'a turn');
    expect(engine.searches).toHaveLength(2);
    engine.prepares[1]!.done();
    await until(() => engine.searches.length === 3, 'asked again once pinyin is read');
    engine.searches[2]!.resolve([hit('集')]);
    await until(() => app.state.search.results?.hits.length === 1, 'the whole answer');
    await until(() => true, 'a turn');
    expect(engine.searches.map((s) => s.query)).toEqual(['集', '集', '集']);
    app.runner.close();
  });

  it('gives way to keys that are not for the search (a quiet moment first), never to the search line\'s own', async () => {
    const engine = fakeEngine();
    let now = 1_000;
    let lastInput = 1_000;
    const app = drive(doc, { createIndex: engine.createIndex, now: () => now, lastInput: () => lastInput });
    app.keys('/');
    await until(() => engine.prepares.length === 1, 'prepare');
    const giveWay = engine.prepares[0]!.options.giveWay!;
    // A key this instant, but the line is open: its query needs the index.
    expect(giveWay()).toBeNull();
    app.keys('集', 'enter');
    expect(app.state.search.editing).toBe(false);
    // The line is closed and a key just came: the work waits for the keys to pause.
    const waiting = giveWay();
    expect(waiting).toBeInstanceOf(Promise);
    let over = false;
    void waiting!.then(() => (over = true));
    await until(() => over, 'the quiet time to pass');
    // Keys that stopped long enough ago keep nothing waiting.
    now = lastInput + 10_000;
    expect(giveWay()).toBeNull();
    lastInput = now - 1;
    expect(giveWay()).toBeInstanceOf(Promise);
    app.runner.close();
  });

  it('without a clock of keys, never gives way', async () => {
    const engine = fakeEngine();
    const app = drive(doc, { createIndex: engine.createIndex });
    app.keys('/', '集', 'enter');
    await until(() => engine.prepares.length === 1, 'prepare');
    expect(engine.prepares[0]!.options.giveWay!()).toBeNull();
    app.runner.close();
  });

  it('notes indexing while the text is folded and while pinyin is read, nothing in between', () => {
    expect(indexingNote({ text: 0.42, pinyin: 0 })).toBe('indexing 42%');
    expect(indexingNote({ text: 1, pinyin: 0 })).toBeUndefined();
    expect(indexingNote({ text: 1, pinyin: 0.5 })).toBe('pinyin 50%');
    expect(indexingNote({ text: 1, pinyin: 1 })).toBeUndefined();
  });

  it('reads pinyin once a Latin letter is typed, after the first prepare, and not for Chinese', async () => {
    const engine = fakeEngine();
    const app = drive(doc, { createIndex: engine.createIndex });
    app.keys('/');
    app.keys('集');
    await until(() => engine.prepares.length === 1, 'the first prepare');
    app.keys('d');
    await until(() => engine.searches.length === 2, 'the search for 集d');
    // Still waiting for the first.
    expect(engine.prepares).toHaveLength(1);
    engine.prepares[0]!.done();
    await until(() => engine.prepares.length === 2, 'the pinyin prepare');
    expect(engine.prepares.map((p) => p.options.pinyin ?? false)).toEqual([false, true]);
    app.runner.close();
  });
});

describe('the warm-up', () => {
  it('searches a query from the text once the index is built, shows nothing of it, and is cancelled by typing', async () => {
    const engine = fakeEngine();
    const app = drive(doc, { createIndex: engine.createIndex });
    app.keys('/');
    await until(() => engine.prepares.length === 1, 'prepare');
    engine.prepares[0]!.done();
    await until(() => engine.searches.length === 1, 'the warm-up search');
    // The first two characters of the lead.
    expect(engine.searches[0]!.query).toBe(Array.from(doc.lead[0]!.text).slice(0, 2).join(''));
    const before = app.state;
    engine.searches[0]!.resolve([hit('x')]);
    await until(() => true, 'a turn');
    expect(app.state).toBe(before);
    app.keys('集');
    await until(() => engine.searches.length === 2, 'the real search');
    app.runner.close();

    // A warm-up still running when the user types is aborted by the real query.
    const second = fakeEngine();
    const typing = drive(doc, { createIndex: second.createIndex });
    typing.keys('/');
    await until(() => second.prepares.length === 1, 'prepare');
    second.prepares[0]!.done();
    await until(() => second.searches.length === 1, 'the warm-up search');
    typing.keys('电');
    await until(() => second.searches.length === 2, 'the real search');
    expect(second.searches.map((search) => [search.query === '电', search.signal.aborted])).toEqual([
      [false, true],
      [true, false],
    ]);
    typing.runner.close();
  });
});

describe('the other requests', () => {
  it('y copies once per press and shows the status returned; without copy, says copying is off', () => {
    const copied: string[] = [];
    const app = drive(doc, { copy: (_text, ref) => (copied.push(ref), `copied ${ref}`) });
    app.keys('y');
    app.keys('y');
    expect(copied).toHaveLength(2);
    expect(app.state.notice).toBe(`copied ${copied[0]}`);
    const off = drive(doc);
    off.keys('y');
    expect(off.state.notice).toBe('not copied: copying is off');
  });

  it('saves each mark as it is set and shows a failed save', () => {
    const saved: string[] = [];
    const app = drive(doc, { saveMark: (letter) => (saved.push(letter), letter === 'b' ? 'could not save mark b' : undefined) });
    app.keys('m', 'a', 'j', 'm', 'b');
    expect(saved).toEqual(['a', 'b']);
    expect(app.state.notice).toBe('could not save mark b');
  });

  it('Ctrl-Z asks the session to suspend, every time; q asks to quit once', () => {
    let suspended = 0;
    let quit = 0;
    const app = drive(doc, { suspend: () => suspended++, quit: () => quit++ });
    app.keys('ctrl+z');
    app.keys('j');
    app.keys('ctrl+z');
    expect(suspended).toBe(2);
    app.keys('q', 'q');
    expect(quit).toBe(1);
  });
});

describe('the layout pass', () => {
  it('counts a long text to the end between keys and reports it, so the position becomes exact', async () => {
    const long = syntheticDocument(30, 100);
    let now = 0;
    let lastInput = -Infinity;
    const app = drive(long, { now: () => now++, lastInput: () => lastInput });
    const flow = textFlow(app.state);
    expect(flow.isExact()).toBe(false);
    await until(() => flow.isExact(), 'the count to finish');
    expect(app.state.background.layoutFlow).toBe(flow);
    expect(app.state.background.layoutCounted).toBe(flow.blockCount);
  });

  it('waits while keys come', async () => {
    const long = syntheticDocument(30, 100);
    let now = 0;
    const app = drive(long, { now: () => now, lastInput: () => 0 });
    const flow = textFlow(app.state);
    const counted = flow.countedCount;
    // Wait for the runner to have looked at the clock a few times: it is still within the quiet time.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(flow.countedCount).toBe(counted);
    now = 1_000;
    await until(() => flow.isExact(), 'the count once the keys stopped');
    app.runner.close();
  });
});

/** An interval timer the test ticks by hand. */
function manualTimers() {
  const timers = {
    running: [] as { tick: () => void; ms: number }[],
    setInterval: (tick: () => void, ms: number) => {
      const timer = { tick, ms };
      timers.running.push(timer);
      return timer;
    },
    clearInterval: (timer: unknown) => {
      timers.running = timers.running.filter((t) => t !== timer);
    },
  };
  return timers;
}

describe('the auto-scroll timer', () => {
  it('a starts a timer at the pace, each tick a line down; + sets a faster one; another key stops it', () => {
    const timers = manualTimers();
    const app = drive(doc, { timers });
    app.keys('a');
    expect(timers.running).toHaveLength(1);
    expect(timers.running[0]!.ms).toBe(Math.round(60_000 / app.state.autoPace));
    const first = app.state.top;
    timers.running[0]!.tick();
    expect(app.state.top).not.toEqual(first);
    const slow = timers.running[0]!.ms;
    app.keys('+');
    expect(timers.running).toHaveLength(1);
    expect(timers.running[0]!.ms).toBeLessThan(slow);
    app.keys('x');
    expect(app.state.autoScroll).toBe(false);
    expect(timers.running).toHaveLength(0);
  });

  it('stops at the end of the text by itself, and on closing', () => {
    const timers = manualTimers();
    const app = drive(doc, { timers });
    app.keys('G', 'a');
    timers.running[0]!.tick();
    expect(app.state.autoScroll).toBe(false);
    expect(timers.running).toHaveLength(0);
    app.keys('g', 'a');
    expect(timers.running).toHaveLength(1);
    app.runner.close();
    expect(timers.running).toHaveLength(0);
  });
});

describe('the script converter', () => {
  it('t builds the converter in the background; the text is drawn converted once it is ready', async () => {
    const app = drive(doc);
    app.keys('t');
    expect(app.state.script).toBe('simplified');
    app.keys('t');
    expect(app.state.script).toBe('traditional');
    expect(app.state.notice).toContain('preparing the conversion');
    expect(textFlow(app.state).script).toBe('original');
    await until(() => app.state.conversions > 0 && !app.state.notice.includes('preparing'), 'the converter to be built');
    expect(app.state.notice).toBe('shown in 繁體');
    expect(textFlow(app.state).script).toBe('traditional');
    app.runner.close();
  }, 60_000);
});


describe('the warm-up query', () => {
  it('is the first two characters of the first paragraph, spaces skipped, read from its start', () => {
    expect(sampleQuery(parseDocument('题目\n\n　　 中 文字符，测试。\n'))).toBe('中文');
    // Characters outside the BMP are whole characters.
    expect(sampleQuery(parseDocument('题目\n\n𠀋𠀌字\n'))).toBe('𠀋𠀌');
    // A single line of millions of characters gives the same two.
    expect(sampleQuery(parseDocument(`题目\n\n${'中文字符，测试句子。'.repeat(300_000)}\n`))).toBe('中文');
    expect(sampleQuery(parseDocument(''))).toBeUndefined();
  });
});
