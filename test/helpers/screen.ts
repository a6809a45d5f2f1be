import type { IBuffer, IBufferCell } from '@xterm/headless';

/** One cell of the screen. A double-width character has width 2; the cell right of it has width 0 and no chars. */
export interface Cell {
  chars: string;
  width: number;
}

/** `'default'`, a palette index (0–255), or a true colour as `#rrggbb`. */
export type Colour = 'default' | number | `#${string}`;

/** The SGR attributes of one cell, as the emulator stored them. */
export interface CellAttrs {
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
  strikethrough: boolean;
  fg: Colour;
  bg: Colour;
}

/**
 * The rows of the visible screen, each double-width character once, trailing blanks trimmed: both
 * cells never written and spaces written at the end of a row, which look the same to a user
 * (xterm's own trimming keeps the written ones).
 */
export function screenRows(buffer: IBuffer, rows: number): string[] {
  const lines: string[] = [];
  for (let y = 0; y < rows; y++) {
    lines.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').replace(/ +$/, ''));
  }
  return lines;
}

/** The cell at column x, row y of the visible screen (0-based). */
export function cellAt(buffer: IBuffer, x: number, y: number): Cell {
  const cell = bufferCell(buffer, x, y);
  return { chars: cell.getChars(), width: cell.getWidth() };
}

/** The attributes of the cell at column x, row y of the visible screen (0-based). */
export function attrsAt(buffer: IBuffer, x: number, y: number): CellAttrs {
  const cell = bufferCell(buffer, x, y);
  return {
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    inverse: cell.isInverse() !== 0,
    strikethrough: cell.isStrikethrough() !== 0,
    fg: colour(cell.isFgDefault(), cell.isFgRGB(), cell.getFgColor()),
    bg: colour(cell.isBgDefault(), cell.isBgRGB(), cell.getBgColor()),
  };
}

function bufferCell(buffer: IBuffer, x: number, y: number): IBufferCell {
  const cell = buffer.getLine(buffer.viewportY + y)?.getCell(x);
  if (!cell) throw new RangeError(`no cell at (${x}, ${y})`);
  return cell;
}

function colour(isDefault: boolean, isRgb: boolean, value: number): Colour {
  if (isDefault) return 'default';
  return isRgb ? `#${value.toString(16).padStart(6, '0')}` : value;
}
