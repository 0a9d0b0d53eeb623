/**
 * `postmortem new --timeline-from`: imported events as the interview's timeline answers, and
 * how they join the entries given another way. Each imported entry is pinned to its day, and
 * so is every timed entry it is put among: an entry's day otherwise follows the entry before
 * it, which the merge may change.
 */
import type { ImportedEvent } from '../../import/types.js';
import type { ClockStyle } from '../../model/clock-style.js';
import { timelineEntryText, writeEventTime } from '../../import/to-timeline.js';
import { instantMillis, parseZone } from '../../model/time.js';
import type { TimelineAnswer } from './answers.js';
import { placeTimeline } from './build-postmortem.js';
import { checkTimelineLabel, type TimePlacement } from './validate-answers.js';

/** Longest text an answer holds (checkTimelineText's limit). */
const MAX_TEXT = 1000;

/** An imported event with the instant of its answer, for merging. */
export interface ImportedTimelineItem {
  item: TimelineAnswer;
  millis: number;
}

/**
 * The events as timeline answers in the interview's timezone: a time on the clock the author
 * types (`clock`; with its offset where the wall clock happens twice), the day pinned, the text as one escaped line, and the
 * label when the interview accepts it as one.
 */
export function importedTimelineItems(events: readonly ImportedEvent[], placement: TimePlacement, clock: ClockStyle = '24h'): ImportedTimelineItem[] {
  const zone = parseZone(placement.timezone);
  if (!zone) return [];
  return [...events]
    .sort((first, second) => first.at - second.at)
    .map((event) => {
      const written = writeEventTime(event.at, zone, { clock, date: false, zoneSuffix: null });
      let text = timelineEntryText(event.text) || '(no text)';
      if (text.length > MAX_TEXT) text = `${text.slice(0, MAX_TEXT - 1)}…`;
      const label = event.label ? checkTimelineLabel(event.label) : null;
      return { item: { time: written.time, date: written.date, text, label: label?.ok ? label.value : null }, millis: Math.floor(event.at / 60_000) * 60_000 };
    });
}

/**
 * The imported items merged among the entries already given, in time order (an entry without
 * a time stays after the entry it follows); an imported item that is already there (the same
 * minute and the same text) is left out.
 */
export function mergeTimelineItems(given: readonly TimelineAnswer[], imported: readonly ImportedTimelineItem[], placement: TimePlacement): TimelineAnswer[] {
  const placed = placeTimeline(given, placement);
  if (!placed.ok || imported.length === 0) return [...given, ...imported.map((entry) => entry.item)];
  const known = new Set(placed.value.map((entry) => (entry.at ? `${Math.floor(instantMillis(entry.at) / 60_000)} ${entry.text}` : '')));
  const pending = imported.filter((entry) => !known.has(`${entry.millis / 60_000} ${entry.item.text}`));
  const merged: TimelineAnswer[] = [];
  given.forEach((item, index) => {
    const entry = placed.value[index];
    if (entry?.at) {
      const millis = instantMillis(entry.at);
      while (pending.length > 0 && (pending[0] as ImportedTimelineItem).millis < millis) merged.push((pending.shift() as ImportedTimelineItem).item);
      merged.push({ ...item, date: entry.date });
    } else {
      merged.push(item);
    }
  });
  for (const entry of pending) merged.push(entry.item);
  return merged;
}
