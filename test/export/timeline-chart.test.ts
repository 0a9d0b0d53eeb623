import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTimelineChart, markerPath, tenths } from '../../src/export/timeline-chart.js';
import { timelineEntryKind } from '../../src/model/timeline-milestones.js';
import type { TimelineEntry } from '../../src/model/postmortem.js';
import { zonedInstantMillis } from '../../src/model/time.js';

function entries(count: number, startIso = '2026-03-14T14:00:00Z', stepMinutes = 7): TimelineEntry[] {
  const start = Date.parse(startIso);
  return Array.from({ length: count }, (_, index) => ({
    time: null,
    at: new Date(start + index * stepMinutes * 60_000).toISOString().replace('.000Z', 'Z'),
    label: null,
    text: `Entry number ${index + 1} with a sentence long enough to need shortening on the narrow side of the chart`,
  }));
}

const base = { timezone: 'UTC', windowStart: null, windowEnd: null, twelveHour: false, zoneName: 'UTC' };

describe('layoutTimelineChart', () => {
  it('draws no chart for fewer than two entries with an instant', () => {
    expect(layoutTimelineChart({ ...base, entries: [] })).toBeNull();
    expect(layoutTimelineChart({ ...base, entries: entries(1) })).toBeNull();
    const untimed = entries(3).map((entry) => ({ ...entry, at: null }));
    expect(layoutTimelineChart({ ...base, entries: [...untimed, ...entries(1)] })).toBeNull();
  });

  it.each([3, 12, 30, 60])('gives each of %i entries its own row inside the chart, text within its width', (count) => {
    const chart = layoutTimelineChart({ ...base, entries: entries(count) });
    expect(chart).not.toBeNull();
    if (!chart) return;
    expect(chart.rows).toHaveLength(count);
    const tops = chart.rows.map((row) => row.top);
    expect(new Set(tops).size).toBe(count);
    for (const row of chart.rows) {
      expect(row.x).toBeGreaterThanOrEqual(chart.plot.left);
      expect(row.x).toBeLessThanOrEqual(chart.plot.right);
      expect(row.y).toBeLessThan(chart.height);
      const estimatedWidth = (row.time.length + 2 + row.text.length) * chart.fontSize * 0.56;
      if (row.anchor === 'start') expect(row.textX + estimatedWidth).toBeLessThanOrEqual(chart.width + 1);
      else expect(row.textX - estimatedWidth).toBeGreaterThanOrEqual(-1);
    }
    expect(chart.height).toBeLessThan(60 + count * 32 + 60);
  });

  it('puts rows in time order whatever the source order, and markers left to right', () => {
    const list = entries(4);
    const chart = layoutTimelineChart({ ...base, entries: [list[2], list[0], list[3], list[1]] as TimelineEntry[] });
    const xs = chart?.rows.map((row) => row.x) ?? [];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('shades the impact window from the summary start to end', () => {
    const chart = layoutTimelineChart({ ...base, entries: entries(4, '2026-03-14T14:00:00Z', 30), windowStart: '2026-03-14T14:10:00Z', windowEnd: '2026-03-14T15:10:00Z' });
    expect(chart?.window?.label).toBe('Impact · 1 h 0 min');
    const [first, , , last] = chart?.rows ?? [];
    // 14:00 is before the window; 15:30 after it.
    expect(chart?.window?.x).toBeGreaterThan(first?.x ?? Infinity);
    expect((chart?.window?.x ?? 0) + (chart?.window?.width ?? 0)).toBeLessThan(last?.x ?? -Infinity);
  });

  it('shows times in the postmortem\'s zone, 24-hour or 12-hour as the timeline writes them', () => {
    const utc = entries(3, '2026-03-14T18:00:00Z', 30);
    expect(layoutTimelineChart({ ...base, entries: utc, timezone: 'UTC-4' })?.rows.map((row) => row.time)).toEqual(['14:00', '14:30', '15:00']);
    expect(layoutTimelineChart({ ...base, entries: utc, timezone: 'UTC-4', twelveHour: true })?.rows[0]?.time).toBe('2:00 PM');
    const ticks = layoutTimelineChart({ ...base, entries: utc, timezone: 'UTC-4' })?.ticks.map((tick) => tick.label);
    expect(ticks).toContain('14:30');
  });

  it('names the day on rows and ticks when the timeline crosses midnight', () => {
    const chart = layoutTimelineChart({ ...base, entries: entries(3, '2026-03-14T23:00:00Z', 45) });
    expect(chart?.rows.map((row) => row.time)).toEqual(['Mar 14, 23:00', '23:45', 'Mar 15, 00:30']);
    expect(chart?.ticks.some((tick) => tick.label === 'Mar 15')).toBe(true);
  });

  it('reads an instant without an offset as wall-clock time in the postmortem\'s zone', () => {
    expect(zonedInstantMillis('2024-05-10T10:00:00', 'UTC+2')).toBe(Date.parse('2024-05-10T08:00:00Z'));
    expect(zonedInstantMillis('2024-05-10T10:00:00+02:00', 'UTC')).toBe(Date.parse('2024-05-10T08:00:00Z'));
    expect(zonedInstantMillis('2024-05-10T10:00:00', null)).toBe(Date.parse('2024-05-10T10:00:00Z'));
  });

  it('gives each kind of entry its own marker shape and a legend of the kinds present', () => {
    const list = entries(3);
    list[0] = { ...(list[0] as TimelineEntry), text: 'Alert fired for checkout errors' };
    list[2] = { ...(list[2] as TimelineEntry), text: 'Service restored for all users' };
    const chart = layoutTimelineChart({ ...base, entries: list });
    expect(chart?.rows.map((row) => row.kind)).toEqual(['detection', 'event', 'resolution']);
    // Hollow small ring for an event, filled large disc for a resolution, polygons for the rest.
    const kinds = ['impact', 'detection', 'escalation', 'mitigation', 'resolution', 'event'] as const;
    expect(new Set(kinds.map((kind) => markerPath(kind, 0, 0))).size).toBe(kinds.length);
    expect(chart?.legend.map((item) => item.name)).toEqual(['Detection', 'Resolution', 'Event']);
  });
});

/** Entries at the given instants, with the same text each. */
function at(...instants: string[]): TimelineEntry[] {
  return instants.map((instant) => ({ time: null, at: instant, label: null, text: 'Something happened' }));
}

const tickLabels = (chart: ReturnType<typeof layoutTimelineChart>): string[] => chart?.ticks.map((tick) => tick.label) ?? [];
const tickAt = (chart: ReturnType<typeof layoutTimelineChart>, label: string): number[] => chart?.ticks.filter((tick) => tick.label === label).map((tick) => tick.x) ?? [];

// The changes used are those of 2025; see test/export/timeline-ticks.test.ts.
describe('layoutTimelineChart across a daylight-saving change', () => {
  it('reads every row and tick at its own moment when clocks spring forward (New York, the reported bug)', () => {
    const chart = layoutTimelineChart({
      ...base,
      timezone: 'America/New_York',
      zoneName: 'America/New_York',
      twelveHour: true,
      entries: at('2025-03-09T01:30:00-05:00', '2025-03-09T03:30:00-04:00'),
      windowStart: '2025-03-09T01:30:00-05:00',
      windowEnd: '2025-03-09T03:30:00-04:00',
    });
    expect(chart?.rows.map((row) => row.time)).toEqual(['1:30 AM', '3:30 AM']);
    expect(tickLabels(chart)).toEqual(['1:30 AM', '1:40 AM', '1:50 AM', '3:00 AM', '3:10 AM', '3:20 AM', '3:30 AM']);
    // 3:00 AM EDT is 2:00 AM EST: half way between the rows, an hour apart.
    const [first, last] = chart?.rows ?? [];
    expect(tickAt(chart, '3:00 AM')[0]).toBeCloseTo(((first?.x ?? 0) + (last?.x ?? 0)) / 2, 0);
    expect(tickAt(chart, '3:30 AM')[0]).toBeCloseTo(last?.x ?? 0, 0);
    expect(chart?.window?.label).toBe('Impact · 1 h 0 min');
    expect(chart?.description).toContain('from 1:30 AM to 3:30 AM (America/New_York), impact window shaded (1 h 0 min)');
  });

  it('shows the repeated hour twice when clocks fall back, in time order (New York)', () => {
    const chart = layoutTimelineChart({
      ...base,
      timezone: 'America/New_York',
      zoneName: 'America/New_York',
      twelveHour: true,
      entries: at('2025-11-02T01:30:00-05:00', '2025-11-02T01:30:00-04:00', '2025-11-02T02:00:00-05:00'),
      windowStart: '2025-11-02T01:30:00-04:00',
      windowEnd: '2025-11-02T01:30:00-05:00',
    });
    expect(chart?.rows.map((row) => row.time)).toEqual(['1:30 AM', '1:30 AM', '2:00 AM']);
    expect(tickLabels(chart)).toEqual(['1:30 AM', '1:45 AM', '1:00 AM', '1:15 AM', '1:30 AM', '1:45 AM', '2:00 AM']);
    const xs = chart?.ticks.map((tick) => tick.x) ?? [];
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // Each 1:30 AM tick sits on the row it names.
    expect(tickAt(chart, '1:30 AM').map((x) => Math.round(x))).toEqual(chart?.rows.slice(0, 2).map((row) => Math.round(row.x)));
    expect(chart?.window?.label).toBe('Impact · 1 h 0 min');
  });

  it('does the same in a southern zone, spring and autumn (Sydney)', () => {
    const spring = layoutTimelineChart({ ...base, timezone: 'Australia/Sydney', entries: at('2025-10-05T01:30:00+10:00', '2025-10-05T03:30:00+11:00'), windowStart: '2025-10-05T01:30:00+10:00', windowEnd: '2025-10-05T03:30:00+11:00' });
    expect(spring?.rows.map((row) => row.time)).toEqual(['01:30', '03:30']);
    expect(tickLabels(spring)).toEqual(['01:30', '01:40', '01:50', '03:00', '03:10', '03:20', '03:30']);
    expect(spring?.window?.label).toBe('Impact · 1 h 0 min');
    const autumn = layoutTimelineChart({ ...base, timezone: 'Australia/Sydney', entries: at('2025-04-06T02:30:00+11:00', '2025-04-06T02:30:00+10:00'), windowStart: '2025-04-06T02:15:00+11:00', windowEnd: '2025-04-06T02:45:00+10:00' });
    expect(autumn?.rows.map((row) => row.time)).toEqual(['02:30', '02:30']);
    expect(tickLabels(autumn)).toEqual(['02:15', '02:30', '02:45', '02:00', '02:15', '02:30', '02:45']);
    expect(autumn?.window?.label).toBe('Impact · 1 h 30 min');
  });

  it('names the new day where it starts when clocks skip midnight (Santiago)', () => {
    const chart = layoutTimelineChart({ ...base, timezone: 'America/Santiago', entries: at('2025-09-06T23:30:00-04:00', '2025-09-07T01:30:00-03:00') });
    expect(chart?.rows.map((row) => row.time)).toEqual(['Sep 6, 23:30', 'Sep 7, 01:30']);
    expect(tickLabels(chart)).toEqual(['23:30', '23:40', '23:50', 'Sep 7', '01:10', '01:20', '01:30']);
    // The day starts at 01:00, which is 00:00 under the old offset: half way between the rows.
    const [first, last] = chart?.rows ?? [];
    expect(tickAt(chart, 'Sep 7')[0]).toBeCloseTo(((first?.x ?? 0) + (last?.x ?? 0)) / 2, 0);
  });

  it('shows a timeline without a timezone on one clock, the one its first offset names', () => {
    const chart = layoutTimelineChart({ ...base, timezone: null, zoneName: null, entries: at('2025-03-09T01:30:00-05:00', '2025-03-09T03:30:00-04:00') });
    expect(chart?.rows.map((row) => row.time)).toEqual(['01:30', '02:30']);
    expect(tickLabels(chart)).toContain('02:00');
  });
});

describe('timelineEntryKind', () => {
  it.each([
    [{ label: 'Detection Method', text: 'A customer email' }, 'detection'],
    [{ label: 'Escalation', text: 'Called the DBA' }, 'escalation'],
    [{ label: null, text: 'PagerDuty alert fired for high latency' }, 'detection'],
    [{ label: null, text: 'Escalated to the database team' }, 'escalation'],
    [{ label: null, text: 'Rolled back the deploy' }, 'mitigation'],
    [{ label: null, text: 'Service fully restored' }, 'resolution'],
    [{ label: null, text: 'Status page is set to resolved' }, 'resolution'],
    [{ label: null, text: 'The alert that should have fired did not fire' }, 'event'],
    [{ label: null, text: 'Banner added to alert users of delays' }, 'event'],
    [{ label: null, text: 'Engineers looked at dashboards' }, 'event'],
  ] as const)('%o is %s', (entry, kind) => {
    expect(timelineEntryKind(entry)).toBe(kind);
  });
});

describe('tenths', () => {
  it('writes a number to one decimal exactly as String(Math.round(value * 10) / 10) does', () => {
    fc.assert(
      fc.property(fc.double({ min: -5000, max: 5000, noNaN: true }), (value) => {
        expect(tenths(value)).toBe(String(Math.round(value * 10) / 10));
      }),
      { numRuns: 5000 },
    );
    for (const value of [0, -0, -0.04, -0.05, -0.15, 0.05, 12.35, -12.35, 839.99]) expect(tenths(value)).toBe(String(Math.round(value * 10) / 10));
  });
});
