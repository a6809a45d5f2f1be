import { Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset/t2cn';
import type { Steps } from './steps.js';

/** Turns a term typed in traditional characters into simplified ones, one way of reading them. */
export type Convert = (text: string) => string;

/** Dictionary entries loaded between two yields. */
const STEP = 500;

/**
 * opencc-js's configurations from Taiwan (character by character, and with Taiwan phrases) and from
 * Hong Kong to mainland simplified Chinese, as its `Converter({ from, to: 'cn' })` builds them.
 */
const CONFIGS = ['tw2s', 'tw2sp', 'hk2s'] as const;

interface Config {
  normalizationChain?: readonly DictGroup[];
  segmentation: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

const isGroup = (dicts: DictLike | DictGroup): dicts is DictGroup => Array.isArray(dicts) && dicts.every((dict) => typeof dict === 'string');

/**
 * Loads a dictionary group into a new trie as opencc-js does (the group's first dictionary wins, so
 * they load last to first), a few hundred entries per step: built in one go, the three converters
 * keep the event loop busy for about 100 ms.
 */
function* trieOf(group: DictGroup): Steps<Trie> {
  const trie = new Trie();
  for (const dict of [...group].reverse()) {
    const entries: readonly (readonly [string, string])[] =
      typeof dict === 'string' ? dict.split('|').map((line) => line.split(' ') as unknown as readonly [string, string]) : dict;
    for (let i = 0; i < entries.length; i++) {
      const [source, replacement] = entries[i]!;
      if (replacement !== undefined) trie.addWord(source, replacement);
      if (i % STEP === STEP - 1) yield;
    }
    yield;
  }
  return trie;
}

/**
 * Builds the converters in steps. The configurations share most of their dictionaries (the
 * normalisation, the segmentation, the traditional-to-simplified tables), so each group becomes one
 * trie used by every converter that needs it.
 */
export function* buildConverters(): Steps<Convert[]> {
  const tries = new Map<string, Trie>();
  const ids = new Map<DictLike, number>();
  function* trie(group: DictGroup): Steps<Trie> {
    const key = group.map((dict) => ids.get(dict) ?? ids.set(dict, ids.size).get(dict)!).join(',');
    let built = tries.get(key);
    if (!built) {
      built = yield* trieOf(group);
      tries.set(key, built);
    }
    return built;
  }
  const converters: Convert[] = [];
  for (const name of CONFIGS) {
    const config = configs[name] as Config;
    const normalise: Trie[] = [];
    for (const group of config.normalizationChain ?? []) normalise.push(yield* trie(group));
    const segmenter = yield* trie(isGroup(config.segmentation) ? config.segmentation : [config.segmentation]);
    const chain: Trie[] = [];
    for (const group of config.conversionChain) chain.push(yield* trie(group));
    converters.push((text) => {
      const normalised = normalise.reduce((result, t) => t.convert(result), text);
      return chain
        .reduce((segments, t) => segments.map((segment) => t.convert(segment)), segmenter.segment(normalised))
        .join('');
    });
  }
  return converters;
}

/** Whether `term` can have simplified readings at all (ASCII terms never load the converters). */
export const needsConverters = (term: string): boolean => /[^\u0000-\u007f]/.test(term);

/**
 * The simplified readings of a term typed in traditional characters: character by character as used in
 * Taiwan (筆電 → 笔电) and Hong Kong, and with Taiwan phrases (積體電路 → 集成电路, 軟體 → 软件).
 * Returns only readings that differ from the term; ASCII terms have none.
 */
export function simplifiedVariants(term: string, converters: readonly Convert[]): string[] {
  if (!needsConverters(term)) return [];
  const variants = new Set(converters.map((convert) => convert(term)));
  variants.delete(term);
  return [...variants];
}
