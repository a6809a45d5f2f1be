import { useSyncExternalStore } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

export interface TerminalSizeSource {
  get(): TerminalSize;
  subscribe(listener: () => void): () => void;
}

/**
 * The terminal's size as a store. Its `resize` listener is put before Ink's own, so React has the new
 * size (and renders it) before Ink redraws the old tree at the new width.
 */
export function terminalSizeSource(stdout: NodeJS.WriteStream): TerminalSizeSource {
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  let size = read();
  const listeners = new Set<() => void>();
  const onResize = (): void => {
    const next = read();
    if (next.columns === size.columns && next.rows === size.rows) return;
    size = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => size,
    subscribe(listener) {
      if (listeners.size === 0) stdout.prependListener('resize', onResize);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stdout.off('resize', onResize);
      };
    },
  };
}

/** The current terminal size from `source`, re-rendering on every change. */
export function useTerminalSize(source: TerminalSizeSource): TerminalSize {
  return useSyncExternalStore(source.subscribe, source.get);
}
