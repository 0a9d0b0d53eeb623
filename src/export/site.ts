/**
 * A directory of postmortems -> a static site: one page per postmortem, an `index.html`
 * listing them all (with filters), the collection pages that show them all at once
 * (`dashboard.html`, `actions.html`, `search.html`, see site-collection-update.ts), the
 * stylesheet they share (`postmortem.css`) and the site's one script (`search.js`). A file that cannot be
 * read or parsed is listed on the index with the reason instead of stopping the build. Re-running updates the site in place: pages are
 * rewritten (only when they changed), and nothing else in the output directory is touched.
 * A file there that postmortem did not write is never overwritten without `force`. The
 * site's manifest (site-manifest.ts) lets a re-run skip every page whose source, templates
 * and page are as the last build left them, and remove the pages of sources that are gone.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findPostmortems } from '../io/find-postmortems.js';
import { PostmortemError } from '../model/errors.js';
import { localToday } from '../collection/action-state.js';
import { HTML_GENERATOR, resolveHtmlTemplates, SITE_SCRIPT, SITE_SCRIPT_MARK, SITE_STYLESHEET, SITE_STYLESHEET_MARK } from './html-template-files.js';
import type { SiteCollectionRecord } from './site-collection.js';
import { SITE_DATA } from './site-data.js';
import { buildSiteIndexView, type SiteFailure, type SiteIndexEntry, type SiteIndexView, type SitePage } from './site-index-view.js';
import { SITE_COLLECTION_PAGES, siteNavLinks } from './site-nav.js';
import {
  fileStamp,
  indexViewDigest,
  manifestSourcePaths,
  readSiteManifest,
  sameStamp,
  serializeSiteManifest,
  SITE_MANIFEST,
  SITE_MANIFEST_FORMAT,
  sourceDigest,
  templatesDigest,
  toolVersion,
  writeSiteManifest,
  type PreviousManifest,
  type SiteManifest,
  type SiteManifestSource,
} from './site-manifest.js';
import type { SitePageJob, SitePageOutcome, SitePageSettings, SiteTemplates } from './site-pages.js';
import type { ParsedSource } from './site-parse.js';
import type { RedactOptions } from '../redact/redact-text.js';
import type { SiteWorkerInput, SiteWorkerMessage } from './site-worker.js';

export type { SiteFailure, SiteIndexEntry, SitePage } from './site-index-view.js';

/** Options for {@link buildSite}. */
export interface SiteOptions {
  /** An HTML template file or directory replacing the built-ins (see `renderHtml`). */
  template?: string;
  /** Directory relative inputs, the output directory and the template are resolved from. Default `process.cwd()`. */
  cwd?: string;
  /** Overwrite files in the output directory that postmortem did not write. */
  force?: boolean;
  /** Glob patterns of files and directories to skip in the inputs, relative to `cwd` (see `findPostmortems`). */
  ignore?: readonly string[];
  /**
   * Threads doing the work: the calling thread renders and writes the pages, and the
   * `concurrency - 1` others are worker threads that read and parse the sources; 1 for no
   * worker thread. Default `'auto'`: one worker, on a machine with more than one CPU, for
   * sites of a few hundred files or more (below that, starting a worker costs more than it saves).
   */
  concurrency?: number | 'auto';
  /**
   * Reuse the pages of the previous build that are up to date, as the site's manifest
   * (`.postmortem-site.json`) shows them (default true). False parses and renders every page;
   * pages whose content comes out the same are still not rewritten.
   */
  cache?: boolean;
  /** The day (YYYY-MM-DD) the action items are measured against: overdue when due before it. Default: today, in the local timezone. */
  today?: string;
  /**
   * Redact secrets and personal data from every page, the index, the collection pages and the
   * search data (`export --redact`), with these scans' options; the sources are not touched.
   */
  redact?: RedactOptions | null;
}

