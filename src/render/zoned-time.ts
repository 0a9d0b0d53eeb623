/**
 * Instants shown as wall-clock time in the postmortem's own timezone. The model keeps
 * instants with whatever offset they came with (an answers file may say `Z`); readers of the
 * document expect the times in the zone the document declares, and the parser reads them
 * back in that zone.
 */
import { dayjs, instantMillis, parseZone, wallClockOf, type Zone } from '../model/time.js';

/** A wall-clock reading of an instant. */
export interface WallClock {
  /** YYYY-MM-DD. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The wall clock of an ISO instant in a declared timezone (`UTC-4`, `America/New_York`).
 * Without a zone that postmortem understands, or for a local time without offset, the
 * instant's own wall clock is kept: converting would invent an offset nobody wrote.
 */
export function wallClockInZone(iso: string, timezone: string | null): WallClock | null {
  const own = wallClockOf(iso);
  if (!own) return null;
  const zone = parseZone(timezone);
  if (!zone || own.offset === null) return { date: own.date, hour: own.hour, minute: own.minute, second: own.second };
  const millis = instantMillis(iso);
  if (Number.isNaN(millis)) return null;
  return zone.kind === 'fixed' ? shiftedClock(millis, zone.offsetMinutes) : ianaClock(millis, zone);
}

function shiftedClock(millis: number, offsetMinutes: number): WallClock {
  const shifted = new Date(millis + offsetMinutes * 60_000);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

function ianaClock(millis: number, zone: Extract<Zone, { kind: 'iana' }>): WallClock {
  const local = dayjs(millis).tz(zone.name);
  return { date: local.format('YYYY-MM-DD'), hour: local.hour(), minute: local.minute(), second: local.second() };
}

/**
 * How to name the zone next to a time: the timezone as the document declares it, or else the
 * offset the instant carries (`UTC-04:00`), or null for a local time.
 */
export function zoneLabel(timezone: string | null, iso: string | null): string | null {
  if (timezone && parseZone(timezone)) return timezone;
  const offset = iso ? wallClockOf(iso)?.offset : null;
  if (!offset) return timezone || null;
  return offset === '+00:00' ? 'UTC' : `UTC${offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`;
}

/** `March 14, 2026` for a YYYY-MM-DD date. */
export function longDate(date: string): string {
  return dayjs(date, 'YYYY-MM-DD').format('MMMM D, YYYY');
}
