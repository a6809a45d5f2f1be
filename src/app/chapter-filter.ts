/*
Finding a chapter by typing (the sidebar's filter)
==================================================

Over SSH on a book of 3,000 chapters, `第300章`, `火山口`, `huoshan` or `hsk` should bring the chapter
up in a few keys. Each title is prepared once per document (folded as the search folds text; its
Chinese numerals after 第 also read as digits; its simplified form; its pinyin syllables), and a query
is matched against every title, best first:

  tier 0  the query is in the title (folded, numerals as digits, or both simplified)
                                 `第300章` finds `第三百章 火山口`; `鐘聲` finds `钟声`
  tier 1  the query spells the pinyin of consecutive characters, whole syllables (the last may be
          begun)                 `huoshan`, `huoshank` find `火山口`
  tier 2  the query is their initials, or mixes initials and syllables      `hsk`, `huosk`
  tier 3  the query's characters appear in the title in order (fuzzy)       `火口` finds `火山口`

Within a tier, reading order. The same helpers as the search (src/core/search): `normalise` for
folding, the syllable readings of `syllables.ts` (pinyin-pro, loaded on the first Latin letter), and
the opencc converters of `traditional.ts` (built on the first Chinese character typed).
*/
import { numberValue } from '../core/document/chapters.js';
import type { Document } from '../core/document/types.js';
import { normalise } from '../core/search/normalise.js';
import { readInto, syllables } from '../core/search/syllables.js';
import { buildConverters, type Convert } from '../core/search/traditional.js';

/** One title to filter: the sidebar entry it belongs to and its text. */
export interface FilterItem {
  entry: number;
  title: string;
}

interface Prepared {
  entry: number;
  /** Folded, and with numerals after 第 as digits. */
  forms: string[];
  simplified?: string[];
  /** Syllable ids per code unit of the folded title (0: not Chinese). */
  pinyin?: Uint16Array;
}

const CN_NUMERAL = /第([〇零一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]+)/gu;

function prepare(item: FilterItem): Prepared {
  const folded = normalise(item.title).text;
  const digits = folded.replace(CN_NUMERAL, (_, n: string) => `第${numberValue(n)}`);
  return { entry: item.entry, forms: digits === folded ? [folded] : [folded, digits] };
}

const preparedMemo = new WeakMap<Document, Prepared[]>();
let converter: Convert | undefined;

function toSimplified(text: string): string {
  if (!converter) {
    const steps = buildConverters();
    let step = steps.next();
    while (!step.done) step = steps.next();
    converter = step.value[0] ?? ((t: string) => t);
  }
  return converter(text);
}

function syllablesOf(p: Prepared): Uint16Array {
  if (!p.pinyin) {
    const text = p.forms[0] ?? '';
    p.pinyin = new Uint16Array(text.length);
    readInto(text, p.pinyin);
  }
  return p.pinyin;
}

/**
 * How the letters `q` from `at` fit the syllables from `i`: 1 all as whole syllables (the last may be
 * begun), 2 with some initials, 0 not at all.
 */
function fitsPinyin(ids: Uint16Array, i: number, q: string, at: number): number {
  if (at === q.length) return 1;
  if (i >= ids.length || ids[i] === 0) return 0;
  const syllable = syllables[ids[i]!] ?? '';
  const rest = q.length - at;
  let best = 0;
  if (q.startsWith(syllable, at)) best = fitsPinyin(ids, i + 1, q, at + syllable.length);
  if (best === 1) return 1;
  if (rest < syllable.length && syllable.startsWith(q.slice(at))) return 1;
  if (q.charCodeAt(at) === syllable.charCodeAt(0)) {
    const initials = fitsPinyin(ids, i + 1, q, at + 1);
    if (initials !== 0) return 2;
  }
  return best;
}

function pinyinTier(p: Prepared, q: string): number | undefined {
  const ids = syllablesOf(p);
  let best: number | undefined;
  for (let i = 0; i < ids.length; i++) {
    if (ids[i] === 0) continue;
    const fit = fitsPinyin(ids, i, q, 0);
    if (fit === 1) return 1;
    if (fit === 2) best = 2;
  }
  return best;
}

/** Whether the query's characters (`chars`, see {@link charsOf}) appear in `text` in order. */
function inOrder(text: string, chars: readonly string[]): boolean {
  let at = 0;
  for (let k = 0; k < chars.length; k++) {
    const found = text.indexOf(chars[k]!, at);
    if (found < 0) return false;
    at = found + chars[k]!.length;
  }
  return true;
}

/** A query's characters, made once per key rather than once per title (a surrogate pair is one). */
function charsOf(q: string): string[] {
  return Array.from(q);
}

function includesIn(forms: readonly string[], q: string): boolean {
  for (let k = 0; k < forms.length; k++) if (forms[k]!.includes(q)) return true;
  return false;
}

/** The entries whose titles match `query`, best first (see the module comment). */
export function filterTitles(doc: Document, items: () => FilterItem[], query: string): number[] {
  const q = normalise(query).text.replace(/\s+/gu, '');
  if (q === '') return [];
  let prepared = preparedMemo.get(doc);
  if (!prepared) {
    prepared = items().map(prepare);
    preparedMemo.set(doc, prepared);
  }
  const latin = /^[a-z']+$/u.test(q);
  const chinese = /[\u3400-\u9fff]/u.test(q);
  const simplifiedQuery = chinese ? toSimplified(q) : q;
  // Every title's simplified form at the first Chinese character typed (the converters are built then
  // too), so the keys after it only compare.
  if (chinese) for (const p of prepared) p.simplified ??= p.forms.map(toSimplified);
  const tiers: number[][] = [[], [], [], []];
  const chars = charsOf(q);
  const simplifiedChars = chinese ? charsOf(simplifiedQuery) : chars;
  const several = chars.length > 1;
  const letters = latin ? q.replace(/'/gu, '') : q;
  // Plain loops and the query's characters made once: every key runs this over all the titles (3,000
  // in a long novel), where closures and a string per character for each title cost ~8 ms a key.
  for (const p of prepared) {
    const { forms } = p;
    let tier: number | undefined;
    if (includesIn(forms, q)) tier = 0;
    else if (chinese) {
      p.simplified ??= forms.map(toSimplified);
      if (includesIn(p.simplified, simplifiedQuery)) tier = 0;
    }
    if (tier === undefined && latin) tier = pinyinTier(p, letters);
    if (tier === undefined && several) {
      for (let k = 0; k < forms.length; k++) {
        if (inOrder(forms[k]!, chars) || (chinese && inOrder((p.simplified ??= forms.map(toSimplified))[k] ?? forms[k]!, simplifiedChars))) {
          tier = 3;
          break;
        }
      }
    }
    if (tier !== undefined) tiers[tier]!.push(p.entry);
  }
  return tiers.flat();
}
