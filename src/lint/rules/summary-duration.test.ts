import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './summary-duration.js';

describe('summary-duration', () => {
  it.each([
    ['a start and end with a zone', markdown('Issue Summary:', '- Duration: The queue stalled from 9:15 AM to 11:45 AM (UTC).')],
    ['a duration in prose, with no times to place', markdown('## Summary', 'Checkout failed during a four-hour outage caused by a bad deploy.')],
    ['a labelled duration among other fields', markdown('## Summary', 'Date/time: 2026-03-14 21:14 PDT<br> Duration: 15 hours 40 minutes<br> Impact: all visitors')],
    ['a window in front matter with offsets', markdown('---', 'start: 2026-03-14T02:00:00-04:00', 'end: 2026-03-14T06:00:00-04:00', '---', '## Summary', 'Search was down.')],
    ['times in the summary and the zone in front matter', markdown('---', 'timezone: UTC', '---', '## Summary', 'Logins failed between 2:00 AM and 3:00 AM.')],
    ['a zone written after the range with a comma', markdown('### Issue Summary:', 'From 6:00 am to 12:16 pm, GMT+1, January 14 2020 requests failed.')],
    ['a document without a summary, which required-sections reports', markdown('## Timeline', '- 09:00 UTC: Alert fired.')],
    ['an empty summary section, which no-placeholders reports', markdown('## Summary', '', '## Timeline', '- 09:00 UTC: Alert fired.')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it.each([
    ['a summary that gives no times and no duration', markdown('# Outage', '', '## Summary', 'The site returned errors after a deploy.'), 3, /does not say when impact started and ended/],
    ['a summary with a start only', markdown('## Summary', 'At 2:00 PM the API began to fail.'), 1, /does not say when impact ended/],
    ['times without a timezone anywhere', markdown('## Summary', 'Between 13:00 and 17:35 the home page failed for all users.'), 1, /times without a timezone/],
  ])('reports %s', (_name, text, line, message) => {
    const problems = runRule(rule, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, message: expect.stringMatching(message) });
  });

  it('takes no options', () => {
    expect(rule.validateOptions?.({ tolerance: 3 })).toMatch(/unknown option "tolerance"/);
    expect(rule.validateOptions?.({})).toBeNull();
  });
});
