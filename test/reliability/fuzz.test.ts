/**
 * A standing fuzz check: random and mutated byte files fed to every command (print, toc, wrap, search)
 * of the built yuedu and to the reader's first frame in a pseudo-terminal. Whatever the bytes (valid and
 * broken UTF-8, GBK/GB18030 and Big5 byte pairs, UTF-16 with a BOM, controls and escape sequences, a
 * long line, brackets and quotes nested thousands deep), yuedu never prints a stack trace, exits only
 * with a documented code, and writes none of the file's control bytes. The runs are few and bounded
 * (fast-check, a fixed number per property) so the check takes seconds, not minutes; a failure prints
 * its seed and the shrunk file to replay. Markdown files get the same promises, their pieces mixed with
 * Markdown's own and sometimes long enough to be parsed in parts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FORBIDDEN } from '../fixtures/hostile.js';
import { BIN } from '../helpers/cli.js';
import { disposeTerminals, startTerminal } from '../helpers/terminal.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(disposeTerminals);

const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')];

/** Pieces a file is made of: text as books have it, and bytes as broken files have them. */
const piece: fc.Arbitrary<number[]> = fc.oneof(
  fc.constantFrom(
    ...[
      '第一章 开始\n',
      '　　他说：“你好。”\n',
      '记者：问题是什么？\n\n刘忠：回答在这里。\n',
      '作者：某某\n',
      'FPGA 5G 40% 22.05.2020 ',
      '\r\n',
      '\n\n\n',
      '\ufeff',
      '集成电路',
      'e\u0301 👍🏽 🇨🇳 a\u0e33 ☺\ufe0f \u{1fae8} \u0600',
      '\u{e0041}\u202e\u200b',
    ].map(utf8),
  ),
  // Escape sequences and controls, raw and as UTF-8-encoded C1 controls.
  fc.constantFrom(utf8('\u001b[2J\u001b[H'), utf8('\u001b]0;title\u0007'), utf8('\u001b]52;c;aGk=\u0007'), utf8('\u001bP1$r\u001b\\'), [0xc2, 0x9b, 0x33, 0x31, 0x6d], [0, 1, 7, 8, 0x0b, 0x0c, 0x0d, 0x7f]),
  // GBK/GB18030 pairs, Big5 pairs, and any bytes at all.
  fc.array(fc.tuple(fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x40, max: 0xfe })), { maxLength: 30 }).map((pairs) => pairs.flat()),
  fc.array(fc.tuple(fc.integer({ min: 0xa1, max: 0xf9 }), fc.constantFrom(0x40, 0x55, 0x7e, 0xa1, 0xc0, 0xfe)), { maxLength: 30 }).map((pairs) => pairs.flat()),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => [...bytes]),
  // Deep nesting of brackets and quotes, and a long line without a break opportunity.
  fc.tuple(fc.constantFrom('「', '（', '“', '《', '(', '[', '‘'), fc.integer({ min: 100, max: 5000 })).map(([open, n]) => utf8(open.repeat(n))),
  fc.tuple(fc.constantFrom('中', 'a', '。', '—', ' '), fc.integer({ min: 1000, max: 60_000 })).map(([char, n]) => utf8(char.repeat(n))),
);

/** A whole file: pieces, sometimes as UTF-16 with a BOM, then a few bytes overwritten or the end cut. */
const file: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.array(piece, { maxLength: 24 }),
    fc.boolean(),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  )
  .map(([pieces, utf16, flips, cut]) => {
    let bytes = Buffer.from(pieces.flat());
    if (utf16) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
    for (const [at, byte] of flips) if (bytes.length > 0) bytes[Math.floor(at * (bytes.length - 1))] = byte;
    return cut === null ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
  });

/** A Markdown file: the pieces above among Markdown's own, long enough at times to be parsed in parts (over 128 K characters). */
const markdown: fc.Arbitrary<Buffer> = fc
  .array(
    fc.oneof(
      piece,
      fc.constantFrom('## 第一章\n\n', '# 书\n\n', '```\n', '~~~js\n', '$$\n', '[^1]', '[^1]: 注\n', '[a]: /u\n', '见[a]。', '> 引\n', '- 项\n', '1. 一\n', '<!--\n', '-->\n', '<details>\n', '| 甲 | 乙 |\n|---|---|\n', '---\n', '::: tip\n', ':::\n', '**重点：**', '\n\n').map(utf8),
      fc.integer({ min: 1000, max: 8000 }).map((n) => utf8('段落。\n\n'.repeat(n))),
    ),
    { maxLength: 30 },
  )
  .map((pieces) => Buffer.from(pieces.flat()));

