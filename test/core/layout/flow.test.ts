import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { parseMarkdown } from '../../../src/core/document/markdown/parse.js';
import { documentBlocks } from '../../../src/core/layout/blocks.js';
import { Flow, flowFor, flowRows, type Row } from '../../../src/core/layout/flow.js';
import { cellWidth } from '../../../src/core/layout/width.js';
import { interviewDocument, syntheticDocument } from '../../helpers/documents.js';

const doc = interviewDocument();
const widths = [12, 20, 33, 40, 57, 80, 120];

const strip = (s: string): string => s.replace(/^\s+|\s+$/gu, '');

describe('flowRows on the interview', () => {
  it('lists the blocks in reading order: title, dateline, lead, each heading with its paragraphs, original title; no notes', () => {
    const ids = [...new Set(flowRows(doc, { width: 80 }).map((row) => row.blockId))];
    const expected = [
      'title',
      'dateline',
      ...doc.lead.map((p) => p.id),
      ...doc.sections.flatMap((s) => [`s${s.index}`, ...s.paragraphs.map((p) => p.id)]),
      'original-title',
    ];
    expect(ids).toEqual(expected);
    const text = flowRows(doc, { width: 80 }).map((row) => row.text).join('');
    for (const note of doc.notes) expect(text).not.toContain(note.slice(0, 12));
  });

  it.each(widths)('every row fits in %i cells, with either ambiguous width', (width) => {
    for (const ambiguousWidth of [1, 2] as const) {
      for (const row of flowRows(doc, { width, ambiguousWidth })) {
        expect(row.width).toBe(cellWidth(row.label, ambiguousWidth) + cellWidth(row.text, ambiguousWidth));
        expect(row.width).toBeLessThanOrEqual(width);
      }
    }
  });

  it.each(widths)('rows of a block cover its text contiguously at width %i', (width) => {
    const rows = flowRows(doc, { width });
    const blocks = documentBlocks(doc);
    for (const block of blocks) {
      const own = rows.filter((row) => row.blockId === block.id && row.kind !== 'blank');
      expect(own[0]?.start).toBe(0);
      expect(own.at(-1)?.end).toBe(block.text.length);
      own.forEach((row, i) => {
        expect(row.line).toBe(i);
        if (i > 0) expect(row.start).toBe(own[i - 1]?.end);
        expect(strip(row.text)).toBe(strip(block.text.slice(row.start, row.end)));
      });
    }
  });

  it('puts exactly one blank row between blocks and none at either end', () => {
    const rows = flowRows(doc, { width: 50 });
    expect(rows[0]?.kind).toBe('title');
    expect(rows.at(-1)?.kind).toBe('meta');
    rows.forEach((row, i) => {
      const next = rows[i + 1];
      if (row.kind === 'blank') {
        expect(next?.kind).not.toBe('blank');
        expect(next?.blockId).toBe(row.blockId);
        expect(next?.line).toBe(0);
      } else if (next && next.blockId !== row.blockId) {
        expect(next.kind).toBe('blank');
      }
    });
  });

  it('carries the speaker label on the first row of a turn only, with its cells reserved', () => {
    for (const width of widths) {
      const rows = flowRows(doc, { width });
      for (const paragraph of allParagraphs(doc)) {
        const own = rows.filter((row) => row.paragraphId === paragraph.id && row.kind !== 'blank');
        const expectedLabel = paragraph.label === undefined ? '' : `${paragraph.speaker}：`;
        expect(own[0]?.label).toBe(expectedLabel);
        expect(own[0]?.labelWidth).toBe(cellWidth(expectedLabel));
        for (const row of own.slice(1)) expect(row.label).toBe('');
        for (const row of own) {
          expect(row.kind).toBe('text');
          expect(row.section).toBe(paragraph.section);
          expect(row.role).toBe(paragraph.kind);
        }
      }
    }
  });

  it('marks headings, title and dateline by kind, headings in their own section', () => {
    const rows = flowRows(doc, { width: 30 }).filter((row) => row.kind !== 'blank' && row.kind !== 'text');
    const kinds = [...new Set(rows.map((row) => `${row.kind}:${row.section}`))];
    expect(kinds).toEqual(['title:0', 'dateline:0', 'heading:1', 'heading:2', 'heading:3', 'meta:3']);
  });

  it('shows the original title as a labelled meta row in the last section', () => {
    const meta = flowRows(doc, { width: 200 }).filter((row) => row.blockId === 'original-title');
    expect(meta[1]).toMatchObject({ kind: 'meta', role: 'meta', label: '原标题：', text: doc.originalTitle, section: 3 });
  });

  it('gives a label that cannot share a row with text a row of its own', () => {
    const rows = flowRows(doc, { width: 8 });
    const first = rows.filter((row) => row.paragraphId === 's1p1' && row.kind !== 'blank');
    expect(first[0]?.text).toBe('');
    expect(first[0]?.label.endsWith('…')).toBe(true);
    expect(first[1]?.start).toBe(0);
    for (const row of rows) expect(row.width).toBeLessThanOrEqual(8);
  });
});

