import type { ProgramSummary } from './summary.js';

/** One document at one size: every program's summary and the ratios computed in the same run. */
export interface CaseResult {
  document: string;
  size: string;
  programs: ProgramSummary[];
  ratios: Record<string, Record<string, number | undefined>>;
}

/** A plain-text table per case: metrics as rows, programs and ratios as columns, then any notes. */
export function formatTable(result: CaseResult, labels: readonly string[]): string {
  const columns = [...result.programs.map((summary) => summary.program), ...Object.keys(result.ratios)];
  const valueOf = (column: string, label: string): number | undefined =>
    result.ratios[column]?.[label] ?? result.programs.find((summary) => summary.program === column)?.metrics[label];
  const isRatio = (column: string): boolean => column in result.ratios;
  const cells = labels.map((label) => [label, ...columns.map((column) => format(valueOf(column, label), isRatio(column)))]);
  const header = ['', ...columns];
  const widths = header.map((_, i) => Math.max(...[header, ...cells].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const runs = result.programs.map((summary) => `${summary.program} ${summary.runs}`).join(', ');
  const notes = result.programs.flatMap((summary) => summary.notes.map((note) => `  note: ${summary.program}: ${note}`));
  return [`${result.document} at ${result.size} (runs: ${runs})`, line(header), ...cells.map(line), ...notes].join('\n');
}

function format(value: number | undefined, ratio: boolean): string {
  if (value === undefined) return 'n/a';
  if (ratio) return `${value.toFixed(2)}x`;
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
