/**
 * Finding texts under a folder, for the shelf: `.txt`, `.md` (`.markdown`) and `.epub` files,
 * recursively. Nothing here can hang or crash on a hostile tree:
 *   - hidden folders (`.git`, `.cache`) are not entered; other files are skipped by name, without a stat;
 *   - a folder reached twice (a symlink loop, a link to an ancestor) is entered once (by device and inode);
 *   - an unreadable folder, a vanished file or a dangling link is skipped with a note;
 *   - at most `maxEntries` names are looked at and `maxTexts` texts kept; beyond, a note says so.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { sanitizeLine } from '../core/document/sanitize.js';

export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.epub'] as const;

export interface ScanOptions {
  /** @default 5000 */
  maxTexts?: number;
  /** @default 200_000 */
  maxEntries?: number;
}

export interface ScanResult {
  /** Absolute paths of the texts found, in the order found (folders sorted by name). */
  files: string[];
  /** One line per thing skipped. */
  notes: string[];
}

export function isTextName(name: string): boolean {
  const lower = name.toLowerCase();
  return TEXT_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

export function scanFolder(folder: string, options: ScanOptions = {}): ScanResult {
  const maxTexts = options.maxTexts ?? 5000;
  const maxEntries = options.maxEntries ?? 200_000;
  const files: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  let looked = 0;
  let stopped = false;
  const stack = [resolve(folder)];
  while (stack.length > 0 && !stopped) {
    const dir = stack.pop()!;
    let id: string;
    try {
      const info = statSync(dir);
      if (!info.isDirectory()) {
        notes.push(`skipped ${shown(dir)}: not a folder`);
        continue;
      }
      id = `${info.dev}:${info.ino}`;
    } catch (error) {
      notes.push(`skipped ${shown(dir)}: ${reason(error)}`);
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      notes.push(`skipped ${shown(dir)}: ${reason(error)}`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      if (++looked > maxEntries) {
        notes.push(`stopped after looking at ${maxEntries} names under ${shown(folder)}`);
        stopped = true;
        break;
      }
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          notes.push(`skipped ${shown(path)}: ${reason(error)}`);
          continue;
        }
      }
      if (isDir) subfolders.push(path);
      else if (isFile && isTextName(entry.name)) {
        if (files.length >= maxTexts) {
          notes.push(`stopped after ${maxTexts} texts under ${shown(folder)}`);
          stopped = true;
          break;
        }
        files.push(path);
      }
    }
    // Depth first, folders in name order.
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]!);
  }
  return { files, notes };
}

function shown(path: string): string {
  return `"${sanitizeLine(path)}"`;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'it is gone';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a symlink loop';
    default:
      return sanitizeLine(code ?? String(error));
  }
}
