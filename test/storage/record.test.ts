import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyUpdate, documentKey, parseRecord, serializeRecord, sha256Utf8, type StateRecord, type StateUpdate } from '../../src/storage/record.js';

const NOW = new Date('2024-03-01T12:00:00.000Z');
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
const anchor = fc.record({ block: fc.stringMatching(/^[a-z0-9-]{1,20}$/), offset: fc.integer({ min: -1, max: 1_000_000 }) });
const record: fc.Arbitrary<StateRecord> = fc.record(
  {
    anchor,
    marks: fc.dictionary(letter, anchor),
    measure: fc.integer({ min: 0, max: 10_000 }),
    indent: fc.boolean(),
    updatedAt: fc.constant(NOW.toISOString()),
  },
  { requiredKeys: ['marks', 'updatedAt'] },
);

describe('documentKey', () => {
  it('depends on the text only: the same text gives the same 32-hex key, another text another', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(documentKey(a)).toMatch(/^[0-9a-f]{32}$/);
        expect(documentKey(a)).toBe(documentKey(`${a}`));
        if (a !== b) expect(documentKey(a)).not.toBe(documentKey(b));
      }),
    );
  });

  it('is the SHA-256 prefix of the UTF-8 text, so records saved before keep resolving, whatever was keyed last', () => {
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { minLength: 1, maxLength: 6 }), (texts) => {
        // Each text keyed twice in a row and again after the others: the kept answer never leaks to another text.
        for (const text of [...texts, ...texts.toReversed()]) {
          expect(documentKey(text)).toBe(sha(text));
          expect(documentKey(text)).toBe(sha(text));
        }
      }),
    );
  });
});

describe('sha256Utf8', () => {
  const whole = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const PIECE = 64 * 1024;
  // Texts longer than a piece, with what is written around its ends: a pair split by the cut, a lone
  // half of one (encoded as U+FFFD either way), ASCII and Chinese.
  const around = fc.constantFrom('😀', '\ud83d', '\ude00', '\ud83d\ud83d', 'a', '字', '\n', '');
  it('hashes a long text in pieces to the bytes of the whole text as UTF-8, wherever a piece ends', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 3 }), around, around, around, (shift, pieces, before, at, after) => {
        const fill = '重庆'.repeat(PIECE);
        const cut = pieces * PIECE + shift;
        const text = fill.slice(0, cut - before.length) + before + at + after + fill.slice(0, PIECE / 2);
        expect(sha256Utf8(text)).toBe(whole(text));
      }),
      { numRuns: 60 },
    );
  });

  it('is the hash of the text itself when short', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(sha256Utf8(text)).toBe(whole(text));
      }),
    );
  });
});

describe('parseRecord / serializeRecord', () => {
  it('read back what they write', () => {
    fc.assert(
      fc.property(record, (r) => {
        const parsed = parseRecord(serializeRecord(r));
        expect(parsed).toEqual({ ok: true, record: r });
      }),
    );
  });

  it('write one versioned JSON object ending in a newline', () => {
    const text = serializeRecord({ marks: {}, updatedAt: NOW.toISOString() });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ version: 1 });
  });

  it.each([['{"anchor": {"block": "s1p1", "offset": 3}'], ['not json'], [''], ['null'], ['[]'], ['"text"'], ['42']])(
    'refuse %j with a reason',
    (text) => {
      const parsed = parseRecord(text);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.reason).toMatch(/^(is not valid JSON|does not hold a record)$/);
    },
  );

  it('drop each field of the wrong shape and keep the rest', () => {
    const good = { block: 's2p3', offset: 7 };
    const parsed = parseRecord(
      JSON.stringify({
        anchor: { block: 's1p1', offset: 1.5 },
        marks: { a: good, ab: good, '1': good, b: { block: '\u001b[2J', offset: 0 }, c: { block: 's1', offset: -2 }, d: 'x', e: good },
        measure: -1,
        indent: 'yes',
        updatedAt: 5,
      }),
    );
    expect(parsed).toEqual({ ok: true, record: { marks: { a: good, e: good }, updatedAt: '' } });
  });
});

describe('applyUpdate', () => {
  it('changes only the fields an update carries, stamps the time, and adds or removes marks by letter', () => {
    fc.assert(
      fc.property(fc.option(record, { nil: undefined }), fc.dictionary(letter, fc.option(anchor, { nil: null })), fc.boolean(), (base, marks, withAnchor) => {
        const update: StateUpdate = withAnchor ? { anchor: { block: 'new', offset: 1 }, marks } : { marks };
        const next = applyUpdate(base, update, NOW);
        expect(next.updatedAt).toBe(NOW.toISOString());
        expect(next.anchor).toEqual(withAnchor ? { block: 'new', offset: 1 } : base?.anchor);
        expect(next.measure).toBe(base?.measure);
        expect(next.indent).toBe(base?.indent);
        for (const l of new Set([...Object.keys(base?.marks ?? {}), ...Object.keys(marks)])) {
          const expected = l in marks ? (marks[l] ?? undefined) : base?.marks[l];
          expect(next.marks[l]).toEqual(expected);
        }
      }),
    );
  });

  it('merges marks from two writers in either order when they set different letters', () => {
    fc.assert(
      fc.property(record, fc.dictionary(fc.constantFrom(...'abcdefghijklm'), anchor), fc.dictionary(fc.constantFrom(...'nopqrstuvwxyz'), anchor), (base, one, two) => {
        const ab = applyUpdate(applyUpdate(base, { marks: one }, NOW), { marks: two }, NOW);
        const ba = applyUpdate(applyUpdate(base, { marks: two }, NOW), { marks: one }, NOW);
        expect(ab.marks).toEqual(ba.marks);
        for (const [l, a] of Object.entries({ ...one, ...two })) expect(ab.marks[l]).toEqual(a);
      }),
    );
  });

  it('ignores invalid parts of an update', () => {
    const base: StateRecord = { marks: { a: { block: 's1p1', offset: 0 } }, measure: 40, updatedAt: '' };
    const next = applyUpdate(base, { marks: { '?': { block: 's1p2', offset: 0 } }, measure: -5, anchor: { block: '', offset: 0 } }, NOW);
    expect(next).toEqual({ ...base, updatedAt: NOW.toISOString() });
  });
});

describe('the display settings of a record', () => {
  it('keep spacing and script, and drop values of the wrong kind', () => {
    const record = applyUpdate(undefined, { spacing: 0, script: 'traditional-tw' }, new Date(0));
    const read = parseRecord(serializeRecord(record));
    expect(read.ok && read.record.spacing).toBe(0);
    expect(read.ok && read.record.script).toBe('traditional-tw');
    const bad = parseRecord(JSON.stringify({ marks: {}, spacing: 2, script: 'klingon' }));
    expect(bad.ok && bad.record.spacing).toBeUndefined();
    expect(bad.ok && bad.record.script).toBeUndefined();
  });
});
