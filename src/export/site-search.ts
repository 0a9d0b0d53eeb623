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

/**
 * One part of the search page: some of the documents, as a JSON data block, and a MiniSearch
 * index of them, serialised, with the key it was made for.
 */
export interface SiteSearchShard {
  /** A hash of the ids and hashes of the documents it holds (and of how many parts there are): the same key, the same part. */
  key: string;
  /** The documents, in order of id, as JSON made safe for a data block ({@link scriptSafeJson}). */
  documentsJson: string;
  /** The index as `JSON.stringify` writes it, made safe for a data block. */
  indexJson: string;
}

/** A document of the search, by its id and the hash of its content (SiteCollectionRecord.searchHash). */
export interface SiteSearchMember {
  id: string;
  hash: string;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The parts of the search page for `members`: {@link searchIndexCount} of them, each holding
 * the documents {@link searchIndexOf} puts in it, in order of id. A part whose key is in
 * `previous` (what the last build made) is taken from there as it is; another is built from
 * the documents `documentOf` gives, and null is returned when it gives none for one of them.
 * The key is worked out from the hashes alone, so an unchanged part needs no document.
 */
export function buildSiteSearchShards(
  members: readonly SiteSearchMember[],
  documentOf: (id: string) => SiteSearchDocument | undefined,
  previous: ReadonlyMap<string, SiteSearchShard> = new Map(),
): SiteSearchShard[] | null {
  const count = searchIndexCount(members.length);
  const groups: SiteSearchMember[][] = Array.from({ length: count }, () => []);
  for (const member of [...members].sort(byId)) (groups[searchIndexOf(member.id, count)] as SiteSearchMember[]).push(member);
  const shards: SiteSearchShard[] = [];
  for (const [position, group] of groups.entries()) {
    const key = hash('sha256', JSON.stringify([count, position, group.map((member) => [member.id, member.hash])]), 'hex');
    const cached = previous.get(key);
    if (cached !== undefined) {
      shards.push(cached);
      continue;
    }
    const documents: SiteSearchDocument[] = [];
    for (const member of group) {
      const document = documentOf(member.id);
      if (document === undefined) return null;
      documents.push(document);
    }
    const index = new MiniSearch<SiteSearchDocument>(SEARCH_INDEX_OPTIONS);
    index.addAll(documents);
    shards.push({ key, documentsJson: scriptSafeJson(documents), indexJson: scriptSafeJson(index) });
  }
  return shards;
}

/** The parts of the search page for documents at hand (a build from scratch, or the tests). */
export function buildSiteSearchShardsOf(documents: readonly SiteSearchDocument[]): SiteSearchShard[] {
  const byDocumentId = new Map(documents.map((document) => [document.id, document]));
  const members = documents.map((document) => ({ id: document.id, hash: hash('sha256', JSON.stringify(document), 'hex') }));
  return buildSiteSearchShards(members, (id) => byDocumentId.get(id)) as SiteSearchShard[];
}
