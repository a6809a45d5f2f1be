import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../src/app/commands.js';
import { HELP_KEYS_CELLS, helpLines } from '../../src/app/help.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { bindingKeys, KEYMAP, keyHints, keyLabel, keymapMarkdown, listedBindings, lookupKey, type Mode } from '../../src/app/keymap.js';

const modes: Mode[] = ['reader', 'sidebar', 'help', 'search', 'mark', 'jump'];

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
      expect(typeof HANDLERS[binding.command]).toBe('function');
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
    ['reader', '/', 'search.open'],
    ['sidebar', '/', 'search.open'],
    ['reader', 'n', 'search.nextHit'],
    ['reader', 'N', 'search.previousHit'],
    ['search', 'enter', 'search.submit'],
    ['search', 'escape', 'search.close'],
    ...(['down', 'ctrl+n'] as const).map((k): [Mode, string, string] => ['search', k, 'search.chooseNext']),
    ...(['up', 'ctrl+p'] as const).map((k): [Mode, string, string] => ['search', k, 'search.choosePrevious']),
    ['search', 'backspace', 'search.delete'],
    ['search', 'ctrl+c', 'app.interrupt'],
  ];
  it.each(required)('in %s, %s runs %s', (mode, key, command) => {
    expect(lookupKey(mode, key)?.command).toBe(command);
  });

  it('lists every binding in the help overlay and the Markdown table, two-key sequences whole', () => {
    const lines = helpLines();
    const markdown = keymapMarkdown();
    for (const binding of listedBindings()) {
      const keys = bindingKeys(binding).join(' ');
      // A long key list goes on in the key column of the rows below, with no text of their own.
      const at = lines.findIndex((l) => l.kind === 'binding' && l.text === binding.help);
      expect(at, binding.command).toBeGreaterThanOrEqual(0);
      const shown = [lines[at]!];
      for (let i = at + 1; lines[i]?.kind === 'binding' && (lines[i] as { text: string }).text === ''; i++) shown.push(lines[i]!);
      expect(shown.map((l) => (l.kind === 'binding' ? l.keys : '')).join(' ')).toBe(keys);
      const row = markdown.split('\n').find((l) => l.includes(`| ${binding.help} |`));
      expect(row, binding.command).toBeDefined();
      for (const key of bindingKeys(binding)) expect(row).toContain(`\`${key}\``);
    }
    expect(markdown.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(listedBindings().length + 2);
    // The prefixes are not listed; the sequences they begin are.
    expect(listedBindings().map((b) => b.command)).not.toContain('mark.begin');
    for (const sequence of ['m{a-z}', "'{a-z}", "''"]) expect(lines.some((l) => l.kind === 'binding' && l.keys === sequence)).toBe(true);
  });

  it('wraps a long key list inside the help key column, breaking between keys', () => {
    const lines = helpLines().filter((l) => l.kind === 'binding');
    for (const line of lines) expect(cellWidth(line.keys, 2), line.keys).toBeLessThanOrEqual(HELP_KEYS_CELLS);
    const move = lines.findIndex((l) => l.text === 'Move the cursor');
    expect(lines[move]?.keys).toBe('← → Home End');
    expect(lines[move + 1]).toEqual({ kind: 'binding', keys: 'Ctrl-a Ctrl-e', text: '' });
  });

  it('reads the second key of m and \' in their pending modes, where Esc cancels and Ctrl-c still quits', () => {
    expect(lookupKey('reader', 'm')?.command).toBe('mark.begin');
    expect(lookupKey('reader', "'")?.command).toBe('jump.begin');
    for (const letter of 'az') {
      expect(lookupKey('mark', letter)?.command).toBe('mark.set');
      expect(lookupKey('jump', letter)?.command).toBe('mark.jump');
    }
    expect(lookupKey('jump', "'")?.command).toBe('mark.back');
    expect(lookupKey('mark', "'")).toBeUndefined();
    for (const mode of ['mark', 'jump'] as const) {
      expect(lookupKey(mode, 'escape')?.command).toBe('pending.cancel');
      expect(lookupKey(mode, 'ctrl+c')?.command).toBe('app.interrupt');
    }
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
      if (mode === 'reader' || mode === 'sidebar') expect(hints.at(-1)?.key).toBe('?');
    }
  });
});
