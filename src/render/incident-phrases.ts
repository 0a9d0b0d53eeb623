/**
 * Phrases about when an incident happened and how long it lasted, generated from the
 * summary's start, end and duration. They are written so that the parser's reading of
 * "between 2:00 AM and 6:00 AM (UTC-4)" gives back the same window.
 */
import type { Postmortem } from '../model/postmortem.js';
import { formatClock, formatDuration, longDate, minutesBetween, wallClockInZone, type WallClock } from '../model/time.js';
import { zoneLabel } from './zoned-time.js';

/** The two ends of the impact window as read in the document's timezone. */
interface ZonedWindow {
  start: WallClock;
  end: WallClock;
  /** The zone to name after the times, or null for local times. */
  zone: string | null;
}

function zonedWindow(postmortem: Postmortem): ZonedWindow | null {
  const { start, end } = postmortem.summary;
  if (!start || !end) return null;
  const startClock = wallClockInZone(start, postmortem.timezone);
  const endClock = wallClockInZone(end, postmortem.timezone);
  if (!startClock || !endClock) return null;
  return { start: startClock, end: endClock, zone: zoneLabel(postmortem.timezone, start) };
}

const zoneSuffix = (zone: string | null): string => (zone ? ` (${zone})` : '');

/**
 * `between 2:00 AM and 6:00 AM (UTC-4)` for a window within one day, or
 * `between March 14, 2026, 11:00 PM and March 15, 2026, 1:00 AM (UTC)` across midnight;
 * empty without both start and end.
 */
export function incidentWindow(postmortem: Postmortem): string {
  const window = zonedWindow(postmortem);
  if (!window) return '';
  const { start, end, zone } = window;
  if (start.date === end.date) return `between ${formatClock(start)} and ${formatClock(end)}${zoneSuffix(zone)}`;
  return `between ${longDate(start.date)}, ${formatClock(start)} and ${longDate(end.date)}, ${formatClock(end)}${zoneSuffix(zone)}`;
}

/** The impact's length in minutes: stated, or worked out from start and end. */
export function incidentMinutes(postmortem: Postmortem): number | null {
  const { durationMinutes, start, end } = postmortem.summary;
  if (durationMinutes !== null && durationMinutes !== undefined) return durationMinutes;
  if (start && end) {
    const minutes = minutesBetween(start, end);
    return Number.isNaN(minutes) ? null : minutes;
  }
  return null;
}

/**
 * The value of a `Duration:` line: `4 h 0 min, between 2:00 AM and 6:00 AM (UTC-4)`, the
 * duration or the window alone when only one is known, or empty.
 */
export function incidentDuration(postmortem: Postmortem): string {
  const minutes = incidentMinutes(postmortem);
  const window = incidentWindow(postmortem);
  const length = minutes === null ? '' : formatDuration(minutes);
  return [length, window].filter(Boolean).join(', ');
}

/**
 * The opening sentence of a narrative summary: "On March 14, 2026, between 2:00 AM and
 * 6:00 AM (UTC-4), we had a SEV2 incident: a 4 h 0 min outage." Built from what is known,
 * empty when neither a date nor a duration is. Empty as well when the summary text already
 * opens with it, so that rendering a parsed rendering does not say it twice.
 */
export function incidentSentence(postmortem: Postmortem): string {
  const window = zonedWindow(postmortem);
  const minutes = incidentMinutes(postmortem);
  const date = window?.start.date ?? postmortem.date;
  const incident = postmortem.severity ? `a ${postmortem.severity} incident` : 'an incident';
  const outage = minutes === null ? '' : `: a ${formatDuration(minutes)} outage`;
  let when: string;
  if (window && window.start.date !== window.end.date) {
    when = `${capitalise(incidentWindow(postmortem))}, `;
  } else if (date) {
    when = `On ${longDate(date)}, ${window ? `${incidentWindow(postmortem)}, ` : ''}`;
  } else if (minutes !== null) {
    when = '';
  } else {
    return '';
  }
  const sentence = when ? `${when}we had ${incident}${outage}.` : `We had ${incident}${outage}.`;
  return postmortem.summary.text?.startsWith(sentence) ? '' : sentence;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
