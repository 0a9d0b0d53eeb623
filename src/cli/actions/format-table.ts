/**
 * The terminal listing of `postmortem actions`: aligned columns sized to their content, and
 * on a terminal, long text cut to fit its width, overdue rows red and done rows dim.
 */
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
  /** Whether the column gives way when a row is too wide, and from which end its text is cut. */
  cut?: 'end' | 'start';
  /** Narrowest it is cut to. */
  min?: number;
  /** Left out when no item has a value. */
  optional?: boolean;
}

const COLUMNS: readonly Column[] = [
  { header: 'FILE:LINE', value: actionLocation, cut: 'start', min: 16 },
  { header: 'TASK', value: (item) => item.text, cut: 'end', min: 20 },
  { header: 'OWNER', value: (item) => item.owner, cut: 'end', min: 10 },
  { header: 'DUE', value: (item) => item.due },
  { header: 'PRIORITY', value: (item) => item.priority, optional: true },
  { header: 'ISSUE', value: (item) => item.issue, optional: true, cut: 'end', min: 8 },
  { header: 'STATE', value: actionState },
  { header: 'POSTMORTEM', value: (item) => item.postmortem.title, cut: 'end', min: 12 },
  { header: 'DATE', value: (item) => item.postmortem.date },
  { header: 'STATUS', value: (item) => item.postmortem.status },
];

const GAP = '  ';

/**
 * Text made safe for one table cell: line breaks become spaces, and control characters
 * (escape sequences that could move the cursor or recolour the terminal, bidirectional
 * overrides that could reorder what is shown) become spaces too.
 */
export function cellText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

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

/** The items as an aligned table with a header and a last line of counts; a plain sentence when there are none. */
export function formatActionsTable(items: readonly ActionItem[], options: ActionsTableOptions): string {
  const columns = COLUMNS.filter((column) => !column.optional || items.some((item) => column.value(item) !== null));
  const rows = items.map((item) => columns.map((column) => cellText(column.value(item) ?? '-')));
  const widths = columns.map((column, index) => Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[index] as string))));
  if (options.width !== null) {
    let excess = widths.reduce((sum, width) => sum + width, 0) + GAP.length * (columns.length - 1) - options.width;
    // Take a column at a time from the widest of those that may give way, down to their minimum.
    while (excess > 0) {
      let widest = -1;
      for (const [index, column] of columns.entries()) {
        if (column.cut === undefined || (widths[index] as number) <= Math.max(column.min ?? 1, stringWidth(column.header))) continue;
        if (widest < 0 || (widths[index] as number) > (widths[widest] as number)) widest = index;
      }
      if (widest < 0) break;
      widths[widest] = (widths[widest] as number) - 1;
      excess -= 1;
    }
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => {
        const width = widths[index] as number;
        const text = truncate(cell, width, columns[index]?.cut ?? 'end');
        return index === cells.length - 1 ? text : pad(text, width);
      })
      .join(GAP)
      .trimEnd();
  const color = options.color;
  const out: string[] = [color ? color.bold(line(columns.map((column) => column.header))) : line(columns.map((column) => column.header))];
  for (const [index, row] of rows.entries()) {
    const text = line(row);
    const state = actionState(items[index] as ActionItem);
    out.push(color && state === 'overdue' ? color.red(text) : color && state === 'done' ? color.dim(text) : text);
  }
  out.push('', actionCountsLine(items));
  return `${out.join('\n')}\n`;
}
