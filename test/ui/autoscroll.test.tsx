/** The auto-scroll's timer in the running reader: lines go by on their own until a key stops them. */
import { afterEach, expect, it } from 'vitest';
import type { ReaderState } from '../../src/app/state.js';
import { interviewDocument } from '../helpers/documents.js';
import { renderReader } from './render.js';

const doc = interviewDocument();
let open: { unmount(): void }[] = [];
afterEach(() => {
  for (const ui of open) ui.unmount();
  open = [];
});

async function until(holds: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (holds()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it('a scrolls a line at a time by a timer, at the pace shown, and another key stops it', async () => {
  let state: ReaderState | undefined;
  const ui = await renderReader(doc, { columns: 80, rows: 24, onStateChange: (next) => (state = next) });
  open.push(ui);
  await ui.press('a', '+', '+', '+', '+', '+', '+');
  expect(ui.rows()[23]).toMatch(/auto 240 lines\/min/);
  const first = state!.top;
  await until(() => state!.top !== first, 'the first line to go by');
  const second = state!.top;
  await until(() => state!.top !== second, 'the next line');
  await ui.press('x');
  expect(state!.autoScroll).toBe(false);
  expect(ui.rows()[23]).not.toMatch(/auto \d+ lines/);
});
