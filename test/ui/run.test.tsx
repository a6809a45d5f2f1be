import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/document/types.js';
import { runReader } from '../../src/ui/run.js';
import { interviewDocument } from '../app/documents.js';

/** A terminal's input side: raw-mode calls are recorded; `type` delivers keys as a terminal would. */
class FakeInput extends EventEmitter {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];
  private queue: string[] = [];
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  read(): string | null {
    return this.queue.shift() ?? null;
  }
  type(data: string): void {
    this.queue.push(data);
    this.emit('readable');
  }
}

/** A terminal's output side of 80x24 that keeps everything written to it. */
class FakeOutput extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 80;
  readonly rows = 24;
  written = '';
  write(chunk: string, callback?: () => void): boolean {
    this.written += chunk;
    callback?.();
    return true;
  }
}

const ENTER = '\u001b[?1049h';
const RESTORE = '\u001b[?25h\u001b[?1049l';
const streams = () => {
  const stdin = new FakeInput();
  const stdout = new FakeOutput();
  return { stdin, stdout, io: { stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream } };
};
const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('runReader', () => {
  it('enters the alternate screen, and on q turns raw mode off and restores cursor and main screen', async () => {
    const { stdin, stdout, io } = streams();
    const done = runReader({ doc: interviewDocument(), ...io });
    await until(() => stdout.written.includes('? help') && stdin.listenerCount('readable') > 0);
    expect(stdout.written.startsWith(ENTER)).toBe(true);
    expect(stdin.rawModes).toContain(true);
    stdin.type('q');
    await expect(done).resolves.toBe(0);
    expect(stdin.rawModes.at(-1)).toBe(false);
    expect(stdout.written.endsWith(RESTORE)).toBe(true);
  });

  it('restores the terminal before passing on an error that broke rendering', async () => {
    const { stdin, stdout, io } = streams();
    const broken = { ...interviewDocument(), sections: undefined } as unknown as Document;
    await expect(runReader({ doc: broken, ...io })).rejects.toThrow();
    expect(stdin.rawModes.at(-1) ?? false).toBe(false);
    expect(stdout.written.startsWith(ENTER)).toBe(true);
    expect(stdout.written.endsWith(RESTORE)).toBe(true);
  });
});
