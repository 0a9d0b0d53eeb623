/**
 * The manifest of a site build: `.postmortem-site.json` in the site's directory, saying what
 * the last build made of each source (a hash of the source, its page and how that page looked
 * on disk when written, what the index shows of it) and what every page depends on besides its
 * source (the templates and the version of postmortem). A re-run reuses each page whose
 * source, templates and page are still as recorded, without parsing or rendering it.
 *
 * Nothing in a manifest is taken on trust that a build cannot check: one that does not parse,
 * has another format, or was written by another version or for other templates only costs a
 * full rebuild, and a page is reused only when the file on disk still has the size, times and
 * inode it had when the build wrote it (anyone else's write changes its change time, which no
 * one can set back). No code here renders anything, so a re-run that changes nothing never
 * loads the renderer.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { replaceFileSync } from '../io/write-file-atomic.js';
import { MAX_INPUT_FILE_BYTES } from '../parse/read-file.js';
import { builtInHtmlTemplatesDirectory, HTML_GENERATOR, HTML_TEMPLATE_FILES, type HtmlTemplateName, type ResolvedHtmlTemplates } from './html-template-files.js';
import type { SiteFailure, SiteIndexEntry, SiteIndexView } from './site-index-view.js';

/** The manifest's file name, in the site's directory: a dot file, as bookkeeping rather than part of the site. */
export const SITE_MANIFEST = '.postmortem-site.json';

/** Changed whenever what the manifest holds, or what a page depends on, changes meaning. */
export const SITE_MANIFEST_FORMAT = 2;

/** How a file looked on disk: any write to it, a rename over it or a `touch` changes one of these. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** What the last build made of one source. */
export interface SiteManifestSource {
  /** The source's path relative to the site's directory, `/`-separated (never absolute, so a published manifest names no home directory). */
  source: string;
  /** The source as shown to readers (relative to its input); pages show it, so it is part of the key. */
  relative: string;
  /** SHA-256 of the source's bytes, or null when they could not be read (then it is never reused). */
  sha256: string | null;
  /** The page's path in the site; the key of the entry (unique within a build). */
  page: string;
  /** The page as the build left it, or null for a source that failed (no page). */
  stamp: FileStamp | null;
  /** What the index shows of the page; null for a source that failed. */
  index: SiteIndexEntry | null;
  /** Why the source became no page, or null. */
  failure: Omit<SiteFailure, 'source'> | null;
}

/** The whole manifest. */
export interface SiteManifest {
  generator: typeof HTML_GENERATOR;
  format: typeof SITE_MANIFEST_FORMAT;
  /** The version of postmortem that wrote it. */
  version: string;
  /** SHA-256 over the templates and partials the pages were rendered with (see templatesDigest). */
  templates: string;
  /** The stylesheet as the build left it. */
  stylesheet: FileStamp | null;
  /** The index as the build left it, and a hash of the view it was rendered from. */
  index: { view: string; stamp: FileStamp } | null;
  /** The collection pages, the site's script and its data file as the build left them. */
  collection: SiteManifestCollection | null;
  /** One entry per source, in source order. */
  sources: SiteManifestSource[];
}

/**
 * What the collection pages (search, dashboard, action items) were built for: they show every
 * postmortem, so they are up to date when every source's entry is the last build's, the day is
 * the same (overdue actions), and each page and the data file are still as that build left them.
 */
export interface SiteManifestCollection {
  /** The day (YYYY-MM-DD) overdue action items were measured against. */
  today: string;
  /** The site's script (search.js). */
  script: FileStamp | null;
  /** The data file (site-data.ts). */
  data: FileStamp | null;
  /**
   * Each collection page by its path in the site: how the build left it, and a hash of what it
   * was made from (the postmortems' records it shows and the day), so that a re-run does not
   * even render a page whose inputs did not change.
   */
  pages: Record<string, SiteManifestCollectionPage | null>;
}

/** A collection page as the build left it, and a hash of what it was made from. */
export interface SiteManifestCollectionPage {
  stamp: FileStamp;
  digest: string;
}

/** The manifest found in a site's directory. */
export interface PreviousManifest {
  /** The manifest, when there was one in a format this version reads; null otherwise. */
  manifest: SiteManifest | null;
  /** The file's text as read, to skip writing an identical one; null when there was none. */
  text: string | null;
  /** Why a file that was there is not used at all (unreadable, not JSON, not a manifest of this format), or null. */
  problem: string | null;
}

