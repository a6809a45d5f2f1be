import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { keyNames } from '../../src/ui/keys.js';

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('keyNames', () => {
  it.each<[string, string, Partial<Key>, string[]]>([
    ['a letter', 'j', {}, ['j']],
    ['a capital', 'G', { shift: true }, ['G']],
    ['space', ' ', {}, ['space']],
    ['a held key in one chunk', 'jjj', {}, ['j', 'j', 'j']],
    ['a key and Enter in one chunk', 'j\r', {}, ['j', 'enter']],
    ['Ctrl-d', 'd', { ctrl: true }, ['ctrl+d']],
    ['Tab', '', { tab: true }, ['tab']],
    ['Shift-Tab', '', { tab: true, shift: true }, ['shift+tab']],
    ['Enter', '\r', { return: true }, ['enter']],
    ['Esc', '', { escape: true }, ['escape']],
    ['↓', '', { downArrow: true }, ['down']],
    ['PgUp', '', { pageUp: true }, ['pageup']],
    ['End', '', { end: true }, ['end']],
    ['an Alt combination', 'j', { meta: true }, []],
  ])('%s', (_, input, flags, expected) => {
    expect(keyNames(input, { ...none, ...flags })).toEqual(expected);
  });
});
