/**
 * What the site's dashboard (`dashboard.html`) shows: the headline numbers, the incidents per
 * month stacked by severity, the time to resolve per severity as a distribution, the services
 * and tags most often involved, and the incidents that recur, all from `collectionStats`'s
 * figures (the same as `postmortem stats` reports), laid out by dashboard-charts.ts.
 */
import type { CollectionStats } from '../collection/types.js';
import { formatDuration, longDate } from '../model/time.js';
import { layoutMonthChart, layoutRankChart, layoutResolutionChart, severityPatterns, type MonthChart, type RankChart, type SeverityPattern, type StripChart } from './dashboard-charts.js';

/** A headline number. */
export interface DashboardNumber {
  /** Stable key, also a CSS class (`dash-number-overdue`). */
  key: string;
  value: string;
  label: string;
  /** A line under it (`90th percentile 2 h 5 min · 1 unknown`), or empty. */
  note: string;
  /** Whether it calls for attention (overdue action items): shown with a mark, not only a colour. */
  alert: boolean;
}

/** Incidents that recur: the same service and tag, each within the window of the one before. */
export interface DashboardRecurrence {
  service: string;
  tag: string;
  incidents: Array<{ title: string; href: string | null; date: string }>;
}

/** The dashboard's content (its head and navigation are the collection pages' own). */
export interface SiteDashboardContent {
  title: string;
  summary: string;
  numbers: DashboardNumber[];
  months: MonthChart | null;
  resolution: StripChart | null;
  services: RankChart | null;
  tags: RankChart | null;
  recurrences: DashboardRecurrence[];
  /** The severities' patterns the charts use, defined once in the page. */
  patterns: SeverityPattern[];
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * The dashboard's content from the collection's figures (`collectionStats` over every
 * postmortem of the site, on the site's `today`). `pageOf` gives the link to the page of an
 * incident's file (`source.filePath`), when there is one. Pure.
 */
export function buildSiteDashboardContent(stats: CollectionStats, pageOf: (file: string | null) => string | null): SiteDashboardContent {
  const { incidents, times, actions } = stats;
  const dates = incidents.map((incident) => incident.date).filter((date): date is string => date !== null).sort();
  const span = dates.length > 0 ? ` from ${longDate(dates[0] as string)} to ${longDate(dates[dates.length - 1] as string)}` : '';
  const resolve = times.timeToResolve;
  const numbers: DashboardNumber[] = [
    {
      key: 'incidents',
      value: String(incidents.length),
      label: incidents.length === 1 ? 'Incident' : 'Incidents',
      note: dates.length < incidents.length ? `${incidents.length - dates.length} undated` : '',
      alert: false,
    },
    {
      key: 'resolve',
      value: resolve.median !== null ? formatDuration(resolve.median) : 'Unknown',
      label: 'Median time to resolve',
      note: [resolve.p90 !== null ? `90th percentile ${formatDuration(resolve.p90)}` : '', resolve.unknown > 0 ? `${resolve.unknown} unknown` : ''].filter(Boolean).join(' · '),
      alert: false,
    },
    { key: 'open', value: String(actions.open), label: actions.open === 1 ? 'Open action item' : 'Open action items', note: `of ${actions.total}`, alert: false },
    {
      key: 'overdue',
      value: String(actions.overdue),
      label: actions.overdue === 1 ? 'Overdue action item' : 'Overdue action items',
      note: `due before ${longDate(stats.today)}`,
      alert: actions.overdue > 0,
    },
  ];
  const months = layoutMonthChart(stats.counts.monthBySeverity);
  const resolution = layoutResolutionChart(incidents, stats.timesBySeverity);
  const patterns = severityPatterns([...(months?.legend ?? []).map((item) => item.severity.kind), ...(resolution?.rows ?? []).map((row) => row.severity.kind)]);
  return {
    title: 'Dashboard',
    summary: `${plural(incidents.length, 'incident', 'incidents')}${span}; action items as of ${longDate(stats.today)}.`,
    numbers,
    months,
    resolution,
    services: layoutRankChart(stats.counts.service, 'service'),
    tags: layoutRankChart(stats.counts.tag, 'tag'),
    recurrences: stats.recurrences.map((recurrence) => ({
      service: recurrence.service,
      tag: recurrence.tag,
      incidents: recurrence.incidents.map((incident) => ({ title: incident.title ?? incident.file ?? 'Untitled', href: pageOf(incident.file), date: incident.date ? longDate(incident.date) : '' })),
    })),
    patterns,
  };
}