describe('Flow positions', () => {
  const positions = (flow: Flow) =>
    Array.from({ length: flow.blockCount }, (_, block) => flow.rows(block).map((_, row) => ({ block, row }))).flat();

  it('finds every row again from its anchor', () => {
    for (const width of widths) {
      const flow = new Flow(doc, { width });
      for (const pos of positions(flow)) expect(flow.locate(flow.anchorAt(pos))).toEqual(pos);
    }
  });

  it('keeps the anchored character in the top row after a resize', () => {
    const cache = new Map<number, { flow: Flow; all: { block: number; row: number }[] }>();
    const at = (width: number) => {
      let entry = cache.get(width);
      if (!entry) {
        const flow = new Flow(doc, { width });
        entry = { flow, all: positions(flow) };
        cache.set(width, entry);
      }
      return entry;
    };
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 140 }), fc.integer({ min: 10, max: 140 }), fc.nat(), (from, to, pick) => {
        const { flow: before, all } = at(from);
        const pos = all[pick % all.length];
        if (!pos) return;
        const anchor = before.anchorAt(pos);
        const after = at(to).flow;
        const row: Row = after.row(after.locate(anchor));
        expect(row.blockId).toBe(anchor.block);
        if (anchor.offset < 0) expect(row.kind).toBe('blank');
        else expect(row.start <= anchor.offset && (anchor.offset < row.end || row.end === row.start)).toBe(true);
      }),
    );
  });

  it('finds each block by its id, first by scanning and then by its map, and -1 for an unknown id', () => {
    const flow = new Flow(doc, { width: 37 });
    const blocks = documentBlocks(doc);
    expect(blocks.length).toBeGreaterThan(20);
    // More look-ups than are scanned, so both ways answer.
    for (let round = 0; round < 2; round++) {
      blocks.forEach((block, i) => {
        expect(flow.indexOf(block.id)).toBe(i);
      });
      expect(flow.indexOf('no-such-block')).toBe(-1);
    }
  });

  it('finds many ids in one pass as one by one, with or without the map', () => {
    const ids = [...documentBlocks(doc).map((block) => block.id).reverse(), 'no-such-block', documentBlocks(doc)[3]!.id];
    const expected = ids.map((id) => new Flow(doc, { width: 37 }).indexOf(id));
    expect(expected.at(-2)).toBe(-1);
    expect(new Flow(doc, { width: 37 }).indexesOf(ids)).toEqual(expected);
    const mapped = new Flow(doc, { width: 37 });
    for (const id of ids) mapped.indexOf(id);
    expect(mapped.indexesOf(ids)).toEqual(expected);
  });

  it('moves by rows, stopping at both ends, and numbers rows like flowRows', () => {
    const flow = new Flow(doc, { width: 37 });
    const all = flowRows(doc, { width: 37 });
    flow.layoutSome(Number.MAX_SAFE_INTEGER);
    expect(flow.isExact()).toBe(true);
    expect(flow.rowCount()).toBe(all.length);
    fc.assert(
      fc.property(fc.nat(all.length - 1), fc.integer({ min: -400, max: 400 }), (start, delta) => {
        const from = flow.move(flow.first(), start);
        expect(flow.rowNumber(from)).toBe(start);
        const to = flow.move(from, delta);
        const expected = Math.min(all.length - 1, Math.max(0, start + delta));
        expect(flow.rowNumber(to)).toBe(expected);
        expect(flow.row(to)).toEqual(all[expected]);
      }),
    );
    expect(flow.slice(flow.move(flow.first(), 5), 7)).toEqual(all.slice(5, 12));
    expect(flow.rowNumber(flow.last())).toBe(all.length - 1);
  });

  it('returns the same flow for the same document and options', () => {
    expect(flowFor(doc, { width: 61 })).toBe(flowFor(doc, { width: 61 }));
    expect(flowFor(doc, { width: 61 })).not.toBe(flowFor(doc, { width: 61, ambiguousWidth: 2 }));
  });
});

