/**
 * The site's data file, `.postmortem-site-data.json`, beside its manifest: for each page, what
 * the collection pages (search, dashboard, action items) need of its postmortem
 * (SiteCollectionRecord), and the search indexes the last build made. Those pages show every
 * postmortem, so a re-run that reuses a page without parsing its source takes the
 * postmortem's record from here.
 *
 * Apart from the manifest because it is large (the text of every postmortem, for the search)
 * and needed only when a collection page is to be rebuilt: a re-run that changed nothing
 * never reads it. The manifest records how the file looked when the build wrote it; one that
 * changed since is not used, and the build parses what it would have taken from it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../io/write-file-atomic.js';
import { HTML_GENERATOR } from './html-template-files.js';
import type { Postmortem } from '../model/postmortem.js';
import type { SiteSearchShard } from './site-search.js';

/** The data file's name, in the site's directory. */
export const SITE_DATA = '.postmortem-site-data.json';

/** Changed whenever what the file holds changes meaning. */
export const SITE_DATA_FORMAT = 1;

/**
 * What is kept of one page's record (SiteCollectionRecord), with the hash of the source it was
 * made from: its postmortem without prose, and the hash of its search document (the document
 * itself is in the search part that holds it).
 */
export interface SiteDataRecord {
  page: string;
  sha256: string | null;
  searchHash: string;
  postmortemHash: string;
  postmortem: Postmortem;
}

/** The whole data file. */
export interface SiteData {
  generator: typeof HTML_GENERATOR;
  format: typeof SITE_DATA_FORMAT;
  /** The parts of the search page the last build made (see buildSiteSearchShards), in order, reused by key. */
  searchShards: SiteSearchShard[];
  /** One record per page, in source order. */
  records: SiteDataRecord[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function isRecord(value: unknown): value is SiteDataRecord {
  if (!isObject(value) || !isString(value.page) || !(value.sha256 === null || isString(value.sha256)) || !isString(value.searchHash) || !isString(value.postmortemHash)) return false;
  const { postmortem } = value;
  return isObject(postmortem) && isObject(postmortem.summary) && Array.isArray(postmortem.timeline) && Array.isArray(postmortem.services) && Array.isArray(postmortem.tags)
    && isObject(postmortem.correctiveActions) && Array.isArray(postmortem.correctiveActions.tasks);
}

/**
 * Reads the data file in `output`; null when there is none, or it is not one this version
 * wrote. Never throws. The caller checks first that it is the file the last build wrote.
 */
export function readSiteData(output: string): { data: SiteData; text: string } | null {
  try {
    const file = path.join(output, SITE_DATA);
    if (!statSync(file).isFile()) return null;
    const text = readFileSync(file, 'utf8');
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || value.generator !== HTML_GENERATOR || value.format !== SITE_DATA_FORMAT) return null;
    if (!Array.isArray(value.searchShards) || !value.searchShards.every((shard) => isObject(shard) && isString(shard.key) && isString(shard.documentsJson) && isString(shard.indexJson))) return null;
    if (!Array.isArray(value.records) || !value.records.every(isRecord)) return null;
    return { data: value as unknown as SiteData, text };
  } catch {
    return null;
  }
}

/** The data file's text: JSON, one search part and one record to a line. */
export function serializeSiteData(data: SiteData): string {
  const lines = (items: readonly unknown[]): string => (items.length === 0 ? '' : `\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n`);
  return `{"generator":${JSON.stringify(data.generator)},"format":${data.format},"searchShards":[${lines(data.searchShards)}],"records":[${lines(data.records)}]}\n`;
}

/** Writes the data file through a temporary file and a rename, before the manifest that records it. */
export function writeSiteData(output: string, text: string, cwd: string): void {
  const file = path.join(output, SITE_DATA);
  replaceFileSync(file, text, { displayPath: path.relative(cwd, file) || file, mayExist: true });
}
