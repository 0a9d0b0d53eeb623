import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule, { type RequiredSectionsOptions } from './required-sections.js';

const complete = markdown(
  '# Search went dark',
  '',
  '## Summary',
  'Search returned no results for 40 minutes.',
  '',
  '## Timeline',
  '- 09:00 UTC: Alert fired.',
  '',
  '## Root Cause',
  'An index alias pointed at an empty index.',
  '',
  '## Resolution',
  'We pointed the alias back.',
  '',
  '## Action Items',
  '- Add a check that the alias target has documents.',
);

describe('required-sections', () => {
  it.each<[string, string, Partial<RequiredSectionsOptions>]>([
    ['a document with every default section', complete, {}],
    ['synonyms the parser knows (Overview, Chronology, Cause, Mitigation, Follow-ups)', markdown('## Overview', 'x', '## Chronology', '- 09:00: a', '## Cause', 'y', '## Mitigation', 'z', '## Follow-ups', '- Add it'), {}],
    ['a combined Root Cause and Resolution section, which counts for both', markdown('Issue Summary:', 'x', 'Timeline:', '- 9:00 AM: a', 'Root Cause and Resolution:', 'y', 'Corrective and Preventative Measures:', '- Add z'), {}],
    ['a configured list that leaves out what is missing', markdown('## Summary', 'x', '## Timeline', '- 09:00: a'), { sections: ['summary', 'timeline'] }],
  ])('accepts %s', (_name, text, options) => {
    expect(runRule(rule, text, options)).toEqual([]);
  });

  it.each<[string, string, Partial<RequiredSectionsOptions>, string[]]>([
    ['a missing timeline', complete.replace('## Timeline\n- 09:00 UTC: Alert fired.\n', ''), {}, ['Timeline']],
    ['missing root cause and resolution', markdown('## Summary', 'x', '## Timeline', '- 09:00: a', '## Action Items', '- Add z'), {}, ['Root Cause', 'Resolution']],
    ['a missing lessons learned section when configured', complete, { sections: ['summary', 'lessonsLearned'] }, ['Lessons Learned']],
  ])('reports %s', (_name, text, options, headings) => {
    const problems = runRule(rule, text, options);
    expect(problems.map((problem) => /Missing a (.+?) section/.exec(problem.message)?.[1])).toEqual(headings);
  });

  it('points at the first line after the front matter and says what to add', () => {
    const [problem] = runRule(rule, markdown('---', 'title: x', '---', '## Summary', 'x'), { sections: ['timeline'] });
    expect(problem).toMatchObject({ line: 4, message: expect.stringContaining('add a "## Timeline" heading') });
  });

  it('refuses an unknown section name in its options', () => {
    expect(rule.validateOptions?.({ sections: ['summary', 'postmortem'] })).toMatch(/unknown value "postmortem"/);
    expect(rule.validateOptions?.({ sections: 'summary' })).toMatch(/list of non-empty strings/);
  });
});
