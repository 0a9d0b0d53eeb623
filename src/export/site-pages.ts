/**
 * The work of a site build for each file: read, parse, render the page, write it when it
 * changed. Run on the main thread, or on a worker thread for part of a large site
 * (site-worker.ts); either way the outcome is plain data the main thread puts on the index.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPostmortemError, PostmortemError } from '../model/errors.js';
import type { Postmortem } from '../model/postmortem.js';
import { parsePostmortem } from '../parse/parse-postmortem.js';
import { readPostmortemFile } from '../parse/read-file.js';
import { renderHtmlTemplate, resolveHtmlTemplates } from './html-templates.js';
import { buildPageView } from './page-view.js';

/** One file to turn into a page. */
export interface SitePageJob {
  /** Absolute path of the source. */
  absolute: string;
  /** The source relative to its input, `/`-separated, as shown to readers. */
  relative: string;
  /** The page's path inside the site, `/`-separated. */
  page: string;
  /** Whether a file is already at the page's path (then it is read, to skip an unchanged write). */
  exists: boolean;
}

/** What became of one file. */
export type SitePageOutcome =
  | { source: string; page: string; postmortem: Postmortem; written: boolean; failure: null }
  | { source: string; page: string; postmortem: null; written: false; failure: string };

/** What every job of one build shares. */
export interface SitePageSettings {
  /** The site's directory, absolute. */
  output: string;
  /** The `--template` value, if any. */
  template: string | undefined;
  cwd: string;
}

/** A failure's one line for the index: where in the file, if known, and what. */
export function failureReason(error: unknown): string {
  if (isPostmortemError(error)) return `${error.line !== null ? `line ${error.line}: ` : ''}${error.message}`;
  return `could not be exported (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); this is a bug in postmortem`;
}

/** Whether an error is a broken user template, which breaks every page and so stops the build. */
export function isTemplateError(error: unknown): boolean {
  return isPostmortemError(error) && /^template |HTML template/.test(error.message);
}

/**
 * Writes one file of the site through a temporary file and a rename, so a reader never sees
 * half a page. Not flushed to disk: a site is rebuilt in a second or two, and a thousand
 * flushes would make every build slow.
 */
export async function writeSiteFile(file: string, content: string, cwd: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on device' : error instanceof Error ? error.message : String(error);
    throw new PostmortemError(`cannot write this file: ${reason}`, { filePath: path.relative(cwd, file) || file }, { cause: error });
  }
}

/**
 * Writes `content` unless the file already holds exactly it; resolves to whether it wrote.
 * A page that did not exist is written in place: nobody can have been reading it, and it
 * saves a rename per page on a first build.
 */
export async function writeIfChanged(file: string, content: string, exists: boolean, cwd: string): Promise<boolean> {
  if (exists) {
    const previous = await readFile(file, 'utf8').catch(() => null);
    if (previous === content) return false;
  } else {
    try {
      await writeFile(file, content, { flag: 'wx' });
      return true;
    } catch {
      // It appeared meanwhile, or the write failed: the careful path below says which.
    }
  }
  await writeSiteFile(file, content, cwd);
  return true;
}

/** How many files are in flight at once: enough to hide disk latency, few enough to keep memory flat. */
const CONCURRENCY = 8;

/**
 * Turns each job into a page. A file that cannot be read, parsed or rendered becomes a
 * failure with its reason; a broken template or a failed write throws.
 */
export async function buildSitePages(jobs: readonly SitePageJob[], settings: SitePageSettings): Promise<SitePageOutcome[]> {
  const templates = resolveHtmlTemplates(settings.template, settings.cwd);
  const outcomes = new Array<SitePageOutcome>(jobs.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next;
      next += 1;
      const job = jobs[index] as SitePageJob;
      let content: string;
      let postmortem: Postmortem;
      try {
        postmortem = parsePostmortem(await readPostmortemFile(job.absolute), { filePath: job.relative });
        const depth = job.page.split('/').length - 1;
        const view = buildPageView(postmortem, { indexHref: `${'../'.repeat(depth)}index.html`, sourceName: job.relative });
        content = renderHtmlTemplate(templates, 'page', view, settings.cwd);
      } catch (error) {
        if (isTemplateError(error)) throw error;
        outcomes[index] = { source: job.relative, page: job.page, postmortem: null, written: false, failure: failureReason(error) };
        continue;
      }
      const written = await writeIfChanged(path.join(settings.output, job.page), content, job.exists, settings.cwd);
      outcomes[index] = { source: job.relative, page: job.page, postmortem, written, failure: null };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, runner));
  return outcomes;
}
