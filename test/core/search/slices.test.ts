/**
 * searchAsync and prepare on a large generated document: they work in slices, so a timer keeps
 * ticking while they run; aborting stops them at once; partial answers and progress while the pinyin
 * readings are being built. The bounds on gaps are fractions of the work's own CPU time, never a number
 * of milliseconds (an absolute 80 ms once failed at 81 in a full run on the two-core machine); the speed
 * itself is measured by bench/search.ts, not asserted.
 *
 * Gaps between ticks are counted in this thread's CPU time, not on the clock: on a loaded machine the
 * scheduler leaves the process waiting for tens or hundreds of milliseconds at a time, which says
 * nothing about whether the search yields. Work that never yields shows as one gap holding all of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSearchIndex, type IndexProgress } from '../../../src/core/search/index.js';
import { loadWordDictionary } from '../../../src/core/search/pinyin.js';
import { readInto } from '../../../src/core/search/syllables.js';
import { prng } from '../../../bench/corpus.js';
import { paragraphsDocument } from '../../helpers/documents.js';


const WORDS = ['集成电路', '产业', '重庆', '发展', '企业', '智能终端', '我市', '推动', '建设', '创新', '电子信息', '研发中心', '银行', '行长', '重点', '供应链', '长江', '还有', '调整', '5G', 'FPGA'];
const CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';

/** 20,000 paragraphs (about 1.3 MB of text): words from the list above among random characters. */
function largeDocument() {
  const random = prng(20200522);
  const paragraphs: string[] = [];
  for (let p = 0; p < 20_000; p++) {
    let text = '';
    const length = 20 + Math.floor(random() * 80);
    while (text.length < length) {
      text += random() < 0.3 ? WORDS[Math.floor(random() * WORDS.length)] : CHARS[Math.floor(random() * CHARS.length)];
      if (random() < 0.08) text += '，';
    }
    paragraphs.push(`${text}。`);
  }
  return paragraphsDocument(...paragraphs);
}

