import { readFileSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellWidth } from '../../src/core/layout/width.js';
import { INTERVIEW, runCli } from '../helpers/cli.js';

const HEADINGS = ['累计建成数字化车间和智能工厂28家', '推进成渝地区电子信息产业协同发展', '既稳订单造新品又聚焦研发智造'];
const NO_LINE_START = '，。、：；！？”’）」』》〉】,.:;!?)]}%';
const NO_LINE_END = '“‘（「『《〈【([{';
const interview = readFileSync(INTERVIEW, 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'yuedu-cli-'));

describe('yuedu --help / --version / usage errors', () => {
  it('prints usage listing every command and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const word of ['toc', 'print', 'wrap', 'search', '--width', '--ambiguous-wide', 'NO_COLOR']) expect(r.stdout).toContain(word);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`yuedu ${pkg.version}`);
  });

  it.each([
    [['--bogus'], /unknown option --bogus/],
    [['print', '--width', 'abc'], /--width needs a whole number/],
    [['print', '--width', '0'], /--width needs a whole number/],
    [['print', '--width'], /--width needs a value/],
    [['toc', '--width', '40'], /--width does not apply to 'yuedu toc'/],
    [['print', INTERVIEW, 'extra'], /unexpected argument 'extra'/],
    [['print', '--section', '9'], /no section 9/],
  ])('%j is a usage error: one message, a hint, exit 2, no stack trace', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^yuedu: .*\n.*--help.*\n$/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it.each(['20.1.0', '22.11.0'])('refuses Node %s with one clear line and exit 1', (version) => {
    const pretendOld = `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"});Object.defineProperty(process,"version",{value:"v${version}"})`;
    const r = runCli(['--version'], { nodeArgs: ['--import', pretendOld] });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`yuedu: needs Node.js 22.12 or newer (this is v${version})\n`);
  });

  it('runs on Node 22.12', () => {
    const pretend = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"22.12.0"})';
    const r = runCli(['--version'], { nodeArgs: ['--import', pretend] });
    expect(r.status).toBe(0);
  });
});

