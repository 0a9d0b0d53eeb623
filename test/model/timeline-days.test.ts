import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/model/postmortem.js';
import { groupByDay, timelineDays, writtenEntryDay } from '../../src/model/timeline-days.js';

describe('timelineDays', () => {
  const entry = (time: string | null, at: string | null): TimelineEntry => ({ time, at, label: time ? null : 'Detection', text: 'x' });

  it('gives one group without a heading when everything is on the incident date', () => {
    const entries = [entry(null, null), entry('2:00 AM', '2026-03-14T02:00:00-04:00')];
    expect(timelineDays(entries, { date: '2026-03-14', timezone: 'UTC-4' })).toEqual([{ date: null, entries }]);
  });

  it('heads every group when asked, undated entries joining the group they follow', () => {
    const entries = [entry(null, null), entry('2:00 AM', '2026-03-14T02:00:00-04:00'), entry(null, null)];
    expect(timelineDays(entries, { date: '2026-03-14', timezone: 'UTC-4', always: true })).toEqual([{ date: '2026-03-14', entries }]);
  });

  it('splits at midnight in the document zone, not in UTC', () => {
    const late = entry('11:30 PM', '2026-03-14T23:30:00-04:00');
    const early = entry('12:10 AM', '2026-03-15T00:10:00-04:00');
    expect(timelineDays([late, early], { date: '2026-03-14', timezone: 'UTC-4' })).toEqual([
      { date: '2026-03-14', entries: [late] },
      { date: '2026-03-15', entries: [early] },
    ]);
  });

  it('heads a timeline that is entirely on another day than the incident date', () => {
    const only = entry('9:00 AM', '2026-03-13T09:00:00Z');
    expect(timelineDays([only], { date: '2026-03-14', timezone: 'UTC' })).toEqual([{ date: '2026-03-13', entries: [only] }]);
  });

  it('gives nothing for no entries', () => {
    expect(timelineDays([], { date: null, timezone: null })).toEqual([]);
  });
});

describe('groupByDay', () => {
  it('groups any items by the day a function gives, as timelineDays does entries', () => {
    const items = [{ day: null }, { day: '2025-09-06' }, { day: '2025-09-07' }, { day: null }];
    expect(groupByDay(items, (item) => item.day, { date: '2025-09-06' })).toEqual([
      { date: '2025-09-06', items: items.slice(0, 2) },
      { date: '2025-09-07', items: items.slice(2) },
    ]);
    expect(groupByDay(items.slice(0, 2), (item) => item.day, { date: '2025-09-06' })).toEqual([{ date: null, items: items.slice(0, 2) }]);
  });
});

describe('writtenEntryDay', () => {
  it.each([
    ['the day in the document zone', { time: '10:00 PM', at: '2026-03-15T02:00:00Z' }, 'UTC-4', '2026-03-14'],
    ['the day in the zone the time names', { time: '11:30 PM PST', at: '2026-03-15T07:30:00Z' }, 'UTC', '2026-03-14'],
    ['the day the clock showed after a skipped midnight', { time: '01:30', at: '2025-09-07T04:30:00Z' }, 'America/Santiago', '2025-09-07'],
    ['the day before it', { time: '23:30', at: '2025-09-07T03:30:00Z' }, 'America/Santiago', '2025-09-06'],
    ['nothing without an instant', { time: '10:00 PM', at: null }, 'UTC', null],
  ])('is %s', (_name, entry, timezone, day) => {
    expect(writtenEntryDay(entry, timezone)).toBe(day);
  });
});
