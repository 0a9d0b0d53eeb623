/**
 * `postmortem stats` reports as text: a terminal report with aligned tables, and CSV with one
 * row per incident. Both are pure: statistics in, a string out (colour is passed in).
 */
import stringWidth from 'string-width';
import { csvText } from '../export/csv.js';
import { formatDuration } from '../model/time.js';
import { INCIDENT_TIME_NAMES, type CollectionStats, type IncidentTimeName, type StatsGroup, type StatsGroupBy, type TimeDistribution } from './types.js';

/** Options of {@link formatStatsText}. */
export interface StatsTextOptions {
  /** How headings are shown: bold on a terminal, as they are otherwise. */
  heading?: (text: string) => string;
  /** How many postmortems were read (before `since` and `until`), to say how many were left out. */
  read?: number;
  /** Files that could not be read and were left out. */
  skipped?: number;
}

/** The times as a report names them. */
export const TIME_LABELS: Record<IncidentTimeName, string> = {
  timeToDetect: 'Time to detect',
  timeToAcknowledge: 'Time to acknowledge',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
};

const SHORT_TIME_LABELS: Record<IncidentTimeName, string> = {
  timeToDetect: 'To detect',
  timeToAcknowledge: 'To acknowledge',
  timeToMitigate: 'To mitigate',
  timeToResolve: 'To resolve',
};

const GROUP_LABELS: Record<StatsGroupBy, string> = { month: 'Month', quarter: 'Quarter', severity: 'Severity', service: 'Service' };

/** What a report shows for a key the documents do not give. */
const UNKNOWN_KEY = '(unknown)';

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const keyText = (key: string | null): string => key ?? UNKNOWN_KEY;

/** `unknown (3 incidents)`: what a time none of the documents give is shown as, never 0. */
function unknownTime(count: number): string {
  return `unknown (${plural(count, 'incident')})`;
}

const duration = (minutes: number | null): string => (minutes === null ? '' : formatDuration(minutes));

/** `22 min / 31 min`, with how many incidents of the group do not give the time. */
function medianAndP90(distribution: TimeDistribution): string {
  if (distribution.known === 0) return unknownTime(distribution.unknown);
  const text = `${duration(distribution.median)} / ${duration(distribution.p90)}`;
  return distribution.unknown > 0 ? `${text} (${distribution.unknown} unknown)` : text;
}

type Align = 'left' | 'right';

