/**
 * Every figure of `stats` that test/fixtures/collection/expected.json gives (worked out by hand
 * in EXPECTED.md beside it), checked against collectionStats and through the real bin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectionStats } from '../../src/collection/collection-stats.js';
import { readCollection } from '../../src/collection/read-collection.js';
import { INCIDENT_TIME_NAMES, type CollectionStats, type CountRow, type IncidentTimeName, type StatsGroup, type TimeDistribution } from '../../src/collection/types.js';
import type { Postmortem } from '../../src/model/postmortem.js';
import { repoRoot, runBin } from '../cli/cli-harness.js';

const fixture = join(repoRoot, 'test', 'fixtures', 'collection');

interface ExpectedDistribution {
  known: number;
  unknown: number;
  median: number | null;
  p90: number | null;
  min?: number | null;
  max?: number | null;
}

type ExpectedTimes = Record<IncidentTimeName, ExpectedDistribution>;

interface Expected {
  today: string;
  incidents: Record<string, { date: string; severity: string | null; openActions: number; overdueActions: number } & Record<IncidentTimeName, number | null>>;
  countsByMonth: Record<string, number>;
  countsByQuarter: Record<string, number>;
  countsBySeverity: Record<string, number>;
  countsByService: Record<string, number>;
  countsByTag: Record<string, number>;
  monthBySeverity: Record<string, Record<string, number>>;
  times: ExpectedTimes;
  timesBySeverity: Record<string, ExpectedTimes>;
  groupsByQuarter: Record<string, { incidents: number; timeToResolve: ExpectedDistribution }>;
  groupsByService: Record<string, { incidents: number; timeToResolve: ExpectedDistribution }>;
  actions: { total: number; open: number; done: number; overdue: number; unowned: number; undated: number };
  recurrences: Array<{ service: string; tag: string; files: string[] }>;
  since2026Q2Q3: { since: string; until: string; files: string[]; actions: { total: number; open: number; overdue: number } };
}

const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Expected;

const baseName = (file: string | null) => (file ?? '').split('/').pop() as string;

/** Count rows as expected.json writes them: key to count, `unknown` for the null key. */
const asObject = (rows: CountRow[]) => Object.fromEntries(rows.map((row) => [row.key ?? 'unknown', row.count]));

/** A distribution with only the fields expected.json gives for it. */
function shaped(distribution: TimeDistribution, like: ExpectedDistribution): ExpectedDistribution {
  return Object.fromEntries(Object.keys(like).map((key) => [key, distribution[key as keyof TimeDistribution]])) as unknown as ExpectedDistribution;
}

function timesAsExpected(times: Record<IncidentTimeName, TimeDistribution>, like: ExpectedTimes): ExpectedTimes {
  return Object.fromEntries(INCIDENT_TIME_NAMES.map((name) => [name, shaped(times[name], like[name])])) as ExpectedTimes;
}

function groupsAsExpected(groups: StatsGroup[], like: Expected['groupsByQuarter']): Expected['groupsByQuarter'] {
  return Object.fromEntries(
    groups.map((group) => {
      const key = group.key ?? 'unknown';
      const resolve = like[key]?.timeToResolve ?? { known: 0, unknown: 0, median: null, p90: null };
      return [key, { incidents: group.incidents, timeToResolve: shaped(group.times.timeToResolve, resolve) }];
    }),
  );
}

