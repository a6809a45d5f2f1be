import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFull } from '../../src/terminal/diff.js';
import { screenOf } from '../../src/terminal/screen.js';
import type { SpanRow } from '../../src/terminal/span.js';
import { BEGIN_SYNC, END_SYNC, ScreenWriter, type TerminalOutput } from '../../src/terminal/writer.js';
import { emulator, feed, links, openLink, screenText, snapshot } from '../helpers/emulator.js';
import { applyChange, changeArb, frameArb, plain } from './frames.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A terminal's output stream that records writes and, while `full`, reports that it cannot take more. */
class FakeOutput extends EventEmitter implements TerminalOutput {
  writes: string[] = [];
  full = false;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write(data: string): boolean {
    this.writes.push(data);
    return !this.full;
  }
  drain(): void {
    this.full = false;
    this.emit('drain');
  }
  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** A fresh terminal's cells after a full redraw of `frame`. */
async function redrawn(frame: readonly SpanRow[], columns: number, rows: number) {
  return snapshot(await redrawnTerminal(frame, columns, rows));
}

async function redrawnTerminal(frame: readonly SpanRow[], columns: number, rows: number, hyperlinks = false) {
  const term = emulator(columns, rows);
  await feed(term, renderFull(screenOf(frame, columns, rows, { hyperlinks })));
  return term;
}

const frame = (n: number): SpanRow[] =>
  Array.from({ length: 6 }, (_, y) => [{ text: '行'.repeat(y % 3) }, { text: `第${n + y}行`, style: { bold: true } }, { text: ` text ${n + y}` }]);

describe('ScreenWriter', () => {
  it('held (the reader suspended), writes nothing, even a frame already scheduled; released, draws the latest in full', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    writer.frame(frame(0));
    await tick();
    expect(out.writes).toHaveLength(1);
    writer.frame(frame(1));
    writer.hold();
    writer.frame(frame(2));
    await tick();
    expect(out.writes).toHaveLength(1);
    writer.release();
    await tick();
    expect(out.writes).toHaveLength(2);
    const term = emulator(30, 6);
    await feed(term, out.writes[1]!);
    expect(snapshot(term)).toEqual(await redrawn(frame(2), 30, 6));
  });

  it('on a pipe that cannot drain, writes only the first frame and, after drain, the latest', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    out.full = true;
    writer.frame(frame(0));
    await tick();
    expect(out.writes).toHaveLength(1);
    for (let n = 1; n < 50; n++) {
      writer.frame(frame(n));
      await tick();
    }
    expect(out.writes).toHaveLength(1);
    out.drain();
    await tick();
    expect(out.writes).toHaveLength(2);
    const term = emulator(30, 6);
    for (const data of out.writes) await feed(term, data);
    expect(snapshot(term)).toEqual(await redrawn(frame(49), 30, 6));
    writer.close();
  });

