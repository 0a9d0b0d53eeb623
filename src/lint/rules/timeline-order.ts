/**
 * timeline-order: entries are in time order. Dated entries are compared as instants, with
 * their timezones applied; undated entries by time of day, and only within one date context
 * (no date heading between them), where one step back past midnight is allowed when the
 * summary's window crosses midnight. Entries that cannot be placed are left to
 * timeline-timezone and are never guessed at.
 */
import { defineRule } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { findOnLine } from './support/source-text.js';
import { DAY_MILLIS, dayChangesBetween, placedEntries, summaryWindow, type PlacedEntry } from './support/timeline-times.js';

/** Whether two neighbouring entries cannot be compared without guessing. */
function incomparable(previous: PlacedEntry, current: PlacedEntry, lines: readonly string[]): boolean {
  if (previous.dated !== current.dated) return true;
  // An instant in a known zone and a wall-clock time in no zone cannot be ordered without guessing.
  if ((previous.zone === null) !== (current.zone === null) && !previous.dateOnly && !current.dateOnly) return true;
  if (!current.dated && (previous.monthDay !== current.monthDay || dayChangesBetween(lines, previous.line, current.line))) return true;
  return false;
}

/** The entry's day as the document gives it (its own calendar, not UTC's). */
const dayOf = (entry: PlacedEntry): string => entry.entry.at?.slice(0, 10) ?? new Date(entry.millis).toISOString().slice(0, 10);

export default defineRule({
  id: 'timeline-order',
  description: 'Timeline entries are in time order (timezones and dates applied)',
  tags: ['timeline', 'time'],
  severity: 'error',
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check({ doc, text, lines, report }) {
    const entries = placedEntries(doc);
    const window = summaryWindow(doc, lines);
    let previous: PlacedEntry | null = null;
    let previousMillis = 0;
    let shift = 0;
    for (const current of entries) {
      if (!previous || incomparable(previous, current, lines)) {
        previous = current;
        previousMillis = current.millis;
        shift = 0;
        continue;
      }
      // A new day given by the entries' own dates starts again without the midnight step.
      if (current.dated && dayOf(current) !== dayOf(previous)) shift = 0;
      let currentMillis = current.millis + shift;
      let backwards: boolean;
      if (previous.dateOnly || current.dateOnly) {
        // A date without a time orders by day only.
        backwards = dayOf(current) < dayOf(previous);
      } else {
        // One step back past midnight is the next day when the summary's window runs past midnight and no date says otherwise.
        if (currentMillis < previousMillis && window.crossesMidnight && shift === 0 && !current.clock?.date) {
          shift = DAY_MILLIS;
          currentMillis += shift;
        }
        backwards = currentMillis < previousMillis;
      }
      if (backwards) {
        const time = current.entry.time ?? '';
        report({
          message: `"${time}" is earlier than the entry before it ("${previous.entry.time ?? ''}", line ${previous.line}): put the entries in time order, or, if this one is on a later day, give it a date (a date heading such as "### 2026-03-15" above it)`,
          line: current.line,
          column: findOnLine(text, current.line, time)?.column,
        });
      }
      previous = current;
      previousMillis = currentMillis;
    }
  },
});
