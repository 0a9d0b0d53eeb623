/**
 * The window of time an import keeps: `--since` and `--until` as people type them, and the
 * default around a postmortem's impact (its start minus two hours to its end plus two hours).
 */
import type { Postmortem } from '../model/postmortem.js';
import { addDays, instantMillis, parseZone, toIsoInstant, zonedInstantMillis, type Zone } from '../model/time.js';
import { incidentMilestones } from '../model/timeline-milestones.js';
import { readLeadingTime } from '../parse/clock.js';

/** How far before the impact starts and after it ends the default window reaches. */
export const DEFAULT_WINDOW_MARGIN_MINUTES = 120;

/** A window of time; either end may be open. */
export interface ImportWindow {
  /** From this instant (epoch ms), or null for no start. */
  since: number | null;
  /** Up to this instant (epoch ms), or null for no end. */
  until: number | null;
}

/** What {@link readWindowTime} needs to read a time that does not say everything. */
export interface WindowTimeOptions {
  /** The zone of a time written without one. */
  zone: Zone;
  /** The date of a time written without one (the postmortem's), or null. */
  date: string | null;
  /** A date alone is the start of its day for `since`, its end for `until`. */
  bound: 'since' | 'until';
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a `--since` or `--until` value: an ISO 8601 instant with its offset
 * (`2026-03-14T14:05:00Z`), a date and time read in the zone (`2026-03-14 14:05`,
 * `2026-03-14 2:05 PM`), a time on the postmortem's date (`14:05`, `2:05 PM`, `14:05 UTC`),
 * or a date alone (the whole day). Returns epoch milliseconds, or a message saying what is
 * wrong.
 */
export function readWindowTime(text: string, options: WindowTimeOptions): number | { problem: string } {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // addDays(value, 0) rolls 2026-02-30 over to March: such a day does not exist.
    if (addDays(value, 0) !== value) return { problem: `"${text}" is not a time: there is no such day` };
    const day = options.bound === 'since' ? value : addDays(value, 1);
    const millis = instantMillis(toIsoInstant(day, { hour: 0, minute: 0, second: 0 }, options.zone));
    if (Number.isNaN(millis)) return { problem: `"${text}" is not a date` };
    return options.bound === 'since' ? millis : millis - 1;
  }
  if (ISO_WITH_OFFSET.test(value)) {
    const millis = Date.parse(value.replace(' ', 'T'));
    if (!Number.isNaN(millis)) return millis;
  }
  const time = readLeadingTime(value);
  if (!time?.clock || time.rest !== '') return { problem: `"${text}" is not a time: write 2026-03-14T14:05:00Z, 2026-03-14 14:05, 14:05 or 2:05 PM` };
  const date = time.clock.date ?? options.date;
  if (!date || date.startsWith('0000-')) return { problem: `"${text}" has no date, and there is no postmortem date to read it on: write 2026-03-14 ${time.written}` };
  const zone = (time.clock.zoneText ? parseZone(time.clock.zoneText) : null) ?? options.zone;
  const millis = instantMillis(toIsoInstant(date, time.clock, zone));
  return Number.isNaN(millis) ? { problem: `"${text}" is not a time` } : millis;
}

/**
 * The default window of an import into a postmortem: from its impact start minus two hours
 * to its end plus two hours, each end open when the postmortem does not give it (the summary's
 * window, or else the timeline's first impact and resolution entries).
 */
export function defaultImportWindow(postmortem: Pick<Postmortem, 'summary' | 'timeline' | 'timezone'>, marginMinutes = DEFAULT_WINDOW_MARGIN_MINUTES): ImportWindow {
  const milestones = incidentMilestones(postmortem);
  const at = (iso: string | undefined): number | null => {
    if (!iso) return null;
    const millis = zonedInstantMillis(iso, postmortem.timezone);
    return Number.isNaN(millis) ? null : millis;
  };
  const start = at(milestones.impactStart?.at);
  const end = at(milestones.resolved?.at);
  return {
    since: start === null ? null : start - marginMinutes * 60_000,
    until: end === null ? null : end + marginMinutes * 60_000,
  };
}
