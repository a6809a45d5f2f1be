import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/cli/errors.js';
import { openingAnchor } from '../../src/cli/reader.js';
import type { StateRecord } from '../../src/storage/store.js';
import { interviewDocument } from '../helpers/documents.js';

const doc = interviewDocument();
const saved: StateRecord = { anchor: { block: 's1p4', offset: 12 }, marks: {}, updatedAt: '' };

describe('where the reader opens', () => {
  it.each([
    ['--at a paragraph', { at: 's2p3' }, { block: 's2p3', offset: 0 }],
    ['--at a section (its heading)', { at: 's3' }, { block: 's3', offset: 0 }],
    ['--at s0 (the top)', { at: 's0' }, { block: 'title', offset: 0 }],
    ['--at over --from-start', { at: 's2p1', fromStart: true }, { block: 's2p1', offset: 0 }],
    ['the saved place', {}, saved.anchor],
    ['--section (the reader goes there itself)', { section: 2 }, undefined],
    ['--from-start', { fromStart: true }, undefined],
  ] as const)('%s', (_name, options, expected) => {
    expect(openingAnchor(doc, options, saved)).toEqual(expected);
  });

  it('opens at the top when nothing was saved', () => {
    expect(openingAnchor(doc, {}, undefined)).toBeUndefined();
  });

  it.each(['s2p99', 's9', 's9p1'])('refuses %s with a usage error that says what exists', (at) => {
    let error: unknown;
    try {
      openingAnchor(doc, { at }, saved);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toMatch(/there is no (paragraph|section)/);
  });
});
