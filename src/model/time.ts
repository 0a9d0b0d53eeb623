/**
 * Time helpers shared by the parser, the renderer, the HTML export, lint and the interview:
 * timezones as people declare them, clock times as people write them, instants, their wall
 * clock in a postmortem's timezone, dates and durations as readers see them.
 */
import { zoneNamedIn } from './zone-names.js';

/** A timezone as understood: a fixed offset or an IANA zone. */
export type Zone =
  | { kind: 'fixed'; offsetMinutes: number; label: string }
  | { kind: 'iana'; name: string; label: string };

/** UTC, the zone used where nothing names one. */
export const UTC_ZONE: Zone = Object.freeze({ kind: 'fixed', offsetMinutes: 0, label: 'UTC' });

/** A wall-clock time of day, with whatever else was written next to it. */
export interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  /** A date written with the time (YYYY-MM-DD), if any. */
  date: string | null;
  /** A timezone written with the time (`UTC`, `PST`, `UTC-4`), if any. */
  zoneText: string | null;
}

/**
 * Common timezone abbreviations and their offsets in minutes. Abbreviations are ambiguous in
 * general (IST, CST); these are the readings most postmortems mean.
 */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0, WET: 0,
  BST: 60, CET: 60, WAT: 60, WEST: 60,
  CEST: 120, EET: 120, SAST: 120, CAT: 120,
  EEST: 180, EAT: 180, MSK: 180, AST: 180,
  GST: 240, PKT: 300, IST: 330, NPT: 345, ICT: 420, WIB: 420,
  SGT: 480, HKT: 480, AWST: 480, PHT: 480,
  JST: 540, KST: 540, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  HST: -600, AKST: -540, AKDT: -480,
  PST: -480, PDT: -420, PT: -480,
  MST: -420, MDT: -360, MT: -420,
  CST: -360, CDT: -300, CT: -360,
  EST: -300, EDT: -240, ET: -300,
  ART: -180, BRT: -180,
};

const ianaCache = new Map<string, boolean>();

function isIanaZone(name: string): boolean {
  let known = ianaCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = /\//.test(name) || name === 'UTC';
    } catch {
      known = false;
    }
    ianaCache.set(name, known);
  }
  return known;
}

/**
 * Reads a timezone as people declare it: `UTC`, `GMT`, `UTC-4`, `UTC+05:30`, `GMT-04:00`,
 * `America/New_York`, `PST`, `West African Time`, `South African Standard Time, UTC+2`
 * (an offset wins over a name).
 * Returns null when nothing in the text names a zone.
 */
export function parseZone(text: string | null | undefined): Zone | null {
  if (!text) return null;
  if (text.length > 80) return readZone(text);
  // Every entry of a timeline names the same zone or none: reading it once per text is enough.
  const known = zones.get(text);
  if (known !== undefined) return known;
  const zone = readZone(text);
  if (zone) Object.freeze(zone);
  if (zones.size > 1000) zones.clear();
  zones.set(Buffer.from(text, 'utf8').toString('utf8'), zone);
  return zone;
}

const zones = new Map<string, Zone | null>();

function readZone(text: string): Zone | null {
  const label = text.trim().replace(/^\(|\)$/g, '').trim();
  if (!label) return null;
  const offset = /\b(?:UTC|GMT|UT)\s{0,9}([+-−–])\s{0,9}(\d{1,2})(?::?(\d{2}))?(?!\d)/i.exec(label);
  if (offset) {
    const sign = offset[1] === '+' ? 1 : -1;
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes <= 14 * 60) return { kind: 'fixed', offsetMinutes: sign * minutes, label };
  }
  const iana = /\b([A-Z][A-Za-z_]+(?:\/[A-Z][A-Za-z_+-]+)+)\b/.exec(label);
  if (iana?.[1] && isIanaZone(iana[1])) return { kind: 'iana', name: iana[1], label };
  const named = zoneNamedIn(label);
  if (named) return { kind: 'fixed', offsetMinutes: ABBREVIATIONS[named] ?? 0, label };
  const abbreviation = /(?:^|[^A-Za-z])([A-Z]{1,5})(?![A-Za-z])/g;
  for (const match of label.matchAll(abbreviation)) {
    const value = ABBREVIATIONS[match[1] as string];
    if (value !== undefined && (match[1] !== 'Z' || label === 'Z')) {
      return { kind: 'fixed', offsetMinutes: value, label };
    }
  }
  return null;
}

