/**
 * An OpenCC dictionary group loaded into a trie as opencc-js does it, a few hundred entries a step:
 * built in one go, a converter keeps the event loop busy for about 100 ms. Shared by search's
 * traditional→simplified folding and the display converter; the Trie class is passed in so that a
 * caller can load opencc-js only when it is first needed.
 */
import type { DictGroup, Trie } from 'opencc-js/core';
import type { Steps } from '../search/steps.js';

/** Entries added to a trie between two steps. */
const STEP = 500;

export function* trieOf(group: DictGroup, TrieClass: new () => Trie): Steps<Trie> {
  const trie = new TrieClass();
  // The group's first dictionary wins, so they load last to first.
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
