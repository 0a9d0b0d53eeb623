import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './summary-impact.js';

const summary = (...body: string[]): string => markdown('## Summary', ...body, '', '## Timeline', '- 09:00 UTC: Alert fired.');

describe('summary-impact', () => {
  it.each([
    ['a share of users', summary('Approximately 75% of users could not search.')],
    ['a count of orders', summary('1,200 orders were charged twice.')],
    ['all of a kind of user', summary('All customers were unable to log in.')],
    ['a labelled share', summary('- Users affected: 40%')],
    ['a count in an impact section', markdown('## Summary', 'The export job stalled.', '', '## Impact', 'About 300 tenants got their reports a day late.')],
    ['money lost', summary('Refunds came to $12,000.')],
    ['tokens lost', summary('An exploit drained 11m DAI of vault deposits.')],
    ['an explicit statement of no impact', markdown('## Summary', 'A phishing mail reached three developers.', '', '## The Impact', 'No known impact.')],
    ['a document without a summary', markdown('## Timeline', '- 09:00 UTC: Alert fired.')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it.each([
    ['impact without numbers', summary('Users saw errors when they opened the dashboard.'), 1],
    ['a number of hours, which is not a number of users', summary('For 4 hours the users could not upload files.'), 1],
    ['an impact section without numbers, reported at its heading', markdown('## Summary', 'The export job stalled.', '', '## Impact', 'Reports were late.'), 4],
  ])('reports %s', (_name, text, line) => {
    const problems = runRule(rule, text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, message: expect.stringContaining('The impact is not quantified') });
  });
});
