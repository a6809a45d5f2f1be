import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lineText } from '../../src/ui/text.js';
import { parseDocument } from '../../src/core/document/parse.js';
import { createSearchIndex } from '../../src/core/search/index.js';
import { resultsLines } from '../../src/ui/rows/results.js';
import { createTheme } from '../../src/ui/theme.js';

const doc = parseDocument(readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8'));
const index = createSearchIndex(doc);
// The rows' text, without the chosen row's attributes, which are drawn even without colour.
const lines = (query: string): string[] =>
  resultsLines({ hits: index.search(query), selected: 0, query, searching: false, hints: [], width: 80, height: 4, theme: createTheme(false), ambiguousWidth: 1 }).map(lineText);

describe('the results list', () => {
  it('says a heading is one, and a title is the title, instead of naming the lead', () => {
    const [heading, paragraph] = lines('数字化车间');
    expect(heading).toMatch(/^> 1 标题 +累计建成数字化车间/);
    expect(paragraph).toMatch(/^ {2}1 累计建成/);
    expect(lines('对话')[0]).toMatch(/^> 标题 +.*对话/);
    expect(lines('重庆日报消息')[0]).toMatch(/^> 导语 /);
  });
});
