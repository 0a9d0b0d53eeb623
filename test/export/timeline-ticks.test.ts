/**
 * The chart's axis ticks sit on round wall-clock times of the postmortem's zone, at the
 * instant the clock really showed each, on both daylight-saving changes, north and south.
 * The changes used (2025, tzdata as Node ships it):
 * - America/New_York: 02:00 EST -> 03:00 EDT on March 9 (07:00Z); 02:00 EDT -> 01:00 EST on November 2 (06:00Z).
 * - Australia/Sydney: 02:00 AEST -> 03:00 AEDT on October 5 (16:00Z, October 4); 03:00 AEDT -> 02:00 AEST on April 6 (16:00Z, April 5).
 * - America/Santiago: 24:00 -> 01:00 on September 7 (04:00Z), so that day has no midnight; 24:00 -> 23:00 on April 5 (03:00Z of April 6).
 */
import { describe, expect, it } from 'vitest';
import { wallClockTicks } from '../../src/export/timeline-ticks.js';
import { formatClock, parseZone } from '../../src/model/time.js';

/** `HH:MMZ=local HH:MM` per tick (with `*` for a day start), which reads as the clock did. */
function ticks(from: string, to: string, stepMinutes: number, timezone: string | null): string[] {
  return wallClockTicks(Date.parse(from), Date.parse(to), stepMinutes, parseZone(timezone)).map((tick) =>
    `${new Date(tick.millis).toISOString().slice(11, 16)}Z=${tick.clock.date.slice(5)} ${formatClock(tick.clock, '24h')}${tick.dayStart ? '*' : ''}`);
}

describe('wallClockTicks', () => {
  it('steps on round times of a fixed zone, and of UTC without one', () => {
    expect(ticks('2025-03-14T13:50:00Z', '2025-03-14T15:00:00Z', 30, 'UTC-4')).toEqual(['14:00Z=03-14 10:00', '14:30Z=03-14 10:30', '15:00Z=03-14 11:00']);
    expect(ticks('2025-03-14T13:50:00Z', '2025-03-14T14:40:00Z', 20, null)).toEqual(['14:00Z=03-14 14:00', '14:20Z=03-14 14:20', '14:40Z=03-14 14:40']);
    expect(ticks('2025-03-14T04:30:00Z', '2025-03-14T07:00:00Z', 60, 'UTC+05:30')).toEqual(['04:30Z=03-14 10:00', '05:30Z=03-14 11:00', '06:30Z=03-14 12:00']);
  });

  it('marks midnight as the start of a day', () => {
    expect(ticks('2025-03-14T22:30:00Z', '2025-03-15T01:00:00Z', 60, 'UTC')).toEqual(['23:00Z=03-14 23:00', '00:00Z=03-15 00:00*', '01:00Z=03-15 01:00']);
  });

  it('skips the hour clocks spring forward over, and places 03:00 at its instant (New York)', () => {
    expect(ticks('2025-03-09T05:30:00Z', '2025-03-09T08:30:00Z', 60, 'America/New_York')).toEqual(['06:00Z=03-09 01:00', '07:00Z=03-09 03:00', '08:00Z=03-09 04:00']);
    expect(ticks('2025-03-09T06:40:00Z', '2025-03-09T07:20:00Z', 10, 'America/New_York')).toEqual([
      '06:40Z=03-09 01:40', '06:50Z=03-09 01:50', '07:00Z=03-09 03:00', '07:10Z=03-09 03:10', '07:20Z=03-09 03:20',
    ]);
  });

  it('finds a tick that only the new offset brings into the span', () => {
    // Under EST the next 3-hour mark (03:00 EST) would fall after the end; 03:00 EDT does not.
    expect(ticks('2025-03-09T06:10:00Z', '2025-03-09T07:30:00Z', 180, 'America/New_York')).toEqual(['07:00Z=03-09 03:00']);
  });

  it('ticks the repeated hour twice when clocks fall back, as the clock showed it (New York)', () => {
    expect(ticks('2025-11-02T04:30:00Z', '2025-11-02T07:30:00Z', 60, 'America/New_York')).toEqual(['05:00Z=11-02 01:00', '06:00Z=11-02 01:00', '07:00Z=11-02 02:00']);
    expect(ticks('2025-11-02T05:20:00Z', '2025-11-02T06:40:00Z', 30, 'America/New_York')).toEqual(['05:30Z=11-02 01:30', '06:00Z=11-02 01:00', '06:30Z=11-02 01:30']);
  });

  it('handles both changes in a southern zone (Sydney)', () => {
    expect(ticks('2025-10-04T14:30:00Z', '2025-10-04T17:30:00Z', 60, 'Australia/Sydney')).toEqual(['15:00Z=10-05 01:00', '16:00Z=10-05 03:00', '17:00Z=10-05 04:00']);
    expect(ticks('2025-04-05T14:30:00Z', '2025-04-05T17:30:00Z', 60, 'Australia/Sydney')).toEqual(['15:00Z=04-06 02:00', '16:00Z=04-06 02:00', '17:00Z=04-06 03:00']);
  });

  it('starts a day whose midnight was skipped where it begins, and not twice (Santiago)', () => {
    expect(ticks('2025-09-07T01:30:00Z', '2025-09-07T06:30:00Z', 60, 'America/Santiago')).toEqual([
      '02:00Z=09-06 22:00', '03:00Z=09-06 23:00', '04:00Z=09-07 01:00*', '05:00Z=09-07 02:00', '06:00Z=09-07 03:00',
    ]);
    expect(ticks('2025-09-06T12:00:00Z', '2025-09-09T12:00:00Z', 1440, 'America/Santiago')).toEqual(['04:00Z=09-07 01:00*', '03:00Z=09-08 00:00*', '03:00Z=09-09 00:00*']);
  });

  it('repeats 23:00 when clocks go back at midnight, and starts the next day once (Santiago)', () => {
    expect(ticks('2025-04-06T01:30:00Z', '2025-04-06T05:30:00Z', 60, 'America/Santiago')).toEqual([
      '02:00Z=04-05 23:00', '03:00Z=04-05 23:00', '04:00Z=04-06 00:00*', '05:00Z=04-06 01:00',
    ]);
  });

  it('gives nothing for an empty or backwards span', () => {
    expect(ticks('2025-03-14T14:10:00Z', '2025-03-14T14:20:00Z', 30, 'UTC')).toEqual([]);
    expect(ticks('2025-03-14T15:00:00Z', '2025-03-14T14:00:00Z', 30, 'UTC')).toEqual([]);
  });
});
