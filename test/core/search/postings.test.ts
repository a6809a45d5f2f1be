import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockIndex, buildCorpus, folded } from '../../../src/core/search/corpus.js';
import { buildPostings, paragraphsWith, paragraphsWithAll } from '../../../src/core/search/postings.js';
import type { Steps } from '../../../src/core/search/steps.js';
import { paragraphsDocument } from '../../helpers/documents.js';

function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('postings', () => {
  it('list, for every character, exactly the paragraphs holding it, however far apart', () => {
    const char = fc.constantFrom('集', '成', '电', '路', 'a', '。', '𠀀');
    fc.assert(
      fc.property(fc.array(fc.array(char, { maxLength: 6 }).map((chars) => chars.join('')), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 300 }), (texts, padding) => {
        // Empty paragraphs between them make gaps of one byte and of several.
        const spaced = texts.flatMap((text) => [text, ...Array.from({ length: padding }, () => '')]);
        const corpus = finish(buildCorpus(paragraphsDocument(...spaced), { folded: 0, total: 0 }));
        const postings = finish(buildPostings(corpus));
        const holding = (unit: number): number[] => corpus.paragraphs.map((_, p) => p).filter((p) => folded(corpus, p).includes(String.fromCharCode(unit)));
        for (const unit of ['集', '成', 'a', '。', '\ud840'].map((c) => c.charCodeAt(0))) expect([...paragraphsWith(postings, unit)]).toEqual(holding(unit));
        const both = holding('集'.charCodeAt(0)).filter((p) => holding('路'.charCodeAt(0)).includes(p));
        expect([...paragraphsWithAll(postings, ['集'.charCodeAt(0), '路'.charCodeAt(0)])]).toEqual(both);
      }),
      { numRuns: 60 },
    );
  });
});

describe('blockIndex: the block of a paragraph without an array of them', () => {
  it('finds every paragraph of a text of many blocks where its folded text is', () => {
    // Some 200,000 code units: several blocks of ~32,000.
    const texts = Array.from({ length: 4000 }, (_, i) => `第${i}段${'文字'.repeat(20 + (i % 7))}`);
    const corpus = finish(buildCorpus(paragraphsDocument(...texts), { folded: 0, total: 0 }));
    expect(corpus.blocks.length).toBeGreaterThan(4);
    corpus.paragraphs.forEach((paragraph, p) => {
      const b = blockIndex(corpus, p);
      const block = corpus.blocks[b]!;
      expect(p).toBeGreaterThanOrEqual(block.first);
      expect(p - block.first).toBeLessThan(block.starts.length - 1);
      expect(folded(corpus, p)).toBe(paragraph.text);
    });
  });
});

describe('the paragraph starts of a block', () => {
  it('take two bytes each where the block is short enough, four where a long paragraph makes it longer, and read the same', () => {
    const long = '长'.repeat(70_000);
    const texts = ['开头', ...Array.from({ length: 3000 }, (_, i) => `第${i}段${'文字'.repeat(10)}`), long, '结尾'];
    const corpus = finish(buildCorpus(paragraphsDocument(...texts), { folded: 0, total: 0 }));
    const kinds = corpus.blocks.map((block) => (block.text.length + 1 <= 0xffff ? Uint16Array : Int32Array));
    expect(kinds).toContain(Uint16Array);
    expect(kinds).toContain(Int32Array);
    corpus.blocks.forEach((block, b) => expect(block.starts).toBeInstanceOf(kinds[b]));
    corpus.paragraphs.forEach((paragraph, p) => expect(folded(corpus, p)).toBe(paragraph.text));
  });
});
