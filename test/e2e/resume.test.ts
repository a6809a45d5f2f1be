/**
 * Resume, marks, deep links, copy and reading comfort in the built reader (`bin/yuedu.js`), in a real
 * pseudo-terminal with CI=true. Each test keeps its state in a fresh XDG_STATE_HOME, so runs never see
 * each other's (or the developer's) saved places.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { citation } from '../../src/core/document/cite.js';
import { allParagraphs } from '../../src/core/document/paragraphs.js';
import { parseDocument } from '../../src/core/document/parse.js';
import type { Paragraph } from '../../src/core/document/types.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { disposeTerminals, startTerminal, type TerminalSession } from '../helpers/terminal.js';

const doc = parseDocument(readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8'));
const paragraphs = allParagraphs(doc);
const ENTER_ALTERNATE = '\u001b[?1049h';
// eslint-disable-next-line no-control-regex
const OSC52 = /\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007/g;
/** The status bar's position (`12/103 40%`): the reader is up, whatever the left side says. */
const READY = /\d+\/~?\d+ \d+%/;

const stateHomes: string[] = [];
afterEach(async () => {
  await disposeTerminals();
  for (const dir of stateHomes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yuedu-state-'));
  stateHomes.push(dir);
  return dir;
}

interface OpenOptions {
  home: string;
  cols?: number;
  rows?: number;
  args?: string[];
  env?: Record<string, string | undefined>;
}

async function open({ home, cols = 80, rows = 24, args = [], env = {} }: OpenOptions): Promise<TerminalSession> {
  const term = await startTerminal({ cols, rows, args, env: { XDG_STATE_HOME: home, ...env } });
  await term.waitFor((t) => t.isAlternateScreen() && READY.test(t.row(rows - 1)));
  await term.settle();
  return term;
}

const press = (term: TerminalSession, ...input: string[]): Promise<void> => term.typeKeys(input, { timeout: 5000 });

async function quit(term: TerminalSession): Promise<void> {
  term.write('q');
  expect((await term.exit()).exitCode).toBe(0);
}

/** The main pane's rows: right of the sidebar's rule when it is docked. */
const pane = (term: TerminalSession): string[] => term.text().map((row) => (row.includes('│') ? (row.split('│')[1] ?? '') : row).trim());
/** The top text row without a speaker label: what the anchored paragraph's text holds. */
const topText = (term: TerminalSession): string => (pane(term)[1] ?? '').replace(/^[\u3000\s]*(?:重庆日报|刘忠)：/u, '');
const status = (term: TerminalSession): string => term.row(term.rows - 1);

function paragraph(id: string): Paragraph {
  const found = paragraphs.find((p) => p.id === id);
  if (!found) throw new Error(`no paragraph ${id}`);
  return found;
}

/** The one record in a state home. */
function savedRecord(home: string): { anchor?: { block: string; offset: number }; marks: Record<string, unknown>; measure?: number; indent?: boolean } {
  const folder = join(home, 'yuedu');
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(folder, files[0] ?? ''), 'utf8'));
}

/** Every OSC 52 payload written, decoded. */
const copied = (raw: string): string[] => [...raw.matchAll(OSC52)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));

