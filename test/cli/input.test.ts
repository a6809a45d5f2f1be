import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findBundledText, inputError, MAX_INPUT_BYTES, readInput, STDIN_NAME } from '../../src/cli/input.js';
import { UserError } from '../../src/cli/errors.js';
import { FORBIDDEN, HOSTILE_TEXT } from '../fixtures/hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'yuedu-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** The one-line contract every input error keeps. */
function expectOneLine(error: UserError, pattern: RegExp): void {
  expect(error.exitCode).toBe(2);
  expect(error.message).toMatch(pattern);
  expect(error.message).not.toMatch(/[\n\r]/);
  expect(error.message).not.toMatch(FORBIDDEN);
}

const INTERVIEW = readFileSync(new URL('../../content/interview.txt', import.meta.url), 'utf8');

describe('readInput: where the text comes from', () => {
  it('opens the bundled interview when no file is given', async () => {
    expect(await readInput(undefined)).toEqual({ name: 'interview.txt', text: INTERVIEW });
  });

  it('finds content/interview.txt above the bundle (dist/) and above the sources (src/cli/)', () => {
    const root = join(dir, 'package');
    mkdirSync(join(root, 'content'), { recursive: true });
    mkdirSync(join(root, 'dist'), { recursive: true });
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    writeFileSync(join(root, 'content', 'interview.txt'), '标题\n');
    const expected = join(root, 'content', 'interview.txt');
    expect(findBundledText(pathToFileURL(join(root, 'dist', 'yuedu.js')))).toBe(expected);
    expect(findBundledText(pathToFileURL(join(root, 'src', 'cli', 'input.ts')).href)).toBe(expected);
  });

  it('finds nothing when no folder close above has the content', () => {
    const lonely = join(dir, 'lonely', 'a', 'b', 'c', 'd', 'e');
    mkdirSync(lonely, { recursive: true });
    expect(findBundledText(pathToFileURL(join(lonely, 'yuedu.js')))).toBeUndefined();
  });

  it('reads all of standard input for -, even when a character is split between chunks', async () => {
    const bytes = new TextEncoder().encode('标题\r\n\r\n正文。');
    const stdin = Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]);
    expect(await readInput('-', { stdin })).toEqual({ name: STDIN_NAME, text: '标题\n\n正文。' });
  });

  it('reads standard input that arrives as strings', async () => {
    expect((await readInput('-', { stdin: Readable.from(['中', '文']) })).text).toBe('中文');
  });

  it.each(['my file.txt', '中文 名.txt', '-leading-dash.txt', '--', '\u3000全角空格.txt'])('opens a file named %j', async (name) => {
    const path = file(name, '标题\n\n正文。');
    const input = await readInput(path);
    expect(input).toEqual({ name: path, text: '标题\n\n正文。' });
  });

  it('opens a relative path with a leading dash from the working directory', async () => {
    file('-rel.txt', 'dash');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await readInput('-rel.txt')).text).toBe('dash');
    } finally {
      process.chdir(cwd);
    }
  });

  it('decodes GB18030 and UTF-16 files and normalises their newlines', async () => {
    expect((await readInput(file('gbk.txt', new Uint8Array([0xd6, 0xd0, 0x0d, 0x0a, 0xce, 0xc4])))).text).toBe('中\n文');
    expect((await readInput(file('utf16.txt', new Uint8Array([0xfe, 0xff, 0x4e, 0x2d, 0x00, 0x0d, 0x65, 0x87])))).text).toBe('中\n文');
  });

  it('sanitises what it reads: no control sequence survives', async () => {
    // Without its NUL, which would make the file binary.
    const { text } = await readInput(file('hostile.txt', HOSTILE_TEXT.replace('\x00', '')));
    expect(text).not.toMatch(FORBIDDEN);
    expect(text).toContain('\u241b[31;1m');
    expect(text.match(/前/g)).toHaveLength(HOSTILE_TEXT.match(/前/g)?.length ?? -1);
  });

  it('reads an empty file and a file of blank lines', async () => {
    expect((await readInput(file('empty.txt', ''))).text).toBe('');
    expect((await readInput(file('blank.txt', '\n\r\n  \n'))).text).toBe('\n\n  \n');
  });
});

