import { describe, expect, it } from 'vitest';
import { hyperlinkId, hyperlinkTarget, hyperlinksSupported } from '../../src/terminal/hyperlinks.js';

describe('hyperlinksSupported', () => {
  const tty = { TERM: 'xterm-256color' };

  it('is on for a terminal, off where the output is not one', () => {
    expect(hyperlinksSupported(tty, true)).toBe(true);
    expect(hyperlinksSupported(tty, false)).toBe(false);
  });

  it.each(['dumb', 'linux', 'screen', 'screen-256color', 'emacs', 'eterm-color', ''])('is off for TERM=%j', (term) => {
    expect(hyperlinksSupported({ TERM: term }, true)).toBe(term === 'eterm-color');
  });

  it('is off inside Emacs and without TERM', () => {
    expect(hyperlinksSupported({ ...tty, INSIDE_EMACS: '29.1,term:0.96' }, true)).toBe(false);
    expect(hyperlinksSupported({}, true)).toBe(false);
  });

  it('follows NO_HYPERLINKS and FORCE_HYPERLINK, and YUEDU_HYPERLINKS over both', () => {
    expect(hyperlinksSupported({ ...tty, NO_HYPERLINKS: '1' }, true)).toBe(false);
    expect(hyperlinksSupported({ TERM: 'dumb', FORCE_HYPERLINK: '1' }, false)).toBe(true);
    expect(hyperlinksSupported({ ...tty, FORCE_HYPERLINK: '0' }, false)).toBe(false);
    expect(hyperlinksSupported({ ...tty, NO_HYPERLINKS: '1', FORCE_HYPERLINK: '1' }, true)).toBe(false);
    expect(hyperlinksSupported({ ...tty, NO_HYPERLINKS: '1', YUEDU_HYPERLINKS: '1' }, false)).toBe(true);
    expect(hyperlinksSupported({ ...tty, FORCE_HYPERLINK: '1', YUEDU_HYPERLINKS: '0' }, true)).toBe(false);
    expect(hyperlinksSupported({ TERM: 'linux', YUEDU_HYPERLINKS: '1' }, true)).toBe(true);
  });
});

describe('hyperlinkTarget', () => {
  it('keeps web and mail addresses, refuses other schemes', () => {
    expect(hyperlinkTarget('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(hyperlinkTarget('HTTP://example.com/')).toBe('HTTP://example.com/');
    expect(hyperlinkTarget('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/', 'data:text/html,x', '/relative', '#anchor', 'example.com']) {
      expect(hyperlinkTarget(url)).toBeUndefined();
    }
  });

  it('percent-encodes every byte outside printable ASCII as UTF-8, and a % that starts no escape', () => {
    expect(hyperlinkTarget('https://zh.wikipedia.org/wiki/重庆')).toBe('https://zh.wikipedia.org/wiki/%E9%87%8D%E5%BA%86');
    expect(hyperlinkTarget('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(hyperlinkTarget('https://example.com/%E4%B8%AD')).toBe('https://example.com/%E4%B8%AD');
    expect(hyperlinkTarget('https://example.com/100%')).toBe('https://example.com/100%25');
    expect(hyperlinkTarget('https://example.com/😀')).toBe('https://example.com/%F0%9F%98%80');
    expect(hyperlinkTarget('https://example.com/\ud800')).toBe('https://example.com/%EF%BF%BD');
  });

  it('leaves no control or escape byte in any target', () => {
    const controls = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0080\u009b\u009c';
    const target = hyperlinkTarget(`https://example.com/${controls}\u001b]8;;x\u001b\\`)!;
    expect(target).toMatch(/^[\x21-\x7e]+$/);
    expect(target).not.toContain('\u001b');
  });
});

describe('hyperlinkId', () => {
  it('is the same for the same key, differs between keys, and holds nothing that could end OSC 8 or its parameter', () => {
    expect(hyperlinkId('s1p2-5')).toBe(hyperlinkId('s1p2-5'));
    expect(hyperlinkId('s1p2-5')).not.toBe(hyperlinkId('s1p2-6'));
    expect(hyperlinkId('s1p2-5')).toMatch(/^yd[0-9a-z]+-s1p2-5$/);
    expect(hyperlinkId('a:b;c\u001b\\d 中')).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
