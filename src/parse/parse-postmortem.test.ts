import { describe, expect, it } from 'vitest';
import { PostmortemError } from '../model/errors.js';
import { parsePostmortem } from './parse-postmortem.js';
import { placeTimeline } from './timeline.js';
import { emptyPostmortem } from '../model/postmortem.js';

const parse = (text: string) => parsePostmortem(text, { filePath: 'incident.md' });

describe('plain label lines (the seed layout)', () => {
  const text = [
    'Issue Summary:',
    '- Duration: The queue was stalled from 9:15 AM to 11:45 AM (UTC).',
    '- Impact: Invoices were not sent. About 40% of customers waited for their receipts.',
    '- Root Cause: A worker pool was sized to zero by a bad default.',
    '',
    'Timeline:',
    '- 9:15 AM (UTC): The backlog alert fired.',
    '- Detection Method: A queue depth alert.',
    '- Escalation: Paged the billing team lead.',
    '',
    'Root Cause and Resolution:',
    '- Root Cause: The deploy tool read an empty value as zero workers.',
    '- Resolution: We set the pool size explicitly and redeployed.',
    '',
    'Corrective and Preventative Measures:',
    '- Improvements/Fixes:',
    '  - Validate pool sizes at deploy time.',
    '- Tasks:',
    '  - Add a minimum of one worker to the config schema (owner: Priya, due: 2026-04-01, priority: P2)',
    '  - [x] Alert when the worker count is zero',
  ].join('\n');
  const model = parse(text);

  it('reads the summary bullets', () => {
    expect(model.summary.durationMinutes).toBe(150);
    expect(model.summary.usersAffectedPercent).toBe(40);
    expect(model.summary.rootCause).toBe('A worker pool was sized to zero by a bad default.');
    expect(model.summary.impact).toMatch(/^Invoices were not sent\./);
    expect(model.timezone).toBe('UTC');
  });

  it('reads timed and labelled timeline entries', () => {
    expect(model.timeline.map((entry) => [entry.time, entry.label])).toEqual([
      ['9:15 AM (UTC)', null],
      [null, 'Detection Method'],
      [null, 'Escalation'],
    ]);
    expect(model.timeline[0]?.line).toBe(7);
  });

  it('splits root cause and resolution on their labels', () => {
    expect(model.rootCause).toBe('The deploy tool read an empty value as zero workers.');
    expect(model.resolution).toBe('We set the pool size explicitly and redeployed.');
  });

  it('reads nested improvements and tasks with annotations and checkboxes', () => {
    expect(model.correctiveActions.improvements).toEqual(['Validate pool sizes at deploy time.']);
    expect(model.correctiveActions.tasks).toEqual([
      { text: 'Add a minimum of one worker to the config schema', owner: 'Priya', due: '2026-04-01', priority: 'P2', issue: null, done: false, line: 19 },
      { text: 'Alert when the worker count is zero', owner: null, due: null, priority: null, issue: null, done: true, line: 20 },
    ]);
  });

  it('records where each section is', () => {
    expect(model.source?.sections.map((section) => [section.kind, section.line])).toEqual([
      ['summary', 1], ['timeline', 6], ['rootCauseAndResolution', 11], ['correctiveActions', 15],
    ]);
  });
});

