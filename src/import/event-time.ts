/**
 * Times as records write them, for every reader: ISO 8601 with or without an offset
 * (`2026-03-14T14:05:00Z`, `2026-03-14 10:05:00-04:00`, `2026-03-14T14:05`, Go's nanoseconds
 * `2026-03-14T14:05:00.123456789+01:00`), and for times people or other tools wrote, also a
 * zone after the time (`2026-03-14 10:05 EDT`), a date alone, or epoch seconds, milliseconds,
 * microseconds or nanoseconds told apart by magnitude. A time without a zone is a wall-clock
 * time in the zone assumed, DST-correct (src/model/time.ts).
 */
import { PostmortemError } from '../model/errors.js';
import { instantMillis, parseZone, UTC_ZONE, zoneOffsetAt, type Zone } from '../model/time.js';

/** An instant read from a record, and whether its zone had to be assumed. */
export interface EventTime {
  /** Epoch milliseconds. */
  at: number;
  /** True when the text named no zone or offset and the assumed zone was used. */
  zoneAssumed: boolean;
}

/**
 * Which times are read:
 * - `any` (CSV and JSON-lines columns, written by people and all sorts of tools): ISO 8601
 *   with an offset, a zone name or abbreviation, or nothing after it; a date alone (its
 *   midnight); epoch numbers, and strings of digits.
 * - `rfc3339` (the timestamps of a machine's export: PagerDuty's `created_at`, Alertmanager's
 *   `startsAt`): a string with a date and a time, and `Z`, a numeric offset or nothing. Anything
 *   else there is a sign of the wrong field or the wrong file, not a time to guess at.
 */
export type EventTimeFormat = 'any' | 'rfc3339';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z][A-Za-z0-9_/+:-]*(?:\s[A-Za-z0-9_/+:-]+)*)?$/i;

const NUMERIC_OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?$/;

// Epoch numbers by magnitude: 1e11 seconds is the year 5138 and 1e11 milliseconds is 1973, so
// below 1e11 is seconds; each further factor of 1000 is the next unit.
const EPOCH_UNITS: Array<{ below: number; toMillis: number }> = [
  { below: 1e11, toMillis: 1000 },
  { below: 1e14, toMillis: 1 },
  { below: 1e17, toMillis: 1e-3 },
  { below: Number.POSITIVE_INFINITY, toMillis: 1e-6 },
];

/**
 * Epoch milliseconds of an epoch number: seconds below 1e11, milliseconds below 1e14,
 * microseconds below 1e17, nanoseconds above.
 */
export function epochMillis(value: number): number {
  const unit = EPOCH_UNITS.find((candidate) => Math.abs(value) < candidate.below) as { toMillis: number };
  return Math.round(value * unit.toMillis);
}

/**
 * The instant a record's time stands for, or null when it is not a time `format` reads
 * (including impossible dates and offsets). A time without a zone is a wall clock in
 * `assumed`: a time the clocks skipped reads with the offset from before the change, one
 * that happens twice is the earlier.
 */
export function parseEventTime(value: unknown, assumed: Zone, format: EventTimeFormat = 'any'): EventTime | null {
  const anyTime = format === 'any';
  if (typeof value === 'number') return anyTime && Number.isFinite(value) ? { at: epochMillis(value), zoneAssumed: false } : null;
  if (typeof value !== 'string') return null;
  const written = value.trim();
  if (anyTime && /^-?\d+(?:\.\d+)?$/.test(written)) return { at: epochMillis(Number(written)), zoneAssumed: false };
  const match = ISO.exec(written);
  if (!match) return null;
  const [, year, month, day, hour, minute = '00', second = '00', fraction = '', zoneText] = match as unknown as Array<string | undefined>;
  if (hour === undefined && !anyTime) return null;
  const local = `${year}-${month}-${day}T${hour ?? '00'}:${minute}:${second}`;
  const wall = instantMillis(local);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 19) !== local) return null;
  // The first three digits of the fraction are the milliseconds (Go writes nine); the rest are cut.
  const millis = wall + Number(`${fraction}000`.slice(0, 3));
  if (zoneText === undefined) return { at: millis - zoneOffsetAt(assumed, local) * 60_000, zoneAssumed: true };
  if (/^z$/i.test(zoneText)) return { at: millis, zoneAssumed: false };
  const offset = NUMERIC_OFFSET.exec(zoneText);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60 || Number(offset[3] ?? 0) > 59) return null;
    return { at: millis - (offset[1] === '-' ? -minutes : minutes) * 60_000, zoneAssumed: false };
  }
  const zone = anyTime ? parseZone(zoneText) : null;
  if (!zone) return null;
  return { at: millis - zoneOffsetAt(zone, local) * 60_000, zoneAssumed: false };
}

/** The zone for times written without one: `assumeZone` read by parseZone, UTC when not given. Null when it names no zone. */
export function assumedZone(assumeZone: string | null | undefined): Zone | null {
  if (assumeZone === null || assumeZone === undefined || assumeZone.trim() === '') return UTC_ZONE;
  return parseZone(assumeZone);
}

/**
 * {@link assumedZone}, checked once per read: a name nobody can read is a `PostmortemError`,
 * not UTC in disguise.
 */
export function readAssumedZone(assumeZone: string | null | undefined): Zone {
  const zone = assumedZone(assumeZone);
  if (!zone) throw new PostmortemError(`unknown timezone "${assumeZone?.trim()}" for times without a zone (an IANA name such as Europe/Berlin, or UTC, UTC-4)`);
  return zone;
}

/**
 * A zone's name for a message: the IANA name, or the offset or abbreviation as written
 * (to-timeline.ts's `zoneName` writes instead the offset the parser reads back).
 */
export function zoneAsWritten(zone: Zone): string {
  return zone.kind === 'iana' ? zone.name : zone.label;
}
