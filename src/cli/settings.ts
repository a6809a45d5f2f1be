/**
 * The settings file: what a reader sets once, in `$XDG_CONFIG_HOME/yuedu/config.toml` (default
 * `~/.config/yuedu/config.toml`). TOML, parsed by smol-toml; every key optional:
 *
 *     measure = 60                 # columns of text, 0 for no limit
 *     indent = true                # or false; unset: as the text indents
 *     spacing = 0                  # blank lines between paragraphs, 0 or 1
 *     script = "traditional-tw"    # original, simplified, traditional, traditional-tw, traditional-hk
 *     sidebar = false              # the docked sidebar shown at start
 *     ambiguous-width = "wide"     # wide, narrow, or detect (ask the terminal)
 *     clipboard = false            # the copy key leaves the clipboard alone
 *
 * The command line wins over the file, and the file over the defaults. A file that is not there is
 * no settings; a key it does not know, a value of the wrong kind or a file that is not TOML is a
 * one-line warning naming the file and the line, and the rest of the file still counts. Never an error:
 * a typo in a settings file must not keep anyone from reading.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as SmolToml from 'smol-toml';
import type { Spacing } from '../core/layout/flow.js';
import { SCRIPTS, type Script } from '../core/script/convert.js';

export interface Settings {
  measure?: number;
  indent?: boolean;
  spacing?: Spacing;
  script?: Script;
  /** False: the docked sidebar starts hidden. */
  sidebar?: boolean;
  ambiguousWidth?: 'wide' | 'narrow' | 'detect';
  clipboard?: boolean;
}

export interface LoadedSettings {
  settings: Settings;
  /** One line each: `FILE:LINE: what is wrong`. */
  warnings: string[];
}

/** Where the settings file is: `$XDG_CONFIG_HOME/yuedu/config.toml`, else under `~/.config` (undefined without a home). */
export function settingsPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'yuedu', 'config.toml');
  let home = env.HOME;
  if (!home) {
    try {
      home = homedir();
    } catch {
      home = undefined;
    }
  }
  return home ? join(home, '.config', 'yuedu', 'config.toml') : undefined;
}

type Check = (value: unknown) => { ok: true; apply: (settings: Settings) => void } | { ok: false; expected: string };

const bool =
  (key: 'indent' | 'sidebar' | 'clipboard'): Check =>
  (value) =>
    typeof value === 'boolean' ? { ok: true, apply: (s) => void (s[key] = value) } : { ok: false, expected: 'true or false' };

const KEYS: Record<string, Check> = {
  measure: (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 10_000
      ? { ok: true, apply: (s) => void (s.measure = value) }
      : { ok: false, expected: 'a whole number from 0 to 10000' },
  indent: bool('indent'),
  spacing: (value) => (value === 0 || value === 1 ? { ok: true, apply: (s) => void (s.spacing = value) } : { ok: false, expected: '0 or 1' }),
  script: (value) =>
    typeof value === 'string' && (SCRIPTS as readonly string[]).includes(value)
      ? { ok: true, apply: (s) => void (s.script = value as Script) }
      : { ok: false, expected: SCRIPTS.map((name) => `"${name}"`).join(', ') },
  sidebar: bool('sidebar'),
  'ambiguous-width': (value) =>
    value === 'wide' || value === 'narrow' || value === 'detect'
      ? { ok: true, apply: (s) => void (s.ambiguousWidth = value) }
      : { ok: false, expected: '"wide", "narrow" or "detect"' },
  clipboard: bool('clipboard'),
};

/** The 1-based line where `key` is set at the top level of `text` (the first such line), or undefined. */
function lineOf(text: string, key: string): number | undefined {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^\\s*(?:${escaped}|"${escaped}"|'${escaped}')\\s*=`);
  const index = text.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : index + 1;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? 'a table or list' : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Reads the settings from a file's text; `file` names it in the warnings. Pure. */
export function parseSettings(text: string, file: string): LoadedSettings {
  const settings: Settings = {};
  const warnings: string[] = [];
  // Required here, not imported: only a start with a settings file pays for loading the parser.
  const { parse, TomlError } = createRequire(import.meta.url)('smol-toml') as typeof SmolToml;
  let table: Record<string, unknown>;
  try {
    table = parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/i, '');
      return { settings, warnings: [`${file}:${error.line}: not valid TOML (${reason}); the settings file is ignored`] };
    }
    throw error;
  }
  for (const [key, value] of Object.entries(table)) {
    const at = `${file}:${lineOf(text, key) ?? 1}`;
    const check = KEYS[key];
    if (!check) {
      warnings.push(`${at}: unknown setting '${key}' (known: ${Object.keys(KEYS).join(', ')})`);
      continue;
    }
    const result = check(value);
    if (result.ok) result.apply(settings);
    else warnings.push(`${at}: ${key} must be ${result.expected}, not ${shown(value)}`);
  }
  return { settings, warnings };
}

const MAX_BYTES = 64 * 1024;

/** The settings file's settings and warnings; none when there is no file. Never throws. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): LoadedSettings {
  const file = settingsPath(env);
  if (!file) return { settings: {}, warnings: [] };
  let text: string;
  try {
    // Not a FIFO (which would wait forever) nor anything huge: a settings file is a few lines.
    const stat = statSync(file);
    if (!stat.isFile()) return { settings: {}, warnings: [`${file}: not a regular file; the settings file is ignored`] };
    if (stat.size > MAX_BYTES) return { settings: {}, warnings: [`${file}: larger than 64 kB; the settings file is ignored`] };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { settings: {}, warnings: [] };
    return { settings: {}, warnings: [`${file}: cannot be read (${code ?? 'error'}); the settings file is ignored`] };
  }
  return parseSettings(text, file);
}
