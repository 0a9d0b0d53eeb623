/** `postmortem actions --format markdown`: a GitHub table to paste into an issue or a wiki page. */
import type { ActionItem } from '../../collection/types.js';
import { actionCountsLine, actionLocation, actionState } from './action-fields.js';

/** Cell text: `|` escaped so it does not end the cell, line breaks as `<br>`. */
export function markdownCell(value: string | null): string {
  if (value === null || value.trim() === '') return '';
  return value
    .trim()
    .replace(/\\?\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** The items as a GitHub-flavoured Markdown table and a line of counts; a sentence when there are none. */
export function formatActionsMarkdown(items: readonly ActionItem[]): string {
  if (items.length === 0) return 'No action items found.\n';
  const header = ['Task', 'Owner', 'Due', 'Priority', 'Issue', 'State', 'Postmortem', 'Date', 'Status', 'File'];
  const rows = items.map((item) => [
    item.text,
    item.owner,
    item.due,
    item.priority,
    item.issue,
    actionState(item),
    item.postmortem.title,
    item.postmortem.date,
    item.postmortem.status,
    actionLocation(item) || null,
  ]);
  const line = (cells: ReadonlyArray<string | null>): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line), '', actionCountsLine(items), ''].join('\n');
}