describe('prose summary (the narrative layout)', () => {
  const model = parse([
    '## Issue Summary',
    '',
    'On March 3rd, 2026, between 11:20 PM and 1:05 AM (UTC-5), checkout requests failed, a two-hour outage.',
    'The issue affected 65% of shoppers, who saw a blank payment page.',
    '',
    '## Timeline',
    '',
    '- 11:20 PM: Error rate alert.',
    '- 11:50 PM: Rolled back the payments service.',
    '- 12:30 AM: Found the expired signing key.',
    '- 1:05 AM: Key rotated, errors stopped.',
  ].join('\n'));

  it('works out the window across midnight, with the offset', () => {
    expect(model.date).toBe('2026-03-03');
    expect(model.summary.start).toBe('2026-03-03T23:20:00-05:00');
    expect(model.summary.end).toBe('2026-03-04T01:05:00-05:00');
    expect(model.summary.durationMinutes).toBe(105);
    expect(model.summary.usersAffectedPercent).toBe(65);
    expect(model.timezone).toBe('UTC-5');
  });

  it('places entries after midnight on the next day because the window says so', () => {
    expect(model.timeline.map((entry) => entry.at)).toEqual([
      '2026-03-03T23:20:00-05:00',
      '2026-03-03T23:50:00-05:00',
      '2026-03-04T00:30:00-05:00',
      '2026-03-04T01:05:00-05:00',
    ]);
  });

  it('takes the quantified sentence as the impact', () => {
    expect(model.summary.impact).toBe('The issue affected 65% of shoppers, who saw a blank payment page.');
  });
});

describe('headings people write', () => {
  it.each([
    ['# Timeline'],
    ['#### Timeline'],
    ['##Timeline'],
    ['**Timeline:**'],
    ['TIMELINE'],
    ['3. Timeline'],
    ['## 🕒 Timeline (all times in UTC)'],
    ['## Timeline of events'],
    ['> **Timeline:**'],
  ])('%s starts the timeline', (heading) => {
    const model = parse(`${heading}\n\n- 10:00: Alert fired\n- 10:05: On-call acknowledged`);
    expect(model.timeline.map((entry) => entry.text)).toEqual(['Alert fired', 'On-call acknowledged']);
  });

  it.each([
    ['## Root Cause Analysis', 'rootCause'],
    ['## Contributing Factors', 'rootCause'],
    ['## Action Items', 'correctiveActions'],
    ['## Follow-ups', 'correctiveActions'],
    ['## Remediation', 'resolution'],
    ['## Lessons Learned', 'lessonsLearned'],
    ['## What went well', 'lessonsLearned'],
    ['## Conclusion', 'conclusion'],
    ['## Background', 'other'],
  ])('%s is recognised as %s', (heading, kind) => {
    const model = parse(`# A title\n\n${heading}\n\nSome words about it.`);
    expect(model.source?.sections[0]?.kind).toBe(kind);
  });

  it('keeps unknown sections with their heading, never dropping them', () => {
    const model = parse('# Cache outage\n\n## Summary\n\nThe cache fell over.\n\n## Glossary\n\nLRU: least recently used.');
    expect(model.title).toBe('Cache outage');
    expect(model.otherSections).toEqual([{ heading: 'Glossary', text: 'LRU: least recently used.', line: 7 }]);
  });

  it('ignores headings inside code fences', () => {
    const model = parse('## Root Cause\n\n```sh\n# Timeline\nrm -rf /tmp/cache\n```\n\nA cron job removed the cache.');
    expect(model.timeline).toEqual([]);
    expect(model.rootCause).toContain('A cron job removed the cache.');
  });

  it('reads a document pasted inside a markdown fence', () => {
    const model = parse('Here it is:\n\n```markdown\n## Timeline\n\n- 10:00: Alert fired\n- 10:02: Acked\n```\n');
    expect(model.timeline).toHaveLength(2);
    expect(model.timeline[0]?.line).toBe(6);
  });

  it('reads sections indented by accident', () => {
    const model = parse('Timeline:\n    - 10:00: Alert fired\n    - 10:02: Acked\n    - 10:30: Fixed');
    expect(model.timeline.map((entry) => entry.time)).toEqual(['10:00', '10:02', '10:30']);
  });
});

