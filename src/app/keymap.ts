/**
 * The key table: the single source of truth for every binding. The input handler looks keys up here,
 * the help overlay and the status-bar hints are generated from it, and so is the README's key table
 * (`keymapMarkdown`). What a command does lives in `commands.ts`.
 *
 * Key names: a printable character stands for itself (`j`, `G`, `?`, `]`, `1`); other keys are
 * `up` `down` `left` `right` `pageup` `pagedown` `home` `end` `tab` `shift+tab` `enter` `escape`
 * `space` `backspace` `delete`, and `ctrl+<letter>`.
 *
 * Two-key sequences (`m` then a letter, as in less) are a prefix row that enters a pending mode, and
 * rows bound in that mode; the help and the README list the whole sequences (`m{a-z}`), not the prefix.
 *
 * In the `search` mode (the search line is open) a key bound there runs its command and every other
 * printable key is typed into the line (`commands.ts`), so letters never reach the reader's bindings.
 * The sidebar's chapter filter (`filter` mode) works the same way, and in the sidebar a printable key
 * bound to nothing there (a Chinese character, most letters) starts it; once started, digits type too.
 */

/** Which part of the reader receives keys. */
export type Mode = 'reader' | 'sidebar' | 'filter' | 'help' | 'search' | 'shelf' | 'autoscroll' | PendingMode;

/** Modes that read the second key of a two-key sequence: after `m` (set a mark), after `'` (jump). */
export type PendingMode = 'mark' | 'jump';

export type Category = 'Scrolling' | 'Sections' | 'Sidebar' | 'Search' | 'Marks' | 'Copy and layout' | 'Shelf' | 'Help' | 'General';

