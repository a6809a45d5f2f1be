/**
 * Which terms need the converters: a term none of whose characters starts a dictionary entry is left
 * as it is by every converter, so its search does without them (and never waits for them).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildConverters, convertibleStarts, needsConverters, simplifiedVariants, type Convert } from '../../../src/core/search/traditional.js';
import type { Steps } from '../../../src/core/search/steps.js';
import { REPO_ROOT } from '../../helpers/terminal.js';

const run = <T,>(steps: Steps<T>): T => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

let starts: ReadonlySet<number>;
let converters: Convert[];
beforeAll(() => {
  starts = run(convertibleStarts());
  converters = run(buildConverters());
});

const interview = readFileSync(join(REPO_ROOT, 'content', 'interview.txt'), 'utf8');
// Characters of the text, traditional ones, and any of the CJK block.
const pool = [...new Set([...interview].filter((char) => /\p{Script=Han}/u.test(char)))].concat([...'筆電積體電路產業軟體資訊網路記憶體晶片視訊後臺']);
const char = fc.oneof(
  fc.constantFrom(...pool),
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCodePoint(code)),
);

it('leaves out only terms that no converter changes', () => {
  fc.assert(
    fc.property(fc.array(char, { minLength: 1, maxLength: 6 }), (chars) => {
      const term = chars.join('');
      if (!needsConverters(term, starts)) expect(simplifiedVariants(term, converters)).toEqual([]);
    }),
    { numRuns: 3000 },
  );
});

it('needs the converters for traditional terms, not for many simplified ones', () => {
  for (const term of ['筆電', '積體電路', '軟體', '產業']) expect(needsConverters(term, starts)).toBe(true);
  for (const term of ['电', '笔电', '电路']) expect(needsConverters(term, starts)).toBe(false);
  expect(simplifiedVariants('筆電', converters)).toContain('笔电');
});
