import { describe, expect, it } from 'vitest';
import { markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule from './timeline-milestones.js';

describe('timeline-milestones', () => {
  it.each([
    ['milestones by label', markdown('Timeline:', '- 8:00 AM (UTC): Things slowed down.', '- Detection Method: A latency alert.', '- Escalation: Security joined.', '- Resolution: Rate limits went in.')],
    ['milestones by wording', markdown('## Timeline', '- 2:00 AM: Monitoring alerted on CPU.', '- 5:30 AM: The incident was escalated to the security team.', '- 6:00 AM: The site was fully restored.')],
    ['present-tense wording', markdown('## Timeline', '- 13:00: Monitoring alert notifies the SRE.', '- 13:11: SRE escalates to a senior SRE.', '- 13:12: Senior SRE fixes the config file.')],
    ['a timed entry with a label after the time', markdown('## Timeline', '- 14:02 UTC: **Detection:** p99 alert.', '- 14:10 UTC: **Escalation:** paged the DBA.', '- 14:40 UTC: **Mitigation:** failed over.')],
    ['questions as labels', markdown('## Timeline', '- How was the issue detected: A nightly smoke test failed', '- Which team was it escalated to: The platform team', '- How the incident was resolved: Port 80 was opened again')],
    ['a document without a timeline, which required-sections reports', markdown('## Summary', 'Nothing to see.')],
  ])('accepts %s', (_name, text) => {
    expect(runRule(rule, text)).toEqual([]);
  });

  it.each([
    ['no escalation', markdown('# Outage', '## Timeline', '- 14:30 UTC: Users reported errors.', '- 15:55 UTC: The site was back online.'), ['escalation']],
    ['nothing but investigation', markdown('## Timeline', '- 10:35: Checked the logs.', '- 10:45: Looked at recent commits.'), ['detection', 'escalation', 'resolution']],
  ])('reports %s, at the timeline heading', (_name, text, missing) => {
    const problems = runRule(rule, text);
    expect(problems.map((problem) => /does not show (\w+)/.exec(problem.message)?.[1])).toEqual(missing);
    expect(new Set(problems.map((problem) => problem.line))).toEqual(new Set([text.split('\n').findIndex((line) => line.startsWith('## Timeline')) + 1]));
  });
});
