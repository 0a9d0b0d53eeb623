/**
 * The site's collection pages, which show every postmortem at once: the search page, the
 * action items and the dashboard. Each is built from every postmortem's record (fresh, or
 * kept from the last build in the site's data file), so that a re-run makes the same pages as
 * a build from scratch.
 */
import { collectionStats } from '../collection/collection-stats.js';
import { HTML_GENERATOR, SITE_SCRIPT, SITE_STYLESHEET } from './html-template-files.js';
import { buildSiteActionsContent, type SiteActionsContent } from './site-actions-view.js';
import type { SiteCollectionItem } from './site-collection.js';
import { buildSiteDashboardContent, type SiteDashboardContent } from './site-dashboard-view.js';
import { SITE_COLLECTION_PAGES, siteNavLinks, type SiteNavLink } from './site-nav.js';
import { SEARCH_DOCUMENTS_ELEMENT_PREFIX, SEARCH_INDEX_ELEMENT_PREFIX } from './site-search-options.js';
import type { SiteSearchShard } from './site-search.js';

/** What every collection page's head and navigation show. */
interface CollectionPageFrame {
  generator: string;
  stylesheetHref: string;
  /** The site's script, on the pages that use it; else null (the page then allows no script). */
  scriptHref: string | null;
  siteNav: SiteNavLink[];
}

function frame(page: keyof typeof SITE_COLLECTION_PAGES, script: boolean): CollectionPageFrame {
  return { generator: HTML_GENERATOR, stylesheetHref: SITE_STYLESHEET, scriptHref: script ? SITE_SCRIPT : null, siteNav: siteNavLinks('', page) };
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/** A part of the search page: its documents and their index, each a JSON data block. */
export interface SiteSearchPart {
  documentsElement: string;
  documentsJson: string;
  indexElement: string;
  indexJson: string;
}

/** Everything the search page template shows. */
export interface SiteSearchView extends CollectionPageFrame {
  title: string;
  /** `12 postmortems`. */
  summary: string;
  parts: SiteSearchPart[];
}

/** The search page's view: the parts (buildSiteSearchShards) of the search of `count` postmortems. */
export function buildSiteSearchView(shards: readonly SiteSearchShard[], count: number): SiteSearchView {
  return {
    ...frame('search', true),
    title: 'Search',
    summary: plural(count, 'postmortem', 'postmortems'),
    parts: shards.map((shard, position) => ({
      documentsElement: `${SEARCH_DOCUMENTS_ELEMENT_PREFIX}${position}`,
      documentsJson: shard.documentsJson,
      indexElement: `${SEARCH_INDEX_ELEMENT_PREFIX}${position}`,
      indexJson: shard.indexJson,
    })),
  };
}

/** Everything the dashboard template shows. */
export interface SiteDashboardView extends CollectionPageFrame {
  content: SiteDashboardContent;
}

/**
 * The dashboard's view: `collectionStats` over the postmortems on `today` (YYYY-MM-DD),
 * each incident linked to its page.
 */
export function buildSiteDashboardView(items: readonly SiteCollectionItem[], today: string): SiteDashboardView {
  const stats = collectionStats(items.map((item) => item.postmortem), { today });
  // An incident's file is its source as readers see it; the first page of that name, if two inputs share one.
  const pages = new Map<string, string>();
  for (const item of items) {
    const file = item.postmortem.source?.filePath;
    if (file && !pages.has(file)) pages.set(file, item.href);
  }
  return { ...frame('dashboard', false), content: buildSiteDashboardContent(stats, (file) => (file === null ? null : pages.get(file) ?? null)) };
}

/** Everything the action items template shows. */
export interface SiteActionsView extends CollectionPageFrame {
  content: SiteActionsContent;
}

/** The action items page's view, on `today` (YYYY-MM-DD). */
export function buildSiteActionsView(items: readonly SiteCollectionItem[], today: string): SiteActionsView {
  return { ...frame('actions', false), content: buildSiteActionsContent(items, today) };
}
