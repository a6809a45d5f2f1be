import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { keymapMarkdown } from '../../src/app/keymap.js';

it('README.md documents every key with the table generated from the keymap', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  expect(readme).toContain(keymapMarkdown());
});
