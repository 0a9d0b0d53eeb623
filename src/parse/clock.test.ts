import { describe, expect, it } from 'vitest';
import { dateOnly, findDate, findTimes, readAffectedPercent, readDuration, readLeadingTime, readPercent } from './clock.js';

describe('readLeadingTime', () => {
  it.each([
    ['2:00 AM: Alert fired', '2:00 AM', 2, 0, null, null, 'Alert fired'],
    ['02:10 Engineer paged', '02:10', 2, 10, null, null, 'Engineer paged'],
    ['14:05 UTC - Deploy began', '14:05 UTC', 14, 5, null, 'UTC', 'Deploy began'],
    ['8:00 AM (UTC): Queue grew', '8:00 AM (UTC)', 8, 0, null, 'UTC', 'Queue grew'],
    ['**14:30 UTC:** Rollback started', '14:30 UTC', 14, 30, null, 'UTC', 'Rollback started'],
    ['13:00PM: Cache flushed', '13:00PM', 13, 0, null, null, 'Cache flushed'],
    ['6 PM - Status page updated', '6 PM', 18, 0, null, null, 'Status page updated'],
    ['1pm: Fix verified', '1pm', 13, 0, null, null, 'Fix verified'],
    ['8.25 PM: Traffic normal', '8.25 PM', 20, 25, null, null, 'Traffic normal'],
    ['12:00 AM: Midnight job', '12:00 AM', 0, 0, null, null, 'Midnight job'],
    ['12:30 PM: Lunch deploy', '12:30 PM', 12, 30, null, null, 'Lunch deploy'],
    ['2023-05-07 02:00: Disk full', '2023-05-07 02:00', 2, 0, '2023-05-07', null, 'Disk full'],
    ['2025-05-05T20:06:00Z Paged', '2025-05-05T20:06:00Z', 20, 6, '2025-05-05', 'UTC', 'Paged'],
    ['2026-03-14 2:05 PM: Alert fired', '2026-03-14 2:05 PM', 14, 5, '2026-03-14', null, 'Alert fired'],
    ['2026-03-14 12:10 am UTC: Paged', '2026-03-14 12:10 am UTC', 0, 10, '2026-03-14', 'UTC', 'Paged'],
    ['Feb 7 1506 UTC: Patch merged', 'Feb 7 1506 UTC', 15, 6, '0000-02-07', 'UTC', 'Patch merged'],
    ['`07:35` Contract funded', '07:35', 7, 35, null, null, 'Contract funded'],
    ['[09:15] Config reverted', '09:15', 9, 15, null, null, 'Config reverted'],
    ['10:00 AM (SAST): Alerts', '10:00 AM (SAST)', 10, 0, null, 'SAST', 'Alerts'],
    ['01:00 AM: The outage began', '01:00 AM', 1, 0, null, null, 'The outage began'],
    ['15:27 - DNS change submitted', '15:27', 15, 27, null, null, 'DNS change submitted'],
    ['3:45 PM PDT — page sent', '3:45 PM PDT', 15, 45, null, 'PDT', 'page sent'],
    // Dates written out before the time: weekday first, day first, an ordinal, capitals.
    ['Tuesday, March 5, 2024 14:05 UTC: Paged', 'Tuesday, March 5, 2024 14:05 UTC', 14, 5, '2024-03-05', 'UTC', 'Paged'],
    ['Tue 5 March 2024 14:05: Paged', 'Tue 5 March 2024 14:05', 14, 5, '2024-03-05', null, 'Paged'],
    ['5th MAR 2024 at 9:30 AM - Paged', '5th MAR 2024 at 9:30 AM', 9, 30, '2024-03-05', null, 'Paged'],
    ['**Mar 5 14:05 UTC:** Paged', 'Mar 5 14:05 UTC', 14, 5, '0000-03-05', 'UTC', 'Paged'],
    ['5 March 2024 14:05: Paged', '5 March 2024 14:05', 14, 5, '2024-03-05', null, 'Paged'],
    ['mar 5 14:05 UTC: Paged', 'mar 5 14:05 UTC', 14, 5, '0000-03-05', 'UTC', 'Paged'],
  ])('reads %j', (input, written, hour, minute, date, zone, rest) => {
    const time = readLeadingTime(input);
    expect(time?.written).toBe(written);
    expect(time?.clock).toMatchObject({ hour, minute, date, zoneText: zone });
    expect(time?.rest).toBe(rest);
  });

  it.each(['6 servers were restarted', 'Version 8.25 shipped', 'The team met', '25:00 nonsense', '12345 requests'])(
    'finds no time in %j',
    (input) => {
      expect(readLeadingTime(input)).toBeNull();
    },
  );
});

