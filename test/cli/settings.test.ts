/** The settings file: parsing, its one-line warnings, and the command line winning over it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSettings, parseSettings, settingsPath } from '../../src/cli/settings.js';
import { INTERVIEW, runCli } from '../helpers/cli.js';

const FILE = '/home/u/.config/yuedu/config.toml';

describe('parseSettings', () => {
  it('reads every known setting', () => {
    const text = ['# mine', 'measure = 60', 'indent = true', 'spacing = 0', 'script = "traditional-tw"', 'sidebar = false', 'ambiguous-width = "wide"', 'clipboard = false', ''].join('\n');
    expect(parseSettings(text, FILE)).toEqual({
      settings: { measure: 60, indent: true, spacing: 0, script: 'traditional-tw', sidebar: false, ambiguousWidth: 'wide', clipboard: false },
      warnings: [],
    });
  });

  it('warns in one line, naming file and line, of an unknown key and of each bad value, and keeps the rest', () => {
    const text = ['measure = 60', 'colour = "red"', 'spacing = 2', 'script = "klingon"', 'indent = "yes"', 'measure2 = 1'].join('\n');
    const { settings, warnings } = parseSettings(text, FILE);
    expect(settings).toEqual({ measure: 60 });
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(new RegExp(`^${FILE}:2: unknown setting 'colour'`));
    expect(warnings[1]).toBe(`${FILE}:3: spacing must be 0 or 1, not 2`);
    expect(warnings[2]).toMatch(new RegExp(`^${FILE}:4: script must be "original", .*not "klingon"$`));
    expect(warnings[3]).toBe(`${FILE}:5: indent must be true or false, not "yes"`);
    expect(warnings[4]).toMatch(new RegExp(`^${FILE}:6: unknown setting 'measure2'`));
    for (const warning of warnings) expect(warning).not.toContain('\n');
  });

  it('ignores a file that is not TOML, with the line of the mistake', () => {
    const { settings, warnings } = parseSettings('measure = 60\nindent = \n', FILE);
    expect(settings).toEqual({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${FILE}:2: not valid TOML`));
    expect(warnings[0]).not.toContain('\n');
  });

  it('warns of a table where a value belongs', () => {
    const { warnings } = parseSettings('[measure]\nx = 1\n', FILE);
    expect(warnings[0]).toMatch(/measure must be a whole number from 0 to 10000, not a table or list/);
  });
});

describe('loadSettings', () => {
  const home = mkdtempSync(join(tmpdir(), 'yuedu-settings-'));

  it('finds the file under XDG_CONFIG_HOME, else ~/.config; a missing file is no settings', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/x', HOME: '/h' })).toBe('/x/yuedu/config.toml');
    expect(settingsPath({ XDG_CONFIG_HOME: 'relative', HOME: '/h' })).toBe('/h/.config/yuedu/config.toml');
    expect(loadSettings({ XDG_CONFIG_HOME: join(home, 'none') })).toEqual({ settings: {}, warnings: [] });
  });

  it('ignores a FIFO or a directory in the file\'s place with a warning, without waiting', () => {
    const config = join(home, 'fifo');
    mkdirSync(join(config, 'yuedu'), { recursive: true });
    execFileSync('mkfifo', [join(config, 'yuedu', 'config.toml')]);
    expect(loadSettings({ XDG_CONFIG_HOME: config }).warnings[0]).toMatch(/not a regular file/);
    const dir = join(home, 'dir');
    mkdirSync(join(dir, 'yuedu', 'config.toml'), { recursive: true });
    expect(loadSettings({ XDG_CONFIG_HOME: dir }).warnings[0]).toMatch(/not a regular file/);
  });
});

describe('the settings file and the command line', () => {
  const config = mkdtempSync(join(tmpdir(), 'yuedu-config-'));
  mkdirSync(join(config, 'yuedu'));
  const write = (text: string) => writeFileSync(join(config, 'yuedu', 'config.toml'), text);
  const env = { XDG_CONFIG_HOME: config };

  it('prints in the script, spacing and indent the file sets; the command line wins', () => {
    write('script = "traditional"\nindent = true\n');
    const r = runCli(['print', '--width', '60', INTERVIEW], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('產業');
    expect(r.stdout).toMatch(/\n　　/);
    const plain = runCli(['print', '--width', '60', '--script', 'original', '--no-indent', INTERVIEW], { env });
    expect(plain.stdout).toContain('产业');
    expect(plain.stdout).not.toMatch(/\n　　/);
  });

  it('lays out for wide ambiguous characters when the file says so, unless --ambiguous-narrow', () => {
    write('ambiguous-width = "wide"\n');
    const text = '“引号”'.repeat(20);
    const wide = runCli(['wrap', '--width', '20'], { env, input: text });
    const narrow = runCli(['wrap', '--width', '20', '--ambiguous-narrow'], { env, input: text });
    expect(wide.stdout.split('\n').length).toBeGreaterThan(narrow.stdout.split('\n').length);
  });

  it('warns on stderr in one line and goes on', () => {
    write('spacing = 3\n');
    const r = runCli(['print', INTERVIEW], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`yuedu: warning: ${join(config, 'yuedu', 'config.toml')}:1: spacing must be 0 or 1, not 3\n`);
  });
});