export interface KeyBinding<Command extends string = CommandId> {
  command: Command;
  keys: readonly string[];
  modes: readonly Mode[];
  /** One line for the help overlay and the README. */
  help: string;
  category: Category;
  /** How to show the keys when listing each would be noise (`1–9`). */
  display?: string;
  /** A word for the status bar, when `STATUS_HINTS` shows this binding there. */
  hint?: string;
  /** The first key of a two-key sequence: not listed itself; the rows of the mode it enters are. */
  prefix?: true;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Mark names, as in less. */
export const MARK_LETTERS: readonly string[] = Array.from('abcdefghijklmnopqrstuvwxyz');

/**
 * Every binding, in the order the help overlay and the README list them. Adding a command takes two
 * edits: its row here (the command's id, keys, modes, help line) and its handler in `commands.ts`
 * (the type of `HANDLERS` asks for one for every command named here).
 */
const ROWS = [
  { command: 'scroll.lineDown', keys: ['j', 'down'], modes: ['reader'], help: 'Scroll down one line', category: 'Scrolling' },
  { command: 'scroll.lineUp', keys: ['k', 'up'], modes: ['reader'], help: 'Scroll up one line', category: 'Scrolling' },
  {
    command: 'scroll.pageDown',
    keys: ['space', 'f', 'pagedown'],
    modes: ['reader', 'sidebar'],
    help: 'Scroll down one page',
    category: 'Scrolling',
    hint: 'page',
  },
  { command: 'scroll.pageUp', keys: ['b', 'pageup'], modes: ['reader', 'sidebar'], help: 'Scroll up one page', category: 'Scrolling' },
  { command: 'scroll.halfPageDown', keys: ['ctrl+d'], modes: ['reader', 'sidebar'], help: 'Scroll down half a page', category: 'Scrolling' },
  { command: 'scroll.halfPageUp', keys: ['ctrl+u'], modes: ['reader', 'sidebar'], help: 'Scroll up half a page', category: 'Scrolling' },
  { command: 'scroll.top', keys: ['g', 'home'], modes: ['reader'], help: 'Go to the top', category: 'Scrolling' },
  { command: 'scroll.bottom', keys: ['G', 'end'], modes: ['reader'], help: 'Go to the bottom', category: 'Scrolling' },
  { command: 'auto.start', keys: ['a'], modes: ['reader'], help: 'Scroll by itself, a line at a time', category: 'Scrolling' },
  { command: 'auto.stop', keys: ['a'], modes: ['autoscroll'], help: 'Stop (so does any other key)', category: 'Scrolling', hint: 'stop' },
  { command: 'auto.faster', keys: ['+', '='], modes: ['autoscroll'], help: 'Scroll faster', category: 'Scrolling', hint: 'faster' },
  { command: 'auto.slower', keys: ['-'], modes: ['autoscroll'], help: 'Scroll slower', category: 'Scrolling', hint: 'slower' },
  {
    command: 'section.next',
    keys: [']', '}'],
    modes: ['reader', 'sidebar'],
    help: 'Next section',
    category: 'Sections',
    hint: 'section',
  },
  { command: 'section.previous', keys: ['[', '{'], modes: ['reader', 'sidebar'], help: 'Start of this or previous section', category: 'Sections' },
  { command: 'section.jump', keys: DIGITS, modes: ['reader', 'sidebar'], help: 'Go to section N', category: 'Sections', display: '1–9' },
  {
    command: 'focus.toggle',
    keys: ['tab', 'shift+tab'],
    modes: ['reader', 'sidebar'],
    help: 'Move focus between sidebar and text',
    category: 'Sidebar',
    hint: 'text',
  },
  { command: 'sidebar.toggle', keys: ['s'], modes: ['reader', 'sidebar'], help: 'Show or hide the sidebar', category: 'Sidebar' },
  { command: 'sidebar.next', keys: ['j', 'down'], modes: ['sidebar'], help: 'Select the next entry', category: 'Sidebar' },
  { command: 'sidebar.previous', keys: ['k', 'up'], modes: ['sidebar'], help: 'Select the previous entry', category: 'Sidebar' },
  { command: 'sidebar.first', keys: ['g', 'home'], modes: ['sidebar'], help: 'Select the first entry', category: 'Sidebar' },
  { command: 'sidebar.last', keys: ['G', 'end'], modes: ['sidebar'], help: 'Select the last entry', category: 'Sidebar' },
  { command: 'sidebar.open', keys: ['enter'], modes: ['sidebar'], help: 'Open entry, or fold a volume', category: 'Sidebar', hint: 'open' },
  { command: 'sidebar.fold', keys: ['left', 'h'], modes: ['sidebar'], help: 'Fold the volume', category: 'Sidebar' },
  { command: 'sidebar.unfold', keys: ['right', 'l'], modes: ['sidebar'], help: 'Unfold the volume', category: 'Sidebar' },
  {
    command: 'filter.start',
    keys: ['ctrl+f'],
    modes: ['sidebar'],
    help: 'Find a chapter (or just type)',
    category: 'Sidebar',
    hint: 'find',
  },
  { command: 'filter.next', keys: ['down', 'ctrl+n'], modes: ['filter'], help: 'Choose the next chapter found', category: 'Sidebar' },
  { command: 'filter.previous', keys: ['up', 'ctrl+p'], modes: ['filter'], help: 'Choose the previous chapter found', category: 'Sidebar' },
  { command: 'filter.open', keys: ['enter'], modes: ['filter'], help: 'Go to the chapter found', category: 'Sidebar', hint: 'go' },
  { command: 'filter.delete', keys: ['backspace', 'delete', 'ctrl+u'], modes: ['filter'], help: 'Delete; Ctrl-u: all of it', category: 'Sidebar' },
  { command: 'filter.close', keys: ['escape'], modes: ['filter'], help: 'Stop finding chapters', category: 'Sidebar', hint: 'close' },
  { command: 'search.open', keys: ['/'], modes: ['reader', 'sidebar'], help: 'Search the paragraphs', category: 'Search', hint: 'search' },
  { command: 'search.nextHit', keys: ['n'], modes: ['reader'], help: 'Next search hit (wraps around)', category: 'Search' },
  { command: 'search.previousHit', keys: ['N'], modes: ['reader'], help: 'Previous search hit', category: 'Search' },
  { command: 'search.chooseNext', keys: ['down', 'ctrl+n'], modes: ['search'], help: 'Choose the next result', category: 'Search', hint: 'choose' },
  { command: 'search.choosePrevious', keys: ['up', 'ctrl+p'], modes: ['search'], help: 'Choose the previous result', category: 'Search' },
  {
    command: 'search.submit',
    keys: ['enter'],
    modes: ['search'],
    help: 'Go to the result, mark matches',
    category: 'Search',
    hint: 'go',
  },
  {
    command: 'search.close',
    keys: ['escape'],
    modes: ['search'],
    help: 'Close the search line, stay put',
    category: 'Search',
    hint: 'close',
  },
  {
    command: 'search.move',
    keys: ['left', 'right', 'home', 'end', 'ctrl+a', 'ctrl+e'],
    modes: ['search'],
    help: 'Move the cursor',
    category: 'Search',
  },
  {
    command: 'search.delete',
    keys: ['backspace', 'delete', 'ctrl+u'],
    modes: ['search'],
    help: 'Delete; Ctrl-u: to the start',
    category: 'Search',
  },
  { command: 'mark.begin', keys: ['m'], modes: ['reader'], help: 'Set a mark (then a letter)', category: 'Marks', prefix: true },
  { command: 'mark.set', keys: MARK_LETTERS, modes: ['mark'], help: 'Set mark a–z at the top of the view', category: 'Marks', display: 'm{a-z}', hint: 'set mark' },
  { command: 'jump.begin', keys: ["'"], modes: ['reader'], help: 'Jump (then a letter or \')', category: 'Marks', prefix: true },
  { command: 'mark.jump', keys: MARK_LETTERS, modes: ['jump'], help: 'Go to mark a–z', category: 'Marks', display: "'{a-z}", hint: 'go to mark' },
  {
    command: 'mark.back',
    keys: ["'"],
    modes: ['jump'],
    help: 'Back to before the last jump',
    category: 'Marks',
    display: "''",
  },
  { command: 'pending.cancel', keys: ['escape'], modes: ['mark', 'jump'], help: 'Cancel the mark key', category: 'Marks', hint: 'cancel' },
  {
    command: 'copy.paragraph',
    keys: ['y'],
    modes: ['reader'],
    help: 'Copy top paragraph with citation',
    category: 'Copy and layout',
  },
  { command: 'copy.result', keys: ['ctrl+y'], modes: ['search'], help: 'Copy chosen result with citation', category: 'Copy and layout' },
  { command: 'measure.wider', keys: ['=', '+'], modes: ['reader', 'sidebar'], help: 'Widen the text column', category: 'Copy and layout' },
  { command: 'measure.narrower', keys: ['-'], modes: ['reader', 'sidebar'], help: 'Narrow the text column', category: 'Copy and layout' },
  { command: 'indent.toggle', keys: ['i'], modes: ['reader', 'sidebar'], help: 'Indent paragraphs or not', category: 'Copy and layout' },
  { command: 'script.cycle', keys: ['t'], modes: ['reader', 'sidebar'], help: 'Show 简体, 繁體 or as written', category: 'Copy and layout' },
  { command: 'readings.toggle', keys: ['r'], modes: ['reader', 'sidebar'], help: 'Show ruby readings or not', category: 'Copy and layout' },
  { command: 'shelf.open', keys: ['o'], modes: ['reader', 'sidebar'], help: 'Show the shelf: every text read', category: 'Shelf', hint: 'shelf' },
  { command: 'shelf.next', keys: ['down', 'ctrl+n'], modes: ['shelf'], help: 'Select the next text', category: 'Shelf', hint: 'choose' },
  { command: 'shelf.previous', keys: ['up', 'ctrl+p'], modes: ['shelf'], help: 'Select the previous text', category: 'Shelf' },
  { command: 'shelf.pageDown', keys: ['pagedown'], modes: ['shelf'], help: 'Select a page further down', category: 'Shelf' },
  { command: 'shelf.pageUp', keys: ['pageup'], modes: ['shelf'], help: 'Select a page further up', category: 'Shelf' },
  { command: 'shelf.submit', keys: ['enter'], modes: ['shelf'], help: 'Open the text at its own place', category: 'Shelf', hint: 'open' },
  // `d` only while the filter is empty: typed into a filter, it is a letter (pinyin, a title).
  { command: 'shelf.forget', keys: ['d', 'ctrl+d'], modes: ['shelf'], help: 'Forget the record (asks once)', category: 'Shelf', hint: 'forget' },
  { command: 'shelf.close', keys: ['escape'], modes: ['shelf'], help: 'Clear the filter, or close', category: 'Shelf', hint: 'close' },
  {
    command: 'shelf.move',
    keys: ['left', 'right', 'home', 'end', 'ctrl+a', 'ctrl+e'],
    modes: ['shelf'],
    help: 'Move in the filter',
    category: 'Shelf',
  },
  { command: 'shelf.delete', keys: ['backspace', 'delete', 'ctrl+u'], modes: ['shelf'], help: 'Delete in the filter', category: 'Shelf' },
  { command: 'help.open', keys: ['?'], modes: ['reader', 'sidebar'], help: 'Show all keys', category: 'Help', hint: 'help' },
  { command: 'help.close', keys: ['escape', '?', 'q'], modes: ['help'], help: 'Close the help', category: 'Help', hint: 'close' },
  { command: 'help.lineDown', keys: ['j', 'down'], modes: ['help'], help: 'Scroll the help down', category: 'Help' },
  { command: 'help.lineUp', keys: ['k', 'up'], modes: ['help'], help: 'Scroll the help up', category: 'Help' },
  { command: 'help.pageDown', keys: ['space', 'f', 'pagedown'], modes: ['help'], help: 'Scroll the help down a page', category: 'Help' },
  { command: 'help.pageUp', keys: ['b', 'pageup'], modes: ['help'], help: 'Scroll the help up a page', category: 'Help' },
  {
    command: 'app.escape',
    keys: ['escape'],
    modes: ['reader', 'sidebar'],
    help: 'Leave sidebar or search, or quit',
    category: 'General',
  },
  { command: 'app.quit', keys: ['q'], modes: ['reader', 'sidebar'], help: 'Quit', category: 'General', hint: 'quit' },
  { command: 'app.interrupt', keys: ['ctrl+c'], modes: ['reader', 'sidebar', 'filter', 'help', 'search', 'shelf', 'autoscroll', 'mark', 'jump'], help: 'Quit from anywhere', category: 'General' },
  { command: 'app.suspend', keys: ['ctrl+z'], modes: ['reader', 'sidebar', 'filter', 'help', 'search', 'shelf', 'autoscroll', 'mark', 'jump'], help: 'Suspend to the shell (fg resumes)', category: 'General' },
] as const satisfies readonly KeyBinding<string>[];

/** A command of the key table: the ids its rows name. */
export type CommandId = (typeof ROWS)[number]['command'];

export const KEYMAP: readonly KeyBinding[] = ROWS;

const byMode = new Map<Mode, Map<string, KeyBinding>>();
for (const binding of KEYMAP) {
  for (const mode of binding.modes) {
    let keys = byMode.get(mode);
    if (!keys) {
      keys = new Map();
      byMode.set(mode, keys);
    }
    for (const key of binding.keys) if (!keys.has(key)) keys.set(key, binding);
  }
}

/** The binding for `key` in `mode`, if there is one. */
export function lookupKey(mode: Mode, key: string): KeyBinding | undefined {
  return byMode.get(mode)?.get(key);
}

const KEY_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  space: 'Space',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  tab: 'Tab',
  'shift+tab': 'Shift-Tab',
  enter: 'Enter',
  escape: 'Esc',
  backspace: 'Backspace',
  delete: 'Del',
};

