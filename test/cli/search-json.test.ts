import { describe, expect, it } from 'vitest';
import { searchJson } from '../../src/cli/commands/search.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { createSearchIndex } from '../../src/core/search/index.js';

describe('search --json', () => {
  it('writes hit by hit the text JSON.stringify makes of all of them', () => {
    const doc = parseDocument('标题\n\n记者:第一段，"引号"与\\反斜杠。\n\n受访者:第二段，很短。\n\n第三段没有。\n');
    const hits = createSearchIndex(doc).search('段');
    expect(hits.length).toBeGreaterThan(1);
    const rows = hits.map((hit) => ({
      ref: hit.paragraphId,
      section: hit.section,
      sectionTitle: hit.sectionTitle,
      paragraph: hit.paragraph,
      kind: hit.kind ?? 'paragraph',
      speaker: hit.speaker ?? null,
      score: hit.score,
      tier: hit.tier,
      text: hit.text,
      matches: hit.matches,
    }));
    expect(searchJson(hits)).toBe(`${JSON.stringify(rows, null, 2)}\n`);
    expect(JSON.parse(searchJson(hits))).toEqual(rows);
  });

  it('writes an empty answer as an empty list', () => {
    expect(searchJson([])).toBe('[]\n');
  });
});