/** Formats an offset in minutes as `+HH:MM`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/**
 * The wall clock of an instant in an IANA zone, read with one `Intl.DateTimeFormat` kept per
 * zone. dayjs's timezone plugin does the same through several dayjs objects per call; a
 * site build places tens of thousands of times, and this is several times faster.
 */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function ianaWallClock(name: string, millis: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  let format = zoneFormats.get(name);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(name, format);
  }
  const clock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(millis)) {
    if (part.type in clock) clock[part.type as keyof typeof clock] = Number(part.value);
  }
  return clock;
}

/** Milliseconds of a wall clock read as UTC (years below 100 kept as written, not as 19xx). */
function wallMillis(clock: { year: number; month: number; day: number; hour: number; minute: number; second: number }): number {
  const date = new Date(Date.UTC(2000, 0, 1, clock.hour, clock.minute, clock.second));
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  return date.getTime();
}

/** Offsets already worked out, by zone and instant: a page asks for each entry's several times. */
const ianaOffsets = new Map<string, number>();

/** The offset of an IANA zone from UTC at an instant, in minutes. */
function ianaOffsetAtInstant(name: string, millis: number): number {
  const whole = Math.floor(millis / 1000) * 1000;
  const key = `${name} ${whole}`;
  let offset = ianaOffsets.get(key);
  if (offset === undefined) {
    offset = Math.round((wallMillis(ianaWallClock(name, whole)) - whole) / 60_000);
    if (ianaOffsets.size >= 10_000) ianaOffsets.clear();
    ianaOffsets.set(key, offset);
  }
  return offset;
}

/**
 * The offset of a zone from UTC at an instant, in minutes: what its clocks are ahead of UTC
 * then. A fixed zone's offset never changes; an IANA zone's follows its daylight-saving rules.
 */
export function zoneOffsetAtInstant(zone: Zone, millis: number): number {
  return zone.kind === 'fixed' ? zone.offsetMinutes : ianaOffsetAtInstant(zone.name, millis);
}

/**
 * The offset of a zone at a local date and time, in minutes. Around a daylight-saving change
 * it resolves as JavaScript's Temporal does by default ("compatible"): a time that happens
 * twice (clocks going back) is the earlier one, and a time skipped (clocks going forward) is
 * read with the offset from before the change, so 02:30 on the spring-forward night is 03:30.
 */
export function zoneOffsetAt(zone: Zone, localDateTime: string): number {
  if (zone.kind === 'fixed') return zone.offsetMinutes;
  const local = instantMillis(localDateTime);
  if (Number.isNaN(local)) return 0;
  const DAY = 86_400_000;
  const before = ianaOffsetAtInstant(zone.name, local - DAY);
  const after = ianaOffsetAtInstant(zone.name, local + DAY);
  if (before === after) return before;
  // A change within a day: keep the offsets under which this wall-clock time really happens.
  const happens = [before, after].filter((offset) => ianaOffsetAtInstant(zone.name, local - offset * 60_000) === offset);
  return happens.length === 0 ? before : Math.max(...happens);
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The ISO 8601 instant of a wall-clock time on a date in a zone
 * (`2023-05-07T02:00:00-04:00`), or a local date-time without offset when the zone is unknown.
 */
export function toIsoInstant(date: string, clock: Pick<ClockTime, 'hour' | 'minute' | 'second'>, zone: Zone | null): string {
  const local = `${date}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  if (!zone) return local;
  return local + formatOffset(zoneOffsetAt(zone, local));
}

/** Adds whole days to a YYYY-MM-DD date ("Invalid Date" for one that is not a date, as dayjs says). */
export function addDays(date: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return 'Invalid Date';
  const moved = new Date(wallMillis({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) + days, hour: 0, minute: 0, second: 0 }));
  return `${String(moved.getUTCFullYear()).padStart(4, '0')}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** Milliseconds since the epoch of an ISO 8601 string; local strings without offset are read as UTC. */
export function instantMillis(iso: string): number {
  return /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? Date.parse(iso) : Date.parse(`${iso}Z`);
}

/** Minutes from one ISO instant to another. */
export function minutesBetween(startIso: string, endIso: string): number {
  return Math.round((instantMillis(endIso) - instantMillis(startIso)) / 60000);
}

/** The wall-clock parts of an ISO 8601 string as written (its own offset kept). */
export function wallClockOf(iso: string): { date: string; hour: number; minute: number; second: number; offset: string | null } | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!match) return null;
  return {
    date: match[1] as string,
    hour: Number(match[2]),
    minute: Number(match[3]),
    second: Number(match[4] ?? 0),
    offset: match[5] ? (match[5] === 'Z' ? '+00:00' : match[5]) : null,
  };
}