describe('resume', () => {
  it('reopens on the same paragraph and character after quitting, at another terminal size', async () => {
    const home = stateHome();
    const first = await open({ home });
    await press(first, '2', 'j', 'j', 'j', 'j');
    // On into the middle of a paragraph (past blank rows and a paragraph's first row).
    for (let i = 0; i < 10 && !/\S{4}/.test(topText(first)); i++) await press(first, 'j');
    const top = topText(first);
    expect(top.length).toBeGreaterThan(4);
    await quit(first);

    const { anchor } = savedRecord(home);
    const block = paragraphs.find((p) => p.id === anchor?.block);
    expect(block, JSON.stringify(anchor)).toBeDefined();
    // The saved character is the first one of the row that was at the top.
    expect(block?.text.slice(anchor?.offset ?? 0).startsWith(top)).toBe(true);

    for (const [cols, rows] of [[50, 16], [120, 40]] as const) {
      const again = await open({ home, cols, rows });
      const shown = topText(again);
      const at = block?.text.indexOf(shown) ?? -1;
      expect(at, `${cols}x${rows}: ${shown}`).toBeGreaterThanOrEqual(0);
      expect(at <= (anchor?.offset ?? 0) && (anchor?.offset ?? 0) < at + shown.length).toBe(true);
      await quit(again);
    }
  });

  it('saves the place when the reader is ended by SIGTERM or SIGHUP', async () => {
    for (const [signal, section] of [['SIGTERM', '2'], ['SIGHUP', '3']] as const) {
      const home = stateHome();
      const term = await open({ home });
      await press(term, section);
      term.kill(signal);
      await term.exit();
      expect(savedRecord(home).anchor, signal).toEqual({ block: `s${section}`, offset: 0 });
      const again = await open({ home });
      expect(pane(again)[1]).toBe(doc.sections[Number(section) - 1]?.title);
    }
  });

  it('--from-start opens at the top but keeps remembering', async () => {
    const home = stateHome();
    const first = await open({ home });
    await press(first, '3');
    await quit(first);
    const fresh = await open({ home, args: ['--from-start'] });
    expect(pane(fresh)[1]).toBe(doc.title.slice(0, (pane(fresh)[1] ?? '').length));
    await press(fresh, '2');
    await quit(fresh);
    const resumed = await open({ home });
    expect(pane(resumed)[1]).toBe(doc.sections[1]?.title);
  });

  it('shows a warning in the status bar for a damaged state file, and replaces it on the way out', async () => {
    const home = stateHome();
    await quit(await open({ home }));
    const folder = join(home, 'yuedu');
    const file = join(folder, readdirSync(folder).find((name) => name.endsWith('.json')) ?? '');
    writeFileSync(file, '{ not json');
    const term = await open({ home });
    expect(status(term)).toContain('saved place not restored');
    expect(pane(term)[1]).toBe(doc.title.slice(0, (pane(term)[1] ?? '').length));
    await press(term, '2');
    await quit(term);
    expect(savedRecord(home).anchor).toEqual({ block: 's2', offset: 0 });
  });

  it('YUEDU_STATE=off neither reads nor writes a state file', async () => {
    const home = stateHome();
    const term = await open({ home, env: { YUEDU_STATE: 'off' } });
    await press(term, '2', 'm', 'a');
    await quit(term);
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('marks', () => {
  it("survive a restart: m a, quit, reopen elsewhere, ' a goes there and '' back", async () => {
    const home = stateHome();
    const first = await open({ home });
    await press(first, '2', 'j', 'j', 'j', 'm', 'a');
    expect(status(first)).toContain('mark a set');
    const marked = topText(first);
    expect(Object.keys(savedRecord(home).marks)).toEqual(['a']);
    await press(first, 'G');
    await quit(first);

    const again = await open({ home });
    expect(status(again)).toContain('100%');
    await press(again, "'", 'a');
    expect(topText(again)).toBe(marked);
    await press(again, "'", "'");
    expect(status(again)).toContain('100%');
    await press(again, "'", 'x');
    expect(status(again)).toContain('no mark x');
  });

  it('two readers open on the same text both keep their marks', async () => {
    const home = stateHome();
    const one = await open({ home });
    const two = await open({ home });
    await press(one, '1', 'm', 'a');
    await press(two, '3', 'm', 'b');
    await quit(one);
    await quit(two);
    expect(Object.keys(savedRecord(home).marks).sort()).toEqual(['a', 'b']);
  });
});

describe('deep links', () => {
  it('--at s2p3 opens with that paragraph at the top, over a saved place', async () => {
    const home = stateHome();
    const first = await open({ home });
    await press(first, '3');
    await quit(first);
    const term = await open({ home, args: ['--at', 's2p3'] });
    expect(paragraph('s2p3').text.startsWith(topText(term))).toBe(true);
    expect(status(term)).toContain(doc.sections[1]?.title.slice(0, 4));
  });

  it('a reference the text does not have fails with exit 2 before the screen changes', async () => {
    const term = await startTerminal({ args: ['--at', 's2p99'], env: { XDG_STATE_HOME: stateHome() } });
    expect((await term.exit()).exitCode).toBe(2);
    expect(term.raw).not.toContain(ENTER_ALTERNATE);
    expect(term.screen()).toContain('there is no paragraph s2p99');
  });
});

describe('copy', () => {
  it('y writes one OSC 52 sequence whose base64 decodes to the citation, and says so', async () => {
    const term = await open({ home: stateHome(), args: ['--at', 's2p3'] });
    const before = term.raw.length;
    await press(term, 'y');
    await term.waitFor((t) => status(t).includes('copied'));
    const expected = citation(doc, paragraph('s2p3'));
    expect(copied(term.raw.slice(before))).toEqual([expected]);
    expect(status(term)).toContain(`copied s2p3 (${[...expected].length} chars)`);
    // The sequence leaves the screen alone.
    expect(paragraph('s2p3').text.startsWith(topText(term))).toBe(true);
  });

  it('inside tmux writes the same plain OSC 52 sequence (tmux handles it with set-clipboard on)', async () => {
    const term = await open({ home: stateHome(), args: ['--at', 's1p2'], env: { TMUX: '/tmp/tmux-1000/default,4242,0' } });
    const before = term.raw.length;
    await press(term, 'y');
    await term.waitFor((t) => status(t).includes('copied'));
    const sent = term.raw.slice(before);
    expect(copied(sent)).toEqual([citation(doc, paragraph('s1p2'))]);
    expect(sent).not.toContain('\u001bPtmux;');
    expect(status(term)).toContain('via tmux');
  });

  it('--no-clipboard writes no OSC 52 and says why', async () => {
    const term = await open({ home: stateHome(), args: ['--no-clipboard'] });
    await press(term, 'y');
    await term.waitFor((t) => status(t).includes('not copied'));
    expect(term.raw).not.toContain('\u001b]52;');
    expect(status(term)).toContain('--no-clipboard');
  });
});

describe('measure and indent', () => {
  /** The text rows' span: from the leftmost to the rightmost cell used. */
  const span = (term: TerminalSession): { left: number; right: number } => {
    const rows = term.text().slice(1, term.rows - 1).filter((row) => row.trim() !== '');
    const left = Math.min(...rows.map((row) => cellWidth(row.slice(0, row.length - row.trimStart().length))));
    const right = Math.max(...rows.map((row) => cellWidth(row.trimEnd())));
    return { left, right };
  };

  it('--measure caps and centres the text, --indent indents paragraphs; both are remembered, flags win', async () => {
    const home = stateHome();
    // Without a docked sidebar (s hides it) the pane is the whole width, so centring is measurable.
    const first = await open({ home, cols: 160, rows: 30, args: ['--measure', '40', '--indent', '--at', 's1p1'] });
    await press(first, 's');
    const { left, right } = span(first);
    expect(right - left).toBeLessThanOrEqual(40);
    expect(right - left).toBeGreaterThan(30);
    expect(Math.abs(left - (160 - right))).toBeLessThanOrEqual(3);
    expect(first.row(1)).toMatch(/^ *\u3000\u3000重庆日报：/);
    await quit(first);
    expect(savedRecord(home)).toMatchObject({ measure: 40, indent: true });

    const again = await open({ home, cols: 160, rows: 30 });
    await press(again, 's');
    expect(span(again).right - span(again).left).toBeLessThanOrEqual(40);
    expect(again.row(1)).toMatch(/^ *\u3000\u3000重庆日报：/);
    await quit(again);

    const overridden = await open({ home, cols: 160, rows: 30, args: ['--no-indent', '--measure', '0'] });
    await press(overridden, 's');
    expect(span(overridden).right - span(overridden).left).toBeGreaterThan(100);
    expect(overridden.row(1)).toMatch(/^ *重庆日报：/);
  });
});
