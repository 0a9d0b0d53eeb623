/**
 * The pages of a site besides one per postmortem: the index, the dashboard, the action items
 * and the search page, with the links between them that every page of the site carries.
 */

/** The collection pages of a site, at its root. */
export const SITE_COLLECTION_PAGES = {
  index: 'index.html',
  dashboard: 'dashboard.html',
  actions: 'actions.html',
  search: 'search.html',
} as const;

/** One of the collection pages. */
export type SiteCollectionPage = keyof typeof SITE_COLLECTION_PAGES;

/** A link of the site's navigation. */
export interface SiteNavLink {
  key: SiteCollectionPage;
  /** What the link says (`Action items`). */
  name: string;
  /** Relative to the page that shows it. */
  href: string;
  /** Whether it is the page that shows it (`aria-current="page"`). */
  current: boolean;
}

const NAV_NAMES: Record<SiteCollectionPage, string> = { index: 'Postmortems', dashboard: 'Dashboard', actions: 'Action items', search: 'Search' };

/**
 * A site page's path as a URL relative to the site's root: each segment percent-encoded, so
 * that a source named `a#b.md` or `javascript:x.md` links to its page and nothing else (a
 * colon, `#` or `?` in a file name would otherwise read as a scheme, a fragment or a query).
 */
export function pageHref(page: string): string {
  return page.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** From a page at `page` (a path in the site, `/`-separated) up to the site's root: `''`, `'../'`, ... */
export function pathToRoot(page: string): string {
  return '../'.repeat(page.split('/').length - 1);
}

/** The navigation of a page `toRoot` below the site's root; `current` is the collection page it is, if any. */
export function siteNavLinks(toRoot: string, current: SiteCollectionPage | null): SiteNavLink[] {
  return (Object.keys(SITE_COLLECTION_PAGES) as SiteCollectionPage[]).map((key) => ({
    key,
    name: NAV_NAMES[key],
    href: `${toRoot}${SITE_COLLECTION_PAGES[key]}`,
    current: key === current,
  }));
}
