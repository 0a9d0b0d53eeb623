/**
 * Timeline entries placed in time, for the rules that compare them (order, timezone, summary
 * window). Entries the parser dated (`at`) are compared as instants; entries without a date
 * are placed on a stand-in day by their time of day, and rules compare those only with each
 * other, within one date context (no date heading between them).
 */
import type { Postmortem, TimelineEntry } from '../../../model/postmortem.js';
import { instantMillis, parseZone, toIsoInstant, wallClockOf, type ClockTime, type Zone } from '../../../model/time.js';
import { dateOnly, findDate, readLeadingTime } from '../../../parse/clock.js';
import { readImpactWindow } from '../../../parse/summary.js';
import { summaryRanges, textOf } from './sections.js';

/** The day undated times are placed on; only differences between such times mean anything. */
export const STAND_IN_DATE = '2000-01-01';

/** One timeline entry with a time, read for comparison. */
export interface PlacedEntry {
  entry: TimelineEntry;
  /** The entry's 1-based line. */
  line: number;
  /** The clock time read from `entry.time`; null for an entry that has only a date. */
  clock: ClockTime | null;
  /** A zone label written with the time (`UTC`, `PST`), as written; null for none and for ISO 8601 offsets. */
  zoneLabel: string | null;
  /** The zone the time is in: its own, or the document's; null when neither is known. */
  zone: Zone | null;
  /** Milliseconds since the epoch: the real instant when `dated`, else on the stand-in day. */
  millis: number;
  /** Whether the entry has a real date (the parser set `at`). */
  dated: boolean;
  /** Whether the entry is a date without a time of day. */
  dateOnly: boolean;
  /** A month and day written with the time but no year (`0000-03-15`), for undated comparisons. */
  monthDay: string | null;
}

const ISO_OFFSET_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** An ISO date-time with the zone's offset added when it has none and a zone is known. */
function withZone(iso: string, zone: Zone | null): string {
  const wall = wallClockOf(iso);
  return wall && !wall.offset && zone ? toIsoInstant(wall.date, wall, zone) : iso;
}

const placedCache = new WeakMap<Postmortem, PlacedEntry[]>();

/** The timeline's entries that have a time or a date, in source order, each placed in time. */
export function placedEntries(doc: Postmortem): PlacedEntry[] {
  const cached = placedCache.get(doc);
  if (cached) return cached;
  const documentZone = parseZone(doc.timezone);
  const placed: PlacedEntry[] = [];
  for (const entry of doc.timeline) {
    if (!entry.time || entry.line === undefined) continue;
    const read = readLeadingTime(entry.time);
    const clock = read?.clock ?? null;
    const ownZoneText = clock?.zoneText ?? null;
    const zone = parseZone(ownZoneText) ?? documentZone;
    const zoneLabel = ownZoneText && !ISO_OFFSET_TIME.test(entry.time.trim()) ? ownZoneText : null;
    if (entry.at && /^\d{4}-\d{2}-\d{2}$/.test(entry.at)) {
      placed.push({ entry, line: entry.line, clock: null, zoneLabel, zone, millis: Date.parse(`${entry.at}T00:00:00Z`), dated: true, dateOnly: true, monthDay: null });
      continue;
    }
    if (!clock) continue;
    if (entry.at) {
      // The parser leaves the offset off when it knew no zone at the time; the document's zone, found later, applies.
      placed.push({ entry, line: entry.line, clock, zoneLabel, zone, millis: instantMillis(withZone(entry.at, zone)), dated: true, dateOnly: false, monthDay: null });
      continue;
    }
    const monthDay = clock.date && clock.date.startsWith('0000-') ? clock.date : null;
    const day = monthDay ? `${STAND_IN_DATE.slice(0, 4)}${monthDay.slice(4)}` : STAND_IN_DATE;
    placed.push({ entry, line: entry.line, clock, zoneLabel, zone, millis: instantMillis(toIsoInstant(day, clock, zone)), dated: false, dateOnly: false, monthDay });
  }
  placedCache.set(doc, placed);
  return placed;
}

/** Whether a line between two entries sets a new day (`### 2026-03-15`, `**March 15**`, `Day 2`). */
export function dayChangesBetween(lines: readonly string[], fromLine: number, toLine: number): boolean {
  for (let line = fromLine + 1; line < toLine; line++) {
    const text = (lines[line - 1] ?? '').replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+)?/, '').trim();
    if (!text || text.length > 60) continue;
    if (dateOnly(text) || /^(?:\*\*|__)?day\s+\d+\b/i.test(text)) return true;
  }
  return false;
}

/** The summary's impact window, on the real calendar when the document is dated, else on the stand-in day. */
export interface SummaryWindow {
  start: number | null;
  end: number | null;
  /** Start and end as ISO 8601, for messages: their wall-clock times are what the summary says. */
  startIso: string | null;
  endIso: string | null;
  durationMinutes: number | null;
  /** Whether start and end are real instants (the summary or front matter gave a date). */
  dated: boolean;
  /** Whether the window runs past midnight. */
  crossesMidnight: boolean;
}

const windowCache = new WeakMap<Postmortem, SummaryWindow>();

/** The impact window the summary states: from the model when dated, else read again from the summary's lines by time of day. */
export function summaryWindow(doc: Postmortem, lines: readonly string[]): SummaryWindow {
  const cached = windowCache.get(doc);
  if (cached) return cached;
  let window: SummaryWindow;
  const documentZone = parseZone(doc.timezone);
  const { start, end, durationMinutes } = doc.summary;
  if (start && end) {
    // As for entries: a window read before the document's zone was known has no offset; that zone applies.
    const startMillis = instantMillis(withZone(start, documentZone));
    const endMillis = instantMillis(withZone(end, documentZone));
    window = { start: startMillis, end: endMillis, startIso: start, endIso: end, durationMinutes, dated: true, crossesMidnight: start.slice(0, 10) !== end.slice(0, 10) };
  } else {
    // An undated summary keeps only the duration in the model; its clock times are read again here.
    const texts = summaryRanges(doc, lines).map((range) => textOf(lines, range).replace(/\*\*|__/g, ''));
    const read = readImpactWindow(texts, STAND_IN_DATE, documentZone);
    // "From Jun 26, 2023 6:00 AM to Jun 28, 2023 6:00 AM": two days named say the incident ran past midnight.
    const namesTwoDays = new Set(texts.flatMap(datesIn)).size >= 2;
    window = read.start && read.end
      ? { start: instantMillis(read.start), end: instantMillis(read.end), startIso: read.start, endIso: read.end, durationMinutes: durationMinutes ?? read.durationMinutes, dated: false, crossesMidnight: namesTwoDays || read.end.slice(0, 10) !== STAND_IN_DATE }
      : { start: null, end: null, startIso: null, endIso: null, durationMinutes, dated: false, crossesMidnight: namesTwoDays };
  }
  windowCache.set(doc, window);
  return window;
}

/** Every date written in a text (YYYY-MM-DD, or 0000-MM-DD without a year). */
function datesIn(text: string): string[] {
  const dates: string[] = [];
  let rest = text;
  for (let found = findDate(rest); found; found = findDate(rest)) {
    dates.push(found.date);
    rest = rest.slice(found.index + found.written.length);
  }
  return dates;
}

/** One day in milliseconds: how far an undated time moves when a timeline crosses midnight. */
export const DAY_MILLIS = 24 * 60 * 60 * 1000;
