import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { clipboardCopy, clipboardEnvironment, MAX_CLIPBOARD_BYTES, osc52 } from '../../src/terminal/clipboard.js';
import { askTmuxClipboard, tmuxClipboard } from '../../src/terminal/tmux.js';

const ESC = '\u001b';
const BEL = '\u0007';

/** The text an OSC 52 write sequence carries, decoded as a terminal would. */
function carried(sequence: string): string {
  const match = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(sequence);
  if (!match) throw new Error(`not an OSC 52 write: ${JSON.stringify(sequence)}`);
  return Buffer.from(match[1] ?? '', 'base64').toString('utf8');
}

/** Splits GNU screen passthrough into its DCS strings' contents. */
function screenChunks(bytes: string): string[] {
  const chunks = bytes.split(`${ESC}\\`);
  expect(chunks.pop()).toBe('');
  return chunks.map((chunk) => {
    expect(chunk.startsWith(`${ESC}P`)).toBe(true);
    return chunk.slice(2);
  });
}

describe('osc52', () => {
  it.each([
    ['hi', `${ESC}]52;c;aGk=${BEL}`],
    ['', `${ESC}]52;c;${BEL}`],
    ['阅读', `${ESC}]52;c;6ZiF6K+7${BEL}`],
  ])('%j is exactly ESC ] 52 ; c ; base64(UTF-8) BEL', (text, bytes) => {
    expect(osc52(text)).toBe(bytes);
  });

  it('carries any text unchanged, as printable ASCII between the opener and BEL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const sequence = osc52(text);
        expect(carried(sequence)).toBe(text);
        expect(sequence.slice(1, -1)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });

  it('for GNU screen splits the same sequence over DCS strings under screen’s 768-byte limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) => {
        const chunks = screenChunks(osc52(text, { screen: true }));
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(768);
          // An ESC inside would end the DCS string early; only the sequence's own opener may have one.
          expect(chunk.slice(1)).not.toContain(ESC);
        }
        expect(chunks.join('')).toBe(osc52(text));
      }),
      { numRuns: 50 },
    );
  });
});

describe('clipboardEnvironment', () => {
  it.each([
    [{}, { tmux: false, screen: false }],
    [{ TMUX: '/tmp/tmux-0/default,123,0' }, { tmux: true, screen: false }],
    [{ STY: '123.pts-0.host' }, { tmux: false, screen: true }],
    [{ TMUX: '/tmp/tmux-0/default,123,0', STY: '123.pts-0.host' }, { tmux: true, screen: false }],
    [{ TMUX: '' }, { tmux: false, screen: false }],
  ])('%j → %j', (env, expected) => {
    expect(clipboardEnvironment(env)).toEqual(expected);
  });
});

describe('clipboardCopy', () => {
  const quote = '> 其中，在优化存量方面\n—— 刘忠 (s2p3)';

  it('writes the plain sequence on a terminal and inside tmux, which handles OSC 52 itself', () => {
    for (const env of [{}, { TMUX: '/tmp/tmux-0/default,1,0' }]) {
      const copy = clipboardCopy(quote, 's2p3', env, () => 'on');
      expect(copy.ok).toBe(true);
      expect(copy.ok && carried(copy.bytes)).toBe(quote);
      expect(copy.status).toContain('s2p3');
    }
    expect(clipboardCopy(quote, 's2p3', { TMUX: 'x' }, () => 'on').status).toContain('tmux');
  });

  it("inside tmux with set-clipboard off or external (tmux's default), sends nothing and says so", () => {
    for (const setting of ['off', 'external'] as const) {
      expect(clipboardCopy(quote, 's2p3', { TMUX: 'x' }, () => setting)).toEqual({
        ok: false,
        status: "not copied: tmux's set-clipboard is off (set -g set-clipboard on)",
      });
    }
    // tmux could not be asked: the copy is tried, as before.
    expect(clipboardCopy(quote, 's2p3', { TMUX: 'x' }, () => undefined).ok).toBe(true);
  });

  it('asks tmux only inside tmux', () => {
    let asked = 0;
    clipboardCopy(quote, 's2p3', {}, () => (asked++, 'off'));
    clipboardCopy(quote, 's2p3', { STY: '1.pts-0.host' }, () => (asked++, 'off'));
    expect(asked).toBe(0);
  });

  it('wraps for GNU screen', () => {
    const copy = clipboardCopy(quote, 's2p3', { STY: '1.pts-0.host' });
    expect(copy.ok && screenChunks(copy.bytes).join('')).toBe(osc52(quote));
  });

  it(`copies up to ${MAX_CLIPBOARD_BYTES} UTF-8 bytes (100,000 base64 characters) and refuses more, saying why`, () => {
    const cjk = '阅'.repeat(MAX_CLIPBOARD_BYTES / 3);
    const fits = clipboardCopy(cjk, 'the paragraph', {});
    expect(fits.ok && fits.bytes.length).toBe('\u001b]52;c;'.length + 100_000 + 1);
    for (const tooLong of [`${cjk}a`, 'a'.repeat(MAX_CLIPBOARD_BYTES + 1)]) {
      const refused = clipboardCopy(tooLong, 'the paragraph', {});
      expect(refused.ok).toBe(false);
      expect(refused.status).toMatch(/^not copied: the paragraph is \d+ kB, more than terminals accept/);
    }
  });
});

describe('asking tmux (a fake tmux on PATH)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yuedu-tmux-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A `tmux` that records its arguments and answers `answer` (or fails with `status`). */
  function fakeTmux(answer: string, status = 0): NodeJS.ProcessEnv {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const script = join(bin, 'tmux');
    writeFileSync(script, `#!/bin/sh\necho "$@" >> "${bin}/calls"\nprintf '%s\\n' '${answer}'\nexit ${status}\n`);
    chmodSync(script, 0o755);
    return { PATH: `${bin}:/usr/bin:/bin`, TMUX: `${bin}/socket,1,0` };
  }

  it.each([
    ['external', 'external'],
    ['off', 'off'],
    ['on', 'on'],
    ['something else', undefined],
  ])('set-clipboard %s → %s', (answer, expected) => {
    expect(askTmuxClipboard(fakeTmux(answer))).toBe(expected);
  });

  it('a tmux that fails or is missing is undefined, not an error', () => {
    expect(askTmuxClipboard(fakeTmux('on', 1))).toBeUndefined();
    expect(askTmuxClipboard({ PATH: dir, TMUX: 'x' })).toBeUndefined();
  });

  it('the status with the real question: tmux external says not copied; asked once per server', () => {
    const env = fakeTmux('external');
    const copy = clipboardCopy('> 引文', 's1p1', env);
    expect(copy).toEqual({ ok: false, status: "not copied: tmux's set-clipboard is off (set -g set-clipboard on)" });
    let asked = 0;
    const counting = (e: NodeJS.ProcessEnv) => (asked++, askTmuxClipboard(e));
    const on = fakeTmux('on');
    expect(tmuxClipboard(on, counting)).toBe('on');
    expect(tmuxClipboard(on, counting)).toBe('on');
    expect(asked).toBe(1);
  });
});
