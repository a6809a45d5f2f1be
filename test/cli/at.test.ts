import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { UserError } from '../../src/cli/errors.js';
import { cellWidth } from '../../src/core/layout/width.js';
import { INTERVIEW, runCli } from '../helpers/cli.js';

const interview = readFileSync(INTERVIEW, 'utf8');
const lines = interview.split('\n').filter((line) => line.trim() !== '');
const TITLE = lines[0] ?? '';
/** The interview's paragraphs as written, found without the parser: by how they begin. */
const line = (start: string) => lines.find((l) => l.startsWith(start)) ?? '';
const S2P3 = line('其中,在优化存量方面');
const S1P1 = line('重庆日报:推动电子信息产业').replace(/^重庆日报:/, '');
const HEADING_2 = '推进成渝地区电子信息产业协同发展';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    return (error as UserError).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('arguments for deep links and the reader', () => {
  it('defaults: no reference, resume on, clipboard on, measure and indent as remembered', () => {
    expect(parseCliArgs([])).toMatchObject({ command: 'read', fromStart: false, clipboard: true });
    const args = parseCliArgs([]);
    expect(args.at).toBeUndefined();
    expect(args.measure).toBeUndefined();
    expect(args.indent).toBeUndefined();
  });

  it.each([
    [['--at', 'S2P3'], { command: 'read', at: 's2p3' }],
    [['--at', '2.3', 'file.txt'], { command: 'read', at: 's2p3', positionals: ['file.txt'] }],
    [['--at', 's2'], { at: 's2' }],
    [['--at', '#s0p1'], { at: 's0p1' }],
    [['print', '--at', 'ｓ１ｐ２'], { command: 'print', at: 's1p2' }],
    [['--from-start'], { fromStart: true }],
    [['--no-clipboard'], { clipboard: false }],
    [['--measure', '60'], { measure: 60 }],
    [['--measure', '0'], { measure: 0 }],
    [['--indent'], { indent: true }],
    [['--no-indent'], { indent: false }],
    [['--at', 's1p1', '--from-start', '--no-clipboard', '--measure', '72', '--indent'], { at: 's1p1', fromStart: true, clipboard: false, measure: 72, indent: true }],
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--at', 'chapter 2'], /--at needs a paragraph reference, not 'chapter 2'/],
    [['--at', 's2p0'], /--at needs a paragraph reference/],
    [['--at'], /--at needs a value/],
    [['--measure', 'wide'], /--measure needs a whole number from 0 to 10000/],
    [['--measure', '-3'], /--measure/],
    [['--indent', '--no-indent'], /either --indent or --no-indent/],
    [['--at', 's1p1', '--section', '1'], /either --at or --section/],
    [['print', '--at', 's1p1', '--section', '1'], /either --at or --section/],
    [['toc', '--at', 's1p1'], /--at does not apply to 'yuedu toc'/],
    [['print', '--from-start'], /--from-start does not apply to 'yuedu print'/],
    [['print', '--measure', '40'], /--measure does not apply/],
    [['wrap', '--no-clipboard'], /--no-clipboard does not apply/],
  ])('%j is a usage error', (argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it('--help documents the new options and the state switch', () => {
    const r = runCli(['--help']);
    for (const word of ['--at REF', 's2p3', '--from-start', '--measure N', '--indent', '--no-indent', '--no-clipboard', 'YUEDU_STATE=off', 'XDG_STATE_HOME']) {
      expect(r.stdout).toContain(word);
    }
  });
});

describe('yuedu print --at', () => {
  it('prints s2p3 as a citation: the quote, then speaker, title, date, section heading, paragraph and ref', () => {
    const r = runCli(['print', '--at', 's2p3']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const [quote, attribution, ...rest] = r.stdout.split('\n');
    expect(rest).toEqual(['']);
    expect(quote).toBe(`> ${S2P3}`);
    const parts = ['—— 刘忠', TITLE, '2020-05-22', `第2节「${HEADING_2}」`, '第3段', '(s2p3)'];
    const at = parts.map((part) => attribution?.indexOf(part) ?? -1);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('names the interviewer of a question and leaves the label out of the quote', () => {
    const r = runCli(['print', '--at', 's1p1']);
    expect(r.stdout.split('\n')[0]).toBe(`> ${S1P1}`);
    expect(r.stdout.split('\n')[1]).toMatch(/^—— 重庆日报，/);
  });

  it('gives the same citation for every spelling of a reference, and for the file or standard input', () => {
    const expected = runCli(['print', '--at', 's2p3']).stdout;
    for (const spelling of ['S2P3', '2.3', '#s2p3', 'ｓ２ｐ３', ' s02p03 ']) expect(runCli(['print', '--at', spelling]).stdout).toBe(expected);
    expect(runCli(['print', '--at', 's2p3', INTERVIEW]).stdout).toBe(expected);
    expect(runCli(['print', '--at', 's2p3', '-'], { input: interview }).stdout).toBe(expected);
  });

  it('is not wrapped without --width, so it pastes as one quote line', () => {
    expect(runCli(['print', '--at', 's2p3'], { env: { COLUMNS: '20' } }).stdout.split('\n')).toHaveLength(3);
  });

  for (const width of [12, 30, 80]) {
    it(`with --width ${width} wraps every line to fit, keeping "> " on each quote line and every character`, () => {
      const whole = runCli(['print', '--at', 's2p3']).stdout.split('\n');
      const r = runCli(['print', '--at', 's2p3', '--width', String(width)]);
      expect(r.status).toBe(0);
      const out = r.stdout.split('\n').slice(0, -1);
      for (const l of out) expect(cellWidth(l)).toBeLessThanOrEqual(width);
      const quoteLines = out.filter((l) => l.startsWith('> '));
      expect(out.slice(0, quoteLines.length)).toEqual(quoteLines);
      expect(quoteLines.map((l) => l.slice(2)).join('')).toBe(S2P3);
      // A space where a line breaks is dropped, as in print; nothing else may change.
      const squeeze = (text: string) => text.replace(/ /g, '');
      expect(squeeze(out.slice(quoteLines.length).join(''))).toBe(squeeze(whole[1] ?? ''));
    });
  }

  it.each([
    ['s9p1', /no section 9: the document has sections 1–3/],
    ['s2p9', /no paragraph s2p9: section 2 has 5 paragraphs \(s2p1–s2p5\)/],
    ['s2', /--at s2 names a whole section/],
    // Refs `yuedu search --json` gives for hits in the title lines: understood, and not paragraphs.
    ['title', /--at s0 names a whole section/],
    ['original-title', /--at original-title names the 原标题 line, not a paragraph/],
    ['two-three', /--at needs a paragraph reference, not 'two-three'/],
    ['\u001b[31mred', /--at needs a paragraph reference, not '␛\[31mred'/],
  ])('%j exits 2 with one message and a hint, nothing on stdout', (ref, message) => {
    const r = runCli(['print', '--at', ref]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^yuedu: [^\n]+\n[^\n]+\n$/);
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('yuedu --at', () => {
  it('is accepted for the reader', () => {
    const r = runCli(['--at', 's2p3', '--from-start', '--no-clipboard', '--measure', '40', '--indent']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('refuses a malformed reference before opening anything', () => {
    const r = runCli(['--at', 'x9', '/no/such/file']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--at needs a paragraph reference/);
  });
});
