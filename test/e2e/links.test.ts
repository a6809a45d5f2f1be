/**
 * Links of a Markdown text in the real reader, in a pseudo-terminal: the link's text with its address
 * dimmed after it, and the text an OSC 8 hyperlink only where hyperlinks are on; `print` writes
 * `text (url)` whatever the terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { disposeTerminals, startTerminal, YUEDU_BIN } from '../helpers/terminal.js';

afterEach(disposeTerminals);
const dir = mkdtempSync(join(tmpdir(), 'yuedu-e2e-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TIMEOUT = { timeout: 30_000 };
const file = join(dir, 'links.md');
writeFileSync(file, '# 链接\n\n先看[官网](https://example.com/路径?q=1)，再看[脚本](javascript:alert(1))，写信到[这里](mailto:a@example.com)。\n');

const OSC8 = '\u001b]8;;';
const ST = '\u001b\\';
/** The link's text between its OSC 8 opening (with the link's id) and the closing (SGR may come between). */
const linked = (target: string, text: string): RegExp =>
  new RegExp(`\u001b\\]8;id=[A-Za-z0-9._-]+;${escape(`${target}${ST}${text}`)}(?:\u001b\\[[0-9;]*m)*${escape(`${OSC8}${ST}`)}`, 'u');
const escape = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
const OFFICIAL = linked('https://example.com/%E8%B7%AF%E5%BE%84?q=1', '官网');

/** Opens the file in the reader with `env`, waits for the links on screen, and returns what was written. */
async function open(env: Record<string, string | undefined>) {
  const term = await startTerminal({ args: [file], cols: 100, rows: 12, env });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('官网 (https://example.com/路径?q=1)') && t.screen().includes('这里 (mailto:a@example.com)'), TIMEOUT);
  await term.settle();
  const raw = term.raw;
  term.write('q');
  await term.waitFor((t) => !t.isAlternateScreen(), TIMEOUT);
  return raw;
}

it('wraps a web or mail link in OSC 8 on a terminal that takes them, never a script link', async () => {
  const raw = await open({});
  expect(raw).toMatch(OFFICIAL);
  expect(raw).toMatch(linked('mailto:a@example.com', '这里'));
  expect(raw).not.toMatch(/\u001b\]8;[^\u001b]*javascript/u);
  expect(raw).not.toMatch(/\u001b\]8;[^\u001b]*\u001b\\脚本/u);
}, 60_000);

it.each([
  ['YUEDU_HYPERLINKS=0', { YUEDU_HYPERLINKS: '0' }],
  ['NO_HYPERLINKS=1', { NO_HYPERLINKS: '1' }],
  ['TERM=linux', { TERM: 'linux' }],
  ['TERM=screen', { TERM: 'screen' }],
])('sends no hyperlink with %s, the text and its address still shown', async (_, env) => {
  const raw = await open(env);
  expect(raw).not.toContain('\u001b]8;');
}, 60_000);

it('turns them on with YUEDU_HYPERLINKS=1 where the guess says no', async () => {
  expect(await open({ TERM: 'screen', YUEDU_HYPERLINKS: '1' })).toMatch(OFFICIAL);
}, 60_000);

it('gives a link wrapped across rows one id on every row, so the terminal takes the pieces as one link', async () => {
  const long = join(dir, 'long.md');
  writeFileSync(long, '# 长链接\n\n开头[一条很长很长的链接文字要折到下一行去才放得下](https://example.com/long)结尾。\n');
  const term = await startTerminal({ args: [long], cols: 40, rows: 12, env: { YUEDU_HYPERLINKS: '1' } });
  await term.waitFor((t) => t.isAlternateScreen() && t.screen().includes('结尾'), TIMEOUT);
  await term.settle();
  const opened = [...term.raw.matchAll(/\u001b\]8;([^;\u001b]*);https:\/\/example\.com\/long\u001b\\/gu)].map((m) => m[1]);
  expect(opened.length).toBeGreaterThanOrEqual(2);
  expect(new Set(opened).size).toBe(1);
  expect(opened[0]).toMatch(/^id=[A-Za-z0-9._-]+$/u);
  term.write('q');
  await term.waitFor((t) => !t.isAlternateScreen(), TIMEOUT);
}, 60_000);

it('prints links as text (url), with no escape sequence', () => {
  const printed = spawnSync(process.execPath, [YUEDU_BIN, 'print', file], { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C.UTF-8', FORCE_HYPERLINK: '1', YUEDU_STATE: 'off' } });
  expect(printed.status).toBe(0);
  expect(printed.stdout).toContain('官网 (https://example.com/路径?q=1)');
  expect(printed.stdout).not.toContain('\u001b');
});
