import { describe, expect, it } from 'vitest';
import { emptyPostmortem, type Postmortem } from '../../src/model/postmortem.js';
import { displayZone, zoneLabel } from '../../src/model/zoned-time.js';

describe('zoneLabel', () => {
  it.each([
    ['UTC-4', '2026-03-14T02:00:00-04:00', 'UTC-4'],
    [null, '2026-03-14T02:00:00-04:00', 'UTC-04:00'],
    [null, '2026-03-14T02:00:00Z', 'UTC'],
    [null, '2026-03-14T02:00:00', null],
    ['local time', '2026-03-14T02:00:00', 'local time'],
  ])('names %s for %s as %s', (timezone, iso, label) => {
    expect(zoneLabel(timezone, iso)).toBe(label);
  });
});

describe('displayZone', () => {
  const model = (timezone: string | null, start: string | null, ats: Array<string | null>): Postmortem => {
    const empty = emptyPostmortem();
    return { ...empty, timezone, summary: { ...empty.summary, start }, timeline: ats.map((at) => ({ time: null, at, label: null, text: 'x' })) };
  };

  it.each([
    ['the declared timezone', model('America/New_York', '2025-03-09T01:30:00-05:00', []), 'America/New_York'],
    ['the summary start\'s offset without a timezone', model(null, '2025-03-09T01:30:00-05:00', ['2025-03-09T03:30:00-04:00']), 'UTC-05:00'],
    ['the first timeline offset when the summary has none', model(null, '2025-03-09T01:30:00', [null, '2025-03-09T03:30:00-04:00']), 'UTC-04:00'],
    ['an offset over a timezone it does not understand', model('local time', null, ['2025-03-09T03:30:00Z']), 'UTC'],
    ['the declared text for local times only', model('local time', '2025-03-09T01:30:00', ['2025-03-09T03:30:00']), 'local time'],
    ['nothing without a timezone or an offset', model(null, null, ['2025-03-09T03:30:00']), null],
  ])('is %s', (_name, postmortem, zone) => {
    expect(displayZone(postmortem)).toBe(zone);
  });
});
