/**
 * Times as records write them: ISO 8601 with or without an offset (`2026-03-14T14:05:00Z`,
 * `2026-03-14 10:05:00-04:00`, `2026-03-14T14:05`, `2026-03-14 10:05 EDT`), or epoch seconds,
 * milliseconds, microseconds or nanoseconds told apart by magnitude. A time without a zone is
 * a wall-clock time in the zone assumed, DST-correct (src/model/time.ts).
 */
import { instantMillis, zoneOffsetAt, parseZone, type Zone } from '../model/time.js';

/** An instant read from a record, and whether its zone had to be assumed. */
export interface EventTime {
  /** Epoch milliseconds. */
  at: number;
  /** True when the text named no zone or offset and `assumed` was used. */
  zoneAssumed: boolean;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z][A-Za-z0-9_/+:-]*(?:\s[A-Za-z0-9_/+:-]+)*)?$/i;

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
 * The instant a record's time stands for, or null when it is not a time this reads. Numbers
 * (and strings of digits) are epoch times; text is ISO 8601, with `Z`, an offset, a zone name
 * or abbreviation after it (`UTC`, `EDT`, `America/New_York`), or nothing: then it is a wall
 * clock in `assumed`.
 */
export function parseEventTime(value: unknown, assumed: Zone): EventTime | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { at: epochMillis(value), zoneAssumed: false } : null;
  if (typeof value !== 'string') return null;
  const written = value.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(written)) return { at: epochMillis(Number(written)), zoneAssumed: false };
  const match = ISO.exec(written);
  if (!match) return null;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zoneText] = match as unknown as string[];
  const local = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const wall = instantMillis(local);
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 19) !== local) return null;
  const millis = wall + Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  if (zoneText === undefined) return { at: millis - zoneOffsetAt(assumed, local) * 60_000, zoneAssumed: true };
  if (/^z$/i.test(zoneText)) return { at: millis, zoneAssumed: false };
  const offset = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(zoneText);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return { at: millis - (offset[1] === '-' ? -minutes : minutes) * 60_000, zoneAssumed: false };
  }
  const zone = parseZone(zoneText);
  if (!zone) return null;
  return { at: millis - zoneOffsetAt(zone, local) * 60_000, zoneAssumed: false };
}

/** The zone for times written without one: `assumeZone` read by parseZone, UTC when not given. Null when it names no zone. */
export function assumedZone(assumeZone: string | null | undefined): Zone | null {
  if (assumeZone === null || assumeZone === undefined || assumeZone.trim() === '') return { kind: 'fixed', offsetMinutes: 0, label: 'UTC' };
  return parseZone(assumeZone);
}
