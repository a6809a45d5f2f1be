/**
 * What yuedu does when its own output cannot be written.
 *
 * - A closed pipe (`yuedu print | head`, EPIPE) means the reader downstream has seen enough: leave quietly,
 *   exit 0, as `cat` does when it is killed by SIGPIPE's default and shells show nothing.
 * - Any other failure (a full disk: `yuedu print > /dev/full` is ENOSPC; a quota; an I/O error on a file)
 *   means the output is incomplete, and a script must be able to tell that from "search found nothing"
 *   (exit 1): one line on stderr, `yuedu: cannot write output: no space left on device`, and exit 74
 *   (sysexits' EX_IOERR). If stderr is what failed, the line is lost but the exit code still says it.
 * - A terminal that hangs up fails every write with EIO; its SIGHUP ends the process (the reader saves the
 *   place on the way), so that EIO is not news and is left alone.
 * - Standard output closed (`yuedu print >&-`) is a failure too, not a silent success: Node quietly opens
 *   /dev/null in place of a closed stdio descriptor (read-write, where a shell's `> /dev/null` opens it
 *   write-only), so every write would "succeed". On Linux the descriptor's flags tell the two apart.
 */
import { fstatSync, readFileSync, writeSync } from 'node:fs';
import { getSystemErrorMessage } from 'node:util';
import { sanitizeLine } from '../core/document/sanitize.js';

/** Exit code for output that could not be written (BSD sysexits EX_IOERR). */
export const OUTPUT_ERROR = 74;

/** Words for a failed system call: `no space left on device`, not `ENOSPC`. */
export function systemErrorWords(error: unknown): string {
  const errno = error instanceof Error && 'errno' in error && typeof error.errno === 'number' ? error.errno : undefined;
  if (errno !== undefined && errno < 0) {
    try {
      return getSystemErrorMessage(errno);
    } catch {
      // An errno libuv does not know: fall through to the code or message.
    }
  }
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The one line for output that could not be written. */
export function outputErrorLine(error: unknown): string {
  return `yuedu: cannot write output: ${sanitizeLine(systemErrorWords(error))}\n`;
}

/**
 * Ends the process after a write error on `stream` (see the module comment). The line goes to fd 2
 * directly: the stream may be the one that failed, and a second failure must not recurse.
 */
export function onOutputError(stream: NodeJS.WriteStream, error: NodeJS.ErrnoException, exit: (code: number) => void = process.exit): void {
  if (error.code === 'EPIPE') {
    exit(0);
    return;
  }
  if (stream.isTTY && error.code === 'EIO') return;
  try {
    writeSync(2, outputErrorLine(error));
  } catch {
    // stderr is full or gone too: the exit code is all that is left to say it.
  }
  exit(OUTPUT_ERROR);
}

/** Installs {@link onOutputError} on stdout and stderr. */
export function guardOutputStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => onOutputError(stream, error));
  }
}

/** O_ACCMODE and O_RDWR of Linux's open(2) flags, as /proc/self/fdinfo shows them (octal). */
const ACCESS_MODE = 0o3;
const READ_WRITE = 0o2;
/** /dev/null's device number on Linux (major 1, minor 3). */
const DEV_NULL_RDEV = (1 << 8) | 3;

/**
 * Whether file descriptor `fd` is the /dev/null Node put in place of a closed one (see the module
 * comment). False wherever that cannot be known (no /proc): the write then succeeds into nothing, as before.
 */
export function isClosedAtStart(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    if (!info.isCharacterDevice() || info.rdev !== DEV_NULL_RDEV) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return flags !== null && (parseInt(flags[1] ?? '0', 8) & ACCESS_MODE) === READ_WRITE;
  } catch {
    return false;
  }
}

/**
 * Writes the pieces in turn, waiting whenever standard output asks to: a pipe is written to
 * asynchronously, and a reader slower than yuedu (`yuedu search --json 字 | jq`) once left every
 * piece queued in memory, 1.8 GB for a million hits. A failed write ends the process (see above).
 */
export async function writeAll(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (gone(stream)) return;
    if (!stream.write(piece)) await drained(stream);
  }
}

/** A stream destroyed (closed, or failed) takes no more writes and will never drain. */
function gone(stream: NodeJS.WritableStream): boolean {
  return (stream as { destroyed?: boolean }).destroyed === true;
}

function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    if (gone(stream)) {
      resolve();
      return;
    }
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
