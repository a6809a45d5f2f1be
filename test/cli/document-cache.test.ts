import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedText, keepDocument, KEEP_FROM_BYTES, KEEP_UP_TO_BYTES } from '../../src/cli/document-cache.js';
import { loadDocument } from '../../src/cli/formats.js';
import { mayKeep } from '../../src/cli/kept.js';
import { documentKey } from '../../src/storage/record.js';
import { partTable } from '../../src/storage/search-cache.js';
import { runCli } from '../helpers/cli.js';
import { buildEpub } from '../helpers/epub.js';

const home = mkdtempSync(join(tmpdir(), 'yuedu-doc-cache-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

let made = 0;
/** A fresh cache and a novel over the size kept, in a folder of their own. */
function setup(): { env: NodeJS.ProcessEnv; file: string; folder: string } {
  const dir = join(home, String(made++));
  const env = { XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache') };
  const chapters: string[] = [];
  for (let n = 1; chapters.join('\n').length * 3 < KEEP_FROM_BYTES * 1.2; n++) {
    chapters.push(`第${n}章 第${n}个地方`, ...Array.from({ length: 20 }, (_, k) => `　　他在第${n}个地方走了${k}里路，天色渐渐暗下来，风也大了。`));
  }
  const file = join(dir, 'novel.txt');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `某部小说\n作者：某人\n\n${chapters.join('\n')}\n`, { flag: 'w' });
  return { env, file, folder: join(dir, 'cache', 'yuedu', 'documents') };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('texts opened before, kept parsed (document-cache.ts)', () => {
  it('keeps a long text the reader parsed and gives it back unchanged, with its content key', async () => {
    const { env, file, folder } = setup();
    const first = cachedText(file, 'text', {}, env);
    expect(first.doc).toBeUndefined();
    const parsed = first.parsed(await loadDocument(file));
    expect(keepDocument(parsed, env)).toBeUndefined();
    expect(readdirSync(folder)).toHaveLength(1);
    const again = cachedText(file, 'text', {}, env);
    expect(again.doc).toBeDefined();
    expect(json(again.doc)).toEqual(json(parsed));
    expect(documentKey(again.doc!.source)).toBe(documentKey(`${parsed.source}`));
    // Kept once: a document read from the cache is not written again.
    expect(keepDocument(again.doc!, env)).toBeUndefined();
  });

  it('is not looked for (nor its code loaded) when there is no cache: YUEDU_STATE=off', () => {
    const { env, file } = setup();
    expect(mayKeep(file, KEEP_FROM_BYTES, env)).toBe(true);
    expect(mayKeep(file, KEEP_FROM_BYTES, { ...env, YUEDU_STATE: 'off' })).toBe(false);
    expect(mayKeep(`${file}.missing`, KEEP_FROM_BYTES, env)).toBe(false);
  });

  it('parses a file again once it changed, and with other options', async () => {
    const { env, file } = setup();
    keepDocument(cachedText(file, 'text', {}, env).parsed(await loadDocument(file)), env);
    expect(cachedText(file, 'text', {}, env).doc).toBeDefined();
    expect(cachedText(file, 'text', { chapter: /^第/u }, env).doc).toBeUndefined();
    keepDocument(cachedText(file, 'text', { chapter: /^第/u }, env).parsed(await loadDocument(file, { chapter: /^第/u })), env);
    expect(cachedText(file, 'text', { chapter: /^第/u }, env).doc).toBeDefined();
    // Another rule is another outline.
    expect(cachedText(file, 'text', { chapter: /^第.章/u }, env).doc).toBeUndefined();
    expect(cachedText(file, 'text', { encoding: 'gb18030' }, env).doc).toBeUndefined();
    appendFileSync(file, '第九千章 新的一章\n　　又写了一段。\n');
    expect(cachedText(file, 'text', {}, env).doc).toBeUndefined();
  });

  it('never keeps a text over the size kept', async () => {
    const { env } = setup();
    const huge = join(home, 'huge.txt');
    writeFileSync(huge, `第一章 起\n${'　　很长的一段。\n'.repeat(Math.ceil((KEEP_UP_TO_BYTES + 1) / 25))}`);
    const cached = cachedText(huge, 'text', {}, env);
    expect(keepDocument(cached.parsed(await loadDocument(huge)), env)).toBeUndefined();
    expect(cachedText(huge, 'text', {}, env).doc).toBeUndefined();
    rmSync(huge);
  });

  it('never keeps a short text, and reads nothing when state is off', async () => {
    const { env, file } = setup();
    const short = join(home, 'short.txt');
    writeFileSync(short, '第一章 起\n　　短短一段。\n');
    const cached = cachedText(short, 'text', {}, env);
    expect(keepDocument(cached.parsed(await loadDocument(short)), env)).toBeUndefined();
    expect(cachedText(short, 'text', {}, env).doc).toBeUndefined();
    keepDocument(cachedText(file, 'text', {}, env).parsed(await loadDocument(file)), env);
    expect(cachedText(file, 'text', {}, { ...env, YUEDU_STATE: 'off' }).doc).toBeUndefined();
  });

  it('drops a damaged entry and parses the text instead', async () => {
    const { env, file, folder } = setup();
    keepDocument(cachedText(file, 'text', {}, env).parsed(await loadDocument(file)), env);
    const [name] = readdirSync(folder);
    const path = join(folder, name!);
    const bytes = new Uint8Array(readFileSync(path));
    const numbers = partTable(bytes)[2]!;
    bytes[numbers.offset + 4] = bytes[numbers.offset + 4]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(cachedText(file, 'text', {}, env).doc).toBeUndefined();
    expect(readdirSync(folder)).toHaveLength(0);
  });

  it('keeps an EPUB and a Markdown file too, each under its format', async () => {
    const { env, folder } = setup();
    const dir = join(folder, '..', '..', '..');
    const epub = join(dir, 'book.epub');
    writeFileSync(epub, buildEpub({ title: '某书', chapters: [{ file: 'a.xhtml', body: '<h1>第一章</h1><p>这是<b>粗体</b>的段落。</p>' }], toc: [{ title: '第一章', href: 'a.xhtml' }] }));
    const markdown = join(dir, 'notes.md');
    writeFileSync(markdown, '# 札记\n\n**重点**和[链接](https://example.com)。\n');
    for (const [file, format] of [[epub, 'epub'], [markdown, 'markdown']] as const) {
      const parsed = cachedText(file, format, {}, env, 0).parsed(await loadDocument(file));
      keepDocument(parsed, env);
      const again = cachedText(file, format, {}, env, 0).doc;
      expect(json(again)).toEqual(json(parsed));
      // The same file read as another format is another entry.
      expect(cachedText(file, 'text', {}, env, 0).doc).toBeUndefined();
    }
  });

  it('the plain commands read what the reader kept, and print the same', async () => {
    const { env, file, folder } = setup();
    const fresh = runCli(['print', '--width', '40', file], { env });
    expect(existsSync(folder)).toBe(false);
    keepDocument(cachedText(file, 'text', {}, env).parsed(await loadDocument(file)), env);
    const kept = runCli(['print', '--width', '40', file], { env });
    expect(kept).toMatchObject({ status: 0, stderr: '' });
    expect(kept.stdout).toBe(fresh.stdout);
    expect(runCli(['toc', '--json', file], { env }).stdout).toBe(runCli(['toc', '--json', file], { env: { ...env, XDG_CACHE_HOME: join(home, 'empty') } }).stdout);
  });
});
