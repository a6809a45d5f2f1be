/**
 * The EPUB budget: a 5 MB EPUB opens (first frame) within 1.5× the time of the same text as TXT. Both
 * are made here from the benchmark's corpus (chapters of made-up Chinese paragraphs, with a title and a
 * table of contents), the EPUB zipped by the tests' fixture builder; yuedu opens each in turn, runs
 * interleaved, and the ratio of the medians is the figure (a ratio in the same run, never a bound on time).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEpub, type EpubChapter } from '../test/helpers/epub.js';
import { corpusTexts } from './corpus.js';
import { measureReady, type BenchDocument, type Size } from './measure.js';
import type { Program } from './programs.js';
import { median } from './stats.js';

/** The EPUB's size on disk the issue names. */
export const EPUB_BYTES = 5 * 1024 * 1024;
const TITLE = '基准之书';
const PER_CHAPTER = 400;

export interface FormatsResult {
  epubBytes: number;
  txtBytes: number;
  firstFrameMs: { epub: number | undefined; txt: number | undefined };
  /** epub / txt: the budget is 1.5. */
  ratio: number | undefined;
  /** Spawn → the answer to a key pressed at the first frame: the book read, not only shown. */
  readyMs: { epub: number | undefined; txt: number | undefined };
}

/** Writes the book as `book.epub` and `book.txt` in `dir`, the EPUB at least {@link EPUB_BYTES}. */
export function writeBook(dir: string): { epub: string; txt: string; epubBytes: number; txtBytes: number } {
  let paragraphs = 40_000;
  for (;;) {
    const texts = corpusTexts({ paragraphs, seed: 16 });
    const chapters: EpubChapter[] = [];
    const lines = [TITLE, ''];
    for (let start = 0, n = 1; start < texts.length; start += PER_CHAPTER, n++) {
      const part = texts.slice(start, start + PER_CHAPTER);
      chapters.push({ file: `c${n}.xhtml`, body: `<h1>第${n}章</h1>\n${part.map((p) => `<p>${p}</p>`).join('\n')}` });
      lines.push(`第${n}章`, '', ...part.flatMap((p) => [`　　${p}`, '']));
    }
    const epub = buildEpub({ title: TITLE, chapters, toc: chapters.map((c, i) => ({ title: `第${i + 1}章`, href: c.file })) });
    if (epub.length < EPUB_BYTES) {
      paragraphs = Math.ceil((paragraphs * EPUB_BYTES * 1.05) / epub.length);
      continue;
    }
    const txt = Buffer.from(lines.join('\n'), 'utf8');
    const paths = { epub: join(dir, 'book.epub'), txt: join(dir, 'book.txt') };
    writeFileSync(paths.epub, epub);
    writeFileSync(paths.txt, txt);
    return { ...paths, epubBytes: epub.length, txtBytes: txt.length };
  }
}

export async function formatsBenchmark(yuedu: Program, dir: string, runs: number, size: Size): Promise<FormatsResult> {
  const book = writeBook(dir);
  const docs: Record<'epub' | 'txt', BenchDocument> = {
    epub: { name: 'book.epub', path: book.epub, probe: TITLE },
    txt: { name: 'book.txt', path: book.txt, probe: TITLE },
  };
  const times: Record<'epub' | 'txt', number[]> = { epub: [], txt: [] };
  const ready: Record<'epub' | 'txt', number[]> = { epub: [], txt: [] };
  for (let run = 0; run < runs; run++) {
    for (const kind of ['txt', 'epub'] as const) {
      const result = await measureReady(yuedu, docs[kind], size);
      if (result.firstFrameMs !== undefined) times[kind].push(result.firstFrameMs);
      if (result.readyMs !== undefined) ready[kind].push(result.readyMs);
    }
  }
  const epub = median(times.epub);
  const txt = median(times.txt);
  return {
    epubBytes: book.epubBytes,
    txtBytes: book.txtBytes,
    firstFrameMs: { epub, txt },
    ratio: epub !== undefined && txt ? epub / txt : undefined,
    readyMs: { epub: median(ready.epub), txt: median(ready.txt) },
  };
}

/** One line for the benchmark's output. */
export function formatsLine(result: FormatsResult): string {
  const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const ratio = result.ratio === undefined ? '—' : `${result.ratio.toFixed(2)}×`;
  const readyRatio = result.readyMs.epub !== undefined && result.readyMs.txt ? ` (${(result.readyMs.epub / result.readyMs.txt).toFixed(2)}×)` : '';
  return (
    `first frame: EPUB ${mb(result.epubBytes)} ${ms(result.firstFrameMs.epub)}, same text as TXT ${mb(result.txtBytes)} ${ms(result.firstFrameMs.txt)}: ${ratio} (budget 1.5×); ` +
    `a key pressed at the first frame answered: EPUB ${ms(result.readyMs.epub)}, TXT ${ms(result.readyMs.txt)}${readyRatio}`
  );
}
