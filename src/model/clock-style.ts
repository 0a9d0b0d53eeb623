/**
 * Whether a postmortem's times are shown on a 12-hour clock (`2:05 PM`) or a 24-hour one
 * (`14:05`). It is chosen once per document, from how its author wrote the timeline, so the
 * summary's window, the timeline and the HTML page all read the same way.
 */
import type { TimelineEntry } from './postmortem.js';

/** `12h` for `2:05 PM`, `24h` for `14:05` (the styles `formatClock` in time.ts writes). */
export type ClockStyle = '12h' | '24h';

/** A written time on a 12-hour clock: `2 PM`, `2:05 pm`, `2:05 a.m.` */
const TWELVE_HOUR = /\d\s*[ap]\.?\s?m\b/i;

/**
 * The clock style of a document: 12-hour when at least half of the timeline times as written
 * use AM/PM, 24-hour when most do not; 12-hour when no time is written (the style the
 * templates have always used for a window on its own).
 */
export function clockStyle(timeline: readonly Pick<TimelineEntry, 'time'>[]): ClockStyle {
  let written = 0;
  let twelve = 0;
  for (const entry of timeline) {
    if (!entry.time) continue;
    written += 1;
    if (TWELVE_HOUR.test(entry.time)) twelve += 1;
  }
  return written === 0 || twelve * 2 >= written ? '12h' : '24h';
}
