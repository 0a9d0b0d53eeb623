/**
 * Wall-clock readings of instants in a postmortem's timezone, for pages that show dozens of
 * times each and sites of a thousand pages: the same rules as the renderer's
 * `wallClockInZone` (an instant without an offset is shown as written; an unknown zone keeps
 * the instant's own clock), with the zone parsed once per name rather than once per time.
 */
import { dayjs, instantMillis, parseZone, wallClockOf, zoneOffsetAt, type Zone } from '../model/time.js';
import type { WallClock } from '../render/zoned-time.js';

const MINUTE = 60_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const zones = new Map<string, Zone | null>();

/** `parseZone`, remembered per timezone text. */
export function cachedZone(timezone: string | null): Zone | null {
  if (!timezone) return null;
  let zone = zones.get(timezone);
  if (zone === undefined) {
    zone = parseZone(timezone);
    zones.set(timezone, zone);
  }
  return zone;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function clockOfMillis(millis: number): WallClock {
  const value = new Date(millis);
  return {
    date: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`,
    hour: value.getUTCHours(),
    minute: value.getUTCMinutes(),
    second: value.getUTCSeconds(),
  };
}

/** The wall clock of an ISO instant in the postmortem's timezone; null when it does not parse. */
export function zonedClock(iso: string, timezone: string | null): WallClock | null {
  const own = wallClockOf(iso);
  if (!own) return null;
  const zone = cachedZone(timezone);
  if (!zone || own.offset === null) return { date: own.date, hour: own.hour, minute: own.minute, second: own.second };
  const millis = instantMillis(iso);
  if (Number.isNaN(millis)) return null;
  if (zone.kind === 'fixed') return clockOfMillis(millis + zone.offsetMinutes * MINUTE);
  const local = dayjs(millis).tz(zone.name);
  return { date: local.format('YYYY-MM-DD'), hour: local.hour(), minute: local.minute(), second: local.second() };
}

/**
 * Milliseconds since the epoch of an ISO instant. One without an offset is a wall-clock time
 * in the postmortem's timezone (the model has such times next to ones with an offset, for
 * instance a summary window read from "10:00 AM - 12:30 PM (UTC+2)"); without a known zone,
 * as UTC, which keeps such times consistent with each other. NaN when it does not parse.
 */
export function zonedInstantMillis(iso: string, timezone: string | null): number {
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso)) return instantMillis(iso);
  const zone = cachedZone(timezone);
  if (!zone || !wallClockOf(iso)) return instantMillis(iso);
  const local = iso.slice(0, 19);
  return instantMillis(local) - zoneOffsetAt(zone, local) * MINUTE;
}

/** `March 14, 2026` for a YYYY-MM-DD date. */
export function longDateText(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1] ?? ''} ${day}, ${year}`;
}

/** `Mar 14` for a YYYY-MM-DD date. */
export function shortDateText(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${(MONTHS[month - 1] ?? '').slice(0, 3)} ${day}`;
}
