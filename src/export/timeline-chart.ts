/**
 * The timeline as a picture: where each mark of the SVG chart goes. Pure geometry and
 * text, no markup: the `timeline-chart` template draws it, so that every piece of user text
 * reaches the page through Handlebars' escaping.
 *
 * The layout is one row per entry, in time order, with the marker at the entry's instant on
 * a shared time axis and its text beside the marker. Rows never overlap, whatever the number
 * of entries, and clusters and gaps stay visible in the markers' horizontal spread; the
 * impact window is a shaded band behind the rows.
 */
import type { TimelineEntry } from '../model/postmortem.js';
import { formatClock, formatDuration, parseZone, shortDate, wallClockAt, wallClockInZone, zonedInstantMillis, type WallClock } from '../model/time.js';
import { displayZone } from '../model/zoned-time.js';
import { TIMELINE_ENTRY_KINDS, timelineEntryKind, type TimelineEntryKind } from '../model/timeline-milestones.js';
import { markdownToPlainText } from './markdown-html.js';
import { wallClockTicks } from './timeline-ticks.js';

/** One entry's row in the chart. */
export interface TimelineChartRow {
  /** Vertical centre of the row. */
  y: number;
  /** Top edge of the row. */
  top: number;
  /** Every other row is shaded, so the eye can follow a row from its text to its marker. */
  stripe: boolean;
  /** The marker's centre: the entry's instant on the axis. */
  x: number;
  /** What the entry marks; also its CSS class. */
  kind: TimelineEntryKind;
  /** SVG path of the marker, whose shape tells the kind apart without colour. */
  markerPath: string;
  /** The wall-clock time in the postmortem's timezone, with the day when it changes. */
  time: string;
  /** The entry's text as plain text, shortened to fit beside the marker. */
  text: string;
  /** The whole text, for the tooltip. */
  fullText: string;
  /** Where the text starts (or ends, for `anchor: 'end'`). */
  textX: number;
  /** Which side of the marker the text is on. */
  anchor: 'start' | 'end';
}

/** A tick on the time axis. */
export interface TimelineChartTick {
  x: number;
  /** `14:00`, or `Mar 15` where a day starts and for day-sized steps. */
  label: string;
}

/** An item of the legend. */
export interface TimelineChartLegendItem {
  kind: TimelineEntryKind | 'window';
  name: string;
  /** Left edge of the item. */
  x: number;
  /** The marker drawn in the legend (a small square for the window). */
  markerPath: string;
  /** Where the name starts. */
  textX: number;
}

/** Everything the chart template draws. */
export interface TimelineChart {
  width: number;
  height: number;
  /** Font size of the row text, smaller for long timelines. */
  fontSize: number;
  /** The plot area the rows and grid lines fill. */
  plot: { left: number; right: number; width: number; top: number; bottom: number; height: number };
  /** Height of one row. */
  rowHeight: number;
  /** Baseline of the tick labels above the plot, and below it for long charts (else null). */
  axisLabelY: number;
  bottomAxisLabelY: number | null;
  ticks: TimelineChartTick[];
  /** The impact window, summary start to end, as a band; null when either end is unknown or off the axis. */
  window: { x: number; y: number; width: number; height: number; label: string; labelX: number; labelY: number; labelAnchor: 'start' | 'end' } | null;
  rows: TimelineChartRow[];
  legend: TimelineChartLegendItem[];
  legendY: number;
  /** A sentence saying what the chart shows, for screen readers and the tooltip. */
  description: string;
}

/** What {@link layoutTimelineChart} needs. */
export interface TimelineChartInput {
  entries: readonly TimelineEntry[];
  /**
   * The zone times are shown in (the postmortem's `displayZone`): every row and tick is read
   * in it at its own moment, so the chart agrees with the list across a daylight-saving change.
   */
  timezone: string | null;
  /** The impact window's ends (ISO instants), when known. */
  windowStart: string | null;
  windowEnd: string | null;
  /** Write times as `2:05 PM` rather than `14:05`. */
  twelveHour: boolean;
  /** Name of the zone to put in the description (`UTC`, `PST`). */
  zoneName: string | null;
  /** Each entry's `entryMillis`, when the caller has worked them out already. */
  millis?: ReadonlyArray<number | null>;
}

