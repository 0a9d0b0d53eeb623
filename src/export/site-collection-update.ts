/**
 * Brings the site's collection pages (dashboard, action items, search) and its data file up
 * to date: from every page's record, fresh from this build or kept in the data file by the
 * last one (site-data.ts), or else made again by parsing the page's source. Loaded by
 * buildSite only when one of those pages is out of date, so a re-run that changed nothing
 * never loads it (nor MiniSearch, nor the collection's figures).
 */
import { HTML_GENERATOR } from './html-template-files.js';
import type { SiteCollectionItem, SiteCollectionRecord } from './site-collection.js';
import { writeCollectionPages } from './site-collection-pages.js';
import { readSiteData, serializeSiteData, SITE_DATA_FORMAT, writeSiteData, type SiteData, type SiteDataRecord } from './site-data.js';
import type { SitePage } from './site-index-view.js';
import { pageHref } from './site-nav.js';
import type { SitePageSettings, SiteTemplates } from './site-pages.js';
import { searchIndexOf, type SiteSearchDocument } from './site-search-options.js';
import { buildSiteSearchShards, type SiteSearchMember, type SiteSearchShard } from './site-search.js';

/** What {@link updateCollectionPages} needs of the build. */
export interface CollectionUpdate {
  /** The pages of this build, in source order, each with the hash of its source. */
  pages: ReadonlyArray<{ page: SitePage; sha256: string | null }>;
  /** The records of the pages this build rendered, by page. */
  fresh: Map<string, SiteCollectionRecord>;
  /** Whether the data file on disk is the one the last build wrote (its stamp is as recorded). */
  trustData: boolean;
  /** Makes a page's record again from its source (parsing and rendering it); null when it now fails. */
  remake: (page: SitePage) => Promise<SiteCollectionRecord | null>;
  today: string;
  templates: SiteTemplates;
  exists: (page: string) => boolean;
  settings: SitePageSettings;
}

interface Collected {
  items: SiteCollectionItem[];
  records: SiteDataRecord[];
  shards: SiteSearchShard[];
}

/**
 * Every page's record, and the search's parts: a part whose documents are unchanged is taken
 * from `previous` as it is; one to rebuild gets the documents of the pages not rendered now
 * from the last build's part that held them. Null when `previous` lacks one of those (a data
 * file not of a piece): then the caller goes again without it.
 */
async function collect(update: CollectionUpdate, previous: SiteData | null): Promise<Collected | null> {
  const previousRecords = new Map((previous?.records ?? []).map((record) => [record.page, record]));
  const items: SiteCollectionItem[] = [];
  const records: SiteDataRecord[] = [];
  const members: SiteSearchMember[] = [];
  const documents = new Map<string, SiteSearchDocument>();
  for (const { page, sha256 } of update.pages) {
    let record: Pick<SiteCollectionRecord, 'postmortem' | 'searchHash'> | undefined = update.fresh.get(page.page);
    if (record === undefined) {
      const kept = previousRecords.get(page.page);
      if (kept !== undefined && kept.sha256 !== null && kept.sha256 === sha256) record = kept;
    }
    if (record === undefined) {
      // A page reused without its record (the data file is gone or was changed): made again.
      const remade = await update.remake(page);
      if (remade === null) continue;
      update.fresh.set(page.page, remade);
      record = remade;
    }
    const fresh = update.fresh.get(page.page);
    if (fresh !== undefined) documents.set(fresh.search.id, fresh.search);
    const href = pageHref(page.page);
    items.push({ href, index: page.index, postmortem: record.postmortem });
    records.push({ page: page.page, sha256, searchHash: record.searchHash, postmortem: record.postmortem });
    members.push({ id: href, hash: record.searchHash });
  }
  const previousShards = previous?.searchShards ?? [];
  // The last build's parts, each read (parsed) only when one of its documents is needed.
  const parsed = new Map<number, Map<string, SiteSearchDocument>>();
  const documentOf = (id: string): SiteSearchDocument | undefined => {
    const known = documents.get(id);
    if (known !== undefined || previousShards.length === 0) return known;
    const position = searchIndexOf(id, previousShards.length);
    let part = parsed.get(position);
    if (part === undefined) {
      const list = JSON.parse(previousShards[position]?.documentsJson ?? '[]') as SiteSearchDocument[];
      part = new Map(list.map((document) => [document.id, document]));
      parsed.set(position, part);
    }
    return part.get(id);
  };
  const shards = buildSiteSearchShards(members, documentOf, new Map(previousShards.map((shard) => [shard.key, shard])));
  return shards === null ? null : { items, records, shards };
}

/** Rewrites the collection pages that changed and the data file; returns how many pages were written. */
export async function updateCollectionPages(update: CollectionUpdate): Promise<number> {
  const { output, cwd } = update.settings;
  const onDisk = readSiteData(output);
  const collected = (await collect(update, update.trustData ? onDisk?.data ?? null : null)) ?? ((await collect(update, null)) as Collected);
  const written = writeCollectionPages(collected.items, collected.shards, update.today, update.templates, update.exists, update.settings);
  const text = serializeSiteData({ generator: HTML_GENERATOR, format: SITE_DATA_FORMAT, searchShards: collected.shards, records: collected.records });
  if (text !== onDisk?.text) writeSiteData(output, text, cwd);
  return written;
}