describe('readInput: errors are one clear line, exit code 2', () => {
  it('reports a missing file', async () => {
    const error = await failure(readInput(join(dir, 'missing.txt')));
    expectOneLine(error, /^cannot open ".*missing\.txt": no such file$/);
  });

  it('reports a path through a file as missing', async () => {
    const error = await failure(readInput(join(file('plain.txt', 'x'), 'inside.txt')));
    expectOneLine(error, /: no such file$/);
  });

  it('reports a directory', async () => {
    const error = await failure(readInput(dir));
    expectOneLine(error, /^cannot open ".*": it is a directory, not a text file$/);
  });

  it.each(['EACCES', 'EPERM'])('reports permission denied (%s)', (code) => {
    // Tests run as root here, where chmod cannot deny a read; the mapping is what matters.
    const error = inputError('"secret.txt"', Object.assign(new Error('denied'), { code }));
    expectOneLine(error, /^cannot open "secret\.txt": permission denied$/);
  });

  it('reports an unexpected system error by its code', () => {
    const error = inputError('"x.txt"', Object.assign(new Error('i/o'), { code: 'EIO' }));
    expectOneLine(error, /^cannot open "x\.txt": EIO$/);
  });

  it('reports a binary file', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const error = await failure(readInput(file('image.png', png)));
    expectOneLine(error, /^cannot open ".*image\.png": it looks like a binary file, not a text$/);
  });

  it.each([
    ['book.pdf', [...Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')], 'a PDF'],
    ['book.azw3', [...new Uint8Array(60), ...Buffer.from('BOOKMOBI'), ...new Uint8Array(40)], 'a Kindle book (MOBI, AZW or AZW3)'],
    ['book.umd', [0x89, 0x9b, 0x9a, 0xde, 0x23, 0x01, 0x00], 'a UMD book'],
    ['book.docx', [0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(26), ...Buffer.from('[Content_Types].xml'), ...new Uint8Array(20)], 'a Word document (.docx)'],
  ])('names a book format it does not read (%s) and how to make one it does', async (name, bytes, what) => {
    const error = await failure(readInput(file(name, new Uint8Array(bytes))));
    expectOneLine(error, new RegExp(`^cannot open ".*${name.replace('.', '\\.')}": it is ${what.replace(/[()]/gu, '\\$&')}, which yuedu does not read$`, 'u'));
    expect(error.hint).toMatch(/ebook-convert/u);
    // Named as a text's encoding, the bytes are read as one: the user asked.
    if (name === 'book.pdf') expect((await readInput(file(name, new Uint8Array(bytes)), { encoding: 'utf-8' })).text).toContain('%PDF-1.4');
  });

  it('reports undecodable bytes, with a hint', async () => {
    const error = await failure(readInput(file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]))));
    expectOneLine(error, /^cannot open ".*latin1\.txt": it is not UTF-8, UTF-16 or GB18030 text \(nor Big5\)$/);
    expect(error.hint).toMatch(/UTF-8/);
  });

  it(`refuses a file over the limit before reading it, stating the limit (${MAX_INPUT_BYTES / 1024 / 1024} MiB)`, async () => {
    const path = file('huge.txt', '');
    truncateSync(path, MAX_INPUT_BYTES + 1024 * 1024); // sparse: no disk, no time
    const error = await failure(readInput(path));
    expectOneLine(error, /^cannot open ".*huge\.txt": it is 65 MiB, too large to be a text \(the limit is 64 MiB\)$/);
  });

  it('accepts a file of exactly the limit', async () => {
    const path = file('limit.txt', 'a'.repeat(1000));
    expect((await readInput(path, { maxBytes: 1000 })).text).toHaveLength(1000);
    expectOneLine(await failure(readInput(path, { maxBytes: 999 })), /too large to be a text \(the limit is 999 B\)$/);
  });

  it('stops reading an endless device or pipe at the limit', async () => {
    const error = await failure(readInput('/dev/zero', { maxBytes: 4096 }));
    expectOneLine(error, /^cannot open "\/dev\/zero": it is larger than 4 KiB, too large to be a text \(the limit is 4 KiB\)$/);
  });

  it('stops reading standard input at the limit', async () => {
    const stdin = Readable.from([new Uint8Array(3000), new Uint8Array(3000)]);
    const error = await failure(readInput('-', { stdin, maxBytes: 4096 }));
    expectOneLine(error, /^cannot open standard input: it is larger than 4 KiB/);
  });

  it('reports binary standard input', async () => {
    const error = await failure(readInput('-', { stdin: Readable.from([new Uint8Array([0, 1, 2, 3])]) }));
    expectOneLine(error, /^cannot open standard input: it looks like a binary file/);
  });

  it('says how to read a zip piped in (an EPUB) with --format epub', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0]);
    const error = await failure(readInput('-', { stdin: Readable.from([zip]) }));
    expectOneLine(error, /^cannot open standard input: it looks like a binary file/);
    expect(error.hint).toMatch(/--format epub/);
    const other = await failure(readInput('-', { stdin: Readable.from([new Uint8Array([0, 1, 2, 3])]) }));
    expect(other.hint).toBeUndefined();
  });

  it('reports a missing bundled interview', async () => {
    const error = await failure(readInput(undefined, { bundledPath: join(dir, 'nowhere', 'interview.txt') }));
    expectOneLine(error, /^cannot open "interview\.txt": no such file$/);
  });

  it('shows a hostile file name harmlessly: no control, no line break', async () => {
    const name = join(dir, 'evil\x1b]0;pwned\x07\n\u202eexe.txt');
    const error = await failure(readInput(name));
    expectOneLine(error, /no such file$/);
    expect(error.message).toContain('evil\u241b]0;pwned\u2407\u2424exe.txt');
  });

  it('opens a file whose name holds controls, and names it safely', async () => {
    const path = file('odd\x1b[2Jname.txt', 'ok');
    const input = await readInput(path);
    expect(input.text).toBe('ok');
    expect(input.name).not.toMatch(FORBIDDEN);
    expect(input.name.endsWith('odd\u241b[2Jname.txt')).toBe(true);
  });
});
