/**
 * A lock file around a read-modify-write of one record, so two readers saving at the same moment merge
 * instead of overwriting each other. The lock is a file created exclusively (`O_EXCL`) holding the
 * owner's pid and host; it is held for the milliseconds a save takes.
 *
 * A crashed owner leaves its lock behind, so a lock counts as stale, and is removed, when its owner is a
 * process on this host that no longer exists, or when it is older than {@link STALE_LOCK_MS}, far longer
 * than any save; so does anything in its place that is not a regular file. Two waiters could both judge the same stale lock and the slower one remove the lock the
 * faster one just took; that needs a dead owner and a window of microseconds, and costs at most one
 * merge, so no more machinery is spent on it.
 */
import { closeSync, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** A lock older than this is abandoned. */
export const STALE_LOCK_MS = 2_000;
/** How long a save waits for the lock before giving up (with a warning, never an error). */
const WAIT_MS = 3_000;
const POLL_MS = 5;

/** Thrown when the lock could not be had in time; the caller turns it into a warning. */
export class LockTimeout extends Error {
  constructor(readonly path: string) {
    super(`${path} stayed locked`);
    this.name = 'LockTimeout';
  }
}

/** Runs `action` holding the lock file `path`, and always releases it. */
export function withLock<T>(path: string, action: () => T): T {
  acquire(path);
  try {
    return action();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // Removed as stale by another process: nothing left to release.
    }
  }
}

function acquire(path: string): void {
  const deadline = Date.now() + WAIT_MS;
  const owner = `${process.pid}\n${hostname()}\n`;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, owner);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(path)) {
      try {
        unlinkSync(path);
        continue;
      } catch {
        // Someone else removed it first (tried again below), or it cannot be removed (a directory).
      }
    }
    if (Date.now() > deadline) throw new LockTimeout(path);
    sleep(POLL_MS + Math.random() * POLL_MS);
  }
}

function isStale(path: string): boolean {
  try {
    const info = lstatSync(path);
    // Not a lock this code made (a FIFO, a link, a device): reading it could wait forever or never end.
    if (!info.isFile()) return true;
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
    const [pid, host] = readFileSync(path, 'utf8').split('\n');
    // A lock just created may not hold its owner yet: only a complete, dead owner makes it stale early.
    return host === hostname() && /^\d+$/.test(pid ?? '') && !processExists(Number(pid));
  } catch {
    // Gone between open and stat: not stale, just free.
    return false;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Saves run synchronously (they must work while exiting), so waiting blocks too; the waits are milliseconds. */
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
