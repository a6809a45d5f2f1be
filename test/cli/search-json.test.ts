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

  it('writes a long paragraph and its many matches in pieces, never between the halves of a character', () => {
    // 𠀀 (two code units) straddles the first piece's end; 字 matches tens of thousands of times.
    const text = `${'字中'.repeat(32_767)}字𠀀${'中字'.repeat(20_000)}"\\`;
    const doc = parseDocument(`标题\n\n${text}\n\n短的字\n`);
    const hits = [...createSearchIndex(doc).searchRanked('字')];
    expect(hits.length).toBe(2);
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
  });

  it('writes an empty answer as an empty list', () => {
    expect(searchJson([])).toBe('[]\n');
  });
});
