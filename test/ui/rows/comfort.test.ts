/**
 * Frame tests for the reading-comfort rules: paragraph indent and spacing, the script the text is
 * shown in, at several widths; drawn by `screenView` from states the reducer makes.
 */
import { describe, expect, it } from 'vitest';
import { lineText } from '../../../src/ui/text.js';
import { reduce } from '../../../src/app/reducer.js';
import { initialState, type InitialOptions, type ReaderState } from '../../../src/app/state.js';
import { parseDocument } from '../../../src/core/document/parse.js';
import type { Document } from '../../../src/core/document/types.js';
import { cellWidth } from '../../../src/core/layout/width.js';
import { converterNow } from '../../../src/core/script/convert.js';
import { screenView } from '../../../src/ui/rows/frame.js';
import { createTheme } from '../../../src/ui/theme.js';
import { interviewDocument } from '../../helpers/documents.js';

const theme = createTheme(false);
const strip = lineText;
/** The text pane's rows (right of the sidebar's divider when docked), without the running head and status bar. */
function pane(state: ReaderState): string[] {
  const lines = screenView(state, theme).lines.map(strip);
  return lines.slice(1, -1).map((line) => (line.includes('│') ? line.slice(line.indexOf('│') + 1) : line));
}
const open = (doc: Document, columns: number, options: Partial<InitialOptions> = {}) => initialState(doc, { columns, rows: 30, ...options });

/** A short novel-like text: a title, a chapter heading, paragraphs indented with 　　 and separated by runs of blank lines. */
const novel = parseDocument(
  ['小城故事', '', '第一章 出门', '', '　　清晨，他推开门，看见院子里落满了叶子。', '', '', '', '　　他想了想，还是出门了。', '　　路上没有人。', '', '第二章 回家', '', '　　傍晚他回来了。'].join('\n'),
);

describe('paragraph indent', () => {
  it.each([30, 50, 80])('indents each paragraph once with --indent, whatever the source had, at %i columns', (columns) => {
    const rows = pane(open(novel, columns, { indent: true }));
    const starts = rows.filter((row) => /^\s*　　\S/.test(row));
    expect(starts.map((row) => row.trim().slice(0, 2))).toEqual(['清晨', '他想', '路上', '傍晚']);
    // Never twice: no row holds four ideographic spaces, and headings are not indented.
    for (const row of rows) expect(row).not.toContain('　　　　');
    expect(rows.find((row) => row.includes('第一章'))!.trim()).toBe('第一章 出门');
  });

  it.each([30, 80])('shows no indent with --no-indent, though the source had one, at %i columns', (columns) => {
    const rows = pane(open(novel, columns, { indent: false }));
    for (const row of rows) expect(row).not.toContain('　');
  });
});

describe('paragraph spacing', () => {
  it.each([30, 50, 80])('collapses runs of blank lines to one and, with spacing 0, puts none between paragraphs at %i columns', (columns) => {
    const one = pane(open(novel, columns, { spacing: 1 }));
    const none = pane(open(novel, columns, { spacing: 0 }));
    // The rows of the text, without the blank rows that fill the pane after its end.
    const text = (rows: string[]) => {
      const trimmed = rows.map((row) => row.trim());
      while (trimmed.at(-1) === '') trimmed.pop();
      return trimmed;
    };
    const blankRuns = (rows: string[]) => text(rows).join('\n').includes('\n\n\n');
    expect(blankRuns(one)).toBe(false);
    // Spacing 1: a blank row between 他想了想 and 路上; spacing 0: none, but still one before the next heading.
    const after = (rows: string[], start: string) => text(rows)[text(rows).findIndex((row) => row.startsWith(start)) + 1];
    expect(after(one, '他想了想')).toBe('');
    expect(after(none, '他想了想')).toMatch(/^路上/);
    expect(after(none, '路上')).toBe('');
    expect(text(none).filter((row) => row === '').length).toBeLessThan(text(one).filter((row) => row === '').length);
  });

  it('defaults to no blank line in a text shown indented, and one between an interview\'s turns and elsewhere', () => {
    expect(open({ ...novel, shape: 'book' }, 80, { indent: true }).spacing).toBe(0);
    // A book without indents (a classic's 子曰 paragraphs): the blank line is all that parts them.
    expect(open({ ...novel, shape: 'book' }, 80, { indent: false }).spacing).toBe(1);
    expect(open({ ...novel, shape: 'article' }, 80, { indent: true }).spacing).toBe(0);
    expect(open({ ...novel, shape: 'article' }, 80, { indent: false }).spacing).toBe(1);
    expect(open(interviewDocument(), 80).spacing).toBe(1);
    expect(open(interviewDocument(), 80, { indent: true }).spacing).toBe(1);
  });
});

