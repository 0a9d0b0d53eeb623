/**
 * Postmortem -> what the HTML page template shows: plain strings (escaped by the template),
 * sanitised HTML fragments from the Markdown fields (the only things a template may output
 * unescaped, all named `...Html`), and the timeline chart's geometry. Every decision about
 * what appears where is made here, so the templates stay simple to override.
 */
import path from 'node:path';
import { clockStyle } from '../model/clock-style.js';
import { incidentMinutes } from '../model/incident-minutes.js';
import type { CorrectiveTask, Postmortem, SectionKind, TimelineEntry } from '../model/postmortem.js';
import { formatClock, formatDuration, longDate, shortDate, wallClockInZone, type WallClock } from '../model/time.js';
import { groupByDay } from '../model/timeline-days.js';
import { displayZone } from '../model/zoned-time.js';
import { HTML_GENERATOR } from './html-template-files.js';
import { classifyUrl } from './safe-url.js';
import type { SiteNavLink } from './site-nav.js';
import { markdownInlineToHtml, markdownToHtml } from './markdown-html.js';
import { entryMillis, layoutTimelineChart, markerPath, type TimelineChart } from './timeline-chart.js';
import { TIMELINE_ENTRY_KINDS, timelineEntryKind, type TimelineEntryKind } from '../model/timeline-milestones.js';

/** One fact in the header card. */
export interface PageFact {
  /** Stable key, also the CSS class (`fact-date`). */
  key: string;
  /** What the fact is (`Severity`). */
  name: string;
  /** The value as text. */
  value: string;
  /** A machine-readable date or instant for `<time datetime>`, when the value is one. */
  dateTime: string | null;
  /** CSS class of a badge around the value (`severity-critical`), or null for plain text. */
  badgeClass: string | null;
  /** For a fact that is a list (services, tags): its items, shown each on its own, or null. `value` has them joined. */
  items: string[] | null;
}

/** A timeline entry in the list below the chart. */
export interface TimelineEntryView {
  /** The time in the postmortem's timezone, or as written when it cannot be placed, or empty. */
  time: string;
  /** The instant for `<time datetime>`, or null. */
  dateTime: string | null;
  /** The author's label (`Detection Method`), or null. */
  label: string | null;
  kind: TimelineEntryKind;
  /** Name of the kind (`Detection`), for the marker's tooltip. */
  kindName: string;
  /** The small marker shown before the entry, the same shape as in the chart (12×12 box). */
  markerPath: string;
  textHtml: string;
  /** Whether the entry is on the chart. */
  placed: boolean;
}

/** The entries of one day; `heading` only when the timeline spans days. */
export interface TimelineDayView {
  heading: string | null;
  dateTime: string | null;
  entries: TimelineEntryView[];
}

/** The timeline section: chart, notes about it, and the full list. */
export interface TimelineView {
  chart: TimelineChart | null;
  /** `Times are in PST.` or null when no zone is known. */
  zoneNote: string | null;
  /** Why some entries (or all) are not on the chart, as sentences. */
  notes: string[];
  days: TimelineDayView[];
}

/** A corrective task as a table row. */
export interface TaskView {
  textHtml: string;
  owner: string;
  due: string;
  /** YYYY-MM-DD when the due date is one, for `<time datetime>`. */
  dueDateTime: string | null;
  priority: string;
  /** The tracker reference as written (`#123`, `JIRA-42`, a URL), or empty. */
  issue: string;
  /** The issue as a link, when it is an absolute http(s) URL that passes the safe-URL check; else null (shown as text). */
  issueHref: string | null;
  /** What the issue shows: as written, or for a link its host and last part (`tracker.example.com/…/1207`). */
  issueText: string;
  done: boolean;
  /** `Done` or `Open`, so the state is readable without the tick mark. */
  doneLabel: string;
  /** The row's anchor, from the task's line in the source (`L42`), so other pages can link to it; null without a line. */
  anchorId: string | null;
}

/** The corrective actions section's content. */
export interface CorrectiveActionsView {
  improvementsHtml: string[];
  tasks: TaskView[];
  /** Whether any task names an issue: the table has an Issue column only then. */
  hasIssues: boolean;
}

