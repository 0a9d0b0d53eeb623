/**
 * Reading the fields of a record from an export (a Slack message, a PagerDuty log entry, an
 * Alertmanager alert, a CSV row): a field's value, its text as one line, what a value is for
 * a message, and counts as messages write them. Exports are data from elsewhere, so nothing
 * here trusts a field's type.
 */

// Control characters other than whitespace (escape sequences, NUL, C1 controls) never belong in
// a timeline entry and could drive a terminal that shows the entry; bidirectional overrides,
// embeddings, isolates and marks could make the entry read differently from what it holds
// ("Trojan Source"), in the terminal, the file and the exported page alike.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A string as one line of text: control characters and bidirectional controls go, line breaks and runs of white space
 * become one space, the ends are trimmed. Null when it is not a string, or nothing is left.
 */
export function oneLine(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The value under `key` when `value` is a plain object. */
export function field(value: unknown, key: string): unknown {
  return isPlainObject(value) ? value[key] : undefined;
}

/** Whether a value is a plain object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, for a message: `an object with keys "channel", "user", "text"`, `an array`, `a string`. */
export function describeJsonValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty object';
    const shown = keys.slice(0, 4).map((key) => JSON.stringify(key)).join(', ');
    return `an object with keys ${shown}${keys.length > 4 ? ', ...' : ''}`;
  }
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : `a ${typeof value}`;
}

/** A count with thousands separators, as messages show them. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** A count and its noun: `1 thread reply`, `1,204 records`. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
