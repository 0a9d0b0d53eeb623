/**
 * Brings the site's collection pages (dashboard, action items, search) and its data file up
 * to date: from every page's record, fresh from this build or kept in the data file by the
 * last one (site-data.ts), or else made again by parsing the page's source. Loaded by
 * buildSite only when one of those pages is out of date, so a re-run that changed nothing
 * never loads it (nor MiniSearch, nor the collection's figures).
 *
 * The search parts to rebuild are built on a worker thread when there are many documents to
 * index (a new site of hundreds of postmortems), while this thread renders the dashboard and
 * the action items and writes the data file.
 */
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HTML_GENERATOR } from './html-template-files.js';
import type { SiteCollectionItem, SiteCollectionRecord } from './site-collection.js';
import { buildSiteActionsView, buildSiteDashboardView, buildSiteSearchView } from './site-collection-pages.js';
import { readSiteData, serializeSiteData, SITE_DATA_FORMAT, writeSiteData, type SiteData, type SiteDataRecord } from './site-data.js';
import { fileStamp, sameStamp, type SiteManifestCollectionPage } from './site-manifest.js';
import type { SitePage } from './site-index-view.js';
import { pageHref, SITE_COLLECTION_PAGES } from './site-nav.js';
import { writeSitePage, type SitePageSettings, type SiteTemplates } from './site-pages.js';
import { searchIndexOf, type SiteSearchDocument } from './site-search-options.js';
import { buildSiteSearchShard, planSiteSearchShards, type SiteSearchMember, type SiteSearchShard } from './site-search.js';
import type { SiteSearchWorkerInput, SiteSearchWorkerOutput } from './site-search-worker.js';

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
  /** The collection pages as the last build left them, with what each was made from; null when its manifest cannot be trusted. */
  previousPages: Record<string, SiteManifestCollectionPage | null> | null;
  /** Whether the search may be built on a worker thread (not with `concurrency: 1`). */
  workers: boolean;
  templates: SiteTemplates;
  exists: (page: string) => boolean;
  settings: SitePageSettings;
}

interface Collected {
  items: SiteCollectionItem[];
  /** Each item's `postmortemHash`, in the same order. */
  hashes: string[];
  records: SiteDataRecord[];
  /** The search's parts in order: made already, or the documents to make one of. */
  parts: Array<SiteSearchShard | { key: string; documents: SiteSearchDocument[] }>;
}

/**
 * Every page's record, and what each search part is: taken from `previous` as it is when its
 * documents are unchanged, else to be built, with the documents of the pages not rendered now
 * taken from the last build's part that held them. Null when `previous` lacks one of those (a
 * data file not of a piece): then the caller goes again without it.
 */
async function collect(update: CollectionUpdate, previous: SiteData | null): Promise<Collected | null> {
  const previousRecords = new Map((previous?.records ?? []).map((record) => [record.page, record]));
  const items: SiteCollectionItem[] = [];
  const hashes: string[] = [];
  const records: SiteDataRecord[] = [];
  const members: SiteSearchMember[] = [];
  for (const { page, sha256 } of update.pages) {
    let record: Pick<SiteCollectionRecord, 'postmortem' | 'searchHash' | 'postmortemHash'> | undefined = update.fresh.get(page.page);
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
    const href = pageHref(page.page);
    items.push({ href, index: page.index, postmortem: record.postmortem });
    hashes.push(record.postmortemHash);
    records.push({ page: page.page, sha256, searchHash: record.searchHash, postmortemHash: record.postmortemHash, postmortem: record.postmortem });
    members.push({ id: href, hash: record.searchHash });
  }
  const documents = new Map([...update.fresh.values()].map((record) => [record.search.id, record.search]));
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
  const parts: Collected['parts'] = [];
  for (const part of planSiteSearchShards(members, new Map(previousShards.map((shard) => [shard.key, shard]))).parts) {
    if (part.cached) {
      parts.push(part.cached);
      continue;
    }
    const found: SiteSearchDocument[] = [];
    for (const member of part.members) {
      const document = documentOf(member.id);
      if (document === undefined) return null;
      found.push(document);
    }
    parts.push({ key: part.key, documents: found });
  }
  return { items, hashes, records, parts };
}

/** Below this many documents to index the search parts are built on this thread: a worker costs more to start. */
const SEARCH_WORKER_THRESHOLD = 300;

/** The share of the documents to index given to the worker; this thread builds the rest after its own pages. */
const SEARCH_WORKER_SHARE = 0.65;

const searchWorkerFile = fileURLToPath(new URL('./site-search-worker.js', import.meta.url));

type PartToBuild = { key: string; documents: SiteSearchDocument[] };

/** Builds parts on a worker thread; resolves to null when the worker fails (it never should: the caller builds them itself then). */
function buildOnWorker(parts: PartToBuild[]): Promise<SiteSearchShard[] | null> {
  return new Promise((resolve) => {
    const worker = new Worker(searchWorkerFile, { workerData: { parts } satisfies SiteSearchWorkerInput });
    let settled = false;
    const settle = (shards: SiteSearchShard[] | null): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(shards);
    };
    worker.once('message', (built: SiteSearchWorkerOutput) => settle(built));
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  });
}

