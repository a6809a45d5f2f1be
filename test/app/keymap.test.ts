import { describe, expect, it } from 'vitest';
import { commandAction } from '../../src/app/commands.js';
import { helpLines } from '../../src/app/help.js';
import { bindingKeys, KEYMAP, keyHints, keyLabel, keymapMarkdown, lookupKey, type Mode } from '../../src/app/keymap.js';

const modes: Mode[] = ['reader', 'sidebar', 'help'];

describe('the key table', () => {
  it('never binds one key twice in one mode', () => {
    for (const mode of modes) {
      const seen = new Map<string, string>();
      for (const binding of KEYMAP.filter((b) => b.modes.includes(mode))) {
        for (const key of binding.keys) {
          expect(seen.get(key), `${key} in ${mode}: ${seen.get(key)} and ${binding.command}`).toBeUndefined();
          seen.set(key, binding.command);
        }
      }
    }
  });

  it('has one row per command, each with keys, modes and help', () => {
    const commands = KEYMAP.map((b) => b.command);
    expect(new Set(commands).size).toBe(commands.length);
    for (const binding of KEYMAP) {
      expect(binding.keys.length).toBeGreaterThan(0);
      expect(binding.modes.length).toBeGreaterThan(0);
      expect(binding.help.length).toBeGreaterThan(3);
      expect(commandAction(binding.command, binding.keys[0] ?? '')).toHaveProperty('type');
    }
  });

  // The list of keys, as (mode, key, command).
  const required: [Mode, string, string][] = [
    ...(['j', 'down'] as const).map((k): [Mode, string, string] => ['reader', k, 'scroll.lineDown']),
    ...(['k', 'up'] as const).map((k): [Mode, string, string] => ['reader', k, 'scroll.lineUp']),
    ...(['space', 'f', 'pagedown'] as const).map((k): [Mode, string, string] => ['reader', k, 'scroll.pageDown']),
    ...(['b', 'pageup'] as const).map((k): [Mode, string, string] => ['reader', k, 'scroll.pageUp']),
    ['reader', 'ctrl+d', 'scroll.halfPageDown'],
    ['reader', 'ctrl+u', 'scroll.halfPageUp'],
    ['reader', 'g', 'scroll.top'],
    ['reader', 'home', 'scroll.top'],
    ['reader', 'G', 'scroll.bottom'],
    ['reader', 'end', 'scroll.bottom'],
    ['reader', ']', 'section.next'],
    ['reader', '}', 'section.next'],
    ['reader', '[', 'section.previous'],
    ['reader', '{', 'section.previous'],
    ...'123456789'.split('').map((k): [Mode, string, string] => ['reader', k, 'section.jump']),
    ['reader', 'tab', 'focus.toggle'],
    ['sidebar', 'tab', 'focus.toggle'],
    ...(['j', 'down'] as const).map((k): [Mode, string, string] => ['sidebar', k, 'sidebar.next']),
    ...(['k', 'up'] as const).map((k): [Mode, string, string] => ['sidebar', k, 'sidebar.previous']),
    ['sidebar', 'enter', 'sidebar.open'],
    ['reader', '?', 'help.open'],
    ['reader', 'q', 'app.quit'],
    ['reader', 'escape', 'app.escape'],
    ['help', 'escape', 'help.close'],
  ];
  it.each(required)('in %s, %s runs %s', (mode, key, command) => {
    expect(lookupKey(mode, key)?.command).toBe(command);
  });

  it('lists every binding in the help overlay and the Markdown table', () => {
    const lines = helpLines();
    const markdown = keymapMarkdown();
    for (const binding of KEYMAP) {
      const keys = bindingKeys(binding).join(' ');
      expect(lines).toContainEqual({ kind: 'binding', keys, text: binding.help });
      const row = markdown.split('\n').find((l) => l.includes(`| ${binding.help} |`));
      expect(row, binding.command).toBeDefined();
      for (const key of bindingKeys(binding)) expect(row).toContain(`\`${key}\``);
    }
    expect(markdown.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(KEYMAP.length + 2);
  });

  it('shows keys the way people name them', () => {
    expect(['down', 'up', 'pagedown', 'pageup', 'escape', 'ctrl+d', 'shift+tab', 'j'].map(keyLabel)).toEqual([
      '↓',
      '↑',
      'PgDn',
      'PgUp',
      'Esc',
      'Ctrl-d',
      'Shift-Tab',
      'j',
    ]);
  });

  it('ends the status-bar hints of every mode but help with ?', () => {
    for (const mode of modes) {
      const hints = keyHints(mode);
      expect(hints.length).toBeGreaterThan(0);
      for (const { key } of hints) expect(KEYMAP.some((b) => b.modes.includes(mode) && bindingKeys(b)[0] === key)).toBe(true);
      if (mode !== 'help') expect(hints.at(-1)?.key).toBe('?');
    }
  });
});
