#!/usr/bin/env node
// The naive Ink 8 baseline of the performance issue: what a first, straightforward Ink reader
// costs. It wraps the whole file up front, re-renders every visible row on each key, and keeps
// Ink's defaults (30 fps throttle, full-frame output). Do not optimise it: it is the yardstick.
// Usage: node bench/minimal-ink-reader.mjs FILE
// Keys: j/k/↓/↑ line, space/f/PgDn and b/PgUp page, g/G top/bottom, / search (Enter/Esc close), q quit.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';
import { Box, Text, render, useApp, useInput, useWindowSize } from 'ink';
import { createElement as h, useMemo, useState } from 'react';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: minimal-ink-reader FILE\n');
  process.exit(2);
}
const source = readFileSync(file, 'utf8');
const name = basename(file);

/** Breaks every line of the text into rows of at most `width` cells, double-width characters kept whole. */
function wrap(text, width) {
  const rows = [];
  for (const line of text.split('\n')) {
    let row = '';
    let used = 0;
    for (const char of line) {
      const cells = eastAsianWidth(char.codePointAt(0));
      if (used + cells > width) {
        rows.push(row);
        row = '';
        used = 0;
      }
      row += char;
      used += cells;
    }
    rows.push(row);
  }
  return rows;
}

function Reader() {
  const { exit } = useApp();
  const { columns, rows: height } = useWindowSize();
  const lines = useMemo(() => wrap(source, columns), [columns]);
  const page = Math.max(1, height - 1);
  const last = Math.max(0, lines.length - page);
  const [top, setTop] = useState(0);
  const [query, setQuery] = useState(undefined);
  const scrollBy = (delta) => setTop((line) => Math.min(last, Math.max(0, line + delta)));

  useInput((input, key) => {
    if (query !== undefined) {
      if (key.return || key.escape) return setQuery(undefined);
      const next = key.backspace || key.delete ? query.slice(0, -1) : query + input;
      setQuery(next);
      const hit = next ? lines.findIndex((line) => line.includes(next)) : -1;
      if (hit >= 0) setTop(Math.min(last, hit));
      return;
    }
    // Ink hands over keys that arrive in one read (a held key, a slow link) as one string.
    for (const char of input || ['']) {
      if (char === 'q') exit();
      else if (char === 'j' || key.downArrow) scrollBy(1);
      else if (char === 'k' || key.upArrow) scrollBy(-1);
      else if (char === ' ' || char === 'f' || key.pageDown) scrollBy(page);
      else if (char === 'b' || key.pageUp) scrollBy(-page);
      else if (char === 'g' || key.home) setTop(0);
      else if (char === 'G' || key.end) setTop(last);
      else if (char === '/') setQuery('');
    }
  });

  const visible = lines.slice(top, top + page);
  const percent = lines.length <= page ? 100 : Math.round((top / last) * 100);
  const status = query === undefined ? ` ${name}  ${top + 1}/${lines.length}  ${percent}%  q quit` : `/${query}`;
  return h(
    Box,
    { flexDirection: 'column', height },
    h(Box, { flexDirection: 'column', flexGrow: 1 }, ...visible.map((line, i) => h(Text, { key: i, wrap: 'truncate-end' }, line || ' '))),
    h(Text, { inverse: true, wrap: 'truncate-end' }, status),
  );
}

if (!process.stdout.isTTY) {
  process.stdout.write(source);
} else {
  // Ink turns non-interactive under CI=true even on a terminal; a reader decides from the TTY.
  const app = render(h(Reader), { alternateScreen: true, interactive: true });
  await app.waitUntilExit();
}
