/**
 * What a collection of postmortems adds up to, for `postmortem stats`, the site's dashboard
 * and library users: how many incidents by month, quarter, severity, service and tag; the
 * spread of each incident time (median, 90th percentile, least and most), overall, per
 * severity and per group; the state of the action items; and incidents that recur.
 *
 * A figure a document does not give is unknown: it is counted as such (a `null` key, an
 * `unknown` count), never taken as zero.
 */
import { PostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { dueDateOf, isIsoDate, isOverdue, localToday } from './action-state.js';
import { incidentMetrics } from './incident-metrics.js';
import { percentileOfSorted } from './percentile.js';
import {
  INCIDENT_TIME_NAMES,
  type CollectionStats,
  type CollectionStatsOptions,
  type CountRow,
  type IncidentSummary,
  type IncidentTimeName,
  type Recurrence,
  type StatsGroup,
  type StatsGroupBy,
  type TimeDistribution,
} from './types.js';

/** The ways {@link collectionStats} can group incidents, in the order help lists them. */
export const STATS_GROUP_BY: readonly StatsGroupBy[] = ['month', 'quarter', 'severity', 'service'];

/** Days within which an incident with the same service and tag is a recurrence, unless told otherwise. */
export const DEFAULT_RECURRENCE_DAYS = 90;

const DAY_MILLIS = 86_400_000;

/** YYYY-MM of a YYYY-MM-DD date, or null. */
function monthOf(date: string | null): string | null {
  return date === null ? null : date.slice(0, 7);
}

/** YYYY-Qn of a YYYY-MM-DD date, or null. */
function quarterOf(date: string | null): string | null {
  return date === null ? null : `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/**
 * Names as written, grouped without regard to case or surrounding spaces (`Payments` and
 * `payments ` are one service); a group is shown as first spelled in date order.
 */
class Spellings {
  private readonly first = new Map<string, string>();

  /** The spelling that stands for `name`'s group, or null for a blank name. */
  canonical(name: string | null | undefined): string | null {
    const trimmed = name?.trim();
    if (!trimmed) return null;
    const key = trimmed.toLowerCase();
    const known = this.first.get(key);
    if (known !== undefined) return known;
    this.first.set(key, trimmed);
    return trimmed;
  }

  /** The distinct groups of a list of names, in the order given. */
  distinct(names: readonly string[]): string[] {
    const seen = new Set<string>();
    for (const name of names) {
      const canonical = this.canonical(name);
      if (canonical !== null) seen.add(canonical);
    }
    return [...seen];
  }
}

/** One collator for every sort: `localeCompare` builds one per call, which a 10,000-file sort feels. */
const collator = new Intl.Collator('en');

const compareText = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Keys in time order (YYYY-MM and YYYY-Qn sort as text), unknown last. */
function inTimeOrder(counts: Map<string | null, number>): CountRow[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Most first, ties by name, unknown last whatever its count. */
function mostFirst(counts: Map<string | null, number>): CountRow[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : b.count - a.count || compareText(a.key, b.key)));
}

function increment(counts: Map<string | null, number>, key: string | null): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The spread of one time over incidents: the known values, and how many are not known. */
export function timeDistribution(values: ReadonlyArray<number | null>): TimeDistribution {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  return {
    known: known.length,
    unknown: values.length - known.length,
    median: percentileOfSorted(known, 50),
    p90: percentileOfSorted(known, 90),
    min: known.length > 0 ? (known[0] as number) : null,
    max: known.length > 0 ? (known[known.length - 1] as number) : null,
  };
}

function timesOf(incidents: readonly IncidentSummary[]): Record<IncidentTimeName, TimeDistribution> {
  const times = {} as Record<IncidentTimeName, TimeDistribution>;
  for (const name of INCIDENT_TIME_NAMES) times[name] = timeDistribution(incidents.map((incident) => incident.metrics[name]));
  return times;
}

function statsGroups(order: readonly CountRow[], members: Map<string | null, IncidentSummary[]>): StatsGroup[] {
  return order.map(({ key }) => {
    const incidents = members.get(key) ?? [];
    return { key, incidents: incidents.length, times: timesOf(incidents) };
  });
}

function checkDate(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  if (!isIsoDate(value)) throw new PostmortemError(`${name} must be a date as YYYY-MM-DD, not "${value}"`);
  return value;
}

/** The day number (days since 1970-01-01) of a YYYY-MM-DD date. */
function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MILLIS);
}

/**
 * Runs of incidents sharing a service and a tag, each within `days` of the one before (an
 * incident exactly `days` later still counts), two incidents or more. Undated incidents
 * cannot be placed and take no part.
 */
function findRecurrences(incidents: readonly IncidentSummary[], days: number): Recurrence[] {
  // Incidents arrive in date order, so each pair's list is in date order too.
  const byPair = new Map<string, { service: string; tag: string; incidents: IncidentSummary[] }>();
  for (const incident of incidents) {
    if (incident.date === null) continue;
    for (const service of incident.services) {
      for (const tag of incident.tags) {
        const key = `${service}\u0000${tag}`;
        let pair = byPair.get(key);
        if (!pair) byPair.set(key, (pair = { service, tag, incidents: [] }));
        pair.incidents.push(incident);
      }
    }
  }
  const recurrences: Recurrence[] = [];
  for (const { service, tag, incidents: dated } of byPair.values()) {
    let run: IncidentSummary[] = [];
    let previousDay = Number.NEGATIVE_INFINITY;
    const close = (): void => {
      if (run.length >= 2) recurrences.push({ service, tag, incidents: run.map(({ file, title, date }) => ({ file, title, date })) });
    };
    for (const incident of dated) {
      const day = dayNumber(incident.date as string);
      if (day - previousDay > days) {
        close();
        run = [];
      }
      run.push(incident);
      previousDay = day;
    }
    close();
  }
  return recurrences.sort(
    (a, b) =>
      compareText(a.service, b.service)
      || compareText(a.tag, b.tag)
      || compareText(a.incidents[0]?.date ?? '', b.incidents[0]?.date ?? ''),
  );
}

/**
 * Adds up a collection of postmortems (as {@link parsePostmortem} gives them; each one's
 * `source.filePath` names it in the result).
 *
 * - `since` / `until` (YYYY-MM-DD, inclusive) keep the incidents dated within them; an
 *   undated incident is then left out too, and `excludedUndated` says how many were.
 * - Severities, services and tags are grouped without regard to case; an incident counts once
 *   for each of its services and each of its tags; one that names none counts under `null`.
 * - Action items: `open` is not done; `overdue` is open with a due date before `today`;
 *   `unowned` and `undated` are open tasks with no owner, and with no due date that reads as
 *   a date (which can therefore never be overdue).
 *
 * Throws `PostmortemError` for a `today`, `since` or `until` that is not a YYYY-MM-DD date or
 * a `recurrenceDays` that is not a whole number, 0 or more.
 */
export function collectionStats(postmortems: readonly Postmortem[], options: CollectionStatsOptions = {}): CollectionStats {
  const today = checkDate(options.today, 'today') ?? localToday();
  const since = checkDate(options.since, 'since');
  const until = checkDate(options.until, 'until');
  const groupBy = options.groupBy ?? 'month';
  if (!STATS_GROUP_BY.includes(groupBy)) throw new PostmortemError(`groupBy must be one of ${STATS_GROUP_BY.join(', ')}, not "${String(groupBy)}"`);
  const recurrenceDays = options.recurrenceDays ?? DEFAULT_RECURRENCE_DAYS;
  if (!Number.isSafeInteger(recurrenceDays) || recurrenceDays < 0) {
    throw new PostmortemError(`recurrenceDays must be a whole number of days, 0 or more, not ${String(recurrenceDays)}`);
  }

  const dateOf = (postmortem: Postmortem): string | null => {
    const date = postmortem.date?.trim();
    return date && isIsoDate(date) ? date : null;
  };
  let excludedUndated = 0;
  const kept: Array<{ postmortem: Postmortem; date: string | null }> = [];
  for (const postmortem of postmortems) {
    const date = dateOf(postmortem);
    if (since !== null || until !== null) {
      if (date === null) {
        excludedUndated += 1;
        continue;
      }
      if ((since !== null && date < since) || (until !== null && date > until)) continue;
    }
    kept.push({ postmortem, date });
  }
  const fileOf = (postmortem: Postmortem): string => postmortem.source?.filePath ?? '';
  kept.sort(
    (a, b) =>
      (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1)
      || compareText(fileOf(a.postmortem), fileOf(b.postmortem))
      || compareText(a.postmortem.title ?? '', b.postmortem.title ?? ''),
  );

  const severities = new Spellings();
  const services = new Spellings();
  const tags = new Spellings();
  const actions = { total: 0, open: 0, done: 0, overdue: 0, unowned: 0, undated: 0 };
  const incidents: IncidentSummary[] = kept.map(({ postmortem, date }) => {
    let openActions = 0;
    let overdueActions = 0;
    for (const task of postmortem.correctiveActions.tasks) {
      actions.total += 1;
      if (task.done) {
        actions.done += 1;
        continue;
      }
      openActions += 1;
      if (isOverdue(task, today)) overdueActions += 1;
      if (!task.owner?.trim()) actions.unowned += 1;
      if (dueDateOf(task) === null) actions.undated += 1;
    }
    actions.open += openActions;
    actions.overdue += overdueActions;
    return {
      file: postmortem.source?.filePath ?? null,
      title: postmortem.title,
      date,
      severity: severities.canonical(postmortem.severity),
      status: postmortem.status,
      services: services.distinct(postmortem.services),
      tags: tags.distinct(postmortem.tags),
      metrics: incidentMetrics(postmortem),
      openActions,
      overdueActions,
    };
  });

  const byMonth = new Map<string | null, number>();
  const byQuarter = new Map<string | null, number>();
  const bySeverity = new Map<string | null, number>();
  const byService = new Map<string | null, number>();
  const byTag = new Map<string | null, number>();
  const members: Record<StatsGroupBy, Map<string | null, IncidentSummary[]>> = {
    month: new Map(),
    quarter: new Map(),
    severity: new Map(),
    service: new Map(),
  };
  const join = (group: StatsGroupBy, key: string | null, incident: IncidentSummary): void => {
    const list = members[group].get(key);
    if (list) list.push(incident);
    else members[group].set(key, [incident]);
  };
  for (const incident of incidents) {
    const month = monthOf(incident.date);
    const quarter = quarterOf(incident.date);
    increment(byMonth, month);
    increment(byQuarter, quarter);
    increment(bySeverity, incident.severity);
    join('month', month, incident);
    join('quarter', quarter, incident);
    join('severity', incident.severity, incident);
    if (incident.services.length === 0) {
      increment(byService, null);
      join('service', null, incident);
    }
    for (const service of incident.services) {
      increment(byService, service);
      join('service', service, incident);
    }
    if (incident.tags.length === 0) increment(byTag, null);
    for (const tag of incident.tags) increment(byTag, tag);
  }

  const counts: CollectionStats['counts'] = {
    month: inTimeOrder(byMonth),
    quarter: inTimeOrder(byQuarter),
    severity: mostFirst(bySeverity),
    service: mostFirst(byService),
    tag: mostFirst(byTag),
    monthBySeverity: [],
  };
  // Every month lists every severity, in one order, so that stacked bars line up.
  counts.monthBySeverity = counts.month.map(({ key: month }) => {
    const inMonth = new Map<string | null, number>();
    for (const incident of members.month.get(month) ?? []) increment(inMonth, incident.severity);
    return { month, severities: counts.severity.map(({ key }) => ({ key, count: inMonth.get(key) ?? 0 })) };
  });

  const groupOrder: Record<StatsGroupBy, CountRow[]> = { month: counts.month, quarter: counts.quarter, severity: counts.severity, service: counts.service };
  return {
    today,
    since,
    until,
    groupBy,
    recurrenceDays,
    excludedUndated,
    incidents,
    counts,
    times: timesOf(incidents),
    timesBySeverity: statsGroups(counts.severity, members.severity),
    groups: statsGroups(groupOrder[groupBy], members[groupBy]),
    actions,
    recurrences: findRecurrences(incidents, recurrenceDays),
  };
}
