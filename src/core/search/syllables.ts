import { createRequire } from 'node:module';

/**
 * Pinyin readings as syllable ids: one id per UTF-16 code unit of a folded text, the toneless syllable
 * of a Chinese character (ü written v), or 0, the barrier, for anything else (punctuation, digits,
 * Latin letters, characters outside the BMP), so that no match runs across it.
 *
 * pinyin-pro reads a whole paragraph at about 1 µs a character, mostly spent on work the search does
 * not need (tone marks, objects per character); 100,000 paragraphs took 5–8 s. Here a character with
 * one toneless reading (most of them: 一 is yi whatever its tone) is looked up in a table filled once
 * per distinct character; pinyin-pro reads only runs of Chinese characters that hold a polyphone
 * (重 in 重庆, 行 in 银行) and reads them whole, so its word dictionary still picks the reading
 * from context. Its words never span a non-Chinese character, so a run read alone reads as it does
 * inside its paragraph. Runs recur (这个, 我们的), so short ones are remembered.
 *
 * pinyin-pro is required when the first reading is needed, not loaded with the search engine: its
 * dictionaries take about 15 MB, which a search without pinyin never needs (engine.ts decides when the
 * readings are built).
 */

type PinyinPro = typeof import('pinyin-pro');
let library: PinyinPro | undefined;
const pinyinPro = (): PinyinPro => (library ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro);

/** Syllables by id; id 0 is the barrier. */
export const syllables: string[] = [''];
const syllableIds = new Map<string, number>();
/** First letter (a char code) of each syllable, by id; 0 for the barrier. */
export let initials = new Uint8Array(512);

const BARRIER = 1;
const CONTEXT = 2;
const PLAIN = 3;
/** What each code unit is: 0 not looked up yet, BARRIER, CONTEXT (several readings) or PLAIN. */
const kinds = new Uint8Array(0x10000);
/** The reading of each PLAIN code unit, and the usual reading of each CONTEXT one. */
const usual = new Uint16Array(0x10000);
const tonedIds = new Map<string, number>();

const REDUPLICATION = 0x3005; // 々 repeats the character before it, so it needs its context too.
const MAX_CACHED_RUN = 24;
const MAX_CACHED_RUNS = 8192;
const runs = new Map<string, Uint16Array>();

function syllableId(syllable: string): number {
  let id = syllableIds.get(syllable);
  if (id === undefined) {
    id = syllables.length;
    syllables.push(syllable);
    syllableIds.set(syllable, id);
    if (id >= initials.length) {
      const bigger = new Uint8Array(initials.length * 2);
      bigger.set(initials);
      initials = bigger;
    }
    initials[id] = syllable.charCodeAt(0);
  }
  return id;
}

/**
 * The ids in this process of syllables named (`zhong`): ids are given in the order syllables are first
 * met, so readings kept between runs (a cached index, serial.ts) name theirs and are mapped back.
 */
export function syllableIdsOf(names: readonly string[]): Uint16Array {
  return Uint16Array.from(names, (name) => (name === '' ? 0 : syllableId(name)));
}

/** The id of a reading as pinyin-pro writes it (with tone marks), or 0 if it is not a plain syllable. */
function idOf(toned: string): number {
  let id = tonedIds.get(toned);
  if (id === undefined) {
    const plain = toned
      .normalize('NFD')
      .replace(/[\u0300\u0301\u0304\u030c]/g, '')
      .replace(/u\u0308/g, 'v');
    id = /^[a-z]+$/.test(plain) ? syllableId(plain) : 0;
    tonedIds.set(toned, id);
  }
  return id;
}

function kindOf(unit: number): number {
  const known = kinds[unit]!;
  if (known !== 0) return known;
  let kind = BARRIER;
  if (unit >= 0x80 && (unit < 0xd800 || unit > 0xdfff)) {
    const char = String.fromCharCode(unit);
    const readings = (pinyinPro().polyphonic(char, { type: 'array' })[0] ?? []).filter((reading) => reading !== char).map(idOf);
    const first = readings[0] ?? 0;
    if (unit === REDUPLICATION || (first !== 0 && new Set(readings.filter((id) => id !== 0)).size > 1)) kind = CONTEXT;
    else if (first !== 0) kind = PLAIN;
    usual[unit] = first;
  }
  kinds[unit] = kind;
  return kind;
}

/** Reads a run of Chinese characters holding a polyphone with pinyin-pro, into `out` at `at`. */
function readRun(run: string, out: Uint16Array, at: number): void {
  let ids = runs.get(run);
  if (!ids) {
    const read = pinyinPro().pinyin(run, { type: 'array' });
    ids = new Uint16Array(run.length);
    for (let i = 0; i < run.length; i++) ids[i] = read.length === run.length ? idOf(read[i]!) : usual[run.charCodeAt(i)]!;
    if (run.length <= MAX_CACHED_RUN && runs.size < MAX_CACHED_RUNS) runs.set(run, ids);
  }
  out.set(ids, at);
}

/** Writes the syllable id of each code unit of `text` from `from` to `to` into `out` at the same index. */
export function readInto(text: string, out: Uint16Array, from = 0, to = text.length): void {
  for (let i = from; i < to; ) {
    if (kindOf(text.charCodeAt(i)) === BARRIER) {
      out[i++] = 0;
      continue;
    }
    let end = i;
    let context = false;
    for (; end < to; end++) {
      const kind = kindOf(text.charCodeAt(end));
      if (kind === BARRIER) break;
      if (kind === CONTEXT) context = true;
    }
    if (context) readRun(text.slice(i, end), out, i);
    else for (let t = i; t < end; t++) out[t] = usual[text.charCodeAt(t)]!;
    i = end;
  }
}

const allReadings = new Map<number, readonly number[]>();

/** Every toneless reading of one character, as syllable ids (several for a polyphone); none for a non-Chinese one. */
export function readingsOf(unit: number): readonly number[] {
  let ids = allReadings.get(unit);
  if (!ids) {
    const char = String.fromCharCode(unit);
    ids = kindOf(unit) === BARRIER ? [] : [...new Set((pinyinPro().polyphonic(char, { type: 'array' })[0] ?? []).filter((reading) => reading !== char).map(idOf))].filter((id) => id !== 0);
    allReadings.set(unit, ids);
  }
  return ids;
}

/** Whether two characters share a toneless reading (凤 and 风, 灵 and 陵). */
export function homophones(a: number, b: number): boolean {
  const readings = readingsOf(b);
  return readingsOf(a).some((id) => readings.includes(id));
}