describe('lazy layout', () => {
  const big = syntheticDocument(1000, 100);

  it('shows the first and the last screen of a 100,000-paragraph document without laying out everything', () => {
    const flow = new Flow(big, { width: 80 });
    expect(flow.blockCount).toBeGreaterThan(100_000);
    const screen = flow.slice(flow.first(), 24);
    expect(screen).toHaveLength(24);
    expect(flow.laidOutCount).toBeLessThan(30);
    const bottom = flow.move(flow.last(), -23);
    expect(flow.slice(bottom, 24).at(-1)?.blockId).toBe('s1000p100');
    expect(flow.laidOutCount).toBeLessThan(60);
    expect(flow.isExact()).toBe(false);
  });

  it('estimates the total until everything is laid out, then counts exactly', () => {
    const small = syntheticDocument(30, 20);
    const flow = new Flow(small, { width: 40 });
    const exact = flowRows(small, { width: 40 }).length;
    const estimate = flow.rowCount();
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.25);
    while (!flow.layoutSome(50));
    expect(flow.rowCount()).toBe(exact);
  });

  it('counts rows without keeping them: exact total and row numbers, nothing laid out held', () => {
    const small = syntheticDocument(30, 20);
    const all = flowRows(small, { width: 40 });
    const flow = new Flow(small, { width: 40 });
    const seen = flow.slice(flow.move(flow.first(), 100), 5);
    const held = flow.laidOutCount;
    let passes = 0;
    while (!flow.countSome(50)) passes++;
    expect(passes).toBeGreaterThan(0);
    expect(flow.isExact()).toBe(true);
    expect(flow.countedCount).toBe(flow.blockCount);
    expect(flow.laidOutCount).toBe(held);
    expect(flow.rowCount()).toBe(all.length);
    // Blocks laid out before and after the count agree with the full layout, row numbers too.
    const at = flow.move(flow.first(), 100);
    expect(flow.rowNumber(at)).toBe(100);
    expect(flow.slice(at, 5)).toEqual(seen);
    expect(flow.slice(flow.move(flow.first(), 333), 9)).toEqual(all.slice(333, 342));
    expect(flow.rowNumber(flow.last())).toBe(all.length - 1);
  });
});

describe('first-line indent', () => {
  const blocks = documentBlocks(doc);

  it.each(widths)('indents the first row of every paragraph (not headings) by two U+3000 at width %i, offsets unchanged', (width) => {
    const plain = flowRows(doc, { width });
    const indented = flowRows(doc, { width, indent: true });
    for (const block of blocks) {
      const own = indented.filter((row) => row.blockId === block.id && row.kind !== 'blank');
      const first = own[0];
      const roomy = cellWidth(block.label) + 4 + 2 <= width;
      expect(first?.indent).toBe(block.kind === 'text' && roomy ? '\u3000\u3000' : '');
      for (const row of own.slice(1)) expect(row.indent).toBe('');
      // Same coverage as without the indent: the text itself is untouched.
      expect(own.map((row) => block.text.slice(row.start, row.end)).join('')).toBe(block.text);
      if (block.kind !== 'text') {
        expect(own).toEqual(plain.filter((row) => row.blockId === block.id && row.kind !== 'blank'));
      }
    }
    for (const row of indented) {
      expect(row.width).toBe(cellWidth(row.indent) + cellWidth(row.label) + cellWidth(row.text));
      expect(row.width).toBeLessThanOrEqual(width);
    }
  });

  it('keeps each anchor on the row holding its character with the indent on', () => {
    const flow = new Flow(doc, { width: 40, indent: true });
    for (let block = 0; block < flow.blockCount; block++) {
      flow.rows(block).forEach((_, row) => expect(flow.locate(flow.anchorAt({ block, row }))).toEqual({ block, row }));
    }
  });

  it('caches indented and plain flows apart', () => {
    expect(flowFor(doc, { width: 50, indent: true })).not.toBe(flowFor(doc, { width: 50 }));
    expect(flowFor(doc, { width: 50, indent: true })).toBe(flowFor(doc, { width: 50, indent: true }));
  });
});

