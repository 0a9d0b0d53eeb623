import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './summary-root-cause.js';

describe('summary-root-cause', () => {
  it.each([
    ['a Root Cause label', markdown('Issue Summary:', '- Duration: 9:15 AM to 11:45 AM (UTC)', '- Root Cause: A worker pool was sized to zero.')],
    ['a sentence saying what caused it', markdown('## Summary', 'Logins failed for an hour, caused by an expired certificate.')],
    ['"because" in the summary', markdown('## Summary', 'Search was empty because the index alias pointed at a new, empty index.')],
    ['a plain Root Cause line right after the summary lines', markdown('Issue Summary:', 'Duration: 2:30 PM to 3:45 PM WAT.', 'Root Cause: A proxy config pointed at the old pool.', 'Timeline', '- 2:30 PM: Alert.')],
    ['a Root Cause heading with its text right after the summary', markdown('## Issue Summary', '#  Outage Duration: August 18, 2024, 01:00 AM - 03:30 AM (UTC)', '', '# Root Cause: An expired certificate on the load balancer.', '', '## Timeline', '- 01:00 AM: Alerts.')],
    ['a summary paragraph under an unnamed heading below the title', markdown('# My first postmortem', '# An outage I had', 'From 6 PM to 7 PM GMT requests failed as a result of a firewall rule.', '## Timeline', '- 5:50 PM: Complaint received.')],
    ['a document without a summary', markdown('## Timeline', '- 09:00 UTC: Alert fired.')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it.each([
    ['a summary that only describes the impact', markdown('# Outage', '## Summary', 'Between 2:00 and 6:00 AM users could not reach the store.'), 2],
    ['a preamble summary without a cause', markdown('The store was down on May 7 for most users.', '', '## Timeline', '- 2:00 AM: Alert.'), 1],
  ])('reports %s', (_name, text, line) => {
    expect(runRule(rule, text)).toEqual([{ line, message: expect.stringContaining('does not name the root cause') }]);
  });
});
