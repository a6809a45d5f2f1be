/**
 * The one runner of the reader's requests (`Effect`s, see src/app/effects.ts): it carries each out
 * and dispatches what comes back as actions. The app hands it the requests of every state change;
 * nothing else in the app starts work outside the reducer.
 */
import type { Action } from '../app/actions.js';
import type { Effect } from '../app/effects.js';
import type { ShelfHit } from '../app/shelf.js';
import type { ReaderState } from '../app/state.js';
import type { Document } from '../core/document/types.js';
import type { Anchor } from '../core/layout/flow.js';
import type { SearchIndex } from '../core/search/types.js';
import { AutoScrollRunner, type AutoScrollTimers } from './autoscroll.js';
import { ConvertRunner } from './convert.js';
import { LayoutRunner } from './layout.js';
import { SearchRunner } from './search.js';

export interface EffectRunnerOptions {
  doc: Document;
  dispatch(action: Action): void;
  getState(): ReaderState;
  /** Puts a citation on the clipboard and returns the status line to show; without it, `y` says copying is off. */
  copy?(text: string, ref: string): string;
  /** Saves a mark as it is set; returns a warning to show when that failed. */
  saveMark?(letter: string, anchor: Anchor): string | undefined;
  /** Gives the terminal back to the shell and stops the process (returns once continued). */
  suspend?(): void;
  /** Ends the reader. */
  quit?(): void;
  /** When the last key came: background work waits for a pause in the typing. */
  lastInput?(): number;
  /** Replaces the search engine (tests). */
  createIndex?(doc: Document): Promise<SearchIndex>;
  /** Searches every text on the shelf (`/` in the shelf view), best first; without it, nothing is found. */
  /** Searches every text on the shelf, telling how many texts are done as it goes. */
  searchTexts?(query: string, onProgress?: (done: number, total: number) => void): Promise<readonly ShelfHit[]>;
  /** Replaces the clock (tests). @default performance.now */
  now?(): number;
  /** Replaces the auto-scroll's interval timer (tests). */
  timers?: AutoScrollTimers;
}

export class EffectRunner {
  private readonly search: SearchRunner;
  private readonly layout: LayoutRunner;
  private readonly convert: ConvertRunner;
  private readonly autoScroll: AutoScrollRunner;

  constructor(private readonly options: EffectRunnerOptions) {
    const { doc, dispatch, getState, createIndex, now } = options;
    this.search = new SearchRunner({ doc, dispatch, getState, ...(createIndex ? { createIndex } : {}), ...(now ? { now } : {}), ...(options.lastInput ? { lastInput: options.lastInput } : {}) });
    this.layout = new LayoutRunner({ dispatch, lastInput: options.lastInput ?? (() => -Infinity), ...(now ? { now } : {}) });
    this.convert = new ConvertRunner({ dispatch, ...(now ? { now } : {}) });
    this.autoScroll = new AutoScrollRunner(dispatch, options.timers);
  }

  run(effects: readonly Effect[]): void {
    for (const effect of effects) this.runOne(effect);
  }

  /** Stops the work still running (the reader is closing). */
  close(): void {
    this.search.close();
    this.layout.close();
    this.convert.close();
    this.autoScroll.close();
  }

  private runOne(effect: Effect): void {
    const { dispatch } = this.options;
    switch (effect.type) {
      case 'copy': {
        const status = this.options.copy ? this.options.copy(effect.text, effect.ref) : 'not copied: copying is off';
        dispatch({ type: 'notice', text: status });
        return;
      }
      case 'saveMark': {
        const warning = this.options.saveMark?.(effect.letter, effect.anchor);
        if (warning) dispatch({ type: 'notice', text: warning });
        return;
      }
      case 'suspend':
        this.options.suspend?.();
        return;
      case 'quit':
        this.options.quit?.();
        return;
      case 'searchPrepare':
        this.search.prepare();
        return;
      case 'searchPinyin':
        this.search.pinyin();
        return;
      case 'search':
        this.search.search(effect.query);
        return;
      case 'layoutPass':
        this.layout.run(effect.flow);
        return;
      case 'shelfFilter': {
        // The filter's matcher (and the pinyin it may read) loads on first need, not at start-up.
        const { query, entries } = effect;
        void import('../core/shelf/filter.js').then(({ filterShelf }) => dispatch({ type: 'shelfMatches', query, matches: filterShelf(entries, query) }));
        return;
      }
      case 'convertPrepare':
        this.convert.prepare(effect.script);
        return;
      case 'autoScroll':
        this.autoScroll.set(effect.pace);
        return;
      case 'shelfSearch': {
        const { query } = effect;
        const progress = (done: number, total: number): void => dispatch({ type: 'shelfProgress', query, done, total });
        const answer = this.options.searchTexts ? this.options.searchTexts(query, progress).catch(() => []) : Promise.resolve([]);
        // The reducer drops an answer to a query no longer asked (shelf.searching moved on).
        void answer.then((hits) => dispatch({ type: 'shelfHits', query, hits }));
        return;
      }
    }
  }
}
