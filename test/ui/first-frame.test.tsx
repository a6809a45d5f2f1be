/**
 * The first frame drawn without Ink (`readingFrame`, shown while Ink loads) against the frame Ink
 * renders for the same state: cell for cell the same, so the reader's screen never changes when Ink
 * takes over.
 */
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { createReaderState } from '../../src/app/reducer.js';
import { documentBlocks } from '../../src/core/layout/blocks.js';
import { parseFrame, type Screen } from '../../src/terminal/screen.js';
import { layoutProgress, textFlow } from '../../src/app/selectors.js';
import { readingFrame, screenLayer } from '../../src/ui/rows/frame.js';
import { createTheme } from '../../src/ui/theme.js';
import { interviewDocument, syntheticDocument } from '../app/documents.js';
import { renderReader } from './render.js';

let open: { unmount(): void }[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});

const cells = (screen: Screen): string[] => screen.lines.flatMap((row) => [row.chars.join(''), row.styles.join('|')]);
// `huge`: a layout pass long enough to be reported from the first frame (over 20,000 blocks).
const documents = { interview: interviewDocument(), long: syntheticDocument(40, 6), huge: syntheticDocument(2900, 6) };

it('shows what Ink shows for the same opening: any size, section, place, measure, indent, colour and notice', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        name: fc.constantFrom('interview' as const, 'long' as const, 'huge' as const),
        columns: fc.integer({ min: 20, max: 130 }),
        rows: fc.integer({ min: 6, max: 45 }),
        section: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        place: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
        measure: fc.option(fc.constantFrom(0, 20, 40, 66), { nil: undefined }),
        indent: fc.boolean(),
        color: fc.boolean(),
        notice: fc.option(fc.constantFrom('saved state unreadable: starting at the top', '书签已保存'), { nil: undefined }),
      }),
      async ({ name, columns, rows, section, place, measure, indent, color, notice }) => {
        const doc = documents[name];
        const blocks = documentBlocks(doc);
        const block = place ? blocks[place[0] % blocks.length]! : undefined;
        const initial = {
          ...(block && place ? { top: { block: block.id, offset: place[1] % Math.max(1, block.text.length) } } : {}),
          ...(measure === undefined ? {} : { measure }),
          indent,
          ...(notice === undefined ? {} : { notice }),
        };
        const state = createReaderState(doc, { ...initial, columns, rows, ...(section === undefined ? {} : { section }) });
        const early = readingFrame(state, createTheme(color), { progress: layoutProgress(textFlow(state), false) });
        const ui = await renderReader(doc, { columns, rows, color, initial, ...(section === undefined ? {} : { section }) });
        open.push(ui);
        // Every opening here is the reading view (no overlay, no search, not too small).
        expect(early).toBeDefined();
        expect(cells(parseFrame('', columns, rows, { layer: screenLayer(early!.lines, columns) }))).toEqual(cells(parseFrame(ui.raw(), columns, rows)));
        ui.unmount();
      },
    ),
    { numRuns: 60 },
  );
}, 60_000);
