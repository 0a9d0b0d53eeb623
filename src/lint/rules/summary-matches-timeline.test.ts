import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './summary-matches-timeline.js';

const postmortem = (window: string, ...entries: string[]): string => markdown('Issue Summary:', `- Duration: ${window}`, '', 'Timeline:', ...entries);

describe('summary-matches-timeline', () => {
  it.each([
    ['a window that matches the first and last entries', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Fixed.'), {}],
    ['a timeline that begins before impact (the change that caused it)', postmortem('8:00 AM to 12:00 PM (GMT)', '- 7:40 AM: Deploy.', '- 8:00 AM: Alert.', '- 12:00 PM: Fixed.'), {}],
    ['a timeline that goes on after impact (follow-up)', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Fixed.', '- 3:00 PM: Review held.'), {}],
    ['differences within the tolerance', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:10 AM: Alert.', '- 11:50 AM: Fixed.'), {}],
    ['a wider tolerance from options', postmortem('8:00 AM to 12:00 PM (GMT)', '- 9:30 AM: Alert.', '- 12:00 PM: Fixed.'), { toleranceMinutes: 120 }],
    ['a timeline that ends on an untimed entry, which says nothing about the end', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM (GMT): Alert.', '- Resolution: We blocked the traffic.'), {}],
    ['a dated window crossing midnight', markdown('## Summary', 'On 2026-03-14 from 11:00 PM to 1:00 AM UTC payments failed.', '', '## Timeline', '- 11:00 PM: Alert.', '- 12:55 AM: Fixed.'), {}],
    ['a window in another zone than the entries, the same instants', markdown('---', 'date: 2026-03-14', '---', '## Summary', 'Between 2:00 AM and 6:00 AM (UTC-4) the store was down.', '', '## Timeline', '- 06:00 UTC: Alert.', '- 10:00 UTC: Fixed.'), {}],
    ['a resolution entry at the stated end', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Service restored for all users.'), {}],
    ['a resolution entry later than the end within the tolerance', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:10 PM: Resolution: queue drained.'), {}],
    ['entries after the end that are not resolutions (follow-ups)', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Rolled back.', '- 1:30 PM: Wrote the customer notice.', '- 4:00 PM: Review held.'), {}],
    ['an "incident closed" entry after the resolution, a watch period later', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Service restored.', '- 2:00 PM: Incident closed after two hours of monitoring.'), {}],
    ['an entry after the end that says service was not yet restored', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Fixed.', '- 1:00 PM: Reports were not restored yet; exports rerun.'), {}],
    ['a late resolution within a wider tolerance from options', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 1:00 PM: Service recovered.'), { toleranceMinutes: 60 }],
  ])('accepts %s', (_name, text, options) => {
    expect(runRule(rule, text, options)).toEqual([]);
  });

  it.each([
    ['a timeline that starts well after the stated start', postmortem('8:00 AM to 12:00 PM (GMT)', '- 9:30 AM: Alert.', '- 12:00 PM: Fixed.'), /started at 08:00, but the timeline's first entry \("9:30 AM", line 5\) is 1 h 30 min later/],
    ['a timeline that ends well before the stated end', markdown('## Summary', 'Between the hours of 13:00:00 and 17:35:08 (UTC) the home page was down.', '', '## Timeline', '- 13:00:00: Site goes down.', '- 13:12:50: Config fixed.'), /ended at 17:35, but the timeline's last entry \("13:12:50", line 6\) is 4 h 22 min earlier/],
    ['a duration longer than the timeline', markdown('## Summary', 'A four-hour outage of the store.', '', '## Timeline', '- 2:00 AM: Alert.', '- 3:00 AM: Fixed.'), /duration of 4 h 0 min, but the timeline spans only 1 h 0 min/],
  ])('reports %s', (_name, text, message) => {
    const problems = runRule(rule, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, message: expect.stringMatching(message) });
  });

  it.each([
    ['a resolution entry by its wording', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 11:50 AM: Rolled back.', '- 2:30 PM: Service restored for all users.'), 7, /ended at 12:00, but the timeline's resolution entry \("2:30 PM", line 7\) is 2 h 30 min later/],
    ['a resolution entry by its label', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:00 PM: Rolled back.', '- 12:20 PM: Escalation: asked the vendor.', '- 1:00 PM: Resolution: traffic back to normal.'), 8, /ended at 12:00, but the timeline's resolution entry \("1:00 PM", line 8\) is 1 h 0 min later/],
    ['a recovery after the end, with follow-ups after it', postmortem('8:00 AM to 12:00 PM (GMT)', '- 8:00 AM: Alert.', '- 12:45 PM: Checkout recovered.', '- 3:00 PM: Review held.'), 6, /resolution entry \("12:45 PM", line 6\) is 45 min later/],
    ['a dated window in another zone than the entries', markdown('---', 'date: 2026-03-14', '---', '## Summary', 'Between 2:00 AM and 6:00 AM (UTC-4) the store was down.', '', '## Timeline', '- 06:00 UTC: Alert.', '- 10:00 UTC: Rolled back.', '- 11:30 UTC: All services back to normal.'), 10, /ended at 06:00, but the timeline's resolution entry \("11:30 UTC", line 10\) is 1 h 30 min later/],
  ])('reports %s, at the entry', (_name, text, line, message) => {
    const problems = runRule(rule, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });

  it('refuses a tolerance that is not a whole number of minutes', () => {
    expect(rule.validateOptions?.({ toleranceMinutes: -5 })).toMatch(/"toleranceMinutes" must be a whole number/);
    expect(rule.validateOptions?.({ toleranceMinutes: '15' })).toMatch(/whole number/);
    expect(rule.validateOptions?.({ toleranceMinutes: 30 })).toBeNull();
  });
});