describe('combined root cause and resolution', () => {
  it('splits on bold labels', () => {
    const model = parse('## Root Cause and Resolution\n\n**Root cause:** A bad index.\n\n**Resolution:** We rebuilt the index.\n\nThen we verified it.');
    expect(model.rootCause).toBe('A bad index.');
    expect(model.resolution).toBe('We rebuilt the index.\n\nThen we verified it.');
  });

  it('splits on sub-headings', () => {
    const model = parse('## Root Cause and Resolution\n\n### Root Cause\n\nA bad index.\n\n### Resolution\n\nWe rebuilt it.');
    expect(model.rootCause).toBe('A bad index.');
    expect(model.resolution).toBe('We rebuilt it.');
  });

  it('splits on a paragraph that starts the fix', () => {
    const model = parse('## Root Cause and Resolution\n\nA bad index slowed every query.\n\nTo fix it, we rebuilt the index.');
    expect(model.rootCause).toBe('A bad index slowed every query.');
    expect(model.resolution).toBe('To fix it, we rebuilt the index.');
  });

  it('keeps everything as root cause when nothing marks the resolution', () => {
    const model = parse('## Root Cause and Resolution\n\nA bad index slowed every query, and rebuilding it helped.');
    expect(model.rootCause).toBe('A bad index slowed every query, and rebuilding it helped.');
    expect(model.resolution).toBeNull();
  });
});

describe('timeline formats', () => {
  it('reads a table with time, label and event columns', () => {
    const model = parse('---\ndate: 2026-02-10\ntimezone: UTC\n---\n## Timeline\n\n| Time | Label | Event |\n|---|---|---|\n| 14:05 | Detection | Alert on 5xx \\| rate |\n| 14:20 | | Rolled back |');
    expect(model.timeline).toEqual([
      { time: '14:05', at: '2026-02-10T14:05:00+00:00', label: 'Detection', text: 'Alert on 5xx | rate', kind: 'detection', line: 9 },
      { time: '14:20', at: '2026-02-10T14:20:00+00:00', label: null, text: 'Rolled back', kind: 'mitigation', line: 10 },
    ]);
  });

  it('uses day headings for dates and a timezone declared in the heading', () => {
    const model = parse('## Timeline (all times in PST)\n\n### 2026-01-05\n\n- 23:50 Deploy started\n\n### 2026-01-06\n\n- 00:10 Errors began');
    expect(model.timezone).toBe('PST');
    expect(model.timeline.map((entry) => entry.at)).toEqual(['2026-01-05T23:50:00-08:00', '2026-01-06T00:10:00-08:00']);
  });

  it('lets an entry name its own zone and date', () => {
    const model = parse('---\ndate: 2026-01-05\ntimezone: UTC-4\n---\n## Timeline\n\n- 2026-01-05 10:00 UTC: Paged\n- 07:00: Acked');
    expect(model.timeline.map((entry) => entry.at)).toEqual(['2026-01-05T10:00:00+00:00', '2026-01-05T07:00:00-04:00']);
  });

  it('reads lines that begin with a time, joining wrapped lines', () => {
    const model = parse('## Timeline\n\n15:27 - DNS change submitted\nfor review by the team.\n\n16:02 - Change merged.');
    expect(model.timeline.map((entry) => entry.text)).toEqual(['DNS change submitted for review by the team.', 'Change merged.']);
  });

  it('reads a label written in bold after a time', () => {
    const model = parse('## Timeline\n\n- 14:45: **Escalation:** Paged the database on-call.');
    expect(model.timeline[0]).toMatchObject({ time: '14:45', label: 'Escalation', text: 'Paged the database on-call.' });
  });

  it('finds a timeline under a heading that does not say so', () => {
    const model = parse('# Outage\n\n## What we did on March 2, 2026\n\n- 10:00 Alert\n- 10:10 Ack\n- 10:40 Fixed');
    expect(model.timeline.map((entry) => entry.at)).toEqual(['2026-03-02T10:00:00', '2026-03-02T10:10:00', '2026-03-02T10:40:00']);
  });
});

