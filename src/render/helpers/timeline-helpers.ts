/** Helpers for the timeline: the time to show for an entry, entries grouped by day. */
import type { TimelineEntry } from '../../model/postmortem.js';
import { formatClock, wallClockInZone } from '../../model/time.js';
import { timelineDays } from '../timeline-days.js';
import { helperArguments, helperOptions, renderedPostmortem, type TemplateHelpers } from './helper.js';

/** Helpers for the timeline. */
export const timelineHelpers: TemplateHelpers = {
  entryTime: {
    usage: '{{entryTime this}}',
    description: 'The time of a timeline entry as written, or else its instant as `2:00 AM` in the document\'s timezone, or nothing.',
    helper: (...args: unknown[]) => {
      const options = helperOptions(args);
      const entry = helperArguments(args)[0] as Partial<TimelineEntry> | undefined;
      if (entry?.time) return entry.time;
      const clock = entry?.at ? wallClockInZone(entry.at, renderedPostmortem(options).timezone) : null;
      return clock ? formatClock(clock) : '';
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
        timezone: postmortem.timezone,
        always: options.hash.always === true,
      });
    },
  },
};
