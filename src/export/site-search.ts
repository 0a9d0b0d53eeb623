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
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'tr', 'td', 'th', 'table', 'thead', 'tbody', 'pre', 'blockquote', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'section', 'details', 'summary', 'img']);
/** A tag (its name captured), or a character reference (hex, decimal or named). */
const MARKUP = /<\/?([a-z][a-z0-9]*)(?![a-z0-9])[^<>]*>|&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi;

/**
 * The text of an HTML fragment the export wrote (sanitised Markdown: no `>` inside a tag, text
 * escaped with `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric references): tags dropped, a space
 * where a block ends, references decoded. One pass: the search text of a thousand pages goes
 * through here.
 */
export function htmlFragmentText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  return html.replace(MARKUP, (match, tag: string | undefined, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (tag !== undefined) return BLOCK_TAGS.has(tag.toLowerCase()) ? ' ' : '';
    const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number.parseInt(decimal, 10) : null;
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    return ENTITIES[(name as string).toLowerCase()] ?? match;
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
      // A loop, not push(...): a file can hold more improvements than a call has room for arguments.
      for (const improvement of actions.improvementsHtml) parts.push(improvement);
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

/** The search's parts for a set of documents: each with its key, and what the last build made of it, if it has the key. */
export interface SiteSearchPlan {
  parts: Array<{ key: string; members: SiteSearchMember[]; cached: SiteSearchShard | null }>;
}

/**
 * Splits `members` into {@link searchIndexCount} parts, each holding the documents
 * {@link searchIndexOf} puts in it, in order of id, and keys each by its documents' ids and
 * hashes (so an unchanged part needs no document to be recognised): a part whose key is in
 * `previous` (what the last build made) is to be taken from there as it is.
 */
export function planSiteSearchShards(members: readonly SiteSearchMember[], previous: ReadonlyMap<string, SiteSearchShard> = new Map()): SiteSearchPlan {
  const count = searchIndexCount(members.length);
  const groups: SiteSearchMember[][] = Array.from({ length: count }, () => []);
  for (const member of [...members].sort(byId)) (groups[searchIndexOf(member.id, count)] as SiteSearchMember[]).push(member);
  return {
    parts: groups.map((group, position) => {
      const key = hash('sha256', JSON.stringify([count, position, group.map((member) => [member.id, member.hash])]), 'hex');
      return { key, members: group, cached: previous.get(key) ?? null };
    }),
  };
}

/** Builds one part of the search: its documents (in order of id) and a MiniSearch index of them. */
export function buildSiteSearchShard(key: string, documents: readonly SiteSearchDocument[]): SiteSearchShard {
  const index = new MiniSearch<SiteSearchDocument>(SEARCH_INDEX_OPTIONS);
  index.addAll(documents);
  return { key, documentsJson: scriptSafeJson(documents), indexJson: scriptSafeJson(index) };
}

/**
 * The parts of the search page for `members` (see planSiteSearchShards): those the last build
 * made taken as they are, the others built from the documents `documentOf` gives; null when it
 * gives none for one of them.
 */
export function buildSiteSearchShards(
  members: readonly SiteSearchMember[],
  documentOf: (id: string) => SiteSearchDocument | undefined,
  previous: ReadonlyMap<string, SiteSearchShard> = new Map(),
): SiteSearchShard[] | null {
  const shards: SiteSearchShard[] = [];
  for (const part of planSiteSearchShards(members, previous).parts) {
    if (part.cached) {
      shards.push(part.cached);
      continue;
    }
    const documents: SiteSearchDocument[] = [];
    for (const member of part.members) {
      const document = documentOf(member.id);
      if (document === undefined) return null;
      documents.push(document);
    }
    shards.push(buildSiteSearchShard(part.key, documents));
  }
  return shards;
}

/** The parts of the search page for documents at hand (a build from scratch, or the tests). */
export function buildSiteSearchShardsOf(documents: readonly SiteSearchDocument[]): SiteSearchShard[] {
  const byDocumentId = new Map(documents.map((document) => [document.id, document]));
  const members = documents.map((document) => ({ id: document.id, hash: hash('sha256', JSON.stringify(document), 'hex') }));
  return buildSiteSearchShards(members, (id) => byDocumentId.get(id)) as SiteSearchShard[];
}