describe('corrective measures', () => {
  it('reads a task table', () => {
    const model = parse('## Action Items\n\n| Action item | Owner | Due | Priority | Done |\n|---|---|---|---|---|\n| Add a canary stage | Lee | 2026-05-01 | P1 | yes |\n| Write a runbook | | | | |');
    expect(model.correctiveActions.tasks).toEqual([
      { text: 'Add a canary stage', owner: 'Lee', due: '2026-05-01', priority: 'P1', issue: null, done: true, line: 5 },
      { text: 'Write a runbook', owner: null, due: null, priority: null, issue: null, done: false, line: 6 },
    ]);
  });

  it('reads a checkbox Done column of a task table: [x] is done, [ ] is not', () => {
    const model = parse('## Action Items\n\n| Task | Done |\n|---|---|\n| Add a canary stage | [x] |\n| Write a runbook | [X] |\n| Tune alerts | [ ] |');
    expect(model.correctiveActions.tasks.map((task) => task.done)).toEqual([true, true, false]);
  });

  it('treats an unlabelled list under an action items heading as tasks, and under measures as improvements', () => {
    expect(parse('## Action Items\n\n- Add alerts').correctiveActions.tasks.map((task) => task.text)).toEqual(['Add alerts']);
    expect(parse('## Corrective and Preventative Measures\n\n- Add alerts').correctiveActions.improvements).toEqual(['Add alerts']);
  });

  it('reads lists under prose labels', () => {
    const model = parse('## Corrective and Preventative Measures\n\nWe will make these improvements:\n\n- Faster alerts\n\nTasks to track include:\n\n- Tune the alert threshold');
    expect(model.correctiveActions.improvements).toEqual(['Faster alerts']);
    expect(model.correctiveActions.tasks.map((task) => task.text)).toEqual(['Tune the alert threshold']);
  });
});