describe("a tight text's blank lines (a poetry collection's, 道德经's)", () => {
  const poems = (count: number) =>
    Array.from({ length: count }, (_, i) => `床前明月光${i + 1}，\n疑是地上霜。\n举头望明月，\n低头思故乡。`).join('\n\n');

  it('shows them with spacing 0, one poem apart from the next and none inside a poem', () => {
    const text = `卷一\n\n${poems(3)}`;
    const doc = parseDocument(text);
    const rows = flowRows(doc, { width: 40, spacing: 0 }).map((row) => strip(row.text));
    const first = rows.indexOf('床前明月光1，');
    // Inside a poem, line after line; a blank row before the next.
    expect(rows.slice(first, first + 10)).toEqual(['床前明月光1，', '疑是地上霜。', '举头望明月，', '低头思故乡。', '', '床前明月光2，', '疑是地上霜。', '举头望明月，', '低头思故乡。', '']);
  });

  it('leaves a text parted throughout as its spacing says', () => {
    const parted = parseDocument(`卷一\n\n${['　　甲。', '　　乙。', '　　丙。'].join('\n\n')}`);
    const rows = flowRows(parted, { width: 40, spacing: 0, indent: true }).map((row) => strip(row.text));
    expect(rows.slice(-3)).toEqual(['甲。', '乙。', '丙。']);
  });

  it('counts them in the estimates of a text of very many lines, as its layout does', () => {
    const doc = parseDocument(`卷一\n\n${poems(26_000)}`);
    const flow = new Flow(doc, { width: 40, spacing: 0 });
    const estimated = flow.rowCount();
    while (!flow.countSome(20_000));
    expect(flow.isExact()).toBe(true);
    expect(flow.rowCount()).toBe(estimated);
    // Four lines and a blank row a poem.
    expect(flow.rowCount()).toBeGreaterThan(26_000 * 5 - 10);
  });
});

describe('the count pass', () => {
  // Pieces of texts: short lines that fit a row (the pass counts them without laying them out), long
  // ones, an interview's turns (a label), emoji and wide punctuation, Markdown's lists, quotes and code.
  const piece = fc.constantFrom('字', '甲乙丙。', '他说：“走吧。”', '张三：你好。', 'a b c', '😀👍🏽字', '——……', '第一章 出发', '', '　　他走了很久，终于在天黑以前到了那座城。'.repeat(2), 'word '.repeat(12));
  const markdown = fc.constantFrom('- 甲', '1. 乙', '> 引文', '```\ncode\n```', '# 标题', '字', '长'.repeat(30));

  it('gives the rows and row numbers the full layout gives, at any width, spacing and indent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 30 }),
        fc.array(markdown, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 4, max: 60 }),
        fc.constantFrom(0 as const, 1 as const),
        fc.boolean(),
        fc.constantFrom('\n', '\n\n'),
        (lines, blocks, width, spacing, indent, gap) => {
          for (const doc of [parseDocument(`书名\n\n${lines.join(gap)}\n`), parseMarkdown(blocks.join('\n\n'))]) {
            const options = { width, spacing, indent };
            const all = flowRows(doc, options);
            const flow = new Flow(doc, options);
            while (!flow.countSome(7));
            expect(flow.rowCount()).toBe(all.length);
            for (let i = 0; i < flow.blockCount; i++) expect(flow.rowNumber({ block: i, row: 0 })).toBe(all.findIndex((row) => row.blockIndex === i));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
