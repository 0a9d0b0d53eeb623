/**
 * Timeline entries grouped by day, for day headings. A time such as `1:10 AM` does not say
 * which day it is on; a `### 2026-03-15` heading above it does, and the parser reads it.
 */
import type { TimelineEntry } from '../model/postmortem.js';
import { wallClockInZone } from '../model/time.js';

/** Consecutive timeline entries on one day. */
export interface TimelineDay {
  /** The day (YYYY-MM-DD) to head the entries with, or null for no heading. */
  date: string | null;
  /** The entries, in timeline order. */
  entries: TimelineEntry[];
}

/** What {@link timelineDays} needs to know about the document. */
export interface TimelineDaysOptions {
  /** The incident date, which entries without a heading are read on. */
  date: string | null;
  /** The document's timezone, to tell the day of an instant. */
  timezone: string | null;
  /** Head every group with its day, even when all entries are on the incident date. */
  always?: boolean;
}

/**
 * Groups entries by the day of their instant in the document's timezone. Entries without an
 * instant (untimed, or no date known) stay with the group they follow. Unless `always` is
 * set, a timeline entirely on the incident date comes back as one group without a heading,
 * because the front matter date already places it.
 */
export function timelineDays(entries: TimelineEntry[], options: TimelineDaysOptions): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const entry of entries) {
    const day = entry.at ? (wallClockInZone(entry.at, options.timezone)?.date ?? null) : null;
    const current = days[days.length - 1];
    if (!current) {
      days.push({ date: day, entries: [entry] });
    } else if (day === null || day === current.date) {
      current.entries.push(entry);
    } else if (current.date === null && days.length === 1) {
      // Undated entries at the top (an untimed "Detection" line) sit under the first day heading.
      current.date = day;
      current.entries.push(entry);
    } else {
      days.push({ date: day, entries: [entry] });
    }
  }
  const onIncidentDate = days.every((day) => day.date === null || day.date === options.date);
  if (!options.always && onIncidentDate) return entries.length > 0 ? [{ date: null, entries }] : [];
  return days;
}
