/*
 * Script folding: traditional and simplified characters compared as one.
 *
 * Text and query are both folded to simplified characters, character by character, with opencc-js's
 * traditional-to-simplified character table (TSCharacters: 學→学, 於→于, 裏/裡→里, 後→后, 髮/發→发).
 * The table maps one UTF-16 unit to one, so the folded text keeps every offset of the original and a
 * highlight found in it is already a highlight of the text as written. The fold is many-to-one, which
 * is what a search wants: 頭髮 and 头发 and 頭发 all read 头发.
 *
 * A few characters are not folded, because folding them would change how they read, and the pinyin
 * readings are taken from the folded text: 乾 is qián in 乾隆 but would read gān as 干, and 著 is zhù in
 * 著名 but zhe as 着. Where those matter, the query gets a second reading with the character swapped
 * (`AMBIGUOUS` below), phrase by phrase in effect: 看着 also looks for 看著, 干燥 for 乾燥. Longer
 * phrase differences (積體電路 for 集成电路) are traditional.ts's, by opencc-js's phrase converters.
 *
 *   見賢思齊 → 见贤思齐 (and 见贤思齐 stays), so either finds the other;
 *   紅樹林 → 红树林;  於是 → 于是;  裡面 → 里面;  乾隆 → 乾隆 (kept), 乾燥 → 乾燥 (kept; 干燥 finds it).
 */
import { configs } from 'opencc-js/preset/t2cn';

/** Characters left as they are, with the simplified character each is often written as (see above). */
export const AMBIGUOUS: ReadonlyMap<string, string> = new Map([
  ['乾', '干'],
  ['著', '着'],
  ['瞭', '了'],
]);

let table: Uint16Array | null = null;

/**
 * The code unit each BMP code unit folds to, or 0 when it folds to itself. Built on first use (a few
 * milliseconds): TSCharacters is scanned in place for its one-unit-to-one-unit entries.
 */
function foldTable(): Uint16Array {
  if (table) return table;
  const folded = new Uint16Array(0x10000);
  const sources: number[] = [];
  // TSCharacters is the chain's dictionary of single characters: its entries are `source target`.
  for (const dict of (configs.t2s?.conversionChain ?? []).flat()) {
    if (typeof dict !== 'string' || dict.indexOf(' ') > 2) continue;
    for (let at = 0; at < dict.length; ) {
      const end = dict.indexOf('|', at);
      const stop = end < 0 ? dict.length : end;
      // `X Y` with one unit each side: X at `at`, the space, Y.
      if (stop - at === 3 && dict.charCodeAt(at + 1) === 0x20 && !AMBIGUOUS.has(dict[at]!)) {
        const source = dict.charCodeAt(at);
        folded[source] = dict.charCodeAt(at + 2);
        sources.push(source);
      }
      at = stop + 1;
    }
  }
  // Entries whose target is itself folded (薴 → 苧 → 苎) go all the way.
  for (const source of sources) {
    let to = folded[source]!;
    for (let step = 0; step < 4 && folded[to] !== 0 && folded[to] !== to; step++) to = folded[to]!;
    folded[source] = to === source ? 0 : to;
  }
  table = folded;
  return folded;
}

/** The simplified fold of one code unit. */
export function foldUnit(unit: number): number {
  return (table ?? foldTable())[unit] || unit;
}

/** `text` with every character folded to its simplified form, unit for unit (same length, same offsets). */
export function foldScript(text: string): string {
  const folded = table ?? foldTable();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const to = folded[unit]!;
    if (to === 0) continue;
    out += text.slice(from, i) + String.fromCharCode(to);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The other ways a folded term may be written with the characters the fold leaves alone: each of them
 * swapped for its partner, one character kind at a time and all together (看着 → 看著; 乾燥 → 干燥).
 * At most a handful; none for most terms.
 */
export function ambiguousVariants(term: string): string[] {
  const swaps: [string, string][] = [];
  for (const [kept, simplified] of AMBIGUOUS) {
    if (term.includes(kept)) swaps.push([kept, simplified]);
    else if (term.includes(simplified)) swaps.push([simplified, kept]);
  }
  const variants = new Set<string>();
  for (const [from, to] of swaps) variants.add(term.replaceAll(from, to));
  if (swaps.length > 1) variants.add(swaps.reduce((text, [from, to]) => text.replaceAll(from, to), term));
  variants.delete(term);
  return [...variants];
}
