/** The dashboard's charts: where each mark goes, what each says, for figures worked out by hand. */
import { describe, expect, it } from 'vitest';
import type { IncidentSummary, StatsGroup, TimeDistribution } from '../../src/collection/types.js';
import { layoutMonthChart, layoutRankChart, layoutResolutionChart, monthName, severityPatterns } from '../../src/export/dashboard-charts.js';

const distribution = (values: number[], unknown = 0): TimeDistribution => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  const median = sorted.length === 0 ? null : ((sorted[Math.floor(middle)] as number) + (sorted[Math.ceil(middle)] as number)) / 2;
  return { known: values.length, unknown, median, p90: null, min: sorted[0] ?? null, max: sorted[sorted.length - 1] ?? null };
};

function incident(severity: string | null, timeToResolve: number | null, title = 'Outage'): IncidentSummary {
  return {
    file: `${title}.md`, title, date: '2026-03-01', severity, status: 'final', services: [], tags: [], openActions: 0, overdueActions: 0,
    metrics: { timeToDetect: null, timeToAcknowledge: null, timeToMitigate: null, timeToResolve, milestones: { impactStart: null, detected: null, acknowledged: null, mitigated: null, resolved: null } },
  };
}

function group(key: string | null, incidents: IncidentSummary[]): StatsGroup {
  const times = distribution(incidents.map((item) => item.metrics.timeToResolve).filter((value): value is number => value !== null), incidents.filter((item) => item.metrics.timeToResolve === null).length);
  return { key, incidents: incidents.length, times: { timeToDetect: times, timeToAcknowledge: times, timeToMitigate: times, timeToResolve: times } };
}