/** A section of the page, in document order. */
export interface SectionView {
  /** The anchor the table of contents links to. */
  id: string;
  heading: string;
  /** `summary`, `timeline`, ... or `other`; also a CSS class. */
  kind: SectionKind;
  /** The section's Markdown as sanitised HTML (empty for the timeline and corrective actions). */
  html: string;
  timeline: TimelineView | null;
  correctiveActions: CorrectiveActionsView | null;
  /** Start a new page here when printing: a large timeline or task table after a page or more of text. */
  printBreak: boolean;
}

/** Everything the page template shows. */
export interface PostmortemPageView {
  /** The `<meta name="generator">` value. */
  generator: string;
  title: string;
  /** False when the postmortem has no title and `title` is made up from the file name. */
  hasTitle: boolean;
  facts: PageFact[];
  /** The impact in a sentence or two for the card, or empty when it is long (it then has its own section). */
  impactHtml: string;
  /** The root cause in a sentence for the card, or empty. */
  rootCauseHtml: string;
  /** Text before the first section that is not part of the summary, shown untitled at the top. */
  preambleHtml: string;
  sections: SectionView[];
  /** Link back to the site's index for pages of a site, else null. */
  indexHref: string | null;
  /** The links between the site's collection pages (index, dashboard, action items, search), for pages of a site; empty for a page exported alone. */
  siteNav: SiteNavLink[];
  /** The site's shared stylesheet for pages of a site; null for a page with its stylesheet inline. */
  stylesheetHref: string | null;
  /** The source file's name for the footer, or null. */
  sourceName: string | null;
}

/** Options for {@link buildPageView}. */
export interface PageViewOptions {
  /** Link to the site's index, for pages of a site. */
  indexHref?: string | null;
  /** The site's navigation links, for pages of a site (see siteNavLinks). */
  siteNav?: SiteNavLink[];
  /** Link to the site's stylesheet, for pages of a site; without one the page has its stylesheet inline. */
  stylesheetHref?: string | null;
  /** The source file's name as it should appear in the footer; default the base name of `source.filePath`. */
  sourceName?: string | null;
}

/** Roughly how much rendered HTML fills a printed A4 page. */
const PRINT_PAGE_OF_HTML = 3500;

/** Impact or root cause text longer than this goes to its own section instead of the card. */
const CARD_TEXT_LIMIT = 320;

const SECTION_HEADINGS: Record<Exclude<SectionKind, 'other' | 'rootCauseAndResolution'>, string> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  rootCause: 'Root cause',
  resolution: 'Resolution',
  correctiveActions: 'Corrective actions',
  lessonsLearned: 'Lessons learned',
  conclusion: 'Conclusion',
};

const SECTION_IDS: Record<keyof typeof SECTION_HEADINGS, string> = {
  summary: 'summary',
  impact: 'impact',
  timeline: 'timeline',
  rootCause: 'root-cause',
  resolution: 'resolution',
  correctiveActions: 'corrective-actions',
  lessonsLearned: 'lessons-learned',
  conclusion: 'conclusion',
};

const CANONICAL_ORDER = Object.keys(SECTION_HEADINGS) as Array<keyof typeof SECTION_HEADINGS>;

/** `critical`, `major`, `minor`, `low` or `other`, for the severity badge's colour. */
export function severityClass(severity: string | null): string {
  if (!severity) return 'severity-other';
  const number = /(?:^|\b|[^a-z])(?:sev(?:erity)?|p|s)\s*(?:[-_]\s*)?([0-9])\b/i.exec(severity)?.[1] ?? /^\s*([0-9])\s*$/.exec(severity)?.[1];
  if (number !== undefined) return `severity-${['critical', 'critical', 'major', 'minor', 'low'][Number(number)] ?? 'low'}`;
  if (/critical|urgent|blocker|emergency/i.test(severity)) return 'severity-critical';
  if (/high|major|severe/i.test(severity)) return 'severity-major';
  if (/medium|moderate|minor/i.test(severity)) return 'severity-minor';
  if (/low|trivial/i.test(severity)) return 'severity-low';
  return 'severity-other';
}

const STATUS_NAMES: Record<string, string> = { draft: 'Draft', 'in-review': 'In review', final: 'Final' };

const isIsoDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text);

