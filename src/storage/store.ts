/**
 * Resume state on disk: one JSON file per document under {@link stateDirectory}, named by the document's
 * content ({@link documentKey}). Remembering is a comfort, so nothing here throws: every failure (no
 * folder, no permission, a full disk, a corrupted or unreadable file, a lock held too long) comes back
 * as a one-line warning for the caller to show, and reading goes on.
 *
 * Calls are synchronous so a reader can save while it exits (on `q`, SIGTERM or SIGHUP).
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getSystemErrorMessage } from 'node:util';
import { sanitizeLine } from '../core/document/sanitize.js';
import { writeFileAtomic } from './atomic.js';
import { LockUnavailable, withLock, type LockEnvironment } from './lock.js';
import { stateDirectory } from './paths.js';
import { applyUpdate, documentKey, parseRecord, serializeRecord, type StateRecord, type StateUpdate } from './record.js';

export type { Anchor, StateRecord, StateUpdate } from './record.js';

/** A state file larger than this was not written by yuedu and is not read. */
const MAX_STATE_BYTES = 1024 * 1024;

export interface StateOptions {
  /** Where `XDG_STATE_HOME`, `HOME` and `YUEDU_STATE` are read. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** The clock stamping `updatedAt`. @default () => new Date() */
  now?: () => Date;
  /** Clocks, host and waiting for the lock (`wait`: short for a save on a key). */
  lock?: Partial<LockEnvironment>;
}

/** The wait for the lock on a save made by a key: the UI must not stall on another process. */
export const KEY_SAVE_WAIT_MS = 250;

/** Updates that could not be saved for want of the lock, by state file: the next save carries them. */
const pending = new Map<string, StateUpdate>();

/** `first` then `then`, as one update: later fields win, marks merge letter by letter. */
function combine(first: StateUpdate | undefined, then: StateUpdate): StateUpdate {
  if (first === undefined) return then;
  return { ...first, ...then, marks: { ...first.marks, ...then.marks } };
}

export interface StateResult {
  /** The record as stored after the call; undefined when there is none, or state is off or failed. */
  record?: StateRecord;
  /** One line to show the user when something went wrong; the call itself never throws. */
  warning?: string;
}

/** The state file for a document, or undefined when state is disabled (`YUEDU_STATE=off`). */
export function stateFile(docText: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const folder = stateDirectory(env);
  return folder === undefined ? undefined : join(folder, `${documentKey(docText)}.json`);
}

/** The record saved for the document whose text is `docText` (pass `Document.source`). */
export function loadState(docText: string, options: StateOptions = {}): StateResult {
  const path = stateFile(docText, options.env);
  if (path === undefined) return {};
  const read = readRecord(path);
  if (read.kind === 'missing') return {};
  if (read.kind === 'bad') return { warning: `saved place not restored: the state file ${read.reason} (${shown(path, options.env)})` };
  return { record: read.record };
}

/**
 * Applies `update` to the document's record under a lock, merging with what another instance may have
 * saved meanwhile (see `record.ts`), and writes it atomically. A corrupted record is replaced.
 */
export function saveState(docText: string, update: StateUpdate, options: StateOptions = {}): StateResult {
  const folder = stateDirectory(options.env);
  const path = stateFile(docText, options.env);
  if (folder === undefined || path === undefined) return {};
  const now = options.now ?? (() => new Date());
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    return { warning: `place not saved: ${describe(error)} (cannot create ${shown(folder, options.env)})` };
  }
  const carried = combine(pending.get(path), update);
  try {
    const record = withLock(
      `${path}.lock`,
      () => {
        const current = readRecord(path);
        const next = applyUpdate(current.kind === 'ok' ? current.record : undefined, carried, now());
        writeFileAtomic(path, serializeRecord(next));
        return next;
      },
      options.lock,
    );
    pending.delete(path);
    return { record };
  } catch (error) {
    // The reason first: a status bar too narrow for the whole line cuts the path, not what went wrong.
    if (error instanceof LockUnavailable) {
      pending.set(path, carried);
      return { warning: `place not saved: ${error.reason} (${shown(path, options.env)})` };
    }
    return { warning: `place not saved: ${describe(error)} (cannot write ${shown(path, options.env)})` };
  }
}

type ReadResult = { kind: 'ok'; record: StateRecord } | { kind: 'missing' } | { kind: 'bad'; reason: string };

function readRecord(path: string): ReadResult {
  let text: string;
  try {
    const info = statSync(path);
    // Reading a FIFO would wait for a writer, a device like /dev/zero never end: only files are read.
    if (!info.isFile() && !info.isDirectory()) return { kind: 'bad', reason: 'cannot be read: it is not a regular file' };
    if (info.size > MAX_STATE_BYTES) return { kind: 'bad', reason: 'is too large to be a yuedu state file' };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', reason: `cannot be read: ${describe(error)}` };
  }
  const parsed = parseRecord(text);
  return parsed.ok ? { kind: 'ok', record: parsed.record } : { kind: 'bad', reason: parsed.reason };
}

/** The most characters of a path shown in a warning; longer ones keep their end, which names the file. */
const PATH_SHOWN = 48;

/**
 * Paths come from the environment, so they are made printable before they reach a status bar; the home
 * folder is `~`, and a long path is cut at the front (`…/yuedu/3f2a….json`).
 */
export function shown(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const home = env.HOME;
  const short = home && home !== '/' && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
  const printable = sanitizeLine(short);
  const chars = [...printable];
  return chars.length <= PATH_SHOWN ? printable : `…${chars.slice(chars.length - PATH_SHOWN + 1).join('')}`;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EFBIG: 'the file size limit is reached (ulimit -f)',
};

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  const errno = (error as NodeJS.ErrnoException | undefined)?.errno;
  if (typeof errno === 'number' && errno < 0) {
    try {
      return sanitizeLine(getSystemErrorMessage(errno));
    } catch {
      // Not an errno libuv knows: the code or message below.
    }
  }
  return sanitizeLine(code ?? (error instanceof Error ? error.message : String(error)));
}