/** What a site build did. */
export interface SiteReport {
  /** The output directory, absolute. */
  outputDirectory: string;
  /** The postmortems that became pages, in source order. */
  pages: SitePage[];
  /** The files that could not be read or parsed, in source order. */
  failures: SiteFailure[];
  /** Files written (pages, the index, the collection pages, the stylesheet and the script). */
  written: number;
  /** Files left alone because their content had not changed. */
  unchanged: number;
  /** Pages taken from the previous build without parsing or rendering them (counted as unchanged). */
  reused: number;
  /** Pages the previous build wrote that no source makes any more, now removed (paths in the site, `/`-separated). */
  removed: string[];
  /** Pages the previous build wrote that no source makes any more, left in place because they were changed since. */
  orphaned: string[];
  /**
   * Why no page of the previous build was reused although the site has a manifest: it could
   * not be read or used, another version of postmortem wrote it, the templates changed, or
   * `cache` is false. Null for a new site, or when unchanged pages were reused.
   */
  fullRebuild: string | null;
}

const GENERATOR_MARK = `<meta name="generator" content="${HTML_GENERATOR}">`;

interface SourceFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to the input it was found in, with `/` separators. */
  relative: string;
}

const toPosix = (file: string): string => file.split(path.sep).join('/');

/** The collection pages (index, search, ...), at the site's root. */
const COLLECTION_PAGES: readonly string[] = Object.values(SITE_COLLECTION_PAGES);

/** The collection pages this version writes besides the index. */
const OTHER_COLLECTION_PAGES: readonly string[] = [SITE_COLLECTION_PAGES.dashboard, SITE_COLLECTION_PAGES.actions, SITE_COLLECTION_PAGES.search];

/** Files of every site besides the pages of postmortems: the collection pages, the stylesheet and the script. */
const SITE_FILE_COUNT = 1 + OTHER_COLLECTION_PAGES.length + 2;

