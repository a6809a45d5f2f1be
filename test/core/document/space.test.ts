import { describe, expect, it } from 'vitest';
import { isSpace } from '../../../src/core/document/space.js';

describe('isSpace', () => {
  it('is what \\s and trim see, for every code unit', () => {
    const differ: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (isSpace(code) !== /\s/u.test(char) || isSpace(code) !== (char.trim() === '')) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});
