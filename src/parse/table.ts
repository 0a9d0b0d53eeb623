/** GFM pipe tables read from source lines, for timelines and action items written as tables. */
import type { SourceLine } from './markdown-lines.js';

/** A table: header cells and body rows, with each row's source line. */
export interface SourceTable {
  headers: string[];
  rows: Array<{ cells: string[]; line: SourceLine }>;
}

/** Splits one table row into cells: unescaped pipes separate, `\|` is a literal pipe, `<br>` a line break. */
export function splitRow(text: string): string[] {
  const trimmed = text.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n'));
}

/** Reads the lines of one table block (markdown-it already decided they are a table). */
export function parseTable(lines: readonly SourceLine[]): SourceTable | null {
  if (lines.length < 2) return null;
  const headers = splitRow((lines[0] as SourceLine).text);
  const rows = lines
    .slice(2)
    .filter((line) => line.text.trim() !== '')
    .map((line) => ({ cells: splitRow(line.text), line }));
  return { headers, rows };
}

/** The consecutive table lines starting at `start`: one table block. */
export function tableBlockAt(lines: readonly SourceLine[], start: number): SourceLine[] {
  let end = start;
  while (end < lines.length && (lines[end] as SourceLine).kind === 'table') end++;
  return lines.slice(start, end);
}
