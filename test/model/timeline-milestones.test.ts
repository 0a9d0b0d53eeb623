import { describe, expect, it } from 'vitest';
import { emptyPostmortem, type TimelineEntry } from '../../src/model/postmortem.js';
import { classifyTimelineEntry, incidentMilestones, timelineEntryKind, timelineShows } from '../../src/model/timeline-milestones.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';

const entry = (at: string | null, text: string, label: string | null = null, line?: number): TimelineEntry => ({ time: at ? at.slice(11, 16) : null, at, label, text, ...(line ? { line } : {}) });

describe('timeline entry kinds', () => {
  it.each([
    [{ label: 'Acknowledged', text: 'Dana took the page.' }, 'escalation'],
    [{ label: null, text: 'Acknowledged by the payments on-call.' }, 'escalation'],
    [{ label: 'Detection', text: 'Anything.' }, 'detection'],
    [{ label: null, text: 'The alert did not fire.' }, 'event'],
    [{ label: null, text: 'Rolled back to release 41.' }, 'mitigation'],
  ] as const)('reads %j as %s', (input, kind) => {
    expect(classifyTimelineEntry(input)).toBe(kind);
  });

  // One entry for each way the detection pattern reads an entry (a word of each is in
  // the pattern's pretest, which keeps entries without one from the pattern).
  it.each([
    'Alerts fired for high latency.',
    'An alert was raised on the queue.',
    'The on-call engineer was alerted.',
    'Grafana triggered multiple alerts.',
    'Dana was paged.',
    'Paging the database team.',
    'Pager went off at night.',
    'Errors detected on checkout.',
    'Support noticed slow pages.',
    'We discovered the bad config.',
    'The cause was identified.',
    'Monitoring flagged the error rate.',
    'On-call was notified by the vendor.',
    'First user reports arrived.',
    'Customers reported failed payments.',
    'Users reported timeouts.',
  ])('reads %j as detection', (text) => {
    expect(classifyTimelineEntry({ label: null, text })).toBe('detection');
  });

  it('prefers the kind stored on the entry, as an answers file may give it', () => {
    expect(timelineEntryKind({ label: null, text: 'Rolled back.', kind: 'resolution' })).toBe('resolution');
  });

  it('is stored on every parsed entry', () => {
    const model = parsePostmortem('---\ndate: 2026-02-10\ntimezone: UTC\n---\n## Timeline\n\n- 14:05: **Detection:** The p99 alert fired.\n- 14:20: We rolled back the release.\n- 14:30: Lunch.\n');
    expect(model.timeline.map((item) => item.kind)).toEqual(['detection', 'mitigation', 'event']);
  });

  it('lets lint find a milestone by its wording when the entry is mainly about something else', () => {
    expect(timelineShows([entry(null, 'We looked at the graphs and paged the DBA.')], 'escalation')).toBe(true);
    expect(timelineShows([entry(null, 'We looked at the graphs.')], 'escalation')).toBe(false);
  });
});

describe('incidentMilestones', () => {
  it('takes the earliest entry of each kind, the summary window first for start and end', () => {
    const postmortem = {
      ...emptyPostmortem(),
      timezone: 'UTC',
      summary: { ...emptyPostmortem().summary, start: '2026-02-10T14:00:00Z', end: null },
      timeline: [
        entry('2026-02-10T14:30:00Z', 'Escalated to the DBA.', null, 7),
        entry('2026-02-10T14:10:00Z', 'Detected by a customer.', 'Detection', 5),
        entry('2026-02-10T14:20:00Z', 'Escalated to the platform team.', null, 6),
        entry('2026-02-10T15:00:00Z', 'Service restored.', null, 9),
        entry(null, 'Untimed detection note.', 'Detection', 3),
      ],
    };
    expect(incidentMilestones(postmortem)).toEqual({
      impactStart: { at: '2026-02-10T14:00:00Z', from: 'summary', line: null },
      detected: { at: '2026-02-10T14:10:00Z', from: 'timeline', line: 5 },
      acknowledged: { at: '2026-02-10T14:20:00Z', from: 'timeline', line: 6 },
      mitigated: null,
      resolved: { at: '2026-02-10T15:00:00Z', from: 'timeline', line: 9 },
    });
  });

  it('falls back to an impact entry for the start, and gives null for what the document does not say', () => {
    const postmortem = { ...emptyPostmortem(), timeline: [entry('2026-02-10T09:00:00', 'Impact began: logins failed.', 'Impact start')] };
    const milestones = incidentMilestones(postmortem);
    expect(milestones.impactStart).toEqual({ at: '2026-02-10T09:00:00', from: 'timeline', line: null });
    expect([milestones.detected, milestones.acknowledged, milestones.mitigated, milestones.resolved]).toEqual([null, null, null, null]);
  });
});
