import type { Document } from '../../core/document/types.js';
import { flowRows, type Row } from '../../core/layout/flow.js';
import { UserError } from '../errors.js';
import type { Styles } from '../output.js';

export interface PrintOptions {
  width: number;
  ambiguousWidth: 1 | 2;
  /** Only this section (0: the lead). */
  section?: number;
  style: Styles;
}

/** The document exactly as the reader's text pane lays it out, one row per line. */
export function printDocument(doc: Document, options: PrintOptions): string {
  const { section, style } = options;
  if (section !== undefined && section > doc.sections.length) {
    throw new UserError(`there is no section ${section}: the document has ${doc.sections.length} (0 is the lead)`);
  }
  let rows = flowRows(doc, { width: options.width, ambiguousWidth: options.ambiguousWidth });
  if (section !== undefined) rows = trimBlank(rows.filter((row) => row.section === section && isBody(row)));
  return rows.map((row) => render(row, style)).join('\n') + (rows.length > 0 ? '\n' : '');
}

function isBody(row: Row): boolean {
  return row.kind === 'heading' || row.kind === 'text' || row.kind === 'blank';
}

function trimBlank(rows: Row[]): Row[] {
  let start = 0;
  let end = rows.length;
  while (start < end && rows[start]?.kind === 'blank') start++;
  while (end > start && rows[end - 1]?.kind === 'blank') end--;
  return rows.slice(start, end);
}

function render(row: Row, style: Styles): string {
  const label = row.label ? style.bold(row.label) : '';
  if (row.kind === 'title' || row.kind === 'heading') return style.bold(row.text);
  if (row.kind === 'dateline' || row.kind === 'meta') return style.dim(row.text);
  return label + row.text;
}
