/**
 * A program in a real pseudo-terminal (node-pty) whose output is fed into a real terminal emulator
 * (@xterm/headless) of the same size: what the tests read is what a user would see.
 *
 * Usage in a test file:
 *   afterEach(disposeTerminals);
 *   const term = await startTerminal({ args: ['content/interview.txt'] });
 *   await term.waitFor('重庆市');
 *   term.write(keys.pageDown);
 *   await term.settle();
 *
 * Kept free of vitest imports and of imports of other local modules except siblings, so the
 * benchmark (plain Node with type stripping) can use it too.
 */
import { constants as osConstants } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { IModes, Terminal as Emulator } from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { createEmulator } from './emulator.js';
import { toApplicationCursorKeys } from './keys.js';
import { attrsAt, cellAt, screenRows, type Cell, type CellAttrs } from './screen.js';

export { keys } from './keys.js';
export type { Cell, CellAttrs, Colour } from './screen.js';

/** The repository root (with a trailing slash), resolved from this file's location. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The yuedu launcher the tests start by default. */
export const YUEDU_BIN = join(REPO_ROOT, 'bin', 'yuedu.js');

/** Generous: two shared cores, and a cold Node start with Ink takes several hundred ms. */
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_QUIET_MS = 100;
const DISPOSE_GRACE_MS = 2_000;

/** Only these are inherited, so a developer's shell (LESS, NO_COLOR, NODE_ENV=test from vitest…) cannot leak in. */
const INHERITED_ENV = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'TMPDIR', 'TZ'] as const;

export interface StartOptions {
  /** Program to run. @default process.execPath, with `YUEDU_BIN` put before `args` */
  command?: string;
  /** Arguments (after `YUEDU_BIN` when `command` is not given). @default [] */
  args?: string[];
  /** @default 80 */
  cols?: number;
  /** @default 24 */
  rows?: number;
  /**
   * Merged over the defaults `TERM=xterm-256color`, `LANG=C.UTF-8`, `CI=true` and a few inherited
   * variables (PATH, HOME…); a value of `undefined` removes a variable (e.g. `{ CI: undefined }`).
   * Unless it sets `YUEDU_STATE` or `XDG_STATE_HOME` itself, `YUEDU_STATE=off` is added, so a test
   * never reads or writes the developer's `~/.local/state/yuedu`.
   */
  env?: Record<string, string | undefined>;
  /** @default REPO_ROOT */
  cwd?: string;
  /** Emulate a terminal that draws East Asian Ambiguous characters (“ ” …) as two cells. @default false */
  ambiguousWide?: boolean;
  /** Emulate a terminal that never answers queries (cursor position reports and the like). @default false */
  silent?: boolean;
}

export interface WaitOptions {
  /** Milliseconds before the wait fails, with the screen in the error message. @default 10000 */
  timeout?: number;
}

export interface ResizeOptions extends WaitOptions {
  /** Quiet period for the settle that follows. @default 100 */
  quietMs?: number;
}

export interface PressOptions extends ResizeOptions {
  /** Expect the key to change the screen, and wait for that. @default true */
  change?: boolean;
}

/** What `waitFor` waits for: text on the screen, a pattern matched against the rows joined by `\n`, or a predicate. */
export type ScreenCondition = string | RegExp | ((term: TerminalSession) => boolean);

export interface ExitInfo {
  exitCode: number;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
}

export interface CursorState {
  x: number;
  y: number;
  /** False after the program hid the cursor (DECTCEM, `ESC [ ? 25 l`) until it shows it again. */
  visible: boolean;
}

const live = new Set<TerminalSession>();

/** Starts a program in a pseudo-terminal, read through an emulator of the same size. */
export async function startTerminal(options: StartOptions = {}): Promise<TerminalSession> {
  const session = new TerminalSession(options);
  live.add(session);
  return session;
}

/** Kills and forgets every session still open; use as `afterEach(disposeTerminals)`. */
export async function disposeTerminals(): Promise<void> {
  await Promise.all([...live].map((session) => session.dispose()));
}