describe('yuedu toc', () => {
  it('lists title, dateline and the three sections in order with paragraph counts', () => {
    const r = runCli(['toc']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(interview.split('\n')[0]);
    expect(r.stdout).toContain('2020-05-22T08:02');
    const positions = HEADINGS.map((h) => r.stdout.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(r.stdout).toMatch(/1 +累计建成数字化车间和智能工厂28家 +6 paragraphs/);
  });

  it('--json gives the outline to scripts', () => {
    const r = runCli(['toc', '--json']);
    expect(r.status).toBe(0);
    const toc = JSON.parse(r.stdout) as { title: string; dateline: { iso: string }; sections: { section: number; title: string; paragraphs: number; ref: string }[] };
    expect(toc.dateline.iso).toBe('2020-05-22T08:02');
    expect(toc.sections.filter((s) => s.section > 0).map((s) => s.title)).toEqual(HEADINGS);
    expect(toc.sections.find((s) => s.section === 2)).toMatchObject({ paragraphs: 5, ref: 's2p1' });
  });
});

describe('yuedu print', () => {
  for (const width of [20, 40, 80]) {
    it(`at width ${width} every line fits and obeys the punctuation rules`, () => {
      const r = runCli(['print', '--width', String(width)]);
      expect(r.status).toBe(0);
      const lines = r.stdout.replace(/\n$/, '').split('\n');
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        expect(cellWidth(line)).toBeLessThanOrEqual(width);
        if (line.length > 0) {
          expect(NO_LINE_START).not.toContain(line[0]);
          expect(NO_LINE_END).not.toContain(line.at(-1));
        }
      }
      if (width >= 40) for (const heading of HEADINGS) expect(lines).toContain(heading);
    });
  }

  it('keeps every character of the reading text (boilerplate stays out)', () => {
    const out = runCli(['print', '--width', '37']).stdout.replace(/\s/g, '');
    const strip = (s: string) => s.replace(/\s/g, '').replace(/[:：]/g, '');
    expect(strip(out)).toContain(strip('我市紧扣电子信息产业关键基础环节,不断延展集成电路、新型显示及智能传感器等产业链条'));
    expect(out).not.toContain('免责声明');
    expect(out).not.toMatch(/举报$/);
  });

  it('--section 2 prints only that section, heading first', () => {
    const r = runCli(['print', '--section', '2', '--width', '60']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(HEADINGS[1]);
    expect(r.stdout).not.toContain(HEADINGS[0]);
    expect(r.stdout).not.toContain(HEADINGS[2]);
  });

  it('--ambiguous-wide lays out so “…” counted as two cells still fit', () => {
    const r = runCli(['print', '--width', '30', '--ambiguous-wide']);
    for (const line of r.stdout.split('\n')) expect(cellWidth(line, 2)).toBeLessThanOrEqual(30);
  });

  it('writes no escape sequences when NO_COLOR is set or output is not a terminal', () => {
    expect(runCli(['print']).stdout).not.toContain('\u001b');
    expect(runCli(['toc'], { env: { NO_COLOR: '1' } }).stdout).not.toContain('\u001b');
  });

  it('bare `yuedu` with output to a pipe prints like print', () => {
    const r = runCli([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runCli(['print', '--width', '80']).stdout);
  });

  it('reads a piped document with -', () => {
    const text = '标题\n\n第一段。\n\n第二段，很短。\n';
    const r = runCli(['print', '-', '--width', '20'], { input: text });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('第二段，很短。');
  });
});

describe('yuedu wrap', () => {
  it('wraps each input line and adds or removes nothing but line breaks', () => {
    const r = runCli(['wrap', '-', '--width', '24'], { input: interview });
    expect(r.status).toBe(0);
    const outLines = r.stdout.split('\n');
    const joined = outLines.join('');
    const original = interview.replace(/\n/g, '');
    // Only spaces at a break may go, so at most one per added line break.
    expect(joined.replace(/ /g, '')).toBe(original.replace(/ /g, ''));
    expect(original.length - joined.length).toBeLessThanOrEqual(outLines.length - interview.split('\n').length);
    for (const line of r.stdout.split('\n')) expect(cellWidth(line)).toBeLessThanOrEqual(24);
  });

  it('keeps blank lines and the final newline as they were', () => {
    const r = runCli(['wrap', '-', '--width', '10'], { input: 'a\n\nb' });
    expect(r.stdout).toBe('a\n\nb');
  });

  it('reads a file named with spaces, Chinese and a leading dash', () => {
    const dir = join(tmp, 'odd names');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, '-访谈 记录.txt');
    writeFileSync(file, '电子信息产业作为我市重要支柱产业之一。\n');
    const r = runCli(['wrap', '--width', '12', '--', file]);
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\n/g, '')).toBe('电子信息产业作为我市重要支柱产业之一。');
  });

  it('a missing file is a one-line error with exit 2', () => {
    const r = runCli(['wrap', join(tmp, 'nope.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/^yuedu: .*nope\.txt/);
  });
});

describe('output to a closed pipe', () => {
  it('stops quietly when the reader of stdout goes away', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/cli.js');
    const child = spawn(process.execPath, [BIN, 'wrap', '-', '--width', '10'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(interview.repeat(200));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('the reader without a terminal answers like the plain commands', () => {
  it('--at prints the citation, as print --at does', () => {
    const r = runCli(['--at', 's2p3']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runCli(['print', '--at', 's2p3']).stdout);
  });

  it('--search lists the hits, as search does, with its exit codes', () => {
    const r = runCli(['--search', 'FPGA']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runCli(['search', 'FPGA']).stdout);
    expect(runCli(['--search', '量子计算机']).status).toBe(1);
  });
});