let count = 0;
function save(bytes: Buffer, extension = 'txt'): string {
  const path = join(dir, `f${count++}.${extension}`);
  writeFileSync(path, bytes);
  return path;
}

const COMMANDS: { name: string; args: (path: string) => string[]; codes: number[] }[] = [
  { name: 'print', args: (p) => ['print', '--width', '30', p], codes: [0, 2] },
  { name: 'toc', args: (p) => ['toc', '--json', p], codes: [0, 2] },
  { name: 'wrap', args: (p) => ['wrap', '--width', '17', p], codes: [0, 2] },
  { name: 'search', args: (p) => ['search', '中文', p], codes: [0, 1, 2] },
];

describe('random and mutated files', () => {
  it(
    'every command: a documented exit code, no stack trace, none of the file’s controls in the output',
    () => {
      fc.assert(
        fc.property(file, (bytes) => {
          const path = save(bytes);
          for (const command of COMMANDS) {
            const run = spawnSync(process.execPath, [BIN, ...command.args(path)], { env: { ...process.env, NO_COLOR: undefined }, maxBuffer: 256 * 1024 * 1024 });
            const stdout = run.stdout.toString('utf8');
            const stderr = run.stderr.toString('utf8');
            const what = `${command.name} of ${path}: status ${run.status}, stderr ${JSON.stringify(stderr.slice(0, 300))}`;
            expect(command.codes, what).toContain(run.status);
            expect(stderr, what).not.toMatch(/^\s+at |internal error|Error:/m);
            if (run.status === 2) expect(stderr, what).toMatch(/^yuedu: [^\n]+\n/);
            expect(stdout, what).not.toMatch(/\u001b/);
            expect(stdout.replace(/\n/g, ''), what).not.toMatch(FORBIDDEN);
          }
        }),
        { numRuns: 6 },
      );
    },
    240_000,
  );

  it(
    'every command on Markdown (parsed whole, or in parts when long): the same promises',
    () => {
      fc.assert(
        fc.property(markdown, (bytes) => {
          const path = save(bytes, 'md');
          for (const command of COMMANDS.filter((candidate) => candidate.name !== 'wrap')) {
            const run = spawnSync(process.execPath, [BIN, ...command.args(path)], { env: { ...process.env, NO_COLOR: undefined, YUEDU_STATE: 'off' }, maxBuffer: 256 * 1024 * 1024 });
            const stdout = run.stdout.toString('utf8');
            const stderr = run.stderr.toString('utf8');
            const what = `${command.name} of ${path}: status ${run.status}, stderr ${JSON.stringify(stderr.slice(0, 300))}`;
            expect(command.codes, what).toContain(run.status);
            expect(stderr, what).not.toMatch(/^\s+at |internal error|Error:/m);
            expect(stdout, what).not.toMatch(/\u001b/);
            expect(stdout.replace(/\n/g, ''), what).not.toMatch(FORBIDDEN);
          }
        }),
        { numRuns: 4 },
      );
    },
    240_000,
  );

  it(
    'the reader’s first frame: opens (or refuses in one line), quits on q with 0, writes only its own sequences',
    async () => {
      // The writer's, and the ambiguous-width question's (save the cursor, report its place, restore it).
      const OWN = /\u001b\[(?:[0-9;]*[mGHKJrSTX]|\?(?:1049|25|2026|2004)[hl]|6n)|\u001b[78]/g;
      const STRAY = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
      await fc.assert(
        fc.asyncProperty(file, async (bytes) => {
          const path = save(bytes);
          const term = await startTerminal({ args: [path], cols: 60, rows: 16, env: { YUEDU_STATE: 'off' } });
          const opened = (t: typeof term): boolean => t.isAlternateScreen() && t.row(15).includes('? help');
          const refused = (t: typeof term): boolean => t.screen().includes('yuedu: ');
          await term.waitFor((t) => opened(t) || refused(t), { timeout: 30_000 });
          if (opened(term)) {
            await term.settle();
            term.write('q');
          }
          const exit = await term.exit({ timeout: 30_000 });
          expect([0, 2]).toContain(exit.exitCode);
          expect(term.screen()).not.toMatch(/^\s+at |internal error/m);
          const rest = term.raw.replace(OWN, '');
          const stray = STRAY.exec(rest);
          expect(stray, `${path}: ${JSON.stringify(rest.slice(Math.max(0, (stray?.index ?? 0) - 20), (stray?.index ?? 0) + 20))}`).toBeNull();
          expect(term.titles).toEqual([]);
          await term.dispose();
        }),
        { numRuns: 3 },
      );
    },
    240_000,
  );
});
