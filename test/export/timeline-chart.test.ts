import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTimelineChart, markerPath, tenths } from '../../src/export/timeline-chart.js';
import { timelineEntryKind } from '../../src/export/timeline-kind.js';
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
