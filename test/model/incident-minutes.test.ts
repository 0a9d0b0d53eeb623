import { describe, expect, it } from 'vitest';
import { incidentMinutes } from '../../src/model/incident-minutes.js';
import { emptySummary } from '../../src/model/postmortem.js';
import { zonedMinutesBetween } from '../../src/model/time.js';

const model = (timezone: string | null, start: string | null, end: string | null, durationMinutes: number | null = null) => ({
  timezone,
  summary: { ...emptySummary(), start, end, durationMinutes },
});

describe('incidentMinutes', () => {
  it('is the stated duration when there is one', () => {
    expect(incidentMinutes(model('UTC', '2025-03-09T01:00:00Z', '2025-03-09T02:00:00Z', 45))).toBe(45);
  });

  it('counts the minutes that passed between instants with offsets', () => {
    expect(incidentMinutes(model('America/New_York', '2025-03-09T01:30:00-05:00', '2025-03-09T03:30:00-04:00'))).toBe(60);
  });

  it.each([
    ['America/New_York', '2025-03-09T01:30:00', '2025-03-09T03:30:00', 60],
    ['America/New_York', '2025-11-02T00:30:00', '2025-11-02T02:30:00', 180],
    ['Australia/Sydney', '2025-10-05T01:30:00', '2025-10-05T03:30:00', 60],
    ['Australia/Sydney', '2025-04-06T01:30:00', '2025-04-06T03:30:00', 180],
    ['UTC-4', '2025-03-09T01:30:00', '2025-03-09T03:30:00', 120],
    [null, '2025-03-09T01:30:00', '2025-03-09T03:30:00', 120],
  ])('reads local times in %s across its clock change: %s to %s is %i minutes', (timezone, start, end, minutes) => {
    expect(incidentMinutes(model(timezone, start, end))).toBe(minutes);
    expect(zonedMinutesBetween(start, end, timezone)).toBe(minutes);
  });

  it('is null without a duration or both ends, or for ends that do not parse', () => {
    expect(incidentMinutes(model('UTC', '2025-03-09T01:30:00Z', null))).toBeNull();
    expect(incidentMinutes(model('UTC', 'soon', 'later'))).toBeNull();
  });
});
