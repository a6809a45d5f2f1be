/**
 * The terminal session on fake streams: the modes it switches and in which order, the signals it
 * takes and gives back, suspend and resume (the process is not really stopped here: `stop` is
 * recorded), and the keys it hands Ink. test/e2e/suspend.test.ts does the same to a real process in a
 * real pseudo-terminal.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENDING_SIGNALS, TerminalSession, type SessionEnd } from '../../src/terminal/session.js';

class FakeInput extends EventEmitter {
  readonly isTTY = true;
  readonly rawModes: boolean[] = [];
  paused = true;
  setRawMode(mode: boolean): this {
    this.rawModes.push(mode);
    return this;
  }
  resume(): this {
    this.paused = false;
    return this;
  }
  pause(): this {
    this.paused = true;
    return this;
  }
}

class FakeOutput extends EventEmitter {
  readonly isTTY = true;
  columns = 80;
  rows = 24;
  written = '';
  write(chunk: string): boolean {
    this.written += chunk;
    return true;
  }
}

const ENTER = '\u001b[?1049h\u001b[?25l\u001b[?2004h';
const LEAVE = '\u001b[?2004l\u001b[?25h\u001b[?1049l';
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let sessions: TerminalSession[] = [];
afterEach(() => {
  for (const session of sessions) session.close();
  sessions = [];
});

function open(foreground: () => boolean = () => true) {
  const input = new FakeInput();
  const output = new FakeOutput();
  let stops = 0;
  const session = new TerminalSession({
    input: input as unknown as NodeJS.ReadStream,
    output: output as unknown as NodeJS.WriteStream,
    stop: () => stops++,
    foreground,
  });
  sessions.push(session);
  const listeners = (signal: NodeJS.Signals): number => process.listenerCount(signal);
  const before = Object.fromEntries([...ENDING_SIGNALS, 'SIGTSTP', 'SIGCONT'].map((signal) => [signal, listeners(signal as NodeJS.Signals)]));
  session.open();
  return { input, output, session, stops: () => stops, before, listeners };
}

describe('TerminalSession', () => {
  it('takes the terminal (raw mode, alternate screen, cursor hidden, paste mode) and gives it all back once', () => {
    const { input, output, session, before, listeners } = open();
    expect(input.rawModes).toEqual([true]);
    expect(output.written).toBe(ENTER);
    for (const signal of [...ENDING_SIGNALS, 'SIGTSTP', 'SIGCONT'] as const) expect(listeners(signal)).toBe(before[signal]! + 1);
    session.close();
    session.close();
    expect(input.rawModes).toEqual([true, false]);
    expect(output.written).toBe(ENTER + LEAVE);
    for (const signal of [...ENDING_SIGNALS, 'SIGTSTP', 'SIGCONT'] as const) expect(listeners(signal)).toBe(before[signal]!);
  });

  it('hands every ending signal to its end handler with the exit status it stands for', () => {
    const { session } = open();
    const ends: SessionEnd[] = [];
    session.onEnd((end) => ends.push(end));
    for (const signal of ENDING_SIGNALS) process.emit(signal, signal);
    expect(ends).toEqual([
      { signal: 'SIGINT', code: 130 },
      { signal: 'SIGTERM', code: 143 },
      { signal: 'SIGHUP', code: 129 },
      { signal: 'SIGQUIT', code: 131 },
    ]);
  });

  it('suspends: the terminal back to cooked mode and the main screen before stopping; SIGCONT takes it again and redraws at the new size', async () => {
    const { input, output, session, stops } = open();
    session.draw({ lines: [[{ text: '第一行' }]] });
    session.suspend();
    expect(stops()).toBe(1);
    expect(input.rawModes).toEqual([true, false]);
    expect(input.paused).toBe(true);
    expect(output.written.endsWith(LEAVE)).toBe(true);
    // Resized while stopped.
    output.columns = 60;
    const written = output.written.length;
    process.emit('SIGCONT', 'SIGCONT');
    await vi.waitFor(() => expect(input.rawModes).toEqual([true, false, true]), { timeout: 10_000 });
    expect(input.paused).toBe(false);
    expect(session.getSize()).toEqual({ columns: 60, rows: 24 });
    const resumed = output.written.slice(written);
    expect(resumed.startsWith(ENTER)).toBe(true);
    // Redrawn in full: the alternate screen is blank when entered again.
    expect(resumed).toContain('第一行');
  });

  for (const order of [
    ['SIGTERM', 'SIGCONT'],
    ['SIGCONT', 'SIGTERM'],
  ] as const) {
    it(`a SIGTERM that finds the reader stopped ends it without touching the terminal, the SIGCONT sent with it coming ${order[0] === 'SIGCONT' ? 'first' : 'after'}`, async () => {
      const { input, output, session } = open();
      let ended = false;
      session.onEnd(() => {
        ended = true;
        session.close();
      });
      session.suspend();
      const written = output.written.length;
      process.emit(order[0], order[0]);
      await turn();
      process.emit(order[1], order[1]);
      await vi.waitFor(() => expect(ended).toBe(true), { timeout: 10_000 });
      // Closed now: no timer is left to take the terminal back later.
      expect(output.written.length).toBe(written);
      expect(input.rawModes).toEqual([true, false]);
    });
  }

  it('continued in the background (`bg`) it leaves the terminal to the shell, and takes it back at `fg`', async () => {
    let foreground = false;
    let asked = 0;
    const { input, output, session } = open(() => {
      asked++;
      return foreground;
    });
    session.draw({ lines: [[{ text: '第一行' }]] });
    session.suspend();
    const written = output.written.length;
    process.emit('SIGCONT', 'SIGCONT');
    await vi.waitFor(() => expect(asked).toBe(1), { timeout: 10_000 });
    expect(output.written.length).toBe(written);
    expect(input.rawModes).toEqual([true, false]);
    expect(input.paused).toBe(true);
    foreground = true;
    process.emit('SIGCONT', 'SIGCONT');
    await vi.waitFor(() => expect(input.rawModes).toEqual([true, false, true]), { timeout: 10_000 });
    expect(output.written.slice(written)).toContain('第一行');
  });

  it('Ctrl-Z from the keyboard is a key like any other: the session hands every byte to Ink', async () => {
    const { input, session } = open();
    const received: string[] = [];
    session.keys.setEncoding('utf8');
    session.keys.on('data', (chunk: string) => received.push(chunk));
    input.emit('data', Buffer.from('j\u001a'));
    await turn();
    expect(received.join('')).toBe('j\u001a');
  });
});
