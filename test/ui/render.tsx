/**
 * Mounts the reader's app with ink-testing-library and reads the frames it draws: keys go in through
 * Ink's real input path, and what the app hands the screen writer (its rows, its cursor) is read back.
 * No sleeps: after a key, the helper waits for the event loop to run what the key started, and an
 * Esc (which Ink tells from an escape sequence by a short timer) for the change it makes.
 */
import { render } from 'ink-testing-library';
import type { Document } from '../../src/core/document/types.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { App, type AppProps } from '../../src/ui/App.js';
import type { Frame, TerminalSize } from '../../src/terminal/session.js';
import { keys } from '../helpers/keys.js';
import type { SpanRow } from '../../src/terminal/span.js';
import type { Colour } from '../../src/terminal/style.js';
import { lineText } from '../../src/ui/text.js';


/** The named keys of the one key table (test/helpers/keys.ts), under the names these tests use. */
export const KEY = {
  down: keys.down,
  up: keys.up,
  pageDown: keys.pageDown,
  pageUp: keys.pageUp,
  home: keys.home,
  end: keys.end,
  tab: keys.tab,
  enter: keys.enter,
  escape: keys.esc,
  ctrlD: keys.ctrl('d'),
  ctrlU: keys.ctrl('u'),
  ctrlC: keys.ctrl('c'),
} as const;

/** The app's props but the terminal's: the size is given as numbers, frames are recorded. */
export type ReaderOptions = Omit<AppProps, 'doc' | 'size' | 'draw'>;

/** A turn of the event loop: what a key started (a render, its effects) has run. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Waits until `done` holds, a turn at a time, failing after a generous `timeout` with `what`. */
export async function until(done: () => boolean, what = 'a condition', timeout = 10_000): Promise<void> {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

class Size {
  private listeners = new Set<() => void>();
  constructor(private size: TerminalSize) {}
  getSize = (): TerminalSize => this.size;
  subscribeSize = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  set(size: TerminalSize): void {
    this.size = size;
    for (const listener of this.listeners) listener();
  }
}

export async function renderReader(doc: Document, props: ReaderOptions & { columns: number; rows: number }) {
  const { columns, rows, ...rest } = props;
  let current: ReaderOptions = rest;
  const size = new Size({ columns, rows });
  const frames: Frame[] = [];
  const draw = (frame: Frame): void => {
    frames.push(frame);
  };
  const app = (appProps: ReaderOptions) => <App doc={doc} size={size} draw={draw} {...appProps} />;
  const ui = render(app(current));
  await until(() => frames.length > 0, 'the first frame');
  await turn();
  const last = (): Frame => frames[frames.length - 1]!;
  return {
    /** The last frame's text, one string per row. */
    rows(): string[] {
      return last().lines.map(lineText);
    },
    /** The last frame as drawn: its rows of styled spans. */
    raw(): readonly SpanRow[] {
      return last().lines;
    },
    /**
     * The first frame as drawn. A long text's layout pass may report its progress in a later frame
     * before a test reads the last one (on a busy machine its first report comes soon after).
     */
    firstRaw(): readonly SpanRow[] {
      return frames[0]!.lines;
    },
    /** Where the last frame puts the terminal's cursor (undefined: hidden). */
    cursor() {
      return last().cursor;
    },
    frameCount(): number {
      return frames.length;
    },
    async press(...pressed: string[]): Promise<void> {
      for (const key of pressed) {
        const before = frames.length;
        ui.stdin.write(key);
        if (key === KEY.escape) await until(() => frames.length > before, 'the change Esc makes');
        await turn();
        await turn();
      }
    },
    async resize(columns: number, rows: number): Promise<void> {
      const before = frames.length;
      size.set({ columns, rows });
      await until(() => frames.length > before, `the frame at ${columns}x${rows}`);
      await turn();
    },
    /** Renders again with these props changed; the reader's state is kept. */
    async update(changed: Partial<ReaderOptions>): Promise<void> {
      current = { ...current, ...changed };
      ui.rerender(app(current));
      await turn();
    },
    unmount: () => ui.unmount(),
  };
}

export const widthOf = (row: string, ambiguousWidth: 1 | 2 = 1): number => cellWidth(row, ambiguousWidth);

export interface CharStyle {
  bold: boolean;
  dim: boolean;
  underline: boolean;
  inverse: boolean;
  /** SGR foreground code (31 red … 36 cyan), or undefined for the default colour. */
  fg: number | undefined;
}

const FG: Record<Colour, number> = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 };

/** The style of the first occurrence of `text` in `frame` (rows joined by `\n`), read from its spans. */
export function styleAt(frame: readonly SpanRow[], text: string): CharStyle | undefined {
  let plain = '';
  const styles: CharStyle[] = [];
  frame.forEach((row, y) => {
    if (y > 0) {
      plain += '\n';
      styles.push({ bold: false, dim: false, underline: false, inverse: false, fg: undefined });
    }
    for (const { text: part, style } of row) {
      plain += part;
      const char: CharStyle = { bold: !!style?.bold, dim: !!style?.dim, underline: !!style?.underline, inverse: !!style?.inverse, fg: style?.color ? FG[style.color] : undefined };
      for (let i = 0; i < part.length; i++) styles.push(char);
    }
  });
  const at = plain.indexOf(text);
  return at < 0 ? undefined : styles[at];
}
