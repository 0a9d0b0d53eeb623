/**
 * A worker thread that builds parts of a large site's search (MiniSearch indexes and their
 * documents as JSON) while the calling thread renders the dashboard and the action items:
 * indexing the text of a thousand postmortems takes a third of a second, which this way
 * overlaps the rest of the work on another core. See site-collection-update.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteSearchDocument } from './site-search-options.js';
import { buildSiteSearchShard, type SiteSearchShard } from './site-search.js';

/** The parts to build, each with its key and documents. */
export interface SiteSearchWorkerInput {
  parts: Array<{ key: string; documents: SiteSearchDocument[] }>;
}

/** The parts built, in the order asked for. */
export type SiteSearchWorkerOutput = SiteSearchShard[];

const input = workerData as SiteSearchWorkerInput;
parentPort?.postMessage(input.parts.map((part) => buildSiteSearchShard(part.key, part.documents)) satisfies SiteSearchWorkerOutput);
