/**
 * The terminal listing of `postmortem actions`: aligned columns sized to their content, and
 * on a terminal, long text cut to fit its width, overdue rows red and done rows dim.
 */
import { terminalText } from '../terminal-text.js';
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { ActionItem } from '../../collection/types.js';
import { actionCountsLine, actionLocation, actionState } from './action-fields.js';

/** Options of {@link formatActionsTable}. */
export interface ActionsTableOptions {
  /** Colours for a colour terminal, or null for plain text. */
  color: ChalkInstance | null;
  /** The terminal's width to fit rows into, or null to never cut text (output piped). */
  width: number | null;
}

interface Column {
  header: string;
  value: (item: ActionItem) => string | null;
  /** Whether the column gives way when a row is too wide (in two rounds: 1 first), and from which end its text is cut. */
  cut?: { round: 1 | 2; from: 'end' | 'start'; min: number };
  /** Left out when no item has a value. */
  optional?: boolean;
  /** Left out on a terminal too narrow for every column even when cut, in this order (1 first). */
  drop?: number;
}

const COLUMNS: readonly Column[] = [
  { header: 'FILE:LINE', value: actionLocation, cut: { round: 2, from: 'start', min: 16 } },
  { header: 'TASK', value: (item) => item.text, cut: { round: 2, from: 'end', min: 24 } },
  { header: 'OWNER', value: (item) => item.owner, cut: { round: 1, from: 'end', min: 10 } },
  { header: 'DUE', value: (item) => item.due, cut: { round: 1, from: 'end', min: 10 } },
  { header: 'PRIORITY', value: (item) => item.priority, optional: true, drop: 3 },
  { header: 'ISSUE', value: (item) => item.issue, optional: true, cut: { round: 1, from: 'end', min: 8 }, drop: 4 },
  { header: 'STATE', value: actionState },
  { header: 'POSTMORTEM', value: (item) => item.postmortem.title, cut: { round: 1, from: 'end', min: 12 }, drop: 5 },
  { header: 'DATE', value: (item) => item.postmortem.date, drop: 2 },
  { header: 'STATUS', value: (item) => item.postmortem.status, drop: 1 },
];

const GAP = '  ';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to `width` display columns with an ellipsis, from its end or its start. */
export function truncate(text: string, width: number, from: 'end' | 'start' = 'end'): string {
  if (stringWidth(text) <= width) return text;
  const parts = [...graphemes.segment(text)].map((part) => part.segment);
  if (from === 'start') parts.reverse();
  let kept = '';
  let used = 0;
  for (const part of parts) {
    const partWidth = stringWidth(part);
    if (used + partWidth > width - 1) break;
    kept = from === 'start' ? part + kept : kept + part;
    used += partWidth;
  }
  return from === 'start' ? `…${kept}` : `${kept}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Total width of a row of these column widths. */
function rowWidth(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + GAP.length * Math.max(0, widths.length - 1);
}

/**
 * Cuts the columns that may give way until a row fits `width`: a column at a time from the
 * widest, round 1 (title, owner, issue, due) before round 2 (the task and its file), never
 * below a column's minimum. Returns whether the row fits.
 */
function shrinkToFit(columns: readonly Column[], widths: number[], width: number): boolean {
  for (const round of [1, 2]) {
    while (rowWidth(widths) > width) {
      let widest = -1;
      for (const [index, column] of columns.entries()) {
        if (column.cut?.round !== round || (widths[index] as number) <= column.cut.min) continue;
        if (widest < 0 || (widths[index] as number) > (widths[widest] as number)) widest = index;
      }
      if (widest < 0) break;
      widths[widest] = (widths[widest] as number) - 1;
    }
  }
  return rowWidth(widths) <= width;
}

/** The items as an aligned table with a header and a last line of counts. */
export function formatActionsTable(items: readonly ActionItem[], options: ActionsTableOptions): string {
  let columns = COLUMNS.filter((column) => !column.optional || items.some((item) => column.value(item) !== null));
  const texts = new Map(columns.map((column) => [column, items.map((item) => terminalText(column.value(item) ?? '-'))]));
  // reduce, not Math.max(...): a list can have more rows than a call has room for arguments.
  const natural = (column: Column): number => (texts.get(column) as string[]).reduce((widest, text) => Math.max(widest, stringWidth(text)), stringWidth(column.header));
  let widths = columns.map(natural);
  if (options.width !== null) {
    // On a narrow terminal, the postmortem's status, date, priority, issue and title go, in that order, before the task is cut short.
    const dropOrder = columns.filter((column) => column.drop !== undefined).sort((left, right) => (left.drop as number) - (right.drop as number));
    while (!shrinkToFit(columns, widths, options.width) && dropOrder.length > 0) {
      const dropped = dropOrder.shift() as Column;
      columns = columns.filter((column) => column !== dropped);
      widths = columns.map(natural);
    }
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => {
        const width = widths[index] as number;
        const text = truncate(cell, width, columns[index]?.cut?.from ?? 'end');
        return index === cells.length - 1 ? text : pad(text, width);
      })
      .join(GAP)
      .trimEnd();
  const color = options.color;
  const header = line(columns.map((column) => column.header));
  const out: string[] = [color ? color.bold(header) : header];
  for (const [index, item] of items.entries()) {
    const text = line(columns.map((column) => (texts.get(column) as string[])[index] as string));
    const state = actionState(item);
    out.push(color && state === 'overdue' ? color.red(text) : color && state === 'done' ? color.dim(text) : text);
  }
  out.push('', actionCountsLine(items));
  return `${out.join('\n')}\n`;
}
