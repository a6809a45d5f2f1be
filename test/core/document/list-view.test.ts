import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineParagraph, TurnParagraph } from '../../../src/core/document/line-paragraph.js';
import { concatView, isView, lineAppender, lineList, lineLists, mapView, trimList } from '../../../src/core/document/list-view.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { allParagraphs, findParagraph } from '../../../src/core/document/paragraphs.js';
import { resolveRef } from '../../../src/core/document/refs.js';
import { buildBlocks } from '../../../src/core/layout/blocks.js';
import { flowRows } from '../../../src/core/layout/flow.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import type { Document } from '../../../src/core/document/types.js';

const SOURCE = '甲\n乙乙\n丙丙丙\n丁\n';

function listOf(...lines: Array<[number, number]>): ReturnType<typeof lineList> {
  const list = lineList(SOURCE);
  for (const [offset, length] of lines) list.push(new LineParagraph(SOURCE, offset, length).placed(3, list.length + 1));
  return list;
}

describe('lineList: paragraphs kept as numbers', () => {
  it('reads back what was pushed, as an ordinary read-only array', () => {
    const list = listOf([0, 1], [2, 2], [5, 3]);
    expect(isView(list)).toBe(true);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(list[1]?.text).toBe('乙乙');
    expect(list[1]?.id).toBe('s3p2');
    expect(list[3]).toBeUndefined();
    expect(1 in list).toBe(true);
    expect(3 in list).toBe(false);
    expect(list.map((p) => p.text)).toEqual(['甲', '乙乙', '丙丙丙']);
    expect([...list].map((p) => p.offset)).toEqual([0, 2, 5]);
    expect(list.at(-1)?.text).toBe('丙丙丙');
    expect(list.find((p) => p.text.length === 2)?.id).toBe('s3p2');
    expect(Object.keys(list)).toEqual(['0', '1', '2']);
    expect(JSON.parse(JSON.stringify(list))).toEqual([
      { id: 's3p1', section: 3, index: 1, kind: 'plain', text: '甲', offset: 0 },
      { id: 's3p2', section: 3, index: 2, kind: 'plain', text: '乙乙', offset: 2 },
      { id: 's3p3', section: 3, index: 3, kind: 'plain', text: '丙丙丙', offset: 5 },
    ]);
    expect(() => {
      (list as unknown as unknown[])[0] = 'x';
    }).toThrow(TypeError);
    expect(list.length).toBe(3);
  });

  it('grows past its first room', () => {
    const text = '字\n'.repeat(100);
    const list = lineList(text);
    for (let i = 0; i < 100; i++) list.push(new LineParagraph(text, 2 * i, 1).placed(1, i + 1));
    expect(list.length).toBe(100);
    expect(list[99]?.offset).toBe(198);
    expect(list[99]?.id).toBe('s1p100');
  });

  it('turns into objects when given anything but the next plain line, and stays right', () => {
    const list = listOf([0, 1]);
    const turn = new TurnParagraph(SOURCE, 2, 2).placed(3, 2);
    turn.label = '乙：';
    turn.speaker = '乙';
    turn.role = 'interviewee';
    list.push(turn);
    list.push(new LineParagraph(SOURCE, 5, 3).placed(3, 3));
    expect(list.map((p) => [p.id, p.text, p.kind, p.speaker])).toEqual([
      ['s3p1', '甲', 'plain', undefined],
      ['s3p2', '乙乙', 'answer', '乙'],
      ['s3p3', '丙丙丙', 'plain', undefined],
    ]);
    // Out of order, or of another text: kept as given.
    const other = listOf([0, 1]);
    other.push(new LineParagraph('別的', 0, 2).placed(3, 2));
    expect(other[1]?.text).toBe('別的');
  });
});

describe('concatView and mapView', () => {
  it('reads across parts, empty ones included, forwards and by jumps', () => {
    const view = concatView([[], ['a', 'b'], [], [], ['c'], ['d', 'e', 'f'], []]);
    expect(view.length).toBe(6);
    expect([...view]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect([view[5], view[0], view[3], view[2], view[6]]).toEqual(['f', 'a', 'd', 'c', undefined]);
    expect(concatView([]).length).toBe(0);
  });

  it('holds for any parts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 5 }), { maxLength: 8 }), fc.array(fc.nat()), (parts, reads) => {
        const flat = parts.flat();
        const view = concatView(parts);
        expect(view.length).toBe(flat.length);
        for (const read of reads) expect(view[read % (flat.length + 1)]).toBe(flat[read % (flat.length + 1)]);
        expect([...view]).toEqual(flat);
      }),
    );
  });

  it('maps items as they are read', () => {
    const doubled = mapView([1, 2, 3], (n) => n * 2);
    expect([...doubled]).toEqual([2, 4, 6]);
    expect(doubled.filter((n) => n > 2)).toEqual([4, 6]);
  });
});

