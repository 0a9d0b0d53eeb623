import { describe, expect, it } from 'vitest';
import { assumedZone, epochMillis, parseEventTime, readAssumedZone, zoneAsWritten } from '../../src/import/event-time.js';
import { parseZone, type Zone } from '../../src/model/time.js';

const newYork = parseZone('America/New_York') as Zone;
const berlin = parseZone('Europe/Berlin') as Zone;
const utc = assumedZone(null) as Zone;
const iso = (millis: number | undefined): string => new Date(millis ?? Number.NaN).toISOString();

describe('parseEventTime', () => {
  it.each([
    ['2026-03-08T06:30:00Z', '2026-03-08T06:30:00.000Z'],
    ['2026-03-08T06:30:00z', '2026-03-08T06:30:00.000Z'],
    ['2026-03-08T01:50:00-05:00', '2026-03-08T06:50:00.000Z'],
    ['2026-03-08T01:50:00-0500', '2026-03-08T06:50:00.000Z'],
    ['2026-03-08T01:50:00-05', '2026-03-08T06:50:00.000Z'],
    ['2026-03-08 10:05:00.25+01:00', '2026-03-08T09:05:00.250Z'],
    ['2026-03-08T10:05:00,5+05:30', '2026-03-08T04:35:00.500Z'],
    ['2026-03-08 10:05 EDT', '2026-03-08T14:05:00.000Z'],
    ['2026-03-08 10:05 UTC', '2026-03-08T10:05:00.000Z'],
    ['2026-03-08 10:05 UTC-4', '2026-03-08T14:05:00.000Z'],
    ['2026-03-08 10:05 America/New_York', '2026-03-08T14:05:00.000Z'],
    ['2026-03-08T10:05:00.0019Z', '2026-03-08T10:05:00.001Z'],
    ['2026-03-07 10:05 America/New_York', '2026-03-07T15:05:00.000Z'],
  ])('%s is %s, its own zone', (text, expected) => {
    const time = parseEventTime(text, newYork);
    expect(iso(time?.at)).toBe(expected);
    expect(time?.zoneAssumed).toBe(false);
  });

  it.each([
    // Either side of the spring-forward change in New York (2026-03-08 02:00 EST -> 03:00 EDT).
    ['2026-03-08 01:40:00', '2026-03-08T06:40:00.000Z'],
    ['2026-03-08T03:10', '2026-03-08T07:10:00.000Z'],
    // A time the clocks skipped reads with the offset from before the change, as Temporal does.
    ['2026-03-08 02:30', '2026-03-08T07:30:00.000Z'],
    // A time that happens twice (fall back, 2026-11-01) is the earlier one.
    ['2026-11-01 01:30', '2026-11-01T05:30:00.000Z'],
    ['2026-11-01 03:00', '2026-11-01T08:00:00.000Z'],
    ['2026-03-08', '2026-03-08T05:00:00.000Z'],
  ])('%s without a zone is %s in America/New_York, assumed', (text, expected) => {
    const time = parseEventTime(text, newYork);
    expect(iso(time?.at)).toBe(expected);
    expect(time?.zoneAssumed).toBe(true);
  });

  it('reads a time without a zone in UTC by default', () => {
    expect(parseEventTime('2026-03-08 01:40:00', utc)).toEqual({ at: Date.parse('2026-03-08T01:40:00Z'), zoneAssumed: true });
  });

  it.each([
    [1772952000, '2026-03-08T06:40:00.000Z'],
    ['1772952000', '2026-03-08T06:40:00.000Z'],
    ['1772952000.5', '2026-03-08T06:40:00.500Z'],
    [1772952000123, '2026-03-08T06:40:00.123Z'],
    ['1772952000123', '2026-03-08T06:40:00.123Z'],
    [1772952000123456, '2026-03-08T06:40:00.123Z'],
    ['1772952000123456789', '2026-03-08T06:40:00.123Z'],
  ])('epoch %j is %s (seconds, milliseconds, microseconds or nanoseconds by magnitude)', (value, expected) => {
    const time = parseEventTime(value, newYork);
    expect(iso(time?.at)).toBe(expected);
    expect(time?.zoneAssumed).toBe(false);
  });

  it.each([
    ['yesterday'],
    [''],
    ['2026-02-30T00:00:00Z'],
    ['2026-03-08T25:00'],
    ['2026-03-08T10:00+15:00'],
    ['2026-03-08T10:00+05:99'],
    ['2026-03-08 10:00 Narnia'],
    ['03/08/2026 10:00'],
    [null],
    [{ time: 1 }],
    [Number.NaN],
  ])('%j is no time', (value) => {
    expect(parseEventTime(value, newYork)).toBeNull();
  });
});

describe("parseEventTime, 'rfc3339' (the timestamps of PagerDuty and Alertmanager)", () => {
  it.each([
    ['2026-03-14T14:05:00Z', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T14:05:00.123456789Z', '2026-03-14T14:05:00.123Z'],
    ['2026-03-14T16:05:00+02:00', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T09:05:00-0500', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T19:35:00+0530', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14 14:05:00z', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T14:05Z', '2026-03-14T14:05:00.000Z'],
  ])('reads %s with its own zone', (text, iso) => {
    expect(parseEventTime(text, newYork, 'rfc3339')).toEqual({ at: Date.parse(iso), zoneAssumed: false });
  });

  it('reads a time without a zone in the assumed one, across a daylight-saving change', () => {
    const before = parseEventTime('2026-03-29T00:30:00', berlin, 'rfc3339');
    const after = parseEventTime('2026-03-29T03:30:00', berlin, 'rfc3339');
    expect(before).toEqual({ at: Date.parse('2026-03-28T23:30:00Z'), zoneAssumed: true });
    expect(after).toEqual({ at: Date.parse('2026-03-29T01:30:00Z'), zoneAssumed: true });
    expect(parseEventTime('2026-03-14T14:05:00.250', assumedZone(null) as Zone, 'rfc3339')).toEqual({ at: Date.parse('2026-03-14T14:05:00.250Z'), zoneAssumed: true });
  });

  it.each([['yesterday'], ['2026-02-30T10:00:00Z'], ['2026-03-14T24:00:00Z'], ['2026-03-14'], [''], [1773497100], [null]])('gives null for %s', (value) => {
    expect(parseEventTime(value, utc, 'rfc3339')).toBeNull();
  });
});

describe('epochMillis', () => {
  it('tells seconds from milliseconds at 1e11', () => {
    expect(epochMillis(99_999_999_999)).toBe(99_999_999_999_000);
    expect(epochMillis(100_000_000_000)).toBe(100_000_000_000);
  });
});

describe('assumedZone', () => {
  it('is UTC when none is given, the zone named otherwise, and null for a name that is no zone', () => {
    expect(assumedZone(undefined)).toMatchObject({ kind: 'fixed', offsetMinutes: 0 });
    expect(assumedZone('America/New_York')).toMatchObject({ kind: 'iana', name: 'America/New_York' });
    expect(assumedZone('UTC-4')).toMatchObject({ kind: 'fixed', offsetMinutes: -240 });
    expect(assumedZone('somewhere nice')).toBeNull();
  });
});

describe('readAssumedZone', () => {
  it('assumes UTC without a zone, and refuses one nobody can read', () => {
    expect(zoneAsWritten(readAssumedZone(undefined))).toBe('UTC');
    expect(zoneAsWritten(readAssumedZone('UTC+05:30'))).toBe('UTC+05:30');
    expect(() => readAssumedZone('Nowhere/Land')).toThrow('unknown timezone "Nowhere/Land"');
  });
});
