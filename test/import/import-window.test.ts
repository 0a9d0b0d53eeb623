import { describe, expect, it } from 'vitest';
import { defaultImportWindow, readWindowTime } from '../../src/import/import-window.js';
import { emptyPostmortem } from '../../src/model/postmortem.js';
import { parseZone, type Zone } from '../../src/model/time.js';

const zone = (name: string): Zone => parseZone(name) as Zone;
const at = (iso: string): number => Date.parse(iso);

describe('readWindowTime', () => {
  it.each([
    ['2026-03-14T14:05:00Z', 'UTC', null, 'since', '2026-03-14T14:05:00Z'],
    ['2026-03-14 14:05+02:00', 'UTC', null, 'since', '2026-03-14T12:05:00Z'],
    ['2026-03-14 14:05', 'America/New_York', null, 'since', '2026-03-14T18:05:00Z'],
    ['2026-03-14 2:05 PM', 'UTC-4', null, 'until', '2026-03-14T18:05:00Z'],
    ['14:05', 'Europe/Berlin', '2026-03-14', 'since', '2026-03-14T13:05:00Z'],
    ['2:05 PM UTC', 'Europe/Berlin', '2026-03-14', 'since', '2026-03-14T14:05:00Z'],
    ['2026-03-14', 'UTC', null, 'since', '2026-03-14T00:00:00Z'],
    ['2026-03-14', 'UTC', null, 'until', '2026-03-14T23:59:59.999Z'],
    // Spring forward in New York: the day is 23 hours long.
    ['2026-03-08', 'America/New_York', null, 'until', '2026-03-09T03:59:59.999Z'],
  ] as const)('reads %j in %s (date %s) as the %s %s', (text, zoneName, date, bound, expected) => {
    expect(readWindowTime(text, { zone: zone(zoneName), date, bound })).toBe(at(expected));
  });

  it.each([
    ['soon', 'is not a time'],
    ['14:05', 'has no date'],
    ['2026-02-30', 'is not a time'],
    ['14:05 and later', 'is not a time'],
  ])('says what is wrong with %j', (text, problem) => {
    const read = readWindowTime(text, { zone: zone('UTC'), date: null, bound: 'since' });
    expect(typeof read === 'object' ? read.problem : read).toContain(problem);
  });
});

describe('defaultImportWindow', () => {
  it('reaches two hours either side of the impact, from the summary or else the timeline', () => {
    const postmortem = { ...emptyPostmortem(), timezone: 'UTC-4', summary: { ...emptyPostmortem().summary, start: '2026-03-14T10:00:00', end: '2026-03-14T11:30:00' } };
    expect(defaultImportWindow(postmortem)).toEqual({ since: at('2026-03-14T12:00:00Z'), until: at('2026-03-14T17:30:00Z') });
    const fromTimeline = { ...emptyPostmortem(), timeline: [{ time: '14:00', at: '2026-03-14T14:00:00Z', label: 'Resolution', text: 'Service restored' }] };
    expect(defaultImportWindow(fromTimeline)).toEqual({ since: null, until: at('2026-03-14T16:00:00Z') });
    expect(defaultImportWindow(emptyPostmortem())).toEqual({ since: null, until: null });
  });
});