/** A wall-clock reading of an instant. */
export interface WallClock {
  /** YYYY-MM-DD. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The wall clock of an ISO instant in a declared timezone (`UTC-4`, `America/New_York`).
 * Without a zone that postmortem understands, or for a local time without offset, the
 * instant's own wall clock is kept: converting would invent an offset nobody wrote. Null
 * when the instant does not parse. Cheap enough for pages that show dozens of times each
 * (parseZone remembers each zone text).
 */
export function wallClockInZone(iso: string, timezone: string | null): WallClock | null {
  const own = wallClockOf(iso);
  if (!own) return null;
  const zone = parseZone(timezone);
  if (!zone || own.offset === null) return { date: own.date, hour: own.hour, minute: own.minute, second: own.second };
  const millis = instantMillis(iso);
  if (Number.isNaN(millis)) return null;
  return wallClockAt(millis, zone);
}

/**
 * The wall clock of an instant (milliseconds since the epoch) in a zone, or in UTC without
 * one. Each instant is read with the offset of its own moment, so two instants either side
 * of a daylight-saving change show the clock as it really was at each.
 */
export function wallClockAt(millis: number, zone: Zone | null): WallClock {
  const offsetMinutes = zone ? zoneOffsetAtInstant(zone, millis) : 0;
  const shifted = new Date(millis + offsetMinutes * 60_000);
  return {
    date: `${String(shifted.getUTCFullYear()).padStart(4, '0')}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/**
 * Milliseconds since the epoch of an ISO instant. One without an offset is a wall-clock time
 * in the postmortem's timezone (the model has such times next to ones with an offset, for
 * instance a summary window read from "10:00 AM - 12:30 PM (UTC+2)"); without a known zone,
 * as UTC, which keeps such times consistent with each other. NaN when it does not parse.
 */
export function zonedInstantMillis(iso: string, timezone: string | null): number {
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(iso)) return instantMillis(iso);
  const zone = parseZone(timezone);
  if (!zone || !wallClockOf(iso)) return instantMillis(iso);
  const local = iso.slice(0, 19);
  return instantMillis(local) - zoneOffsetAt(zone, local) * 60_000;
}

/**
 * Minutes from one ISO instant to another, times without an offset read in the timezone as
 * {@link zonedInstantMillis} reads them: 01:30 to 03:30 on a spring-forward night in
 * `America/New_York` is 60 minutes, not 120. NaN when either does not parse.
 */
export function zonedMinutesBetween(startIso: string, endIso: string, timezone: string | null): number {
  return Math.round((zonedInstantMillis(endIso, timezone) - zonedInstantMillis(startIso, timezone)) / 60000);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `March 14, 2026` for a YYYY-MM-DD date (built by hand: a site formats thousands of them). */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1] ?? ''} ${day}, ${year}`;
}

/** `Mar 14` for a YYYY-MM-DD date. */
export function shortDate(date: string): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${(MONTHS[month - 1] ?? '').slice(0, 3)} ${day}`;
}

/** `2:05 PM` (12-hour) or `14:05` (24-hour) for a wall-clock time. */
export function formatClock(clock: { hour: number; minute: number }, style: '12h' | '24h' = '12h'): string {
  if (style === '24h') return `${pad(clock.hour)}:${pad(clock.minute)}`;
  const suffix = clock.hour < 12 ? 'AM' : 'PM';
  const hour = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  return `${hour}:${pad(clock.minute)} ${suffix}`;
}

/** `4 h 0 min`, `45 min`, `1 d 2 h 5 min` for a number of minutes. */
export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  if (total < 60) return `${total} min`;
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  return days > 0 ? `${days} d ${hours} h ${rest} min` : `${hours} h ${rest} min`;
}
