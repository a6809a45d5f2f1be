import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { createSearchIndex } from '../../../src/core/search/index.js';

interface Query {
  category: string;
  query: string;
  expect: string | null;
}

const root = new URL('../../../', import.meta.url);
const fixture = JSON.parse(readFileSync(new URL('test/fixtures/search-queries.json', root), 'utf8')) as { document: string; queries: Query[] };
const doc = parseDocument(readFileSync(new URL(fixture.document, root), 'utf8'));
const index = createSearchIndex(doc);
const positives = fixture.queries.filter((q) => q.expect !== null);
const negatives = fixture.queries.filter((q) => q.expect === null);

describe('query set on the interview', () => {
  it('has at least 60 queries over every category, all pointing at real paragraphs', () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(60);
    const categories = new Set(fixture.queries.map((q) => q.category));
    for (const category of ['exact', 'end-of-long-paragraph', 'typo', 'multi-term', 'multi-term-full-width', 'latin-number-full-width', 'traditional', 'pinyin', 'pinyin-spaced', 'initials', 'special-characters', 'negative', 'punctuation-free', 'heading', 'typo-three-characters', 'query-cleaning']) {
      expect(categories).toContain(category);
    }
    const ids = new Set([...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs)].map((p) => p.id));
    for (const heading of ['title', 'original-title', ...doc.sections.map((section) => `s${section.index}`)]) ids.add(heading);
    for (const q of positives) expect(ids).toContain(q.expect);
  });

  // Headings that match as well are listed first (rank.ts); the paragraph is the first after them.
  const firstParagraph = (query: string): string | undefined => index.search(query, { limit: 10 }).find((hit) => hit.kind === undefined)?.paragraphId;
  const firstHit = (query: string): string | undefined => index.search(query, { limit: 1 })[0]?.paragraphId;

  it('puts the expected paragraph first, after any heading that matches too, for at least 95% of the queries that have one', () => {
    const misses = positives.filter((q) => (q.expect!.startsWith('s') && /p\d+$/.test(q.expect!) ? firstParagraph(q.query) : firstHit(q.query)) !== q.expect);
    const hitAt1 = 1 - misses.length / positives.length;
    expect(hitAt1, `missed: ${misses.map((q) => `${q.category} ${q.query}`).join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it.each(negatives.map((q) => [q.category, q.query]))('%s query %j finds nothing', (_, query) => {
    expect(index.search(query)).toEqual([]);
  });
});
