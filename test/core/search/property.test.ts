import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/parse.js';
import { createSearchIndex } from '../../../src/core/search/index.js';
import { expectValid } from '../../helpers/hits.js';
import { paragraphsDocument } from '../../helpers/documents.js';

const interview = parseDocument(readFileSync(new URL('../../../content/interview.txt', import.meta.url), 'utf8'));
const tricky = paragraphsDocument('𠀀集成电路𠀀', 'e\u0301cole FPGA ＦＰＧＡ', '👩‍💻智能工厂\u200b28家', '\ud800孤立代理', '“补链强链”、5G');

// Query pieces a user could type or paste: the document's own words, pinyin, specials, spaces, odd code units.
const piece = fc.oneof(
  fc.constantFrom('集成', '电路', '智能', '工厂', '重庆', '笔电', '電', '產業', 'FPGA', 'ｆｐｇａ', '5G', '28家', '40%', '“', '”', '、'),
  fc.constantFrom('ji', 'cheng', 'dian', 'lu', 'jcdl', 'chong', "'", 'x', 'q'),
  fc.constantFrom(' ', '\u3000', '\t', '!', '^', '=', '$', '|', '"', '.*', '(', '[', '\\', '?'),
  fc.constantFrom('\ud800', '\udc00', '𠀀', '👩‍💻', 'e\u0301', '\u200b', '\u0000', '\ufffd'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const query = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));

describe('any query', () => {
  it.each([
    ['the interview', interview],
    ['a document with surrogates, combining marks and zero-width characters', tricky],
  ])('on %s never throws and returns valid, ordered hits', (_, doc) => {
    const index = createSearchIndex(doc);
    fc.assert(
      fc.property(query, (q) => {
        expectValid(index.search(q));
      }),
      { numRuns: 300 },
    );
  });
});
