/** Helpers for the timeline: the time to show for an entry, entries grouped by day. */
import { clockStyle } from '../../model/clock-style.js';
import type { TimelineEntry } from '../../model/postmortem.js';
import { formatClock, wallClockInZone } from '../../model/time.js';
import { timelineDays } from '../../model/timeline-days.js';
import { displayZone } from '../../model/zoned-time.js';
import { helperArguments, helperOptions, renderedPostmortem, type TemplateHelpers } from './helper.js';

/** Helpers for the timeline. */
export const timelineHelpers: TemplateHelpers = {
  entryTime: {
    usage: '{{entryTime this}}',
    description: 'The time of a timeline entry as written, or else its instant in the document\'s timezone and clock style (`2:00 AM` or `02:00`), or nothing.',
    helper: (...args: unknown[]) => {
      const options = helperOptions(args);
      const entry = helperArguments(args)[0] as Partial<TimelineEntry> | undefined;
      if (entry?.time) return entry.time;
      const postmortem = renderedPostmortem(options);
      const clock = entry?.at ? wallClockInZone(entry.at, displayZone(postmortem)) : null;
      return clock ? formatClock(clock, clockStyle(postmortem.timeline ?? [])) : '';
    },
  },
  timelineDays: {
    usage: '{{#each (timelineDays timeline always=true)}}{{date}} {{#each entries}}...{{/each}}{{/each}}',
    description: 'Entries grouped by day as `{ date, entries }`; `date` is set only where a day heading is needed (the timeline leaves the incident date), or on every group with always=true.',
    helper: (...args: unknown[]) => {
      const options = helperOptions(args);
      const entries = helperArguments(args)[0];
      const postmortem = renderedPostmortem(options);
      return timelineDays(Array.isArray(entries) ? (entries as TimelineEntry[]) : [], {
        date: postmortem.date,
        timezone: displayZone(postmortem),
        always: options.hash.always === true,
      });
    },
  },
};
