/**
 * The dashboard's charts as geometry and text, no markup: the `chart-*` partials draw them,
 * so that every name from a postmortem reaches the page through Handlebars' escaping, as the
 * timeline chart does (timeline-chart.ts). Each chart says what it shows in a sentence (its
 * SVG title and description), labels its values in text, and tells severities apart by a
 * pattern as well as a colour, so that it reads in print, in grey and without colour vision.
 *
 * The figures are `collectionStats`'s; these functions only place them.
 */
import type { CountRow, IncidentSummary, StatsGroup } from '../collection/types.js';
import { formatDuration } from '../model/time.js';
import { severityClass } from './page-view.js';
import { tenths } from './timeline-chart.js';

/** The charts' width in SVG units (the timeline chart's): they scale down with the page. */
const WIDTH = 840;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Average advance of a character of the charts' font at 12px. */
const CHARACTER_WIDTH = 12 * 0.56;

/** The classes of severity, most severe first: each has its colour and its pattern. */
const SEVERITY_CLASSES = ['critical', 'major', 'minor', 'low', 'other'] as const;

/** A pattern drawn over a severity's colour: a path, stroked (lines) or filled (dots). */
export interface SeverityPattern {
  kind: (typeof SEVERITY_CLASSES)[number];
  /** The path in a 6×6 tile; empty for the most severe, which is solid. */
  d: string;
  style: 'stroke' | 'fill';
}

const PATTERNS: Record<(typeof SEVERITY_CLASSES)[number], Omit<SeverityPattern, 'kind'>> = {
  critical: { d: '', style: 'fill' },
  major: { d: 'M-1 1L1 -1M0 6L6 0M5 7L7 5', style: 'stroke' },
  minor: { d: 'M2 3a1 1 0 1 0 2 0a1 1 0 1 0 -2 0Z', style: 'fill' },
  low: { d: 'M0 1.5H6M0 4.5H6', style: 'stroke' },
  other: { d: 'M0 0L6 6M6 0L0 6', style: 'stroke' },
};

/** The patterns of the given kinds of severity, for the page to define once. */
export function severityPatterns(kinds: Iterable<SeverityPattern['kind']>): SeverityPattern[] {
  const wanted = new Set(kinds);
  return SEVERITY_CLASSES.filter((kind) => wanted.has(kind)).map((kind) => ({ kind, ...PATTERNS[kind] }));
}

/** A severity as the charts show it: its name, and the class that gives its colour and pattern. */
export interface ChartSeverity {
  /** As written (`SEV1`), or `No severity` for incidents that give none. */
  name: string;
  /** `critical`, `major`, `minor`, `low` or `other`: the CSS class `sev-...` and the pattern `pm-pattern-...`. */
  kind: (typeof SEVERITY_CLASSES)[number];
}

/** The name shown for incidents whose document gives no severity. */
const NO_SEVERITY = 'No severity';

function chartSeverity(key: string | null): ChartSeverity {
  const kind = key === null ? 'other' : (severityClass(key).replace('severity-', '') as ChartSeverity['kind']);
  return { name: key ?? NO_SEVERITY, kind };
}

/** Severities most severe first (by class, then as written), those of no severity last. */
function severityOrder(keys: ReadonlyArray<string | null>): Array<string | null> {
  const rank = (key: string | null): number => (key === null ? SEVERITY_CLASSES.length : SEVERITY_CLASSES.indexOf(chartSeverity(key).kind));
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a === null || b === null ? 0 : a < b ? -1 : a > b ? 1 : 0));
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** A round step for an axis from 0 to `max` with about `ticks` ticks: 1, 2 or 5 times a power of ten, at least `least`. */
function niceStep(max: number, ticks: number, least = 1): number {
  const rough = Math.max(max / ticks, least);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return Math.max(step, least);
}

/** An item of a chart's legend. */
export interface ChartLegendItem {
  severity: ChartSeverity;
  /** The swatch's top-left corner, and where the name starts. */
  x: number;
  textX: number;
}

function legendFor(severities: readonly ChartSeverity[], left: number): ChartLegendItem[] {
  let x = left;
  return severities.map((severity) => {
    const item = { severity, x, textX: x + 20 };
    x += 20 + severity.name.length * CHARACTER_WIDTH + 18;
    return item;
  });
}

/** One severity's part of a month's bar. */
export interface MonthBarSegment {
  severity: ChartSeverity;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** `March 2026: 2 SEV2`, for the tooltip. */
  title: string;
}