const WIDTH = 840;
const SIDE_PADDING = 12;
const LEGEND_Y = 14;
const MARKER_RADIUS = 6;
const TEXT_GAP = 11;
/** Average advance of a character of the chart's sans-serif font, in ems. */
const CHARACTER_WIDTH_EM = 0.56;
const NICE_STEPS_MINUTES = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 4320, 10080, 20160, 43200];
const MINUTE = 60_000;

/**
 * A number to one decimal, as `String(Math.round(value * 10) / 10)` writes it (`12`, `-0.5`,
 * `3.4`), from whole numbers: a chart writes hundreds of these, and formatting a fraction
 * costs several times more than formatting two integers.
 */
export function tenths(value: number): string {
  const scaled = Math.round(value * 10);
  const whole = Math.trunc(scaled / 10);
  const tenth = Math.abs(scaled % 10);
  if (tenth === 0) return String(whole);
  return `${scaled < 0 && whole === 0 ? '-' : ''}${whole}.${tenth}`;
}

/** A marker shape per kind, centred on (x, y): shapes differ so that print in grey and colour-blind readers still tell them apart. */
export function markerPath(kind: TimelineEntryKind, x: number, y: number, radius = MARKER_RADIUS): string {
  const r = radius;
  const f = tenths;
  switch (kind) {
    case 'detection':
      return `M${f(x)} ${f(y - r * 1.25)}L${f(x + r * 1.25)} ${f(y)}L${f(x)} ${f(y + r * 1.25)}L${f(x - r * 1.25)} ${f(y)}Z`;
    case 'escalation':
      return `M${f(x)} ${f(y - r * 1.15)}L${f(x + r * 1.1)} ${f(y + r * 0.85)}L${f(x - r * 1.1)} ${f(y + r * 0.85)}Z`;
    case 'impact':
      return `M${f(x - r * 1.1)} ${f(y - r * 0.85)}L${f(x + r * 1.1)} ${f(y - r * 0.85)}L${f(x)} ${f(y + r * 1.15)}Z`;
    case 'mitigation':
      return `M${f(x - r * 0.9)} ${f(y - r * 0.9)}H${f(x + r * 0.9)}V${f(y + r * 0.9)}H${f(x - r * 0.9)}Z`;
    case 'resolution': {
      // A large filled disc: the end of the story, heavier than a plain event's small ring.
      const big = r * 1.15;
      return `M${f(x - big)} ${f(y)}a${f(big)} ${f(big)} 0 1 0 ${f(big * 2)} 0a${f(big)} ${f(big)} 0 1 0 ${f(-big * 2)} 0Z`;
    }
    default: {
      const small = r * 0.8;
      return `M${f(x - small)} ${f(y)}a${f(small)} ${f(small)} 0 1 0 ${f(small * 2)} 0a${f(small)} ${f(small)} 0 1 0 ${f(-small * 2)} 0Z`;
    }
  }
}

/** The instant of an entry in milliseconds, or null when it has none that parses. */
export function entryMillis(entry: Pick<TimelineEntry, 'at'>, timezone: string | null): number | null {
  if (!entry.at) return null;
  const millis = zonedInstantMillis(entry.at, timezone);
  return Number.isNaN(millis) ? null : millis;
}