/** `team/a.md` -> `team/a.html`; unique within the site, and never the name of a collection page. */
function pagePaths(sources: readonly SourceFile[]): string[] {
  const taken = new Set(COLLECTION_PAGES);
  return sources.map((source) => {
    const base = source.relative.replace(/\.(?:md|markdown)$/i, '');
    let candidate = `${base}.html`;
    for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix += 1) candidate = `${base}-${suffix}.html`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The files already in the output directory, as `/`-separated paths relative to it. */
async function existingFiles(output: string): Promise<Set<string>> {
  try {
    const entries = await readdir(output, { recursive: true, withFileTypes: true });
    return new Set(entries.filter((entry) => entry.isFile()).map((entry) => toPosix(path.relative(output, path.join(entry.parentPath, entry.name)))));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new Set();
    if (code === 'ENOTDIR') throw new PostmortemError('is a file, not a directory; name a directory for the site', { filePath: output });
    throw error;
  }
}

/**
 * Whether a file starts like one postmortem wrote: a page with the generator mark in its
 * head, or the site's stylesheet or script with its mark on the first line. Read
 * synchronously: a re-run checks every page, and a thousand promise-based open/read/close
 * calls cost more than the reading.
 */
function isOwnFile(file: string, kind: 'page' | 'stylesheet' | 'script'): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    // Unreadable: not known to be ours, so it is left alone without --force.
    return false;
  }
  try {
    const buffer = Buffer.alloc(4096);
    const bytesRead = readSync(descriptor, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    if (kind === 'stylesheet') return head.startsWith(SITE_STYLESHEET_MARK);
    if (kind === 'script') return head.startsWith(SITE_SCRIPT_MARK);
    return head.includes(GENERATOR_MARK);
  } finally {
    closeSync(descriptor);
  }
}

/** Below this many files a site is built on the calling thread alone. */
const WORKER_THRESHOLD = 300;

const workerFile = fileURLToPath(new URL('./site-worker.js', import.meta.url));

function workerCount(concurrency: number | 'auto' | undefined, jobs: number): number {
  // Run from TypeScript sources (the tests) there is no compiled worker to start.
  if (!existsSync(workerFile)) return 0;
  // The calling thread is one of the threads doing the work: it renders.
  if (typeof concurrency === 'number') return Math.max(0, Math.floor(concurrency) - 1);
  // One parsing thread keeps up with the rendering one (parsing is the lighter stage).
  return jobs >= WORKER_THRESHOLD && availableParallelism() > 1 ? 1 : 0;
}

/** Worker threads reading and parsing the sources of a site build. */
interface ParsingThreads {
  /**
   * Calls `handle` with each source as it is parsed (those parsed already first, at once),
   * and resolves once every source has been handled. Rejects when a thread fails or `handle`
   * throws, and then calls `handle` no more.
   */
  consume(handle: (index: number, parsed: ParsedSource) => void): Promise<void>;
  /** Stops the threads (a no-op for those that have finished). */
  stop(): void;
}

/**
 * Starts `count` worker threads that read and parse the sources, each its share, posting
 * each model back as soon as it has it. They are started before this thread loads the
 * rendering code, so their start-up and the first files overlap that loading. Messages that
 * arrive before `consume` is called wait in a queue.
 */
function startParsing(sources: readonly SourceFile[], count: number, redact: RedactOptions | null): ParsingThreads {
  const started: Worker[] = [];
  const waiting: SiteWorkerMessage[] = [];
  let deliver: ((message: SiteWorkerMessage) => void) | null = null;
  let failure: { error: unknown } | null = null;
  let onFailure: ((error: unknown) => void) | null = null;
  const fail = (error: unknown): void => {
    if (failure) return;
    failure = { error };
    onFailure?.(error);
  };
  const stop = (): void => {
    for (const worker of started) void worker.terminate();
  };
  try {
    for (let share = 0; share < count; share += 1) {
      const input = sources.flatMap((source, index) => (index % count === share ? [{ index, absolute: source.absolute, relative: source.relative }] : []));
      if (input.length === 0) continue;
      const worker = new Worker(workerFile, { workerData: { sources: input, redact } satisfies SiteWorkerInput });
      started.push(worker);
      let received = 0;
      worker.on('message', (message: SiteWorkerMessage) => {
        received += 1;
        if (deliver) deliver(message);
        else waiting.push(message);
      });
      worker.once('error', fail);
      worker.once('exit', (code) => {
        if (received < input.length) fail(new Error(`site worker stopped (exit code ${code}) after ${received} of ${input.length} files`));
      });
    }
  } catch (error) {
    stop();
    throw error;
  }
  return {
    consume(handle) {
      return new Promise((resolve, reject) => {
        let remaining = sources.length;
        const take = (message: SiteWorkerMessage): void => {
          if (failure) return;
          try {
            handle(message.index, message.parsed);
          } catch (error) {
            fail(error);
            return;
          }
          remaining -= 1;
          if (remaining === 0) resolve();
        };
        onFailure = reject;
        if (failure) return reject((failure as { error: unknown }).error);
        if (remaining === 0) return resolve();
        for (const message of waiting.splice(0)) take(message);
        deliver = take;
      });
    },
    stop,
  };
}

/**
 * Which sources this build takes from the previous one as they are (their manifest entries,
 * by source index; null for those it builds), and why it takes none, when it cannot trust the
 * manifest for that: it must be in this version's format, written by this version of
 * postmortem for these templates. An entry is reused when it is for the same source, shown
 * under the same name at the same page path, whose bytes hash the same, and whose page (for a
 * source that had one) is still the file that build wrote. The page is checked first: a stat
 * costs less than reading and hashing the source.
 */
function reusableSources(
  sources: readonly SourceFile[],
  pages: readonly string[],
  previous: PreviousManifest,
  templatesHash: string | null,
  output: string,
  sourcePath: (absolute: string) => string,
  cache: boolean,
): { reused: Array<SiteManifestSource | null>; fullRebuild: string | null } {
  const none = (reason: string | null): { reused: null[]; fullRebuild: string | null } => ({ reused: sources.map(() => null), fullRebuild: reason });
  const { manifest } = previous;
  if (previous.problem !== null) return none(`${SITE_MANIFEST} ${previous.problem}`);
  // A new site, or one built before there were manifests.
  if (manifest === null) return none(null);
  if (!cache) return none('reuse of unchanged pages is turned off');
  if (manifest.version !== toolVersion()) return none(`the site was built by postmortem ${manifest.version}`);
  if (templatesHash === null || manifest.templates !== templatesHash) return none('the templates changed');
  const byPage = new Map(manifest.sources.map((entry) => [entry.page, entry]));
  const reused = sources.map((source, index) => {
    const entry = byPage.get(pages[index] as string);
    if (!entry || entry.sha256 === null || entry.relative !== source.relative || entry.source !== sourcePath(source.absolute)) return null;
    if (entry.stamp !== null && !sameStamp(entry.stamp, fileStamp(path.join(output, entry.page)))) return null;
    return sourceDigest(source.absolute) === entry.sha256 ? entry : null;
  });
  return { reused, fullRebuild: null };
}

/** Whether two paths are one file (the same inode on the same device). */
function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [statSync(a), statSync(b)];
    return first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}

