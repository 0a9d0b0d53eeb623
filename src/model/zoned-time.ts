/**
 * How the zone is named next to a time shown in the postmortem's own timezone (the wall
 * clock itself is `wallClockInZone` in src/model/time.ts).
 */
import { parseZone, wallClockOf } from '../model/time.js';

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