/** How a key name is shown to people: `down` → `↓`, `ctrl+d` → `Ctrl-d`. */
export function keyLabel(key: string): string {
  const named = KEY_LABELS[key];
  if (named) return named;
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5)}`;
  return key;
}

/** The keys of a binding as shown to people, e.g. `j ↓` or `1–9`. */
export function bindingKeys(binding: KeyBinding): string[] {
  return binding.display === undefined ? binding.keys.map(keyLabel) : [binding.display];
}

/** Pending modes are entered from the text, so their sequences are typed "in the text". */
const MODE_LABELS: Record<Mode, string> = { reader: 'text', sidebar: 'sidebar', filter: 'chapter filter', help: 'help', search: 'search line', shelf: 'shelf', autoscroll: 'auto-scroll', mark: 'text', jump: 'text' };

/** The bindings people are shown (help overlay, README): every row but the prefixes of two-key sequences. */
export function listedBindings(): KeyBinding[] {
  return KEYMAP.filter((binding) => binding.prefix === undefined);
}

/** The key table as Markdown, for the README. */
export function keymapMarkdown(): string {
  const lines = ['| Keys | Action | Where |', '| --- | --- | --- |'];
  for (const binding of listedBindings()) {
    const keys = bindingKeys(binding)
      .map((key) => `\`${key}\``)
      .join(' ');
    const where = [...new Set(binding.modes.map((mode) => MODE_LABELS[mode]))].join(', ');
    lines.push(`| ${keys} | ${binding.help} | ${where} |`);
  }
  return lines.join('\n') + '\n';
}

