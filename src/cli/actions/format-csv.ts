/**
 * `postmortem actions --format csv`: RFC 4180 (a header row, CRLF line ends, a field with a
 * comma, quote or line break in double quotes, quotes doubled), made safe to open in a
 * spreadsheet: a field starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
 * `'` in front, so that a task's text is never run as a formula (CSV injection, as OWASP
 * describes it).
 */
import type { ActionItem } from '../../collection/types.js';

const HEADER = ['file', 'line', 'text', 'owner', 'due', 'priority', 'issue', 'done', 'overdue', 'title', 'date', 'severity', 'status', 'services'];

/** One CSV field, quoted when it must be, and never read as a formula. */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

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
  return [HEADER, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
