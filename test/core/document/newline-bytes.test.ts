import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseNewlineBytes } from '../../../src/core/document/decode.js';

/** CRLF and lone CR as LF, as a string replacement does it. */
function expected(bytes: Uint8Array): number[] {
  return [...Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\r\n?/g, '\n'), 'latin1')];
}

describe('normaliseNewlineBytes', () => {
  it('turns CRLF and lone CR into LF in place, for runs of any length between them', () => {
    const run = fc.oneof(fc.constantFrom(0x0d, 0x0a), fc.integer({ min: 0, max: 255 }));
    const longRun = fc.array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 30, maxLength: 200 });
    const bytes = fc.array(fc.oneof(run.map((b) => [b]), longRun, fc.constant([0x0d, 0x0a])), { maxLength: 40 }).map((parts) => Uint8Array.from(parts.flat()));
    fc.assert(
      fc.property(bytes, (input) => {
        const want = expected(input);
        expect([...normaliseNewlineBytes(Uint8Array.from(input))]).toEqual(want);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives bytes without a CR back as they are', () => {
    const bytes = Uint8Array.from([0x61, 0x0a, 0x62]);
    expect(normaliseNewlineBytes(bytes)).toBe(bytes);
  });
});
