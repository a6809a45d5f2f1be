/** Renders the reader at a given size with ink-testing-library and reads its frames as plain rows. */
import { render } from 'ink-testing-library';
import type { Document } from '../../src/core/document/types.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { App, type AppProps } from '../../src/ui/App.js';
import { TerminalCursorContext, type CursorCell } from '../../src/ui/hooks/useTerminalCursor.js';

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

export const KEY = {
  down: '\u001b[B',
  up: '\u001b[A',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  tab: '\t',
  enter: '\r',
  escape: '\u001b',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
  ctrlC: '\u0003',
} as const;

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

/** `placeCursor`: told where a text field Ink draws wants the terminal's cursor, as the screen writer is. */
export async function renderReader(doc: Document, props: Omit<AppProps, 'doc'>, { placeCursor }: { placeCursor?: (cell: CursorCell | undefined) => void } = {}) {
  let current = props;
  const app = (appProps: Omit<AppProps, 'doc'>) =>
    placeCursor ? (
      <TerminalCursorContext.Provider value={placeCursor}>
        <App doc={doc} {...appProps} />
      </TerminalCursorContext.Provider>
    ) : (
      <App doc={doc} {...appProps} />
    );
  const ui = render(app(current));
  // ink-testing-library's stdout has 100 columns and no rows, so Ink asks `tput` for the size on every
  // layout (a child process per frame). Give it the size being tested instead.
  const sized = (columns: number, rows: number) => {
    Object.defineProperty(ui.stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: rows, configurable: true });
  };
  sized(props.columns, props.rows);
  await settle();
  return {
    /** The last frame with styles stripped, one string per row. */
    rows(): string[] {
      return (ui.lastFrame() ?? '').replace(SGR, '').split('\n');
    },
    /** The last frame as written, with SGR codes. */
    raw(): string {
      return ui.lastFrame() ?? '';
    },
    frameCount(): number {
      return ui.frames.length;
    },
    async press(...keys: string[]): Promise<void> {
      for (const key of keys) {
        ui.stdin.write(key);
        // A lone Esc is told apart from an escape sequence by a short timeout in Ink.
        await (key === KEY.escape ? new Promise((resolve) => setTimeout(resolve, 40)) : settle());
      }
    },
    async resize(columns: number, rows: number): Promise<void> {
      current = { ...current, columns, rows };
      sized(columns, rows);
      ui.rerender(app(current));
      await settle();
    },
    /** Renders again with these props changed; the reader's state is kept. */
    async update(changed: Partial<Omit<AppProps, 'doc'>>): Promise<void> {
      current = { ...current, ...changed };
      ui.rerender(app(current));
      await settle();
    },
    unmount: () => ui.unmount(),
  };
}

export const strip = (text: string): string => text.replace(SGR, '');
export const widthOf = (row: string, ambiguousWidth: 1 | 2 = 1): number => cellWidth(strip(row), ambiguousWidth);

export interface CharStyle {
  bold: boolean;
  dim: boolean;
  underline: boolean;
  inverse: boolean;
  /** SGR foreground code (31 red … 36 cyan), or undefined for the default colour. */
  fg: number | undefined;
}

/** The style in effect at the first occurrence of `text` in a frame row (Ink re-encodes SGR, so bytes are not compared). */
export function styleAt(row: string, text: string): CharStyle | undefined {
  const style: CharStyle = { bold: false, dim: false, underline: false, inverse: false, fg: undefined };
  let plain = '';
  const styles: CharStyle[] = [];
  // eslint-disable-next-line no-control-regex
  for (const token of row.split(/(\u001b\[[0-9;]*m)/)) {
    // eslint-disable-next-line no-control-regex
    const sgr = /^\u001b\[([0-9;]*)m$/.exec(token);
    if (!sgr) {
      for (const char of token) {
        plain += char;
        for (let i = 0; i < char.length; i++) styles.push({ ...style });
      }
      continue;
    }
    for (const code of (sgr[1] || '0').split(';').map(Number)) {
      if (code === 0) Object.assign(style, { bold: false, dim: false, underline: false, inverse: false, fg: undefined });
      else if (code === 1) style.bold = true;
      else if (code === 2) style.dim = true;
      else if (code === 22) Object.assign(style, { bold: false, dim: false });
      else if (code === 4) style.underline = true;
      else if (code === 24) style.underline = false;
      else if (code === 7) style.inverse = true;
      else if (code === 27) style.inverse = false;
      else if (code >= 30 && code <= 37) style.fg = code;
      else if (code === 39) style.fg = undefined;
    }
  }
  const at = plain.indexOf(text);
  return at < 0 ? undefined : styles[at];
}
