/** Helpers for dates, clock times and durations, shown in the postmortem's own timezone. */
import { clockStyle } from '../../model/clock-style.js';
import { dayjs } from '../../model/dayjs.js';
import { formatClock, formatDuration, wallClockInZone } from '../../model/time.js';
import { displayZone } from '../../model/zoned-time.js';
import { incidentDuration, incidentSentence, incidentWindow } from '../incident-phrases.js';
import { helperArguments, helperOptions, renderedPostmortem, textOf, type TemplateHelpers } from './helper.js';

/** Helpers for dates, times and durations. */
export const timeHelpers: TemplateHelpers = {
  formatDate: {
    usage: '{{formatDate date format="MMMM D, YYYY"}}',
    description: 'A YYYY-MM-DD date or an instant (read in the document\'s timezone) as `March 14, 2026`, or in any dayjs format.',
    helper: (...args: unknown[]) => {
      const options = helperOptions(args);
      const value = textOf(helperArguments(args)[0]);
      if (!value) return '';
      const format = typeof options.hash.format === 'string' ? options.hash.format : 'MMMM D, YYYY';
      const clock = value.includes('T') ? wallClockInZone(value, displayZone(renderedPostmortem(options))) : null;
      const date = clock ? clock.date : value;
      const parsed = clock ? dayjs(`${clock.date}T${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`) : dayjs(date, 'YYYY-MM-DD', true);
      return parsed.isValid() ? parsed.format(format) : value;
    },
  },
  clock: {
    usage: '{{clock summary.start style="24h"}}',
    description: 'The wall-clock time of an instant in the document\'s timezone, in the clock style its timeline is written in (`2:00 AM` or `02:00`), or as style="12h" or style="24h" says.',
    helper: (...args: unknown[]) => {
      const options = helperOptions(args);
      const value = textOf(helperArguments(args)[0]);
      const postmortem = renderedPostmortem(options);
      const clock = value ? wallClockInZone(value, displayZone(postmortem)) : null;
      if (!clock) return '';
      const style = options.hash.style === '24h' || options.hash.style === '12h' ? options.hash.style : clockStyle(postmortem.timeline ?? []);
      return formatClock(clock, style);
    },
  },
  duration: {
    usage: '{{duration summary.durationMinutes}}',
    description: 'A number of minutes as `45 min`, `4 h 0 min` or `1 d 2 h 5 min`.',
    helper: (...args: unknown[]) => {
      const minutes = helperArguments(args)[0];
      return typeof minutes === 'number' && Number.isFinite(minutes) ? formatDuration(minutes) : '';
    },
  },
  percent: {
    usage: '{{percent summary.usersAffectedPercent}}',
    description: 'A share as `75%` (`0%` included), or nothing when it is not known.',
    helper: (...args: unknown[]) => {
      const value = helperArguments(args)[0];
      return typeof value === 'number' && Number.isFinite(value) ? `${value}%` : '';
    },
  },
  timezoneLabel: {
    usage: '{{timezoneLabel}}',
    description: 'The zone times are shown in: the declared timezone, or the offset of the document\'s first time that has one (`UTC-04:00`).',
    helper: (...args: unknown[]) => {
      return displayZone(renderedPostmortem(helperOptions(args))) ?? '';
    },
  },
  incidentWindow: {
    usage: '{{incidentWindow}}',
    description: '`between 2:00 AM and 6:00 AM (UTC-4)` from the summary\'s start and end (dates added across midnight), or nothing.',
    helper: (...args: unknown[]) => incidentWindow(renderedPostmortem(helperOptions(args))),
  },
  incidentDuration: {
    usage: '{{incidentDuration}}',
    description: 'The value of a Duration line: `4 h 0 min, between 2:00 AM and 6:00 AM (UTC-4)`, whichever parts are known.',
    helper: (...args: unknown[]) => incidentDuration(renderedPostmortem(helperOptions(args))),
  },
  incidentSentence: {
    usage: '{{incidentSentence}}',
    description: 'An opening sentence: "On March 14, 2026, between 2:00 AM and 6:00 AM (UTC-4), we had a SEV2 incident: a 4 h 0 min outage."',
    helper: (...args: unknown[]) => incidentSentence(renderedPostmortem(helperOptions(args))),
  },
};
