import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citation, citationParts } from '../../../src/core/document/cite.js';
import { allParagraphs, findParagraph } from '../../../src/core/document/paragraphs.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import { resolveRef } from '../../../src/core/document/refs.js';
import type { Document, Paragraph } from '../../../src/core/document/types.js';

const INTERVIEW = readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8');
const doc = parseDocument(INTERVIEW);

function paragraph(d: Document, ref: string): Paragraph {
  const found = findParagraph(d, ref);
  if (!found) throw new Error(`no ${ref}`);
  return found;
}

/** Positions of `parts` in `text`, asserting each is present. */
function positions(text: string, parts: string[]): number[] {
  return parts.map((part) => {
    const at = text.indexOf(part);
    expect(at, `${part} in ${text}`).toBeGreaterThanOrEqual(0);
    return at;
  });
}

describe('citation', () => {
  it('quotes s2p3 and attributes it: speaker, title, date, section with heading, paragraph, ref, in that order', () => {
    const p = paragraph(doc, 's2p3');
    const lines = citation(doc, p).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`> ${p.text}`);
    const attribution = lines[1] ?? '';
    expect(attribution.startsWith('—— ')).toBe(true);
    const heading = doc.sections[1]?.title ?? '';
    const at = positions(attribution, ['刘忠', `《${doc.title}》`, '2020-05-22', `第2节「${heading}」`, '第3段', '(s2p3)']);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(attribution.endsWith('(s2p3)')).toBe(true);
  });

  it('names the interviewer for a question and the lead for a lead paragraph, which has no speaker', () => {
    expect(citationParts(doc, paragraph(doc, 's1p1')).attribution).toMatch(/^—— 重庆日报，/);
    const lead = citationParts(doc, paragraph(doc, 's0p1')).attribution;
    expect(lead).toMatch(/^—— 《/);
    expect(lead).toContain('导语第1段');
    expect(lead).not.toContain('第0节');
  });

  it('every paragraph of the interview cites back to itself through the reference it ends with', () => {
    for (const p of allParagraphs(doc)) {
      const { quote, attribution } = citationParts(doc, p);
      expect(quote).toBe(p.text);
      const ref = /\((s\d+p\d+)\)$/.exec(attribution)?.[1] ?? '';
      const found = resolveRef(doc, ref);
      expect(found.ok && found.paragraph).toBe(p);
      expect(attribution).not.toMatch(/，，|， \(|——，/);
    }
  });

  it('turns 《》 inside the title into 〈〉 so the title marks nest', () => {
    const d = parseDocument('读《论语》有感\n\n2020年5月22日\n\n学而时习之。\n\n第一节\n\n甲:问?\n\n乙:答。\n');
    const attribution = citationParts(d, paragraph(d, 's1p2')).attribution;
    expect(attribution).toContain('《读〈论语〉有感》');
    expect(attribution).toContain('2020-05-22');
  });

  it('leaves out what the document lacks: no date, no heading', () => {
    const d = parseDocument('读《论语》有感\n\n第一段。\n\n第二段。\n');
    const { attribution } = citationParts(d, paragraph(d, 's1p2'));
    expect(attribution).toMatch(/^—— 《读〈论语〉有感》，第2段 \(s1p2\)$/);
  });

  it('uses the dateline as written when it could not be read as a date', () => {
    const d: Document = { ...doc, dateline: { raw: '某年某月' } };
    expect(citationParts(d, paragraph(d, 's2p3')).attribution).toContain('，某年某月，');
  });
});
