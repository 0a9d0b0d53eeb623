/**
 * CSV as RFC 4180 writes it (fields with a comma, a quote or a line break in quotes, quotes
 * doubled, lines ended by CRLF), with one guard RFC 4180 does not have: a text field that a
 * spreadsheet would read as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first)
 * gets a leading `'`, as OWASP's advice on CSV injection says, so that opening the export of
 * a postmortem someone else wrote never runs anything.
 */

/** What a spreadsheet takes as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Needs quotes under RFC 4180. */
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: a number or boolean as it is, null as an empty field, text guarded and quoted where needed. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows of fields as CSV text, each line ended by CRLF. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
