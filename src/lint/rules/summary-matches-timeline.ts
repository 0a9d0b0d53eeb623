/**
 * summary-matches-timeline: the summary's impact window agrees with the timeline. The window
 * must lie within the timeline (its first timed entry no later than the start, its last no
 * earlier than the end), give or take a tolerance; a timeline may begin before the impact (the
 * change that caused it) and go on after it (follow-up), so those are not reported. What it
 * may not do is resolve the incident after the summary says impact ended.
 */
// The entry classifier lives with the export, which drew kinds first; it is a pure module with no export dependencies.
import { timelineEntryKind } from '../../model/timeline-milestones.js';
import { formatClock, formatDuration, wallClockOf } from '../../model/time.js';
import { defineRule } from '../types.js';
import { checkCount, checkKnownOptions, firstError } from './support/options.js';
import { summaryLine } from './support/sections.js';
import { DAY_MILLIS, dayChangesBetween, placedEntries, summaryWindow, type PlacedEntry, type SummaryWindow } from './support/timeline-times.js';

/** Options of summary-matches-timeline. */
export interface SummaryMatchesTimelineOptions {
  /** How far apart, in minutes, the summary and the timeline may be before it is reported. */
  toleranceMinutes: number;
}

/**
 * The timed entries on the same footing as the window, each with the instant to compare:
 * dated entries for a dated window; otherwise undated entries of the first day only, one step
 * past midnight allowed when the window crosses it.
 */
function comparableEntries(entries: readonly PlacedEntry[], window: SummaryWindow, lines: readonly string[]): Array<{ entry: PlacedEntry; millis: number }> {
  const timed = entries.filter((entry) => !entry.dateOnly && entry.dated === window.dated);
  if (window.dated) return timed.map((entry) => ({ entry, millis: entry.millis }));
  const result: Array<{ entry: PlacedEntry; millis: number }> = [];
  let shift = 0;
  for (const entry of timed) {
    const previous = result.at(-1);
    if (previous && (previous.entry.monthDay !== entry.monthDay || dayChangesBetween(lines, previous.entry.line, entry.line))) break;
    if (previous && entry.millis + shift < previous.millis && window.crossesMidnight && shift === 0) shift = DAY_MILLIS;
    result.push({ entry, millis: entry.millis + shift });
  }
  return result;
}

/** A wall-clock time from an ISO string, as the summary states it. */
const clockOf = (iso: string | null): string => {
  const wall = iso ? wallClockOf(iso) : null;
  return wall ? formatClock(wall, '24h') : '?';
};

export default defineRule<SummaryMatchesTimelineOptions>({
  id: 'summary-matches-timeline',
  description: "The summary's start, end and duration agree with the timeline's first and last entries",
  tags: ['summary', 'timeline', 'time'],
  severity: 'warn',
  defaultOptions: { toleranceMinutes: 15 },
  validateOptions: (options) => firstError(checkKnownOptions(options, ['toleranceMinutes']), checkCount(options, 'toleranceMinutes')),
  check({ doc, lines, options, report }) {
    const window = summaryWindow(doc, lines);
    if (window.start === null && window.durationMinutes === null) return;
    const entries = comparableEntries(placedEntries(doc), window, lines);
    if (entries.length === 0) return;
    const tolerance = options.toleranceMinutes * 60_000;
    const first = entries.reduce((earliest, entry) => (entry.millis < earliest.millis ? entry : earliest));
    const last = entries.reduce((latest, entry) => (entry.millis >= latest.millis ? entry : latest));
    // The end is only checked against a timeline that ends on a timed entry; "Resolution: ..." without a time says nothing about when.
    const endsTimed = doc.timeline.at(-1) === entries.at(-1)?.entry.entry;
    const line = summaryLine(doc, lines);
    const describe = (entry: PlacedEntry): string => `"${entry.entry.time}", line ${entry.line}`;
    if (window.start !== null && first.millis - window.start > tolerance) {
      report({
        message: `The summary says impact started at ${clockOf(window.startIso)}, but the timeline's first entry (${describe(first.entry)}) is ${formatDuration((first.millis - window.start) / 60_000)} later: correct the summary's start, or add a timeline entry for when impact began`,
        line,
      });
    }
    if (window.end !== null && endsTimed && window.end - last.millis > tolerance) {
      report({
        message: `The summary says impact ended at ${clockOf(window.endIso)}, but the timeline's last entry (${describe(last.entry)}) is ${formatDuration((window.end - last.millis) / 60_000)} earlier: correct the summary's end, or add a timeline entry for when impact ended`,
        line,
      });
    }
    // Follow-ups after the end are fine; the entry that resolves the incident is not. The first
    // one from the start on counts: "incident closed" after a watch period is a follow-up to
    // "service restored", and a resolution before the start is of something else.
    const resolution = entries.filter(({ entry, millis }) => millis >= (window.start ?? -Infinity) && timelineEntryKind(entry.entry) === 'resolution')
      .reduce<{ entry: PlacedEntry; millis: number } | null>((earliest, entry) => (earliest === null || entry.millis < earliest.millis ? entry : earliest), null);
    if (window.end !== null && resolution && resolution.millis - window.end > tolerance) {
      report({
        message: `The summary says impact ended at ${clockOf(window.endIso)}, but the timeline's resolution entry (${describe(resolution.entry)}) is ${formatDuration((resolution.millis - window.end) / 60_000)} later: correct the summary's end, or the entry's time`,
        line: resolution.entry.line,
      });
    }
    if (window.start === null && window.durationMinutes !== null && entries.length >= 2 && endsTimed) {
      const span = last.millis - first.millis;
      if (window.durationMinutes * 60_000 - span > tolerance) {
        report({
          message: `The summary gives a duration of ${formatDuration(window.durationMinutes)}, but the timeline spans only ${formatDuration(span / 60_000)} (${describe(first.entry)} to ${describe(last.entry)}): correct the duration, or add the entries for when impact began and ended`,
          line,
        });
      }
    }
  },
});
