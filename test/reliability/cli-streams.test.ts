/**
 * The plain commands when their streams or environment misbehave: stdout closed early (`| head -1`),
 * standard input at EOF, and locales that are not UTF-8. yuedu always reads and writes UTF-8 whatever
 * the locale says (Node does not follow LANG/LC_ALL), so LANG=C changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, INTERVIEW, runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-streams-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Many sections, so that even `toc` writes far more than a pipe buffer holds.
const SECTIONS = join(dir, 'sections.txt');
writeFileSync(
  SECTIONS,
  `长篇访谈\n\n${Array.from({ length: 8000 }, (_, i) => `第${i + 1}节小标题\n\n记者：问题${i + 1}，关于集成电路？\n\n刘忠：回答${i + 1}，关于集成电路。`).join('\n\n')}\n`,
);

/** Runs yuedu with its stdout into `head -c 1`, which exits after the first byte; returns yuedu's exit code and stderr. */
function intoHead(args: string[]): { status: number; stderr: string } {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `"${process.execPath}" "${BIN}" ${quoted} 2>"${dir}/stderr" | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined } });
  return { status: Number(result.stdout.trim()), stderr: readFileSync(join(dir, 'stderr'), 'utf8') };
}

describe('stdout closed early', () => {
  it.each([
    ['print', ['print', SECTIONS]],
    ['toc', ['toc', SECTIONS]],
    ['toc --json', ['toc', '--json', SECTIONS]],
    ['search', ['search', '--limit', '100000', '集成电路', SECTIONS]],
    ['search --json', ['search', '--json', '集成电路', SECTIONS]],
    ['wrap', ['wrap', SECTIONS]],
    ['the reader without a terminal', [SECTIONS]],
    ['--search without a terminal', ['--search', '集成电路', SECTIONS]],
  ])('%s | head: exits 0 quietly, no stack trace', (_what, args) => {
    const { status, stderr } = intoHead(args);
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

describe('standard input at EOF', () => {
  it('print - and wrap - read an empty text', () => {
    expect(runCli(['print', '-'], { input: '' })).toMatchObject({ status: 0, stdout: '无标题\n', stderr: '' });
    expect(runCli(['wrap', '-'], { input: '' })).toMatchObject({ status: 0, stdout: '', stderr: '' });
    expect(runCli(['toc', '--json', '-'], { input: '' }).status).toBe(0);
  });

  it('search in an empty standard input finds nothing (exit 1)', () => {
    expect(runCli(['search', '集成电路', '-'], { input: '' })).toMatchObject({ status: 1, stdout: '' });
  });

  it('the reader with nothing piped in opens the bundled interview (printed, stdout being a pipe)', () => {
    const r = runCli([], { input: '' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(runCli(['print', INTERVIEW, '--width', '80']).stdout);
  });
});

describe('locales that are not UTF-8', () => {
  const reference = runCli(['print', '--width', '40']).stdoutBytes;

  it.each<NodeJS.ProcessEnv>([{ LANG: 'C' }, { LC_ALL: 'POSIX' }, { LANG: 'C', LC_ALL: 'C', LC_CTYPE: 'C' }, { LANG: 'zh_CN.GB18030', LC_ALL: 'zh_CN.GB18030' }])(
    '%o: the same UTF-8 bytes as in a UTF-8 locale, and Chinese queries work',
    (locale) => {
      const env: NodeJS.ProcessEnv = { LANG: undefined, LC_ALL: undefined, LC_CTYPE: undefined };
      Object.assign(env, locale);
      const printed = runCli(['print', '--width', '40'], { env });
      expect(printed.status).toBe(0);
      expect(printed.stdoutBytes.equals(reference)).toBe(true);
      const found = runCli(['search', '--json', '集成电路'], { env });
      expect(found.status).toBe(0);
      expect(JSON.parse(found.stdout)).not.toHaveLength(0);
    },
  );
});

/** Runs yuedu under bash with `redirect` (e.g. `>/dev/full`); its exit code and what reached stderr (or stdout). */
function redirected(args: string[], redirect: string, capture: 'stderr' | 'stdout' = 'stderr'): { status: number; captured: string } {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const into = capture === 'stderr' ? `2>"${dir}/captured"` : `>"${dir}/captured"`;
  const script = `"${process.execPath}" "${BIN}" ${quoted} ${into} ${redirect}; echo $?`;
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined } });
  return { status: Number(result.stdout.trim()), captured: readFileSync(join(dir, 'captured'), 'utf8') };
}

describe('output that cannot be written (exit 74, one line, no stack trace)', () => {
  it.each([
    ['print', ['print', SECTIONS]],
    ['toc', ['toc', SECTIONS]],
    ['toc --json', ['toc', '--json', SECTIONS]],
    ['wrap', ['wrap', SECTIONS]],
    ['search', ['search', '集成电路', SECTIONS]],
    ['search --json', ['search', '--json', '集成电路', SECTIONS]],
    ['the reader without a terminal', [SECTIONS]],
    ['print --at', ['print', '--at', 's1p1', SECTIONS]],
    ['--help', ['--help']],
    ['--version', ['--version']],
  ])('%s > /dev/full: says the disk is full', (_what, args) => {
    const { status, captured } = redirected(args, '>/dev/full');
    expect(captured).toBe('yuedu: cannot write output: no space left on device\n');
    expect(status).toBe(74);
  });

  it.each([
    ['print', ['print', SECTIONS]],
    ['search', ['search', '集成电路', SECTIONS]],
    ['--version', ['--version']],
  ])('%s >&- (standard output closed): an error, not a silent success', (_what, args) => {
    const { status, captured } = redirected(args, '>&-');
    expect(captured).toBe('yuedu: cannot write output: standard output is closed\n');
    expect(status).toBe(74);
  });

  it('> /dev/null is not mistaken for a closed standard output', () => {
    expect(redirected(['print', SECTIONS], '>/dev/null')).toEqual({ status: 0, captured: '' });
  });

  it('2>/dev/full: a message that cannot be written still ends with its own exit code, no stack trace on stdout', () => {
    const { status, captured } = redirected(['print', join(dir, 'missing.txt')], '2>/dev/full', 'stdout');
    expect(captured).toBe('');
    expect(status).toBe(74);
  });

  it('2>/dev/full on success changes nothing', () => {
    const { status, captured } = redirected(['print', '--width', '40'], '2>/dev/full', 'stdout');
    expect(status).toBe(0);
    expect(captured).toBe(runCli(['print', '--width', '40']).stdout);
  });

  it('a file that fails while being read says why in words (not EIO)', () => {
    const r = runCli(['print', '/proc/self/mem']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('yuedu: cannot open "/proc/self/mem": i/o error');
  });
});
