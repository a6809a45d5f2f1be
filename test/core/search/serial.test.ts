/**
 * A search index's built parts through bytes and back (serial.ts): the same answers as the index
 * built from the document, for every tier; and bytes that are not consistent are refused.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../src/core/search/corpus.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { buildPostings } from '../../../src/core/search/postings.js';
import { deserialise, PART, serialise, serialiseReadings, type BuiltIndex } from '../../../src/core/search/serial.js';
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

  it('refuse parts cut short, with trailing bytes, with a length changed, or missing', () => {
    const parts = serialise(built(syntheticDocument(2, 10)));
    expect(parts).toHaveLength(PART.postings + 1);
    const index = (changed: Uint8Array[]) => {
      // Parts read late are read by a search: every tier, so that every part is read.
      const { corpus, postings } = deserialise(changed);
      createSearchIndex({ corpus, postings: postings! }).search('第1章 xyzzy 没有');
      for (const paragraph of corpus.paragraphs) void paragraph.text;
      void corpus.maps;
      void postings?.counts;
    };
    expect(() => index(parts)).not.toThrow();
    for (let part = 0; part < parts.length; part++) {
      const bytes = parts[part]!;
      const cut = parts.slice();
      cut[part] = bytes.subarray(0, bytes.length - 8);
      expect(() => index(cut), `part ${part} cut`).toThrow();
      const longer = new Uint8Array(bytes.length + 4);
      longer.set(bytes);
      const trailing = parts.slice();
      trailing[part] = longer;
      expect(() => index(trailing), `part ${part} trailing`).toThrow();
      // The part's first section's length now runs past its end.
      const changed = bytes.slice();
      new DataView(changed.buffer).setUint32(0, bytes.length, true);
      const lengths = parts.slice();
      lengths[part] = changed;
      expect(() => index(lengths), `part ${part} length`).toThrow();
    }
    expect(() => deserialise(parts.slice(0, 3))).toThrow();
    expect(() => deserialise([])).toThrow();
  });

  it('read the text as written, the maps and the postings only when a search needs them', () => {
    const parts = serialise(built(interviewDocument()));
    const read = new Set<number>();
    const again = deserialise({
      count: parts.length,
      part: (part) => {
        read.add(part);
        return parts[part]!;
      },
    });
    const index = createSearchIndex(again);
    expect([...read].sort()).toEqual([PART.meta, PART.blocks]);
    expect(index.search('中国').length).toBeGreaterThan(0);
    expect(read.has(PART.text)).toBe(true);
    expect(read.has(PART.postings)).toBe(false);
    // Nothing found exactly: the phrase across punctuation and the near misses look in the postings.
    expect(index.search('没有的词语啊')).toEqual([]);
    expect(read.has(PART.postings)).toBe(true);
  });

  it('keep pinyin readings read in full, answering the same from them, and refuse readings that do not fit', () => {
    const doc = syntheticDocument(3, 40);
    const parts = serialise(built(doc));
    let read: readonly Uint16Array[] | undefined;
    const first = deserialise(parts);
    first.corpus.readings = { built: (ids) => (read = ids) };
    const queries = ['zhongguo', 'zg', 'shi', 'de'];
    const answers = queries.map((query) => plain(createSearchIndex(first).search(query)));
    expect(read).toBeDefined();
    const kept = [...parts, serialiseReadings(read!)];
    const again = deserialise(kept);
    expect(again.corpus.readings?.cached).toBeDefined();
    const index = createSearchIndex(again);
    queries.forEach((query, i) => expect(plain(index.search(query)), query).toEqual(answers[i]));
    // A reading cut short, or naming a syllable that is not one, is refused when it is read.
    const cut = kept.slice();
    cut[PART.pinyin] = kept[PART.pinyin]!.subarray(0, kept[PART.pinyin]!.length - 8);
    expect(() => createSearchIndex(deserialise(cut)).search('zhongguo')).toThrow();
    const names = kept.slice();
    const bytes = kept[PART.pinyin]!.slice();
    const json = new TextDecoder().decode(bytes.subarray(4, 4 + new DataView(bytes.buffer).getUint32(0, true)));
    bytes.set(new TextEncoder().encode(json.replace(/"[a-z]+"/, (name) => `"${'Z'.repeat(name.length - 2)}"`)), 4);
    names[PART.pinyin] = bytes;
    expect(() => createSearchIndex(deserialise(names)).search('zhongguo')).toThrow();
  });
});
