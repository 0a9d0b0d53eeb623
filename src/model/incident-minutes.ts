/** How long an incident's impact lasted, as every output states it. */
import type { Postmortem } from './postmortem.js';
import { zonedMinutesBetween } from './time.js';

/**
 * The impact's length in minutes: as stated, or else from the summary's start to its end
 * (times without an offset read in the postmortem's timezone, so a window across a
 * daylight-saving change is as long as it really was). Null when neither is known.
 */
export function incidentMinutes(postmortem: Pick<Postmortem, 'summary' | 'timezone'>): number | null {
  const { durationMinutes, start, end } = postmortem.summary;
  if (durationMinutes !== null && durationMinutes !== undefined) return durationMinutes;
  if (start && end) {
    const minutes = zonedMinutesBetween(start, end, postmortem.timezone);
    return Number.isNaN(minutes) ? null : minutes;
  }
  return null;
}
