/**
 * A directory of postmortems -> a static site: one page per postmortem, an `index.html`
 * listing them all, and the stylesheet they share (`postmortem.css`). A file that cannot be
 * read or parsed is listed on the index with the reason instead of stopping the build. Re-running updates the site in place: pages are
 * rewritten (only when they changed), and nothing else in the output directory is touched.
 * A file there that postmortem did not write is never overwritten without `force`.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { findPostmortems } from '../io/find-postmortems.js';
import { PostmortemError } from '../model/errors.js';
import { HTML_GENERATOR, resolveHtmlTemplates, SITE_STYLESHEET, SITE_STYLESHEET_MARK } from './html-template-files.js';
import type { SiteFailure, SitePage } from './site-index-view.js';
import type { SitePageJob, SitePageOutcome, SitePageSettings } from './site-pages.js';
import type { ParsedSource } from './site-parse.js';
import type { SiteWorkerInput, SiteWorkerMessage } from './site-worker.js';

export type { SiteFailure, SitePage } from './site-index-view.js';

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
}

/** What a site build did. */
export interface SiteReport {
  /** The output directory, absolute. */
  outputDirectory: string;
  /** The postmortems that became pages, in source order. */
  pages: SitePage[];
  /** The files that could not be read or parsed, in source order. */
  failures: SiteFailure[];
  /** Files written (pages, the index and the stylesheet). */
  written: number;
  /** Files left alone because their content had not changed. */
  unchanged: number;
}

const GENERATOR_MARK = `<meta name="generator" content="${HTML_GENERATOR}">`;

interface SourceFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to the input it was found in, with `/` separators. */
  relative: string;
}

const toPosix = (file: string): string => file.split(path.sep).join('/');

/** `team/a.md` -> `team/a.html`; unique within the site, and never the index's name. */
function pagePaths(sources: readonly SourceFile[]): string[] {
  const taken = new Set(['index.html']);
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
 * head, or the site's stylesheet with its mark on the first line. Read synchronously: a
 * re-run checks every page, and a thousand promise-based open/read/close calls cost more
 * than the reading.
 */
function isOwnFile(file: string, kind: 'page' | 'stylesheet'): boolean {
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
    return kind === 'stylesheet' ? head.startsWith(SITE_STYLESHEET_MARK) : head.includes(GENERATOR_MARK);
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
function startParsing(sources: readonly SourceFile[], count: number): ParsingThreads {
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
      const worker = new Worker(workerFile, { workerData: { sources: input } satisfies SiteWorkerInput });
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
 * Builds or updates a static site from postmortems: `inputs` are files, directories or
 * globs, found as `postmortem lint` finds them (`findPostmortems`), never in the output
 * directory. Returns what was done; never prints. Throws `PostmortemError` for a missing input, a bad template, or an output
 * file postmortem did not write (unless `force`); files that fail to parse do not throw.
 */
export async function buildSite(inputs: readonly string[], outputDirectory: string, options: SiteOptions = {}): Promise<SiteReport> {
  const cwd = options.cwd ?? process.cwd();
  const output = path.resolve(cwd, outputDirectory);
  // A missing --template is reported before anything starts.
  const templates = resolveHtmlTemplates(options.template, cwd);
  // The site's own pages are never sources, when it is built inside an input.
  const found = await findPostmortems(inputs, { cwd, ignore: options.ignore, skipDirectories: [output], allowEmpty: true });
  const sources: SourceFile[] = found.map((file) => ({ absolute: file.path, relative: file.relative }));
  const workers = workerCount(options.concurrency, sources.length);
  // Stage one of a large build (reading and parsing) starts now, on worker threads, while this
  // thread loads the code of stage two (rendering and writing) and checks the output directory.
  const parsing = workers > 0 && sources.length > 0 ? startParsing(sources, workers) : null;
  try {
    const rendering = import('./site-pages.js');
    // Awaited below; a refusal before then must not leave its failure unhandled.
    rendering.catch(() => undefined);
    const pages = pagePaths(sources);
    const existing = await existingFiles(output);

    // Checked before anything is written, so a refusal leaves the site as it was.
    if (!options.force) {
      for (const page of ['index.html', SITE_STYLESHEET, ...pages]) {
        if (existing.has(page) && !isOwnFile(path.join(output, page), page === SITE_STYLESHEET ? 'stylesheet' : 'page')) {
          throw new PostmortemError('exists and was not written by postmortem; use --force to overwrite it', { filePath: path.relative(cwd, path.join(output, page)) });
        }
      }
    }
    const settings: SitePageSettings = { output, templates, cwd };
    const { buildSitePages, compileSiteTemplates, writePage, writeSiteIndex, writeSiteStylesheet } = await rendering;
    // A broken template stops the build here, before it creates or writes anything.
    const compiled = compileSiteTemplates(settings);
    const directories = new Set(pages.map((page) => path.dirname(path.join(output, page))).concat(output));
    for (const directory of [...directories].sort()) {
      try {
        await mkdir(directory, { recursive: true });
      } catch (error) {
        throw new PostmortemError('cannot create this directory (a file is in the way, or permission denied)', { filePath: path.relative(cwd, directory) || directory }, { cause: error });
      }
    }

    const jobs: SitePageJob[] = sources.map((source, index) => {
      const page = pages[index] as string;
      return { absolute: source.absolute, relative: source.relative, page, exists: existing.has(page) };
    });
    let outcomes: SitePageOutcome[];
    if (parsing) {
      // Stage two: each page is rendered and written on this thread as its model arrives.
      outcomes = new Array<SitePageOutcome>(jobs.length);
      await parsing.consume((index, parsed) => {
        outcomes[index] = writePage(jobs[index] as SitePageJob, parsed, compiled.page, settings);
      });
    } else {
      outcomes = await buildSitePages(jobs, compiled.page, settings);
    }

    const built: SitePage[] = [];
    const failures: SiteFailure[] = [];
    let written = 0;
    for (const outcome of outcomes) {
      if (outcome.failure === null) built.push({ source: outcome.source, page: outcome.page, postmortem: outcome.postmortem });
      else failures.push({ source: outcome.source, ...outcome.failure });
      if (outcome.written) written += 1;
    }
    if (writeSiteStylesheet(existing.has(SITE_STYLESHEET), settings)) written += 1;
    if (writeSiteIndex(built, failures, compiled.index, existing.has('index.html'), settings)) written += 1;
    return { outputDirectory: output, pages: built, failures, written, unchanged: built.length + 2 - written };
  } finally {
    parsing?.stop();
  }
}
