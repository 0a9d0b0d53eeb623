/**
 * What the site's `index.html` shows: every postmortem newest first, and the files that could
 * not be read. Built from each page's {@link SiteIndexEntry} (worked out when the page is
 * rendered, by site-index-entry.ts, and kept in the site's manifest), so a re-run that
 * changed no page puts the index together without loading the renderer.
 */
import type { Postmortem } from '../model/postmortem.js';
import { HTML_GENERATOR } from './html-template-files.js';
import { pageHref, type SiteNavLink } from './site-nav.js';

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
  /** The services affected, as written (trimmed, each once): the index's service filter. */
  services: string[];
  /** The tags, as written (trimmed, each once): the index's tag filter. */
  tags: string[];
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

/**
 * Where a row stands on each filter of the index, for the site's script: the value of its
 * option in each filter's list (`2`), or for services and tags the values of all of its
 * options, space-separated (`0 3`); empty when it has none. Only these numbers reach the
 * row's `data-` attributes, never the text they stand for.
 */
export interface SiteIndexRowFilters {
  severity: string;
  status: string;
  services: string;
  tags: string;
}

/** One row of the index table: a page's index entry, the link to the page and where it stands on the filters. */
export type SiteIndexRow = Omit<SiteIndexEntry, 'sortTitle'> & { href: string; filters: SiteIndexRowFilters };

/** An option of one of the index's filters. */
export interface SiteFilterOption {
  /** The option's value: its position in the filter's list. */
  value: string;
  /** What it says (`SEV1`, `checkout-api`). */
  label: string;
  /** How many postmortems have it. */
  count: number;
}

/** One of the index's filters; the site's script shows them (without script the whole list shows). */
export interface SiteFilter {
  /** Which of the row's `data-` attributes it filters on. */
  key: keyof SiteIndexRowFilters;
  /** What the filter is (`Severity`). */
  name: string;
  options: SiteFilterOption[];
}

/** Everything the index template shows. */
export interface SiteIndexView {
  generator: string;
  /** The site's shared stylesheet, or null to have it inline. */
  stylesheetHref: string | null;
  /** The site's script (the filters and search), or null for none. */
  scriptHref: string | null;
  /** The links to the site's other collection pages. */
  siteNav: SiteNavLink[];
  title: string;
  /** `12 postmortems` and, when some failed, how many could not be read. */
  summary: string;
  rows: SiteIndexRow[];
  /** The filters with at least one option, in the order severity, status, service, tag. */
  filters: SiteFilter[];
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

const SEVERITY_ORDER = ['severity-critical', 'severity-major', 'severity-minor', 'severity-low', 'severity-other'];
const STATUS_ORDER = ['status-draft', 'status-in-review', 'status-final'];

/**
 * The options of one filter: each value the rows have, once, with how many rows have it, in
 * `order` (then by count, most first, then by name), and a function giving a row's option
 * values. Values are one option whatever their case (`Payments` and `payments`), shown as the
 * oldest postmortem spells them, as `postmortem stats` groups them.
 */
function filterOptions(
  rows: readonly SiteIndexEntry[],
  valuesOf: (entry: SiteIndexEntry) => readonly string[],
  rank: (value: string, entry: SiteIndexEntry) => number,
  compare: (a: string, b: string) => number,
): { options: SiteFilterOption[]; valuesOf: (entry: SiteIndexEntry) => string } {
  const found = new Map<string, { label: string; count: number; rank: number }>();
  const keysOf = (entry: SiteIndexEntry): Set<string> => new Set(valuesOf(entry).map((value) => value.trim().toLowerCase()).filter((key) => key !== ''));
  // Oldest first (the rows come newest first), so that the oldest spelling names the option.
  for (const entry of [...rows].reverse()) {
    for (const value of valuesOf(entry)) {
      const key = value.trim().toLowerCase();
      if (key !== '' && !found.has(key)) found.set(key, { label: value.trim(), count: 0, rank: rank(value, entry) });
    }
    for (const key of keysOf(entry)) (found.get(key) as { count: number }).count += 1;
  }
  const sorted = [...found].sort(([, x], [, y]) => x.rank - y.rank || y.count - x.count || compare(x.label, y.label));
  const position = new Map(sorted.map(([key], index) => [key, String(index)]));
  return {
    options: sorted.map(([, { label, count }], index) => ({ value: String(index), label, count })),
    valuesOf: (entry) => [...keysOf(entry)].map((key) => position.get(key) as string).join(' '),
  };
}

/** Options of {@link buildSiteIndexView}. */
export interface SiteIndexViewOptions {
  /** The site's shared stylesheet; null (the default) to have it inline. */
  stylesheetHref?: string | null;
  /** The site's script; null (the default) for none, and then no filters either. */
  scriptHref?: string | null;
  /** The links to the site's other pages (default none). */
  siteNav?: SiteNavLink[];
}

/** Builds the index's view: rows newest first, failures in file order. Pure. */
export function buildSiteIndexView(pages: readonly IndexedPage[], failures: readonly SiteFailure[], options: SiteIndexViewOptions = {}): SiteIndexView {
  // The order of localeCompare (the same collation, by definition), without it building one for every call.
  const { compare } = new Intl.Collator();
  const sorted = [...pages].sort(compareNewestFirst(compare));
  const entries = sorted.map((page) => page.index);
  const severity = filterOptions(entries, (entry) => (entry.severity ? [entry.severity] : []), (_, entry) => SEVERITY_ORDER.indexOf(entry.severityClass), compare);
  const status = filterOptions(entries, (entry) => (entry.status ? [entry.status] : []), (_, entry) => {
    const rank = STATUS_ORDER.indexOf(entry.statusClass);
    return rank === -1 ? STATUS_ORDER.length : rank;
  }, compare);
  // Older manifests' entries may lack the lists: none then.
  const services = filterOptions(entries, (entry) => entry.services ?? [], () => 0, compare);
  const tags = filterOptions(entries, (entry) => entry.tags ?? [], () => 0, compare);
  const rows = sorted.map(({ page, index }): SiteIndexRow => ({
    href: pageHref(page),
    title: index.title,
    date: index.date,
    dateTime: index.dateTime,
    severity: index.severity,
    severityClass: index.severityClass,
    duration: index.duration,
    impact: index.impact,
    status: index.status,
    statusClass: index.statusClass,
    services: index.services ?? [],
    tags: index.tags ?? [],
    filters: { severity: severity.valuesOf(index), status: status.valuesOf(index), services: services.valuesOf(index), tags: tags.valuesOf(index) },
  }));
  const scriptHref = options.scriptHref ?? null;
  const filters: SiteFilter[] = scriptHref === null
    ? []
    : ([['severity', 'Severity', severity], ['status', 'Status', status], ['services', 'Service', services], ['tags', 'Tag', tags]] as const)
      .filter(([, , filter]) => filter.options.length > 0)
      .map(([key, name, filter]) => ({ key, name, options: filter.options }));
  const count = `${pages.length} ${pages.length === 1 ? 'postmortem' : 'postmortems'}`;
  const failed = failures.length > 0 ? ` · ${failures.length} ${failures.length === 1 ? 'file' : 'files'} could not be read` : '';
  return {
    generator: HTML_GENERATOR,
    stylesheetHref: options.stylesheetHref ?? null,
    scriptHref,
    siteNav: options.siteNav ?? [],
    title: 'Postmortems',
    summary: count + failed,
    rows,
    filters,
    failures: failures.map(({ source, line, reason }) => ({ source, reason: line !== undefined ? `line ${line}: ${reason}` : reason })),
  };
}
