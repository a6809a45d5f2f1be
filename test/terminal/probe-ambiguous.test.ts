/**
 * The ambiguous-width probe's answer and its timeout, with streams standing in for the terminal and
 * faked timers (no waiting on the clock).
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeAmbiguousWidth } from '../../src/terminal/probe-ambiguous.js';

function streams() {
  const input = new PassThrough() as unknown as NodeJS.ReadStream;
  const written: string[] = [];
  const output = { write: (data: string) => written.push(data) } as unknown as NodeJS.WriteStream;
  return { input, output, written };
}

const settled = <T>(promise: Promise<T>) => {
  const state: { done: boolean; value?: T } = { done: false };
  void promise.then((value) => Object.assign(state, { done: true, value }));
  return state;
};

describe('probeAmbiguousWidth', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads the width from the two cursor reports', async () => {
    const { input, output, written } = streams();
    const answer = probeAmbiguousWidth({ input, output }, 100);
    expect(written.join('')).toContain('\u201c');
    (input as unknown as PassThrough).write('\u001b[3;1R\u001b[3;3R');
    expect(await answer).toBe(2);
  });

  it('takes an answer that came while the reader was busy past the timeout (one turn after the timer)', async () => {
    vi.useFakeTimers();
    const { input, output } = streams();
    const result = settled(probeAmbiguousWidth({ input, output }, 100));
    // The timer fires, as it would when the first frame took longer than the timeout to build…
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    expect(result.done).toBe(false);
    // …and the answer, already there, is read before the turn after the timer ends.
    (input as unknown as PassThrough).write('\u001b[3;1R\u001b[3;2R');
    await vi.waitFor(() => expect(result.done).toBe(true));
    expect(result.value).toBe(1);
  });

  it('gives up one turn after the timer when nothing answers', async () => {
    vi.useFakeTimers();
    const { input, output } = streams();
    const result = settled(probeAmbiguousWidth({ input, output }, 100));
    vi.advanceTimersByTime(100);
    await Promise.resolve();
    expect(result.done).toBe(false);
    vi.runAllTimers();
    await vi.waitFor(() => expect(result.done).toBe(true));
    expect(result.value).toBeUndefined();
  });
});