describe('front matter', () => {
  it('reads metadata from YAML and content from the body', () => {
    const model = parse('---\ntitle: Disk full on db-2\ndate: 2026-03-14\nseverity: SEV2\nstatus: in-review\nauthors: [Dana, Sam]\ntimezone: America/New_York\nstart: 2026-03-14T02:00:00-04:00\nend: 2026-03-14T03:30:00-04:00\n---\n## Summary\n\nThe disk filled up.\n');
    expect(model).toMatchObject({
      title: 'Disk full on db-2', date: '2026-03-14', severity: 'SEV2', status: 'in-review', authors: ['Dana', 'Sam'], timezone: 'America/New_York',
      summary: { start: '2026-03-14T02:00:00-04:00', end: '2026-03-14T03:30:00-04:00', durationMinutes: 90, text: 'The disk filled up.' },
    });
    expect(model.source?.sections[0]?.line).toBe(11);
  });

  it('refuses JavaScript front matter without running it', () => {
    const marker = '__postmortem_front_matter_ran__';
    const text = `---js\n{ title: (globalThis.${marker} = true, 'x') }\n---\nbody`;
    expect(() => parse(text)).toThrow(PostmortemError);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it.each([
    ['---\ntitle: ok\ndate: [unclosed\n---\nbody', 3],
    ['---\ntitle: ok\nseverity: SEV2\nstatus: draft\nauthors:\n  - Dana\n - Sam\n---\nbody', 7],
  ])('reports invalid YAML with the file line of the mistake', (text, line) => {
    try {
      parse(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PostmortemError);
      expect((error as PostmortemError).format()).toMatch(new RegExp(`^incident\\.md:${line}: invalid YAML front matter`));
    }
  });

  it('keeps dates as strings', () => {
    const model = parse('---\ndate: 2026-03-14\ntime: 12:30\nflag: yes\n---\n');
    expect(model.date).toBe('2026-03-14');
    expect(model.source?.frontMatter).toEqual({ date: '2026-03-14', time: '12:30', flag: 'yes' });
  });

  it.each([
    ['nested a few at a time', ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a]', 'c: &c [*b, *b, *b]', 'd: [*c, *c, *c]'], 3],
    ['pointing at itself', ['title: ok', 'extra: &x [*x]'], 3],
  ])('refuses YAML aliases (%s) instead of expanding them', (_name, lines, line) => {
    const text = ['---', ...lines, '---', 'body'].join('\n');
    expect(() => parse(text)).toThrow(/^invalid YAML front matter: aliases \(\*name\) are not allowed in front matter$/);
    try {
      parse(text);
      expect.unreachable();
    } catch (error) {
      expect((error as PostmortemError).format()).toMatch(new RegExp(`^incident\\.md:${line}: `));
    }
  });

  it.each([['\n'], ['\r\n']])('reports the line of a YAML mistake with %j line ends', (newline) => {
    const text = ['---', 'title: ok', 'date: [unclosed', '---', 'body'].join(newline);
    try {
      parse(text);
      expect.unreachable();
    } catch (error) {
      expect((error as PostmortemError).format()).toMatch(/^incident\.md:3: invalid YAML front matter/);
    }
  });

  it('refuses a YAML tag that would build something other than data, naming its line', () => {
    const marker = '__postmortem_yaml_tag_ran__';
    expect(() => parse(`---\ndate: 2026-03-14\ntitle: !!js/function "function () { globalThis.${marker} = true }"\n---\n`)).toThrow(/^invalid YAML front matter: unknown scalar tag/);
    try {
      parse('---\ndate: 2026-03-14\ntitle: !!js/function "function () {}"\n---\n');
      expect.unreachable();
    } catch (error) {
      expect((error as PostmortemError).format()).toMatch(/^incident\.md:3: /);
    }
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });
});

describe('input that is not a postmortem', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\n  '],
    ['binary-ish', '\u0000\u0001\u0002 PNG'],
    ['only a table', '| a |\n|---|\n| b |'],
    ['deep nesting', '- '.repeat(500) + 'x'],
    ['long line', 'x'.repeat(200000)],
    ['crlf', '## Timeline\r\n\r\n- 10:00: Alert\r\n'],
    ['150,000 timeline entries', `## Timeline\n\n${'- 10:00: Alert fired\n'.repeat(150000)}`],
    ['100,000 tasks', `## Action Items\n\n${'- [ ] Add an alert\n'.repeat(100000)}`],
  ])('%s parses to a model with every key', (_name, text) => {
    const model = parse(text);
    expect(Object.keys(model)).toEqual(expect.arrayContaining(['title', 'date', 'summary', 'timeline', 'correctiveActions', 'otherSections']));
    expect(Array.isArray(model.timeline)).toBe(true);
  });
});

describe('placeTimeline', () => {
  it('works out instants from written times, date and timezone, keeping given ones', () => {
    const model = {
      ...emptyPostmortem(),
      date: '2026-04-02',
      timezone: 'UTC+2',
      summary: { ...emptyPostmortem().summary, start: '2026-04-02T23:00:00+02:00', end: '2026-04-03T01:00:00+02:00' },
      timeline: [
        { time: '11:00 PM', at: null, label: null, text: 'Alert' },
        { time: '00:30', at: null, label: null, text: 'Fixed' },
        { time: '2026-04-03 00:45 UTC', at: null, label: null, text: 'Verified' },
        { time: 'noonish', at: null, label: null, text: 'Unreadable time' },
        { time: '01:00', at: '2026-04-03T01:00:00+02:00', label: null, text: 'Given' },
      ],
    };
    expect(placeTimeline(model).timeline.map((entry) => entry.at)).toEqual([
      '2026-04-02T23:00:00+02:00',
      '2026-04-03T00:30:00+02:00',
      '2026-04-03T00:45:00+00:00',
      null,
      '2026-04-03T01:00:00+02:00',
    ]);
  });
});

