/**
 * The one zone a postmortem's times are shown in, and how to name it. Every place that shows
 * a time (the Markdown templates, the HTML page, its timeline chart) reads each instant on
 * its own in this zone with `wallClockInZone` (src/model/time.ts), so that times either side
 * of a daylight-saving change, or written with different offsets, still agree.
 */
import type { IssueSummary, TimelineEntry } from './postmortem.js';
import { parseZone, wallClockOf } from './time.js';

/**
 * How to name the zone next to a time: the timezone as the document declares it, or else the
 * offset the instant carries (`UTC-04:00`), or null for a local time.
 */
export function zoneLabel(timezone: string | null, iso: string | null): string | null {
  if (timezone && parseZone(timezone)) return timezone;
  const offset = iso ? wallClockOf(iso)?.offset : null;
  if (!offset) return timezone || null;
  return offset === '+00:00' ? 'UTC' : `UTC${offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`;
}

/**
 * The zone a postmortem's times are shown in, as text `parseZone` reads: its declared
 * timezone when that is one postmortem understands; else the offset of its first instant
 * that has one (summary start and end, then the timeline), so that a document without a
 * timezone whose times say `1:30 AM EST` and `3:30 AM EDT` is still shown on one clock, the
 * one its label names; else the declared text or null, and local times are shown as written.
 */
export function displayZone(postmortem: {
  timezone: string | null;
  summary?: Partial<Pick<IssueSummary, 'start' | 'end'>> | null;
  timeline?: ReadonlyArray<Pick<TimelineEntry, 'at'>> | null;
}): string | null {
  const { timezone, summary, timeline } = postmortem;
  if (timezone && parseZone(timezone)) return timezone;
  const instants = [summary?.start, summary?.end, ...(timeline ?? []).map((entry) => entry.at)];
  const withOffset = instants.find((iso): iso is string => typeof iso === 'string' && Boolean(wallClockOf(iso)?.offset));
  return zoneLabel(timezone, withOffset ?? null);
}
