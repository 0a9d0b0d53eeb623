import { describe, expect, it } from 'vitest';
import { collectionStats, timeDistribution } from '../../src/collection/collection-stats.js';
import { localToday } from '../../src/collection/action-state.js';
import { PostmortemError } from '../../src/model/errors.js';
import { emptyPostmortem, emptySummary, type CorrectiveTask, type Postmortem } from '../../src/model/postmortem.js';

interface IncidentFields {
  file: string;
  date?: string | null;
  severity?: string | null;
  services?: string[];
  tags?: string[];
  /** Minutes from impact start to detection, and the impact's length; null: not given. */
  detect?: number | null;
  resolve?: number | null;
  tasks?: Array<Partial<CorrectiveTask>>;
}

/** A postmortem with only what a test needs: impact at 10:00 UTC on its date, detection `detect` minutes later. */
function incident(fields: IncidentFields): Postmortem {
  const date = fields.date === undefined ? '2026-01-10' : fields.date;
  const at = (minutes: number) => new Date(Date.parse(`${date ?? '2026-01-01'}T10:00:00Z`) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  const detect = fields.detect ?? null;
  return {
    ...emptyPostmortem(),
    title: `Incident ${fields.file}`,
    date,
    severity: fields.severity === undefined ? 'SEV2' : fields.severity,
    timezone: 'UTC',
    services: fields.services ?? [],
    tags: fields.tags ?? [],
    summary: { ...emptySummary(), start: detect === null && fields.resolve == null ? null : at(0), durationMinutes: fields.resolve ?? null },
    timeline: detect === null ? [] : [{ time: null, at: at(detect), label: 'Detection', text: 'The alert fired.' }],
    correctiveActions: {
      improvements: [],
      tasks: (fields.tasks ?? []).map((task) => ({ text: 'A task', owner: null, due: null, priority: null, issue: null, done: false, ...task })),
    },
    source: { filePath: fields.file, sections: [], frontMatterLines: 0, frontMatter: null },
  };
}

const keysAndCounts = (rows: Array<{ key: string | null; count: number }>) => rows.map((row) => [row.key, row.count]);

describe('collectionStats: counts', () => {
  const stats = collectionStats(
    [
      incident({ file: 'c.md', date: '2026-04-02', severity: 'SEV1', services: ['checkout', 'payments'], tags: ['capacity'] }),
      incident({ file: 'a.md', date: '2026-01-15', severity: 'SEV2', services: ['Payments', 'payments '], tags: ['config-change', 'Capacity'] }),
      incident({ file: 'b.md', date: '2026-01-20', severity: null, services: [], tags: [] }),
      incident({ file: 'd.md', date: null, severity: 'sev2', services: ['search'], tags: ['capacity'] }),
      incident({ file: 'e.md', date: '2026-03-31', severity: 'SEV3', services: ['search'], tags: [] }),
    ],
    { today: '2026-09-15' },
  );

  it('lists the incidents by date, undated last', () => {
    expect(stats.incidents.map((item) => item.file)).toEqual(['a.md', 'b.md', 'e.md', 'c.md', 'd.md']);
  });

  it('counts by month and quarter in time order, undated under null, last', () => {
    expect(keysAndCounts(stats.counts.month)).toEqual([['2026-01', 2], ['2026-03', 1], ['2026-04', 1], [null, 1]]);
    expect(keysAndCounts(stats.counts.quarter)).toEqual([['2026-Q1', 3], ['2026-Q2', 1], [null, 1]]);
  });

  it('counts severities most first, without regard to case (first spelling by date), unknown last', () => {
    expect(keysAndCounts(stats.counts.severity)).toEqual([['SEV2', 2], ['SEV1', 1], ['SEV3', 1], [null, 1]]);
    expect(stats.incidents.find((item) => item.file === 'd.md')?.severity).toBe('SEV2');
  });

  it('counts an incident once for each of its services and tags; one that names none under null', () => {
    // a.md names Payments twice (case and spaces apart): once. Capacity and capacity are one tag.
    expect(keysAndCounts(stats.counts.service)).toEqual([['Payments', 2], ['search', 2], ['checkout', 1], [null, 1]]);
    expect(keysAndCounts(stats.counts.tag)).toEqual([['Capacity', 3], ['config-change', 1], [null, 2]]);
    expect(stats.incidents[0]?.services).toEqual(['Payments']);
  });

  it('gives every month every severity, in the severity order, zeros included', () => {
    expect(stats.counts.monthBySeverity.map((row) => [row.month, keysAndCounts(row.severities)])).toEqual([
      ['2026-01', [['SEV2', 1], ['SEV1', 0], ['SEV3', 0], [null, 1]]],
      ['2026-03', [['SEV2', 0], ['SEV1', 0], ['SEV3', 1], [null, 0]]],
      ['2026-04', [['SEV2', 0], ['SEV1', 1], ['SEV3', 0], [null, 0]]],
      [null, [['SEV2', 1], ['SEV1', 0], ['SEV3', 0], [null, 0]]],
    ]);
  });
});

describe('collectionStats: times', () => {
  const postmortems = [
    incident({ file: 'a.md', date: '2026-01-05', severity: 'SEV1', detect: 4, resolve: 60, services: ['api'] }),
    incident({ file: 'b.md', date: '2026-01-25', severity: 'SEV1', detect: 10, resolve: 30, services: ['api', 'db'] }),
    incident({ file: 'c.md', date: '2026-02-14', severity: 'SEV2', detect: null, resolve: 200 }),
    incident({ file: 'd.md', date: '2026-05-01', severity: 'SEV2', detect: 0, resolve: null, services: ['db'] }),
    incident({ file: 'e.md', date: '2026-05-09', severity: 'SEV2', detect: 20, resolve: 90, services: ['db'] }),
  ];

  it('spreads each time over the incidents that give it, and counts the others as unknown', () => {
    const { times } = collectionStats(postmortems, { today: '2026-09-15' });
    // Detect: 0, 4, 10, 20 known (c.md does not say): median rank 1.5 = 7, p90 rank 2.7 = 10 + 0.7 * 10 = 17.
    expect(times.timeToDetect).toEqual({ known: 4, unknown: 1, median: 7, p90: 17, min: 0, max: 20 });
    // Resolve: 30, 60, 90, 200 known: median 75, p90 rank 2.7 = 90 + 0.7 * 110 = 167.
    expect(times.timeToResolve).toEqual({ known: 4, unknown: 1, median: 75, p90: 167, min: 30, max: 200 });
    // Nobody gave an acknowledgement: all unknown, nothing made up.
    expect(times.timeToAcknowledge).toEqual({ known: 0, unknown: 5, median: null, p90: null, min: null, max: null });
  });

  it('gives the times per severity', () => {
    const { timesBySeverity } = collectionStats(postmortems, { today: '2026-09-15' });
    expect(timesBySeverity.map((group) => [group.key, group.incidents])).toEqual([['SEV2', 3], ['SEV1', 2]]);
    expect(timesBySeverity[1]?.times.timeToDetect).toEqual({ known: 2, unknown: 0, median: 7, p90: 9.4, min: 4, max: 10 });
    expect(timesBySeverity[0]?.times.timeToResolve).toEqual({ known: 2, unknown: 1, median: 145, p90: 189, min: 90, max: 200 });
  });

  it.each([
    ['month', [['2026-01', 2], ['2026-02', 1], ['2026-05', 2]]],
    ['quarter', [['2026-Q1', 3], ['2026-Q2', 2]]],
    ['severity', [['SEV2', 3], ['SEV1', 2]]],
    // b.md is in both api and db; c.md names no service.
    ['service', [['db', 3], ['api', 2], [null, 1]]],
  ] as const)('groups by %s', (groupBy, expected) => {
    const stats = collectionStats(postmortems, { today: '2026-09-15', groupBy });
    expect(stats.groupBy).toBe(groupBy);
    expect(stats.groups.map((group) => [group.key, group.incidents])).toEqual(expected);
  });

  it('works out a group\'s times from its own incidents', () => {
    const stats = collectionStats(postmortems, { today: '2026-09-15', groupBy: 'service' });
    const db = stats.groups.find((group) => group.key === 'db');
    // b.md 30, d.md unknown, e.md 90.
    expect(db?.times.timeToResolve).toEqual({ known: 2, unknown: 1, median: 60, p90: 84, min: 30, max: 90 });
  });

  it('has a distribution helper that never counts null as 0', () => {
    expect(timeDistribution([null, 5, null])).toEqual({ known: 1, unknown: 2, median: 5, p90: 5, min: 5, max: 5 });
    expect(timeDistribution([])).toEqual({ known: 0, unknown: 0, median: null, p90: null, min: null, max: null });
  });
});

describe('collectionStats: action items', () => {
  const postmortems = [
    incident({
      file: 'a.md',
      tasks: [
        { owner: 'Dana', due: '2026-09-14' }, // open, overdue
        { owner: 'Dana', due: '2026-09-15' }, // open, due today: not overdue
        { owner: null, due: 'next sprint' }, // open, no owner, no date that reads as a date
        { owner: null, due: null, done: true }, // done: neither unowned nor undated counts it
      ],
    }),
    incident({ file: 'b.md', date: '2026-02-01', tasks: [{ owner: '  ', due: '2026-01-01' }, { owner: 'Sam', due: '2026-01-01', done: true }] }),
  ];

  it('counts open, done, overdue, unowned and undated tasks', () => {
    const stats = collectionStats(postmortems, { today: '2026-09-15' });
    expect(stats.actions).toEqual({ total: 6, open: 4, done: 2, overdue: 2, unowned: 2, undated: 1 });
    expect(stats.incidents.map((item) => [item.file, item.openActions, item.overdueActions])).toEqual([['a.md', 3, 1], ['b.md', 1, 1]]);
  });

  it('measures overdue against the given today, by default the local date', () => {
    expect(collectionStats(postmortems, { today: '2025-12-31' }).actions.overdue).toBe(0);
    const stats = collectionStats(postmortems);
    expect(stats.today).toBe(localToday());
  });
});

describe('collectionStats: since and until', () => {
  const postmortems = [
    incident({ file: 'a.md', date: '2026-01-31' }),
    incident({ file: 'b.md', date: '2026-02-01' }),
    incident({ file: 'c.md', date: '2026-02-28' }),
    incident({ file: 'd.md', date: '2026-03-01' }),
    incident({ file: 'e.md', date: null }),
    incident({ file: 'f.md', date: null }),
  ];
  const files = (options: { since?: string; until?: string }) => collectionStats(postmortems, { today: '2026-09-15', ...options }).incidents.map((item) => item.file);

  it('keeps incidents dated on both end days, and leaves undated ones out, saying how many', () => {
    const stats = collectionStats(postmortems, { today: '2026-09-15', since: '2026-02-01', until: '2026-02-28' });
    expect(stats.incidents.map((item) => item.file)).toEqual(['b.md', 'c.md']);
    expect([stats.since, stats.until, stats.excludedUndated]).toEqual(['2026-02-01', '2026-02-28', 2]);
    expect(files({ since: '2026-02-28' })).toEqual(['c.md', 'd.md']);
    expect(files({ until: '2026-01-31' })).toEqual(['a.md']);
  });

  it('counts undated incidents (under an unknown month) when neither is given', () => {
    const stats = collectionStats(postmortems, { today: '2026-09-15' });
    expect(stats.excludedUndated).toBe(0);
    expect(stats.counts.month.at(-1)).toEqual({ key: null, count: 2 });
  });

  it('counts only the incidents kept, action items too', () => {
    const stats = collectionStats([incident({ file: 'a.md', date: '2026-01-31', tasks: [{}] }), incident({ file: 'b.md', date: '2026-03-01', tasks: [{}, {}] })], {
      today: '2026-09-15',
      since: '2026-02-01',
    });
    expect(stats.actions.total).toBe(2);
  });
});

describe('collectionStats: recurrences', () => {
  const recurrences = (postmortems: Postmortem[], recurrenceDays?: number) =>
    collectionStats(postmortems, { today: '2026-09-15', recurrenceDays }).recurrences.map((item) => [item.service, item.tag, item.incidents.map((one) => one.file)]);

  it('finds runs of the same service and tag, each within 90 days of the one before', () => {
    const postmortems = [
      // 60 days, then 60 days: one run of three, though the first and last are 120 days apart.
      incident({ file: 'a.md', date: '2026-01-01', services: ['api'], tags: ['capacity'] }),
      incident({ file: 'b.md', date: '2026-03-02', services: ['API'], tags: ['capacity', 'config-change'] }),
      incident({ file: 'c.md', date: '2026-05-01', services: ['api'], tags: ['capacity'] }),
      // Exactly 90 days after c.md: still a recurrence. 91 days after that: a new run of one.
      incident({ file: 'd.md', date: '2026-07-30', services: ['api'], tags: ['capacity'] }),
      incident({ file: 'e.md', date: '2026-10-29', services: ['api'], tags: ['capacity'] }),
      // Same service, other tag; same tag, other service: no pair recurs.
      incident({ file: 'f.md', date: '2026-03-03', services: ['db'], tags: ['config-change'] }),
      // Undated: cannot be placed.
      incident({ file: 'g.md', date: null, services: ['api'], tags: ['config-change'] }),
    ];
    expect(recurrences(postmortems)).toEqual([['api', 'capacity', ['a.md', 'b.md', 'c.md', 'd.md']]]);
  });

  it('reports each run of a pair, and every pair an incident shares', () => {
    const postmortems = [
      incident({ file: 'a.md', date: '2026-01-01', services: ['web', 'api'], tags: ['cache', 'deploy'] }),
      incident({ file: 'b.md', date: '2026-01-11', services: ['api', 'web'], tags: ['deploy', 'cache'] }),
      incident({ file: 'c.md', date: '2026-09-01', services: ['api'], tags: ['deploy'] }),
      incident({ file: 'd.md', date: '2026-09-05', services: ['api'], tags: ['deploy'] }),
    ];
    expect(recurrences(postmortems)).toEqual([
      ['api', 'cache', ['a.md', 'b.md']],
      ['api', 'deploy', ['a.md', 'b.md']],
      ['api', 'deploy', ['c.md', 'd.md']],
      ['web', 'cache', ['a.md', 'b.md']],
      ['web', 'deploy', ['a.md', 'b.md']],
    ]);
  });

  it('takes another window when told', () => {
    const postmortems = [
      incident({ file: 'a.md', date: '2026-01-01', services: ['api'], tags: ['capacity'] }),
      incident({ file: 'b.md', date: '2026-01-31', services: ['api'], tags: ['capacity'] }),
    ];
    expect(recurrences(postmortems, 29)).toEqual([]);
    expect(recurrences(postmortems, 30)).toEqual([['api', 'capacity', ['a.md', 'b.md']]]);
    expect(collectionStats(postmortems, { today: '2026-09-15', recurrenceDays: 30 }).recurrenceDays).toBe(30);
  });
});

describe('collectionStats: options', () => {
  it.each([
    [{ today: '2026-02-30' }, 'today must be a date as YYYY-MM-DD'],
    [{ since: 'last week' }, 'since must be a date'],
    [{ until: '2026-1-5' }, 'until must be a date'],
    [{ recurrenceDays: -1 }, 'recurrenceDays must be a whole number'],
    [{ groupBy: 'week' as never }, 'groupBy must be one of month, quarter, severity, service'],
  ])('refuses %j', (options, message) => {
    expect(() => collectionStats([], options)).toThrow(PostmortemError);
    expect(() => collectionStats([], options)).toThrow(message);
  });

  it('adds up an empty collection to nothing, without inventing times', () => {
    const stats = collectionStats([], { today: '2026-09-15' });
    expect(stats.incidents).toEqual([]);
    expect(stats.times.timeToResolve).toEqual({ known: 0, unknown: 0, median: null, p90: null, min: null, max: null });
    expect(stats.groups).toEqual([]);
  });
});
