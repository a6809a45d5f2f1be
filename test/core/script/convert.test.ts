import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowFor, flowRows } from '../../../src/core/layout/flow.js';
import { asShown, converterNow, nextScript, SCRIPTS, shownRanges, toShown } from '../../../src/core/script/convert.js';
import { interviewDocument } from '../../helpers/documents.js';

describe('converting the script shown', () => {
  it('converts at phrase level: 发 in 头发 and in 发展 become different characters', () => {
    const convert = converterNow('traditional')!;
    expect(convert('头发发展').text).toBe('頭髮發展');
    expect(converterNow('traditional-tw')!('集成电路的内存').text).toBe('積體電路的記憶體');
    expect(converterNow('traditional-hk')!('头发').text).toBe('頭髮');
    // The script, not the words: Taiwan's 軟體 stays the author's word, and a simplified text is left as it is.
    expect(converterNow('simplified')!('積體電路軟體，頭髮').text).toBe('积体电路软体，头发');
    expect(converterNow('simplified')!('助力“智造重镇”“智慧名城”建设').text).toBe('助力“智造重镇”“智慧名城”建设');
    expect(converterNow('original')).toBeUndefined();
  });

  it('maps offsets back to the original, exactly at phrase ends, also where a phrase changes length', () => {
    const shown = converterNow('traditional-tw')!('集成电路的内存很大');
    expect(shown.text).toBe('積體電路的記憶體很大');
    // 的 is at 4 in both; 记 (start of the phrase 記憶體) at 5 maps to 内 at 5; after 體 (8) → after 存 (7).
    expect([0, 4, 5, 8, 9, 10].map((offset) => shown.toOriginal(offset))).toEqual([0, 4, 5, 7, 8, 9]);
  });

  it('maps every offset into the original, in order (property)', () => {
    const convert = converterNow('traditional-tw')!;
    const alphabet = Array.from('集成电路的内存头发发展软件开发鼠标我们，。 AB12');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        const shown = convert(text);
        let last = 0;
        for (let i = 0; i <= shown.text.length; i++) {
          const at = shown.toOriginal(i);
          expect(at).toBeGreaterThanOrEqual(last);
          expect(at).toBeLessThanOrEqual(text.length);
          last = at;
        }
        expect(shown.toOriginal(shown.text.length)).toBe(text.length);
      }),
      { numRuns: 200 },
    );
  });

  it('lays the text out converted with row offsets in the original, so anchors and search ranges keep their meaning', () => {
    const doc = interviewDocument();
    converterNow('traditional');
    for (const width of [24, 40, 78]) {
      const plain = flowRows(doc, { width });
      const shown = flowRows(doc, { width, script: 'traditional' });
      expect(shown.some((row) => row.text.includes('產業'))).toBe(true);
      expect(shown.some((row) => row.text.includes('产业'))).toBe(false);
      // Paragraphs still start at offset 0 and end at their length, and rows cover them in order.
      const ids = new Set(plain.map((row) => row.blockId));
      for (const id of ids) {
        const rows = shown.filter((row) => row.blockId === id && row.kind !== 'blank');
        const original = plain.find((row) => row.blockId === id && row.kind !== 'blank');
        if (!original || rows.length === 0) continue;
        expect(rows[0]!.start).toBe(0);
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.start).toBeGreaterThanOrEqual(rows[i - 1]!.end - 1);
      }
      for (const row of shown) expect(row.width).toBeLessThanOrEqual(width);
    }
  });

  it('starts a converted flow from the counts of the flow as written: no pass over the text, only what is shown is converted', () => {
    const doc = interviewDocument();
    converterNow('traditional');
    const written = flowFor(doc, { width: 30 });
    written.layoutSome(Number.MAX_SAFE_INTEGER);
    const total = written.rowCount();
    const shown = flowFor(doc, { width: 30, script: 'traditional' });
    expect(shown).not.toBe(written);
    expect(shown.isExact()).toBe(true);
    expect(shown.laidOutCount).toBe(0);
    expect(shown.rowCount()).toBe(total);
    // The screen's rows are laid out converted, and their counts corrected if they differ.
    const rows = shown.slice(shown.locate({ block: 's2', offset: 0 }), 10);
    expect(rows.map((row) => row.text).join('')).not.toBe(written.slice(written.locate({ block: 's2', offset: 0 }), 10).map((row) => row.text).join(''));
    expect(shown.laidOutCount).toBeLessThan(shown.blockCount);
    // Counted again wholly, the converted flow has as many rows as its running total says.
    shown.layoutSome(Number.MAX_SAFE_INTEGER);
    expect(shown.rowCount()).toBe(flowRows(doc, { width: 30, script: 'traditional' }).length);
  });

  it("places a converted row's matches with toShown, never inside a character", () => {
    const convert = converterNow('traditional-tw')!;
    const shown = convert('内存头发');
    expect(shown.text).toBe('記憶體頭髮');
    expect(shownRanges(shown, [[0, 2]])).toEqual([[0, 3]]);
    expect(shownRanges(shown, [[2, 4]])).toEqual([[3, 5]]);
    const astral = convert('头发𠮷');
    expect(astral.text).toBe('頭髮𠮷');
    // Offset 3 is inside 𠮷 (a surrogate pair): never a place to start or end a highlight.
    expect(toShown(astral, 3)).toBe(2);
  });

  it('says a quote is shown converted only where that changes it', () => {
    const convert = converterNow('traditional');
    expect(asShown('电子信息产业 (s2p3)', 'traditional', convert)).toBe('電子信息產業 (s2p3)（繁体显示）');
    expect(asShown('ABC (s2p3)', 'traditional', convert)).toBe('ABC (s2p3)');
    expect(asShown('电子', 'original', undefined)).toBe('电子');
  });

  it('cycles as written → simplified → traditional (the variant chosen) → as written', () => {
    expect(nextScript('original')).toBe('simplified');
    expect(nextScript('simplified')).toBe('traditional');
    expect(nextScript('simplified', 'traditional-hk')).toBe('traditional-hk');
    expect(nextScript('traditional-tw')).toBe('original');
    expect(SCRIPTS).toContain('traditional-tw');
  });
});
