/**
 * A search index's built parts through bytes and back (serial.ts): the same answers as the index
 * built from the document, for every tier; and bytes that are not consistent are refused.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../src/core/search/corpus.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { buildPostings } from '../../../src/core/search/postings.js';
import { deserialise, serialise, type BuiltIndex } from '../../../src/core/search/serial.js';
import type { Document } from '../../../src/core/document/types.js';
import { interviewDocument, syntheticDocument } from '../../helpers/documents.js';

function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function built(doc: Document): BuiltIndex {
  const corpus = finish(buildCorpus(doc, { folded: 0, total: 0 }));
  return { corpus, postings: finish(buildPostings(corpus)) };
}

const plain = (hits: ReturnType<ReturnType<typeof createSearchIndex>['search']>) => hits.map((hit) => ({ ...hit, matches: hit.matches }));

describe('serialise and deserialise', () => {
  it('answer every kind of query as the document itself does', () => {
    for (const doc of [interviewDocument(), syntheticDocument(3, 40)]) {
      const again = deserialise(serialise(built(doc)));
      const fresh = createSearchIndex(doc);
      const cached = createSearchIndex(again);
      const words = doc.sections.flatMap((s) => s.paragraphs).map((p) => p.text.slice(2, 6));
      for (const query of [...words.slice(0, 5), 'zhongguo', 'AI', '“', 'xyzzy 没有', doc.title]) {
        expect(plain(cached.search(query)), query).toEqual(plain(fresh.search(query)));
      }
      expect(again.corpus.paragraphs.length).toBe(built(doc).corpus.paragraphs.length);
      expect(again.postings?.counts).toEqual(built(doc).postings?.counts);
    }
  });

  it('keep speakers, headings and the way back to text whose folding moved code units', () => {
    const doc = interviewDocument();
    const original = built(doc).corpus;
    const again = deserialise(serialise(built(doc))).corpus;
    expect(again.headings).toBe(original.headings);
    expect([...again.maps.keys()]).toEqual([...original.maps.keys()]);
    for (let p = 0; p < original.paragraphs.length; p++) {
      const { id, section, index, kind, speaker, text } = original.paragraphs[p]!;
      expect(again.paragraphs[p]).toMatchObject({ id, section, index, kind, text, ...(speaker === undefined ? {} : { speaker }) });
      expect(again.paragraphs[p]!.speaker).toBe(speaker);
    }
  });

  it('refuse bytes cut short, with trailing bytes, or with a length changed', () => {
    const bytes = serialise(built(syntheticDocument(2, 10)));
    expect(() => deserialise(bytes.subarray(0, bytes.length - 8))).toThrow();
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => deserialise(longer)).toThrow();
    // The first section is the meta: its length now runs past the end.
    const changed = bytes.slice();
    new DataView(changed.buffer).setUint32(0, bytes.length, true);
    expect(() => deserialise(changed)).toThrow();
    expect(() => deserialise(new Uint8Array(0))).toThrow();
  });
});