/** Texts of every shape: a book with volumes, an interview, an article, a plain text long enough for parts. */
function texts(): Record<string, string> {
  const chapter = (n: number) => `第${n}章 风起\n　　他走了很远的路，天色渐渐暗下来。\n　　“到了吗？”她问。\n　　到了。`;
  const book = ['某书', '作者：某人', '', '第一卷 初', chapter(1), chapter(2), '第二卷 中', chapter(3), '（本章完）'].join('\n');
  const interview = readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8').replace(/\r\n?/g, '\n');
  const article = ['一篇文章', '', '引子', '这是开头的一段话，说了很多事情。', '', '第二部分', '这是后面的一段话，也说了很多。', '还有一段。'].join('\n');
  const plain = Array.from({ length: 700 }, (_, i) => `第${i}行的文字，写得长一些才好分成几部分。`).join('\n');
  return { book, interview, article, plain };
}

const asJson = (doc: Document) => JSON.parse(JSON.stringify({ ...doc, source: undefined }));

describe('a text of very many lines, parsed into numbers (compactFrom)', () => {
  for (const [name, text] of Object.entries(texts())) {
    it(`gives the same document, blocks, rows and search as objects: ${name}`, () => {
      const objects = parseDocument(text);
      const numbers = parseDocument(text, { compactFrom: 0 });
      // An interview's lists hold its turns as objects, but they are views all the same.
      expect(numbers.sections.every((section) => isView(section.paragraphs))).toBe(true);
      expect(asJson(numbers)).toEqual(asJson(objects));
      expect(JSON.parse(JSON.stringify(buildBlocks(numbers)))).toEqual(JSON.parse(JSON.stringify(buildBlocks(objects))));
      expect(flowRows(numbers, { width: 24 })).toEqual(flowRows(objects, { width: 24 }));
      expect(allParagraphs(numbers).map((p) => p.id)).toEqual(allParagraphs(objects).map((p) => p.id));
      const last = allParagraphs(objects).at(-1)!;
      expect(findParagraph(numbers, last.id)?.text).toBe(last.text);
      expect(resolveRef(numbers, last.id)).toEqual(resolveRef(objects, last.id));
      for (const query of ['风起', '到了', '文字', 'daole']) {
        const found = (doc: Document) => createSearchIndex(doc).search(query).map((hit) => [hit.paragraphId, hit.text, hit.matches]);
        expect(found(numbers)).toEqual(found(objects));
      }
    });
  }

  it('is used only from the threshold up', () => {
    // Sentences, so none is taken for a title: three lines of body.
    const text = '甲走了。\n乙走了。\n丙走了。\n';
    expect(parseDocument(text, { compactFrom: 4 }).sections.some((section) => isView(section.paragraphs))).toBe(false);
    expect(parseDocument(text, { compactFrom: 3 }).sections.some((section) => isView(section.paragraphs))).toBe(true);
  });
});

describe('trimList', () => {
  it('keeps every line after the room is given back, and later pushes still work', () => {
    const list = listOf([0, 1], [2, 2], [5, 3]);
    trimList(list);
    expect(list.map((p) => p.text)).toEqual(['甲', '乙乙', '丙丙丙']);
    list.push(new LineParagraph(SOURCE, 9, 1).placed(3, 4));
    expect(list.map((p) => p.text)).toEqual(['甲', '乙乙', '丙丙丙', '丁']);
    const plain = [1, 2];
    trimList(plain as never);
    expect(plain).toEqual([1, 2]);
  });
});

