import { describe, expect, it } from 'vitest';
import { assumedZoneName, describeJsonValue, inWindow, oneLine, readRecordInstant } from '../../src/import/record-fields.js';

describe('readRecordInstant', () => {
  it.each([
    ['2026-03-14T14:05:00Z', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T14:05:00.123456789Z', '2026-03-14T14:05:00.123Z'],
    ['2026-03-14T16:05:00+02:00', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T09:05:00-0500', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T19:35:00+0530', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14 14:05:00z', '2026-03-14T14:05:00.000Z'],
    ['2026-03-14T14:05Z', '2026-03-14T14:05:00.000Z'],
  ])('reads %s with its own zone', (text, iso) => {
    expect(readRecordInstant(text, 'America/New_York')).toEqual({ millis: Date.parse(iso), zoneAssumed: false });
  });

  it('reads a time without a zone in the assumed one, across a daylight-saving change', () => {
    const before = readRecordInstant('2026-03-29T00:30:00', 'Europe/Berlin');
    const after = readRecordInstant('2026-03-29T03:30:00', 'Europe/Berlin');
    expect(before).toEqual({ millis: Date.parse('2026-03-28T23:30:00Z'), zoneAssumed: true });
    expect(after).toEqual({ millis: Date.parse('2026-03-29T01:30:00Z'), zoneAssumed: true });
    expect(readRecordInstant('2026-03-14T14:05:00.250', null)).toEqual({ millis: Date.parse('2026-03-14T14:05:00.250Z'), zoneAssumed: true });
  });

  it.each([['yesterday'], ['2026-02-30T10:00:00Z'], ['2026-03-14T24:00:00Z'], ['2026-03-14'], [''], [1773497100], [null]])('gives null for %s', (value) => {
    expect(readRecordInstant(value, 'UTC')).toBeNull();
  });
});

describe('the other field helpers', () => {
  it('assumes UTC without a zone, and refuses one nobody can read', () => {
    expect(assumedZoneName({})).toBe('UTC');
    expect(assumedZoneName({ assumeZone: 'UTC+05:30' })).toBe('UTC+05:30');
    expect(() => assumedZoneName({ assumeZone: 'Nowhere/Land' })).toThrow('unknown timezone "Nowhere/Land"');
  });

  it('keeps a window with either end open, both ends included', () => {
    expect(inWindow(5, { since: 5, until: 5 })).toBe(true);
    expect(inWindow(4, { since: 5 })).toBe(false);
    expect(inWindow(6, { since: null, until: 5 })).toBe(false);
    expect(inWindow(-1, {})).toBe(true);
  });

  it('makes one line of a string, and nothing of the rest', () => {
    expect(oneLine('  Pool\r\n exhausted\t again ')).toBe('Pool exhausted again');
    expect(oneLine('   ')).toBeNull();
    expect(oneLine(42)).toBeNull();
  });

  it('describes a value for a message', () => {
    expect(describeJsonValue({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toBe('an object with keys "a", "b", "c", "d", ...');
    expect(describeJsonValue([])).toBe('an array');
    expect(describeJsonValue(null)).toBe('null');
    expect(describeJsonValue(3)).toBe('a number');
    expect(describeJsonValue({})).toBe('an empty object');
  });
});