function slug(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function clockText(clock: WallClock, twelveHour: boolean): string {
  return formatClock(clock, twelveHour ? '12h' : '24h');
}

/** `10:00–12:30 SAST`, or `Mar 14, 23:00 – Mar 15, 01:00 UTC` across midnight; null without both ends. */
function windowText(postmortem: Postmortem, zone: string | null, twelveHour: boolean): string | null {
  const { start, end } = postmortem.summary;
  if (!start || !end) return null;
  const from = wallClockInZone(start, zone);
  const to = wallClockInZone(end, zone);
  if (!from || !to) return null;
  const suffix = zone ? ` ${zone}` : '';
  if (from.date === to.date) return `${clockText(from, twelveHour)}–${clockText(to, twelveHour)}${suffix}`;
  // The card's date already says the year; the window across midnight needs only the days.
  return `${shortDate(from.date)}, ${clockText(from, twelveHour)} – ${shortDate(to.date)}, ${clockText(to, twelveHour)}${suffix}`;
}

function buildFacts(postmortem: Postmortem, zone: string | null, twelveHour: boolean): PageFact[] {
  const facts: PageFact[] = [];
  const add = (key: string, name: string, value: string | null, extra: Partial<PageFact> = {}): void => {
    if (value) facts.push({ key, name, value, dateTime: null, badgeClass: null, items: null, ...extra });
  };
  const list = (key: string, one: string, many: string, items: readonly string[]): void => {
    const shown = items.map((item) => item.trim()).filter((item) => item !== '');
    if (shown.length > 0) add(key, shown.length === 1 ? one : many, shown.join(', '), { items: shown });
  };
  add('date', 'Date', postmortem.date ? longDate(postmortem.date) : null, { dateTime: postmortem.date });
  add('severity', 'Severity', postmortem.severity, { badgeClass: severityClass(postmortem.severity) });
  add('status', 'Status', postmortem.status ? STATUS_NAMES[postmortem.status] ?? postmortem.status : null, {
    badgeClass: postmortem.status ? `status-${postmortem.status}` : null,
  });
  const minutes = incidentMinutes(postmortem);
  add('duration', 'Duration', minutes !== null && minutes >= 0 ? formatDuration(minutes) : null);
  add('window', 'Impact window', windowText(postmortem, zone, twelveHour));
  const percent = postmortem.summary.usersAffectedPercent;
  add('users-affected', 'Users affected', percent !== null ? `${percent}%` : null);
  add('authors', postmortem.authors.length === 1 ? 'Author' : 'Authors', postmortem.authors.join(', ') || null);
  list('services', 'Service', 'Services', postmortem.services);
  list('tags', 'Tag', 'Tags', postmortem.tags);
  add('reviewers', postmortem.reviewers.length === 1 ? 'Reviewer' : 'Reviewers', postmortem.reviewers.join(', ') || null);
  add('reviewed-at', 'Reviewed', postmortem.reviewedAt ? (isIsoDay(postmortem.reviewedAt) ? longDate(postmortem.reviewedAt) : postmortem.reviewedAt) : null, {
    dateTime: postmortem.reviewedAt && isIsoDay(postmortem.reviewedAt) ? postmortem.reviewedAt : null,
  });
  return facts;
}

/** A timeline entry with what the page shows of its time, worked out once. */
interface TimedEntry {
  entry: TimelineEntry;
  /** Its instant (see entryMillis), or null when it has none that parses. */
  millis: number | null;
  /** Its wall clock in the postmortem's zone, or null. */
  clock: WallClock | null;
}

function entryTime(item: TimedEntry, twelveHour: boolean): string {
  if (item.clock && item.millis !== null) return clockText(item.clock, twelveHour);
  return item.entry.time ?? '';
}

const listMarkers = new Map<TimelineEntryKind, string>();

/** The list's marker for a kind: the same for every entry of the kind, so made once. */
function listMarkerPath(kind: TimelineEntryKind): string {
  let path = listMarkers.get(kind);
  if (path === undefined) {
    path = markerPath(kind, 7, 7, 5);
    listMarkers.set(kind, path);
  }
  return path;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function buildTimeline(postmortem: Postmortem, zone: string | null, twelveHour: boolean): TimelineView {
  const { timeline } = postmortem;
  // Every entry read at its own moment on the page's one clock: list, day headings and chart agree.
  const items = timeline.map((entry): TimedEntry => ({ entry, millis: entryMillis(entry, zone), clock: entry.at ? wallClockInZone(entry.at, zone) : null }));
  const chart = layoutTimelineChart({
    entries: timeline,
    timezone: zone,
    windowStart: postmortem.summary.start,
    windowEnd: postmortem.summary.end,
    twelveHour,
    zoneName: zone,
    millis: items.map((item) => item.millis),
  });
  const unplaced = items.filter((item) => item.millis === null).length;
  const notes: string[] = [];
  if (!chart && timeline.length > 0) {
    notes.push(timeline.length - unplaced < 2
      ? 'No chart: fewer than two entries have a date and time that can be placed on a time axis.'
      : 'No chart could be drawn for these entries.');
  } else if (unplaced > 0) {
    notes.push(`${plural(unplaced, 'entry has', 'entries have')} no date and time that can be placed on the chart; ${unplaced === 1 ? 'it is' : 'they are'} in the list only (marked “not on the chart”).`);
  }
  const kindNames = new Map(TIMELINE_ENTRY_KINDS.map((item) => [item.kind, item.name]));
  const days = groupByDay(items, (item) => item.clock?.date ?? null, { date: postmortem.date }).map((day) => ({
    heading: day.date ? longDate(day.date) : null,
    dateTime: day.date,
    entries: day.items.map((item): TimelineEntryView => {
      const { entry } = item;
      const kind = timelineEntryKind(entry);
      const placed = item.millis !== null;
      return {
        time: entryTime(item, twelveHour),
        dateTime: placed ? entry.at : null,
        label: entry.label,
        kind,
        kindName: kindNames.get(kind) ?? 'Event',
        markerPath: listMarkerPath(kind),
        textHtml: markdownInlineToHtml(entry.text),
        // Only worth saying when there is a chart to be missing from.
        placed: placed || chart === null,
      };
    }),
  }));
  return { chart, zoneNote: zone ? `Times are in ${zone}.` : null, notes, days };
}

/** The anchor of a task's row: `L` and its source line, so that `page.html#L42` lands on it. */
export function taskAnchorId(line: number | null | undefined): string | null {
  return typeof line === 'number' && Number.isInteger(line) && line > 0 ? `L${line}` : null;
}

/** An issue reference as a link: only an absolute http(s) URL that the safe-URL check lets through. `#123` stays text. */
export function issueHref(issue: string | null): string | null {
  const trimmed = issue?.trim() ?? '';
  return trimmed !== '' && classifyUrl(trimmed) === 'remote' ? trimmed : null;
}

/** The text of an issue: as written, or for a URL that becomes a link, its host and the last part of its path. */
export function issueText(issue: string | null): string {
  const href = issueHref(issue);
  if (href === null) return issue?.trim() ?? '';
  const url = new URL(href);
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1];
  return `${url.hostname}${segments.length > 1 ? '/…' : ''}${last !== undefined ? `/${last}` : ''}${url.hash}`;
}

function buildTask(task: CorrectiveTask): TaskView {
  return {
    textHtml: markdownInlineToHtml(task.text),
    owner: task.owner ?? '',
    due: task.due ?? '',
    dueDateTime: task.due && isIsoDay(task.due) ? task.due : null,
    priority: task.priority ?? '',
    issue: task.issue ?? '',
    issueHref: issueHref(task.issue),
    issueText: issueText(task.issue),
    done: task.done,
    doneLabel: task.done ? 'Done' : 'Open',
    anchorId: taskAnchorId(task.line),
  };
}

function isShort(text: string | null): text is string {
  return Boolean(text && text.trim() && text.length <= CARD_TEXT_LIMIT && !/\n\s*\n|^\s*(?:[-*+]|\d+[.)])\s|^\s*\|/m.test(text));
}

