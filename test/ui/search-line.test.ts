import { describe, expect, it } from 'vitest';
import { searchLine } from '../../src/ui/rows/search-line.js';
import { lineText } from '../../src/ui/text.js';
import { createTheme } from '../../src/ui/theme.js';

const draw = (line: { text: string; cursor: number; selected?: boolean }, color = true) =>
  searchLine({ line, info: '2 of 4', width: 40, theme: createTheme(color), ambiguousWidth: 1 });

describe('the search line', () => {
  it('shows the last query reopened as selected (inverse, with or without colour), so that typing plainly replaces it', () => {
    for (const color of [true, false]) {
      const { text, cursor } = draw({ text: '集成电路', cursor: 4, selected: true }, color);
      expect(lineText(text)).toMatch(/^\/集成电路 +2 of 4 $/);
      expect(text.find((span) => span.text === '集成电路')?.style).toEqual({ inverse: true });
      expect(cursor).toBe(9);
    }
  });

  it('shows a query being typed plainly', () => {
    const { text } = draw({ text: '集成电路', cursor: 4 });
    expect(lineText(text)).toMatch(/^\/集成电路 +2 of 4 $/);
    expect(text.every((span) => span.style?.inverse !== true)).toBe(true);
  });
});
