import { describe, expect, it } from 'vitest';
import { importedTimelineEntries, timelineEntryText, writeEventTime } from '../../src/import/to-timeline.js';
import type { ImportedEvent } from '../../src/import/types.js';
import { parseZone } from '../../src/model/time.js';
import { readLeadingTime } from '../../src/parse/clock.js';

function event(iso: string, text: string, label: string | null = null): ImportedEvent {
  return { at: Date.parse(iso), text, label, source: 'generic', origin: `fixture:${text}` };
}

describe('importedTimelineEntries', () => {
  it('writes each event in the zone and clock asked for, sorted by time, with its instant, label and kind', () => {
    const entries = importedTimelineEntries(
      [event('2026-03-14T14:20:00Z', 'Rolled back to v2.2'), event('2026-03-14T14:05:30Z', 'Error rate above 5%', 'Detection')],
      { timezone: 'Europe/Berlin', format: { clock: '24h' } },
    );
    expect(entries).toEqual([
      { time: '15:05', at: '2026-03-14T15:05:30+01:00', label: 'Detection', text: 'Error rate above 5%', kind: 'detection' },
      { time: '15:20', at: '2026-03-14T15:20:00+01:00', label: null, text: 'Rolled back to v2.2', kind: 'mitigation' },
    ]);
  });

  it('writes a 12-hour clock by default, and UTC without a zone', () => {
    const [entry] = importedTimelineEntries([event('2026-03-14T21:07:00Z', 'Status page updated')]);
    expect(entry?.time).toBe('9:07 PM');
    expect(entry?.at).toBe('2026-03-14T21:07:00+00:00');
  });

  it('dates the times when the events span more than one day in the zone', () => {
    const entries = importedTimelineEntries([event('2026-03-14T23:50:00Z', 'Queue backed up'), event('2026-03-15T00:10:00Z', 'Workers restarted')], { format: { clock: '24h' } });
    expect(entries.map((entry) => entry.time)).toEqual(['2026-03-14 23:50', '2026-03-15 00:10']);
    // The same two events are one day in New York: no dates.
    const local = importedTimelineEntries([event('2026-03-14T23:50:00Z', 'Queue backed up'), event('2026-03-15T00:10:00Z', 'Workers restarted')], { timezone: 'America/New_York', format: { clock: '24h' } });
    expect(local.map((entry) => entry.time)).toEqual(['19:50', '20:10']);
  });

  it('reads each side of a spring-forward change with the offset of its own moment', () => {
    // Clocks in New York go from 02:00 EST to 03:00 EDT on 2026-03-08 (07:00 UTC).
    const entries = importedTimelineEntries([event('2026-03-08T06:30:00Z', 'Before the change'), event('2026-03-08T07:30:00Z', 'After the change')], { timezone: 'America/New_York', format: { clock: '24h' } });
    expect(entries.map((entry) => [entry.time, entry.at])).toEqual([
      ['01:30', '2026-03-08T01:30:00-05:00'],
      ['03:30', '2026-03-08T03:30:00-04:00'],
    ]);
  });

  it('writes the offset on a time that happens twice when clocks go back, so it reads back as the right instant', () => {
    // 01:30 happens at 05:30 UTC (EDT) and again at 06:30 UTC (EST) on 2026-11-01.
    const zone = parseZone('America/New_York');
    if (!zone) throw new Error('zone');
    const first = writeEventTime(Date.parse('2026-11-01T05:30:00Z'), zone, { clock: '24h', date: false, zoneSuffix: null });
    const second = writeEventTime(Date.parse('2026-11-01T06:30:00Z'), zone, { clock: '24h', date: false, zoneSuffix: null });
    expect(first.time).toBe('01:30');
    expect(second.time).toBe('01:30 UTC-05:00');
    expect(readLeadingTime(`${second.time}: x`)?.clock).toMatchObject({ hour: 1, minute: 30, zoneText: 'UTC-05:00' });
  });

  it('follows a 12-hour format as the timeline writes it', () => {
    const zone = parseZone('UTC');
    if (!zone) throw new Error('zone');
    const written = writeEventTime(Date.parse('2026-03-14T14:05:09Z'), zone, { clock: '12h', meridiem: { space: false, lower: true }, seconds: true, date: true, zoneSuffix: ' UTC' });
    expect(written.time).toBe('2026-03-14 2:05:09pm UTC');
  });
});

describe('timelineEntryText', () => {
  it.each([
    ['Deploy finished', 'Deploy finished'],
    ['  two\n lines\tjoined ', 'two lines joined'],
    ['# not a heading', '\\# not a heading'],
    ['Update: rollback done', 'Update\\: rollback done'],
    ['**Detection:** bold label', '\\**Detection:** bold label'],
    ['Saw <div> in the page', 'Saw \\<div> in the page'],
    ['latency < 200ms | ok', 'latency < 200ms | ok'],
    ['Note: this is not a label the parser reads', 'Note: this is not a label the parser reads'],
  ])('writes %j as %j', (text, written) => {
    expect(timelineEntryText(text)).toBe(written);
  });
});
