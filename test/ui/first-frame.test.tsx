/**
 * The first frame the terminal session draws while Ink loads (`drawFirstFrame`) against the app's
 * first frame for the same opening: the same rows, so the screen never changes when the app starts.
 */
import fc from 'fast-check';
import { afterEach, expect, it } from 'vitest';
import { createReaderState } from '../../src/app/reducer.js';
import { textFlow } from '../../src/app/selectors.js';
import { documentBlocks } from '../../src/core/layout/blocks.js';
import type { Frame, TerminalSession } from '../../src/terminal/session.js';
import { drawFirstFrame } from '../../src/ui/first-frame.js';
import { interviewDocument, syntheticDocument } from '../helpers/documents.js';
import { renderReader } from './render.js';

let open: { unmount(): void }[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});

// `huge`: a layout pass long enough to be reported from the first frame (over 20,000 blocks).
const documents = { interview: interviewDocument(), long: syntheticDocument(40, 6), huge: syntheticDocument(2900, 6) };

it('shows what the app shows first for the same opening: any size, section, place, measure, indent, colour and notice', async () => {
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
        const drawn: Frame[] = [];
        const session = { getSize: () => ({ columns, rows }), draw: (frame: Frame) => drawn.push(frame) } as unknown as TerminalSession;
        drawFirstFrame(session, { doc, ambiguousWidth: 1, color, initial, ...(section === undefined ? {} : { section }) });
        const ui = await renderReader(doc, { columns, rows, color, initial, ...(section === undefined ? {} : { section }) });
        open.push(ui);
        expect(drawn).toHaveLength(1);
        expect(drawn[0]!.lines).toEqual(ui.firstRaw());
        ui.unmount();
      },
    ),
    { numRuns: 30 },
  );
}, 240_000);

// The status bar's layout share is read after the frame's rows are laid out, which counts them: read
// before, a first frame could say `layout 48%` and the app's own first frame, drawn over it, `layout 49%`.
it('says the same layout share as the app where laying out its rows takes the share past a percent', async () => {
  const doc = syntheticDocument(2900, 6);
  const blocks = documentBlocks(doc);
  const block = blocks[Math.floor(blocks.length * 0.6)]!;
  const initial = { top: { block: block.id, offset: 0 }, indent: false };
  // The background pass has counted the text up to two blocks short of 49%; the rows shown, further
  // on, are not counted yet.
  const flow = textFlow(createReaderState(doc, { ...initial, columns: 22, rows: 44, ambiguousWidth: 1 }));
  const target = Math.floor(0.49 * flow.blockCount) - 2;
  while (flow.countedCount < target) flow.countSome(Math.min(32, target - flow.countedCount));
  expect(flow.countedCount).toBe(target);
  const drawn: Frame[] = [];
  const session = { getSize: () => ({ columns: 22, rows: 44 }), draw: (frame: Frame) => drawn.push(frame) } as unknown as TerminalSession;
  drawFirstFrame(session, { doc, ambiguousWidth: 1, color: false, initial });
  const ui = await renderReader(doc, { columns: 22, rows: 44, color: false, initial });
  open.push(ui);
  const status = (lines: readonly unknown[]) => JSON.stringify(lines.at(-1));
  expect(status(drawn[0]!.lines)).toContain('layout 49%');
  expect(status(drawn[0]!.lines)).toBe(status(ui.firstRaw()));
});
