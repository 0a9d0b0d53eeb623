import { describe, expect, it } from 'vitest';
import { emptyPostmortem, type Postmortem } from '../../src/model/postmortem.js';
import { wallClockInZone } from '../../src/model/time.js';
import { incidentDuration, incidentSentence, incidentWindow } from '../../src/render/incident-phrases.js';

function withWindow(start: string | null, end: string | null, extra: Partial<Postmortem> = {}): Postmortem {
  const postmortem = emptyPostmortem();
  return { ...postmortem, ...extra, summary: { ...postmortem.summary, start, end, ...(extra.summary ?? {}) } };
}

describe('wallClockInZone', () => {
  it.each([
    ['2026-03-14T06:00:00Z', 'UTC-4', { date: '2026-03-14', hour: 2, minute: 0, second: 0 }],
    ['2026-03-14T02:00:00Z', 'UTC-4', { date: '2026-03-13', hour: 22, minute: 0, second: 0 }],
    ['2026-07-01T12:00:00Z', 'America/New_York', { date: '2026-07-01', hour: 8, minute: 0, second: 0 }],
    ['2026-01-01T12:00:00Z', 'America/New_York', { date: '2026-01-01', hour: 7, minute: 0, second: 0 }],
    ['2026-03-14T10:00:00+05:30', 'UTC+05:30', { date: '2026-03-14', hour: 10, minute: 0, second: 0 }],
    ['2026-03-14T10:00:00-04:00', null, { date: '2026-03-14', hour: 10, minute: 0, second: 0 }],
    ['2026-03-14T10:00:00', 'UTC-4', { date: '2026-03-14', hour: 10, minute: 0, second: 0 }],
    ['2026-03-14T10:00:00Z', 'somewhere odd', { date: '2026-03-14', hour: 10, minute: 0, second: 0 }],
  ])('reads %s in %s', (iso, timezone, clock) => {
    expect(wallClockInZone(iso, timezone)).toEqual(clock);
  });

  it('refuses what is not an ISO instant', () => {
    expect(wallClockInZone('2 PM', 'UTC')).toBeNull();
  });
});

describe('incident phrases', () => {
  it('says the window within a day with its zone', () => {
    const postmortem = withWindow('2026-03-14T02:00:00-04:00', '2026-03-14T06:00:00-04:00', { timezone: 'UTC-4' });
    expect(incidentWindow(postmortem)).toBe('between 2:00 AM and 6:00 AM (UTC-4)');
    expect(incidentDuration(postmortem)).toBe('4 h 0 min, between 2:00 AM and 6:00 AM (UTC-4)');
  });

  it('reads a window given in UTC in the declared zone', () => {
    const postmortem = withWindow('2026-03-14T06:00:00Z', '2026-03-14T10:00:00Z', { timezone: 'UTC-4', date: '2026-03-14' });
    expect(incidentSentence(postmortem)).toBe('On March 14, 2026, between 2:00 AM and 6:00 AM (UTC-4), we had an incident: a 4 h 0 min outage.');
  });

  it('builds the sentence from whatever is known', () => {
    expect(incidentSentence(withWindow(null, null, { date: '2026-03-14', severity: 'SEV1' }))).toBe('On March 14, 2026, we had a SEV1 incident.');
    const stated = withWindow(null, null, { summary: { ...emptyPostmortem().summary, durationMinutes: 45 } });
    expect(incidentSentence(stated)).toBe('We had an incident: a 45 min outage.');
    expect(incidentDuration(stated)).toBe('45 min');
    expect(incidentSentence(emptyPostmortem())).toBe('');
    expect(incidentDuration(emptyPostmortem())).toBe('');
  });
});
