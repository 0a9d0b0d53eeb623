/**
 * `postmortem actions --format csv`: a header row, then one row per action item, written by
 * src/export/csv.ts (RFC 4180, and never read as a formula by a spreadsheet).
 */
import type { ActionItem } from '../../collection/types.js';
import { csvText } from '../../export/csv.js';

const HEADER = ['file', 'line', 'text', 'owner', 'due', 'priority', 'issue', 'done', 'overdue', 'title', 'date', 'severity', 'status', 'services'];

/** The items as CSV, one row each after the header; only the header when there are none. */
export function formatActionsCsv(items: readonly ActionItem[]): string {
  const rows = items.map((item) => [
    item.file,
    item.line,
    item.text,
    item.owner,
    item.due,
    item.priority,
    item.issue,
    item.done,
    item.overdue,
    item.postmortem.title,
    item.postmortem.date,
    item.postmortem.severity,
    item.postmortem.status,
    item.postmortem.services.join('; '),
  ]);
  return csvText([HEADER, ...rows]);
}
