/**
 * `yuedu search QUERY DIR|FILE…`: one query over many texts. Each text is searched as one file would
 * be (same query language, folding and ranking); the texts are ordered by their best hit, and each
 * text's hits follow its name, best first. A text that cannot be read is skipped with a note.
 *
 * The answer comes whole, best first, once every text is searched (with indexes cached, well within a
 * second for fifty novels): texts listed as found would put a weak match ahead of the best. A text's index is dropped before the next is opened (its hits are plain data by then), so
 * the memory its parts were read into serves the next text.
 */
import type { Document } from '../../core/document/types.js';
import type { SearchHit } from '../../core/search/types.js';
import { sanitizeLine } from '../../core/document/sanitize.js';
import { scanFolder } from '../../storage/shelf-scan.js';
import { searchText, type SearchTextOptions } from './search.js';
import { BUILD_STAMP, openTextIndex, type IndexCaches, type TextIndex } from './text-index.js';
import { SearchCache } from '../../storage/search-cache.js';
import { FileCache } from '../../storage/shelf-cache.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

export interface TextHits {
  file: string;
  title: string;
  hits: SearchHit[];
  /** Hits beyond those kept. */
  more: number;
}

/** The files named: folders are searched for texts (as the shelf does), files taken as they are. */
export function expandTargets(targets: readonly string[]): { files: string[]; notes: string[] } {
  const files: string[] = [];
  const notes: string[] = [];
  for (const target of targets) {
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      // Left for the loader, whose message says what is wrong with it.
    }
    if (isDir) {
      const scan = scanFolder(target);
      files.push(...scan.files);
      notes.push(...scan.notes);
    } else files.push(target);
  }
  return { files: [...new Set(files.map((f) => resolve(f)))], notes };
}

/** The caches a search across texts reads and fills, or undefined when nothing may be written. */
export function openIndexCaches(env: NodeJS.ProcessEnv = process.env): IndexCaches | undefined {
  const search = SearchCache.open({ stamp: BUILD_STAMP, env });
  return search ? { search, files: FileCache.open(env) } : undefined;
}

export interface SearchManyOptions {
  /** Told before each text and once at the end, with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Where indexes are kept between runs; without it every text is read and indexed. */
  caches?: IndexCaches;
}

/** A text's hits as plain data: nothing in them reads its index again. */
function searchOne(text: TextIndex, file: string, query: string, limit: number): TextHits | undefined {
  const found = text.index.search(query);
  if (found.length === 0) return undefined;
  // Plain hits, their matches worked out now: a hit's lazy matches hold its whole index, which is
  // closed (and its memory reused) once the text is done.
  const hits = found.slice(0, limit).map((hit) => ({ ...hit, matches: hit.matches }));
  return { file, title: text.title, hits, more: Math.max(0, found.length - limit) };
}

/** Best first: by the best hit's score, then by how many hits, then by name so ties are stable. */
export function byBestHit(a: TextHits, b: TextHits): number {
  return a.hits[0]!.score - b.hits[0]!.score || b.hits.length + b.more - (a.hits.length + a.more) || (a.file < b.file ? -1 : 1);
}

export async function searchMany(
  files: readonly string[],
  query: string,
  load: (path: string) => Promise<Document>,
  limit: number,
  { onProgress, caches }: SearchManyOptions = {},
): Promise<{ texts: TextHits[]; notes: string[] }> {
  const texts: TextHits[] = [];
  const notes: string[] = [];
  for (const [i, file] of files.entries()) {
    onProgress?.(i, files.length);
    let found: TextHits | undefined;
    try {
      let text = await openTextIndex(file, load, caches, { reuse: true });
      try {
        found = searchOne(text, file, query, limit);
        text.keep();
      } catch (error) {
        // A part of a cached index read late (the text as written for a hit, the postings, the pinyin
        // readings) was damaged: that index is not trusted, and the text is searched again from a new one.
        if (!text.cached) throw error;
        text.discard();
        text.close();
        text = await openTextIndex(file, load, caches, { rebuild: true });
        found = searchOne(text, file, query, limit);
        text.keep();
      } finally {
        text.close();
      }
    } catch (error) {
      notes.push(`skipped: ${sanitizeLine(error instanceof Error ? error.message : String(error))}`);
      continue;
    }
    // A cached text takes no trip to the event loop of its own: one now, so keys and progress are seen.
    await new Promise((resolve) => setImmediate(resolve));
    if (found === undefined) continue;
    texts.push(found);
  }
  onProgress?.(files.length, files.length);
  if (caches) {
    const warning = caches.files.save();
    if (warning !== undefined) notes.push(warning);
  }
  texts.sort(byBestHit);
  return { texts, notes };
}

export function searchManyJson(texts: readonly TextHits[]): string {
  const rows = texts.flatMap((text) =>
    text.hits.map((hit) => ({
      file: text.file,
      title: text.title,
      ref: hit.paragraphId,
      section: hit.section,
      sectionTitle: hit.sectionTitle,
      paragraph: hit.paragraph,
      speaker: hit.speaker ?? null,
      score: hit.score,
      tier: hit.tier,
      text: hit.text,
      matches: hit.matches,
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** A text: its title and file, then its hits as `yuedu search` prints them; written as each text is searched. */
export function searchManyTextOne(text: TextHits, options: Omit<SearchTextOptions, 'more'>): string {
  return `${options.style.bold(`== ${sanitizeLine(text.title)}`)}  ${options.style.dim(sanitizeLine(text.file))}\n${searchText(text.hits, { ...options, more: text.more })}`;
}
