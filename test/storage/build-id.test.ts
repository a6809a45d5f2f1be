import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCES_ID, sourcesId } from '../../src/storage/build-id.js';
import { REPO_ROOT } from '../helpers/terminal.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'yuedu-build-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, 'src', path, '..'), { recursive: true });
    writeFileSync(join(root, 'src', path), text);
  }
  return root;
}

describe('the build id that stamps the caches', () => {
  it('changes with any source file, its content or its name, and only with them', () => {
    const base = { 'core/parse.ts': 'export const a = 1;\n', 'cli/main.ts': 'main();\n' };
    const id = sourcesId(tree(base));
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(sourcesId(tree(base))).toBe(id);
    expect(sourcesId(tree({ ...base, 'core/parse.ts': 'export const a = 2;\n' }))).not.toBe(id);
    expect(sourcesId(tree({ 'core/parse2.ts': base['core/parse.ts'], 'cli/main.ts': base['cli/main.ts'] }))).not.toBe(id);
    expect(sourcesId(tree({ ...base, 'core/new.ts': '' }))).not.toBe(id);
  });

  it('is, run from the sources, the id of this tree: what build.mjs writes into the bundle', () => {
    expect(SOURCES_ID).toBe(sourcesId(REPO_ROOT));
  });
});
