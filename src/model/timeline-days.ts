/**
 * Timeline entries grouped by day, for day headings. A time such as `1:10 AM` does not say
 * which day it is on; a `### 2026-03-15` heading above it does, and the parser reads it.
 */
import type { TimelineEntry } from './postmortem.js';
import { parseZone, wallClockInZone } from './time.js';

/** Consecutive items on one day. */
export interface DayGroup<T> {
  /** The day (YYYY-MM-DD) to head the items with, or null for no heading. */
  date: string | null;
  /** The items, in timeline order. */
  items: T[];
}

/** What {@link groupByDay} needs to know about the document. */
export interface GroupByDayOptions {
  /** The incident date, which items without a heading are read on. */
  date: string | null;
  /** Head every group with its day, even when all items are on the incident date. */
  always?: boolean;
}

/**
 * Groups consecutive items by their day (`dayOf`). Items without a day (untimed, or no date
 * known) stay with the group they follow; undated items at the top join the first day.
 * Unless `always` is set, a timeline entirely on the incident date comes back as one group
 * without a heading, because the front matter date already places it.
 */
export function groupByDay<T>(items: readonly T[], dayOf: (item: T) => string | null, options: GroupByDayOptions): Array<DayGroup<T>> {
  const days: Array<DayGroup<T>> = [];
  for (const item of items) {
    const day = dayOf(item);
    const current = days[days.length - 1];
    if (!current) {
      days.push({ date: day, items: [item] });
    } else if (day === null || day === current.date) {
      current.items.push(item);
    } else if (current.date === null && days.length === 1) {
      // Undated entries at the top (an untimed "Detection" line) sit under the first day heading.
      current.date = day;
      current.items.push(item);
    } else {
      days.push({ date: day, items: [item] });
    }
  }
  const onIncidentDate = days.every((day) => day.date === null || day.date === options.date);
  if (!options.always && onIncidentDate) return items.length > 0 ? [{ date: null, items: [...items] }] : [];
  return days;
}

/** Consecutive timeline entries on one day. */
export interface TimelineDay {
  /** The day (YYYY-MM-DD) to head the entries with, or null for no heading. */
  date: string | null;
  /** The entries, in timeline order. */
  entries: TimelineEntry[];
}

/** What {@link timelineDays} needs to know about the document. */
export interface TimelineDaysOptions extends GroupByDayOptions {
  /** The zone the document's times are shown in (see `displayZone`), to tell the day of an instant. */
  timezone: string | null;
}

/**
 * The day a written timeline entry is on: the date of its instant in the zone its time names
 * (`11:30 PM PST`), or else in the document's zone. It is the date a day heading above the
 * time as written must give, for the parser to read the same instant back.
 */
export function writtenEntryDay(entry: Pick<TimelineEntry, 'time' | 'at'>, timezone: string | null): string | null {
  if (!entry.at) return null;
  const ownZone = entry.time && parseZone(entry.time) ? entry.time : timezone;
  return wallClockInZone(entry.at, ownZone)?.date ?? null;
}

/**
 * Groups timeline entries, as the Markdown templates write them (each time as written), by
 * the day of each written time; see {@link groupByDay} and {@link writtenEntryDay}.
 */
export function timelineDays(entries: readonly TimelineEntry[], options: TimelineDaysOptions): TimelineDay[] {
  return groupByDay(entries, (entry) => writtenEntryDay(entry, options.timezone), options).map((day) => ({ date: day.date, entries: day.items }));
}
