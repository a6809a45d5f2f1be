/**
 * The one terminal emulator of the tests: a headless xterm to feed bytes into and read back cell by
 * cell. The pseudo-terminal helper (terminal.ts) reads programs through it; the writer and diff tests
 * feed it frames directly.
 */
import xterm from '@xterm/headless';
import type { Terminal } from '@xterm/headless';
import { AMBIGUOUS_WIDE_VERSION, ambiguousWideProvider } from './unicode-width.js';

/** Everything a cell shows: its character, its width and its attributes. */
export interface CellSnapshot {
  chars: string;
  width: number;
  attrs: string;
}

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';

/** A terminal of the given size; `ambiguousWide`: it draws East Asian Ambiguous characters two cells wide. */
export function createEmulator(columns: number, rows: number, { ambiguousWide = false }: { ambiguousWide?: boolean } = {}): Terminal {
  const term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
  if (ambiguousWide) {
    term.unicode.register(ambiguousWideProvider);
    term.unicode.activeVersion = AMBIGUOUS_WIDE_VERSION;
  }
  return term;
}

/** A terminal of the given size on its alternate screen, as the reader runs. */
export function emulator(columns: number, rows: number): Terminal {
  const term = createEmulator(columns, rows);
  term.write(ENTER_ALTERNATE_SCREEN);
  return term;
}

/** Resolves once the terminal has parsed `data`. */
export function feed(term: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => term.write(data, resolve));
}

/**
 * Every cell of the visible screen. A cell never written and a written blank look the same to a
 * person (and to copy and paste), so both read as `' '`.
 */
export function snapshot(term: Terminal): CellSnapshot[][] {
  const buffer = term.buffer.active;
  const cell = buffer.getNullCell();
  const rows: CellSnapshot[][] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const row: CellSnapshot[] = [];
    for (let x = 0; x < term.cols; x++) {
      line?.getCell(x, cell);
      const attrs = [
        cell.isBold(),
        cell.isDim(),
        cell.isItalic(),
        cell.isUnderline(),
        cell.isBlink(),
        cell.isInverse(),
        cell.isInvisible(),
        cell.isStrikethrough(),
        cell.getFgColorMode(),
        cell.getFgColor(),
        cell.getBgColorMode(),
        cell.getBgColor(),
      ].join(',');
      row.push({ chars: cell.getChars() || (cell.getWidth() === 0 ? '' : ' '), width: cell.getWidth(), attrs });
    }
    rows.push(row);
  }
  return rows;
}

/** The screen as text rows, for readable failure messages. */
export function screenText(term: Terminal): string[] {
  const buffer = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(false, 0, term.cols) ?? '');
}

/**
 * xterm's own record of hyperlinks (OSC 8), which its public API does not expose: each cell's link
 * id and the service that maps ids to targets, and the link the next written cell would get.
 */
interface LinkInternals {
  _core: { _oscLinkService: { getLinkData(id: number): { uri: string } | undefined }; _inputHandler: { _curAttrData: { extended: { urlId: number } } } };
}

/** Every cell's hyperlink target (`''`: none), row by row. */
export function links(term: Terminal): string[][] {
  const core = (term as unknown as LinkInternals)._core;
  const buffer = term.buffer.active;
  return Array.from({ length: term.rows }, (_, y) => {
    const line = buffer.getLine(buffer.viewportY + y);
    return Array.from({ length: term.cols }, (_, x) => {
      const cell = line?.getCell(x) as unknown as { extended?: { urlId: number } } | undefined;
      const id = cell?.extended?.urlId ?? 0;
      return id === 0 ? '' : (core._oscLinkService.getLinkData(id)?.uri ?? '');
    });
  });
}

/** The hyperlink open at the end of what the terminal read (`''`: none). */
export function openLink(term: Terminal): string {
  const core = (term as unknown as LinkInternals)._core;
  const id = core._inputHandler._curAttrData.extended.urlId;
  return id === 0 ? '' : (core._oscLinkService.getLinkData(id)?.uri ?? '');
}
