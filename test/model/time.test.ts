import { describe, expect, it } from 'vitest';
import { addDays, parseZone, toIsoInstant, wallClockInZone, zoneOffsetAt, type Zone } from '../../src/model/time.js';

const iana = (name: string): Zone => ({ kind: 'iana', name, label: name });

describe('zoneOffsetAt', () => {
  it('gives a fixed zone its offset at any time', () => {
    expect(zoneOffsetAt({ kind: 'fixed', offsetMinutes: 330, label: 'IST' }, '2026-03-08T02:30:00')).toBe(330);
  });

  it.each([
    ['America/New_York', '2026-01-15T09:00:00', -300],
    ['America/New_York', '2026-07-15T09:00:00', -240],
    ['Europe/Berlin', '2026-07-15T09:00:00', 120],
    ['Asia/Kathmandu', '2026-07-15T09:00:00', 345],
    ['Australia/Sydney', '2026-01-15T09:00:00', 660],
    ['Australia/Sydney', '2026-07-15T09:00:00', 600],
    ['America/St_Johns', '2026-01-15T09:00:00', -210],
  ])('%s at %s is %i minutes', (name, local, offset) => {
    expect(zoneOffsetAt(iana(name), local)).toBe(offset);
  });

  it('reads a time that happens twice (clocks going back) as the earlier one, east and west of Greenwich', () => {
    // 01:30 in New York on 2026-11-01 is first EDT (-4), then EST (-5).
    expect(zoneOffsetAt(iana('America/New_York'), '2026-11-01T01:30:00')).toBe(-240);
    // 02:30 in Berlin on 2026-10-25 is first CEST (+2), then CET (+1).
    expect(zoneOffsetAt(iana('Europe/Berlin'), '2026-10-25T02:30:00')).toBe(120);
  });

  it('reads a skipped time (clocks going forward) with the offset from before the change', () => {
    expect(zoneOffsetAt(iana('America/New_York'), '2026-03-08T02:30:00')).toBe(-300);
    expect(zoneOffsetAt(iana('Europe/Berlin'), '2026-03-29T02:30:00')).toBe(60);
    // Lord Howe Island moves its clocks by half an hour.
    expect(zoneOffsetAt(iana('Australia/Lord_Howe'), '2026-10-04T02:15:00')).toBe(630);
  });

  it('gives the minutes just either side of a change their own offsets', () => {
    expect(zoneOffsetAt(iana('America/New_York'), '2026-03-08T01:59:00')).toBe(-300);
    expect(zoneOffsetAt(iana('America/New_York'), '2026-03-08T03:00:00')).toBe(-240);
    expect(zoneOffsetAt(iana('America/New_York'), '2026-11-01T00:59:00')).toBe(-240);
    expect(zoneOffsetAt(iana('America/New_York'), '2026-11-01T02:00:00')).toBe(-300);
  });
});

describe('toIsoInstant', () => {
  it('writes the offset in force at that wall-clock time', () => {
    const zone = parseZone('America/New_York');
    expect(toIsoInstant('2026-07-04', { hour: 14, minute: 5, second: 0 }, zone)).toBe('2026-07-04T14:05:00-04:00');
    expect(toIsoInstant('2026-12-04', { hour: 14, minute: 5, second: 0 }, zone)).toBe('2026-12-04T14:05:00-05:00');
    expect(toIsoInstant('2026-12-04', { hour: 14, minute: 5, second: 0 }, null)).toBe('2026-12-04T14:05:00');
  });
});

describe('wallClockInZone', () => {
  it('shows an instant on the wall clock of an IANA zone, across midnight', () => {
    expect(wallClockInZone('2026-07-05T02:30:00Z', 'America/Los_Angeles')).toEqual({ date: '2026-07-04', hour: 19, minute: 30, second: 0 });
    expect(wallClockInZone('2026-07-04T23:30:15Z', 'Asia/Tokyo')).toEqual({ date: '2026-07-05', hour: 8, minute: 30, second: 15 });
  });

  it('keeps a local time without offset as written', () => {
    expect(wallClockInZone('2026-07-05T02:30:00', 'Asia/Tokyo')).toEqual({ date: '2026-07-05', hour: 2, minute: 30, second: 0 });
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-14', 1, '2026-03-15'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-14', 400, '2027-04-18'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('says "Invalid Date" for text that is not a date', () => {
    expect(addDays('14/03/2026', 1)).toBe('Invalid Date');
  });
});
