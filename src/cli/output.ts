import type { WriteStream } from 'node:tty';

/** Colour only for a terminal, and never when the user asked for none (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/**
 * Whether the full-screen reader can run on `stream`: a terminal that can move its cursor. A dumb
 * terminal (`TERM=dumb`: Emacs' shell buffer, some IDE consoles) gets the text printed instead.
 */
export function canDrawScreen(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** The width to lay out for: what the user asked, else the terminal's columns, else 80 like most tools. */
export function outputWidth(requested: number | undefined, stream: NodeJS.WriteStream): number {
  if (requested !== undefined) return requested;
  const columns = stream.isTTY ? (stream as WriteStream).columns : undefined;
  return columns && columns > 0 ? columns : 80;
}

/** SGR styles for plain output; each closes only what it opened so styles nest. */
export interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  inverse(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function styles(color: boolean): Styles {
  if (!color) return { bold: (t) => t, dim: (t) => t, inverse: (t) => t };
  return { bold: sgr(1, 22), dim: sgr(2, 22), inverse: sgr(7, 27) };
}