/** Every figure expected.json gives, checked against one CollectionStats (from the library or the bin). */
function checkEveryFigure(stats: CollectionStats): void {
  expect(stats.today).toBe(expected.today);
  expect(stats.incidents.map((incident) => baseName(incident.file))).toEqual(Object.keys(expected.incidents));
  for (const incident of stats.incidents) {
    const { metrics } = incident;
    expect(
      {
        date: incident.date,
        severity: incident.severity,
        openActions: incident.openActions,
        overdueActions: incident.overdueActions,
        timeToDetect: metrics.timeToDetect,
        timeToAcknowledge: metrics.timeToAcknowledge,
        timeToMitigate: metrics.timeToMitigate,
        timeToResolve: metrics.timeToResolve,
      },
      baseName(incident.file),
    ).toEqual(expected.incidents[baseName(incident.file)]);
  }
  expect(asObject(stats.counts.month)).toEqual(expected.countsByMonth);
  expect(asObject(stats.counts.quarter)).toEqual(expected.countsByQuarter);
  expect(asObject(stats.counts.severity)).toEqual(expected.countsBySeverity);
  expect(asObject(stats.counts.service)).toEqual(expected.countsByService);
  expect(asObject(stats.counts.tag)).toEqual(expected.countsByTag);
  // Only the severities a month has: the zeros every month also lists are checked apart.
  expect(Object.fromEntries(stats.counts.monthBySeverity.map((row) => [row.month ?? 'unknown', asObject(row.severities.filter((severity) => severity.count > 0))]))).toEqual(expected.monthBySeverity);
  expect(stats.counts.monthBySeverity.every((row) => row.severities.length === stats.counts.severity.length)).toBe(true);
  expect(timesAsExpected(stats.times, expected.times)).toEqual(expected.times);
  expect(Object.fromEntries(stats.timesBySeverity.map((group) => [group.key ?? 'unknown', timesAsExpected(group.times, expected.timesBySeverity[group.key ?? 'unknown'] as ExpectedTimes)]))).toEqual(expected.timesBySeverity);
  // expected.json's actions also list the items and owners, for `actions`: stats gives the counts.
  const { total, open, done, overdue, unowned, undated } = expected.actions;
  expect(stats.actions).toEqual({ total, open, done, overdue, unowned, undated });
  expect(stats.recurrences.map((recurrence) => ({ service: recurrence.service, tag: recurrence.tag, files: recurrence.incidents.map((incident) => baseName(incident.file)) }))).toEqual(expected.recurrences);
}

let postmortems: Postmortem[];

beforeAll(async () => {
  const files = await readCollection(['postmortems'], { cwd: fixture });
  expect(files.filter((file) => file.error !== null)).toEqual([]);
  postmortems = files.map((file) => file.postmortem as Postmortem);
});

describe('the fixture collection, through collectionStats', () => {
  it('gives every figure expected.json gives', () => {
    checkEveryFigure(collectionStats(postmortems, { today: expected.today }));
  });

  it('groups by quarter and by service as worked out by hand', () => {
    const byQuarter = collectionStats(postmortems, { today: expected.today, groupBy: 'quarter' }).groups;
    expect(groupsAsExpected(byQuarter, expected.groupsByQuarter)).toEqual(expected.groupsByQuarter);
    const byService = collectionStats(postmortems, { today: expected.today, groupBy: 'service' }).groups;
    const worked = Object.keys(expected.groupsByService);
    expect(groupsAsExpected(byService.filter((group) => worked.includes(group.key ?? 'unknown')), expected.groupsByService)).toEqual(expected.groupsByService);
    expect(byService.map((group) => [group.key ?? 'unknown', group.incidents])).toEqual(Object.entries(expected.countsByService).sort(([a, x], [b, y]) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : y - x || a.localeCompare(b))));
  });

  it('groups by severity exactly as it gives the times by severity', () => {
    const stats = collectionStats(postmortems, { today: expected.today, groupBy: 'severity' });
    expect(stats.groups).toEqual(stats.timesBySeverity);
  });

  it('keeps the incidents of the second and third quarters with since and until', () => {
    const { since, until, files, actions } = expected.since2026Q2Q3;
    const stats = collectionStats(postmortems, { today: expected.today, since, until });
    expect(stats.incidents.map((incident) => baseName(incident.file))).toEqual(files);
    expect({ total: stats.actions.total, open: stats.actions.open, overdue: stats.actions.overdue }).toEqual(actions);
    expect(stats.excludedUndated).toBe(0);
  });
});

describe('the fixture collection, through the bin', () => {
  it('gives every figure expected.json gives with stats --format json', () => {
    const result = runBin(['stats', 'postmortems', '--format', 'json', '--today', expected.today], { cwd: fixture, env: { TZ: 'America/Los_Angeles' } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout) as CollectionStats & { skipped: unknown[] };
    expect(json.skipped).toEqual([]);
    checkEveryFigure(json);
  });

  it('gives the same rows of times with stats --format csv, blank where the document does not say', () => {
    const result = runBin(['stats', 'postmortems', '--format', 'csv', '--today', expected.today], { cwd: fixture });
    expect(result.exitCode).toBe(0);
    const rows = result.stdout.trimEnd().split('\r\n').slice(1).map((line) => line.split(','));
    const blank = (value: number | null) => (value === null ? '' : String(value));
    expect(rows.map((row) => [baseName(row[0] ?? null), ...row.slice(-6)])).toEqual(
      Object.entries(expected.incidents).map(([file, incident]) => [
        file,
        ...INCIDENT_TIME_NAMES.map((name) => blank(incident[name])),
        String(incident.openActions),
        String(incident.overdueActions),
      ]),
    );
  });
});
