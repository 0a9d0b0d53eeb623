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

  it('refuses a tolerance that is not a whole number of minutes', () => {
    expect(rule.validateOptions?.({ toleranceMinutes: -5 })).toMatch(/"toleranceMinutes" must be a whole number/);
    expect(rule.validateOptions?.({ toleranceMinutes: '15' })).toMatch(/whole number/);
    expect(rule.validateOptions?.({ toleranceMinutes: 30 })).toBeNull();
  });
});