describe('lineLists: the lists of one text in one store', () => {
  it('keeps lists filled one after another apart, and one pushed to out of turn as objects', () => {
    const source = '甲\n乙\n丙\n丁\n戊\n';
    const make = lineLists(source, 5);
    const first = make();
    const second = make();
    first.push(new LineParagraph(source, 0, 1).placed(1, 1));
    first.push(new LineParagraph(source, 2, 1).placed(1, 2));
    second.push(new LineParagraph(source, 4, 1).placed(2, 1));
    // The first list is no longer the store's last: this line would land in the second's run.
    first.push(new LineParagraph(source, 6, 1).placed(1, 3));
    second.push(new LineParagraph(source, 8, 1).placed(2, 2));
    expect(first.map((p) => [p.id, p.text])).toEqual([['s1p1', '甲'], ['s1p2', '乙'], ['s1p3', '丁']]);
    expect(second.map((p) => [p.id, p.text])).toEqual([['s2p1', '丙'], ['s2p2', '戊']]);
    trimList(second);
    expect(second.map((p) => p.text)).toEqual(['丙', '戊']);
  });

  it('takes lines appended as numbers as it takes them pushed as paragraphs, in turn, out of turn or once it holds objects', () => {
    const source = '甲\n乙\n丙\n丁\n戊\n己\n';
    const fill = (append: boolean) => {
      const make = lineLists(source, 6);
      const first = make();
      const second = make();
      const add = (list: typeof first, section: number, offset: number) =>
        append ? lineAppender(list, section)!(offset, 1) : list.push(new LineParagraph(source, offset, 1).placed(section, list.length + 1));
      add(first, 1, 0);
      add(first, 1, 2);
      add(second, 2, 4);
      // Out of turn: the first list is no longer the store's last.
      add(first, 1, 6);
      const turn = new TurnParagraph(source, 8, 1).placed(2, 2);
      turn.label = '戊：';
      second.push(turn);
      // Once a list holds objects, an appended line is one too.
      add(second, 2, 10);
      return [first, second].map((list) => JSON.parse(JSON.stringify(list)));
    };
    expect(fill(true)).toEqual(fill(false));
    expect(fill(true)[1].map((p: { id: string; text: string }) => [p.id, p.text])).toEqual([['s2p1', '丙'], ['s2p2', '戊'], ['s2p3', '己']]);
    expect(lineAppender([], 1)).toBeUndefined();
  });
});

describe('the reader on a text kept as numbers', () => {
  it('estimates as many rows before laying anything out as on the text kept as objects, at any width and spacing (property)', async () => {
    const { Flow } = await import('../../../src/core/layout/flow.js');
    const line = fc.constantFrom('第一章 开始', '卷二 风', '甲：说了一句话。', '一句很长很长的中文句子，写了又写，还没有写完，又写了一些。', 'short English line', '　　缩进的段落。', '字', '');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.integer({ min: 2, max: 50 }), fc.constantFrom(0, 1) as fc.Arbitrary<0 | 1>, (lines, width, spacing) => {
        const text = lines.join('\n');
        const objects = new Flow(parseDocument(text), { width, spacing });
        const numbers = new Flow(parseDocument(text, { compactFrom: 0 }), { width, spacing });
        expect(numbers.rowCount()).toBe(objects.rowCount());
      }),
      { numRuns: 300 },
    );
  });

  it('flows, counts, moves and finds places as on the same text kept as objects, at two widths', async () => {
    const { Flow } = await import('../../../src/core/layout/flow.js');
    const { textCounts, charsThrough } = await import('../../../src/core/document/counts.js');
    for (const text of [texts().book!, texts().plain!]) {
      const objects = parseDocument(text);
      const numbers = parseDocument(text, { compactFrom: 0 });
      for (const width of [12, 40]) {
        const a = new Flow(objects, { width });
        const b = new Flow(numbers, { width });
        expect(b.rowCount()).toBe(a.rowCount());
        while (!a.countSome(7));
        while (!b.countSome(7));
        expect(b.rowCount()).toBe(a.rowCount());
        const ids = allParagraphs(objects).map((p) => p.id).concat(objects.sections.map((s) => `s${s.index}`));
        expect(b.indexesOf(ids)).toEqual(a.indexesOf(ids));
        for (const delta of [0, 5, 37, 1000]) {
          const at = a.move(a.first(), delta);
          expect(b.move(b.first(), delta)).toEqual(at);
          expect(b.slice(at, 6)).toEqual(a.slice(at, 6));
          expect(b.anchorAt(at)).toEqual(a.anchorAt(at));
          expect(b.locate(a.anchorAt(at))).toEqual(at);
        }
        expect(b.last()).toEqual(a.last());
      }
      expect(textCounts(numbers)).toEqual(textCounts(objects));
      const last = allParagraphs(objects).at(-1)!;
      expect(charsThrough(numbers, { block: last.id, offset: 1 })).toBe(charsThrough(objects, { block: last.id, offset: 1 }));
    }
  });
});
