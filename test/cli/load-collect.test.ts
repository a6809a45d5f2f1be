/**
 * A text of very many lines is followed by a full collection, for the commands (print, toc, search) and
 * the reader alike (see collect.ts); a short text never is.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPACT_LINES } from '../../src/core/document/parse.js';
import { MARKDOWN_PART } from '../../src/core/document/markdown/parse.js';
import { markdownParts } from '../../src/core/document/markdown/parts.js';

const collected = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/cli/collect.js', () => ({
  collectGarbage: () => {
    collected.count++;
  },
}));

const { loadDocument } = await import('../../src/cli/formats.js');

describe('the collection after a text of very many lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuedu-collect-'));
  const many = join(dir, 'many.txt');
  const few = join(dir, 'few.txt');
  writeFileSync(many, '字\n'.repeat(COMPACT_LINES + 10));
  writeFileSync(few, '题目\n\n一段话。\n');
  beforeEach(() => {
    collected.count = 0;
    vi.stubEnv('YUEDU_STATE', 'off');
  });

  it('runs for a command, by default', async () => {
    await loadDocument(many);
    expect(collected.count).toBe(1);
  });

  it('does not run for a short text', async () => {
    await loadDocument(few);
    expect(collected.count).toBe(0);
  });

  it('runs after each part of a long Markdown file and once more after the walk', async () => {
    const long = join(dir, 'long.md');
    const source = Array.from({ length: 300 }, (_, i) => `## 第${i + 1}节\n\n${'一段很长的话，写了许多事情。'.repeat(40)}\n`).join('\n');
    writeFileSync(long, source);
    const parts = markdownParts(source, MARKDOWN_PART).starts.length;
    expect(parts).toBeGreaterThan(2);
    await loadDocument(long);
    expect(collected.count).toBe(parts + 1);
  });
});