/**
 * Removes the pages the previous build wrote that this one has not (their source is gone, is
 * now shown at another path, or failed), each only while it is still exactly the file that
 * build wrote; one changed since is left in place (orphaned). A page whose source is still
 * there but was not among this build's inputs (a site built from several inputs in several
 * runs) is kept. Folders left empty go too. Paths compare exactly; a stale path that is the same file
 * as a kept one (a rename in case only, on a file system that ignores case) is never removed.
 */
function removeStalePages(manifest: SiteManifest | null, kept: readonly string[], found: ReadonlySet<string>, output: string): { removed: string[]; orphaned: string[] } {
  const removed: string[] = [];
  const orphaned: string[] = [];
  // A collection page is never a postmortem's stale page, whatever an old manifest says.
  const keep = new Set([...kept, ...COLLECTION_PAGES]);
  const keptByCase = new Map(kept.map((page) => [page.toLowerCase(), page]));
  for (const entry of manifest?.sources ?? []) {
    if (entry.stamp === null || keep.has(entry.page)) continue;
    // Its source is still there and this build was not asked for it: another run's page.
    if (!found.has(entry.source) && existsSync(path.resolve(output, entry.source))) continue;
    const sameName = keptByCase.get(entry.page.toLowerCase());
    if (sameName !== undefined && sameFile(path.join(output, entry.page), path.join(output, sameName))) continue;
    const file = path.join(output, entry.page);
    const stamp = fileStamp(file);
    if (stamp === null) continue;
    if (!sameStamp(stamp, entry.stamp)) {
      orphaned.push(entry.page);
      continue;
    }
    try {
      unlinkSync(file);
    } catch {
      orphaned.push(entry.page);
      continue;
    }
    removed.push(entry.page);
    for (let directory = path.dirname(file); directory !== output && directory.startsWith(output + path.sep); directory = path.dirname(directory)) {
      try {
        rmdirSync(directory);
      } catch {
        // Not empty: something else lives there.
        break;
      }
    }
  }
  return { removed, orphaned };
}

async function makeDirectories(directories: Iterable<string>, cwd: string): Promise<void> {
  for (const directory of [...new Set(directories)].sort()) {
    try {
      await mkdir(directory, { recursive: true });
    } catch (error) {
      throw new PostmortemError('cannot create this directory (a file is in the way, or permission denied)', { filePath: path.relative(cwd, directory) || directory }, { cause: error });
    }
  }
}

/**
 * The templates' digest, made to differ for a redacted build (and for other redaction
 * options), so that a build with `--redact` never reuses a page built without it, or the
 * other way round.
 */
function withRedaction(templatesHash: string | null, redact: RedactOptions | null): string | null {
  if (templatesHash === null || redact === null) return templatesHash;
  return createHash('sha256').update(templatesHash).update('\0redact\0').update(JSON.stringify(redact)).digest('hex');
}

/**
 * Builds or updates a static site from postmortems: `inputs` are files, directories or
 * globs, found as `postmortem lint` finds them (`findPostmortems`), never in the output
 * directory. Returns what was done; never prints. Throws `PostmortemError` for a missing input, a bad template, or an output
 * file postmortem did not write (unless `force`); files that fail to parse do not throw.
 * A re-run reuses what the site's manifest (site-manifest.ts) shows to be up to date, and
 * parses and renders only the rest.
 */
