/**
 * Reading the fields of a record from an export (a PagerDuty log entry, an Alertmanager
 * alert): its instant, its strings as one line of text, and the window every reader filters
 * to. Exports are data from elsewhere, so nothing here trusts a field's type.
 */
import { PostmortemError } from '../model/errors.js';
import { parseZone, zonedInstantMillis } from '../model/time.js';
import type { ImportReadOptions } from './types.js';

/** An instant read from a record, and whether its zone had to be assumed. */
export interface RecordInstant {
  /** Epoch milliseconds. */
  millis: number;
  /** The text had no zone or offset: it was read in the assumed zone. */
  zoneAssumed: boolean;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Reads an ISO 8601 / RFC 3339 time (`2026-03-14T14:05:00Z`, Go's nanoseconds
 * `2026-03-14T14:05:00.123456789+01:00`). One without a zone is read in `assumeZone`
 * (default UTC). Null for anything else, including impossible dates.
 */
export function readRecordInstant(value: unknown, assumeZone: string | null | undefined): RecordInstant | null {
  if (typeof value !== 'string') return null;
  const match = ISO_8601.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
  const milliseconds = (fraction + '000').slice(0, 3);
  const wall = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  if (!isCalendarTime(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second))) return null;
  if (zone) {
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : normalizeOffset(zone);
    const millis = Date.parse(`${wall}.${milliseconds}${offset}`);
    return Number.isNaN(millis) ? null : { millis, zoneAssumed: false };
  }
  const millis = zonedInstantMillis(wall, assumeZone ?? 'UTC') + Number(milliseconds);
  return Number.isNaN(millis) ? null : { millis, zoneAssumed: true };
}

function normalizeOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`;
}

function isCalendarTime(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** The zone times without one are read in, checked once per read: a name nobody can read is an error, not UTC in disguise. */
export function assumedZoneName(options: Pick<ImportReadOptions, 'assumeZone'>): string {
  const zone = options.assumeZone?.trim() || 'UTC';
  if (!parseZone(zone)) throw new PostmortemError(`unknown timezone "${zone}" for times without a zone (an IANA name such as Europe/Berlin, or UTC, UTC-4)`);
  return zone;
}

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
