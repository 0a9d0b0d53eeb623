import { describe, expect, it } from 'vitest';
import { applyFixes, markdown, runRule } from '../../../test/lint/rule-harness.js';
import rule, { type ActionItemsSpecificOptions } from './action-items-specific.js';

const tasks = (...items: string[]): string => markdown('## Action Items', ...items);

describe('action-items-specific', () => {
  it.each<[string, string, Partial<ActionItemsSpecificOptions>]>([
    ['tasks that start with a verb', tasks('- Add an alert when the queue is deeper than 1,000.', '- Document the failover runbook.'), {}],
    ['an owner or subject before the verb', tasks('- ICL to build 22.0.3', '- Hypha will run the full test suite for every upgrade', '- The deploy script should refuse an empty pool size'), {}],
    ['a topic label before the verb', tasks('- Monitoring: add an alert on disk usage.'), {}],
    ['-ing and past forms', tasks('- Implementing rate limits on the login API.', '- [x] Rotated the leaked key.'), {}],
    ['"improve" with how', tasks('- Improve monitoring to detect traffic spikes within a minute.'), {}],
    ['a task table with owners and due dates when both are required', markdown('## Action Items', '| Action | Owner | Due |', '|---|---|---|', '| Add a schema check for pool sizes | Priya | 2026-04-01 |'), { requireOwner: true, requireDueDate: true }],
    ['a done task without owner or due date when both are required', tasks('- [x] Alert when the worker count is zero'), { requireOwner: true, requireDueDate: true }],
    ['broad improvements, which need not start with a verb', markdown('## Corrective and Preventative Measures', '- Better DDoS protection.'), {}],
    ['an unfenced shell command in the list', tasks('- cat /etc/nginx/sites-available/default > /etc/nginx/sites-enabled/default'), {}],
  ])('accepts %s', (_name, text, options) => {
    expect(runRule(rule, text, options)).toEqual([]);
  });

  it.each<[string, string, Partial<ActionItemsSpecificOptions>, RegExp[]]>([
    ['a noun phrase', tasks('- Development of a release process'), {}, [/"Development of a release process" does not start with a verb/]],
    ['an attitude', tasks('- Be more careful when editing firewall rules.'), {}, [/is an attitude, not an action/]],
    ['an attitude after a subject', tasks('- Engineers should pay more attention to alerts.'), {}, [/is an attitude, not an action/]],
    ['an attitude among broad improvements', markdown('## Corrective and Preventative Measures', '- Be more careful with deploys.'), {}, [/is an attitude/]],
    ['an attitude with its subject among broad improvements', markdown('## Corrective and Preventative Measures', '- We will be more careful with deploys.'), {}, [/is an attitude/]],
    ['an attitude starting "Paying"', tasks('- Paying more attention.'), {}, [/is an attitude, not an action/]],
    ...['We will be vigilant.', 'Being thorough on reviews.', 'Try harder next time.', 'Trying harder.', 'Take more care.', "Don't let this happen again.", 'Do not let it happen again.', 'Never let this happen again.', 'Learn from our mistakes.'].map(
      (sentence) => [`the attitude "${sentence}"`, tasks(`- ${sentence}`), {}, [/is an attitude, not an action/]] as [string, string, object, RegExp[]],
    ),
    ['"improve X" alone', tasks('- Improve monitoring.'), {}, [/names a direction but not the change/]],
    ['a task that is only a link', tasks('- https://github.com/example/app/issues/8567'), {}, [/is only a reference: say what the task is/]],
    ['a missing owner and due date when required', tasks('- Add a canary stage to the deploy.'), { requireOwner: true, requireDueDate: true }, [/^No owner for "Add a canary stage/, /^No due date for "Add a canary stage/]],
  ])('reports %s', (_name, text, options, messages) => {
    const problems = runRule(rule, text, options);
    expect(problems.map((problem) => problem.message)).toEqual(messages.map((message) => expect.stringMatching(message)));
    expect(problems.every((problem) => problem.line === 2)).toBe(true);
  });

  describe('checklist syntax', () => {
    it.each([
      ['- []  Add an alert', '- [ ] Add an alert'],
      ['-[x] Add an alert', '- [x] Add an alert'],
      ['* [X ] Add an alert', '* [X] Add an alert'],
      ['- [ x] Add an alert', '- [x] Add an alert'],
      ['1. [x]Add an alert', '1. [x] Add an alert'],
      ['  - [  ] Add an alert', '  - [ ] Add an alert'],
    ])('fixes "%s" to "%s"', (written, fixed) => {
      const text = tasks('- [ ] Document the runbook', written);
      const problems = runRule(rule, text).filter((problem) => problem.fix);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 3, message: expect.stringMatching(/^Malformed checkbox/) });
      expect(applyFixes(text, problems)).toBe(tasks('- [ ] Document the runbook', fixed));
    });

    it.each(['- [ ] Add an alert', '- [x] Add an alert', '* [X] Add an alert', '- [link](https://example.com) Add an alert'])('leaves "%s" alone', (written) => {
      expect(runRule(rule, tasks(written)).filter((problem) => problem.fix)).toEqual([]);
    });

    it('only looks in the corrective measures', () => {
      expect(runRule(rule, markdown('## Lessons Learned', '-[x] We got lucky'))).toEqual([]);
    });
  });

  it('refuses options that are not true or false', () => {
    expect(rule.validateOptions?.({ requireOwner: 'yes' })).toMatch(/"requireOwner" must be true or false/);
    expect(rule.validateOptions?.({ requireOwner: true, requireDueDate: false })).toBeNull();
  });
});