describe('measures written without list syntax', () => {
  it('reads one measure a line under a label', () => {
    const model = parse('## Corrective and Preventative Measures\n\nWe are taking these measures:\n\nWe added a second DNS provider.\nWe test failover every month.\n\nThat should keep the site up.');
    expect(model.correctiveActions.improvements).toEqual(['We added a second DNS provider.', 'We test failover every month.']);
  });
  it('reads dashes without a space as items', () => {
    const model = parse('## Corrective and Preventative Measures\n\nHere is what we will do:\n-alert on certificate expiry\n-renew certificates automatically');
    expect(model.correctiveActions.improvements).toEqual(['alert on certificate expiry', 'renew certificates automatically']);
  });
  it('leaves wrapped prose alone', () => {
    const model = parse('## Corrective and Preventative Measures\n\nWe will review how we handle\ncertificates across all services.');
    expect(model.correctiveActions.improvements).toEqual([]);
  });
});

describe('readings found by the lint rules on real files', () => {
  it('keeps a plain "Root Cause:" line in the summary as its field', () => {
    const model = parse('Issue Summary:\nDuration: 10:00 to 11:00 UTC\nRoot Cause: A full disk.\n\nTimeline:\n- 10:00: Alert');
    expect(model.summary.rootCause).toBe('A full disk.');
    expect(model.rootCause).toBeNull();
  });

  it('reads a summary label whose value is on the nested lines below', () => {
    const model = parse('## Issue Summary\n\n- **Root Cause:**\n  - A full disk on the primary.\n- **Impact:** Writes failed.');
    expect(model.summary.rootCause).toBe('A full disk on the primary.');
    expect(model.summary.impact).toBe('Writes failed.');
  });

  it('keeps labelled bullets inside a timeline', () => {
    const model = parse('Timeline:\n- 10:00: Alert fired\n- **Actions Taken:**\n- 10:20: Restarted the service\n\n## Root Cause\n\nA leak.');
    expect(model.timeline.map((entry) => entry.time)).toEqual(['10:00', null, '10:20']);
    expect(model.correctiveActions.improvements).toEqual([]);
  });

  it('reads a bare section name as a heading', () => {
    const model = parse('Timeline\n- 10:00: Alert\n\nCorrective and Preventative Measures\n- Add disk alerts');
    expect(model.correctiveActions.improvements).toEqual(['Add disk alerts']);
  });

  it('does not let an HTML line swallow the heading after it', () => {
    const model = parse('## Timeline\n\n- 10:00: Alert\n<br>\nResolution and Recovery\n\nWe restarted it.');
    expect(model.resolution).toBe('We restarted it.');
  });

  it('reads windows with dates and emphasis around the times', () => {
    const italic = parse('## Summary\n\n*October 7, 2023, 10:00 AM - October 7, 2023, 11:30 AM (UTC)*');
    expect([italic.summary.start, italic.summary.end]).toEqual(['2023-10-07T10:00:00+00:00', '2023-10-07T11:30:00+00:00']);
    const bold = parse('## Summary\n\nFrom **Jun 26, 2023 6:00 AM** to **Jun 28, 2023 6:00 AM (UTC-4)**.');
    expect([bold.summary.start, bold.summary.end, bold.summary.durationMinutes]).toEqual(['2023-06-26T06:00:00-04:00', '2023-06-28T06:00:00-04:00', 2880]);
  });

  it('keeps the offset of a zone written out in words and takes it as the timezone', () => {
    const model = parse('Issue Summary:\nDuration: March 2, 2026, 9:15 AM - 11:40 AM (South African Standard Time, UTC+2)\n');
    expect([model.summary.start, model.summary.end]).toEqual(['2026-03-02T09:15:00+02:00', '2026-03-02T11:40:00+02:00']);
    expect(model.timezone).toBe('South African Standard Time, UTC+2');
  });

  it('reads a zone followed by words, and a bare "all times" line', () => {
    expect(parse('## Summary\n\nfrom 2:00 AM to 3:00 AM GMT logins failed for 2026-01-02 users').timezone).toBe('GMT');
    const model = parse('---\ndate: 2026-01-02\n---\n## Timeline\n\n( All times EDT )\n\n- 10:00 Alert');
    expect(model.timeline[0]?.at).toBe('2026-01-02T10:00:00-04:00');
  });

  it('reads a bold date entry as a date, not a time', () => {
    const model = parse('## Timeline\n\n- **Jun 4, 2025**: The release shipped.\n- **Jun 5, 2025**: A fix was merged.');
    expect(model.timeline.map((entry) => [entry.time, entry.at])).toEqual([['Jun 4, 2025', '2025-06-04'], ['Jun 5, 2025', '2025-06-05']]);
  });
});

