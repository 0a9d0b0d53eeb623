import { describe, expect, it } from 'vitest';
import { incidentMetrics } from '../../src/collection/incident-metrics.js';
import { emptyPostmortem, emptySummary, type Postmortem, type TimelineEntry } from '../../src/model/postmortem.js';
import { parsePostmortem } from '../../src/parse/parse-postmortem.js';

const entry = (at: string | null, text: string, label: string | null = null): TimelineEntry => ({ time: at ? at.slice(11, 16) : null, at, label, text });

function incident(fields: { timezone?: string | null; start?: string | null; end?: string | null; durationMinutes?: number | null; timeline?: TimelineEntry[] }): Postmortem {
  return {
    ...emptyPostmortem(),
    timezone: fields.timezone ?? 'UTC',
    summary: { ...emptySummary(), start: fields.start ?? null, end: fields.end ?? null, durationMinutes: fields.durationMinutes ?? null },
    timeline: fields.timeline ?? [],
  };
}

const times = (postmortem: Postmortem) => {
  const { milestones: _milestones, ...rest } = incidentMetrics(postmortem);
  return rest;
};

describe('incidentMetrics', () => {
  it('measures each milestone from the summary start, and resolution as the impact duration', () => {
    const postmortem = incident({
      start: '2026-02-10T14:00:00Z',
      end: '2026-02-10T15:30:00Z',
      timeline: [
        entry('2026-02-10T14:12:00Z', 'The error-rate alert fired.', 'Detection'),
        entry('2026-02-10T14:20:00Z', 'Escalated to the database team.'),
        entry('2026-02-10T14:45:00Z', 'Rolled back the release.'),
        entry('2026-02-10T15:10:00Z', 'Service restored.'),
      ],
    });
    // Resolution is the summary window (90 min), not the 15:10 entry (70 min).
    expect(times(postmortem)).toEqual({ timeToDetect: 12, timeToAcknowledge: 20, timeToMitigate: 45, timeToResolve: 90 });
    expect(incidentMetrics(postmortem).milestones.impactStart).toEqual({ at: '2026-02-10T14:00:00Z', from: 'summary', line: null });
  });

  it('takes the earliest entry of a kind, whatever the order of the timeline', () => {
    const postmortem = incident({
      start: '2026-02-10T14:00:00Z',
      timeline: [
        entry('2026-02-10T14:30:00Z', 'Paged the on-call again.', 'Detection'),
        entry('2026-02-10T14:05:00Z', 'First alert.', 'Detection'),
      ],
    });
    expect(times(postmortem).timeToDetect).toBe(5);
  });

  it('starts from the earliest impact entry without a summary start, and resolves at the earliest resolution entry', () => {
    const postmortem = incident({
      timeline: [
        entry('2026-02-10T09:00:00Z', 'A config push went out.'),
        entry('2026-02-10T09:10:00Z', 'Errors began for EU users.', 'Impact start'),
        entry('2026-02-10T09:25:00Z', 'Alert fired for elevated 5xx.'),
        entry('2026-02-10T10:40:00Z', 'Service restored for everyone.'),
      ],
    });
    expect(times(postmortem)).toEqual({ timeToDetect: 15, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 90 });
  });

  it('counts a milestone written before impact start as 0, not a negative time', () => {
    const postmortem = incident({
      start: '2026-02-10T10:00:00Z',
      end: '2026-02-10T10:30:00Z',
      timeline: [entry('2026-02-10T09:57:00Z', 'The latency alert fired on the first slow requests.'), entry('2026-02-10T10:05:00Z', 'Escalated to the network team.')],
    });
    expect(times(postmortem)).toEqual({ timeToDetect: 0, timeToAcknowledge: 5, timeToMitigate: null, timeToResolve: 30 });
  });

  it('leaves every time unknown (null, never 0) when the document gives no impact start', () => {
    const postmortem = incident({ timeline: [entry('2026-02-10T09:25:00Z', 'Alert fired.'), entry('2026-02-10T09:40:00Z', 'Rolled back.')] });
    expect(times(postmortem)).toEqual({ timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: null });
  });

  it('knows the resolve time from a stated duration alone', () => {
    expect(times(incident({ durationMinutes: 42 }))).toEqual({ timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve: 42 });
  });

  it('ignores entries without an instant (no date or no time)', () => {
    const postmortem = incident({ start: '2026-02-10T14:00:00Z', timeline: [entry(null, 'The checkout alert.', 'Detection Method')] });
    expect(times(postmortem).timeToDetect).toBeNull();
  });

  it('reads times without an offset in the timezone, across a spring-forward change', () => {
    // America/New_York, 8 March 2026: 02:00 EST became 03:00 EDT. 01:30 EST is 06:30Z.
    const postmortem = incident({
      timezone: 'America/New_York',
      start: '2026-03-08T01:30:00',
      end: '2026-03-08T04:00:00',
      timeline: [
        entry('2026-03-08T01:50:00', 'Alert fired for DNS failures.', 'Detection'),
        entry('2026-03-08T03:10:00', 'Escalated to the network on-call.'), // 07:10Z: 40 min, not 100
        entry('2026-03-08T03:30:00', 'Rolled back the resolver config.'),
      ],
    });
    expect(times(postmortem)).toEqual({ timeToDetect: 20, timeToAcknowledge: 40, timeToMitigate: 60, timeToResolve: 90 });
  });

  it('counts the hour that happens twice when clocks go back', () => {
    // America/New_York, 1 November 2026: 02:00 EDT became 01:00 EST. 00:30 EDT is 04:30Z; 02:30 EST is 07:30Z.
    const postmortem = incident({
      timezone: 'America/New_York',
      start: '2026-11-01T00:30:00',
      timeline: [entry('2026-11-01T02:30:00', 'Service restored.')],
    });
    expect(times(postmortem).timeToResolve).toBe(180);
  });

  it('gives the same times for a parsed document in a daylight-saving zone', () => {
    const postmortem = parsePostmortem(
      [
        '---',
        'title: Resolver outage',
        'date: 2026-03-08',
        'timezone: America/New_York',
        'start: "2026-03-08T01:30:00"',
        'end: "2026-03-08T04:00:00"',
        '---',
        '',
        '## Timeline',
        '',
        '- 01:50: **Detection:** Alert fired for DNS failures.',
        '- 03:10: **Escalation:** The network on-call was paged.',
        '- 03:30: **Mitigation:** Rolled back the resolver config.',
        '',
      ].join('\n'),
    );
    expect(times(postmortem)).toEqual({ timeToDetect: 20, timeToAcknowledge: 40, timeToMitigate: 60, timeToResolve: 90 });
    expect(incidentMetrics(postmortem).milestones.detected?.line).toBe(11);
  });
});
