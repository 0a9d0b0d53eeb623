/**
 * The site's collection pages, which show every postmortem at once: the search page, the
 * action items and the dashboard. Each is
 * built from the postmortems' records (SiteCollectionRecord), fresh or kept from the last build,
 * so that a re-run makes the same pages as a build from scratch.
 */
import { collectionStats } from '../collection/collection-stats.js';
import { HTML_GENERATOR, SITE_SCRIPT, SITE_STYLESHEET } from './html-template-files.js';
import { buildSiteActionsContent, type SiteActionsContent } from './site-actions-view.js';
import { buildSiteDashboardContent, type SiteDashboardContent } from './site-dashboard-view.js';
import type { SiteCollectionRecord } from './site-collection.js';
import { SITE_COLLECTION_PAGES, siteNavLinks, type SiteNavLink } from './site-nav.js';
import { SEARCH_DOCUMENTS_ELEMENT, SEARCH_INDEX_ELEMENT_PREFIX } from './site-search-options.js';
import { buildSiteSearchData, type SiteSearchIndex } from './site-search.js';
import type { SitePageSettings, SiteTemplates } from './site-pages.js';
import { writeSitePage } from './site-pages.js';

/** What every collection page's head and navigation show. */
interface CollectionPageFrame {
  generator: string;
  stylesheetHref: string;
  /** The site's script, on the pages that use it; else null (the page then allows no script). */
  scriptHref: string | null;
  siteNav: SiteNavLink[];
}

/** Everything the search page template shows. */
export interface SiteSearchView extends CollectionPageFrame {
  title: string;
  /** `12 postmortems`. */
  summary: string;
  /** The id of the data block holding the documents, and the documents as JSON safe for it. */
  documentsElement: string;
  documentsJson: string;
  /** The MiniSearch indexes, each in its own data block. */
  indexes: Array<{ elementId: string; json: string }>;
}

/** Everything the action items template shows. */
export interface SiteActionsView extends CollectionPageFrame {
  content: SiteActionsContent;
}

/** Everything the dashboard template shows. */
export interface SiteDashboardView extends CollectionPageFrame {
  content: SiteDashboardContent;
}

/**
 * The dashboard's view: `collectionStats` over the postmortems' records on `today`
 * (YYYY-MM-DD), each incident linked to its page.
 */
export function buildSiteDashboardView(records: readonly SiteCollectionRecord[], today: string): SiteDashboardView {
  const stats = collectionStats(records.map((record) => record.postmortem), { today });
  // An incident's file is its source as readers see it; the first page of that name, if two inputs share one.
  const pages = new Map<string, string>();
  for (const record of records) {
    const file = record.postmortem.source?.filePath;
    if (file && !pages.has(file)) pages.set(file, record.search.id);
  }
  return { ...frame('dashboard', false), content: buildSiteDashboardContent(stats, (file) => (file === null ? null : pages.get(file) ?? null)) };
}

/** The action items page's view, on `today` (YYYY-MM-DD). */
export function buildSiteActionsView(records: readonly SiteCollectionRecord[], today: string): SiteActionsView {
  return { ...frame('actions', false), content: buildSiteActionsContent(records, today) };
}

function frame(page: keyof typeof SITE_COLLECTION_PAGES, script: boolean): CollectionPageFrame {
  return { generator: HTML_GENERATOR, stylesheetHref: SITE_STYLESHEET, scriptHref: script ? SITE_SCRIPT : null, siteNav: siteNavLinks('', page) };
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * The search page's view, and the indexes it holds (for the data file: the next build reuses
 * those whose documents did not change, from `previousIndexes`, by key).
 */
export function buildSiteSearchView(records: readonly SiteCollectionRecord[], previousIndexes?: ReadonlyMap<string, string>): { view: SiteSearchView; indexes: SiteSearchIndex[] } {
  const data = buildSiteSearchData(records.map((record) => record.search), previousIndexes);
  return {
    view: {
      ...frame('search', true),
      title: 'Search',
      summary: plural(data.count, 'postmortem', 'postmortems'),
      documentsElement: SEARCH_DOCUMENTS_ELEMENT,
      documentsJson: data.documentsJson,
      indexes: data.indexes.map((index, position) => ({ elementId: `${SEARCH_INDEX_ELEMENT_PREFIX}${position}`, json: index.json })),
    },
    indexes: data.indexes,
  };
}

/** What {@link writeCollectionPages} did. */
export interface CollectionPagesOutcome {
  /** Pages written (those whose content changed). */
  written: number;
  /** The search indexes of the search page, for the data file. */
  searchIndexes: SiteSearchIndex[];
}

/**
 * Renders the collection pages from the records of every postmortem of the site and writes
 * those that changed. `exists` says whether a file is at a page's path already.
 */
export function writeCollectionPages(
  records: readonly SiteCollectionRecord[],
  today: string,
  previousIndexes: ReadonlyMap<string, string>,
  templates: SiteTemplates,
  exists: (page: string) => boolean,
  settings: SitePageSettings,
): CollectionPagesOutcome {
  let written = 0;
  const search = buildSiteSearchView(records, previousIndexes);
  if (writeSitePage(SITE_COLLECTION_PAGES.search, templates.search(search.view), exists(SITE_COLLECTION_PAGES.search), settings)) written += 1;
  if (writeSitePage(SITE_COLLECTION_PAGES.dashboard, templates.dashboard(buildSiteDashboardView(records, today)), exists(SITE_COLLECTION_PAGES.dashboard), settings)) written += 1;
  if (writeSitePage(SITE_COLLECTION_PAGES.actions, templates.actions(buildSiteActionsView(records, today)), exists(SITE_COLLECTION_PAGES.actions), settings)) written += 1;
  return { written, searchIndexes: search.indexes };
}