let version: string | undefined;

/**
 * The version of postmortem, from its package.json: two levels up from src/export/,
 * dist/export/ and dist/bundle/ alike. (The CLI's package-info.ts reads the same file; the
 * library does not import from the CLI.)
 */
export function toolVersion(): string {
  if (version !== undefined) return version;
  try {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    version = typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}

function templateFiles(directory: string): string[] {
  return readdirSync(directory).filter((file) => file.endsWith('.hbs')).sort();
}

/**
 * A hash of every template a site's pages, index and stylesheet are rendered with: the page
 * and index templates and the partials, built in or the user's, each by its role and content
 * (not its path: the same templates elsewhere make the same pages). Null when one cannot be
 * read; the build then rebuilds everything and reports the template's problem itself.
 */
export function templatesDigest(templates: ResolvedHtmlTemplates): string | null {
  const digest = createHash('sha256');
  const add = (role: string, file: string): void => {
    const content = readFileSync(file);
    digest.update(`${role}\0${content.length}\0`).update(content);
  };
  try {
    for (const name of Object.keys(HTML_TEMPLATE_FILES) as HtmlTemplateName[]) add(name, templates[name]);
    for (const file of templateFiles(path.join(builtInHtmlTemplatesDirectory, 'partials'))) add(`partial:${file}`, path.join(builtInHtmlTemplatesDirectory, 'partials', file));
    // After the built-ins, as they are registered: a user partial replaces the built-in one of its name.
    if (templates.partialsDirectory) for (const file of templateFiles(templates.partialsDirectory)) add(`user-partial:${file}`, path.join(templates.partialsDirectory, file));
  } catch {
    return null;
  }
  return digest.digest('hex');
}

/** Opening without blocking: a FIFO opened to read would otherwise wait for a writer. (Not on Windows, which has no FIFOs to wait on.) */
const OPEN_TO_HASH = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** One buffer for every source a thread hashes: a re-run hashes a thousand, and allocating one each showed in profiles. */
let hashBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * SHA-256 of a source's bytes, or null for anything but a regular file small enough to be a
 * postmortem (an oversized file is refused by the parser anyway). Never throws.
 */
export function sourceDigest(file: string): string | null {
  let descriptor: number;
  try {
    descriptor = openSync(file, OPEN_TO_HASH);
  } catch {
    return null;
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile() || stats.size > MAX_INPUT_FILE_BYTES) return null;
    let length = 0;
    for (;;) {
      // Room for one byte more than the file had, to see it has grown.
      if (hashBuffer.length < Math.max(length, stats.size) + 1) {
        const larger = Buffer.allocUnsafe(Math.max(hashBuffer.length * 2, stats.size + 1));
        hashBuffer.copy(larger, 0, 0, length);
        hashBuffer = larger;
      }
      const bytesRead = readSync(descriptor, hashBuffer, length, hashBuffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_INPUT_FILE_BYTES) return null;
    }
    return hash('sha256', hashBuffer.subarray(0, length), 'hex');
  } catch {
    return null;
  } finally {
    closeSync(descriptor);
  }
}

/** A hash of the index's view: the index is rendered again only when it changed. */
export function indexViewDigest(view: SiteIndexView): string {
  return hash('sha256', JSON.stringify(view), 'hex');
}

/** How `file` looks on disk now, or null when it is not a regular file (or not there). */
export function fileStamp(file: string): FileStamp | null {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats?.isFile()) return null;
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

/** Whether two stamps are of the same file, untouched in between. */
export function sameStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a !== null && b !== null && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isStamp(value: unknown): value is FileStamp {
  return isObject(value) && isNumber(value.size) && isNumber(value.mtimeMs) && isNumber(value.ctimeMs) && isNumber(value.ino);
}

const INDEX_TEXT_FIELDS = ['title', 'date', 'severity', 'severityClass', 'duration', 'impact', 'status', 'statusClass', 'sortTitle'] as const;

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function isIndexEntry(value: unknown): value is SiteIndexEntry {
  return isObject(value) && INDEX_TEXT_FIELDS.every((field) => isString(value[field])) && (value.dateTime === null || isString(value.dateTime))
    && isStringList(value.services) && isStringList(value.tags);
}

const isStampOrNull = (value: unknown): value is FileStamp | null => value === null || isStamp(value);