/** Milliseconds of CPU this thread has used (the whole process's where Node cannot tell threads apart). */
function cpuMs(): number {
  const usage = typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Runs `work` while a timer ticks every 5 ms; returns its result, the CPU time it took and the longest
 * gap between ticks, both in CPU milliseconds.
 */
async function watched<T>(work: () => Promise<T>): Promise<{ value: T; cpu: number; longestGap: number }> {
  let last = cpuMs();
  let longestGap = 0;
  const timer = setInterval(() => {
    const now = cpuMs();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  const started = cpuMs();
  try {
    const value = await work();
    longestGap = Math.max(longestGap, cpuMs() - last);
    return { value, cpu: cpuMs() - started, longestGap };
  } finally {
    clearInterval(timer);
  }
}

const doc = largeDocument();

beforeAll(() => {
  // One-time library set-up that cannot be cut into slices: pinyin-pro builds its word automaton on
  // first use, ICU loads its word dictionary. The reader's prepare() gets them out of the way early.
  readInto('重庆银行行长', new Uint16Array(6));
  loadWordDictionary();
});

describe('searchAsync on a large document', () => {
  it('keeps the event loop turning while it folds the text, reads all pinyin, matches and ranks', async () => {
    const index = createSearchIndex(doc);
    const run = await watched(() => index.searchAsync('jichengdianlu', { limit: 1000 }));
    expect(run.value.length).toBeGreaterThan(100);
    expect(run.value[0]!.tier).toBe('pinyin');
    // Long enough that a search which never yielded would have stopped the timer for all of it…
    expect(run.cpu).toBeGreaterThan(100);
    // …yet it never did for long: no gap holds more than an eighth of the work (the bound is the
    // structure, a fraction of the whole, not a budget: the longest gap, ~50 ms of ~900, is the first
    // slice's, where the code runs cold; later slices take ~25 ms).
    expect(run.longestGap).toBeLessThan(run.cpu / 8);
  });

  it('keeps it turning through exact, traditional, multi-term and fuzzy searches', async () => {
    const index = createSearchIndex(doc);
    const run = await watched(async () => [
      await index.searchAsync('产业', { limit: 1000 }),
      await index.searchAsync('積體電路', { limit: 1000 }),
      await index.searchAsync('重庆 创新', { limit: 1000 }),
      await index.searchAsync('研发中新', { limit: 1000 }),
    ]);
    expect(run.value.map((hits) => hits[0]?.tier)).toEqual(['exact', 'exact', 'exact', 'fuzzy']);
    expect(run.longestGap).toBeLessThan(run.cpu / 4);
  });

  it('stops soon after it is aborted, keeps the work done, and answers the next query in full', async () => {
    const index = createSearchIndex(doc);
    const controller = new AbortController();
    const pending = index.searchAsync('chongqing', { signal: controller.signal });
    // Aborted once it has done some of its work (a turn at a time: it yields between slices).
    while (index.progress().text === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(pending).rejects.toThrow();
    // Stopped at its next slice: the pinyin readings this query needs were not all read.
    expect(index.progress().pinyin).toBeLessThan(1);
    expect(index.progress().text).toBeGreaterThan(0);
    const hits = await index.searchAsync('chongqing', { limit: 50 });
    expect(hits.map((hit) => hit.paragraphId)).toEqual(createSearchIndex(doc).search('chongqing', { limit: 50 }).map((hit) => hit.paragraphId));
  });
});

describe('prepare and partial answers', () => {
  it('answers pinyin queries from what is ready, reports progress, and answers in full once pinyin is read', async () => {
    const index = createSearchIndex(doc);
    expect(index.progress()).toEqual({ text: 0, pinyin: 0 });
    // Before the pinyin readings exist, a partial answer has only the exact and fuzzy tiers.
    const early = await index.searchAsync('jcdl', { partial: true });
    expect(early.every((hit) => hit.tier !== 'pinyin')).toBe(true);
    expect(index.progress().text).toBe(1);
    expect(index.progress().pinyin).toBeLessThan(1);
    // Without pinyin, prepare leaves the readings out, even of a long text.
    await index.prepare();
    expect(index.progress().pinyin).toBe(0);
    expect((await index.searchAsync('jcdl', { partial: true })).every((hit) => hit.tier !== 'pinyin')).toBe(true);
    const reports: IndexProgress[] = [];
    const run = await watched(() => index.prepare({ pinyin: true, onProgress: (progress) => reports.push(progress) }));
    expect(run.longestGap).toBeLessThan(run.cpu / 8);
    expect(reports.at(-1)).toEqual({ text: 1, pinyin: 1 });
    const shares = reports.map((report) => report.pinyin);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    // The same query again: not the remembered partial answer, the whole one.
    const full = await index.searchAsync('jcdl', { partial: true, limit: 20 });
    expect(full[0]?.tier).toBe('pinyin');
    expect(full).toEqual(createSearchIndex(doc).search('jcdl', { limit: 20 }));
  });

  it('gives way to searches while it runs', async () => {
    const index = createSearchIndex(doc);
    const prepared = index.prepare({ pinyin: true });
    while (index.progress().pinyin === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = index.progress().pinyin;
    // Every paragraph that has 的, all of them: many slices of work, during which prepare waits.
    const hits = await index.searchAsync('的', { partial: true });
    expect(hits.length).toBeGreaterThan(1000);
    expect(index.progress().pinyin).toBe(before);
    await prepared;
    expect(index.progress()).toEqual({ text: 1, pinyin: 1 });
  });

  it('waits before each slice for what giveWay returns, and goes on once that resolves', async () => {
    const index = createSearchIndex(doc);
    let release: (() => void) | undefined;
    let holding = false;
    let asked = 0;
    const giveWay = (): Promise<void> | null => {
      asked++;
      if (!holding) return null;
      return new Promise((resolve) => (release = resolve));
    };
    const prepared = index.prepare({ pinyin: true, giveWay });
    while (index.progress().text === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    holding = true;
    while (release === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
    const held = index.progress();
    expect(held.pinyin).toBeLessThan(1);
    // Many turns of the event loop, each of which a slice would take: none runs while the promise is pending.
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(index.progress()).toEqual(held);
    holding = false;
    release();
    await prepared;
    expect(index.progress()).toEqual({ text: 1, pinyin: 1 });
    expect(asked).toBeGreaterThan(2);
  });
});
