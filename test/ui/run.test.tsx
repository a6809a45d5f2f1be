import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/document/types.js';
import { TerminalSession } from '../../src/terminal/session.js';
import { runReader } from '../../src/ui/run.js';
import { interviewDocument } from '../helpers/documents.js';
import { until } from './render.js';

/** A terminal's input side: raw-mode calls are recorded; `type` delivers keys as a terminal would. */
class FakeInput extends EventEmitter {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  type(data: string): void {
    this.emit('data', Buffer.from(data));
  }
}

/** A terminal's output side of 80x24 that keeps everything written to it. */
class FakeOutput extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 80;
  readonly rows = 24;
  written = '';
  write(chunk: string): boolean {
    this.written += chunk;
    return true;
  }
}

const ENTER = '\u001b[?1049h\u001b[?25l\u001b[?2004h';
const RESTORE = '\u001b[?2004l\u001b[?25h\u001b[?1049l';
const open = () => {
  const input = new FakeInput();
  const output = new FakeOutput();
  const session = new TerminalSession({ input: input as unknown as NodeJS.ReadStream, output: output as unknown as NodeJS.WriteStream });
  session.open();
  return { input, output, session };
};

describe('runReader', () => {
  it('draws through the session and on q turns raw mode off and restores paste mode, cursor and main screen', async () => {
    const { input, output, session } = open();
    const done = runReader({ doc: interviewDocument(), session });
    await until(() => output.written.includes('重庆日报'), 'the first frame');
    expect(output.written.startsWith(ENTER)).toBe(true);
    expect(input.rawModes).toEqual([true]);
    input.type('q');
    await expect(done).resolves.toBe(0);
    expect(input.rawModes).toEqual([true, false]);
    expect(output.written.endsWith(RESTORE)).toBe(true);
  });

  it('restores the terminal before passing on an error that broke rendering', async () => {
    const { input, output, session } = open();
    const broken = { ...interviewDocument(), sections: undefined } as unknown as Document;
    await expect(runReader({ doc: broken, session })).rejects.toThrow();
    expect(input.rawModes.at(-1)).toBe(false);
    expect(output.written.startsWith(ENTER)).toBe(true);
    expect(output.written.endsWith(RESTORE)).toBe(true);
  });
});
