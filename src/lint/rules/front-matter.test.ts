import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule, { type FrontMatterOptions } from './front-matter.js';

const withFrontMatter = (...fields: string[]): string => markdown('---', ...fields, '---', '# Outage', '', 'Body.');

describe('front-matter', () => {
  it.each<[string, string, Partial<FrontMatterOptions>]>([
    ['valid known fields', withFrontMatter('title: Checkout errors', 'date: 2026-03-14', 'severity: SEV2', 'status: in-review', 'timezone: UTC-4', 'start: 2026-03-14T02:00:00-04:00', 'end: 2026-03-14T06:00:00-04:00', 'authors: [Dana Lee]'), {}],
    ['fields the tool does not know', withFrontMatter('team: payments', 'jira: PAY-12'), {}],
    ['no front matter at all', markdown('# Outage', 'Body.'), {}],
    ['a severity from a configured list', withFrontMatter('severity: P1'), { severities: ['P0', 'P1', 'P2'] }],
  ])('accepts %s', (_name, text, options) => {
    expect(runRule(rule, text, options)).toEqual([]);
  });

  it.each<[string, string, number, RegExp]>([
    ['a date that does not exist', withFrontMatter('title: x', 'date: 2026-02-30'), 3, /^date "2026-02-30" is not a date: write the day the incident started as YYYY-MM-DD/],
    ['a date written another way', withFrontMatter('date: March 14, 2026'), 2, /^date "March 14, 2026" is not a date/],
    ['a severity off the list, with the spelling meant', withFrontMatter('severity: sev-2'), 2, /^severity "sev-2" is not one of SEV1, SEV2, SEV3, SEV4: write "SEV2"/],
    ['a severity that is a number', withFrontMatter('severity: 2'), 2, /^severity 2 is not one of SEV1, SEV2, SEV3, SEV4: use one of them/],
    ['a status off the list, with the status meant', withFrontMatter('status: complete'), 2, /^status "complete" is not one of draft, in-review, final: write "final"/],
    ['a start that is not ISO 8601', withFrontMatter('start: 2am'), 2, /^start "2am" is not an ISO 8601 date and time/],
    ['an end before the start', withFrontMatter('start: 2026-03-14T06:00:00Z', 'end: 2026-03-14T02:00:00Z'), 3, /^end "2026-03-14T02:00:00Z" is not after start/],
    ['a timezone the tool cannot read', withFrontMatter('timezone: Mars/Olympus'), 2, /^timezone "Mars\/Olympus" is not a timezone the tool knows/],
  ])('reports %s on its line', (_name, text, line, message) => {
    expect(runRule(rule, text)).toEqual([{ line, column: 1, message: expect.stringMatching(message) }]);
  });

  it('refuses a severities option that is not a list of names', () => {
    expect(rule.validateOptions?.({ severities: 'SEV1' })).toMatch(/"severities" must be a list/);
  });
});
