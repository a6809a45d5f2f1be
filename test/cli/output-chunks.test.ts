import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK, Chunks } from '../../src/cli/chunks.js';
import { writeAll } from '../../src/cli/streams.js';

describe('Chunks: output gathered into pieces of about CHUNK code units', () => {
  it('hands on a chunk once full, and the rest on take, with nothing lost or reordered (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 50 }), (texts, limit) => {
        const chunks = new Chunks(limit);
        const out: string[] = [];
        for (const text of texts) {
          const full = chunks.add(text);
          if (full !== undefined) {
            expect(full.length).toBeGreaterThanOrEqual(limit);
            out.push(full);
          }
        }
        out.push(chunks.take());
        expect(out.join('')).toBe(texts.join(''));
      }),
    );
  });

  it('keeps lone surrogates and long pieces exactly', () => {
    const chunks = new Chunks();
    const long = '字'.repeat(3 * CHUNK);
    expect(chunks.add('\ud800a')).toBeUndefined();
    expect(chunks.add(long)).toBe(`\ud800a${long}`);
    expect(chunks.take()).toBe('');
  });
});

/** A stream that takes one write and then asks to wait until `release()` (a slow reader downstream). */
function slowStream(): { stream: Writable; written: string[]; release(): void } {
  const written: string[] = [];
  let pending: (() => void) | undefined;
  const stream = new Writable({
    highWaterMark: 1,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      written.push(chunk);
      pending = callback;
    },
  });
  return {
    stream,
    written,
    release() {
      const callback = pending;
      pending = undefined;
      callback?.();
    },
  };
}

describe('writeAll: waits for a slow reader instead of queueing everything', () => {
  it('takes the next piece only once the stream has drained', async () => {
    const { stream, written, release } = slowStream();
    let made = 0;
    const pieces = function* (): Generator<string> {
      for (let i = 0; i < 5; i++) {
        made++;
        yield `piece ${i}\n`;
      }
    };
    const done = writeAll(stream, pieces());
    await new Promise((resolve) => setImmediate(resolve));
    // The first write filled the stream: no second piece is made while it waits.
    expect(made).toBe(1);
    expect(written).toEqual(['piece 0\n']);
    for (let i = 1; i <= 5; i++) {
      release();
      await new Promise((resolve) => setImmediate(resolve));
      expect(made).toBe(Math.min(5, i + 1));
    }
    await done;
    expect(written.join('')).toBe('piece 0\npiece 1\npiece 2\npiece 3\npiece 4\n');
  });

  it('ends when the stream closes while it waits', async () => {
    const { stream } = slowStream();
    const done = writeAll(stream, ['a', 'b', 'c']);
    stream.destroy();
    await expect(done).resolves.toBeUndefined();
  });
});
