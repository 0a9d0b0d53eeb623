import { describe, expect, it } from 'vitest';
import type { CollectionStats } from '../../src/collection/types.js';
import { runInProcess, useTempDir } from './cli-harness.js';
import { BROKEN, COLLECTION, writeFiles } from './stats-documents.js';

let cwd: string;
useTempDir((path) => (cwd = path));

const stats = (args: string[], options: { ttyColorDepth?: number; env?: Record<string, string> } = {}) => runInProcess(['stats', ...args], { cwd, ...options });

type StatsJson = CollectionStats & { skipped: Array<{ file: string; line: number | null; message: string }> };

async function statsJson(args: string[]): Promise<StatsJson> {
  const result = await stats([...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as StatsJson;
}

/** The lines of the report's section whose heading starts with `heading`, up to the blank line that ends it. */
function section(report: string, heading: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`no section ${heading} in:\n${report}`);
  const end = lines.findIndex((line, index) => index > start && line === '');
  return lines.slice(start, end < 0 ? undefined : end);
}

/** A table row with its cells split on the two or more spaces between columns. */
const cells = (line: string | undefined) => (line ?? '').trim().split(/ {2,}/);

describe('postmortem stats: the terminal report', () => {
  it('reads postmortems/ by default and lays each table out in aligned columns', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = await stats(['--today', '2026-09-15']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const report = result.stdout;
    expect(report).toMatch(/^Postmortem stats: 4 incidents, 2026-01-10 to 2026-06-02\n1 incident without a date is counted under \(unknown\) month and quarter\.\n\n/);
    expect(section(report, 'Incidents by month')).toEqual([
      'Incidents by month (times: median / 90th percentile)',
      '  Month      Incidents  To detect             To acknowledge        To mitigate            To resolve',
      '  2026-01            1  5 min / 5 min         12 min / 12 min       40 min / 40 min        1 h 20 min / 1 h 20 min',
      '  2026-02            1  3 min / 3 min         unknown (1 incident)  unknown (1 incident)   45 min / 45 min',
      '  2026-06            1  20 min / 20 min       30 min / 30 min       1 h 0 min / 1 h 0 min  2 h 30 min / 2 h 30 min',
      '  (unknown)          1  unknown (1 incident)  unknown (1 incident)  unknown (1 incident)   unknown (1 incident)',
    ]);
  });

  it('gives the four times over all incidents with how many are known, and shows none as unknown, not 0', async () => {
    await writeFiles(cwd, COLLECTION);
    const times = section((await stats(['--today', '2026-09-15'])).stdout, 'Times over all 4 incidents');
    expect(cells(times[1])).toEqual(['Time', 'Known', 'Unknown', 'Median', '90th pct', 'Shortest', 'Longest']);
    // Detect 3, 5, 20: median 5, p90 at rank 1.8 = 5 + 0.8 * 15 = 17.
    expect(cells(times[2])).toEqual(['Time to detect', '3', '1', '5 min', '17 min', '3 min', '20 min']);
    // Acknowledge 12, 30: median 21, p90 = 12 + 0.9 * 18 = 28.2, shown in whole minutes.
    expect(cells(times[3])).toEqual(['Time to acknowledge', '2', '2', '21 min', '28 min', '12 min', '30 min']);
    expect(cells(times[4])).toEqual(['Time to mitigate', '2', '2', '50 min', '58 min', '40 min', '1 h 0 min']);
    // Resolve 45, 80, 150: median 1 h 20 min, p90 at rank 1.8 = 80 + 0.8 * 70 = 136.
    expect(cells(times[5])).toEqual(['Time to resolve', '3', '1', '1 h 20 min', '2 h 16 min', '45 min', '2 h 30 min']);
    expect(times.join('\n')).not.toMatch(/ {2}0 min/);

    await writeFiles(cwd, { 'only/undated.md': COLLECTION['postmortems/undated.md'] as string });
    const unknown = section((await stats(['only', '--today', '2026-09-15'])).stdout, 'Times over all 1 incident');
    expect(cells(unknown[2])).toEqual(['Time to detect', '0', '1', 'unknown (1 incident)']);
  });

  it('gives the times per severity, the counts by severity, service and tag, the action items and recurrences', async () => {
    await writeFiles(cwd, COLLECTION);
    const report = (await stats(['--today', '2026-09-15'])).stdout;
    expect(section(report, 'Times by severity').slice(2).map(cells)).toEqual([
      // SEV2 detect 5 and 20: median 12.5 (shown rounded, 13 min), p90 5 + 0.9 * 15 = 18.5; resolve 80 and 150: 115 and 143.
      ['SEV2', '2', '13 min / 19 min', '21 min / 28 min', '50 min / 58 min', '1 h 55 min / 2 h 23 min'],
      ['SEV1', '1', '3 min / 3 min', 'unknown (1 incident)', 'unknown (1 incident)', '45 min / 45 min'],
      ['(unknown)', '1', 'unknown (1 incident)', 'unknown (1 incident)', 'unknown (1 incident)', 'unknown (1 incident)'],
    ]);
    expect(section(report, 'Incidents by severity').slice(2).map(cells)).toEqual([['SEV2', '2'], ['SEV1', '1'], ['(unknown)', '1']]);
    expect(section(report, 'Incidents by service').slice(2).map(cells)).toEqual([['checkout', '2'], ['payments', '1'], ['search', '1'], ['(unknown)', '1']]);
    expect(section(report, 'Incidents by contributing factor').slice(2).map(cells)).toEqual([['capacity', '2'], ['deploy', '1'], ['(unknown)', '1']]);
    expect(section(report, 'Action items (as of 2026-09-15)').slice(2).map(cells)).toEqual([
      ['Open', '2'],
      ['overdue', '1'],
      ['without an owner', '1'],
      ['without a due date', '1'],
      ['Done', '1'],
      ['All', '3'],
    ]);
    expect(section(report, 'Recurrences (same service and tag within 90 days)')).toEqual([
      'Recurrences (same service and tag within 90 days)',
      '  checkout + capacity: 2 incidents',
      '    Date        Title                              File',
      '    2026-01-10  Checkout failed for card payments  postmortems/2026-01-10-checkout.md',
      '    2026-02-20  Payments timed out, again          postmortems/2026-02-20-payments.md',
    ]);
  });

  it('says so when nothing recurs', async () => {
    await writeFiles(cwd, COLLECTION);
    const report = (await stats(['--today', '2026-09-15', '--until', '2026-01-31'])).stdout;
    expect(report).toMatch(/^Postmortem stats: 1 incident, 2026-01-10\nOnly incidents dated on or before 2026-01-31\.\n/);
    expect(section(report, 'Recurrences')).toEqual(['Recurrences (same service and tag within 90 days)', '  None.']);
  });

  it('is plain when piped, and has bold headings on a terminal', async () => {
    await writeFiles(cwd, COLLECTION);
    expect((await stats(['--today', '2026-09-15'])).stdout).not.toContain('\u001b[');
    const tty = (await stats(['--today', '2026-09-15'], { ttyColorDepth: 8 })).stdout;
    expect(tty).toContain('\u001b[1mIncidents by month (times: median / 90th percentile)\u001b[22m');
    expect(tty).toContain('\u001b[1mTimes over all 4 incidents\u001b[22m');
    // Only headings: the table rows stay plain.
    expect(tty.split('\n').filter((line) => line.startsWith('  ')).join('\n')).not.toContain('\u001b[');
    expect((await stats(['--today', '2026-09-15'], { ttyColorDepth: 8, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });
});

describe('postmortem stats: options', () => {
  it('groups by quarter, severity or service with --group-by', async () => {
    await writeFiles(cwd, COLLECTION);
    const byQuarter = (await stats(['--group-by', 'quarter', '--today', '2026-09-15'])).stdout;
    expect(section(byQuarter, 'Incidents by quarter').slice(2).map((line) => cells(line).slice(0, 2))).toEqual([['2026-Q1', '2'], ['2026-Q2', '1'], ['(unknown)', '1']]);
    const byService = (await stats(['--group-by', 'service', '--today', '2026-09-15'])).stdout;
    expect(section(byService, 'Incidents by service (times').slice(2).map((line) => cells(line).slice(0, 3))).toEqual([
      // 3 and 5: median 4, p90 4.8.
      ['checkout', '2', '4 min / 5 min'],
      ['payments', '1', '3 min / 3 min'],
      ['search', '1', '20 min / 20 min'],
      ['(unknown)', '1', 'unknown (1 incident)'],
    ]);
    // Grouped by severity, the per-severity times are that table: not printed twice.
    const bySeverity = (await stats(['--group-by', 'severity', '--today', '2026-09-15'])).stdout;
    expect(bySeverity).toContain('Incidents by severity (times: median / 90th percentile)');
    expect(bySeverity).not.toContain('Times by severity');
    expect((await statsJson(['--group-by', 'severity'])).groups.map((group) => group.key)).toEqual(['SEV2', 'SEV1', null]);
  });

  it('keeps incidents dated from --since to --until, both days included, and says what it left out', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = await stats(['--since', '2026-02-20', '--until', '2026-06-02', '--today', '2026-09-15']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^Postmortem stats: 2 incidents, 2026-02-20 to 2026-06-02\nOnly incidents dated 2026-02-20 to 2026-06-02\.\n1 incident dated outside them left out\.\n1 undated incident left out \(no date to compare with --since and --until\)\.\n/,
    );
    const json = await statsJson(['--since', '2026-02-21']);
    expect(json.incidents.map((incident) => incident.date)).toEqual(['2026-06-02']);
    expect([json.since, json.until, json.excludedUndated]).toEqual(['2026-02-21', null, 1]);
    expect((await statsJson(['--until', '2026-01-10'])).incidents.map((incident) => incident.date)).toEqual(['2026-01-10']);
  });

  it('reports when no incident is in the dates', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = await stats(['--since', '2027-01-01']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'Postmortem stats: 0 incidents\nOnly incidents dated on or after 2027-01-01.\n3 incidents dated outside them left out.\n1 undated incident left out (no date to compare with --since and --until).\n',
    );
  });

  it('counts overdue action items against --today', async () => {
    await writeFiles(cwd, COLLECTION);
    expect((await statsJson(['--today', '2026-09-15'])).actions).toEqual({ total: 3, open: 2, done: 1, overdue: 1, unowned: 1, undated: 1 });
    expect((await statsJson(['--today', '2026-02-01'])).actions.overdue).toBe(0);
    expect((await statsJson(['--today', '2026-02-02'])).actions.overdue).toBe(1);
  });

  it.each([
    [['--since', '2026-13-01'], "option '--since <YYYY-MM-DD>' argument '2026-13-01' is invalid. expected a date, YYYY-MM-DD."],
    [['--until', 'yesterday'], "option '--until <YYYY-MM-DD>' argument 'yesterday' is invalid"],
    [['--today', '2026-02-29'], "option '--today <YYYY-MM-DD>' argument '2026-02-29' is invalid"],
    [['--group-by', 'week'], "option '--group-by <group>' argument 'week' is invalid. Allowed choices are month, quarter, severity, service."],
    [['--format', 'xml'], "option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, csv."],
    [['--since', '2026-06-01', '--until', '2026-05-01'], '--since 2026-06-01 is after --until 2026-05-01: no day is in both'],
  ])('refuses %j as a usage error (exit 2, one line)', async (args, message) => {
    await writeFiles(cwd, COLLECTION);
    const result = await stats(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('skips what --ignore and the config file\'s ignores name', async () => {
    await writeFiles(cwd, { ...COLLECTION, 'ci.json': JSON.stringify({ ignores: ['postmortems/undated.md'] }) });
    expect((await statsJson(['--ignore', 'postmortems/*-search.md'])).incidents.map((incident) => incident.date)).toEqual(['2026-01-10', '2026-02-20', null]);
    expect((await statsJson(['-c', 'ci.json'])).incidents.map((incident) => incident.date)).toEqual(['2026-01-10', '2026-02-20', '2026-06-02']);
    expect((await statsJson(['--config', 'ci.json', '--ignore', 'postmortems/2026-0[12]-*'])).incidents.map((incident) => incident.date)).toEqual(['2026-06-02']);
  });

  it('fails with exit 2 when the paths find nothing', async () => {
    const result = await stats(['nowhere']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortem: .*nowhere/);
  });
});

describe('postmortem stats: files that cannot be read', () => {
  it('names each on standard error as file:line: message, leaves it out, says how many, and exits 2', async () => {
    await writeFiles(cwd, { ...COLLECTION, 'postmortems/broken.md': BROKEN });
    const result = await stats(['--today', '2026-09-15']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^postmortems\/broken\.md:2: invalid YAML front matter: [^\n]+\n$/);
    expect(result.stdout).toContain('Postmortem stats: 4 incidents');
    expect(result.stdout).toContain('1 file could not be read and is left out (see the messages above).\n');
  });

  it('lists them in the JSON report too', async () => {
    await writeFiles(cwd, { ...COLLECTION, 'postmortems/broken.md': BROKEN });
    const result = await stats(['--format', 'json', '--today', '2026-09-15']);
    expect(result.exitCode).toBe(2);
    const json = JSON.parse(result.stdout) as StatsJson;
    expect(json.skipped).toEqual([{ file: 'postmortems/broken.md', line: 2, message: expect.stringMatching(/^invalid YAML front matter/) as unknown as string }]);
    expect(json.incidents).toHaveLength(4);
  });
});

describe('postmortem stats --format json', () => {
  it('is the library\'s CollectionStats with the files skipped', async () => {
    await writeFiles(cwd, COLLECTION);
    const json = await statsJson(['--today', '2026-09-15']);
    expect(Object.keys(json)).toEqual([
      'today', 'since', 'until', 'groupBy', 'recurrenceDays', 'excludedUndated', 'incidents', 'counts', 'times', 'timesBySeverity', 'groups', 'actions', 'recurrences', 'skipped',
    ]);
    expect(json.skipped).toEqual([]);
    expect(json.incidents.map((incident) => [incident.file, incident.metrics.timeToDetect, incident.metrics.timeToAcknowledge, incident.metrics.timeToMitigate, incident.metrics.timeToResolve])).toEqual([
      ['postmortems/2026-01-10-checkout.md', 5, 12, 40, 80],
      ['postmortems/2026-02-20-payments.md', 3, null, null, 45],
      ['postmortems/2026-06-02-search.md', 20, 30, 60, 150],
      ['postmortems/undated.md', null, null, null, null],
    ]);
    expect(json.times.timeToAcknowledge).toEqual({ known: 2, unknown: 2, median: 21, p90: 28.2, min: 12, max: 30 });
    expect(json.incidents[0]?.metrics.milestones.detected).toEqual({ at: '2026-01-10T10:05:00+00:00', from: 'timeline', line: 15 });
  });
});

describe('postmortem stats --format csv', () => {
  it('writes one row per incident, blank where a time is unknown, RFC 4180 quoted and guarded against formulas', async () => {
    await writeFiles(cwd, COLLECTION);
    const result = await stats(['--format', 'csv', '--today', '2026-09-15']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\r\n')).toEqual([
      'file,title,date,severity,status,services,tags,time_to_detect_minutes,time_to_acknowledge_minutes,time_to_mitigate_minutes,time_to_resolve_minutes,open_actions,overdue_actions',
      'postmortems/2026-01-10-checkout.md,Checkout failed for card payments,2026-01-10,SEV2,,checkout,capacity,5,12,40,80,1,1',
      'postmortems/2026-02-20-payments.md,"Payments timed out, again",2026-02-20,SEV1,,checkout; payments,capacity,3,,,45,1,0',
      'postmortems/2026-06-02-search.md,"\'=HYPERLINK(""https://example.com"", ""search, slow"")",2026-06-02,SEV2,,search,deploy,20,30,60,150,0,0',
      'postmortems/undated.md,Something went wrong with exports,,,,,,,,,,0,0',
      '',
    ]);
  });
});

describe('postmortem stats --help', () => {
  it('lists every option with examples', async () => {
    const result = await runInProcess(['stats', '--help'], { cwd });
    expect(result.exitCode).toBe(0);
    for (const option of ['--format <format>', '--since <YYYY-MM-DD>', '--until <YYYY-MM-DD>', '--group-by <group>', '--today <YYYY-MM-DD>', '-c, --config <file>', '--ignore <glob>']) {
      expect(result.stdout).toContain(option);
    }
    expect(result.stdout).toContain('Examples:\n  postmortem stats\n');
  });
});
