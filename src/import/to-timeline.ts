/**
 * Imported events -> timeline entries, in the zone and the clock style of the postmortem
 * they are for. Each instant is read on its own in the zone (wallClockAt), so events either
 * side of a daylight-saving change show the clock as it was at each; a wall-clock time that
 * happens twice (the hour clocks go back) is written with its offset, so that reading it back
 * gives the same instant.
 */
import type { ClockStyle } from '../model/clock-style.js';
import type { TimelineEntry } from '../model/postmortem.js';
import { formatClock, formatOffset, parseZone, toIsoInstant, UTC_ZONE, wallClockAt, zoneOffsetAtInstant, type WallClock, type Zone } from '../model/time.js';
import { classifyTimelineEntry } from '../model/timeline-milestones.js';
import { splitLabel } from '../parse/timeline.js';
import type { ImportedEvent } from './types.js';


/** How the times of new entries are written: the clock of the timeline they join. */
export interface TimeFormat {
  /** `2:05 PM` or `14:05`. */
  clock: ClockStyle;
  /** On a 24-hour clock, `09:05` (true, the default) or `9:05`. */
  padHour?: boolean;
  /** On a 12-hour clock, how AM and PM are written: `2:05 PM` (the default), `2:05PM`, `2:05 pm`. */
  meridiem?: { space: boolean; lower: boolean };
  /** Write seconds (`14:05:30`) as well. */
  seconds?: boolean;
  /** Write the date first: `2026-03-14 14:05`. */
  date: boolean;
  /** Text written after the time to name its zone (` UTC`, ` (UTC)`), or null for none. */
  zoneSuffix: string | null;
}

/** A time as it will be written, with the date it is on in the zone. */
export interface WrittenTime {
  /** `14:05`, `2026-03-14 2:05 PM`, `01:30 UTC-05:00`. */
  time: string;
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** The instant, ISO 8601 with the zone's offset then, to the second. */
  at: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Whether two zones always agree: the same fixed offset, or the same IANA zone. */
export function sameZone(first: Zone | null, second: Zone | null): boolean {
  if (!first || !second) return first === second;
  if (first.kind === 'fixed' && second.kind === 'fixed') return first.offsetMinutes === second.offsetMinutes;
  return first.kind === 'iana' && second.kind === 'iana' && first.name === second.name;
}

/** A zone's name as the parser reads it back after a time: `UTC`, `UTC+05:30`, `America/New_York`. */
export function zoneName(zone: Zone): string {
  if (zone.kind === 'iana') return zone.name;
  return zone.offsetMinutes === 0 ? 'UTC' : `UTC${formatOffset(zone.offsetMinutes)}`;
}

function clockText(clock: WallClock, format: TimeFormat): string {
  if (format.clock === '24h') {
    const hour = format.padHour === false ? String(clock.hour) : pad(clock.hour);
    return `${hour}:${pad(clock.minute)}${format.seconds ? `:${pad(clock.second)}` : ''}`;
  }
  const written = formatClock(clock, '12h');
  const [digits, suffix] = written.split(' ') as [string, string];
  const withSeconds = format.seconds ? `${digits}:${pad(clock.second)}` : digits;
  const meridiem = format.meridiem ?? { space: true, lower: false };
  return `${withSeconds}${meridiem.space ? ' ' : ''}${meridiem.lower ? suffix.toLowerCase() : suffix}`;
}

/**
 * How an instant is written in a zone, in a format. When the wall-clock time alone would be
 * read back as another instant (01:30 on the night clocks go back happens twice), the offset
 * of the instant is written after it instead of the zone suffix: `01:30 UTC-05:00`.
 */
export function writeEventTime(millis: number, zone: Zone, format: TimeFormat): WrittenTime {
  const clock = wallClockAt(millis, zone);
  const offset = zoneOffsetAtInstant(zone, millis);
  const at = `${clock.date}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${formatOffset(offset)}`;
  const shown = format.seconds ? clock : { ...clock, second: 0 };
  const precision = format.seconds ? 1000 : 60_000;
  const readBack = Date.parse(toIsoInstant(clock.date, shown, zone));
  const ambiguous = readBack !== Math.floor(millis / precision) * precision;
  const suffix = ambiguous ? ` UTC${formatOffset(offset)}` : (format.zoneSuffix ?? '');
  const time = `${format.date ? `${clock.date} ` : ''}${clockText(clock, format)}${suffix}`;
  return { time, date: clock.date, at };
}

/**
 * An event's text as timeline text: one line, with what Markdown or the parser would read as
 * something else escaped, and nothing more (a `|` is escaped where a table cell is written):
 * a leading `#` (a heading where the text starts a line), a leading `Label:` that the parser
 * would take for the entry's label, and `<` before a tag name (HTML that would vanish).
 */
export function timelineEntryText(text: string): string {
  let line = text.replace(/\s+/g, ' ').trim();
  line = line.replace(/<(?=[A-Za-z/!?])/g, '\\<');
  if (line.startsWith('#')) line = `\\${line}`;
  if (splitLabel(line, true).label !== null) {
    // `**Label:** text` or `Label: text`: the first colon escaped keeps it text.
    line = line.startsWith('**') || line.startsWith('__') ? `\\${line}` : line.replace(':', '\\:');
  }
  return line;
}

/** Options of {@link importedTimelineEntries}. */
export interface ImportedTimelineOptions {
  /** The zone the times are written in: an IANA name, `UTC`, `UTC-4`; default UTC. */
  timezone?: string | null;
  /** How times are written; default 12-hour, dated only when the events span more than one day. */
  format?: Partial<TimeFormat>;
}

/**
 * The entries for imported events, sorted by time (events at the same instant keep their
 * order): each with its time written in the zone, its instant with the zone's offset, its
 * label, its text as one escaped line and its milestone kind. Unless `format.date` says,
 * times carry their date when the events span more than one day in the zone.
 */
export function importedTimelineEntries(events: readonly ImportedEvent[], options: ImportedTimelineOptions = {}): TimelineEntry[] {
  const zone = parseZone(options.timezone) ?? UTC_ZONE;
  const sorted = [...events].sort((first, second) => first.at - second.at);
  const days = new Set(sorted.map((event) => wallClockAt(event.at, zone).date));
  const format: TimeFormat = { clock: '12h', zoneSuffix: null, ...options.format, date: options.format?.date ?? days.size > 1 };
  return sorted.map((event) => {
    const written = writeEventTime(event.at, zone, format);
    const text = timelineEntryText(event.text);
    return { time: written.time, at: written.at, label: event.label, text, kind: classifyTimelineEntry({ label: event.label, text }) };
  });
}