/** A running (or finished) program and the emulated screen it drew. */
export class TerminalSession {
  /** All output so far, decoded as UTF-8: assert escape sequences here (slice from a saved `raw.length`). */
  raw = '';
  /** Bytes of output so far; subtract a saved value to get the bytes a key cost. */
  bytes = 0;
  /** `performance.now()` when the program was spawned. */
  readonly startedAt: number;
  /** `performance.now()` when the latest output arrived (`startedAt` before any). */
  lastOutputAt: number;
  /** Every window title the program set (OSC 0/2), in order; empty when it never set one. */
  readonly titles: string[] = [];

  private readonly pty: IPty;
  private readonly emulator: Emulator;
  private readonly listeners = new Set<(chunk: string, arrivedAt: number) => void>();
  private readonly exitListeners = new Set<() => void>();
  private pendingWrites = 0;
  private exitInfo: ExitInfo | undefined;
  private cursorVisible = true;
  private disposed = false;

  constructor(options: StartOptions) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 24;
    this.emulator = createEmulator(cols, rows, { ambiguousWide: options.ambiguousWide === true });
    this.trackCursorVisibility();
    this.emulator.onTitleChange((title) => this.titles.push(title));

    const command = options.command ?? process.execPath;
    const args = options.command === undefined ? [YUEDU_BIN, ...(options.args ?? [])] : (options.args ?? []);
    this.startedAt = performance.now();
    this.lastOutputAt = this.startedAt;
    const env = childEnv(options.env);
    this.pty = spawn(command, args, {
      // node-pty sets TERM to `name`, over the environment's: a test's TERM must win.
      name: env.TERM ?? 'xterm-256color',
      cols,
      rows,
      cwd: options.cwd ?? REPO_ROOT,
      env,
    });
    this.pty.onData((chunk) => this.receive(chunk));
    this.pty.onExit(({ exitCode, signal }) => {
      this.exitInfo = { exitCode, signal: signalName(signal) };
      this.notifyExit();
    });
    // A real terminal answers queries (cursor position, device attributes); programs may wait for them.
    if (!options.silent) this.emulator.onData((answer) => this.sendToProgram(answer));
  }

  get pid(): number {
    return this.pty.pid;
  }

  /** The pseudo-terminal's device (`/dev/pts/N`), for `stty -F` to read its line settings. */
  get ptsName(): string {
    return (this.pty as unknown as { ptsName: string }).ptsName;
  }

  get cols(): number {
    return this.emulator.cols;
  }

  get rows(): number {
    return this.emulator.rows;
  }

  /** How the program ended, or undefined while it runs (or while its last output is still being parsed). */
  get exited(): ExitInfo | undefined {
    return this.pendingWrites === 0 ? this.exitInfo : undefined;
  }

  /** The screen as rows of text (trailing blanks trimmed, each double-width character once). */
  text(): string[] {
    return screenRows(this.emulator.buffer.active, this.rows);
  }

  /** Row y (0-based) of the screen as text. */
  row(y: number): string {
    return this.text()[y] ?? '';
  }

  /** The whole screen as one string, rows joined by `\n`. */
  screen(): string {
    return this.text().join('\n');
  }

  /** The cell at column x, row y (0-based); the cell after a double-width character has width 0. */
  cellAt(x: number, y: number): Cell {
    return cellAt(this.emulator.buffer.active, x, y);
  }

  /** Bold, inverse, colours… of the cell at column x, row y (0-based). */
  attrsAt(x: number, y: number): CellAttrs {
    return attrsAt(this.emulator.buffer.active, x, y);
  }

  cursor(): CursorState {
    const buffer = this.emulator.buffer.active;
    return { x: buffer.cursorX, y: buffer.cursorY, visible: this.cursorVisible };
  }

  /** True while the program shows the alternate screen buffer. */
  isAlternateScreen(): boolean {
    return this.emulator.buffer.active.type === 'alternate';
  }

  /** Terminal modes the program set (application cursor keys, bracketed paste, mouse tracking…). */
  modes(): IModes {
    return this.emulator.modes;
  }

  /**
   * Types keys (see `keys`); cursor keys are sent in application mode when the program asked for it.
   * Throws once the program has exited.
   */
  write(data: string): void {
    if (this.exitInfo) throw new Error(`cannot write ${JSON.stringify(data)}: the process has exited`);
    this.pty.write(this.emulator.modes.applicationCursorKeysMode ? toApplicationCursorKeys(data) : data);
  }

  /** Resizes emulator and pseudo-terminal together; the program gets SIGWINCH. */
  resize(cols: number, rows: number): void {
    this.emulator.resize(cols, rows);
    if (!this.exitInfo) this.pty.resize(cols, rows);
  }

  /**
   * Resizes, waits for the program's answer (any output: its redraw) and settles. The emulator
   * reflows the old frame at once, and that frame can already match what a test waits for (a
   * status line kept on the bottom row, say): waiting for output first avoids reading it.
   */
  async resizeAndSettle(cols: number, rows: number, options: ResizeOptions = {}): Promise<void> {
    const bytesBefore = this.bytes;
    this.resize(cols, rows);
    await this.waitFor(() => this.bytes > bytesBefore, options).catch((error: Error) => {
      throw new Error(`no output after resizing to ${cols}x${rows}: ${error.message}`);
    });
    await this.settle(options.quietMs, options);
  }

  /**
   * Resolves as soon as the screen satisfies the condition; rejects on timeout, or when the
   * program exits without the condition holding, with the screen in the error message.
   */
  waitFor(condition: ScreenCondition, options: WaitOptions = {}): Promise<void> {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    const holds = (): boolean => {
      if (typeof condition === 'function') return condition(this);
      const screen = this.screen();
      return typeof condition === 'string' ? screen.includes(condition) : condition.test(screen);
    };
    return new Promise((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        this.exitListeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (holds()) finish();
        else if (this.exited) finish(this.failure(`exited (${describeExit(this.exited)}) before showing ${describe(condition)}`));
      };
      const timer = setTimeout(() => finish(this.failure(`timed out after ${timeout} ms waiting for ${describe(condition)}`)), timeout);
      this.listeners.add(check);
      this.exitListeners.add(check);
      check();
    });
  }

  /**
   * Resolves once no output has arrived for `quietMs` (counted from the call at the earliest, so
   * a key written just before has time to be answered) and all of it is on the screen; at once if
   * the program has exited. Rejects if the program keeps writing past the timeout. Wait for the
   * first frame with `waitFor` first: a program that is still starting up is quiet too.
   */
  settle(quietMs = DEFAULT_QUIET_MS, options: WaitOptions = {}): Promise<void> {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    const calledAt = performance.now();
    const deadline = calledAt + timeout;
    return new Promise((resolve, reject) => {
      const tick = (): void => {
        const now = performance.now();
        const quietFor = now - Math.max(this.lastOutputAt, calledAt);
        if (this.pendingWrites === 0 && (quietFor >= quietMs || this.exitInfo)) resolve();
        else if (now > deadline) reject(this.failure(`output did not stop for ${quietMs} ms within ${timeout} ms`));
        else setTimeout(tick, Math.max(1, quietMs - quietFor));
      };
      tick();
    });
  }

  /**
   * Writes keys, waits until the screen differs from before (unless `change: false`), then settles:
   * the usual step of an e2e test. Waiting for the change first keeps a slow response on a loaded
   * machine from being mistaken for a finished one.
   */
  async press(data: string, options: PressOptions = {}): Promise<void> {
    const before = this.screen();
    this.write(data);
    if (options.change ?? true) {
      await this.waitFor((term) => term.screen() !== before, options).catch((error: Error) => {
        throw new Error(`the screen did not change after ${JSON.stringify(data)}: ${error.message}`);
      });
    }
    await this.settle(options.quietMs, options);
  }

  /**
   * Types keys one at a time, each answered (output arrived, then stopped for 50 ms) before the next:
   * for keys that always redraw something, when the screen may look the same after them.
   */
  async typeKeys(keys: readonly string[], options: WaitOptions = {}): Promise<void> {
    for (const key of keys) {
      const before = this.bytes;
      this.write(key);
      await this.waitFor((term) => term.bytes > before, options);
      await this.settle(50, options);
    }
  }

  /** Calls the listener after each chunk of output is on the emulated screen; returns an unsubscribe function. */
  onOutput(listener: (chunk: string, arrivedAt: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with how the program ended (it is not killed: see `kill`). */
  exit(options: WaitOptions = {}): Promise<ExitInfo> {
    const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const info = this.exited;
        if (!info) return;
        clearTimeout(timer);
        this.exitListeners.delete(check);
        resolve(info);
      };
      const timer = setTimeout(() => {
        this.exitListeners.delete(check);
        reject(this.failure(`did not exit within ${timeout} ms`));
      }, timeout);
      this.exitListeners.add(check);
      check();
    });
  }

  /** Sends a signal to the program if it is still running. */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (!this.exitInfo) this.pty.kill(signal);
  }

  /** Ends the program (SIGTERM, then SIGKILL after a grace period) and frees the emulator. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    live.delete(this);
    if (!this.exitInfo) {
      this.kill('SIGTERM');
      await this.exit({ timeout: DISPOSE_GRACE_MS }).catch(() => {
        this.kill('SIGKILL');
        return this.exit({ timeout: DISPOSE_GRACE_MS }).catch(() => undefined);
      });
    }
    this.emulator.dispose();
  }

  private receive(chunk: string): void {
    const arrivedAt = performance.now();
    this.raw += chunk;
    this.bytes += Buffer.byteLength(chunk);
    this.lastOutputAt = arrivedAt;
    this.pendingWrites++;
    this.emulator.write(chunk, () => {
      this.pendingWrites--;
      for (const listener of [...this.listeners]) listener(chunk, arrivedAt);
      if (this.pendingWrites === 0 && this.exitInfo) this.notifyExit();
    });
  }

  private notifyExit(): void {
    if (this.pendingWrites > 0) return;
    for (const listener of [...this.exitListeners]) listener();
  }

  private sendToProgram(data: string): void {
    if (!this.exitInfo) this.pty.write(data);
  }

  private trackCursorVisibility(): void {
    const track = (visible: boolean) => (params: (number | number[])[]): boolean => {
      if (params.includes(25)) this.cursorVisible = visible;
      return false; // let xterm handle the sequence as well
    };
    this.emulator.parser.registerCsiHandler({ prefix: '?', final: 'h' }, track(true));
    this.emulator.parser.registerCsiHandler({ prefix: '?', final: 'l' }, track(false));
  }

  private failure(message: string): Error {
    const screen = this.text().map((row, y) => `${String(y).padStart(2)}|${row}`).join('\n');
    const tail = JSON.stringify(this.raw.slice(-400));
    return new Error(`${message}\n--- screen ${this.cols}x${this.rows} ---\n${screen}\n--- last output ---\n${tail}`);
  }
}

function childEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, { TERM: 'xterm-256color', LANG: 'C.UTF-8', CI: 'true' });
  // Tests never touch the developer's resume state unless they point it somewhere themselves.
  if (!('YUEDU_STATE' in overrides) && !('XDG_STATE_HOME' in overrides)) env.YUEDU_STATE = 'off';
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function signalName(signal: number | undefined): NodeJS.Signals | null {
  if (!signal) return null;
  const entry = Object.entries(osConstants.signals).find(([, number]) => number === signal);
  return entry ? (entry[0] as NodeJS.Signals) : null;
}

function describe(condition: ScreenCondition): string {
  return typeof condition === 'function' ? 'the awaited condition' : JSON.stringify(String(condition));
}

function describeExit(info: ExitInfo): string {
  return info.signal ? `signal ${info.signal}` : `code ${info.exitCode}`;
}
