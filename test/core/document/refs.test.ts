import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allParagraphs } from '../../../src/core/document/paragraphs.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { formatRef, paragraphAt, parseRef, resolveRef, type Ref } from '../../../src/core/document/refs.js';
import { documentBlocks } from '../../../src/core/layout/blocks.js';

const INTERVIEW = readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8');
const doc = parseDocument(INTERVIEW);
const UNSTRUCTURED = parseDocument('读《论语》有感\n\n第一段。\n\n第二段。\n');

/** Every way a reader may type the reference `ref`, all of which must mean the same place. */
function spellings(ref: Ref): string[] {
  const { section: s, paragraph: p } = ref;
  const letters = p === undefined ? `s${s}` : `s${s}p${p}`;
  const dotted = p === undefined ? `${s}` : `${s}.${p}`;
  const fullWidth = letters.replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  return [letters, letters.toUpperCase(), dotted, `#${letters}`, `  ${letters}\t`, fullWidth, letters.replace(/\d+/g, (n) => `00${n}`)];
}

describe('parseRef', () => {
  it.each([
    ['s2p3', { section: 2, paragraph: 3 }],
    ['S2P3', { section: 2, paragraph: 3 }],
    ['s0p1', { section: 0, paragraph: 1 }],
    ['2.3', { section: 2, paragraph: 3 }],
    ['s2', { section: 2 }],
    ['2', { section: 2 }],
    ['#s12p40', { section: 12, paragraph: 40 }],
    ['ｓ２ｐ３', { section: 2, paragraph: 3 }],
  ])('reads %j', (input, expected) => {
    expect(parseRef(input)).toEqual(expected);
  });

  it.each(['', 's', 'p3', 's2p', 's2p0', '2.0', 's2 p3', '2-3', '2.3.4', 's-1', 'x2p3', 's2p3x', 's1.5p2', 's99999999p1', '第2节'])(
    'refuses %j',
    (input) => {
      expect(parseRef(input)).toBeUndefined();
    },
  );

  it('every spelling of a reference parses to it, and formatRef gives the canonical form back', () => {
    const ref = fc.record({ section: fc.nat(5000), paragraph: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }) }, { requiredKeys: ['section'] });
    fc.assert(
      fc.property(ref, (r) => {
        const expected: Ref = r.paragraph === undefined ? { section: r.section } : { section: r.section, paragraph: r.paragraph };
        for (const spelling of spellings(expected)) expect(parseRef(spelling)).toEqual(expected);
        expect(parseRef(formatRef(expected))).toEqual(expected);
        expect(formatRef(expected)).toMatch(/^s\d+(p\d+)?$/);
      }),
    );
  });
});

describe('resolveRef', () => {
  it('finds every paragraph of the interview by its id and by each spelling of it', () => {
    const paragraphs = allParagraphs(doc);
    expect(paragraphs.length).toBeGreaterThan(10);
    for (const paragraph of paragraphs) {
      for (const spelling of spellings({ section: paragraph.section, paragraph: paragraph.index })) {
        const found = resolveRef(doc, spelling);
        expect(found).toMatchObject({ ok: true, ref: paragraph.id, section: paragraph.section, block: paragraph.id });
        expect(found.ok && found.paragraph).toBe(paragraph);
      }
    }
  });

  it('s2p3 is the third paragraph under the second heading of the interview', () => {
    const found = resolveRef(doc, 's2p3');
    expect(found.ok && found.paragraph?.text.startsWith('其中')).toBe(true);
    expect(found.ok && found.paragraph?.speaker).toBe('刘忠');
  });

  it('a section reference opens at its heading; s0 at the top', () => {
    expect(resolveRef(doc, 's2')).toEqual({ ok: true, ref: 's2', section: 2, block: 's2' });
    expect(resolveRef(doc, '0')).toEqual({ ok: true, ref: 's0', section: 0, block: 'title' });
    const blocks = new Set(documentBlocks(doc).map((b) => b.id));
    for (const section of [0, 1, 2, 3]) {
      const found = resolveRef(doc, `s${section}`);
      expect(found.ok && blocks.has(found.block)).toBe(true);
    }
  });

  it("a search's hits in the title and the original title resolve to their lines, as a hit opened from the shelf needs", () => {
    expect(resolveRef(doc, 'title')).toEqual({ ok: true, ref: 's0', section: 0, block: 'title' });
    expect(parseRef('Title')).toEqual({ section: 0 });
    expect(doc.originalTitle).toBeDefined();
    const blocks = new Set(documentBlocks(doc).map((b) => b.id));
    const original = resolveRef(doc, 'original-title');
    expect(original).toMatchObject({ ok: true, ref: 'original-title', block: 'original-title', section: doc.sections.at(-1)!.index });
    expect(original.ok && blocks.has(original.block)).toBe(true);
    // A document without one says so, as for any unknown reference.
    expect(resolveRef(UNSTRUCTURED, 'original-title').ok).toBe(false);
  });

  it('a section without a heading line opens at its first paragraph', () => {
    expect(resolveRef(UNSTRUCTURED, 's1')).toMatchObject({ ok: true, block: 's1p1' });
  });

  it.each([
    ['s9p1', /no section 9: the document has sections 1–3 \(s0 is the lead\)/],
    ['s4', /no section 4/],
    ['s2p9', /no paragraph s2p9: section 2 has 5 paragraphs \(s2p1–s2p5\)/],
    ['s0p2', /no paragraph s0p2: the lead \(section 0\) has 1 paragraph \(s0p1\)/],
    ['nonsense', /'nonsense' is not a paragraph reference: write s2p3/],
  ])('%j gives a message that says what exists', (input, message) => {
    const found = resolveRef(doc, input);
    expect(found.ok).toBe(false);
    expect(!found.ok && found.message).toMatch(message);
  });

  it('an empty lead and a document without sections are described as such', () => {
    expect(resolveRef(UNSTRUCTURED, 's0p1')).toMatchObject({ ok: false, message: expect.stringMatching(/has no paragraphs/) });
    expect(resolveRef(UNSTRUCTURED, 's2')).toMatchObject({ ok: false, message: expect.stringMatching(/has section 1 /) });
    expect(resolveRef(parseDocument(''), 's1')).toMatchObject({ ok: false, message: expect.stringMatching(/has no sections/) });
  });

  it('quotes what was typed safely and briefly', () => {
    const found = resolveRef(doc, `\u001b]52;c;AAAA\u0007${'x'.repeat(500)}`);
    expect(found.ok).toBe(false);
    const message = found.ok ? '' : found.message;
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(message.length).toBeLessThan(200);
  });
});

describe('paragraphAt', () => {
  it('maps every block of the reading flow to a paragraph of the same section, itself for a paragraph', () => {
    const paragraphs = allParagraphs(doc);
    for (const block of documentBlocks(doc)) {
      const paragraph = paragraphAt(doc, block.id);
      expect(paragraph).toBeDefined();
      if (block.paragraphId !== undefined) expect(paragraph?.id).toBe(block.paragraphId);
      if (block.kind === 'heading') expect(paragraph?.id).toBe(`s${block.section}p1`);
      if (block.kind === 'title' || block.kind === 'dateline') expect(paragraph).toBe(paragraphs[0]);
      if (block.kind === 'meta') expect(paragraph).toBe(paragraphs.at(-1));
    }
  });

  it('has nothing to give for a document without paragraphs', () => {
    expect(paragraphAt(parseDocument(''), 'title')).toBeUndefined();
  });
});