describe('the incidents per month', () => {
  const rows = [
    { month: '2026-01', severities: [{ key: 'SEV3', count: 1 }, { key: 'SEV1', count: 2 }, { key: null, count: 0 }] },
    { month: '2026-04', severities: [{ key: 'SEV3', count: 1 }, { key: 'SEV1', count: 0 }, { key: null, count: 1 }] },
    { month: null, severities: [{ key: 'SEV3', count: 2 }, { key: 'SEV1', count: 0 }, { key: null, count: 0 }] },
  ];
  const chart = layoutMonthChart(rows);

  it('has a bar for every month from the first to the last, empty ones too, with its total', () => {
    expect(chart?.bars.map((bar) => [bar.month, bar.label, bar.year, bar.total])).toEqual([
      ['2026-01', 'Jan', '2026', 3],
      ['2026-02', 'Feb', '', 0],
      ['2026-03', 'Mar', '', 0],
      ['2026-04', 'Apr', '', 2],
    ]);
    // Evenly spaced.
    const xs = chart?.bars.map((bar) => bar.x) as number[];
    expect(new Set(xs.slice(1).map((x, index) => Math.round(x - (xs[index] as number)))).size).toBe(1);
  });

  it('stacks each month by severity, the most severe at the bottom, heights in proportion, up to a round axis', () => {
    const january = chart?.bars[0];
    expect(january?.segments.map((segment) => [segment.severity.name, segment.severity.kind, segment.count])).toEqual([['SEV1', 'critical', 2], ['SEV3', 'minor', 1]]);
    const [bottom, top] = january?.segments ?? [];
    expect(bottom?.y).toBeGreaterThan(top?.y as number);
    expect(Math.round(((bottom?.height as number) / (top?.height as number)) * 10) / 10).toBe(2);
    expect(Math.round((bottom?.y as number) + (bottom?.height as number))).toBe(chart?.plot.bottom);
    expect(chart?.ticks.map((tick) => tick.label)).toEqual(['0', '1', '2', '3']);
    expect(chart?.bars[3]?.segments.map((segment) => segment.severity.name)).toEqual(['SEV3', 'No severity']);
    expect(january?.segments[0]?.title).toBe('January 2026: 2 SEV1');
  });

  it('has a legend of the severities shown and says what it shows, and how many undated incidents it leaves out', () => {
    expect(chart?.legend.map((item) => item.severity.name)).toEqual(['SEV1', 'SEV3', 'No severity']);
    expect(chart?.description).toBe('Incidents per month from January 2026 to April 2026, stacked by severity: 5 incidents, the most in January 2026 (3). 2 incidents have no date and are not shown.');
    expect(layoutMonthChart([{ month: null, severities: [{ key: 'SEV1', count: 1 }] }])).toBeNull();
    expect(monthName('2025-12')).toBe('December 2025');
  });

  it('labels every few months of a long span, and every January', () => {
    const long = Array.from({ length: 40 }, (_, index) => ({ month: `${2023 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, severities: [{ key: 'SEV2', count: index % 3 }] }));
    const labels = layoutMonthChart(long)?.bars.map((bar) => bar.label) ?? [];
    expect(labels).toHaveLength(40);
    expect(labels.filter((label) => label !== '').length).toBeLessThan(40);
    expect(labels[12]).toBe('Jan');
    expect(labels[24]).toBe('Jan');
  });
});

describe('the time to resolve per severity', () => {
  const incidents = [incident('SEV2', 60, 'A'), incident('SEV1', 30, 'B'), incident('SEV1', 90, 'C'), incident('SEV2', null, 'D'), incident(null, 240, 'E'), incident('SEV2', 120, 'F')];
  const groups = [group('SEV2', incidents.filter((item) => item.severity === 'SEV2')), group('SEV1', incidents.filter((item) => item.severity === 'SEV1')), group(null, incidents.filter((item) => item.severity === null))];
  const chart = layoutResolutionChart(incidents, groups);

  it('has a row per severity, most severe first, a dot per incident whose time is known, on one axis from 0', () => {
    expect(chart?.rows.map((row) => [row.severity.name, row.count, row.dots.length])).toEqual([
      ['SEV1', '2 incidents', 2],
      ['SEV2', '3 incidents, 1 unknown', 2],
      ['No severity', '1 incident', 1],
    ]);
    const left = chart?.plot.left as number;
    const [thirty, ninety] = chart?.rows[0]?.dots ?? [];
    // 30 and 90 minutes: the second three times as far from 0.
    expect(Math.round(((ninety?.cx as number) - left) / ((thirty?.cx as number) - left))).toBe(3);
    expect(chart?.ticks[0]).toEqual({ x: left, label: '0' });
    expect(chart?.ticks.map((tick) => tick.label)).toEqual(['0', '1 h', '2 h', '3 h', '4 h']);
    expect(thirty?.title).toBe('B (2026-03-01): 30 min');
  });

  it('marks each severity\'s median, and says what it shows and how many incidents do not say', () => {
    const sev1 = chart?.rows[0];
    expect(sev1?.median?.label).toBe('median 1 h 0 min');
    expect(sev1?.median?.x).toBeCloseTo(((sev1?.dots[0]?.cx as number) + (sev1?.dots[1]?.cx as number)) / 2, 0);
    expect(chart?.description).toBe('Time to resolve per severity, one dot per incident, the median marked: SEV1 median 1 h 0 min, SEV2 median 1 h 30 min, No severity median 4 h 0 min. 1 incident does not say and is not shown.');
    expect(layoutResolutionChart([incident('SEV1', null)], [group('SEV1', [incident('SEV1', null)])])).toBeNull();
  });

  it('moves dots that would cover one another apart', () => {
    const close = [incident('SEV1', 60, 'A'), incident('SEV1', 60, 'B'), incident('SEV1', 61, 'C')];
    const dots = layoutResolutionChart(close, [group('SEV1', close)])?.rows[0]?.dots ?? [];
    expect(new Set(dots.map((dot) => dot.cy)).size).toBe(3);
  });
});

describe('the services and tags most often named', () => {
  it('has a bar for each of the most frequent, in proportion, its count beside it, and a note on those that name none', () => {
    const chart = layoutRankChart([{ key: 'payments', count: 4 }, { key: 'checkout-api', count: 2 }, { key: 'a-service-with-a-very-long-name-indeed', count: 1 }, { key: null, count: 3 }], 'service', 2);
    expect(chart?.bars.map((bar) => [bar.label, bar.count])).toEqual([['payments', 4], ['checkout-api', 2]]);
    expect(Math.round((chart?.bars[0]?.width as number) / (chart?.bars[1]?.width as number))).toBe(2);
    expect(chart?.description).toBe('The 2 services named by the most incidents: payments 4, checkout-api 2. 1 other service is not shown.');
    expect(chart?.unknownNote).toBe('3 incidents name no service.');
    const long = layoutRankChart([{ key: 'a-service-with-a-very-long-name-indeed', count: 1 }], 'tag');
    expect(long?.bars[0]).toMatchObject({ label: 'a-service-with-a-very-l…', fullLabel: 'a-service-with-a-very-long-name-indeed' });
    expect(long?.description).toBe('The tag named by the most incidents: a-service-with-a-very-long-name-indeed 1.');
    expect(layoutRankChart([{ key: null, count: 2 }], 'tag')).toBeNull();
  });
});

describe('the severity patterns', () => {
  it('are defined for the kinds in use only, the most severe solid, in order of severity', () => {
    expect(severityPatterns(['other', 'critical', 'minor', 'critical']).map((pattern) => [pattern.kind, pattern.d === '', pattern.style])).toEqual([
      ['critical', true, 'fill'],
      ['minor', false, 'fill'],
      ['other', false, 'stroke'],
    ]);
  });
});
