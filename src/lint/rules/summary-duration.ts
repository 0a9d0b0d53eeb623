/** summary-duration: the summary says when impact started and ended (or for how long), and in which timezone. */
import { findTimes, readDuration } from '../../parse/clock.js';
import { defineRule } from '../types.js';
import { checkKnownOptions } from './support/options.js';
import { declaredZoneText, summaryHasContent, summaryLine, summaryRanges, textOf } from './support/sections.js';
import { summaryWindow } from './support/timeline-times.js';

export default defineRule({
  id: 'summary-duration',
  description: 'The summary states when impact started and ended (or a duration) and in which timezone',
  tags: ['summary', 'time'],
  severity: 'warn',
  defaultOptions: {},
  validateOptions: (options) => checkKnownOptions(options, []),
  check({ doc, lines, report }) {
    if (!summaryHasContent(doc)) return;
    const line = summaryLine(doc, lines);
    const summaryText = summaryRanges(doc, lines).map((range) => textOf(lines, range)).join('\n');
    const times = findTimes(summaryText);
    const { start, end, durationMinutes } = doc.summary;
    // What the summary states counts, even where the parser could not work out a window from it.
    const durationLabel = /\b(?:duration|lasted|length)\s*(?:(?:\*\*|__)\s*)?[:=–—-]\s*(?:(?:\*\*|__)\s*)?([^\n<]+)/i.exec(summaryText)?.[1] ?? '';
    const statesWindow = durationMinutes !== null || (start !== null && end !== null) || summaryWindow(doc, lines).start !== null ||
      times.length >= 2 || readDuration(summaryText, { inProse: true }) !== null || readDuration(durationLabel) !== null;
    if (!statesWindow) {
      const half = start || times.length === 1 ? 'when impact ended' : end ? 'when impact started' : 'when impact started and ended';
      report({ message: `The summary does not say ${half}: add a line such as "Duration: 14:02 to 14:47 UTC (45 minutes)"`, line });
      return;
    }
    if (declaredZoneText(doc, lines)) return;
    // Times in the summary need a zone; a bare duration ("a four-hour outage") does not.
    const datedWithOffset = [start, end].some((value) => value !== null && /(?:Z|[+-]\d{2}:?\d{2})$/.test(value));
    if (times.length > 0 && !datedWithOffset && times.every((time) => !time.clock?.zoneText)) {
      report({ message: 'The summary gives times without a timezone: write the zone with them ("2:00 AM to 6:00 AM UTC-4") or declare one in front matter ("timezone: UTC")', line });
    }
  },
});
