/**
 * What the site's `index.html` shows: every postmortem newest first, and the files that could
 * not be read. Built from each page's {@link SiteIndexEntry} (worked out when the page is
 * rendered, by site-index-entry.ts, and kept in the site's manifest), so a re-run that
 * changed no page puts the index together without loading the renderer.
 */
import type { Postmortem } from '../model/postmortem.js';
import { HTML_GENERATOR } from './html-template-files.js';

/** What the index shows of one postmortem: its row, ready to print, and the title it is sorted by. */
export interface SiteIndexEntry {
  title: string;
  /** The date as readers see it (`March 14, 2026`), or empty. */
  date: string;
  /** The date as written (`2026-03-14`), or null; the index sorts by it. */
  dateTime: string | null;
  severity: string;
  severityClass: string;
  duration: string;
  /** The impact as plain text, shortened to a line or two. */
  impact: string;
  status: string;
  statusClass: string;
  /** The postmortem's own title, else its source's name: the index's order after the date. */
  sortTitle: string;
}

/** A postmortem that became a page of the site. */
export interface SitePage {
  /** The source file, relative to the input it was found in (as shown to the reader). */
  source: string;
  /** The page's path inside the site, with `/` separators (`team/2026-03-14-checkout.html`). */
  page: string;
  /**
   * The parsed postmortem, or null when this build reused the page: its source, the templates
   * and the page itself were as the site's manifest recorded, so the source was not parsed.
   */
  postmortem: Postmortem | null;
  /** What the index shows of it. */
  index: SiteIndexEntry;
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

/** One row of the index table: a page's index entry, and the link to the page. */
export type SiteIndexRow = Omit<SiteIndexEntry, 'sortTitle'> & { href: string };

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

type IndexedPage = Pick<SitePage, 'source' | 'page' | 'index'>;

/** Newest first; undated postmortems last, then by title, so the order is stable. */
function compareNewestFirst(compare: (a: string, b: string) => number): (a: IndexedPage, b: IndexedPage) => number {
  return (a, b) => {
    const dateA = a.index.dateTime ?? '';
    const dateB = b.index.dateTime ?? '';
    if (dateA !== dateB) return dateA === '' ? 1 : dateB === '' ? -1 : compare(dateB, dateA);
    return compare(a.index.sortTitle, b.index.sortTitle) || compare(a.source, b.source);
  };
}

/** Builds the index's view: rows newest first, failures in file order. Pure. */
export function buildSiteIndexView(pages: readonly IndexedPage[], failures: readonly SiteFailure[], options: { stylesheetHref?: string | null } = {}): SiteIndexView {
  // The order of localeCompare (the same collation, by definition), without it building one for every call.
  const rows = [...pages].sort(compareNewestFirst(new Intl.Collator().compare)).map(({ page, index }): SiteIndexRow => ({
    href: page,
    title: index.title,
    date: index.date,
    dateTime: index.dateTime,
    severity: index.severity,
    severityClass: index.severityClass,
    duration: index.duration,
    impact: index.impact,
    status: index.status,
    statusClass: index.statusClass,
  }));
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