function isCollection(value: unknown): value is SiteManifestCollection {
  return isObject(value) && isString(value.today) && isStampOrNull(value.script) && isStampOrNull(value.data)
    && isObject(value.pages) && Object.values(value.pages).every((page) => page === null || (isObject(page) && isStamp(page.stamp) && isString(page.digest)));
}

function isFailure(value: unknown): value is Omit<SiteFailure, 'source'> {
  return isObject(value) && isString(value.reason) && (value.line === undefined || isNumber(value.line));
}

/** A page path as the build makes them: relative, `/`-separated, ending in `.html`, never leaving the site. */
function isPagePath(value: unknown): value is string {
  return isString(value) && value.endsWith('.html') && !value.startsWith('/') && !value.includes('\\') && !value.split('/').some((part) => part === '..' || part === '.' || part === '');
}

function isSource(value: unknown): value is SiteManifestSource {
  if (!isObject(value) || !isString(value.source) || !isString(value.relative) || !isPagePath(value.page)) return false;
  if (!(value.sha256 === null || (isString(value.sha256) && /^[0-9a-f]{64}$/.test(value.sha256)))) return false;
  // A page with its stamp and index entry, or a failure with neither.
  if (value.failure === null) return isStamp(value.stamp) && isIndexEntry(value.index);
  return isFailure(value.failure) && value.stamp === null && value.index === null;
}

function isManifest(value: unknown): value is SiteManifest {
  if (!isObject(value) || value.generator !== HTML_GENERATOR || value.format !== SITE_MANIFEST_FORMAT) return false;
  if (!isString(value.version) || !isString(value.templates)) return false;
  if (!(value.stylesheet === null || isStamp(value.stylesheet))) return false;
  if (!(value.index === null || (isObject(value.index) && isString(value.index.view) && isStamp(value.index.stamp)))) return false;
  if (!(value.collection === null || isCollection(value.collection))) return false;
  return Array.isArray(value.sources) && value.sources.every(isSource);
}

/** Reads the manifest in `output`, if any. Never throws: a manifest that cannot be used is reported as a problem. */
export function readSiteManifest(output: string): PreviousManifest {
  let text: string;
  try {
    const file = path.join(output, SITE_MANIFEST);
    // Only a plain file: reading a FIFO put there would wait for ever.
    if (!statSync(file).isFile()) return { manifest: null, text: null, problem: 'is not a file' };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { manifest: null, text: null, problem: null };
    return { manifest: null, text: null, problem: `cannot be read (${code ?? String(error)})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { manifest: null, text, problem: 'is not valid JSON' };
  }
  if (isObject(value) && value.generator === HTML_GENERATOR && value.format !== SITE_MANIFEST_FORMAT) {
    return { manifest: null, text, problem: `has format ${JSON.stringify(value.format)}, not ${SITE_MANIFEST_FORMAT}` };
  }
  if (!isManifest(value)) return { manifest: null, text, problem: 'is not a site manifest of postmortem' };
  return { manifest: value, text, problem: null };
}

/**
 * A function giving a source's path as the manifest keeps it: relative to the site's
 * directory `output`, `/`-separated. Worked out once per folder (path.relative showed in
 * profiles of a re-run, called for a thousand files in a few folders).
 */
export function manifestSourcePaths(output: string): (absolute: string) => string {
  const folders = new Map<string, string>();
  return (absolute) => {
    const folder = path.dirname(absolute);
    let relative = folders.get(folder);
    if (relative === undefined) {
      relative = path.relative(output, folder).split(path.sep).join('/');
      folders.set(folder, relative);
    }
    return relative === '' ? path.basename(absolute) : `${relative}/${path.basename(absolute)}`;
  };
}

/** The manifest's text: JSON, one source to a line, so that it stays readable and diffs small. */
export function serializeSiteManifest(manifest: SiteManifest): string {
  const { sources, ...rest } = manifest;
  const head = JSON.stringify(rest).slice(0, -1);
  return `${head},"sources":[\n${sources.map((source) => JSON.stringify(source)).join(',\n')}\n]}\n`;
}

/**
 * Writes the manifest through a temporary file and a rename, as the pages are written, after
 * them: a build that stops half-way leaves the old manifest, whose stamps no longer match the
 * pages it rewrote, so those are rebuilt next time.
 */
export function writeSiteManifest(output: string, text: string, cwd: string): void {
  const file = path.join(output, SITE_MANIFEST);
  replaceFileSync(file, text, { displayPath: path.relative(cwd, file) || file, mayExist: true });
}
