import { Box, render, Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { FrameSink } from '../../src/terminal/sink.js';

function collect(columns = 20, rows = 4) {
  const frames: string[] = [];
  const controls: string[] = [];
  const sink = new FrameSink({ columns, rows, onFrame: (f) => frames.push(f), onControl: (c) => controls.push(c) });
  return { sink, frames, controls };
}

describe('FrameSink', () => {
  it('hands on frames whole, drops cursor and synchronized-output modes, passes other escape sequences on', () => {
    const { sink, frames, controls } = collect();
    sink.write('\u001b[1mtitle\u001b[22m\nline');
    sink.write('\u001b[?25l');
    sink.write('\u001b[?2026h');
    sink.write('');
    sink.write('\u001b[?2004h');
    sink.write('\u001b]52;c;aGk=\u0007\u001b[?25h\u001b[7mframe');
    expect(frames).toEqual(['\u001b[1mtitle\u001b[22m\nline', '\u001b[7mframe']);
    expect(controls).toEqual(['\u001b[?2004h', '\u001b]52;c;aGk=\u0007']);
  });

  it('looks like a terminal to Ink and tells it about a new size', async () => {
    const { sink, frames } = collect(20, 4);
    function Row({ n }: { n: number }) {
      return (
        <Box width={sink.columns} flexDirection="column">
          <Text bold>行{n}</Text>
          <Text>{'x'.repeat(sink.columns)}</Text>
        </Box>
      );
    }
    const app = render(<Row n={1} />, { stdout: sink, debug: true, interactive: true, exitOnCtrlC: false, patchConsole: false });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
    await settle();
    const start = frames.length;
    app.rerender(<Row n={2} />);
    // Unthrottled: every render is a frame at once.
    expect(frames.slice(start)).toHaveLength(1);
    expect(frames.at(-1)).toContain('行2');
    sink.resize(12, 4);
    app.rerender(<Row n={3} />);
    expect(frames.at(-1)?.split('\n')[1]).toBe('x'.repeat(12));
    app.unmount();
  });
});
