import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './no-placeholders.js';

describe('no-placeholders', () => {
  it.each([
    ['a finished document', markdown('## Summary', 'Search failed for 40 minutes.', '', '## Timeline', '- 09:00 UTC: Alert fired.')],
    ['placeholders in code fences and inline code', markdown('## Resolution', 'We ran `sed -i s/TODO//` on the config:', '```sh', '# TODO: remove after the migration', 'echo {{name}}', '```')],
    ['notes to the writer in HTML comments', markdown('## Summary', '<!-- TODO: ask Dana for the numbers -->', 'Search failed for 40 minutes.')],
    ['lower-case words that only look like markers', markdown('## Summary', 'Our todo list app and the xxx-large tier were fine.')],
    ['a section whose content is under deeper headings', markdown('## Root Cause and Resolution', '### Root Cause', 'A bad default.', '### Resolution', 'We set it.')],
    ['a section whose content sits on its heading line', markdown('Impact: 40% of users', 'Timeline:', '- 9:00: Alert.')],
    ['a heading that is only a date', markdown('# Phishing', '## 3.4.2020', '## Summary', 'A phishing mail reached three people.')],
    ['a section that holds only code', markdown('## Resolution', '```', 'kubectl rollout undo deploy/api', '```')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it.each([
    ['TODO', 'Impact: TODO', 'Placeholder "TODO"', 9],
    ['TBD', 'Owner: TBD', 'Placeholder "TBD"', 8],
    ['XXX', 'About XXX users were affected.', 'Placeholder "XXX"', 7],
    ['FIXME', 'FIXME add the graph', 'Placeholder "FIXME"', 1],
    ['lorem ipsum', 'Lorem ipsum dolor sit amet.', 'Filler text "lorem ipsum"', 1],
    ['an [insert ...] instruction', 'The outage lasted [insert duration].', 'Template instruction "[insert duration]"', 19],
    ['an instruction with a link in it', '[Insert the summary. See [the guide](https://example.com) for tone.]', 'Template instruction "[Insert the summary. See [the guide](https://example.com) for tone.]"', 1],
    ['an instruction with brackets in it', 'Link: [Insert link to [dashboard]]', 'Template instruction "[Insert link to [dashboard]]"', 7],
    ['an instruction in angle brackets with one inside', 'Team: <insert <team> name here>', 'Template instruction "<insert <team> name here>"', 7],
    ['an unrendered template field', 'Impact: {{impact}}', 'Unrendered template field "{{impact}}"', 9],
    ['a time placeholder', '- XX:XX UTC: Alert fired.', 'Placeholder time "XX:XX"', 3],
  ])('reports %s with its column', (_name, line, message, column) => {
    const problems = runRule(rule, markdown('## Summary', line));
    expect(problems).toEqual([expect.objectContaining({ line: 2, column, message: expect.stringContaining(message) })]);
  });

  it.each([
    ['a heading followed by another section', markdown('## Summary', 'x', '', '## Root Cause', '', '## Resolution', 'y'), 4, 'Root Cause'],
    ['a heading with only an HTML comment under it', markdown('## Summary', 'x', '## Impact', '<!-- Who was affected? -->', '## Timeline', '- 9:00: a'), 3, 'Impact'],
    ['a last section with nothing under it', markdown('## Summary', 'x', '## Lessons Learned', ''), 3, 'Lessons Learned'],
  ])('reports an empty section: %s', (_name, text, line, heading) => {
    expect(runRule(rule, text)).toEqual([{ line, message: `The "${heading}" section is empty: write it, or remove the heading if it does not apply` }]);
  });
});
