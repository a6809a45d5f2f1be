import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { approximateBlockCells, approximateCells, blockIndexer, documentBlocks, measureBlockText } from '../../../src/core/layout/blocks.js';

const pieces = fc.constantFrom('第一章 起', '第一卷 春', '记者：问？', '张三：答。', '正文。', '字', '小标题', '很长的一段文字，'.repeat(5), '原标题：某', '作者：某');
const texts = fc.array(pieces, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('blockIndexer', () => {
  it('finds every block by its id, and nothing for an id the document lacks', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const blocks = documentBlocks(parseDocument(text));
        const indexOf = blockIndexer(blocks);
        blocks.forEach((block, i) => expect(indexOf(block.id)).toBe(i));
        expect(indexOf('s999p1')).toBe(-1);
        expect(indexOf('nothing')).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('finds them too in a text kept as numbers, whose blocks are made as they are read', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const blocks = documentBlocks(parseDocument(text, { compactFrom: 1 }));
        const indexOf = blockIndexer(blocks);
        for (let i = 0; i < blocks.length; i++) expect(indexOf(blocks[i]!.id)).toBe(i);
        expect(indexOf(`s1p${blocks.length + 1}`)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('approximateBlockCells', () => {
  it('is the estimate of the label and text, measured in place', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const block of documentBlocks(parseDocument(text))) expect(approximateBlockCells(block)).toBe(approximateCells(block.label) + approximateCells(block.text));
      }),
      { numRuns: 200 },
    );
  });
});

describe('measureBlockText', () => {
  it('measures the same text as the block shows, in place or not', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const block of documentBlocks(parseDocument(text))) {
          expect(measureBlockText(block, (shown, start, end) => (shown.slice(start, end) === block.text ? 1 : 0))).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
