import { Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import { configs } from 'opencc-js/preset/t2cn';
import { trieOf } from '../script/trie.js';
import type { Steps } from './steps.js';

/** Turns a term typed in traditional characters into simplified ones, one way of reading them. */
export type Convert = (text: string) => string;

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
      built = yield* trieOf(group, Trie);
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

/** The dictionaries of a configuration, in every part of it. */
function dictionariesOf(config: Config): DictLike[] {
  const segmentation = isGroup(config.segmentation) ? config.segmentation : [config.segmentation];
  return [...(config.normalizationChain ?? []), segmentation, ...config.conversionChain].flat();
}

/**
 * The code points that some dictionary entry of some converter starts with. A converter changes
 * only text where an entry matches, so a term with none of them reads the same in every converter:
 * many simplified terms (电, 笔电), whose search then never waits for the converters to be built.
 */
export function* convertibleStarts(): Steps<ReadonlySet<number>> {
  const starts = new Set<number>();
  const seen = new Set<DictLike>();
  for (const name of CONFIGS) {
    for (const dict of dictionariesOf(configs[name] as Config)) {
      if (seen.has(dict)) continue;
      seen.add(dict);
      if (typeof dict === 'string') {
        // Entries are `source replacement` joined by `|`; scanned in place, without splitting.
        for (let at = 0; at < dict.length; at = dict.indexOf('|', at) + 1 || dict.length) starts.add(dict.codePointAt(at)!);
      } else {
        for (const [source] of dict) starts.add(source.codePointAt(0)!);
      }
      yield;
    }
  }
  return starts;
}

/** Whether `term` can have simplified readings at all; ASCII terms never load anything to find out. */
export const mayConvert = (term: string): boolean => /[^\u0000-\u007f]/.test(term);

/** Whether some converter would change `term` (`starts`: from `convertibleStarts`). */
export function needsConverters(term: string, starts: ReadonlySet<number>): boolean {
  for (const char of term) if (starts.has(char.codePointAt(0)!)) return true;
  return false;
}

/**
 * The simplified readings of a term typed in traditional characters: character by character as used in
 * Taiwan (筆電 → 笔电) and Hong Kong, and with Taiwan phrases (積體電路 → 集成电路, 軟體 → 软件).
 * Returns only readings that differ from the term; ASCII terms have none.
 */
export function simplifiedVariants(term: string, converters: readonly Convert[]): string[] {
  if (!mayConvert(term)) return [];
  const variants = new Set(converters.map((convert) => convert(term)));
  variants.delete(term);
  return [...variants];
}
