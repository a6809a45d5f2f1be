import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `data` so that a reader sees the old file or the new one, never a part: the data
 * goes to a fresh temporary file in the same folder (rename is atomic only within one file system),
 * is flushed to disk, and is renamed over `path`; then the folder is flushed so the rename survives a
 * crash. On failure the temporary file is removed and the error thrown; `path` is untouched.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  // node:crypto is loaded here, on first use, not by every start-up (~10 ms).
  const temp = `${path}.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`;
  let fd: number | undefined = openSync(temp, 'wx', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    throw error;
  }
  syncFolder(dirname(path));
}

/** Flushes a folder's entries; some systems cannot open a folder for this, which costs durability only. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Durability of the rename is best effort: the data itself is already on disk.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing; the first error is the one to report.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing to remove, or nothing more to do about it.
  }
}
