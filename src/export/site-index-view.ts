/** What the site's `index.html` shows: every postmortem newest first, and the files that could not be read. */
import type { Postmortem } from '../model/postmortem.js';
import { formatDuration, longDate } from '../model/time.js';
import { incidentMinutes } from '../model/incident-minutes.js';
import { markdownToPlainText } from './markdown-html.js';
import { HTML_GENERATOR } from './html-template-files.js';
import { severityClass } from './page-view.js';

/** A postmortem that became a page of the site. */
export interface SitePage {
  /** The source file, relative to the input it was found in (as shown to the reader). */
  source: string;
  /** The page's path inside the site, with `/` separators (`team/2026-03-14-checkout.html`). */
  page: string;
  /** The parsed postmortem. */
  postmortem: Postmortem;
}

/** A file that could not be made into a page, and why. */
export interface SiteFailure {
  /** The source file, relative to the input it was found in. */
  source: string;
  /** The line of the source the problem is on, when known. */
  line?: number;
  /** One line saying what went wrong (without the file and line). */
  reason: string;
}

/** One row of the index table. */
export interface SiteIndexRow {
  href: string;
  title: string;
  date: string;
  dateTime: string | null;
  severity: string;
  severityClass: string;
  duration: string;
  /** The impact as plain text, shortened to a line or two. */
  impact: string;
  status: string;
  statusClass: string;
}

/** Everything the index template shows. */
export interface SiteIndexView {
  generator: string;
  /** The site's shared stylesheet, or null to have it inline. */
  stylesheetHref: string | null;
  title: string;
  /** `12 postmortems` and, when some failed, how many could not be read. */
  summary: string;
  rows: SiteIndexRow[];
  /** The files that could not be read, in file order; the reason starts with the line when it is known. */
  failures: Array<{ source: string; reason: string }>;
}

const IMPACT_LIMIT = 160;
const STATUS_NAMES: Record<string, string> = { draft: 'Draft', 'in-review': 'In review', final: 'Final' };

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Newest first; undated postmortems last, then by title, so the order is stable. */
function compareNewestFirst(a: SitePage, b: SitePage): number {
  const dateA = a.postmortem.date ?? '';
  const dateB = b.postmortem.date ?? '';
  if (dateA !== dateB) return dateA === '' ? 1 : dateB === '' ? -1 : dateB.localeCompare(dateA);
  return (a.postmortem.title ?? a.source).localeCompare(b.postmortem.title ?? b.source) || a.source.localeCompare(b.source);
}

/** Builds the index's view: rows newest first, failures in file order. Pure. */
export function buildSiteIndexView(pages: readonly SitePage[], failures: readonly SiteFailure[], options: { stylesheetHref?: string | null } = {}): SiteIndexView {
  const rows = [...pages].sort(compareNewestFirst).map(({ page, source, postmortem }): SiteIndexRow => {
    const minutes = incidentMinutes(postmortem);
    return {
      href: page,
      title: postmortem.title ?? source.replace(/\.(?:md|markdown)$/i, ''),
      date: postmortem.date ? longDate(postmortem.date) : '',
      dateTime: postmortem.date,
      severity: postmortem.severity ?? '',
      severityClass: severityClass(postmortem.severity),
      duration: minutes !== null && minutes >= 0 ? formatDuration(minutes) : '',
      impact: shorten(markdownToPlainText(postmortem.summary.impact), IMPACT_LIMIT),
      status: postmortem.status ? STATUS_NAMES[postmortem.status] ?? postmortem.status : '',
      statusClass: postmortem.status ? `status-${postmortem.status}` : '',
    };
  });
  const count = `${pages.length} ${pages.length === 1 ? 'postmortem' : 'postmortems'}`;
  const failed = failures.length > 0 ? ` · ${failures.length} ${failures.length === 1 ? 'file' : 'files'} could not be read` : '';
  return {
    generator: HTML_GENERATOR,
    stylesheetHref: options.stylesheetHref ?? null,
    title: 'Postmortems',
    summary: count + failed,
    rows,
    failures: failures.map(({ source, line, reason }) => ({ source, reason: line !== undefined ? `line ${line}: ${reason}` : reason })),
  };
}