describe('script shown', () => {
  const doc = interviewDocument();

  it.each([44, 80, 120])('shows the text, headings, labels and the sidebar in traditional characters with t, at %i columns', (columns) => {
    converterNow('traditional');
    let state = open(doc, columns, { top: { block: 's1', offset: 0 } });
    const before = screenView(state, theme).lines.map(strip);
    state = reduce(state, { type: 'keys', keys: ['t', 't'] });
    expect(state.script).toBe('traditional');
    const after = screenView(state, theme).lines.map(strip);
    expect(after.join('\n')).toContain('產業');
    expect(after.join('\n')).not.toContain('产业');
    for (const line of after) expect(cellWidth(line)).toBeLessThanOrEqual(columns);
    // Display only: the place and what it points at are the original's.
    expect(state.top).toEqual({ block: 's1', offset: 0 });
    state = reduce(state, { type: 'keys', keys: ['t'] });
    expect(state.script).toBe('original');
    expect(screenView(state, theme).lines.map(strip).slice(0, -1)).toEqual(before.slice(0, -1));
  });

  it('keeps the top paragraph and character when the script changes', () => {
    converterNow('traditional');
    let state = open(doc, 60, { top: { block: 's2p3', offset: 10 } });
    const top = pane(state)[0];
    state = reduce(state, { type: 'keys', keys: ['t', 't'] });
    expect(state.top).toEqual({ block: 's2p3', offset: 10 });
    expect(pane(state)[0]!.length).toBe(top!.length);
  });

  it('copies the quote as shown, saying so', () => {
    converterNow('traditional');
    let state = open(doc, 80, { top: { block: 's2p3', offset: 0 }, script: 'traditional' });
    state = reduce(state, { type: 'copy' });
    expect(state.copyRequest?.text).toContain('（繁体显示）');
    expect(state.copyRequest?.text).toContain('產業');
    state = reduce(open(doc, 80, { top: { block: 's2p3', offset: 0 } }), { type: 'copy' });
    expect(state.copyRequest?.text).not.toContain('显示');
  });
});

describe('sticky chapter header', () => {
  const doc = interviewDocument();
  const head = (state: ReaderState) => {
    const line = strip(screenView(state, theme).lines[0]!);
    return line.includes('│') ? line.slice(line.indexOf('│') + 1) : line;
  };
  const section = doc.sections[1]!;

  it.each([44, 80, 120])('shows the current section heading at the top while reading inside it, at %i columns', (columns) => {
    let state = open(doc, columns, { top: { block: `s${section.index}`, offset: 0 } });
    // Its own heading on screen: the running head is the text's title, not the heading twice.
    expect(head(state)).toContain(doc.title.slice(0, 6));
    expect(head(state)).not.toContain(section.title.slice(0, 6));
    state = reduce(state, { type: 'scroll', rows: 2 });
    const shown = pane(state);
    expect(shown.some((row) => row.trim() === section.title)).toBe(false);
    expect(head(state)).toContain(section.title.slice(0, Math.min(6, section.title.length)));
    expect(cellWidth(strip(screenView(state, theme).lines[0]!))).toBeLessThanOrEqual(columns);
  });

  it('shows the title in the lead and nothing while the title is in view', () => {
    let state = open(doc, 80);
    expect(head(state).trim()).toBe('');
    state = open(doc, 80, { top: { block: doc.lead[0]!.id, offset: 0 } });
    state = reduce(state, { type: 'scroll', rows: 1 });
    expect(head(state)).toContain(doc.title.slice(0, 6));
  });

  it('shows the heading converted when the text is shown in another script', () => {
    converterNow('traditional');
    const state = reduce(open(doc, 80, { top: { block: `${section.paragraphs[1]!.id}`, offset: 0 }, script: 'traditional' }), { type: 'scriptReady', script: 'traditional' });
    expect(head(state)).toContain(converterNow('traditional')!(section.title).text.slice(0, 6));
  });
});
