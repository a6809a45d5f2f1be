/**
 * The screen writer drawing over Ink's frame (a layer: the whole screen in the text's view, searching
 * included, the text pane in the other views that show it) against Ink drawing everything: after any
 * keys and resizes, the two screens are cell for cell the same, and so is the terminal's cursor. One
 * reader, rendered both ways in turn, so both show the very same state.
 */
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import type { ReaderState } from '../../src/app/state.js';
import { parseFrame, type Layer, type Screen } from '../../src/terminal/screen.js';
import type { CursorCell } from '../../src/terminal/writer.js';
import { interviewDocument } from '../app/documents.js';
import { KEY, renderReader } from './render.js';

const doc = interviewDocument();
let open: { unmount(): void }[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});

/** Each row as its characters, then each cell's style: a failure shows where the two differ. */
const cells = (screen: Screen): string[] => screen.lines.flatMap((row) => [row.chars.join(''), row.styles.join('|')]);

const STEPS: string[][] = [
  ...['j', 'k', ' ', 'b', 'G', 'g', ']', '[', '2', '3', KEY.ctrlD, KEY.pageDown, 's', 'n', 'N'].map((key) => [key]),
  ['?'],
  [KEY.tab],
  [KEY.tab, 'j', KEY.enter],
  ['/', '芯', '片'],
  ['/', '芯', '片', KEY.enter],
  ['/', 'F', 'P', 'G', 'A', KEY.down],
  ['/', 'c', 'y', KEY.enter],
  [KEY.escape],
];
const SIZES: [number, number][] = [[80, 24], [40, 12], [100, 30], [59, 16], [20, 6], [19, 5]];

it('after random keys and resizes, the layer drawn over the frame shows what Ink drawing all shows', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...SIZES),
      fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...STEPS) }, { weight: 1, arbitrary: fc.constantFrom(...SIZES) }), { minLength: 3, maxLength: 10 }),
      async ([columns, rows], steps) => {
        let layer: Layer | undefined;
        let state: ReaderState | undefined;
        let cursor: CursorCell | undefined;
        const draw = (next: Layer | undefined) => {
          layer = next;
        };
        const placeCursor = (at: CursorCell | undefined) => {
          cursor = at;
        };
        const ui = await renderReader(doc, { columns, rows, draw, onStateChange: (next) => (state = next) }, { placeCursor });
        open.push(ui);
        let size: [number, number] = [columns, rows];
        const compare = async () => {
          // A search answers asynchronously, and the search line's indexing note is the search hook's
          // own state: both screens must be of one state, so a difference is looked at again a few
          // times (each after a pause) before it counts.
          for (let attempt = 1; ; attempt++) {
            const before = state;
            const over = parseFrame(ui.raw(), ...size, { layer });
            const overCursor = cursor;
            await ui.update({ draw: undefined });
            const plain = parseFrame(ui.raw(), ...size);
            const plainCursor = cursor;
            await ui.update({ draw });
            if (state !== before) continue;
            const same = JSON.stringify([cells(over), overCursor]) === JSON.stringify([cells(plain), plainCursor]);
            if (!same && attempt < 5) {
              await new Promise((resolve) => setTimeout(resolve, 50));
              continue;
            }
            expect(cells(over)).toEqual(cells(plain));
            expect(overCursor).toEqual(plainCursor);
            return;
          }
        };
        await compare();
        for (const step of steps) {
          if (typeof step[0] === 'number') {
            size = step as [number, number];
            await ui.resize(...size);
          } else {
            await ui.press(...(step as string[]));
          }
          if (state?.quit) return;
          await compare();
        }
      },
    ),
    { numRuns: 30 },
  );
}, 60_000);