/** A month's bar. */
export interface MonthBar {
  month: string;
  /** The label under the bar (`Mar`), and the year under the first month of each year (else empty). */
  label: string;
  year: string;
  /** The bar's centre. */
  x: number;
  total: number;
  /** Where the total is written, above the bar (empty months have none). */
  totalY: number;
  segments: MonthBarSegment[];
}

/** The incidents per month, stacked by severity. */
export interface MonthChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  bars: MonthBar[];
  /** Horizontal grid lines and their counts. */
  ticks: Array<{ y: number; label: string }>;
  /** Where the month names and the years are written. */
  labelY: number;
  yearY: number;
  legend: ChartLegendItem[];
  legendY: number;
  /** A sentence saying what the chart shows. */
  description: string;
}

/** `2026-03` -> `March 2026`. */
export function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${LONG_MONTH_NAMES[number - 1] ?? ''} ${year}`;
}

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * Lays out the incidents per month (`counts.monthBySeverity`): a bar for every month from the
 * first incident's to the last's, months without one included, each stacked by severity, the
 * most severe at the bottom. Undated incidents are left out (the description says how many).
 * Null when no incident is dated.
 */
export function layoutMonthChart(monthBySeverity: ReadonlyArray<{ month: string | null; severities: CountRow[] }>): MonthChart | null {
  const dated = monthBySeverity.filter((row): row is { month: string; severities: CountRow[] } => row.month !== null && /^\d{4}-\d{2}$/.test(row.month));
  if (dated.length === 0) return null;
  const byMonth = new Map(dated.map((row) => [row.month, row.severities]));
  const sortedMonths = [...byMonth.keys()].sort();
  const months: string[] = [];
  for (let month = sortedMonths[0] as string; month <= (sortedMonths[sortedMonths.length - 1] as string); month = nextMonth(month)) months.push(month);
  const order = severityOrder(dated.flatMap((row) => row.severities.filter((entry) => entry.count > 0).map((entry) => entry.key)));
  const severities = order.map(chartSeverity);
  const totals = months.map((month) => (byMonth.get(month) ?? []).reduce((sum, entry) => sum + entry.count, 0));
  const maxTotal = Math.max(1, ...totals);
  const step = niceStep(maxTotal, 4);
  const top = Math.ceil(maxTotal / step) * step;

  const legendY = 14;
  const plot = { left: 44, right: WIDTH - 12, top: 52, bottom: 252 };
  const slot = (plot.right - plot.left) / months.length;
  const barWidth = Math.min(48, slot * 0.68);
  const scale = (count: number): number => (count / top) * (plot.bottom - plot.top);
  // A label for every month while they fit, else for every few (always January).
  const every = Math.ceil(months.length / Math.max(1, Math.floor((plot.right - plot.left) / 34)));
  const bars = months.map((month, index): MonthBar => {
    const x = plot.left + slot * (index + 0.5);
    const counts = new Map((byMonth.get(month) ?? []).map((entry) => [entry.key, entry.count]));
    let y = plot.bottom;
    const segments: MonthBarSegment[] = [];
    order.forEach((key, position) => {
      const count = counts.get(key) ?? 0;
      if (count === 0) return;
      const height = scale(count);
      y -= height;
      const severity = severities[position] as ChartSeverity;
      segments.push({ severity, count, x: Number(tenths(x - barWidth / 2)), y: Number(tenths(y)), width: Number(tenths(barWidth)), height: Number(tenths(height)), title: `${monthName(month)}: ${count} ${severity.name}` });
    });
    const number = Number(month.slice(5));
    const labelled = index % every === 0 || number === 1;
    return {
      month,
      label: labelled ? (MONTH_NAMES[number - 1] as string) : '',
      year: index === 0 || number === 1 ? month.slice(0, 4) : '',
      x: Number(tenths(x)),
      total: totals[index] as number,
      totalY: Number(tenths(y - 5)),
      segments,
    };
  });
  const ticks = [];
  for (let value = 0; value <= top; value += step) ticks.push({ y: Number(tenths(plot.bottom - scale(value))), label: String(value) });
  const total = totals.reduce((sum, count) => sum + count, 0);
  const busiest = months[totals.indexOf(maxTotal)] as string;
  const undated = monthBySeverity.filter((row) => row.month === null).reduce((sum, row) => sum + row.severities.reduce((inner, entry) => inner + entry.count, 0), 0);
  const description = `Incidents per month from ${monthName(months[0] as string)} to ${monthName(months[months.length - 1] as string)}, stacked by severity: `
    + `${plural(total, 'incident', 'incidents')}, the most in ${monthName(busiest)} (${maxTotal}).`
    + (undated > 0 ? ` ${plural(undated, 'incident has', 'incidents have')} no date and ${undated === 1 ? 'is' : 'are'} not shown.` : '');
  return { width: WIDTH, height: plot.bottom + 40, plot, bars, ticks, labelY: plot.bottom + 18, yearY: plot.bottom + 33, legend: legendFor(severities, plot.left), legendY, description };
}

/** One incident's dot. */
export interface StripDot {
  cx: number;
  cy: number;
  /** `Checkout failed … (April 9, 2026): 1 h 25 min`, for the tooltip. */
  title: string;
}

/** One severity's row of the distribution. */
export interface StripRow {
  severity: ChartSeverity;
  /** The row's centre line. */
  y: number;
  top: number;
  height: number;
  /** `4 incidents` or `4 incidents, 1 unknown`. */
  count: string;
  dots: StripDot[];
  /** Where the severity's name and count are written, at the left. */
  nameY: number;
  countY: number;
  /** The median, marked by a line across the row and written above the dots; null when no time is known. */
  median: { x: number; y1: number; y2: number; label: string; labelX: number; labelY: number; anchor: 'start' | 'end' } | null;
}

/** The time to resolve per severity, one dot per incident. */
export interface StripChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rows: StripRow[];
  ticks: Array<{ x: number; label: string }>;
  axisLabelY: number;
  description: string;
}

/** Round steps for a time axis, in minutes. */
const TIME_STEPS = [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080];

/** `90 min` reads better on an axis as `1 h 30 min`; `2 h 0 min` as `2 h`. */
function axisDuration(minutes: number): string {
  return minutes === 0 ? '0' : formatDuration(minutes).replace(/ 0 min$/, '').replace(/ 0 h$/, '');
}

/**
 * Lays out the time to resolve of each incident per severity (`incidents` and
 * `timesBySeverity` of `collectionStats`): a row per severity, most severe first, a dot per
 * incident whose time is known on a shared axis from 0, and the severity's median marked.
 * Null when no incident's time to resolve is known.
 */
export function layoutResolutionChart(incidents: readonly IncidentSummary[], timesBySeverity: readonly StatsGroup[], name = 'Time to resolve'): StripChart | null {
  const known = incidents.filter((incident) => incident.metrics.timeToResolve !== null);
  if (known.length === 0) return null;
  const order = severityOrder(timesBySeverity.filter((group) => group.incidents > 0).map((group) => group.key));
  const max = Math.max(...known.map((incident) => incident.metrics.timeToResolve as number), 1);
  const step = TIME_STEPS.find((candidate) => max / candidate <= 6) ?? Math.ceil(max / 6 / 1440) * 1440;
  const end = Math.ceil(max / step) * step;
  const rowHeight = 58;
  const plot = { left: 150, right: WIDTH - 24, top: 8, bottom: 8 + order.length * rowHeight };
  const scale = (minutes: number): number => plot.left + (minutes / end) * (plot.right - plot.left);
  const rows = order.map((key, index): StripRow => {
    const severity = chartSeverity(key);
    const group = timesBySeverity.find((candidate) => candidate.key === key) as StatsGroup;
    const distribution = group.times.timeToResolve;
    const top = plot.top + index * rowHeight;
    // The median's label on top, the dots below it.
    const y = top + 36;
    const values = incidents
      .filter((incident) => incident.severity === key && incident.metrics.timeToResolve !== null)
      .sort((a, b) => (a.metrics.timeToResolve as number) - (b.metrics.timeToResolve as number));
    // Dots that would sit on one another are moved up and down in turn.
    const offsets = [0, -8, 8, -4, 4, -12, 12];
    let previousX = -Infinity;
    let stack = 0;
    const dots = values.map((incident): StripDot => {
      const cx = scale(incident.metrics.timeToResolve as number);
      stack = cx - previousX < 9 ? stack + 1 : 0;
      previousX = cx;
      const when = incident.date ? ` (${incident.date})` : '';
      return { cx: Number(tenths(cx)), cy: Number(tenths(y + (offsets[stack % offsets.length] as number))), title: `${incident.title ?? incident.file ?? 'Untitled'}${when}: ${formatDuration(incident.metrics.timeToResolve as number)}` };
    });
    let median: StripRow['median'] = null;
    if (distribution.median !== null) {
      const x = scale(distribution.median);
      const label = `median ${formatDuration(distribution.median)}`;
      const fitsRight = x + 8 + label.length * CHARACTER_WIDTH * 0.92 <= plot.right;
      median = { x: Number(tenths(x)), y1: top + 16, y2: top + rowHeight - 2, label, labelX: Number(tenths(fitsRight ? x + 6 : x - 6)), labelY: top + 14, anchor: fitsRight ? 'start' : 'end' };
    }
    const count = `${plural(group.incidents, 'incident', 'incidents')}${distribution.unknown > 0 ? `, ${distribution.unknown} unknown` : ''}`;
    return { severity, y, top, height: rowHeight, nameY: top + 28, countY: top + 45, count, dots, median };
  });
  const ticks = [];
  for (let value = 0; value <= end; value += step) ticks.push({ x: Number(tenths(scale(value))), label: axisDuration(value) });
  const unknown = incidents.length - known.length;
  const medians = rows.map((row) => `${row.severity.name} ${row.median ? row.median.label : 'unknown'}`).join(', ');
  const description = `${name} per severity, one dot per incident, the median marked: ${medians}.`
    + (unknown > 0 ? ` ${plural(unknown, 'incident does', 'incidents do')} not say and ${unknown === 1 ? 'is' : 'are'} not shown.` : '');
  return { width: WIDTH, height: plot.bottom + 30, plot, rows, ticks, axisLabelY: plot.bottom + 18, description };
}

/** A bar of a ranking. */
export interface RankBar {
  /** The name, shortened to fit its column; `fullLabel` has it whole. */
  label: string;
  fullLabel: string;
  count: number;
  y: number;
  width: number;
  valueX: number;
}

/** The most frequent services or tags, as horizontal bars. */
export interface RankChart {
  /** `service` or `tag`: also the chart's id in the page (`dash-service`). */
  noun: string;
  width: number;
  height: number;
  /** Where the bars start, and the height of each. */
  left: number;
  labelX: number;
  barHeight: number;
  bars: RankBar[];
  description: string;
  /** `2 incidents name no service`, or empty. */
  unknownNote: string;
}

function shorten(text: string, characters: number): string {
  return text.length <= characters ? text : `${text.slice(0, characters - 1).trimEnd()}…`;
}

/**
 * Lays out the `limit` most frequent of `rows` (`counts.service` or `counts.tag`: most first,
 * the unknown last): a bar each, its count written at its end. `noun` names what is counted
 * (`service`), for the description and the note on incidents that name none. Null when no
 * incident names one.
 */
export function layoutRankChart(rows: readonly CountRow[], noun: string, limit = 8): RankChart | null {
  const named = rows.filter((row): row is { key: string; count: number } => row.key !== null && row.count > 0);
  if (named.length === 0) return null;
  const shown = named.slice(0, limit);
  const max = Math.max(...shown.map((row) => row.count));
  const barHeight = 18;
  const rowHeight = 28;
  const labelX = 168;
  const left = labelX + 10;
  const right = WIDTH / 2 - 40;
  const bars = shown.map((row, index): RankBar => {
    const width = Math.max(2, ((right - left) * row.count) / max);
    return { label: shorten(row.key, 24), fullLabel: row.key, count: row.count, y: 6 + index * rowHeight, width: Number(tenths(width)), valueX: Number(tenths(left + width + 6)) };
  });
  const unknown = rows.find((row) => row.key === null)?.count ?? 0;
  const more = named.length - shown.length;
  const description = `The ${shown.length === 1 ? noun : `${shown.length} ${noun}s`} named by the most incidents: ${shown.map((row) => `${row.key} ${row.count}`).join(', ')}.`
    + (more > 0 ? ` ${plural(more, `other ${noun} is`, `other ${noun}s are`)} not shown.` : '');
  return {
    noun,
    width: WIDTH / 2,
    height: 6 + shown.length * rowHeight,
    left,
    labelX,
    barHeight,
    bars,
    description,
    unknownNote: unknown > 0 ? `${plural(unknown, 'incident names', 'incidents name')} no ${noun}.` : '',
  };
}