  it('writes frames rendered in one turn of the event loop as one update of the last', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    for (let n = 0; n < 5; n++) writer.frame(frame(n));
    await tick();
    expect(out.writes).toHaveLength(1);
    writer.frame(frame(5));
    writer.frame(frame(6));
    await tick();
    expect(out.writes).toHaveLength(2);
    const term = emulator(30, 6);
    for (const data of out.writes) await feed(term, data);
    expect(snapshot(term)).toEqual(await redrawn(frame(6), 30, 6));
    writer.close();
  });

  it('with firstFrameAtOnce, writes the first frame at once and merges later frames of one turn as usual', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out, { firstFrameAtOnce: true });
    writer.frame(frame(0));
    expect(out.writes).toHaveLength(1);
    for (let n = 1; n < 4; n++) writer.frame(frame(n));
    expect(out.writes).toHaveLength(1);
    await tick();
    expect(out.writes).toHaveLength(2);
    const term = emulator(30, 6);
    for (const data of out.writes) await feed(term, data);
    expect(snapshot(term)).toEqual(await redrawn(frame(3), 30, 6));
    writer.close();
  });

  it('wraps each update in synchronized output and writes nothing for an unchanged frame', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    writer.frame(frame(0));
    await tick();
    writer.frame(frame(0));
    await tick();
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]!.startsWith(BEGIN_SYNC) && out.writes[0]!.endsWith(END_SYNC)).toBe(true);
    writer.close();
  });

  it('redraws the latest frame in full after a resize, and on request', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    writer.frame(frame(0));
    await tick();
    out.resize(20, 4);
    await tick();
    expect(out.writes).toHaveLength(2);
    expect(out.writes[1]).toContain('\u001b[2J');
    const term = emulator(30, 6);
    await feed(term, out.writes[0]!);
    term.resize(20, 4);
    await feed(term, out.writes[1]!);
    expect(snapshot(term)).toEqual(await redrawn(frame(0), 20, 4));
    writer.redraw();
    await tick();
    expect(out.writes[2]).toContain('\u001b[2J');
    writer.close();
  });

  it('puts the cursor where it was asked for after every update, shown, and hides it again', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    const term = emulator(30, 6);
    const lastCursorMode = () => out.writes.join('').match(/\u001b\[\?25[hl](?!.*\u001b\[\?25[hl])/s)?.[0];
    const step = async (action: () => void) => {
      const before = out.writes.length;
      action();
      await tick();
      for (const data of out.writes.slice(before)) await feed(term, data);
    };
    await step(() => {
      writer.frame(frame(0));
      writer.cursor({ x: 3, y: 1 });
    });
    expect([term.buffer.active.cursorX, term.buffer.active.cursorY]).toEqual([3, 1]);
    expect(lastCursorMode()).toBe('\u001b[?25h');
    await step(() => writer.frame(frame(1)));
    expect([term.buffer.active.cursorX, term.buffer.active.cursorY]).toEqual([3, 1]);
    await step(() => writer.cursor({ x: 5, y: 2 }));
    expect([term.buffer.active.cursorX, term.buffer.active.cursorY]).toEqual([5, 2]);
    await step(() => writer.cursor(undefined));
    expect(lastCursorMode()).toBe('\u001b[?25l');
    expect(snapshot(term)).toEqual(await redrawn(frame(1), 30, 6));
    const count = out.writes.length;
    await step(() => writer.cursor(undefined));
    expect(out.writes).toHaveLength(count);
    writer.close();
  });

  it('leaves a hidden cursor top left, so a terminal made shorter cuts the bottom rows rather than scrolling', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    const term = emulator(30, 6);
    for (const n of [0, 1]) {
      writer.frame(frame(n));
      await tick();
      await feed(term, out.writes.at(-1)!);
      expect([term.buffer.active.cursorX, term.buffer.active.cursorY]).toEqual([0, 0]);
    }
    term.resize(30, 3);
    const rows = frame(1).map(plain);
    expect(screenText(term).map((row) => row.trimEnd())).toEqual(rows.slice(0, 3));
    writer.close();
  });

  it('writes nothing after close, not even a frame it was about to write', async () => {
    const out = new FakeOutput(30, 6);
    const writer = new ScreenWriter(out);
    writer.frame(frame(0));
    writer.close();
    await tick();
    writer.frame(frame(1));
    out.resize(10, 3);
    await tick();
    expect(out.writes).toEqual([]);
  });

  it('shows the latest frame, hyperlinks too, for any sequence of frames, stalls, drains and resizes', async () => {
    type Step = { kind: 'frame'; change: Parameters<typeof applyChange>[1] } | { kind: 'stall' } | { kind: 'drain' } | { kind: 'tick' };
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      { weight: 4, arbitrary: changeArb.map((change) => ({ kind: 'frame' as const, change })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'stall' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'drain' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
    );
    await fc.assert(
      fc.asyncProperty(frameArb(6), fc.array(stepArb, { minLength: 1, maxLength: 12 }), fc.boolean(), async (first, steps, hyperlinks) => {
        const out = new FakeOutput(24, 6);
        const term = emulator(24, 6);
        // The terminal reads what was written before each resize before it resizes.
        let read = 0;
        const catchUp = async () => {
          for (; read < out.writes.length; read++) {
            await feed(term, out.writes[read]!);
            // Each update leaves no hyperlink open.
            expect(openLink(term)).toBe('');
          }
        };
        const writer = new ScreenWriter(out, { hyperlinks });
        let lines = first;
        writer.frame(lines);
        for (const step of steps) {
          if (step.kind === 'stall') out.full = true;
          else if (step.kind === 'drain') out.drain();
          else if (step.kind === 'tick') await tick();
          else {
            const next = applyChange(lines, step.change);
            lines = next.lines;
            if (next.resized) {
              await catchUp();
              term.resize(next.resized.columns, next.resized.rows);
              out.resize(next.resized.columns, next.resized.rows);
            }
            writer.frame(lines);
          }
        }
        out.drain();
        await tick();
        await catchUp();
        writer.close();
        const fresh = await redrawnTerminal(lines, out.columns, out.rows, hyperlinks);
        expect(snapshot(term)).toEqual(snapshot(fresh));
        expect(links(term)).toEqual(links(fresh));
      }),
      { numRuns: 100 },
    );
  });
});
