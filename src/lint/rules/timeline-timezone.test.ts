import { describe, expect, it } from 'vitest';
import { applyFixes, markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './timeline-timezone.js';

describe('timeline-timezone', () => {
  it.each([
    ['one label throughout', markdown('Issue Summary:', '- Duration: 8:00 AM to 12:00 PM (GMT)', 'Timeline:', '- 8:00 AM (GMT): Alert.', '- 9:00 AM GMT: Paged.')],
    ['a zone in front matter and bare times', markdown('---', 'timezone: America/New_York', '---', '## Timeline', '- 2:00 AM: Alert.', '- 2:10 AM: Paged.')],
    ['a zone in the timeline heading', markdown('## Timeline (all times in PST)', '- 2:00 AM: Alert.')],
    ['the abbreviation of a zone declared in words', markdown('Issue Summary:', 'Duration: March 2, 2026, 9:15 AM - 11:40 AM (South African Standard Time, UTC+2)', 'Timeline:', '9:15 AM (SAST): Alert.', '9:20 AM (SAST): Paged.')],
    ['a zone on a line about times before the first entry', markdown('## Timeline', '', '( All times EDT )', '', '| Time | Event |', '|---|---|', '| 13:21 | Submitted |')],
    ['a long declaration that contains the entries\' label', markdown('Issue Summary:', 'Duration: 10:00 AM - 12:30 PM (South African Standard Time, UTC+2)', 'Timeline:', '- 10:00 AM (UTC+2): Alert.')],
    ['ISO 8601 offsets, which are not labels', markdown('## Timeline (UTC)', '- 2025-05-05T20:06:00Z — Reported.')],
    ['a timeline without times', markdown('## Timeline', '- Detection: An alert.')],
    ['a zone written out in words in the timeline heading', markdown('## Timeline (times in Greenwich Mean Time)', '_5:30 PM_ – Cache nodes were resized.')],
    ['a zone written out in words after the summary\'s times', markdown('Outage window: payments stopped at 11:45 AM and came back by 12:45 PM West African Time.', '', 'Timeline', '', '11:50 AM: Alerts fired.')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it('reports once when no time can be placed in a timezone', () => {
    const problems = runRule(rule, markdown('## Timeline', '- 08:15 - Errors.', '- 08:17 - Checked.', '- 08:20 - Fixed.'));
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/^"08:15" \(and 2 more\) cannot be placed in a timezone: declare the zone once/) }]);
  });

  it('fixes a label that means the same zone as the declared one', () => {
    const text = markdown('Issue Summary:', '- Duration: 8:00 AM to 12:00 PM (GMT)', 'Timeline:', '- 8:00 AM (UTC): Alert.', '- 9:00 AM (GMT): Paged.', '- 9:30 AM UTC: Fixed.');
    const problems = runRule(rule, text);
    expect(problems.map(({ line, column, fix }) => ({ line, column, fixed: fix?.text }))).toEqual([
      { line: 4, column: 12, fixed: 'GMT' },
      { line: 6, column: 11, fixed: 'GMT' },
    ]);
    expect(problems[0]?.message).toBe('"8:00 AM (UTC)" labels its zone "UTC", but the document uses "GMT" for the same zone: write "GMT" throughout');
    expect(applyFixes(text, problems)).toBe(text.replace('(UTC)', '(GMT)').replace('9:30 AM UTC', '9:30 AM GMT'));
  });

  it('fixes with offsets computed on the file itself (front matter and CRLF line ends included)', () => {
    const text = ['---', 'timezone: UTC', '---', '## Timeline', '- **14:05 GMT:** Alert.', ''].join('\r\n');
    const problems = runRule(rule, text);
    expect(applyFixes(text, problems)).toBe(text.replace('14:05 GMT', '14:05 UTC'));
  });

  it.each([
    ['an entry in another zone, never converted', markdown('## Timeline (UTC)', '- 14:00 UTC: Alert.', '- 4:00 PM EDT: Paged.'), 3, /is in EDT, but the document's times are in UTC: convert it to UTC/],
    ['a label with the same offset that is not a UTC label, reported without a fix', markdown('---', 'timezone: EST', '---', '## Timeline', '- 09:00 UTC-5: Alert.'), 5, /labels its zone "UTC-5", but the document uses "EST"/],
    ['a summary label that differs from the front matter', markdown('---', 'timezone: UTC', '---', '## Summary', 'From 2:00 AM to 3:00 AM GMT, logins failed.'), 5, /the summary's "3:00 AM GMT" labels its zone "GMT"/],
  ])('reports %s', (_name, text, line, message) => {
    const problems = runRule(rule, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, message: expect.stringMatching(message) });
    if (!/summary/.test(String(message))) expect(problems[0]?.fix).toBeUndefined();
  });
});
