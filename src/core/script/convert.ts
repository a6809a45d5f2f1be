/*
简↔繁: showing a text in another script
=======================================

A reader may show a simplified text in traditional characters (as used in Taiwan or Hong Kong, or
OpenCC's standard), or a traditional text in simplified ones. The conversion is OpenCC's, through
opencc-js, at phrase level: the text is first cut into the longest phrases the dictionaries know
(`头发` is one phrase, so 发 becomes 髮 there and stays 發 in `发展`), then each phrase is converted.
Character by character, the same 发 would come out wrong half the time.

Conversion is for display only. Everything that points into the text (a paragraph's reference, a
search hit's range, a mark, the saved place) keeps pointing into the original, so each converted
text comes with a map from its offsets back to the original's. Phrases are the map's units: a phrase
of the same length (nearly all of them: 头发 → 頭髮) maps character for character; one whose length
changes (`内存` → `記憶體` in Taiwan usage) maps its ends exactly and its inside proportionally.

    original  集成电路的内存          converted (traditional-tw)  積體電路的記憶體
    phrases   集成电路|的|内存                                    積體電路|的|記憶體
    offset 5 in the converted text (the 記) → 5 in the original (the 内); 8 (after 體) → 7 (after 存)

Building a converter reads tens of thousands of dictionary entries (a second or more of work on a
busy machine), so it is built in steps (`prepareConverter`), a few hundred entries each; the reader
shows the original until it is ready; `print` builds it at once (`converterNow`). opencc-js is
required at run time on first use, never loaded by a reader that shows the text as written.
*/
import { createRequire } from 'node:module';
import type { DictGroup, DictLike, Trie } from 'opencc-js/core';
import type { Steps } from '../search/steps.js';
import { trieOf } from './trie.js';

/** The scripts a text can be shown in: as written, simplified, or traditional (OpenCC's, Taiwan's or Hong Kong's). */
export const SCRIPTS = ['original', 'simplified', 'traditional', 'traditional-tw', 'traditional-hk'] as const;
export type Script = (typeof SCRIPTS)[number];

/** Short names of the scripts for the status bar and citations. */
export const SCRIPT_NAMES: Record<Script, string> = {
  original: '原文',
  simplified: '简体',
  traditional: '繁體',
  'traditional-tw': '繁體（台灣）',
  'traditional-hk': '繁體（香港）',
};

/** A converted text and the way back to the original's offsets. */
export interface Converted {
  text: string;
  /** The offset in the original text of offset `shown` in the converted text (0 … text.length). */
  toOriginal(shown: number): number;
}

export type Convert = (text: string) => Converted;

/** opencc-js's configuration for each script (its preset names). */
const CONFIG: Record<Exclude<Script, 'original'>, { preset: 'cn2t' | 't2cn'; name: string }> = {
  // The script only, not the words: Taiwan's phrases turned into the mainland's would change a simplified
  // text shown simplified (`智慧名城` became `智能名城`) and an author's words (`記憶體` into `内存`).
  simplified: { preset: 't2cn', name: 'tw2s' },
  traditional: { preset: 'cn2t', name: 's2t' },
  'traditional-tw': { preset: 'cn2t', name: 's2twp' },
  'traditional-hk': { preset: 'cn2t', name: 's2hk' },
};