describe('findTimes', () => {
  it('finds both ends of a range', () => {
    const times = findTimes('The outage occurred from 8:00 AM to 12:00 PM (GMT).');
    expect(times.map((t) => t.written)).toEqual(['8:00 AM', '12:00 PM (GMT)']);
  });
  it('finds times with dates', () => {
    const times = findTimes('between 2026-03-14 23:10 and 2026-03-15 01:40 UTC');
    expect(times.map((t) => [t.clock?.date, t.clock?.hour])).toEqual([['2026-03-14', 23], ['2026-03-15', 1]]);
  });
});

describe('findDate and dateOnly', () => {
  it.each([
    ['On May 7th, 2023, between', '2023-05-07'],
    ['Friday, June 28, 2019', '2019-06-28'],
    ['on 14 March 2026 the', '2026-03-14'],
    ['# 2023-01-23 Upgrade caused outage', '2023-01-23'],
    ['May 31', '0000-05-31'],
    ['maybe 5 of them; the 5th of March, 2024', '2024-03-05'],
    ['(Sat. 2 Nov 2024)', '2024-11-02'],
    ['primary db failed on DEC 24', '0000-12-24'],
    ['the 5th of March', '0000-03-05'],
    ['Sept. 5', '0000-09-05'],
  ])('finds the date in %j', (text, date) => {
    expect(findDate(text)?.date).toBe(date);
  });
  it('tells a date heading from a sentence with a date', () => {
    expect(dateOnly('2023-08-25')?.date).toBe('2023-08-25');
    expect(dateOnly('**Tuesday, March 3, 2026**')?.date).toBe('2026-03-03');
    expect(dateOnly('Deploy on 2023-08-25 failed')).toBeNull();
    expect(findDate('version 2.13 released')).toBeNull();
  });
});

describe('readDuration', () => {
  it.each([
    ['4 h 0 min', 240],
    ['a four-hour outage', 240],
    ['lasted 90 minutes', 90],
    ['1 hour and 30 minutes', 90],
    ['2h30m', 150],
    ['1.5 hours', 90],
    ['two and a half hours', 150],
    ['2 days', 2880],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(readDuration(text)).toBe(minutes);
  });
  it('finds none in plain prose', () => {
    expect(readDuration('The service was slow for some users.')).toBeNull();
  });
});

describe('percentages', () => {
  it('reads affected shares and ignores unrelated ones', () => {
    expect(readAffectedPercent('Approximately 75% of users were affected.')).toBe(75);
    expect(readAffectedPercent('The issue affected 100% of our users.')).toBe(100);
    expect(readAffectedPercent('CPU rose to 95% on one host.')).toBeNull();
    expect(readPercent('about 12.5 percent')).toBe(12.5);
    expect(readPercent('150%')).toBeNull();
  });
});

describe('four-digit times', () => {
  it('reads 1936 UTC as a time but not a year', () => {
    expect(readLeadingTime('1936 UTC: v2 released')?.clock).toMatchObject({ hour: 19, minute: 36, zoneText: 'UTC' });
    expect(readLeadingTime('2019 was a long year')).toBeNull();
  });
});

describe('durations of several parts', () => {
  it.each([
    ['1 d 0 h 1 min', 1441],
    ['1 d 2 h 5 min', 1565],
    ['2 hours, 15 minutes', 135],
  ])('adds up %j', (text, minutes) => {
    expect(readDuration(text)).toBe(minutes);
  });
  it('does not read words as units', () => {
    expect(readDuration('Engineers waited for and then retried.', { inProse: true })).toBeNull();
    expect(readDuration('Engineers waited for and then retried.')).toBeNull();
  });
});

describe('times people write that were misread', () => {
  it.each([
    ['00:30 AM: Paged', 0, 30],
    ['_6:45 PM_: Deploy', 18, 45],
    ['_7 PM_ Rollback', 19, 0],
  ])('reads %j', (input, hour, minute) => {
    expect(readLeadingTime(input)?.clock).toMatchObject({ hour, minute });
  });
  it('does not read a year after a date as a time', () => {
    expect(readLeadingTime('Jun 4, 2025**: shipped')).toBeNull();
  });
});
