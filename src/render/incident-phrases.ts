/**
 * Phrases about when an incident happened and how long it lasted, generated from the
 * summary's start, end and duration. They are written so that the parser's reading of
 * "between 2:00 AM and 6:00 AM (UTC-4)" gives back the same window.
 */
import { clockStyle, type ClockStyle } from '../model/clock-style.js';
import { incidentMinutes } from '../model/incident-minutes.js';
import type { Postmortem } from '../model/postmortem.js';
import { formatClock, formatDuration, longDate, wallClockInZone, type WallClock } from '../model/time.js';
import { displayZone } from '../model/zoned-time.js';

/** The two ends of the impact window as read in the document's timezone. */
interface ZonedWindow {
  start: WallClock;
  end: WallClock;
  /** The zone to name after the times, or null for local times. */
  zone: string | null;
  /** The document's clock style, which the timeline is written in too. */
  style: ClockStyle;
}

function zonedWindow(postmortem: Postmortem): ZonedWindow | null {
  const { start, end } = postmortem.summary;
  if (!start || !end) return null;
  // Both ends on the one clock the document is shown on, each read at its own moment.
  const zone = displayZone(postmortem);
  const startClock = wallClockInZone(start, zone);
  const endClock = wallClockInZone(end, zone);
  if (!startClock || !endClock) return null;
  return { start: startClock, end: endClock, zone, style: clockStyle(postmortem.timeline) };
}

const zoneSuffix = (zone: string | null): string => (zone ? ` (${zone})` : '');

/**
 * `between 2:00 AM and 6:00 AM (UTC-4)` for a window within one day, or
 * `between March 14, 2026, 11:00 PM and March 15, 2026, 1:00 AM (UTC)` across midnight;
 * `between 14:00 and 18:00 (UTC)` in a document whose timeline is on a 24-hour clock;
 * empty without both start and end.
 */
export function incidentWindow(postmortem: Postmortem): string {
  const window = zonedWindow(postmortem);
  if (!window) return '';
  const { start, end, zone, style } = window;
  if (start.date === end.date) return `between ${formatClock(start, style)} and ${formatClock(end, style)}${zoneSuffix(zone)}`;
  return `between ${longDate(start.date)}, ${formatClock(start, style)} and ${longDate(end.date)}, ${formatClock(end, style)}${zoneSuffix(zone)}`;
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