describe('midnight and misordered entries', () => {
  it('keeps an out-of-order entry on its day when the next day would fall outside the window', () => {
    const model = parse('---\ndate: "2026-03-14"\ntimezone: "UTC"\nstart: "2026-03-14T23:00:00+00:00"\nend: "2026-03-15T01:00:00+00:00"\n---\n## Timeline\n- 23:30: a\n- 23:10: b\n- 00:20: c');
    expect(model.timeline.map((entry) => entry.at)).toEqual(['2026-03-14T23:30:00+00:00', '2026-03-14T23:10:00+00:00', '2026-03-15T00:20:00+00:00']);
  });
});

describe('heading text', () => {
  it('keeps underscores inside words and drops emphasis around the whole heading', () => {
    const model = parse('# Outage\n\n## Why my_var__x and __init__ broke\n\nText.\n\n## **Glossary**\n\nMore.');
    expect(model.otherSections.map((section) => section.heading)).toEqual(['Why my_var__x and __init__ broke', 'Glossary']);
  });
});

describe('collection metadata', () => {
  it('reads services, tags, reviewers and the review date from the front matter', () => {
    const model = parsePostmortem('---\nservices: [checkout-api, payments]\ntags: config-change, missing-alert\nreviewers:\n  - Ade Okafor\nreviewed_at: 2026-03-20\n---\n# T\n');
    expect([model.services, model.tags, model.reviewers, model.reviewedAt]).toEqual([['checkout-api', 'payments'], ['config-change', 'missing-alert'], ['Ade Okafor'], '2026-03-20']);
  });

  it('reads a tracker reference from a task annotation and from an Issue column', () => {
    const model = parsePostmortem('## Action Items\n\n- [ ] Add a canary (owner: Lee, issue: https://tracker.example.com/issues/7, due: 2026-05-01)\n- [ ] Page on queue depth (ticket: OPS-42)\n\n| Task | Issue |\n|---|---|\n| Write a runbook | #123 |\n');
    expect(model.correctiveActions.tasks.map((task) => [task.text, task.owner, task.due, task.issue])).toEqual([
      ['Add a canary', 'Lee', '2026-05-01', 'https://tracker.example.com/issues/7'],
      ['Page on queue depth', null, null, 'OPS-42'],
      ['Write a runbook', null, null, '#123'],
    ]);
  });
});

describe('the impact duration from front matter start and end', () => {
  it('reads times without an offset in the declared zone, across a daylight-saving change, whatever the machine\'s zone', () => {
    // America/New_York, 8 March 2026: 01:30 EST to 04:00 EDT is 90 minutes, not 150.
    const model = parse('---\ntimezone: America/New_York\nstart: "2026-03-08T01:30:00"\nend: "2026-03-08T04:00:00"\n---\n# Resolver outage\n');
    expect(model.summary.durationMinutes).toBe(90);
    // Without a zone they are read as UTC, the same on every machine.
    expect(parse('---\nstart: "2026-03-08T01:30:00"\nend: "2026-03-08T04:00:00"\n---\n# Resolver outage\n').summary.durationMinutes).toBe(150);
  });
});