/** Rows of cells as aligned columns (by display width: wide characters count double), two spaces apart, indented. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => stringWidth(row[column] ?? ''))));
  const line = (row: readonly string[]): string =>
    `  ${row
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - stringWidth(cell));
        return align[column] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd()}\n`;
  return all.map(line).join('');
}

function groupTable(label: string, groups: readonly StatsGroup[]): string {
  return table(
    [label, 'Incidents', ...INCIDENT_TIME_NAMES.map((name) => SHORT_TIME_LABELS[name])],
    groups.map((group) => [keyText(group.key), String(group.incidents), ...INCIDENT_TIME_NAMES.map((name) => medianAndP90(group.times[name]))]),
    ['left', 'right', 'left', 'left', 'left', 'left'],
  );
}

function countTable(label: string, rows: CollectionStats['counts']['severity']): string {
  return table([label, 'Incidents'], rows.map((row) => [keyText(row.key), String(row.count)]), ['left', 'right']);
}

/** The terminal report of `postmortem stats`. */
export function formatStatsText(stats: CollectionStats, options: StatsTextOptions = {}): string {
  const heading = options.heading ?? ((text: string) => text);
  const sections: string[] = [];
  const { incidents } = stats;
  const dated = incidents.filter((incident) => incident.date !== null);
  const [first, last] = [dated[0]?.date, dated[dated.length - 1]?.date];
  const span = first === undefined ? '' : first === last ? `, ${first}` : `, ${first} to ${last}`;
  const notes: string[] = [];
  if (stats.since !== null && stats.until !== null) notes.push(`Only incidents dated ${stats.since} to ${stats.until}.`);
  else if (stats.since !== null) notes.push(`Only incidents dated on or after ${stats.since}.`);
  else if (stats.until !== null) notes.push(`Only incidents dated on or before ${stats.until}.`);
  const outside = options.read === undefined ? 0 : options.read - incidents.length - stats.excludedUndated;
  if (outside > 0) notes.push(`${plural(outside, 'incident')} dated outside them left out.`);
  if (stats.excludedUndated > 0) notes.push(`${plural(stats.excludedUndated, 'undated incident')} left out (no date to compare with --since and --until).`);
  if (options.skipped) notes.push(`${plural(options.skipped, 'file')} could not be read and ${options.skipped === 1 ? 'is' : 'are'} left out (see the messages above).`);
  const undated = incidents.length - dated.length;
  if (undated > 0) notes.push(`${plural(undated, 'incident')} without a date ${undated === 1 ? 'is' : 'are'} counted under ${UNKNOWN_KEY} month and quarter.`);
  sections.push(`${heading(`Postmortem stats: ${plural(incidents.length, 'incident')}${span}`)}\n${notes.map((note) => `${note}\n`).join('')}`);
  if (incidents.length === 0) return sections.join('\n');

  sections.push(`${heading(`Incidents by ${stats.groupBy} (times: median / 90th percentile)`)}\n${groupTable(GROUP_LABELS[stats.groupBy], stats.groups)}`);

  sections.push(
    `${heading(`Times over all ${plural(incidents.length, 'incident')}`)}\n${table(
      ['Time', 'Known', 'Unknown', 'Median', '90th pct', 'Shortest', 'Longest'],
      INCIDENT_TIME_NAMES.map((name) => {
        const distribution = stats.times[name];
        if (distribution.known === 0) return [TIME_LABELS[name], '0', String(distribution.unknown), unknownTime(distribution.unknown), '', '', ''];
        return [
          TIME_LABELS[name],
          String(distribution.known),
          String(distribution.unknown),
          duration(distribution.median),
          duration(distribution.p90),
          duration(distribution.min),
          duration(distribution.max),
        ];
      }),
      ['left', 'right', 'right', 'left', 'left', 'left', 'left'],
    )}`,
  );

  if (stats.groupBy !== 'severity') {
    sections.push(`${heading('Times by severity (median / 90th percentile)')}\n${groupTable('Severity', stats.timesBySeverity)}`);
  }

  sections.push(`${heading('Incidents by severity')}\n${countTable('Severity', stats.counts.severity)}`);
  sections.push(`${heading('Incidents by service')} (an incident counts once for each of its services)\n${countTable('Service', stats.counts.service)}`);
  sections.push(`${heading('Incidents by contributing factor')} (tags; an incident counts once for each)\n${countTable('Tag', stats.counts.tag)}`);

  const { actions } = stats;
  sections.push(
    `${heading(`Action items (as of ${stats.today})`)}\n${table(
      ['', 'Tasks'],
      [
        ['Open', String(actions.open)],
        ['  overdue', String(actions.overdue)],
        ['  without an owner', String(actions.unowned)],
        ['  without a due date', String(actions.undated)],
        ['Done', String(actions.done)],
        ['All', String(actions.total)],
      ],
      ['left', 'right'],
    )}`,
  );

  const recurrenceHeading = heading(`Recurrences (same service and tag within ${stats.recurrenceDays} days)`);
  if (stats.recurrences.length === 0) {
    sections.push(`${recurrenceHeading}\n  None.\n`);
  } else {
    const blocks = stats.recurrences.map((recurrence) => {
      const rows = recurrence.incidents.map((incident) => [incident.date ?? '', incident.title ?? '(untitled)', incident.file ?? '']);
      return `  ${recurrence.service} + ${recurrence.tag}: ${plural(recurrence.incidents.length, 'incident')}\n${table(['Date', 'Title', 'File'], rows, ['left', 'left', 'left']).replace(/^(?=.)/gm, '  ')}`;
    });
    sections.push(`${recurrenceHeading}\n${blocks.join('')}`);
  }
  return sections.join('\n');
}

/** The columns of {@link formatStatsCsv}. */
export const STATS_CSV_COLUMNS = [
  'file',
  'title',
  'date',
  'severity',
  'status',
  'services',
  'tags',
  'time_to_detect_minutes',
  'time_to_acknowledge_minutes',
  'time_to_mitigate_minutes',
  'time_to_resolve_minutes',
  'open_actions',
  'overdue_actions',
] as const;

/**
 * One row per incident with its times in minutes (an empty field where the document does not
 * give one); services and tags joined with `; `. RFC 4180, guarded against formulas.
 */
export function formatStatsCsv(stats: CollectionStats): string {
  return csvText([
    STATS_CSV_COLUMNS,
    ...stats.incidents.map((incident) => [
      incident.file,
      incident.title,
      incident.date,
      incident.severity,
      incident.status,
      incident.services.join('; '),
      incident.tags.join('; '),
      ...INCIDENT_TIME_NAMES.map((name) => incident.metrics[name]),
      incident.openActions,
      incident.overdueActions,
    ]),
  ]);
}
