/**
 * The first frame's hold on the terminal: its signal handlers are in place before it puts the terminal
 * in raw mode (a signal without a handler kills the process where it stands, leaving the terminal raw),
 * and gone once the reader takes over.
 */
import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import { drawFirstFrame } from '../../src/ui/first-frame.js';
import { interviewDocument } from '../app/documents.js';

const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;
const handlers = (): number[] => SIGNALS.map((signal) => process.listenerCount(signal));

it('handles signals before raw mode is on and until it is released', () => {
  const before = handlers();
  const atRawMode: number[][] = [];
  const stdin = Object.assign(new EventEmitter(), { isTTY: true, setRawMode: () => atRawMode.push(handlers()) });
  const written: string[] = [];
  const stdout = Object.assign(new EventEmitter(), { isTTY: true, columns: 80, rows: 24, write: (data: string) => written.push(data) > 0 });
  const frame = drawFirstFrame({
    doc: interviewDocument(),
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    ambiguousWidth: 1,
    color: true,
    initial: {},
  });
  expect(frame).toBeDefined();
  expect(atRawMode).toEqual([before.map((count) => count + 1)]);
  expect(written.join('')).toContain('重庆市经信委');
  frame!.writer.close();
  frame!.release();
  expect(handlers()).toEqual(before);
});