function truncate(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  if (maxCharacters <= 1) return '…';
  const cut = text.slice(0, maxCharacters - 1);
  // Prefer to break at a word when one ends near the limit.
  const space = cut.lastIndexOf(' ');
  return `${(space > maxCharacters * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function rowMetrics(count: number): { rowHeight: number; fontSize: number } {
  if (count <= 12) return { rowHeight: 30, fontSize: 14 };
  if (count <= 30) return { rowHeight: 25, fontSize: 13.5 };
  return { rowHeight: 21, fontSize: 13 };
}

/**
 * Lays out the chart for the entries that have an instant. Returns null when fewer than two
 * do: one point on an axis says nothing the list does not.
 */
export function layoutTimelineChart(input: TimelineChartInput): TimelineChart | null {
  // One clock for the whole chart, even when the caller gives no zone and times carry offsets.
  const shownZone = displayZone({ timezone: input.timezone, summary: { start: input.windowStart, end: input.windowEnd }, timeline: input.entries });
  const placed = input.entries
    .map((entry, index) => ({ entry, index, millis: input.millis ? (input.millis[index] ?? null) : entryMillis(entry, shownZone) }))
    .filter((item): item is { entry: TimelineEntry; index: number; millis: number } => item.millis !== null)
    // Time order, source order for ties: the chart is about when; the list below keeps the author's order.
    .sort((a, b) => a.millis - b.millis || a.index - b.index);
  if (placed.length < 2) return null;

  const windowStart = input.windowStart ? zonedInstantMillis(input.windowStart, shownZone) : NaN;
  const windowEnd = input.windowEnd ? zonedInstantMillis(input.windowEnd, shownZone) : NaN;
  const hasWindow = !Number.isNaN(windowStart) && !Number.isNaN(windowEnd) && windowEnd > windowStart;
  const first = placed[0] as (typeof placed)[number];
  const last = placed[placed.length - 1] as (typeof placed)[number];
  let domainStart = Math.min(first.millis, hasWindow ? windowStart : Infinity);
  let domainEnd = Math.max(last.millis, hasWindow ? windowEnd : -Infinity);
  if (domainEnd - domainStart < 10 * MINUTE) {
    const middle = (domainStart + domainEnd) / 2;
    domainStart = middle - 15 * MINUTE;
    domainEnd = middle + 15 * MINUTE;
  }
  const padding = (domainEnd - domainStart) * 0.03;
  domainStart -= padding;
  domainEnd += padding;

  const { rowHeight, fontSize } = rowMetrics(placed.length);
  const legendHeight = 28;
  const axisLabelY = legendHeight + 16;
  const windowLabelHeight = hasWindow ? 18 : 0;
  const plotTop = axisLabelY + 10 + windowLabelHeight;
  const plotHeight = placed.length * rowHeight;
  const plotBottom = plotTop + plotHeight;
  const bottomAxis = placed.length > 15;
  const height = plotBottom + (bottomAxis ? 26 : 8);
  const left = SIDE_PADDING + 4;
  const right = WIDTH - SIDE_PADDING - 4;
  const scale = (millis: number): number => left + ((millis - domainStart) / (domainEnd - domainStart)) * (right - left);
  const round = (value: number): number => Math.round(value * 10) / 10;

  // Each instant is read in the zone at its own moment: one offset for the whole chart would
  // put times after a daylight-saving change an hour out. Without a zone postmortem
  // understands, times are local ones, placed as UTC by entryMillis: their clock is UTC's.
  const clockZone = parseZone(shownZone);
  const clockAt = (millis: number): WallClock => wallClockAt(millis, clockZone);
  const format = (parts: { hour: number; minute: number }): string => formatClock(parts, input.twelveHour ? '12h' : '24h');
  const multiDay = clockAt(domainStart + padding).date !== clockAt(domainEnd - padding).date;

  // Ticks on round wall-clock times in the postmortem's zone, at most about eight across.
  const spanMinutes = (domainEnd - domainStart) / MINUTE;
  const step = NICE_STEPS_MINUTES.find((candidate) => spanMinutes / candidate <= 8) ?? Math.ceil(spanMinutes / 8 / 1440) * 1440;
  const ticks: TimelineChartTick[] = wallClockTicks(domainStart, domainEnd, step, clockZone).map((tick) => ({
    x: round(scale(tick.millis)),
    label: step >= 1440 || (tick.dayStart && multiDay) ? shortDate(tick.clock.date) : format(tick.clock),
  }));

  const characterWidth = fontSize * CHARACTER_WIDTH_EM;
  let previousDate: string | null = null;
  const rows: TimelineChartRow[] = placed.map((item, rowIndex) => {
    const x = round(scale(item.millis));
    const y = plotTop + rowIndex * rowHeight + rowHeight / 2;
    const kind = timelineEntryKind(item.entry);
    // The clock the list shows for the entry, so the two never disagree.
    const parts = wallClockInZone(item.entry.at as string, shownZone) ?? clockAt(item.millis);
    const time = multiDay && parts.date !== previousDate ? `${shortDate(parts.date)}, ${format(parts)}` : format(parts);
    previousDate = parts.date;
    const fullText = markdownToPlainText(item.entry.text) || (item.entry.label ?? '');
    const spaceRight = right - x - TEXT_GAP;
    const spaceLeft = x - left - TEXT_GAP;
    // Right of the marker when the text fits there, else left when it fits there, else the roomier side.
    const needed = (time.length + 2 + fullText.length) * characterWidth;
    const anchor = spaceRight >= needed || (spaceLeft < needed && spaceRight >= spaceLeft) ? 'start' : 'end';
    const room = Math.floor((anchor === 'start' ? spaceRight : spaceLeft) / characterWidth) - time.length - 2;
    return {
      y,
      top: plotTop + rowIndex * rowHeight,
      stripe: rowIndex % 2 === 1,
      x,
      kind,
      markerPath: markerPath(kind, x, y, rowHeight < 24 ? 5 : MARKER_RADIUS),
      time,
      text: truncate(fullText, Math.max(room, 1)),
      fullText,
      textX: anchor === 'start' ? round(x + TEXT_GAP) : round(x - TEXT_GAP),
      anchor,
    };
  });

  let window: TimelineChart['window'] = null;
  if (hasWindow) {
    const x = round(scale(windowStart));
    const width = round(scale(windowEnd) - x);
    const minutes = Math.round((windowEnd - windowStart) / MINUTE);
    const label = `Impact · ${formatDuration(minutes)}`;
    // The label sits inside the band's top edge, or beside it when the band is too narrow for it.
    const fits = width >= label.length * 12 * CHARACTER_WIDTH_EM + 12;
    const leftOfBand = !fits && x + width + 6 + label.length * 7 > right;
    window = {
      x,
      y: plotTop - windowLabelHeight,
      width: Math.max(width, 1),
      height: plotHeight + windowLabelHeight,
      label,
      labelX: fits ? x + 6 : leftOfBand ? x - 6 : round(x + width + 6),
      labelY: plotTop - 5,
      labelAnchor: leftOfBand ? 'end' : 'start',
    };
  }

  const kindsPresent = new Set(rows.map((row) => row.kind));
  const legend: TimelineChartLegendItem[] = [];
  let legendX = left;
  const legendEntries: Array<{ kind: TimelineEntryKind | 'window'; name: string }> = [
    ...TIMELINE_ENTRY_KINDS.filter((item) => kindsPresent.has(item.kind)),
    ...(hasWindow ? [{ kind: 'window' as const, name: 'Impact window' }] : []),
  ];
  for (const item of legendEntries) {
    const markerX = legendX + 7;
    legend.push({
      kind: item.kind,
      name: item.name,
      x: legendX,
      markerPath: item.kind === 'window' ? `M${legendX} ${LEGEND_Y - 6}h14v12h-14Z` : markerPath(item.kind, markerX, LEGEND_Y, 5),
      textX: legendX + 19,
    });
    legendX += 19 + item.name.length * 12 * CHARACTER_WIDTH_EM + 18;
  }

  const firstTime = rows[0]?.time ?? '';
  const lastTime = rows[rows.length - 1]?.time ?? '';
  const zone = input.zoneName ? ` (${input.zoneName})` : '';
  const description = `Timeline chart: ${rows.length} entries from ${firstTime} to ${lastTime}${zone}`
    + (window ? `, impact window shaded (${window.label.replace('Impact · ', '')})` : '')
    + '. Every entry is also in the list below.';

  return {
    width: WIDTH,
    height,
    fontSize,
    plot: { left, right, width: right - left, top: plotTop, bottom: plotBottom, height: plotHeight },
    rowHeight,
    axisLabelY,
    bottomAxisLabelY: bottomAxis ? plotBottom + 18 : null,
    ticks,
    window,
    rows,
    legend,
    legendY: LEGEND_Y,
    description,
  };
}
