/**
 * A lock file around a read-modify-write of one record, so two readers saving at the same moment merge
 * instead of overwriting each other. The lock is a file created exclusively (`O_EXCL`) holding the
 * owner's pid and host; it is held for the milliseconds a save takes.
 *
 * A save on a key (a mark) may wait for the lock only briefly, then gives up with a warning, and the store
 * carries its update into the next save; the save on the way out waits longer ({@link WAIT_MS}), as
 * nothing comes after it. A crashed owner leaves its lock behind, so a
 * lock is stale, and removed, when any of these holds:
 *
 * - it is not a regular file this code could have made (a FIFO, a link, a device); a directory cannot be
 *   removed without risking someone's files, so it is reported as what it is instead of waited on;
 * - its owner is a process on this host that no longer exists;
 * - its age by our clock, in either direction, is more than {@link STALE_LOCK_MS}: an mtime in the future
 *   (another host's clock, a clock set back) is as untrustworthy as an old one, and a real save never
 *   holds a lock that long whoever's clock is right;
 * - we have seen the very same lock (inode, size, mtime) for {@link STALE_LOCK_MS} of our own monotonic
 *   time, across saves: no clock or host name can make that a live save.
 *
 * Breaking a lock wrongly costs at most one merge (two saves both write; the later wins whole records,
 * never a part of one), so these rules lean towards breaking. Two waiters could both judge the same stale
 * lock and the slower remove the lock the faster just took; that needs a dead owner and a window of
 * microseconds, and costs the same one merge.
 *
 * Taking a lock never leaves an empty one: if writing the owner fails (a full disk), the file is removed
 * before the error goes up.
 *
 * Worked example: host A's clock runs an hour ahead; A crashes mid-save, leaving `pid 7 on A`, mtime
 * 14:00 by the server. On host B it is 13:00: the mtime is an hour in the future, so the lock is stale
 * at once and B's save goes ahead. Had A's clock been right and the lock fresh (13:00:00.5), a mark set on
 * B waits a moment, warns, and B's next save after 13:00:02 breaks the lock by age and writes both.
 */
import { closeSync, lstatSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** A lock older (or younger) than this by our clock, or seen unchanged this long, is abandoned. */
export const STALE_LOCK_MS = 2_000;
/** How long a save waits for a held lock before giving up with a warning (see {@link LockEnvironment.wait}). */
export const WAIT_MS = 3_000;
const POLL_MS = 5;

/** What the lock rules read from the world; tests inject their own. */
export interface LockEnvironment {
  /** Wall-clock milliseconds, compared with file mtimes. @default Date.now */
  now(): number;
  /** Monotonic milliseconds, for waiting and for how long a lock was seen unchanged. @default performance.now */
  monotonic(): number;
  /** This host's name, as written into locks. @default os.hostname() */
  host: string;
  /** Whether process `pid` exists on this host. */
  processExists(pid: number): boolean;
  /** Blocks for `ms`. */
  sleep(ms: number): void;
  /**
   * The longest wait for a held lock: short on a key (a mark), longer on the way out, when no later save
   * will try again. @default WAIT_MS
   */
  wait: number;
}

/** Why the lock could not be had: the caller turns it into a one-line warning. */
export class LockUnavailable extends Error {
  constructor(
    readonly path: string,
    /** Worded to follow "place not saved: ". */
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'LockUnavailable';
  }
}

/** Runs `action` holding the lock file `path`, and always releases it. */
export function withLock<T>(path: string, action: () => T, env: Partial<LockEnvironment> = {}): T {
  acquire(path, { ...DEFAULT_ENVIRONMENT, ...env });
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

const DEFAULT_ENVIRONMENT: LockEnvironment = {
  now: Date.now,
  monotonic: () => performance.now(),
  host: hostname(),
  processExists,
  sleep,
  wait: WAIT_MS,
};

interface Held {
  kind: 'directory' | 'other' | 'file' | 'gone';
  /** For a file: who holds it, as far as it says. */
  pid?: number;
  host?: string;
  stale: boolean;
}

function acquire(path: string, env: LockEnvironment): void {
  const deadline = env.monotonic() + env.wait;
  const owner = `${process.pid}\n${env.host}\n`;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, owner);
        closeSync(fd);
        return;
      } catch (error) {
        closeQuietly(fd);
        removeQuietly(path);
        throw error;
      }
    }
    const held = inspect(path, env);
    if (held.kind === 'directory') throw new LockUnavailable(path, 'its lock file is a folder, which yuedu will not remove');
    if (held.stale) {
      try {
        unlinkSync(path);
        continue;
      } catch {
        // Someone else removed it first: try again below.
      }
    }
    if (held.kind === 'gone') continue;
    if (env.monotonic() > deadline) throw new LockUnavailable(path, heldBy(held, env.host));
    env.sleep(POLL_MS + Math.random() * POLL_MS);
  }
}

function heldBy(held: Held, host: string): string {
  if (held.pid === undefined) return 'another yuedu is saving it (tried again on the next save)';
  const where = held.host === undefined || held.host === host ? '' : ` on ${held.host}`;
  return `another yuedu (process ${held.pid}${where}) is saving it (tried again on the next save)`;
}

/** Locks seen, by path: what they were and when (monotonic) we first saw them so. */
const seen = new Map<string, { identity: string; since: number }>();

function inspect(path: string, env: LockEnvironment): Held {
  try {
    const info = lstatSync(path);
    if (info.isDirectory()) return { kind: 'directory', stale: false };
    // Not a lock this code made (a FIFO, a link, a device): reading it could wait forever or never end.
    if (!info.isFile()) return { kind: 'other', stale: true };
    const [pidText, host] = readFileSync(path, 'utf8').split('\n');
    const pid = /^\d+$/.test(pidText ?? '') ? Number(pidText) : undefined;
    const owner = { kind: 'file' as const, ...(pid === undefined ? {} : { pid }), ...(host ? { host } : {}) };
    if (Math.abs(env.now() - info.mtimeMs) > STALE_LOCK_MS) return { ...owner, stale: true };
    // A lock just created may not hold its owner yet: only a complete, dead owner makes it stale early.
    if (pid !== undefined && host === env.host && !env.processExists(pid)) return { ...owner, stale: true };
    const identity = `${info.ino}:${info.size}:${info.mtimeMs}`;
    const before = seen.get(path);
    if (before === undefined || before.identity !== identity) {
      seen.set(path, { identity, since: env.monotonic() });
      return { ...owner, stale: false };
    }
    return { ...owner, stale: env.monotonic() - before.since > STALE_LOCK_MS };
  } catch (error) {
    // Gone between open and stat: not stale, just free. Unreadable: held, by whom we cannot tell.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'gone', stale: false } : { kind: 'file', stale: false };
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
    // Nothing to remove.
  }
}