/** Where each kind of section first appears in the source, to keep the author's order. */
function sourceLines(postmortem: Postmortem): Map<SectionKind, number> {
  const lines = new Map<SectionKind, number>();
  for (const location of postmortem.source?.sections ?? []) {
    const kinds: SectionKind[] = location.kind === 'rootCauseAndResolution' ? ['rootCause', 'resolution'] : [location.kind];
    kinds.forEach((kind, index) => {
      if (!lines.has(kind)) lines.set(kind, location.line + index * 0.5);
    });
  }
  return lines;
}

/** Builds the page's view of a postmortem. Pure: no I/O. */
export function buildPageView(postmortem: Postmortem, options: PageViewOptions = {}): PostmortemPageView {
  const filePath = postmortem.source?.filePath ?? null;
  const sourceName = options.sourceName !== undefined ? options.sourceName : filePath ? path.basename(filePath) : null;
  const twelveHour = clockStyle(postmortem.timeline) === '12h';
  const zone = displayZone(postmortem);
  const lines = sourceLines(postmortem);
  const { summary } = postmortem;
  const impactInCard = isShort(summary.impact);
  const rootCauseInCard = isShort(summary.rootCause) ? summary.rootCause : null;

  const candidates: Array<{ key: number; section: SectionView }> = [];
  let previousKey = 0;
  for (const kind of CANONICAL_ORDER) {
    const section: SectionView = { id: SECTION_IDS[kind], heading: SECTION_HEADINGS[kind], kind, html: '', timeline: null, correctiveActions: null, printBreak: false };
    switch (kind) {
      case 'summary':
        section.html = markdownToHtml(summary.text);
        break;
      case 'impact':
        if (lines.has('impact') || !impactInCard) section.html = markdownToHtml(summary.impact);
        break;
      case 'timeline':
        if (postmortem.timeline.length > 0) section.timeline = buildTimeline(postmortem, zone, twelveHour);
        break;
      case 'rootCause':
        section.html = markdownToHtml(postmortem.rootCause ?? (rootCauseInCard ? null : summary.rootCause));
        break;
      case 'resolution':
        section.html = markdownToHtml(postmortem.resolution);
        break;
      case 'correctiveActions': {
        const { improvements, tasks } = postmortem.correctiveActions;
        if (improvements.length > 0 || tasks.length > 0) {
          section.correctiveActions = {
            improvementsHtml: improvements.map((item) => markdownInlineToHtml(item)),
            tasks: tasks.map(buildTask),
            hasIssues: tasks.some((task) => Boolean(task.issue?.trim())),
          };
        }
        break;
      }
      case 'lessonsLearned':
        section.html = markdownToHtml(postmortem.lessonsLearned);
        break;
      case 'conclusion':
        section.html = markdownToHtml(postmortem.conclusion);
        break;
    }
    // A section the source does not place goes right after the one before it in the usual order.
    const key = lines.get(kind) ?? previousKey + 0.001;
    previousKey = key;
    if (section.html || section.timeline || section.correctiveActions) candidates.push({ key, section });
  }

  let preambleHtml = '';
  postmortem.otherSections.forEach((other, index) => {
    const html = markdownToHtml(other.text);
    if (!other.heading.trim()) {
      preambleHtml += html;
      return;
    }
    if (!html) return;
    const key = other.line ?? 100_000 + index;
    candidates.push({ key, section: { id: `section-${slug(other.heading) || index + 1}`, heading: other.heading, kind: 'other', html, timeline: null, correctiveActions: null, printBreak: false } });
  });

  const sections = candidates.sort((a, b) => a.key - b.key).map((candidate) => candidate.section);
  // A big block after about a page of text starts a printed page of its own rather than being split.
  let textBefore = 0;
  for (const section of sections) {
    const big = (section.timeline?.chart && postmortem.timeline.length >= 6) || (section.correctiveActions?.tasks.length ?? 0) >= 4;
    section.printBreak = Boolean(big) && textBefore > PRINT_PAGE_OF_HTML;
    textBefore += section.html.length + (section.timeline ? postmortem.timeline.length * 150 : 0) + (section.correctiveActions ? 200 * section.correctiveActions.tasks.length : 0);
  }
  const ids = new Set<string>();
  for (const section of sections) {
    let id = section.id;
    for (let suffix = 2; ids.has(id); suffix += 1) id = `${section.id}-${suffix}`;
    ids.add(id);
    section.id = id;
  }

  const fallbackTitle = sourceName ? sourceName.replace(/\.(?:md|markdown)$/i, '') : 'Untitled postmortem';
  return {
    generator: HTML_GENERATOR,
    title: postmortem.title ?? fallbackTitle,
    hasTitle: Boolean(postmortem.title),
    facts: buildFacts(postmortem, zone, twelveHour),
    impactHtml: impactInCard ? markdownInlineToHtml(summary.impact) : '',
    rootCauseHtml: rootCauseInCard ? markdownInlineToHtml(rootCauseInCard) : '',
    preambleHtml,
    sections,
    indexHref: options.indexHref ?? null,
    siteNav: options.siteNav ?? [],
    stylesheetHref: options.stylesheetHref ?? null,
    sourceName,
  };
}