/**
 * Starts building the search parts still to build: for a large search (and when worker
 * threads are allowed), most of them on a worker thread at once; `finish` builds the others on
 * this thread (call it after this thread's other work) and resolves to every part, in order.
 */
function startParts(parts: Collected['parts'], workers: boolean): { finish: () => Promise<SiteSearchShard[]> } {
  const toBuild = parts.filter((part): part is PartToBuild => 'documents' in part);
  const total = toBuild.reduce((sum, part) => sum + part.documents.length, 0);
  const remote: PartToBuild[] = [];
  if (workers && total >= SEARCH_WORKER_THRESHOLD && availableParallelism() > 1 && existsSync(searchWorkerFile)) {
    let given = 0;
    for (const part of toBuild) {
      if (given >= total * SEARCH_WORKER_SHARE) break;
      remote.push(part);
      given += part.documents.length;
    }
  }
  const onWorker = remote.length > 0 ? buildOnWorker(remote) : Promise.resolve([]);
  return {
    async finish() {
      const built = new Map<string, SiteSearchShard>();
      const remoteKeys = new Set(remote.map((part) => part.key));
      for (const part of toBuild) if (!remoteKeys.has(part.key)) built.set(part.key, buildSiteSearchShard(part.key, part.documents));
      const fromWorker = await onWorker;
      for (const part of remote) {
        built.set(part.key, fromWorker?.find((shard) => shard.key === part.key) ?? buildSiteSearchShard(part.key, part.documents));
      }
      return parts.map((part) => ('documents' in part ? (built.get(part.key) as SiteSearchShard) : part));
    },
  };
}

/** What {@link updateCollectionPages} did. */
export interface CollectionUpdateOutcome {
  /** Pages written (those whose content changed). */
  written: number;
  /** Each collection page by its path, and a hash of what it was made from, for the manifest. */
  digests: Record<string, string>;
}

const digestOf = (value: unknown): string => hash('sha256', JSON.stringify(value), 'hex');

/**
 * Rewrites the collection pages that changed, and the data file. A page whose inputs (the
 * records it shows, the day) hash as they did when the last build wrote it, and that is still
 * the file it wrote, is not even rendered: an edit of a postmortem's prose changes the search
 * alone. Else it is rendered, and written if its content changed.
 */
export async function updateCollectionPages(update: CollectionUpdate): Promise<CollectionUpdateOutcome> {
  const { output, cwd } = update.settings;
  const onDisk = readSiteData(output);
  const collected = (await collect(update, update.trustData ? onDisk?.data ?? null : null)) ?? ((await collect(update, null)) as Collected);
  const { items, hashes } = collected;
  const digests: Record<string, string> = {
    [SITE_COLLECTION_PAGES.dashboard]: digestOf(['dashboard', update.today, items.map((item, position) => [item.href, hashes[position]])]),
    [SITE_COLLECTION_PAGES.actions]: digestOf(['actions', update.today, items.map((item, position) => [item.href, item.index.title, item.index.date, item.index.dateTime, item.index.severity, item.index.severityClass, hashes[position]])]),
    [SITE_COLLECTION_PAGES.search]: digestOf(['search', items.length, collected.parts.map((part) => part.key)]),
  };
  const current = (page: string): boolean => {
    const previous = update.previousPages?.[page];
    return previous != null && previous.digest === digests[page] && sameStamp(previous.stamp, fileStamp(path.join(output, page)));
  };
  // Built unless the page is current and every part is the last build's (else the data file needs them).
  const searching = current(SITE_COLLECTION_PAGES.search) && collected.parts.every((part) => !('documents' in part)) ? null : startParts(collected.parts, update.workers);
  let written = 0;
  const write = (page: string, render: () => string): void => {
    if (current(page)) return;
    if (writeSitePage(page, render(), update.exists(page), update.settings)) written += 1;
  };
  // Rendered while the search is being built.
  write(SITE_COLLECTION_PAGES.dashboard, () => update.templates.dashboard(buildSiteDashboardView(items, update.today)));
  write(SITE_COLLECTION_PAGES.actions, () => update.templates.actions(buildSiteActionsView(items, update.today)));
  // Not built: the parts are the last build's, every one.
  const shards = searching ? await searching.finish() : (collected.parts as SiteSearchShard[]);
  if (searching) write(SITE_COLLECTION_PAGES.search, () => update.templates.search(buildSiteSearchView(shards, items.length)));
  const text = serializeSiteData({ generator: HTML_GENERATOR, format: SITE_DATA_FORMAT, searchShards: shards, records: collected.records });
  if (text !== onDisk?.text) writeSiteData(output, text, cwd);
  return { written, digests };
}
