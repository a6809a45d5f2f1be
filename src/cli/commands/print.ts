import { defaultSpacing } from '../../app/state.js';
import { citation, citationParts } from '../../core/document/cite.js';
import { resolveRef } from '../../core/document/refs.js';
import type { Document } from '../../core/document/types.js';
import { indentsByDefault } from '../../core/document/indentation.js';
import { flowBlocks, type Row, type Spacing } from '../../core/layout/flow.js';
import { asShown, converterNow, shownNote, type Script } from '../../core/script/convert.js';
import { PRINT_READINGS } from '../../core/layout/readings.js';
import { layoutText } from '../../core/layout/linebreak.js';
import { UserError } from '../errors.js';
import type { Styles } from '../output.js';
import { Chunks } from '../chunks.js';

export interface PrintOptions {
  width: number;
  ambiguousWidth: 1 | 2;
  /** Only this section (0: the lead). */
  section?: number;
  style: Styles;
  /** Indent every paragraph's first line; undefined: as the source does. */
  indent?: boolean;
  /** Blank lines between paragraphs; undefined: by the text's shape, as the reader. */
  spacing?: Spacing;
  /** The script to print in. @default 'original' */
  script?: Script;
  /** Write ruby readings after their base, `漢（hàn）`. @default true */
  readings?: boolean;
}

/** The document exactly as the reader's text pane lays it out, one row per line. */
export function printDocument(doc: Document, options: PrintOptions): string {
  return [...printChunks(doc, options)].join('');
}

/**
 * {@link printDocument} in pieces of about 64 Ki code units (see chunks.ts), laid out block by block as they are
 * written, so printing needs the memory of one paragraph's rows, not of the whole layout. Checks the
 * section before the first piece, so a bad `--section` writes nothing.
 */
export function printChunks(doc: Document, options: PrintOptions): Generator<string> {
  const { section } = options;
  if (section !== undefined && section > doc.sections.length) {
    throw new UserError(`there is no section ${section}: the document has ${doc.sections.length} (0 is the lead)`);
  }
  return chunks(doc, options);
}

function* chunks(doc: Document, options: PrintOptions): Generator<string> {
  const { section, style } = options;
  const out = new Chunks();
  // With --section, blank rows before its first line and after its last are left out: blank rows wait
  // here until a line follows them.
  let blanks = 0;
  let started = false;
  const script = options.script ?? 'original';
  // Built at once: printing waits for nothing else. The flow takes the converter from its cache.
  converterNow(script);
  const indent = options.indent ?? indentsByDefault(doc);
  const flowOptions = {
    width: options.width,
    ambiguousWidth: options.ambiguousWidth,
    indent,
    spacing: options.spacing ?? defaultSpacing(doc, indent),
    script,
    readings: options.readings === false ? undefined : PRINT_READINGS,
  };
  for (const rows of flowBlocks(doc, flowOptions)) {
    for (const row of rows) {
      if (section !== undefined) {
        if (row.section !== section || !isBody(row) || row.blockId.startsWith('v')) continue;
        if (row.kind === 'blank') {
          if (started) blanks++;
          continue;
        }
        started = true;
        for (; blanks > 0; blanks--) {
          const full = out.add('\n');
          if (full !== undefined) yield full;
        }
      }
      const full = out.add(`${render(row, style)}\n`);
      if (full !== undefined) yield full;
    }
  }
  const rest = out.take();
  if (rest !== '') yield rest;
}

function isBody(row: Row): boolean {
  return row.kind === 'heading' || row.kind === 'text' || row.kind === 'blank';
}

function render(row: Row, style: Styles): string {
  const label = row.label ? style.bold(row.label) : '';
  if (row.kind === 'title' || row.kind === 'heading') return style.bold(row.text);
  if (row.kind === 'dateline' || row.kind === 'meta') return style.dim(row.text);
  // A framed row (list marker, quote bar, code margin) keeps its frame, dimmed; a paragraph its indent.
  return (row.form === undefined ? row.indent : style.dim(row.indent)) + label + row.text;
}

export interface CitationOptions {
  /** Wrap to this many columns; undefined leaves each line whole for pasting. */
  width?: number;
  ambiguousWidth: 1 | 2;
  /** Quote the paragraph as shown in this script (saying so when that changes it). @default 'original' */
  script?: Script;
}

const QUOTE = '> ';

/**
 * `print --at REF`: the paragraph as a citation (see `core/document/cite.ts`). It is not wrapped unless a
 * width is asked for, because hard line breaks pasted into notes split Chinese sentences; a terminal
 * wraps the long line for display anyway. When wrapped, every quote line keeps its `> `.
 */
export function printCitation(doc: Document, at: string, options: CitationOptions): string {
  const target = resolveRef(doc, at);
  if (!target.ok) throw new UserError(target.message, 2, "'yuedu toc' lists the sections and their paragraph counts.");
  if (target.paragraph === undefined) {
    if (target.ref === 'original-title') throw new UserError('--at original-title names the 原标题 line, not a paragraph; print cites one paragraph', 2, "'yuedu toc' lists the sections and their paragraph counts.");
    if (target.ref.startsWith('v')) throw new UserError(`--at ${target.ref} names a volume's heading; print cites one paragraph`, 2, `Try 'yuedu print --at s${target.section}p1', the volume's first paragraph.`);
    throw new UserError(`--at ${target.ref} names a whole section; print cites one paragraph`, 2, `Try 'yuedu print --at ${target.ref}p1', or 'yuedu print --section ${target.section}'.`);
  }
  const { width, ambiguousWidth } = options;
  const script = options.script ?? 'original';
  const convert = converterNow(script);
  if (width === undefined) return `${asShown(citation(doc, target.paragraph), script, convert)}\n`;
  const wrap = (text: string, columns: number) => layoutText(text, Math.max(1, columns), { ambiguousWidth }).map((line) => line.text);
  const parts = citationParts(doc, target.paragraph);
  const quote = convert ? convert(parts.quote).text : parts.quote;
  const converted = convert ? convert(parts.attribution).text : parts.attribution;
  const changed = quote !== parts.quote || converted !== parts.attribution;
  const attribution = changed ? `${converted}${shownNote(script)}` : parts.attribution;
  const quoteLines = quote.split('\n').flatMap((line) => wrap(line, width - QUOTE.length).map((part) => QUOTE + part));
  return [...quoteLines, ...wrap(attribution, width)].join('\n') + '\n';
}