interface Config {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

interface OpenccCore {
  Trie: new () => Trie;
}

const load = createRequire(import.meta.url);
const isGroup = (dicts: DictLike | DictGroup): dicts is DictGroup => Array.isArray(dicts) && dicts.every((dict) => typeof dict === 'string');

const built = new Map<Script, Convert>();
const building = new Map<Script, Steps<Convert>>();

/** The converter for `script` if it is built (the identity for `original`), else undefined. */
export function converterFor(script: Script): Convert | undefined {
  return script === 'original' ? undefined : built.get(script);
}

/** Whether showing `script` needs a converter that is not built yet. */
export function converterPending(script: Script): boolean {
  return script !== 'original' && !built.has(script);
}

function* build(script: Exclude<Script, 'original'>): Steps<Convert> {
  const { preset, name } = CONFIG[script];
  const { Trie: TrieClass } = load('opencc-js/core') as OpenccCore;
  const config = (load(`opencc-js/preset/${preset}`) as { configs: Record<string, Config> }).configs[name]!;
  yield;
  const normalise: Trie[] = [];
  for (const group of config.normalizationChain ?? []) normalise.push(yield* trieOf(group, TrieClass));
  const chain: Trie[] = [];
  for (const group of config.conversionChain) chain.push(yield* trieOf(group, TrieClass));
  const segmentation = config.segmentation;
  const segmenter = segmentation === undefined ? chain[0]! : yield* trieOf(isGroup(segmentation) ? segmentation : [segmentation], TrieClass);
  return (text) => convertText(text, normalise, segmenter, chain);
}

/**
 * Builds the converter for `script` in steps (shared by every caller: a half-built one is taken up
 * where it was left). Returns it once built.
 */
export function* prepareConverter(script: Script): Steps<Convert | undefined> {
  if (script === 'original') return undefined;
  const done = built.get(script);
  if (done) return done;
  let steps = building.get(script);
  if (!steps) {
    steps = build(script);
    building.set(script, steps);
  }
  for (;;) {
    const step = steps.next();
    if (step.done) {
      built.set(script, step.value);
      building.delete(script);
      return step.value;
    }
    yield;
  }
}

/** The converter for `script`, built at once if need be (for `print`). */
export function converterNow(script: Script): Convert | undefined {
  const steps = prepareConverter(script);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function convertText(text: string, normalise: readonly Trie[], segmenter: Trie, chain: readonly Trie[]): Converted {
  const normalised = normalise.reduce((result, trie) => trie.convert(result), text);
  const segments = segmenter.segment(normalised);
  // Ends of each phrase in the original (after normalising) and in the converted text.
  // A segment can hold a few phrases (内存很大 → 記憶體很大): where its length changes, the characters it
  // shares at either end with its conversion are mapped one to one, and only the middle proportionally.
  const ends: number[] = [];
  const shownEnds: number[] = [];
  const parts: string[] = [];
  let from = 0;
  let to = 0;
  const piece = (length: number, shownLength: number): void => {
    if (length === 0 && shownLength === 0) return;
    from += length;
    to += shownLength;
    ends.push(from);
    shownEnds.push(to);
  };
  for (const segment of segments) {
    const converted = chain.reduce((result, trie) => trie.convert(result), segment);
    parts.push(converted);
    if (converted.length === segment.length) {
      piece(segment.length, converted.length);
      continue;
    }
    const most = Math.min(segment.length, converted.length);
    let head = 0;
    while (head < most && segment[head] === converted[head]) head++;
    let tail = 0;
    while (tail < most - head && segment[segment.length - 1 - tail] === converted[converted.length - 1 - tail]) tail++;
    piece(head, head);
    piece(segment.length - head - tail, converted.length - head - tail);
    piece(tail, tail);
  }
  const shown = parts.join('');
  if (shown === text) return { text, toOriginal: (offset) => offset };
  // Normalising rarely changes lengths (a compatibility ideograph outside the BMP); then the map is proportional.
  const exact = normalised.length === text.length;
  return {
    text: shown,
    toOriginal(offset) {
      const at = Math.max(0, Math.min(shown.length, offset));
      if (!exact) return Math.round((at * text.length) / Math.max(1, shown.length));
      // The phrase holding `at`: the first whose converted end is past it.
      let low = 0;
      let high = shownEnds.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (shownEnds[mid]! <= at) low = mid + 1;
        else high = mid;
      }
      if (low >= shownEnds.length) return text.length;
      const shownStart = low === 0 ? 0 : shownEnds[low - 1]!;
      const start = low === 0 ? 0 : ends[low - 1]!;
      const length = ends[low]! - start;
      const shownLength = shownEnds[low]! - shownStart;
      const inside = at - shownStart;
      return start + (length === shownLength ? inside : Math.round((inside * length) / shownLength));
    },
  };
}

/** The script `t` goes to from `script`: as written → simplified → traditional (the variant chosen, `traditional` by default) → as written. */
export function nextScript(script: Script, traditional: Script = 'traditional'): Script {
  if (script === 'original') return 'simplified';
  if (script === 'simplified') return traditional.startsWith('traditional') ? traditional : 'traditional';
  return 'original';
}

/** The note a quote shown converted carries, so a reader of the notes knows the source was in the other script. */
export function shownNote(script: Script): string {
  return script === 'simplified' ? '（简体显示）' : '（繁体显示）';
}

/**
 * A citation (or any text) as the reader shows it in `script` with `convert`: converted, and with
 * {@link shownNote} at the end when that changed it; as it is when nothing changes.
 */
export function asShown(text: string, script: Script, convert: Convert | undefined): string {
  if (!convert || script === 'original') return text;
  const shown = convert(text).text;
  return shown === text ? text : `${shown}${shownNote(script)}`;
}

/**
 * The offset in `converted.text` of offset `original` in the original: the first shown offset that
 * maps to it or past it (toOriginal only grows), moved back off a surrogate pair's second half so a
 * range drawn from it never splits a character.
 */
export function toShown(converted: Converted, original: number): number {
  const { text } = converted;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (converted.toOriginal(mid) < original) low = mid + 1;
    else high = mid;
  }
  return low > 0 && low < text.length && isLowSurrogate(text.charCodeAt(low)) ? low - 1 : low;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Ranges in the original mapped onto the converted text (empty ones left out). */
export function shownRanges(converted: Converted, ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const from = toShown(converted, start);
    const to = Math.max(from, toShown(converted, end));
    if (to > from) out.push([from, to]);
  }
  return out;
}
