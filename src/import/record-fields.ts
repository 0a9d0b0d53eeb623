/**
 * Reading the fields of a record from an export (a PagerDuty log entry, an Alertmanager
 * alert): its strings as one line of text, and the window every reader filters to (its
 * instant: src/import/event-time.ts). Exports are data from elsewhere, so nothing here trusts a field's type.
 */
import type { ImportReadOptions } from './types.js';

/** Whether an instant is inside the read's window (both ends included). */
export function inWindow(millis: number, options: Pick<ImportReadOptions, 'since' | 'until'>): boolean {
  return (options.since === null || options.since === undefined || millis >= options.since)
    && (options.until === null || options.until === undefined || millis <= options.until);
}

/** A string field as one line of text (runs of white space, line breaks included, become one space); null when absent or blank. */
export function oneLine(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The value under `key` when `value` is a plain object. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
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

/**
 * A copy of a string that holds nothing else in memory. The strings of a parsed record are
 * slices of the block the tokenizer read (V8 keeps a slice of 13 characters or more as a view
 * of its parent), so one such string kept, in a set of seen ids or in an event's text, keeps
 * a whole 256 KB block alive: kept for every record of a 3 GB log, the whole log. What a
 * reader keeps past the record it is reading goes through this.
 */
export function detachedString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** A count with thousands separators, as messages show them. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