/** The bindings grouped by category, in table order: what the help overlay lists. */
export function keymapByCategory(): { category: Category; bindings: KeyBinding[] }[] {
  const groups: { category: Category; bindings: KeyBinding[] }[] = [];
  for (const binding of listedBindings()) {
    let group = groups.find((g) => g.category === binding.category);
    if (!group) {
      group = { category: binding.category, bindings: [] };
      groups.push(group);
    }
    group.bindings.push(binding);
  }
  return groups;
}

/** The most useful commands per mode, most useful first; the status bar shows what fits, then `?`. */
const STATUS_HINTS: Record<Mode, readonly CommandId[]> = {
  reader: ['scroll.pageDown', 'search.open', 'section.next', 'app.quit'],
  sidebar: ['sidebar.open', 'filter.start', 'focus.toggle'],
  filter: ['filter.open', 'filter.close'],
  help: ['help.close'],
  search: ['search.submit', 'search.chooseNext', 'search.close'],
  shelf: ['shelf.submit', 'shelf.next', 'shelf.forget', 'shelf.close'],
  autoscroll: ['auto.faster', 'auto.slower', 'auto.stop'],
  mark: ['mark.set', 'pending.cancel'],
  jump: ['mark.jump', 'pending.cancel'],
};

/** Status-bar hints for `mode`: the first key of each hinted binding and its word, `?` (help) last. */
export function keyHints(mode: Mode): { key: string; hint: string }[] {
  const commands = mode === 'help' ? STATUS_HINTS.help : [...STATUS_HINTS[mode], 'help.open'];
  return commands.flatMap((command) => {
    const binding = KEYMAP.find((b) => b.command === command && b.modes.includes(mode));
    return binding?.hint === undefined ? [] : [{ key: bindingKeys(binding)[0] ?? '', hint: binding.hint }];
  });
}