export async function buildSite(inputs: readonly string[], outputDirectory: string, options: SiteOptions = {}): Promise<SiteReport> {
  const cwd = options.cwd ?? process.cwd();
  const output = path.resolve(cwd, outputDirectory);
  const today = options.today ?? localToday();
  // A missing --template is reported before anything starts.
  const templates = resolveHtmlTemplates(options.template, cwd);
  // The site's own pages are never sources, when it is built inside an input.
  const found = await findPostmortems(inputs, { cwd, ignore: options.ignore, skipDirectories: [output], allowEmpty: true });
  const sources: SourceFile[] = found.map((file) => ({ absolute: file.path, relative: file.relative }));
  const pages = pagePaths(sources);
  const previous = readSiteManifest(output);
  const templatesHash = withRedaction(templatesDigest(templates), options.redact ?? null);
  const sourcePath = manifestSourcePaths(output);
  const { reused, fullRebuild } = reusableSources(sources, pages, previous, templatesHash, output, sourcePath, options.cache !== false);
  // The manifest's record of the index and stylesheet holds only when its pages could be trusted.
  const trusted = previous.manifest !== null && fullRebuild === null ? previous.manifest : null;
  const toBuild = sources.flatMap((_, index) => (reused[index] ? [] : [index]));
  const workers = workerCount(options.concurrency, toBuild.length);
  // Stage one of a large build (reading and parsing) starts now, on worker threads, while this
  // thread loads the code of stage two (rendering and writing) and checks the output directory.
  const parsing = workers > 0 && toBuild.length > 0 ? startParsing(toBuild.map((index) => sources[index] as SourceFile), workers, options.redact ?? null) : null;
  try {
    // The renderer is loaded only when something is to be rendered: a re-run that changed nothing never needs it.
    let rendering: Promise<typeof import('./site-pages.js')> | null = null;
    const loadRendering = (): Promise<typeof import('./site-pages.js')> => {
      if (!rendering) {
        rendering = import('./site-pages.js');
        // Awaited later; a refusal before then must not leave its failure unhandled.
        rendering.catch(() => undefined);
      }
      return rendering;
    };
    if (toBuild.length > 0) void loadRendering();
    const siteFiles = [...COLLECTION_PAGES, SITE_STYLESHEET, SITE_SCRIPT];
    // With every page reused, only the collection pages, the stylesheet and the script may be written: no need to list the whole site.
    const existing = toBuild.length > 0 ? await existingFiles(output) : new Set(siteFiles.filter((file) => existsSync(path.join(output, file))));

    // Checked before anything is written, so a refusal leaves the site as it was. A reused page
    // is the very file the previous build wrote (reusableSources checked), so it is not read.
    if (!options.force) {
      for (const page of [...siteFiles, ...toBuild.map((index) => pages[index] as string)]) {
        if (existing.has(page) && !isOwnFile(path.join(output, page), page === SITE_STYLESHEET ? 'stylesheet' : page === SITE_SCRIPT ? 'script' : 'page')) {
          throw new PostmortemError('exists and was not written by postmortem; use --force to overwrite it', { filePath: path.relative(cwd, path.join(output, page)) });
        }
      }
    }
    const settings: SitePageSettings = { output, templates, cwd, redact: options.redact ?? null };
    let compiled: SiteTemplates | null = null;
    // A broken template stops the build here, before it creates or writes anything.
    const compile = async (): Promise<SiteTemplates> => (compiled ??= (await loadRendering()).compileSiteTemplates(settings));
    const outcomes = new Map<number, SitePageOutcome>();
    if (toBuild.length > 0) {
      const { buildSitePages, writePage } = await loadRendering();
      const renderPage = (await compile()).page;
      await makeDirectories(toBuild.map((index) => path.dirname(path.join(output, pages[index] as string))).concat(output), cwd);
      const jobs: SitePageJob[] = toBuild.map((index) => {
        const source = sources[index] as SourceFile;
        const page = pages[index] as string;
        return { absolute: source.absolute, relative: source.relative, page, exists: existing.has(page) };
      });
      if (parsing) {
        // Stage two: each page is rendered and written on this thread as its model arrives.
        await parsing.consume((position, parsed) => {
          outcomes.set(toBuild[position] as number, writePage(jobs[position] as SitePageJob, parsed, renderPage, settings));
        });
      } else {
        (await buildSitePages(jobs, renderPage, settings)).forEach((outcome, position) => outcomes.set(toBuild[position] as number, outcome));
      }
    } else {
      await makeDirectories([output], cwd);
    }

    const built: SitePage[] = [];
    const failures: SiteFailure[] = [];
    const entries: SiteManifestSource[] = [];
    // What the collection pages need of each page built now, by page; the others' is in the data file.
    const freshRecords = new Map<string, SiteCollectionRecord>();
    // The source of each page, and its hash, for the data file.
    const pageSources = new Map<string, { index: number; sha256: string | null }>();
    let written = 0;
    sources.forEach((source, index) => {
      const page = pages[index] as string;
      const entry = reused[index];
      if (entry) {
        if (entry.failure !== null) failures.push({ source: source.relative, ...entry.failure });
        else {
          built.push({ source: source.relative, page, postmortem: null, index: entry.index as SiteIndexEntry });
          pageSources.set(page, { index, sha256: entry.sha256 });
        }
        entries.push(entry);
        return;
      }
      const outcome = outcomes.get(index) as SitePageOutcome;
      if (outcome.written) written += 1;
      const recorded = { source: sourcePath(source.absolute), relative: source.relative, sha256: outcome.sha256, page };
      if (outcome.failure !== null) {
        failures.push({ source: outcome.source, ...outcome.failure });
        entries.push({ ...recorded, stamp: null, index: null, failure: outcome.failure });
        return;
      }
      built.push({ source: outcome.source, page, postmortem: outcome.postmortem, index: outcome.index });
      freshRecords.set(page, outcome.record);
      pageSources.set(page, { index, sha256: outcome.sha256 });
      const stamp = fileStamp(path.join(output, page));
      // A page gone already (removed by someone meanwhile) is not recorded, so it is built next time.
      if (stamp !== null) entries.push({ ...recorded, stamp, index: outcome.index, failure: null });
    });

    const stylesheetFile = path.join(output, SITE_STYLESHEET);
    if (!trusted || !sameStamp(trusted.stylesheet, fileStamp(stylesheetFile))) {
      if ((await loadRendering()).writeSiteStylesheet(existing.has(SITE_STYLESHEET), settings)) written += 1;
    }
    const scriptFile = path.join(output, SITE_SCRIPT);
    if (!trusted?.collection || !sameStamp(trusted.collection.script, fileStamp(scriptFile))) {
      if ((await loadRendering()).writeSiteScript(existing.has(SITE_SCRIPT), settings)) written += 1;
    }
    // Every entry the previous build's own, in its order: the index's view is the one it hashed, so it need not be built to find that out.
    const sameEntries = trusted !== null && entries.length === trusted.sources.length && entries.every((entry, index) => entry === trusted.sources[index]);
    let indexView: SiteIndexView | null = null;
    const view = (): SiteIndexView => (indexView ??= buildSiteIndexView(built, failures, { stylesheetHref: SITE_STYLESHEET, scriptHref: SITE_SCRIPT, siteNav: siteNavLinks('', 'index') }));
    const viewHash = sameEntries && trusted.index ? trusted.index.view : indexViewDigest(view());
    const indexFile = path.join(output, 'index.html');
    if (!trusted || trusted.index?.view !== viewHash || !sameStamp(trusted.index.stamp, fileStamp(indexFile))) {
      const { writeSiteIndex } = await loadRendering();
      if (writeSiteIndex(view(), (await compile()).index, existing.has('index.html'), settings)) written += 1;
    }

    // The collection pages show every postmortem: up to date only when every entry is the last
    // build's, on the same day, with the pages and the data file as that build left them.
    const dataFile = path.join(output, SITE_DATA);
    const collectionCurrent =
      sameEntries &&
      trusted.collection !== null &&
      trusted.collection.today === today &&
      sameStamp(trusted.collection.data, fileStamp(dataFile)) &&
      OTHER_COLLECTION_PAGES.every((page) => sameStamp(trusted.collection?.pages[page]?.stamp ?? null, fileStamp(path.join(output, page))));
    // What each collection page was made from: as the last build recorded it, unless they are made now.
    let pageDigests: Record<string, string | undefined> = Object.fromEntries(OTHER_COLLECTION_PAGES.map((page) => [page, trusted?.collection?.pages[page]?.digest]));
    if (!collectionCurrent) {
      const rendering = await loadRendering();
      const { updateCollectionPages } = await import('./site-collection-update.js');
      const outcome = await updateCollectionPages({
        pages: built.map((page) => ({ page, sha256: (pageSources.get(page.page) as { sha256: string | null }).sha256 })),
        fresh: freshRecords,
        trustData: trusted?.collection != null && sameStamp(trusted.collection.data, fileStamp(dataFile)),
        // Parsed and rendered again, which rewrites the page only if it somehow differs.
        remake: async (page) => {
          const source = sources[(pageSources.get(page.page) as { index: number }).index] as SourceFile;
          const job = { absolute: source.absolute, relative: source.relative, page: page.page, exists: true };
          const outcome = rendering.writePage(job, await rendering.parseSource(job, options.redact ?? null), (await compile()).page, settings);
          if (outcome.written) written += 1;
          return outcome.record;
        },
        today,
        previousPages: trusted?.collection?.pages ?? null,
        workers: options.concurrency === undefined || options.concurrency === 'auto' || options.concurrency >= 2,
        templates: await compile(),
        exists: (page) => existing.has(page),
        settings,
      });
      written += outcome.written;
      pageDigests = outcome.digests;
    }

    // After the index and the collection pages, so that no page they link to is ever missing.
    const found = new Set(sources.map((source) => sourcePath(source.absolute)));
    const { removed, orphaned } = removeStalePages(previous.manifest, built.map((page) => page.page), found, output);

    const indexStamp = fileStamp(indexFile);
    const stylesheetStamp = fileStamp(stylesheetFile);
    const collectionStamps = {
      today,
      script: fileStamp(scriptFile),
      data: fileStamp(dataFile),
      pages: Object.fromEntries(OTHER_COLLECTION_PAGES.map((page) => {
        const stamp = fileStamp(path.join(output, page));
        const digest = pageDigests[page];
        return [page, stamp && digest !== undefined ? { stamp, digest } : null];
      })),
    };
    // Nothing to record when every entry is the previous build's own (a re-run that changed nothing): saves serialising it to find that out.
    const sameAsBefore =
      sameEntries &&
      sameStamp(stylesheetStamp, trusted.stylesheet) &&
      trusted.index?.view === viewHash &&
      sameStamp(indexStamp, trusted.index.stamp) &&
      collectionCurrent &&
      sameStamp(collectionStamps.script, trusted.collection?.script ?? null);
    if (!sameAsBefore) {
      const manifest: SiteManifest = {
        generator: HTML_GENERATOR,
        format: SITE_MANIFEST_FORMAT,
        version: toolVersion(),
        // Never matches a hash: templates that could not be read are checked again next time.
        templates: templatesHash ?? '',
        stylesheet: stylesheetStamp,
        index: indexStamp ? { view: viewHash, stamp: indexStamp } : null,
        collection: collectionStamps,
        sources: entries,
      };
      const text = serializeSiteManifest(manifest);
      if (text !== previous.text) writeSiteManifest(output, text, cwd);
    }
    return {
      outputDirectory: output,
      pages: built,
      failures,
      written,
      unchanged: built.length + SITE_FILE_COUNT - written,
      reused: reused.filter((entry) => entry !== null && entry.failure === null).length,
      removed,
      orphaned,
      fullRebuild,
    };
  } finally {
    parsing?.stop();
  }
}
