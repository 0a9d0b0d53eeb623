/**
 * The site's full-text search, built ahead of time: each postmortem as a search document (its
 * page's text, from the page's own view, so the search finds what the page shows), and
 * MiniSearch indexes of all of them, serialised into the search page as JSON data blocks that
 * the site's script loads (site-script/search.ts). A page opened from `file://` cannot fetch
 * a file beside it, so the indexes travel inside the page; a data block is never run.
 *
 * The documents are split into a few indexes by a hash of their page (site-search-options.ts),
 * each built from its documents alone: a re-run after one file changed rebuilds one index and
 * takes the others from the last build, and the result is the same as a build from scratch.
 */
import { hash } from 'node:crypto';
import MiniSearch from 'minisearch';
import type { PostmortemPageView } from './page-view.js';
import { SEARCH_INDEX_OPTIONS, searchIndexCount, searchIndexOf, type SiteSearchDocument } from './site-search-options.js';
import type { SiteIndexEntry } from './site-index-view.js';

export type { SiteSearchDocument } from './site-search-options.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|h[1-6]|br|hr|tr|td|th|table|thead|tbody|pre|blockquote|dl|dt|dd|figure|figcaption|section|details|summary|img)\b[^>]*>/gi;

/**
 * The text of an HTML fragment the export wrote (sanitised Markdown: no `>` inside a tag, text
 * escaped with `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric references): tags dropped, a space
 * where a block ends, references decoded.
 */
export function htmlFragmentText(html: string): string {
  return html
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (reference, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number.parseInt(decimal, 10) : null;
      if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
      return ENTITIES[(name as string).toLowerCase()] ?? reference;
    });
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The search document of a page: everything its view shows, as one line of plain text. Pure. */
export function siteSearchDocument(href: string, view: PostmortemPageView, index: SiteIndexEntry): SiteSearchDocument {
  // The title is a field of its own; the text starts where the page does, with the impact.
  const parts: string[] = [view.impactHtml, view.rootCauseHtml, view.preambleHtml];
  for (const section of view.sections) {
    parts.push(section.heading, section.html);
    for (const day of section.timeline?.days ?? []) {
      for (const entry of day.entries) parts.push(entry.label ?? '', entry.textHtml);
    }
    const actions = section.correctiveActions;
    if (actions) {
      parts.push(...actions.improvementsHtml);
      for (const task of actions.tasks) parts.push(task.textHtml, task.owner, task.issue);
    }
  }
  // People last: searching for a name finds what they wrote or reviewed.
  for (const fact of view.facts) if (fact.key === 'authors' || fact.key === 'reviewers') parts.push(fact.value);
  return {
    id: href,
    title: index.title,
    date: index.date,
    dateTime: index.dateTime,
    severity: index.severity,
    severityClass: index.severityClass,
    services: index.services.join(' '),
    tags: index.tags.join(' '),
    // Each part is escaped text or sanitised HTML; the title and names are plain, but decoding them does no harm.
    text: collapse(parts.filter((part) => part !== '').map(htmlFragmentText).join(' ')),
  };
}

/**
 * JSON that can sit inside a `<script type="application/json">` element: every `<` written as
 * `\u003c`, so nothing in it can end the element (`</script>`) or open a comment (`<!--`).
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** One MiniSearch index of the search page, serialised, with the key it was built for. */
export interface SiteSearchIndex {
  /** A hash of the documents it holds (and how many indexes there are): the same key, the same index. */
  key: string;
  /** The index as `JSON.stringify` writes it, made safe for a data block ({@link scriptSafeJson}). */
  json: string;
}

/**
 * The search indexes of a site's documents: {@link searchIndexCount} of them, each holding the
 * documents {@link searchIndexOf} puts in it, added in order of id. An index whose key is in
 * `previous` (what the last build made) is taken from there instead of being built again.
 */
export function buildSiteSearchIndexes(documents: readonly SiteSearchDocument[], previous: ReadonlyMap<string, string> = new Map()): SiteSearchIndex[] {
  const count = searchIndexCount(documents.length);
  const groups: SiteSearchDocument[][] = Array.from({ length: count }, () => []);
  for (const document of [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    (groups[searchIndexOf(document.id, count)] as SiteSearchDocument[]).push(document);
  }
  return groups.map((group, position) => {
    const indexed = group.map((document) => [document.id, document.title, document.text, document.services, document.tags]);
    const key = hash('sha256', JSON.stringify([count, position, indexed]), 'hex');
    const cached = previous.get(key);
    if (cached !== undefined) return { key, json: cached };
    const index = new MiniSearch<SiteSearchDocument>(SEARCH_INDEX_OPTIONS);
    index.addAll(group);
    return { key, json: scriptSafeJson(index) };
  });
}

/** What the search page shows and loads: the documents (for the results and their snippets) and the indexes. */
export interface SiteSearchData {
  /** The documents, newest first, as a JSON data block ({@link scriptSafeJson}). */
  documentsJson: string;
  indexes: SiteSearchIndex[];
  count: number;
}

/** The search page's data for the documents, newest first (as the index lists them). */
export function buildSiteSearchData(documents: readonly SiteSearchDocument[], previous?: ReadonlyMap<string, string>): SiteSearchData {
  const newestFirst = [...documents].sort((a, b) => {
    const dateA = a.dateTime ?? '';
    const dateB = b.dateTime ?? '';
    if (dateA !== dateB) return dateA === '' ? 1 : dateB === '' ? -1 : dateA < dateB ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return { documentsJson: scriptSafeJson(newestFirst), indexes: buildSiteSearchIndexes(documents, previous), count: documents.length };
}
