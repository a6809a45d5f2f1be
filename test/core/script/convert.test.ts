import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowRows } from '../../../src/core/layout/flow.js';
import { asShown, converterNow, nextScript, SCRIPTS } from '../../../src/core/script/convert.js';
import { interviewDocument } from '../../helpers/documents.js';

describe('converting the script shown', () => {
  it('converts at phrase level: 发 in 头发 and in 发展 become different characters', () => {
    const convert = converterNow('traditional')!;
    expect(convert('头发发展').text).toBe('頭髮發展');
    expect(converterNow('traditional-tw')!('集成电路的内存').text).toBe('積體電路的記憶體');
    expect(converterNow('traditional-hk')!('头发').text).toBe('頭髮');
    expect(converterNow('simplified')!('積體電路軟體').text).toBe('集成电路软件');
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
